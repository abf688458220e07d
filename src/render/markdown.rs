//! The plan as GitHub-flavoured Markdown: `#` title, `##` sections, pipe tables.
//! User text is escaped so it can neither become HTML nor restructure the document.

use std::fmt::{self, Write};

use super::{plural, write_hours, Number, Section};
use crate::plan::{Duration, Plan};

pub(super) fn render(plan: &Plan, section: Section) -> String {
    let mut out = String::with_capacity(4096 + plan.taxonomy.len() * 200);
    let _ = match section {
        Section::Full => document(&mut out, plan),
        one => block(&mut out, plan, one),
    };
    out
}

fn document(out: &mut String, plan: &Plan) -> fmt::Result {
    let header = &plan.header;
    writeln!(out, "# Support Operations Plan: {}\n", Md(&header.product))?;
    out.push_str("- **Channels:** ");
    write_list(out, plan.channels.iter().map(|c| c.name.as_str()), ", ")?;
    writeln!(
        out,
        "\n- **Volume:** {}",
        plural(header.monthly_volume, "ticket/month", "tickets/month")
    )?;
    writeln!(
        out,
        "- **Team Size:** {}",
        plural(header.team_size, "agent", "agents")
    )?;
    for section in Section::DOCUMENT {
        out.push('\n');
        block(out, plan, section)?;
    }
    Ok(())
}

fn block(out: &mut String, plan: &Plan, section: Section) -> fmt::Result {
    writeln!(out, "## {}\n", section.title())?;
    match section {
        Section::Full => document(out, plan),
        Section::Channels => channels(out, plan),
        Section::Tiers => tiers(out, plan),
        Section::Taxonomy => taxonomy(out, plan),
        Section::Sla => sla(out, plan),
        Section::Escalation => escalation(out, plan),
        Section::SelfService => self_service(out, plan),
        Section::Automation => automation(out, plan),
        Section::Metrics => metrics(out, plan),
        Section::Feedback => feedback(out, plan),
        Section::CustomerSuccess => customer_success(out, plan),
        Section::Roadmap => roadmap(out, plan),
    }
}

/// Writes a table head: `| A | B |` and its `|---|---|` line.
fn table_head(out: &mut String, columns: &[&str]) {
    for column in columns {
        out.push_str("| ");
        out.push_str(column);
        out.push(' ');
    }
    out.push_str("|\n");
    for _ in columns {
        out.push_str("|---");
    }
    out.push_str("|\n");
}

/// The opening hours of a calendar, escaped (calendar names and time zones are user text).
fn hours(plan: &Plan, calendar: &str) -> String {
    let mut words = String::new();
    let _ = write_hours(&mut words, plan, calendar);
    words
}

fn channels(out: &mut String, plan: &Plan) -> fmt::Result {
    table_head(out, &["Channel", "Use Case", "Hours"]);
    for channel in &plan.channels {
        writeln!(
            out,
            "| {} | {} | {} |",
            Md(&channel.name),
            Md(&channel.use_case),
            Md(&hours(plan, &channel.hours))
        )?;
    }
    Ok(())
}

fn tiers(out: &mut String, plan: &Plan) -> fmt::Result {
    table_head(out, &["Tier", "Handles", "Response"]);
    for tier in &plan.tiers {
        writeln!(
            out,
            "| {} | {} | {} |",
            Md(&tier.name),
            Md(&tier.handles),
            Within(tier.response)
        )?;
    }
    Ok(())
}

