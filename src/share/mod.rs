//! Share links: a whole plan packed into the URL fragment (`#share=v1.…`), which browsers never send
//! to a server, so a stakeholder opens the plan from a link with no account and no server.
//!
//! A link is `#share=v1.` followed by base64url of: a 4-byte FNV-1a checksum of the plan's compact
//! JSON, the length of the compressed stream (LEB128), and the raw DEFLATE stream. The checksum
//! catches a changed character; the length tells a cut-off link from a damaged one.

mod base64url;

use std::fmt;

use crate::plan::json::{from_json, LoadError};
use crate::plan::limits::{self, TooLarge, PLAN_FROM_OUTSIDE};
use crate::plan::Plan;

/// What starts the fragment of every share link.
pub const FRAGMENT_PREFIX: &str = "#share=";

/// The link format this build writes and reads. A link with a higher number needs a newer app.
pub const LINK_VERSION: u32 = 1;

/// Links longer than this (in characters) get mangled or refused by some chat tools, email clients
/// and ticket systems; offer the plan file instead.
pub const PRACTICAL_LINK_LIMIT: usize = 8_000;

/// A link never unpacks to more than this many bytes of JSON, so a crafted link cannot exhaust memory.
const MAX_PLAN_BYTES: usize = 4 * 1024 * 1024;

/// DEFLATE effort: 9 is the smallest link; plans are small, so the extra time is a millisecond.
const COMPRESSION_LEVEL: u8 = 9;

/// Why a share link could not be opened. `Display` gives the message for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// The text has no `#share=` part at all.
    NotAShareLink,
    /// The link was changed on the way: a wrong character, or a checksum that does not match.
    Damaged { detail: String },
    /// The link lost its end (common when a long link is pasted into chat or email).
    Truncated,
    /// Made by a newer app with a link format this build does not know.
    NewerVersion { version: u32 },
    /// The link arrived intact but the plan in it cannot be read.
    InvalidPlan(LoadError),
    /// The plan in the link is over a limit no real plan comes near (a link made to do harm).
    TooLarge(TooLarge),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const ASK_AGAIN: &str =
            "Ask the author to copy the link again from Share, or to send the plan file instead.";
        match self {
            ShareError::NotAShareLink => write!(
                f,
                "This is not a share link: a share link ends in \"#share=v1.\" followed by the plan. {ASK_AGAIN}"
            ),
            ShareError::Damaged { detail } => {
                write!(f, "This share link is damaged ({detail}). {ASK_AGAIN}")
            }
            ShareError::Truncated => write!(
                f,
                "This share link is cut off: its end is missing, which often happens when a long link \
                 is pasted into chat or email. {ASK_AGAIN}"
            ),
            ShareError::NewerVersion { version } => write!(
                f,
                "This share link was made by a newer version of the app (link format v{version}; this \
                 app reads up to v{LINK_VERSION}). Reload the page to get the newest app, or ask the \
                 author for the plan file."
            ),
            ShareError::InvalidPlan(error) => write!(
                f,
                "The link arrived intact, but the plan in it cannot be read: {error}."
            ),
            ShareError::TooLarge(detail) => write!(
                f,
                "This share link holds a plan too large to open safely: {detail}. No real plan \
                 is this large, so nothing was opened. Ask the author how the link was made."
            ),
        }
    }
}

impl std::error::Error for ShareError {}

/// The fragment that carries `plan`: `#share=v1.<payload>`.
pub fn share_fragment(plan: &Plan) -> String {
    fragment_of_json(&serde_json::to_string(plan).unwrap_or_default())
}

/// The fragment that carries `json` as the plan, whatever that text is: what [`share_fragment`]
/// writes, and how tests and fuzzing build links around hostile or broken plans.
pub fn fragment_of_json(json: &str) -> String {
    let compressed = miniz_oxide::deflate::compress_to_vec(json.as_bytes(), COMPRESSION_LEVEL);
    let mut bytes = Vec::with_capacity(compressed.len() + 8);
    bytes.extend_from_slice(&checksum(json.as_bytes()).to_be_bytes());
    push_length(&mut bytes, compressed.len());
    bytes.extend_from_slice(&compressed);
    format!(
        "{FRAGMENT_PREFIX}v{LINK_VERSION}.{}",
        base64url::encode(&bytes)
    )
}

