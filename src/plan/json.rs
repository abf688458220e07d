//! Reading and writing a plan as JSON: `schema_version` checks, migration of older files,
//! and errors that name the JSON path, line and column in words a support leader follows.

use std::fmt;

use serde_json::Value;

use super::json_path::{path_at, position_of};
use super::limits::{self, Limits};
use super::{Path, Plan, SCHEMA_VERSION};

/// Why a plan file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LoadError {
    /// What went wrong, in plain words.
    pub message: String,
    /// Where in the plan (`sla[2].resolution`), if known: printed as findings and form fields
    /// print their paths.
    pub path: Option<Path>,
    /// Line and column (1-based), if known.
    pub position: Option<(usize, usize)>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)?;
        if let Some(path) = &self.path {
            write!(f, " (at {path}")?;
            if let Some((line, column)) = self.position {
                write!(f, ", line {line}, column {column}")?;
            }
            f.write_str(")")?;
        } else if let Some((line, column)) = self.position {
            write!(f, " (line {line}, column {column})")?;
        }
        Ok(())
    }
}

impl std::error::Error for LoadError {}

/// Reads a plan that comes from outside the app (an imported file, pasted text) as the app opens
/// it: any encoding [`text_from_bytes`] knows, within `limits` (checked before anything is built,
/// so a huge or hostile file is refused in a moment), then [`from_json`].
pub fn from_outside(bytes: &[u8], limits: &Limits) -> Result<Plan, LoadError> {
    let too_large = |detail: limits::TooLarge| LoadError {
        message: format!("This plan is too large to open safely: {detail}"),
        path: None,
        position: None,
    };
    // Refused before decoding, so a 1 GB file costs nothing (UTF-16 holds up to twice the bytes).
    if bytes.len() > limits.max_bytes.saturating_mul(2) {
        return Err(too_large(limits::TooLarge::Bytes {
            found: bytes.len(),
            limit: limits.max_bytes,
        }));
    }
    let text = text_from_bytes(bytes)?;
    limits::check(&text, limits).map_err(too_large)?;
    from_json(&text)
}

/// Reads a plan file's bytes as text: UTF-8 with or without a byte-order mark, or UTF-16 with
/// one (as some Windows editors save). A file that is not text at all says so.
pub fn text_from_bytes(bytes: &[u8]) -> Result<String, LoadError> {
    let plain = |message: &str| LoadError {
        message: message.to_string(),
        path: None,
        position: None,
    };
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        if rest.len() % 2 != 0 {
            return Err(plain(
                "The file ends too early: it looks cut off (was it copied in full?)",
            ));
        }
        let units = rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| plain(NOT_TEXT))
    };
    let text = match bytes {
        [0xef, 0xbb, 0xbf, rest @ ..] => {
            String::from_utf8(rest.to_vec()).map_err(|_| plain(NOT_TEXT))?
        }
        [0xff, 0xfe, rest @ ..] => utf16(rest, u16::from_le_bytes)?,
        [0xfe, 0xff, rest @ ..] => utf16(rest, u16::from_be_bytes)?,
        _ => String::from_utf8(bytes.to_vec()).map_err(|_| plain(NOT_TEXT))?,
    };
    // JSON never holds NUL and the like, even inside strings: such a file is binary.
    if text.chars().any(is_binary_control) {
        return Err(plain(NOT_TEXT));
    }
    Ok(text)
}

/// What a file that is not text (an image, a spreadsheet, a zip) is told.
const NOT_TEXT: &str = "This file is not a plan: it is not text but binary data (an image, a \
     spreadsheet or an archive?). A plan file is JSON text, as saved by Export → JSON";

/// A control character JSON text never holds raw, not even inside a string.
fn is_binary_control(c: char) -> bool {
    c < ' ' && !matches!(c, '\t' | '\n' | '\r')
}

/// Text that is not JSON and holds such control characters, or characters a browser put in for
/// bytes that were not valid text, came from a binary file. (Asked only once the JSON failed: a
/// valid plan may hold U+FFFD in its own words.)
fn looks_binary(text: &str) -> bool {
    text.chars()
        .any(|c| c == '\u{fffd}' || is_binary_control(c))
}

