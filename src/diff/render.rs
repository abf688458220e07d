//! The comparison as a document: the brief's text style (`═` header, shouted headings, pipe
//! tables with "before → after" cells) and GitHub Markdown, with the same content. The phrases
//! both use are public, so the app's HTML view of a comparison says the same.

use std::fmt::{self, Write};

use super::{Comparison, Hours, PolicyChange, Staffing, Verdict};
use crate::plan::SlaMetric;
use crate::render::{markdown_text, text_line, Number, DOUBLE_RULE, SINGLE_RULE};
use crate::rules::Finding;

/// The comparison in the brief's text style.
pub fn to_text(comparison: &Comparison) -> String {
    let mut out = String::new();
    let _ = write_text(&mut out, comparison);
    out
}

/// The comparison as GitHub Markdown.
pub fn to_markdown(comparison: &Comparison) -> String {
    let mut out = String::new();
    let _ = write_markdown(&mut out, comparison);
    out
}

/// "4 hours (same)", or "8 business hours → 4 hours (faster)".
fn change_in_words(before: &str, after: &str, verdict: Verdict) -> String {
    if verdict == Verdict::Same {
        format!("{after} (same)")
    } else {
        format!("{before} → {after} ({})", verdict.label())
    }
}

/// "40", "37.5": hours a week.
fn weekly(hours: &Hours) -> String {
    hours
        .weekly_hours
        .map_or_else(|| "?".to_string(), |h| Number(h).to_string())
}

/// "Mon–Fri 09:00–17:00 UTC (40 hours a week, 2 holidays)".
fn hours_in_words(hours: &Hours) -> String {
    let mut words = format!("{} ({} hours a week", hours.words, weekly(hours));
    if hours.holidays > 0 {
        let _ = write!(
            words,
            ", {} holiday{}",
            hours.holidays,
            if hours.holidays == 1 { "" } else { "s" }
        );
    }
    words.push(')');
    words
}

/// How a channel or calendar changed, in a line: "added: …", "removed (was …)", "A → B (…)".
pub fn opening_change(before: &Option<Hours>, after: &Option<Hours>) -> String {
    match (before, after) {
        (None, Some(now)) => format!("added, {}", hours_in_words(now)),
        (Some(was), None) => format!("removed (was {})", hours_in_words(was)),
        (Some(was), Some(now)) => {
            let mut words = if was.words == now.words {
                now.words.clone()
            } else {
                format!("{} → {}", was.words, now.words)
            };
            let _ = write!(words, " ({} → {} hours a week", weekly(was), weekly(now));
            if was.holidays != now.holidays {
                let _ = write!(words, "; {} → {} holidays", was.holidays, now.holidays);
            }
            words.push(')');
            words
        }
        (None, None) => String::new(),
    }
}

/// A policy's heading line: "Policy: Standard", "Policy added: Enterprise".
pub fn policy_heading(policy: &PolicyChange) -> String {
    let status = match (&policy.before, &policy.after) {
        (None, Some(_)) => " added",
        (Some(_), None) => " removed",
        _ => "",
    };
    format!("Policy{status}: {}", policy.name())
}

/// Whom a policy covers, before → after when that changed.
pub fn applies_to(policy: &PolicyChange) -> String {
    match &policy.applies_to {
        [Some(was), Some(now)] if was != now => format!("{was} → {now}"),
        [_, Some(now)] => now.clone(),
        [Some(was), None] => was.clone(),
        [None, None] => "—".to_string(),
    }
}

/// Agents in words: "12", or the reason staffing could not be worked out.
fn staffing_numbers(staffing: &Staffing) -> Option<(u32, u32, f64)> {
    match staffing {
        Staffing::Needed {
            head_count,
            team_size,
            peak_on_duty,
            ..
        } => Some((*head_count, *team_size, *peak_on_duty)),
        Staffing::Unknown(_) => None,
    }
}