fn taxonomy(out: &mut String, plan: &Plan) -> fmt::Result {
    if plan.taxonomy.is_empty() {
        out.push_str("(none)\n");
    }
    for (n, category) in plan.taxonomy.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        writeln!(out, "### Category {}: {}\n", n + 1, Md(&category.name))?;
        out.push_str("- **Types:** ");
        write_list(out, category.types.iter().map(String::as_str), ", ")?;
        writeln!(out, "\n- **Priority:** {}", Md(&category.priority))?;
        write!(out, "- **Route to:** {}", Md(&category.route_to))?;
        if !category.team.trim().is_empty() {
            write!(out, " / {}", Md(&category.team))?;
        }
        out.push('\n');
        if !category.keywords.is_empty() {
            out.push_str("- **Keywords:** ");
            write_list(out, category.keywords.iter().map(String::as_str), ", ")?;
            out.push('\n');
        }
        if !category.workflow.is_empty() {
            out.push_str("- **Workflow:** ");
            write_list(out, category.workflow.iter().map(String::as_str), " → ")?;
            out.push('\n');
        }
    }
    Ok(())
}

fn sla(out: &mut String, plan: &Plan) -> fmt::Result {
    table_head(
        out,
        &[
            "Priority",
            "First Response",
            "Resolution",
            "Next Response",
            "Clock",
            "Warn Before",
        ],
    );
    for target in &plan.sla {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} |",
            Md(&target.priority),
            Words(target.first_response),
            Words(target.resolution),
            OptionalWords(target.next_response),
            Md(&hours(plan, &target.calendar)),
            OptionalWords(target.warn_before),
        )?;
    }
    Ok(())
}

fn escalation(out: &mut String, plan: &Plan) -> fmt::Result {
    let matrix = &plan.escalation;
    table_head(
        out,
        &[
            "Trigger",
            "Escalate to",
            "Timeframe",
            "Notification",
            "Path",
        ],
    );
    for rule in &matrix.rules {
        write!(
            out,
            "| {} | {} | {}",
            Md(&rule.trigger),
            Md(&rule.escalate_to),
            Words(rule.timeframe)
        )?;
        if let Some(priority) = &rule.priority {
            write!(out, " ({} {} clock)", Md(priority), rule.metric.label())?;
        }
        out.push_str(" | ");
        write_list(out, rule.notify.iter().map(String::as_str), ", ")?;
        writeln!(out, " | {} |", rule.path.label())?;
    }
    if !matrix.handoff_protocol.is_empty() {
        out.push_str("\n**Handoff protocol:**\n\n");
        write_numbered(out, &matrix.handoff_protocol)?;
    }
    Ok(())
}

fn self_service(out: &mut String, plan: &Plan) -> fmt::Result {
    let resources = &plan.self_service;
    out.push_str("- **Knowledge Base:** ");
    write_list(
        out,
        resources.knowledge_base.iter().map(String::as_str),
        ", ",
    )?;
    out.push_str("\n- **FAQ:** ");
    write_list(out, resources.faq.iter().map(String::as_str), "; ")?;
    out.push_str("\n- **Video Tutorials:** ");
    write_list(
        out,
        resources.video_tutorials.iter().map(String::as_str),
        ", ",
    )?;
    let forum = if resources.community_forum {
        "yes"
    } else {
        "no"
    };
    writeln!(out, "\n- **Community Forum:** {forum}")
}

fn automation(out: &mut String, plan: &Plan) -> fmt::Result {
    let automation = &plan.automation;
    let rows = [
        ("Auto-reply", &automation.auto_reply),
        ("Auto-route", &automation.auto_route),
        ("Auto-resolve", &automation.auto_resolve),
    ];
    for (label, items) in rows {
        write!(out, "- **{label}:** ")?;
        write_list(out, items.iter().map(String::as_str), "; ")?;
        out.push('\n');
    }
    write!(out, "- **Chatbot:** {}", Md(&automation.chatbot))?;
    if let Some(containment) = automation.chatbot_containment {
        write!(out, " (contains {}% end to end)", Number(containment))?;
    }
    out.push('\n');
    Ok(())
}