/// The full link: `page_url` without any fragment it had, followed by the plan's fragment.
pub fn share_link(page_url: &str, plan: &Plan) -> String {
    let page = page_url.split('#').next().unwrap_or(page_url);
    format!("{page}{}", share_fragment(plan))
}

/// Whether a link is too long to pass around safely (see [`PRACTICAL_LINK_LIMIT`]).
pub fn link_is_too_long(link: &str) -> bool {
    link.chars().count() > PRACTICAL_LINK_LIMIT
}

/// Whether `text` (a whole URL or just its fragment) carries a share link, intact or not.
pub fn has_share_fragment(text: &str) -> bool {
    fragment(text).is_some_and(|f| f.starts_with(&FRAGMENT_PREFIX[1..]))
}

/// Reads the plan out of a share link: a whole URL, or just its fragment (`#share=v1.…`).
pub fn decode_link(text: &str) -> Result<Plan, ShareError> {
    let value = fragment(text)
        .and_then(|f| f.strip_prefix(&FRAGMENT_PREFIX[1..]))
        .ok_or(ShareError::NotAShareLink)?;
    // Links wrapped across lines in an email come back with spaces or line breaks in them, typed
    // or percent-encoded (`%20`) by the address bar. None of them belongs to the link.
    let value = without_spaces(value);
    if value.is_empty() {
        return Err(ShareError::Truncated);
    }
    let (version, payload) = split_version(&value)?;
    if version > LINK_VERSION {
        return Err(ShareError::NewerVersion { version });
    }
    let bytes = base64url::decode(payload).map_err(|error| match error {
        base64url::Base64Error::Incomplete => ShareError::Truncated,
        base64url::Base64Error::BadCharacter { position } => damaged(format!(
            "it has a character that does not belong in a share link at position {}",
            position + 1
        )),
    })?;
    let json = unpack(&bytes)?;
    limits::check(&json, &PLAN_FROM_OUTSIDE).map_err(ShareError::TooLarge)?;
    from_json(&json).map_err(ShareError::InvalidPlan)
}