/// People then and now beside the agents: on call at once (when either side has a rotation) and
/// on the shift roster (when either side has roster inputs): "25", "31 (at least 30)", "—".
fn people_rows(staffing: &[Staffing; 2]) -> Vec<(&'static str, String, String)> {
    let on_call = |s: &Staffing| match s {
        Staffing::Needed { on_call_people, .. } => Some(*on_call_people),
        Staffing::Unknown(_) => None,
    };
    let roster = |s: &Staffing| match s {
        Staffing::Needed { roster, .. } => roster.clone(),
        Staffing::Unknown(_) => None,
    };
    let mut rows = Vec::new();
    if staffing.iter().any(|s| on_call(s).unwrap_or(0) > 0) {
        let words = |s: &Staffing| on_call(s).map_or_else(|| "?".to_string(), |n| n.to_string());
        rows.push((
            "People on call at once",
            words(&staffing[0]),
            words(&staffing[1]),
        ));
    }
    if staffing.iter().any(|s| roster(s).is_some()) {
        let words = |s: &Staffing| match roster(s) {
            Some(r) if r.bound < r.people => format!("{} (at least {})", r.people, r.bound),
            Some(r) => r.people.to_string(),
            None => "—".to_string(),
        };
        rows.push((
            "People on the shift roster",
            words(&staffing[0]),
            words(&staffing[1]),
        ));
    }
    rows
}

/// The staffing lines both formats show: label, before, after.
pub fn staffing_rows(staffing: &[Staffing; 2]) -> Vec<(&'static str, String, String)> {
    let pick = |index: usize, what: fn((u32, u32, f64)) -> String| {
        staffing_numbers(&staffing[index]).map_or_else(|| "?".to_string(), what)
    };
    vec![
        (
            "Agents needed",
            pick(0, |(n, _, _)| n.to_string()),
            pick(1, |(n, _, _)| n.to_string()),
        ),
        (
            "Team size",
            pick(0, |(_, t, _)| t.to_string()),
            pick(1, |(_, t, _)| t.to_string()),
        ),
        (
            "Agents on shift at the busiest hour",
            pick(0, |(_, _, p)| Number(p).to_string()),
            pick(1, |(_, _, p)| Number(p).to_string()),
        ),
    ]
    .into_iter()
    .chain(people_rows(staffing))
    .collect()
}

/// What each side's staffing says in a sentence: short by so many agents, or why unknown.
pub fn staffing_verdicts(staffing: &[Staffing; 2]) -> Vec<String> {
    ["Before", "After"]
        .iter()
        .zip(staffing)
        .map(|(side, staffing)| match staffing {
            Staffing::Needed {
                head_count,
                team_size,
                ..
            } if head_count > team_size => format!(
                "{side}: the team is {} agent{} short.",
                head_count - team_size,
                if head_count - team_size == 1 { "" } else { "s" }
            ),
            Staffing::Needed { head_count: 0, .. } => {
                format!("{side}: no agents needed (no ticket volume, or no channel open).")
            }
            Staffing::Needed { .. } => format!("{side}: the team covers what the plan needs."),
            Staffing::Unknown(reason) => format!("{side}: not worked out: {reason}."),
        })
        .collect()
}

fn write_text(out: &mut String, comparison: &Comparison) -> fmt::Result {
    writeln!(out, "BEFORE → AFTER\n{DOUBLE_RULE}")?;
    writeln!(
        out,
        "Before: {}",
        text_line(&comparison.before_product, false)
    )?;
    writeln!(
        out,
        "After: {}",
        text_line(&comparison.after_product, false)
    )?;
    writeln!(out, "{DOUBLE_RULE}\n\nSLA TARGETS\n{SINGLE_RULE}")?;
    write_text_policies(out, comparison)?;
    writeln!(out, "\nCHANNELS AND HOURS\n{SINGLE_RULE}")?;
    if comparison.channels.is_empty() {
        out.push_str("No channel added, removed or open at other hours.\n");
    }
    let channels = comparison
        .channels
        .iter()
        .map(|c| (&c.name, &c.before, &c.after));
    write_text_openings(out, channels)?;
    if !comparison.calendars.is_empty() {
        out.push_str("\nCalendars:\n");
    }
    let calendars = comparison
        .calendars
        .iter()
        .map(|c| (&c.name, &c.before, &c.after));
    write_text_openings(out, calendars)?;
    writeln!(out, "\nSTAFFING\n{SINGLE_RULE}")?;
    for (label, before, after) in staffing_rows(&comparison.staffing) {
        writeln!(out, "{label}: {before} → {after}")?;
    }
    for verdict in staffing_verdicts(&comparison.staffing) {
        writeln!(out, "- {}", text_line(&verdict, false))?;
    }
    write_text_findings(out, &comparison.findings)
}