fn metrics(out: &mut String, plan: &Plan) -> fmt::Result {
    let metrics = &plan.metrics;
    table_head(out, &["Metric", "Target", "Today"]);
    let durations = [
        ("First Response Time", &metrics.first_response),
        ("Resolution Time", &metrics.resolution),
    ];
    for (label, metric) in durations {
        write!(out, "| {label} | ")?;
        if metric.target.is_zero() {
            out.push('—');
        } else {
            write!(out, "&lt;{}", Words(metric.target))?;
        }
        writeln!(out, " | {} |", OptionalWords(metric.baseline))?;
    }
    let percents = [
        ("CSAT Score", &metrics.csat),
        (
            "First Contact Resolution",
            &metrics.first_contact_resolution,
        ),
        ("Ticket Deflection", &metrics.deflection),
    ];
    for (label, metric) in percents {
        write!(out, "| {label} | ")?;
        if metric.target == 0.0 {
            out.push('—');
        } else {
            write!(out, "&gt;{}%", Number(metric.target))?;
        }
        match metric.baseline {
            Some(baseline) => writeln!(out, " | {}% |", Number(baseline))?,
            None => out.push_str(" | — |\n"),
        }
    }
    Ok(())
}

fn feedback(out: &mut String, plan: &Plan) -> fmt::Result {
    let feedback = &plan.feedback;
    writeln!(out, "- **Weekly:** {}", Md(&feedback.weekly))?;
    writeln!(out, "- **Monthly:** {}", Md(&feedback.monthly))?;
    writeln!(out, "- **Quarterly:** {}", Md(&feedback.quarterly))
}

fn customer_success(out: &mut String, plan: &Plan) -> fmt::Result {
    let success = &plan.customer_success;
    out.push_str("### Health Score\n\n");
    table_head(out, &["Component", "Weight", "Signal"]);
    for component in &success.health.components {
        writeln!(
            out,
            "| {} | {}% | {} |",
            Md(&component.name),
            Number(component.weight),
            Md(&component.signal)
        )?;
    }
    out.push_str("\n**Bands:** ");
    if success.health.bands.is_empty() {
        out.push_str("(none)");
    }
    for (n, band) in success.health.bands.iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        write!(out, "{} {}–{}", band.colour.label(), band.min, band.max)?;
    }
    out.push_str("\n\n### Proactive Outreach\n\n");
    table_head(out, &["Trigger", "Action", "Owner"]);
    for outreach in &success.outreach {
        writeln!(
            out,
            "| {} | {} | {} |",
            Md(&outreach.trigger),
            Md(&outreach.action),
            Md(&outreach.owner)
        )?;
    }
    out.push_str("\n### Renewal Playbook\n\n");
    write_numbered(out, &success.renewal_playbook)?;
    out.push_str("\n### Expansion Signals\n\n");
    write_bullets(out, &success.expansion_signals)?;
    out.push_str("\n### Churn Signals\n\n");
    write_bullets(out, &success.churn_signals)
}

fn roadmap(out: &mut String, plan: &Plan) -> fmt::Result {
    for (n, (phase, steps)) in plan.roadmap.phases().into_iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        writeln!(out, "### Phase {}: {phase}\n", n + 1)?;
        table_head(out, &["Step", "Owner", "Status", "Due"]);
        for step in steps {
            write!(
                out,
                "| {} | {} | {} | ",
                Md(&step.title),
                Md(&step.owner),
                step.status.label()
            )?;
            match step.due {
                Some(date) => writeln!(out, "{date} |")?,
                None => out.push_str("— |\n"),
            }
        }
    }
    Ok(())
}

fn write_numbered(out: &mut String, steps: &[String]) -> fmt::Result {
    if steps.is_empty() {
        out.push_str("(none)\n");
    }
    for (n, step) in steps.iter().enumerate() {
        writeln!(out, "{}. {}", n + 1, Md(step))?;
    }
    Ok(())
}

fn write_bullets(out: &mut String, items: &[String]) -> fmt::Result {
    if items.is_empty() {
        out.push_str("(none)\n");
    }
    for item in items {
        writeln!(out, "- {}", Md(item))?;
    }
    Ok(())
}

