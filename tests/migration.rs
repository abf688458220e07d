//! Older plan files open in this version with nothing lost: every version-2 file the app and the
//! command line ever shipped (the starter templates as they were) migrates and round-trips.

use std::path::PathBuf;

use serde_json::Value;
use support_ops::plan::json::{from_json, to_json, MIGRATED_POLICY};
use support_ops::plan::{SlaMetric, Target, SCHEMA_VERSION};

fn fixtures() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/v2");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "json"))
        .map(|path| {
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            (path.display().to_string(), text)
        })
        .collect();
    files.sort();
    files
}

fn numbers_as_floats(value: &Value) -> Value {
    match value {
        Value::Number(n) => n.as_f64().map_or(Value::Null, Value::from),
        Value::Array(items) => Value::Array(items.iter().map(numbers_as_floats).collect()),
        Value::Object(fields) => Value::Object(
            fields
                .iter()
                .map(|(k, v)| (k.clone(), numbers_as_floats(v)))
                .collect(),
        ),
        other => other.clone(),
    }
}

#[test]
fn every_version_2_file_migrates_and_round_trips() {
    let files = fixtures();
    assert_eq!(files.len(), 4, "the four version-2 templates");
    for (name, text) in files {
        let old: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        assert_eq!(old["schema_version"], 2, "{name} is a version-2 file");
        let plan = from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(plan.schema_version, SCHEMA_VERSION);
        // The one SLA table is one policy for everyone, row for row.
        assert_eq!(plan.sla.len(), 1, "{name}");
        let policy = &plan.sla[0];
        assert_eq!(policy.name, MIGRATED_POLICY);
        assert!(policy.applies_to.is_everyone(), "{name}");
        let rows = old["sla"].as_array().cloned().unwrap_or_default();
        assert_eq!(policy.targets.len(), rows.len(), "{name}");
        for (row, old_row) in policy.targets.iter().zip(&rows) {
            assert_eq!(row.priority, old_row["priority"].as_str().unwrap_or(""));
            for metric in [
                SlaMetric::FirstResponse,
                SlaMetric::NextResponse,
                SlaMetric::Resolution,
            ] {
                let target = row.metric(metric);
                match old_row[metric.key()].as_str() {
                    // Each duration is kept exactly as it was written, on the row's calendar.
                    Some(written) => {
                        assert_eq!(target.target.to_string(), written, "{name}: {metric:?}");
                        assert_eq!(target.calendar, old_row["calendar"].as_str().unwrap_or(""));
                    }
                    None => assert_eq!(target.target, Target::NoTarget, "{name}: {metric:?}"),
                }
            }
            assert_eq!(
                row.warn_before.map(|w| w.to_string()),
                old_row["warn_before"].as_str().map(String::from),
                "{name}"
            );
        }
        // Everything else is where it was (numbers compared as numbers: 3 and 3.0 are one).
        let now: Value = serde_json::from_str(&to_json(&plan)).unwrap_or(Value::Null);
        let parts = old
            .as_object()
            .map(|o| o.keys().cloned().collect::<Vec<_>>());
        for part in parts.unwrap_or_default() {
            if part == "sla" || part == "schema_version" {
                continue;
            }
            assert_eq!(
                numbers_as_floats(&now[&part]),
                numbers_as_floats(&old[&part]),
                "{name}: {part}"
            );
        }
        // Saved again, it reads back the same.
        assert_eq!(from_json(&to_json(&plan)).as_ref(), Ok(&plan), "{name}");
    }
}

/// Files from before template values were recorded open with none marked (nothing claims a value
/// is the template's that the file does not say), and a plan started from a template keeps its
/// marks through a save and a load.
#[test]
fn template_marks_are_absent_in_old_files_and_survive_a_save() {
    for (name, text) in fixtures() {
        let plan = from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(plan.from_template.is_empty(), "{name}");
        assert!(!to_json(&plan).contains("from_template"), "{name}");
    }
    let started = support_ops::plan::templates::starter("b2b-saas").expect("a template");
    assert!(!started.from_template.is_empty());
    assert_eq!(from_json(&to_json(&started)), Ok(started));
}
