//! The shift plan in words: a plain-text and a Markdown writer of the `ShiftPlan` summary, for
//! the command line until the document model gains its STAFFING ROSTER part.

use std::fmt::Write as _;

use super::roster::{ShiftPlan, TeamRoster};

/// "1,240".
fn grouped(value: f64) -> String {
    let whole = value.round() as i64;
    let digits = whole.abs().to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if whole < 0 {
        format!("-{out}")
    } else {
        out
    }
}

fn hours(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("{h}h"),
        (0, m) => format!("{m}m"),
        (h, m) => format!("{h}h{m:02}m"),
    }
}

/// The lines both writers share: the headline, the bound, and how the need was read.
fn headline(plan: &ShiftPlan) -> Vec<String> {
    let team = if plan.pooled {
        "One pooled team across channels".to_string()
    } else {
        format!("One team per channel ({})", plan.teams.len())
    };
    let mut lines = vec![
        plan.gap_sentence(),
        format!(
            "Paid hours a week: {} (no plan pays fewer than {}).",
            grouped(plan.paid_hours),
            grouped(plan.bound_paid_hours)
        ),
        format!(
            "{team}; people work {}; the need is grossed up for {:.0} % shrinkage.",
            plan.pattern,
            plan.shrinkage * 100.0
        ),
        format!(
            "Cover: {} person-hours a week on shift beyond the need, {} needed and not covered.",
            grouped(f64::from(plan.over_hours)),
            grouped(f64::from(plan.under_hours))
        ),
    ];
    if !plan.proven_optimal {
        lines.push(
            "The search stopped before it could prove this plan the cheapest; the bound above still holds."
                .to_string(),
        );
    }
    if plan.default_templates {
        lines.push("The plan names no shift templates, so the built-in ones are used.".to_string());
    }
    lines
}

fn uncovered_line(team: &TeamRoster) -> Option<String> {
    if team.uncovered_hours.is_empty() {
        return None;
    }
    let shown: Vec<String> = team
        .uncovered_hours
        .iter()
        .take(6)
        .map(|&h| crate::capacity::staffing::hour_label(h))
        .collect();
    Some(format!(
        "No template covers {} hour(s) that need people: {}{}.",
        team.uncovered_hours.len(),
        shown.join(", "),
        if team.uncovered_hours.len() > 6 {
            ", …"
        } else {
            ""
        }
    ))
}

/// The brief's plain-text style: a shouted heading and aligned rows.
pub fn to_text(plan: &ShiftPlan) -> String {
    let mut out = String::from("STAFFING ROSTER\n\n");
    for line in headline(plan) {
        let _ = writeln!(out, "{line}");
    }
    out.push_str("\nShift templates:\n");
    for t in &plan.templates {
        let _ = writeln!(
            out,
            "  {:<12} {}–{}  {} paid, {} unpaid break  {}",
            t.name,
            t.start,
            t.end,
            hours(t.paid_minutes),
            hours(t.unpaid_break_minutes),
            t.days
        );
    }
    for team in &plan.teams {
        let _ = writeln!(
            out,
            "\n{}: {} people, {} paid hours a week (at least {} people)",
            team.name,
            team.people,
            grouped(team.paid_hours),
            team.bound_people
        );
        for a in &team.assignments {
            let _ = writeln!(
                out,
                "  {:>4} × {:<12} {}–{}  {}",
                a.people, a.template, a.start, a.end, a.days_label
            );
        }
        if let Some(line) = uncovered_line(team) {
            let _ = writeln!(out, "  {line}");
        }
    }
    out
}

/// Markdown: a heading, the headline as a list, a table per team.
pub fn to_markdown(plan: &ShiftPlan) -> String {
    let cell = |text: &str| text.replace('|', "\\|");
    let mut out = String::from("## Staffing Roster\n\n");
    for line in headline(plan) {
        let _ = writeln!(out, "- {line}");
    }
    out.push_str("\n| shift | hours | paid | unpaid break | days |\n|---|---|---|---|---|\n");
    for t in &plan.templates {
        let _ = writeln!(
            out,
            "| {} | {}–{} | {} | {} | {} |",
            cell(&t.name),
            t.start,
            t.end,
            hours(t.paid_minutes),
            hours(t.unpaid_break_minutes),
            t.days
        );
    }
    for team in &plan.teams {
        let _ = writeln!(
            out,
            "\n### {}\n\n{} people, {} paid hours a week (no plan has fewer than {} people).\n\n| people | shift | hours | working days |\n|---|---|---|---|",
            cell(&team.name),
            team.people,
            grouped(team.paid_hours),
            team.bound_people
        );
        for a in &team.assignments {
            let _ = writeln!(
                out,
                "| {} | {} | {}–{} | {} |",
                a.people,
                cell(&a.template),
                a.start,
                a.end,
                a.days_label
            );
        }
        if let Some(line) = uncovered_line(team) {
            let _ = writeln!(out, "\n{line}");
        }
    }
    out
}