/// Writes the non-blank items joined by `separator`, or `(none)`.
fn write_list<'a>(
    out: &mut String,
    items: impl Iterator<Item = &'a str>,
    separator: &str,
) -> fmt::Result {
    let mut any = false;
    for item in items.filter(|item| !item.trim().is_empty()) {
        if any {
            out.push_str(separator);
        }
        any = true;
        write!(out, "{}", Md(item))?;
    }
    if !any {
        out.push_str("(none)");
    }
    Ok(())
}

struct Words(Duration);

impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.in_words())
    }
}

struct OptionalWords(Option<Duration>);

impl fmt::Display for OptionalWords {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(duration) => f.write_str(&duration.in_words()),
            None => f.write_str("—"),
        }
    }
}

/// `Instant` or `&lt;4 hours` (the `<` as an entity, as everywhere in this output).
struct Within(Duration);

impl fmt::Display for Within {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.is_zero() {
            f.write_str("Instant")
        } else {
            write!(f, "&lt;{}", self.0.in_words())
        }
    }
}

/// User text made inert for Markdown, usable anywhere on a line including a table cell:
/// `<`, `>`, `&` become entities; `|` and inline markup characters are backslash-escaped;
/// line breaks become `<br>`; a leading `#`, `-`, `+`, `=` or `1.` cannot start a block.
struct Md<'a>(&'a str);

impl fmt::Display for Md<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.trim();
        if text.is_empty() {
            return f.write_str("—");
        }
        let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let ordered_marker =
            digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.') | Some(b')'));
        let mut chars = text.char_indices().peekable();
        while let Some((index, c)) = chars.next() {
            match c {
                '&' => f.write_str("&amp;")?,
                '<' => f.write_str("&lt;")?,
                '>' => f.write_str("&gt;")?,
                '\r' if matches!(chars.peek(), Some((_, '\n'))) => {}
                '\n' | '\r' => f.write_str("<br>")?,
                '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                    f.write_char('\\')?;
                    f.write_char(c)?;
                }
                '#' | '-' | '+' | '=' if index == 0 => {
                    f.write_char('\\')?;
                    f.write_char(c)?;
                }
                '.' | ')' if ordered_marker && index == digits => {
                    f.write_char('\\')?;
                    f.write_char(c)?;
                }
                '\t' => f.write_char(' ')?,
                c if c.is_control() => {}
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_stays_text() {
        let escaped = Md("<img src=x onerror=alert(1)> & <script>").to_string();
        assert_eq!(
            escaped,
            "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;script&gt;"
        );
    }

    #[test]
    fn user_text_cannot_start_a_block_or_break_a_cell() {
        assert_eq!(Md("# Title").to_string(), "\\# Title");
        assert_eq!(Md("- item").to_string(), "\\- item");
        assert_eq!(Md("> quote").to_string(), "&gt; quote");
        assert_eq!(Md("12. step").to_string(), "12\\. step");
        assert_eq!(Md("2026 plan").to_string(), "2026 plan");
        assert_eq!(Md("a | b\r\nc").to_string(), "a \\| b<br>c");
        assert_eq!(
            Md("*bold* [link](x)").to_string(),
            "\\*bold\\* \\[link\\](x)"
        );
        assert_eq!(Md("  ").to_string(), "—");
    }

    #[test]
    fn document_has_title_sections_and_tables() {
        let mut plan = Plan::blank();
        plan.header.product = "Acme | <b>".into();
        let markdown = render(&plan, Section::Full);
        assert!(markdown.starts_with("# Support Operations Plan: Acme \\| &lt;b&gt;\n"));
        for section in Section::DOCUMENT {
            assert!(markdown.contains(&format!("\n## {}\n", section.title())));
        }
        assert!(markdown.contains("| Tier 1 | Common issues | &lt;1 hour |\n"));
    }
}