/// Each policy's targets before → after: the brief's table, then next response and updates.
fn write_text_policies(out: &mut String, comparison: &Comparison) -> fmt::Result {
    if comparison.policies.is_empty() {
        out.push_str("(no SLA policies either side)\n");
    }
    for (n, policy) in comparison.policies.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        writeln!(out, "{}", text_line(&policy_heading(policy), false))?;
        writeln!(out, "Applies to: {}", text_line(&applies_to(policy), false))?;
        out.push_str(
            "| Priority | First Response | Resolution |\n|----------|---------------|------------|\n",
        );
        let mut notes = Vec::new();
        for priority in priorities(policy) {
            let cell = |metric: SlaMetric| {
                policy
                    .targets
                    .iter()
                    .find(|t| t.priority == priority && t.metric == metric)
                    .map(|t| change_in_words(&t.before, &t.after, t.verdict))
            };
            let (first, resolution) = (cell(SlaMetric::FirstResponse), cell(SlaMetric::Resolution));
            if first.is_some() || resolution.is_some() {
                writeln!(
                    out,
                    "| {} | {} | {} |",
                    text_line(&priority, true),
                    first.as_deref().unwrap_or("—"),
                    resolution.as_deref().unwrap_or("—")
                )?;
            }
            for metric in [SlaMetric::NextResponse, SlaMetric::PeriodicUpdate] {
                if let Some(change) = cell(metric) {
                    notes.push(format!(
                        "- {}: {} {change}",
                        text_line(&priority, false),
                        metric.label()
                    ));
                }
            }
        }
        if !notes.is_empty() {
            out.push('\n');
            for note in notes {
                writeln!(out, "{note}")?;
            }
        }
    }
    Ok(())
}

/// One line per channel or calendar: its name and how its hours changed.
fn write_text_openings<'c>(
    out: &mut String,
    changes: impl Iterator<Item = (&'c String, &'c Option<Hours>, &'c Option<Hours>)>,
) -> fmt::Result {
    for (name, before, after) in changes {
        writeln!(
            out,
            "- {}: {}",
            text_line(name, false),
            text_line(&opening_change(before, after), false)
        )?;
    }
    Ok(())
}

/// Findings fixed and introduced, each listed, and how many are still open.
fn write_text_findings(out: &mut String, findings: &super::FindingsChange) -> fmt::Result {
    writeln!(out, "\nFINDINGS\n{SINGLE_RULE}")?;
    for (heading, list) in fixed_and_introduced(findings) {
        writeln!(out, "{heading} ({}):", list.len())?;
        if list.is_empty() {
            out.push_str("(none)\n");
        }
        for finding in list {
            writeln!(
                out,
                "- {} {} {}: {}",
                finding.severity.label().to_uppercase(),
                finding.rule,
                finding.path,
                text_line(&finding.message, false)
            )?;
        }
    }
    writeln!(out, "Still open: {}", still_open(&findings.still_open))
}

/// The two lists of findings that changed, with their headings.
fn fixed_and_introduced(findings: &super::FindingsChange) -> [(&'static str, &[Finding]); 2] {
    [
        ("Fixed", &findings.fixed),
        ("Introduced", &findings.introduced),
    ]
}

/// The priorities of a policy's targets, in order, each once.
fn priorities(policy: &PolicyChange) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for target in &policy.targets {
        if !names.contains(&target.priority) {
            names.push(target.priority.clone());
        }
    }
    names
}

/// "12 (3 errors, 9 warnings)".
pub fn still_open(findings: &[Finding]) -> String {
    use crate::rules::Severity;
    let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
    format!(
        "{} ({} errors, {} warnings, {} info)",
        findings.len(),
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    )
}