/// Reads a plan from JSON text, migrating older schema versions. A leading byte-order mark is
/// ignored.
pub fn from_json(text: &str) -> Result<Plan, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    // A current plan, the usual case, in one pass: a large draft opens in half the time.
    if let Ok(plan) = serde_json::from_str::<Plan>(text) {
        if plan.schema_version == SCHEMA_VERSION {
            return Ok(plan);
        }
    }
    // Anything else (bad JSON, another version, a wrong field) goes the careful way, which says
    // what is wrong and where.
    let value: Value = serde_json::from_str(text).map_err(|error| {
        if looks_binary(text) {
            LoadError {
                message: NOT_TEXT.to_string(),
                path: None,
                position: None,
            }
        } else {
            syntax_error(error)
        }
    })?;
    let version = schema_version_of(&value)?;
    if version == SCHEMA_VERSION {
        return plan_from_text(text);
    }
    // An older file is migrated as a value, then read through the same path as a current one:
    // one deserialiser for the whole model keeps the wasm small.
    let migrated = migrate(value, version)?;
    plan_from_text(&migrated.to_string()).map_err(|error| LoadError {
        // Positions would point into the migrated text: find the field in the user's file
        // instead, when migration left it where it was.
        position: error.path.as_ref().and_then(|path| position_of(text, path)),
        ..error
    })
}

/// Deserialises from the text itself so type errors keep their line and column, from which the
/// path is found.
fn plan_from_text(text: &str) -> Result<Plan, LoadError> {
    serde_json::from_str(text).map_err(|error| shape_error(text, &error))
}

/// Writes a plan as pretty JSON (two-space indent, trailing newline).
pub fn to_json(plan: &Plan) -> String {
    let mut text = serde_json::to_string_pretty(plan)
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"));
    text.push('\n');
    text
}

fn schema_version_of(value: &Value) -> Result<u32, LoadError> {
    let plain = |message: String| LoadError {
        message,
        path: None,
        position: None,
    };
    let object = value.as_object().ok_or_else(|| {
        plain("This is not a plan: a plan file is a JSON object starting with {".to_string())
    })?;
    let version = object.get("schema_version").ok_or_else(|| {
        plain(format!(
            "This file has no \"schema_version\", so it is not a plan saved by this app. \
             Add \"schema_version\": {SCHEMA_VERSION} if you wrote it by hand"
        ))
    })?;
    let version = version.as_u64().ok_or_else(|| LoadError {
        message: "\"schema_version\" must be a whole number".to_string(),
        path: Some(Path::field("schema_version")),
        position: None,
    })?;
    if version == 0 {
        return Err(LoadError {
            message: "\"schema_version\" is 0, which no version of the app writes: a plan file's \
                      format is 1 or higher. Check where this file came from"
                .to_string(),
            path: Some(Path::field("schema_version")),
            position: None,
        });
    }
    if version > u64::from(SCHEMA_VERSION) {
        return Err(plain(format!(
            "This plan was saved by a newer version of the app (format {version}; this app reads up to {SCHEMA_VERSION}). \
             Open it in the newer app, or export it from there as text or Markdown"
        )));
    }
    Ok(version as u32)
}

/// Upgrades an older plan, one version at a time, to the current format.
fn migrate(mut value: Value, from: u32) -> Result<Value, LoadError> {
    let mut version = from;
    while version < SCHEMA_VERSION {
        value = match version {
            1 => migrate_v1_to_v2(value),
            2 => migrate_v2_to_v3(value),
            _ => value,
        };
        version += 1;
    }
    if let Some(object) = value.as_object_mut() {
        object.insert("schema_version".to_string(), Value::from(SCHEMA_VERSION));
    }
    Ok(value)
}

