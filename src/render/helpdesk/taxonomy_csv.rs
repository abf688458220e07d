//! The ticket taxonomy as CSV for a helpdesk admin: one row per ticket type.
//! RFC 4180 quoting, and cells that a spreadsheet would run as a formula are neutralised.

use super::{file_stem, HelpdeskExport};
use crate::plan::{Part, Plan};

const HEADER: [&str; 6] = [
    "category", "type", "priority", "route_to", "team", "keywords",
];

/// `category,type,priority,route_to,team,keywords`, one row per type (a category without types
/// gets one row with an empty type). Keywords are joined with `; `. Lines end in CRLF (RFC 4180).
pub fn taxonomy_csv(plan: &Plan) -> HelpdeskExport {
    let mut body = String::new();
    push_row(&mut body, &HEADER.map(String::from));
    let mut report = Vec::new();
    for category in &plan.taxonomy {
        let keywords = category.keywords.join("; ");
        let types: Vec<&str> = if category.types.is_empty() {
            report.push(format!(
                "Category \"{}\" has no ticket types; it is one row with an empty type.",
                category.name
            ));
            vec![""]
        } else {
            category.types.iter().map(String::as_str).collect()
        };
        for ticket_type in types {
            push_row(
                &mut body,
                &[
                    category.name.clone(),
                    ticket_type.to_string(),
                    category.priority.clone(),
                    category.route_to.clone(),
                    category.team.clone(),
                    keywords.clone(),
                ],
            );
        }
        if !category.workflow.is_empty() {
            report.push(format!(
                "The resolution workflow of \"{}\" is not in the CSV; it is in the plan's text and Markdown exports.",
                category.name
            ));
        }
    }
    report.extend(super::not_in_file(plan, &[Part::Taxonomy], &[]));
    HelpdeskExport {
        file_name: format!("{}-taxonomy.csv", file_stem(&plan.header.product)),
        mime: "text/csv",
        body,
        report,
    }
}

/// One CSV line of neutralised cells, CRLF-terminated (RFC 4180).
pub(crate) fn push_row(body: &mut String, cells: &[String]) {
    let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
    body.push_str(&row.join(","));
    body.push_str("\r\n");
}

/// One CSV cell: a leading `=`, `+`, `-`, `@` (or tab / carriage return) gets a `'` so a spreadsheet
/// shows it as text instead of running it; quoted when it holds a comma, quote or line break.
pub fn csv_cell(text: &str) -> String {
    let neutral = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if neutral.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", neutral.replace('"', "\"\""))
    } else {
        neutral
    }
}