/// Markdown table rows of what changed in the hours of each named channel or calendar.
fn opening_rows<'a>(
    out: &mut String,
    rows: impl Iterator<Item = (&'a String, &'a Option<Hours>, &'a Option<Hours>)>,
) -> fmt::Result {
    for (name, before, after) in rows {
        let change = opening_change(before, after);
        writeln!(
            out,
            "| {} | {} |",
            markdown_text(name),
            markdown_text(&change)
        )?;
    }
    Ok(())
}

fn write_markdown(out: &mut String, comparison: &Comparison) -> fmt::Result {
    let md = markdown_text;
    writeln!(out, "# Before → After\n")?;
    writeln!(out, "- **Before:** {}", md(&comparison.before_product))?;
    writeln!(out, "- **After:** {}", md(&comparison.after_product))?;
    out.push_str("\n## SLA Targets\n");
    if comparison.policies.is_empty() {
        out.push_str("\n(no SLA policies either side)\n");
    }
    for policy in &comparison.policies {
        writeln!(out, "\n### {}\n", md(&policy_heading(policy)))?;
        writeln!(out, "- **Applies to:** {}\n", md(&applies_to(policy)))?;
        out.push_str("| Priority | Metric | Before | After | Change |\n|---|---|---|---|---|\n");
        for target in &policy.targets {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                md(&target.priority),
                target.metric.heading(),
                md(&target.before),
                md(&target.after),
                target.verdict.label()
            )?;
        }
    }
    out.push_str("\n## Channels and Hours\n\n");
    if comparison.channels.is_empty() {
        out.push_str("No channel added, removed or open at other hours.\n");
    } else {
        out.push_str("| Channel | Change |\n|---|---|\n");
        let rows = comparison.channels.iter();
        opening_rows(out, rows.map(|c| (&c.name, &c.before, &c.after)))?;
    }
    if !comparison.calendars.is_empty() {
        out.push_str("\n### Calendars\n\n| Calendar | Change |\n|---|---|\n");
        let rows = comparison.calendars.iter();
        opening_rows(out, rows.map(|c| (&c.name, &c.before, &c.after)))?;
    }
    out.push_str("\n## Staffing\n\n| | Before | After |\n|---|---|---|\n");
    for (label, before, after) in staffing_rows(&comparison.staffing) {
        writeln!(out, "| {label} | {before} | {after} |")?;
    }
    out.push('\n');
    for verdict in staffing_verdicts(&comparison.staffing) {
        writeln!(out, "- {}", md(&verdict))?;
    }
    out.push_str("\n## Findings\n");
    let findings = &comparison.findings;
    for (heading, list) in fixed_and_introduced(findings) {
        writeln!(out, "\n### {heading} ({})\n", list.len())?;
        if list.is_empty() {
            out.push_str("(none)\n");
            continue;
        }
        out.push_str("| Severity | Rule | Where | Finding |\n|---|---|---|---|\n");
        for finding in list {
            writeln!(
                out,
                "| {} | {} | `{}` | {} |",
                finding.severity.label(),
                finding.rule,
                finding.path, // a path is names, indexes, dots and brackets: no backquote
                md(&finding.message)
            )?;
        }
    }
    writeln!(
        out,
        "\n**Still open:** {}",
        still_open(&findings.still_open)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::compare;
    use crate::plan::{MetricTarget, Plan, SlaTarget, ALWAYS_OPEN};

    fn acme(first_response: &str) -> Plan {
        let mut plan = Plan::blank();
        plan.header.product = "Acme".into();
        plan.sla[0].targets = vec![SlaTarget {
            priority: "Critical".into(),
            first_response: MetricTarget::new(first_response.parse().unwrap(), ALWAYS_OPEN),
            ..SlaTarget::default()
        }];
        plan
    }

    /// Written by hand from the brief's OUTPUT FORMAT: the same rules and headings, each SLA
    /// cell "before → after (verdict)".
    #[test]
    fn text_reads_like_the_briefs_block() {
        let text = to_text(&compare(&acme("1h"), &acme("30m")));
        let expected = "\
BEFORE → AFTER
═══════════════════════════════════════
Before: Acme
After: Acme
═══════════════════════════════════════

SLA TARGETS
────────────────────────────
Policy: Standard
Applies to: everyone
| Priority | First Response | Resolution |
|----------|---------------|------------|
| Critical | 1 hour → 30 min (faster) | — |

CHANNELS AND HOURS
────────────────────────────
No channel added, removed or open at other hours.

STAFFING
────────────────────────────
Agents needed: 0 → 0
Team size: 0 → 0
Agents on shift at the busiest hour: 0 → 0
- Before: no agents needed (no ticket volume, or no channel open).
- After: no agents needed (no ticket volume, or no channel open).

FINDINGS
────────────────────────────
Fixed (0):
(none)
Introduced (0):
(none)
Still open: ";
        assert!(text.starts_with(expected), "{text}");
    }

    /// Before: b2b-saas as shipped (no rotation, no roster). After: its phone answered by a Tier 2
    /// rotation of 2 people at once, and rostered on four shifts. By hand: one rotation of 2 is
    /// 2 people on call at once (0 before); the roster's people are the Shifts view's answer (the
    /// same search), and none before, so "—".
    #[test]
    fn people_on_call_and_on_the_roster_then_and_now() {
        let before = crate::plan::templates::by_id("b2b-saas").unwrap();
        let mut after = before.clone();
        let phone = after
            .channels
            .iter()
            .position(|c| c.kind == crate::plan::ChannelKind::Phone)
            .unwrap();
        after.channels[phone].on_call = Some(crate::plan::OnCall {
            rotation: "Tier 2".into(),
            people: 2,
            ..crate::plan::OnCall::default()
        });
        after.staffing.roster.templates = crate::shifts::default_templates();
        let roster = crate::shifts::roster_of(&after, &mut |_, _| true).unwrap();
        let comparison = compare(&before, &after);
        let rows = staffing_rows(&comparison.staffing);
        let row = |label: &str| rows.iter().find(|r| r.0 == label).cloned();
        assert_eq!(
            row("People on call at once"),
            Some(("People on call at once", "0".into(), "2".into()))
        );
        let roster_words = if roster.bound_people < roster.people {
            format!("{} (at least {})", roster.people, roster.bound_people)
        } else {
            roster.people.to_string()
        };
        assert_eq!(
            row("People on the shift roster"),
            Some((
                "People on the shift roster",
                "—".into(),
                roster_words.clone()
            ))
        );
        let text = to_text(&comparison);
        assert!(
            text.contains(&format!("People on the shift roster: — → {roster_words}")),
            "{text}"
        );
        // Neither side with a rotation or a roster: no such rows.
        let rows = staffing_rows(&compare(&before, &before).staffing);
        assert_eq!(rows.len(), 3, "{rows:?}");
    }

    #[test]
    fn markdown_has_the_same_parts_and_keeps_user_text_inert() {
        let mut after = acme("30m");
        after.sla[0].name = "Gold | <b>VIP</b>".into();
        after.header.product = "Acme *Cloud*".into();
        let markdown = to_markdown(&compare(&acme("1h"), &after));
        for heading in [
            "# Before → After",
            "## SLA Targets",
            "## Channels and Hours",
            "## Staffing",
            "## Findings",
            "### Fixed (",
            "### Introduced (",
        ] {
            assert!(markdown.contains(heading), "{heading} missing:\n{markdown}");
        }
        assert!(
            markdown.contains("- **After:** Acme \\*Cloud\\*"),
            "{markdown}"
        );
        assert!(
            // Only what would open a tag is escaped (the Markdown renderer's minimal rule).
            markdown.contains("### Policy: Standard → Gold \\| &lt;b>VIP&lt;/b>"),
            "{markdown}"
        );
        assert!(markdown.contains("| Critical | First Response | 1 hour | 30 min | faster |"));
        assert!(!markdown.replace("<br>", "").contains('<'));
    }
}
