//! Bounds on a plan that comes from outside (a share link, an imported file): size, nesting, list
//! lengths and text lengths, checked on the JSON text in one pass before anything is built from it.
//!
//! Each limit is far above any real plan (the generated 500-category enterprise plan uses a tenth
//! of each or less) and low enough that the largest plan allowed still opens in a browser tab in
//! seconds. A plan over a limit is refused with the limit named, in the reader's words. The check
//! reads the text as JSON tokens without building values, so a link bomb costs a scan, not memory.
//! Plans built in memory (templates, `generate`, benchmarks) and the command line are not bounded.

use std::fmt;

/// The bounds a plan from outside must keep.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of JSON text.
    pub max_bytes: usize,
    /// Lists and objects inside each other.
    pub max_depth: usize,
    /// Characters in one text field.
    pub max_text_chars: usize,
    /// Entries in all lists together.
    pub max_total_items: usize,
    /// Entries in any one list not named in `lists`.
    pub max_list_items: usize,
    /// Tighter or looser bounds for particular lists, by JSON path with `[]` for "each entry"
    /// (`calendars[].holidays`): path, limit, what the entries are called.
    pub lists: &'static [ListLimit],
}

/// The bound on one named list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListLimit {
    pub path: &'static str,
    pub max_items: usize,
    /// What the entries are, in the plan's words ("channels").
    pub entries: &'static str,
}

const fn list(path: &'static str, max_items: usize, entries: &'static str) -> ListLimit {
    ListLimit {
        path,
        max_items,
        entries,
    }
}

/// What the app opens from a file or a share link. The 500-category plan of the end-to-end suite
/// (`support-ops generate 500`: 268 KB, 4,741 list entries, 50 channels) is well inside.
pub const PLAN_FROM_OUTSIDE: Limits = Limits {
    max_bytes: 8 * 1024 * 1024,
    max_depth: 32,
    max_text_chars: 20_000,
    max_total_items: 50_000,
    max_list_items: 5_000,
    lists: &[
        list("taxonomy", 5_000, "ticket categories"),
        list("escalation.rules", 2_000, "escalation rules"),
        list("channels", 200, "channels"),
        list("calendars", 200, "calendars"),
        list("tiers", 100, "support tiers"),
        list("priorities", 50, "priorities"),
    ],
};

/// Why a plan was refused. `Display` gives the message for the reader.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TooLarge {
    Bytes {
        found: usize,
        limit: usize,
    },
    Depth {
        limit: usize,
    },
    Text {
        path: String,
        limit: usize,
    },
    TotalItems {
        limit: usize,
    },
    List {
        path: String,
        entries: String,
        limit: usize,
    },
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TooLarge::Bytes { found, limit } => write!(
                f,
                "it is {} of plan text, and the app opens plans of up to {}",
                megabytes(*found),
                megabytes(*limit)
            ),
            TooLarge::Depth { limit } => write!(
                f,
                "its lists and sections are nested more than {limit} deep, which no plan is"
            ),
            TooLarge::Text { path, limit } => write!(
                f,
                "one of its texts ({path}) is longer than {} characters, the most one field holds",
                thousands(*limit)
            ),
            TooLarge::TotalItems { limit } => write!(
                f,
                "its lists hold more than {} entries together, and the app opens plans of up to {}",
                thousands(*limit),
                thousands(*limit)
            ),
            TooLarge::List { entries, limit, .. } => write!(
                f,
                "it has more than {} {entries}, the most a plan the app opens may have",
                thousands(*limit)
            ),
        }
    }
}

impl std::error::Error for TooLarge {}