/// Version 1 stored durations as whole minutes and called the team size `agents`.
fn migrate_v1_to_v2(mut value: Value) -> Value {
    const DURATION_KEYS: [&str; 7] = [
        "first_response",
        "next_response",
        "resolution",
        "warn_before",
        "handle_time",
        "response",
        "timeframe",
    ];
    fn minutes_to_text(value: &mut Value) {
        if let Some(minutes) = value.as_u64() {
            *value = Value::String(format!("{minutes}m"));
        }
    }
    fn walk(value: &mut Value, keys: &[&str]) {
        match value {
            Value::Object(object) => {
                for (key, child) in object.iter_mut() {
                    if keys.contains(&key.as_str()) {
                        minutes_to_text(child);
                    }
                    walk(child, keys);
                }
            }
            Value::Array(items) => items.iter_mut().for_each(|item| walk(item, keys)),
            _ => {}
        }
    }
    if let Some(header) = value.get_mut("header").and_then(Value::as_object_mut) {
        if let Some(agents) = header.remove("agents") {
            header.insert("team_size".to_string(), agents);
        }
    }
    // Success-metric durations: metrics.first_response/resolution.{baseline,target}.
    if let Some(metrics) = value.get_mut("metrics").and_then(Value::as_object_mut) {
        for metric in ["first_response", "resolution"] {
            if let Some(target) = metrics.get_mut(metric).and_then(Value::as_object_mut) {
                for key in ["baseline", "target"] {
                    if let Some(field) = target.get_mut(key) {
                        minutes_to_text(field);
                    }
                }
            }
        }
    }
    walk(&mut value, &DURATION_KEYS);
    value
}

/// The name of the one SLA policy an older plan's SLA table becomes.
pub const MIGRATED_POLICY: &str = "All customers";

/// Version 2 had one SLA table: rows with `first_response`, `next_response` (optional) and
/// `resolution` durations on one row `calendar`. Version 3 holds named policies, and each metric
/// has a target (or none) on a clock of its own. The old table becomes one policy that applies
/// to everyone, each metric keeps its duration as written and the row's calendar.
fn migrate_v2_to_v3(mut value: Value) -> Value {
    let Some(object) = value.as_object_mut() else {
        return value;
    };
    let Some(rows) = object.get_mut("sla").and_then(Value::as_array_mut) else {
        return value;
    };
    let targets: Vec<Value> = rows
        .iter_mut()
        .map(|row| migrate_sla_row(row.take()))
        .collect();
    let mut policy = serde_json::Map::new();
    policy.insert("name".into(), Value::from(MIGRATED_POLICY));
    policy.insert("targets".into(), Value::Array(targets));
    object.insert("sla".into(), Value::Array(vec![Value::Object(policy)]));
    value
}

fn migrate_sla_row(mut row: Value) -> Value {
    let Some(fields) = row.as_object_mut() else {
        return row;
    };
    let calendar = fields.remove("calendar").unwrap_or(Value::from(""));
    for metric in ["first_response", "next_response", "resolution"] {
        // A metric the file leaves out was never promised: it stays without a target.
        let target = match fields.remove(metric) {
            None | Some(Value::Null) => continue,
            Some(duration) => duration,
        };
        let mut clock = serde_json::Map::new();
        clock.insert("target".into(), target);
        clock.insert("calendar".into(), calendar.clone());
        fields.insert(metric.into(), Value::Object(clock));
    }
    row
}

fn syntax_error(error: serde_json::Error) -> LoadError {
    let message = match error.classify() {
        serde_json::error::Category::Eof => {
            "The file ends too early: it looks cut off (was it copied in full?)".to_string()
        }
        _ => format!(
            "This is not valid JSON: {}",
            strip_position(&error.to_string())
        ),
    };
    LoadError {
        message,
        path: None,
        position: Some((error.line(), error.column())),
    }
}

fn shape_error(text: &str, error: &serde_json::Error) -> LoadError {
    let known = error.line() > 0;
    LoadError {
        message: format!(
            "This plan has a field the app cannot read: {}",
            strip_position(&error.to_string()).trim_end_matches('.')
        ),
        path: known
            .then(|| path_at(text, error.line(), error.column()))
            .flatten(),
        position: known.then(|| (error.line(), error.column())),
    }
}

