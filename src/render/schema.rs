//! The JSON Schema of a plan file, generated from the model's types (feature `schema`).
//! Shipped as `public/plan.schema.json` so editors can validate and complete plans by hand.

use crate::plan::Plan;

/// The plan's JSON Schema as pretty JSON with a trailing newline.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(Plan);
    let mut text = serde_json::to_string_pretty(&schema)
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"));
    text.push('\n');
    text
}
