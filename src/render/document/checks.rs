//! The Checks part: what the app's rules found in the plan, as a stakeholder reads it beside the
//! plan and as the Markdown export carries it.

use std::borrow::Cow;

use super::words::{heading, paragraph};
use super::Block;
use crate::rules::{Finding, Severity};

/// "The app's checks found 2 errors and 1 warning in this plan.", then each error and warning.
pub fn checks_part(findings: &[Finding]) -> Vec<Block<'static>> {
    let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
    let (errors, warnings) = (count(Severity::Error), count(Severity::Warning));
    let summary = match (errors, warnings) {
        (0, 0) => "The app's checks found no problems in this plan.".to_string(),
        _ => format!(
            "The app's checks found {} and {} in this plan.",
            counted(errors, "error"),
            counted(warnings, "warning")
        ),
    };
    let mut blocks = vec![heading(2, "Checks"), paragraph(summary)];
    let items: Vec<_> = findings
        .iter()
        .filter(|f| f.severity != Severity::Info)
        .map(|f| Cow::Owned(format!("{}: {}", severity_word(f.severity), f.message)))
        .collect();
    if !items.is_empty() {
        blocks.push(Block::List {
            ordered: false,
            items,
        });
    }
    blocks
}

fn severity_word(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Error",
        Severity::Warning => "Warning",
        Severity::Info => "Info",
    }
}

fn counted(count: usize, noun: &str) -> String {
    if count == 1 {
        format!("1 {noun}")
    } else {
        format!("{count} {noun}s")
    }
}