/// `value` without whitespace, literal or percent-encoded (`%20`, `%0A`, `%0D`, `%09`): the
/// link's own alphabet has no `%`, so these are only ever what a mail client or address bar added.
fn without_spaces(value: &str) -> String {
    let mut kept = String::with_capacity(value.len());
    let mut rest = value;
    while let Some(c) = rest.chars().next() {
        let encoded_space = rest
            .get(..3)
            .filter(|code| code.starts_with('%'))
            .is_some_and(|code| {
                matches!(
                    code[1..].to_ascii_uppercase().as_str(),
                    "20" | "0A" | "0D" | "09"
                )
            });
        if encoded_space {
            rest = &rest[3..];
            continue;
        }
        if !c.is_whitespace() {
            kept.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    kept
}

/// The part after `#`, or the whole text when it is already a bare fragment.
fn fragment(text: &str) -> Option<&str> {
    let text = text.trim();
    match text.split_once('#') {
        Some((_, fragment)) => Some(fragment),
        None if text.starts_with(&FRAGMENT_PREFIX[1..]) => Some(text),
        None => None,
    }
}

fn damaged(detail: impl Into<String>) -> ShareError {
    ShareError::Damaged {
        detail: detail.into(),
    }
}

/// `v1.payload` → (1, "payload").
fn split_version(value: &str) -> Result<(u32, &str), ShareError> {
    let (version, payload) = value.split_once('.').ok_or_else(|| {
        if value.starts_with('v') && value[1..].bytes().all(|b| b.is_ascii_digit()) {
            ShareError::Truncated
        } else {
            damaged("its format marker is missing")
        }
    })?;
    let version = version
        .strip_prefix('v')
        .and_then(|digits| digits.parse::<u32>().ok())
        .filter(|&v| v > 0)
        .ok_or_else(|| damaged("its format marker is not one this app knows"))?;
    Ok((version, payload))
}

/// Checks length and checksum and inflates the plan's JSON.
fn unpack(bytes: &[u8]) -> Result<String, ShareError> {
    let (expected_sum, rest) = bytes
        .split_first_chunk::<4>()
        .ok_or(ShareError::Truncated)?;
    let (length, stream) = read_length(rest).ok_or(ShareError::Truncated)?;
    if stream.len() < length {
        return Err(ShareError::Truncated);
    }
    if stream.len() > length {
        return Err(damaged("it has extra characters at the end"));
    }
    let json = miniz_oxide::inflate::decompress_to_vec_with_limit(stream, MAX_PLAN_BYTES).map_err(
        |error| match error.status {
            miniz_oxide::inflate::TINFLStatus::HasMoreOutput => {
                damaged("it unpacks to far more than any plan")
            }
            _ => damaged("its packed plan cannot be unpacked"),
        },
    )?;
    if checksum(&json) != u32::from_be_bytes(*expected_sum) {
        return Err(damaged(
            "its checksum does not match, so a character was changed",
        ));
    }
    String::from_utf8(json).map_err(|_| damaged("its plan is not text"))
}

/// FNV-1a, 32 bits: small, and enough to notice a changed or missing character.
fn checksum(bytes: &[u8]) -> u32 {
    bytes.iter().fold(0x811c_9dc5, |hash: u32, &byte| {
        (hash ^ u32::from(byte)).wrapping_mul(0x0100_0193)
    })
}

/// Appends `length` as LEB128 (7 bits a byte, high bit = more follows).
fn push_length(bytes: &mut Vec<u8>, mut length: usize) {
    loop {
        let low = (length & 0x7f) as u8;
        length >>= 7;
        if length == 0 {
            bytes.push(low);
            return;
        }
        bytes.push(low | 0x80);
    }
}

/// Reads a LEB128 length; `None` when the bytes end inside it or it is absurdly large.
fn read_length(bytes: &[u8]) -> Option<(usize, &[u8])> {
    let mut length = 0usize;
    for (index, &byte) in bytes.iter().enumerate().take(4) {
        length |= usize::from(byte & 0x7f) << (7 * index);
        if byte & 0x80 == 0 {
            return Some((length, &bytes[index + 1..]));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fnv1a_matches_the_published_test_values() {
        // From the FNV reference test suite: "" and "a", 32-bit FNV-1a.
        assert_eq!(checksum(b""), 0x811c_9dc5);
        assert_eq!(checksum(b"a"), 0xe40c_292c);
        assert_eq!(checksum(b"foobar"), 0xbf9c_f968);
    }

    #[test]
    fn lengths_round_trip_through_leb128() {
        for length in [0usize, 1, 127, 128, 300, 16_383, 16_384, 2_000_000] {
            let mut bytes = Vec::new();
            push_length(&mut bytes, length);
            assert_eq!(read_length(&bytes), Some((length, &[][..])));
        }
        let mut bytes = Vec::new();
        push_length(&mut bytes, 300);
        assert_eq!(bytes, [0xac, 0x02]);
    }

    #[test]
    fn spaces_typed_or_percent_encoded_are_dropped_and_nothing_else() {
        assert_eq!(without_spaces("v1.AB CD%20EF%0aGH%0D\tIJ"), "v1.ABCDEFGHIJ");
        assert_eq!(without_spaces("v1.AB%41%2"), "v1.AB%41%2");
        assert_eq!(without_spaces("é %20"), "é");
    }

    #[test]
    fn finds_the_fragment_in_a_whole_url_or_alone() {
        assert_eq!(
            fragment("https://x.io/app/#share=v1.AB"),
            Some("share=v1.AB")
        );
        assert_eq!(fragment("#share=v1.AB"), Some("share=v1.AB"));
        assert_eq!(fragment("share=v1.AB"), Some("share=v1.AB"));
        assert_eq!(fragment("https://x.io/app/"), None);
    }
}