/// serde_json appends " at line L column C"; we report the position separately.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_string(),
        None => message.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Duration;

    #[test]
    fn blank_plan_round_trips() {
        let plan = Plan::blank();
        assert_eq!(from_json(&to_json(&plan)), Ok(plan));
    }

    #[test]
    fn unknown_field_names_its_path_and_line() {
        let text = "{\n  \"schema_version\": 3,\n  \"header\": {\n    \"product\": \"Acme\",\n    \"colour\": 1\n  }\n}";
        let error = from_json(text).unwrap_err();
        assert_eq!(error.path.as_ref().map(Path::as_str), Some("header.colour"));
        assert_eq!(error.position.map(|p| p.0), Some(5));
        assert!(error.message.contains("unknown field `colour`"), "{error}");
    }

    #[test]
    fn wrong_type_names_its_path() {
        let text = r#"{"schema_version": 3, "header": {"team_size": "twelve"}}"#;
        let error = from_json(text).unwrap_err();
        assert_eq!(
            error.path.as_ref().map(Path::as_str),
            Some("header.team_size")
        );
    }

    #[test]
    fn bad_duration_says_how_to_write_one() {
        let text = r#"{"schema_version": 3, "header": {}, "sla": [{"name": "Standard", "targets": [{"priority": "High", "first_response": {"target": "soon", "calendar": "24/7"}}]}]}"#;
        let error = from_json(text).unwrap_err();
        assert_eq!(
            error.path.as_ref().map(Path::as_str),
            Some("sla[0].targets[0].first_response.target")
        );
        assert!(error.message.contains("30m, 4h"), "{error}");
    }

    #[test]
    fn newer_version_is_refused_plainly() {
        let error = from_json(r#"{"schema_version": 99, "header": {}}"#).unwrap_err();
        assert!(error.message.contains("newer version"), "{error}");
    }

    #[test]
    fn truncated_file_says_it_is_cut_off() {
        let text = to_json(&Plan::blank());
        let error = from_json(&text[..text.len() / 2]).unwrap_err();
        assert!(error.message.contains("cut off"), "{error}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let text = "[".repeat(100_000);
        assert!(from_json(&text).is_err());
    }

    /// A version 2 plan's one SLA table becomes one policy for everyone: every duration kept as
    /// written (`24h` stays `24h`), each metric on the row's calendar, a missing next response
    /// without a target.
    #[test]
    fn version_two_sla_table_becomes_one_policy() {
        let text = r#"{"schema_version": 2, "header": {"product": "Old"},
            "sla": [{"priority": "High", "first_response": "60m", "next_response": "24h",
                     "resolution": "14d", "calendar": "Office", "warn_before": "1bd"},
                    {"priority": "Low", "first_response": "1d", "next_response": null,
                     "resolution": "0m", "calendar": "24/7"}]}"#;
        let plan = from_json(text).unwrap();
        assert_eq!(plan.sla.len(), 1);
        let policy = &plan.sla[0];
        assert_eq!(policy.name, MIGRATED_POLICY);
        assert!(policy.applies_to.is_everyone());
        let high = &policy.targets[0];
        assert_eq!(high.first_response.target.to_string(), "60m");
        assert_eq!(high.next_response.target.to_string(), "24h");
        assert_eq!(high.resolution.target.to_string(), "14d");
        assert_eq!(high.resolution.calendar, "Office");
        assert_eq!(
            high.warn_before.map(|w| w.to_string()).as_deref(),
            Some("1bd")
        );
        let low = &policy.targets[1];
        assert_eq!(low.next_response.target, crate::plan::Target::NoTarget);
        assert_eq!(
            low.resolution.target.to_string(),
            "0m",
            "instant stays instant"
        );
        // Saved again, it reads back the same.
        assert_eq!(from_json(&to_json(&plan)), Ok(plan));
    }

    #[test]
    fn version_zero_is_not_called_newer() {
        let error = from_json(r#"{"schema_version": 0, "header": {}}"#).unwrap_err();
        assert!(!error.message.contains("newer"), "{error}");
        assert!(error.message.contains("is 0"), "{error}");
        assert_eq!(
            error.path.as_ref().map(Path::as_str),
            Some("schema_version")
        );
    }

    #[test]
    fn no_message_ends_in_a_full_stop_so_callers_can_add_their_own() {
        let cases = [
            "{\"schema_version\": 99, \"header\": {}}",
            "{\"schema_version\": 0, \"header\": {}}",
            "{\"header\": {}}",
            "[1]",
            "{\"schema_version\": 2, \"header\": {}, \"sla\": [{\"priority\": \"High\", \"first_response\": \"soon\", \"resolution\": \"1d\", \"calendar\": \"24/7\"}]}",
            "not json",
            "{\"schema_version\": 2,",
            "PK\u{3}\u{4}\u{0}\u{0}",
        ];
        for text in cases {
            let error = from_json(text).unwrap_err();
            assert!(!error.message.ends_with('.'), "{text}: {error}");
            assert!(!error.to_string().ends_with('.'), "{text}: {error}");
        }
    }

    #[test]
    fn a_byte_order_mark_is_ignored_in_text_and_bytes() {
        let text = to_json(&Plan::blank());
        assert_eq!(from_json(&format!("\u{feff}{text}")), Ok(Plan::blank()));
        let mut bytes = vec![0xef, 0xbb, 0xbf];
        bytes.extend_from_slice(text.as_bytes());
        assert_eq!(text_from_bytes(&bytes).as_deref(), Ok(text.as_str()));
    }

    #[test]
    fn utf16_files_with_a_byte_order_mark_are_read() {
        let text = "{\"schema_version\": 2, \"header\": {\"product\": \"Café ☕\"}}";
        let mut little = vec![0xff, 0xfe];
        let mut big = vec![0xfe, 0xff];
        for unit in text.encode_utf16() {
            little.extend_from_slice(&unit.to_le_bytes());
            big.extend_from_slice(&unit.to_be_bytes());
        }
        for bytes in [little, big] {
            let read = text_from_bytes(&bytes).unwrap();
            assert_eq!(from_json(&read).unwrap().header.product, "Café ☕");
        }
    }

    #[test]
    fn a_binary_file_is_not_called_cut_off() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01";
        let error = text_from_bytes(png).unwrap_err();
        assert!(error.message.contains("not text"), "{error}");
        // Text that a browser decoded from a binary file, replacement characters and all.
        let decoded = String::from_utf8_lossy(b"PK\x03\x04\x14\0\x08\0\x08\0\xc5");
        let error = from_json(&decoded).unwrap_err();
        assert!(error.message.contains("not text"), "{error}");
        assert!(!error.message.contains("cut off"), "{error}");
    }

    #[test]
    fn a_plan_from_outside_is_bounded_before_it_is_built() {
        use crate::plan::limits::PLAN_FROM_OUTSIDE;
        let blank = to_json(&Plan::blank());
        assert_eq!(
            from_outside(blank.as_bytes(), &PLAN_FROM_OUTSIDE),
            Ok(Plan::blank())
        );
        let bomb = format!(
            r#"{{"schema_version": 2, "header": {{}}, "channels": [{}]}}"#,
            vec!["{}"; 20_000].join(",")
        );
        let error = from_outside(bomb.as_bytes(), &PLAN_FROM_OUTSIDE).unwrap_err();
        assert!(
            error.message.contains("too large to open safely"),
            "{error}"
        );
        assert!(error.message.contains("200 channels"), "{error}");
        let huge = vec![b' '; 17 * 1024 * 1024];
        let error = from_outside(&huge, &PLAN_FROM_OUTSIDE).unwrap_err();
        assert!(error.message.contains("17.0 MB"), "{error}");
    }

    #[test]
    fn version_one_migrates_minutes_and_agents() {
        let text = r#"{"schema_version": 1, "header": {"product": "Old", "agents": 7},
            "sla": [{"priority": "Critical", "first_response": 30, "resolution": 240, "calendar": "24/7"}],
            "metrics": {"first_response": {"target": 60}, "csat": {"target": 90}}}"#;
        let plan = from_json(text).unwrap();
        assert_eq!(plan.schema_version, SCHEMA_VERSION);
        assert_eq!(plan.header.team_size, 7);
        let row = &plan.sla[0].targets[0];
        assert_eq!(row.first_response.within(), Some(Duration::minutes(30)));
        assert_eq!(row.first_response.calendar, "24/7");
        // 240 minutes stay 240 minutes: a version 1 file wrote whole minutes.
        assert_eq!(row.resolution.target.to_string(), "240m");
        assert_eq!(plan.metrics.first_response.target.to_string(), "60m");
        assert_eq!(plan.metrics.csat.target, 90.0);
    }
}