/// `12345` → `12,345`: counts as people read them.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// "3.2 MB", rounded up: a size as the limits' messages say it.
pub fn megabytes(bytes: usize) -> String {
    let tenths = (bytes as u64 * 10).div_ceil(1024 * 1024);
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// One open list or object while scanning.
struct Open {
    is_list: bool,
    /// Entries so far (lists), counted at each value's start.
    items: usize,
    /// Length of `path` before this container added its part.
    path_len: usize,
    /// The bound on this list's entries and what they are called.
    limit: usize,
    entries: &'static str,
}

/// Checks `text` against `limits` without building anything from it. Text that is not valid JSON
/// passes as far as it goes: the parser that runs next says what is wrong with it.
pub fn check(text: &str, limits: &Limits) -> Result<(), TooLarge> {
    if text.len() > limits.max_bytes {
        return Err(TooLarge::Bytes {
            found: text.len(),
            limit: limits.max_bytes,
        });
    }
    let bytes = text.as_bytes();
    let mut stack: Vec<Open> = Vec::new();
    // The JSON path of the container being read, with `[]` for list entries.
    let mut path = String::new();
    // The last object key read, and whether a string just read is a key (followed by ':').
    let mut key = String::new();
    let mut total = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' | b',' | b':' => {
                i += 1;
                continue;
            }
            b']' | b'}' => {
                if let Some(open) = stack.pop() {
                    path.truncate(open.path_len);
                }
                i += 1;
                continue;
            }
            _ => {}
        }
        // Anything else starts a value (or, in an object, a key).
        let in_object = stack.last().is_some_and(|open| !open.is_list);
        if byte == b'"' {
            let (end, chars) = string_end(bytes, i + 1);
            let is_key = in_object && next_token(bytes, end) == Some(b':');
            if is_key {
                key.clear();
                key.push_str(text.get(i + 1..end - 1).unwrap_or_default());
            } else {
                count_value(&mut stack, &mut total, limits, &path)?;
                if chars > limits.max_text_chars {
                    let at = if in_object {
                        join(&path, &key)
                    } else {
                        path.clone()
                    };
                    return Err(TooLarge::Text {
                        path: at,
                        limit: limits.max_text_chars,
                    });
                }
            }
            i = end;
            continue;
        }
        count_value(&mut stack, &mut total, limits, &path)?;
        if byte == b'[' || byte == b'{' {
            if stack.len() >= limits.max_depth {
                return Err(TooLarge::Depth {
                    limit: limits.max_depth,
                });
            }
            let path_len = path.len();
            match stack.last() {
                Some(open) if open.is_list => path.push_str("[]"),
                Some(_) => {
                    let joined = join(&path, &key);
                    path.clear();
                    path.push_str(&joined);
                }
                None => {}
            }
            let is_list = byte == b'[';
            let named = limits.lists.iter().find(|l| is_list && l.path == path);
            stack.push(Open {
                is_list,
                items: 0,
                path_len,
                limit: named.map_or(limits.max_list_items, |l| l.max_items),
                entries: named.map_or("", |l| l.entries),
            });
            i += 1;
            continue;
        }
        // A number, true, false or null: skip to the next delimiter.
        while i < bytes.len()
            && !matches!(
                bytes[i],
                b',' | b']' | b'}' | b' ' | b'\n' | b'\r' | b'\t' | b':' | b'"' | b'[' | b'{'
            )
        {
            i += 1;
        }
        if i < bytes.len() && matches!(bytes[i], b'"' | b'[' | b'{' | b':') {
            // Not JSON (a value run into the next); let the parser say so.
            return Ok(());
        }
    }
    Ok(())
}

/// Counts a value in the list that holds it (if a list does), against that list's bound and the
/// total.
fn count_value(
    stack: &mut [Open],
    total: &mut usize,
    limits: &Limits,
    path: &str,
) -> Result<(), TooLarge> {
    let Some(open) = stack.last_mut() else {
        return Ok(());
    };
    if !open.is_list {
        return Ok(());
    }
    open.items += 1;
    *total += 1;
    if open.items > open.limit {
        return Err(TooLarge::List {
            path: path.to_string(),
            entries: if open.entries.is_empty() {
                format!("entries in one list ({})", path)
            } else {
                open.entries.to_string()
            },
            limit: open.limit,
        });
    }
    if *total > limits.max_total_items {
        return Err(TooLarge::TotalItems {
            limit: limits.max_total_items,
        });
    }
    Ok(())
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// From just after an opening quote: the index just after the closing quote (or the end of the
/// text) and the number of characters in between (escapes counted as written).
fn string_end(bytes: &[u8], mut i: usize) -> (usize, usize) {
    let mut chars = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => return (i + 1, chars),
            b'\\' => {
                i += 2;
                chars += 2;
            }
            byte => {
                i += 1;
                // Count characters, not bytes: skip UTF-8 continuation bytes.
                if byte & 0xc0 != 0x80 {
                    chars += 1;
                }
            }
        }
    }
    (bytes.len(), chars)
}

