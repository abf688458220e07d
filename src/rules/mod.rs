//! Validation: pure functions from a plan to findings, one file per area, each rule with a stable id.
//! `check` runs them all; `CATALOGUE` lists every rule for the docs and the UI.

#[allow(dead_code)] // wired into `check` by the integrator
mod staffing;

use serde::Serialize;

use crate::plan::Plan;

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One thing a rule noticed about a plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable rule id, e.g. `SLA-002`.
    pub rule: &'static str,
    pub severity: Severity,
    /// The field it concerns, as a JSON path: `sla[1].resolution`, `header.team_size`.
    pub path: String,
    /// What is wrong, in a support leader's words.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// What the catalogue says of one rule: its id, how serious it is, and what it checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    /// A short title ("Resolution faster than first response").
    pub title: &'static str,
    /// What the rule checks and why it matters, in a support leader's words.
    pub explanation: &'static str,
}

/// Runs every rule over the plan. Findings come most severe first, then in plan order.
pub fn check(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    let _ = plan;
    findings.sort_by_key(|f: &Finding| f.severity);
    findings
}

/// The DOM id of the form field that edits the value at a JSON path:
/// `sla[1].resolution` → `field-sla-1-resolution`. Forms and the findings panel both use it.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("field");
    for part in path.split(['.', '[', ']']) {
        if !part.is_empty() {
            id.push('-');
            id.extend(part.chars().map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '-'
                }
            }));
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_ids_follow_json_paths() {
        assert_eq!(field_id("sla[1].resolution"), "field-sla-1-resolution");
        assert_eq!(field_id("header.product"), "field-header-product");
        assert_eq!(field_id("taxonomy[3].types[0]"), "field-taxonomy-3-types-0");
    }
}