fn next_token(bytes: &[u8], from: usize) -> Option<u8> {
    bytes[from.min(bytes.len())..]
        .iter()
        .copied()
        .find(|b| !b.is_ascii_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::generate::{large_plan, PlanSize};
    use crate::plan::json::to_json;
    use crate::plan::{templates, Plan};

    fn refused(text: &str) -> TooLarge {
        match check(text, &PLAN_FROM_OUTSIDE) {
            Err(too_large) => too_large,
            Ok(()) => panic!("accepted: {}", &text[..text.len().min(200)]),
        }
    }

    #[test]
    fn real_plans_are_well_inside_every_limit() {
        assert_eq!(check(&to_json(&Plan::blank()), &PLAN_FROM_OUTSIDE), Ok(()));
        for template in templates::all() {
            assert_eq!(check(&to_json(&template.plan), &PLAN_FROM_OUTSIDE), Ok(()));
        }
        // The end-to-end suite's plan, and one four times its size.
        for categories in [500, 2_000] {
            let plan = large_plan(1, PlanSize::with_categories(categories));
            assert_eq!(
                check(&to_json(&plan), &PLAN_FROM_OUTSIDE),
                Ok(()),
                "{categories}"
            );
        }
    }

    #[test]
    fn a_hundred_thousand_empty_channels_are_refused_with_the_limit_named() {
        let text = format!(
            r#"{{"schema_version": 2, "header": {{}}, "channels": [{}]}}"#,
            vec!["{}"; 100_000].join(",")
        );
        let error = refused(&text);
        assert_eq!(
            error.to_string(),
            "it has more than 200 channels, the most a plan the app opens may have"
        );
        let text = format!(
            r#"{{"schema_version": 2, "header": {{}}, "taxonomy": [{}]}}"#,
            vec!["{}"; 100_000].join(",")
        );
        assert!(refused(&text)
            .to_string()
            .contains("5,000 ticket categories"));
    }

    #[test]
    fn nested_lists_texts_depth_and_size_are_bounded() {
        let holidays = format!(
            r#"{{"calendars": [{{"name": "x", "holidays": [{}]}}]}}"#,
            vec!["{}"; 5_001].join(",")
        );
        assert!(matches!(
            refused(&holidays),
            TooLarge::List { ref path, .. } if path == "calendars[].holidays"
        ));
        let long = format!(r#"{{"header": {{"product": "{}"}}}}"#, "é".repeat(20_001));
        assert_eq!(
            refused(&long),
            TooLarge::Text {
                path: "header.product".to_string(),
                limit: 20_000
            }
        );
        assert_eq!(refused(&"[".repeat(33)), TooLarge::Depth { limit: 32 });
        let category = format!(r#"{{"types": [{}]}}"#, vec!["1"; 5_000].join(","));
        let many = format!(r#"{{"taxonomy": [{}]}}"#, vec![category; 11].join(","));
        assert_eq!(refused(&many), TooLarge::TotalItems { limit: 50_000 });
        let big = " ".repeat(PLAN_FROM_OUTSIDE.max_bytes + 1);
        assert!(refused(&big).to_string().contains("8.0 MB"));
    }

    #[test]
    fn brackets_and_quotes_inside_texts_do_not_count() {
        let text = r#"{"channels": [{"name": "[[[[{{\"]]]"}], "header": {"product": "a,b,c"}}"#;
        assert_eq!(check(text, &PLAN_FROM_OUTSIDE), Ok(()));
    }

    #[test]
    fn numbers_are_thousands_and_megabytes_for_people() {
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(999), "999");
        assert_eq!(megabytes(8 * 1024 * 1024), "8.0 MB");
    }
}
