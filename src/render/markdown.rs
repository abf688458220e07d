//! The plan as GitHub-flavoured Markdown: `#` title, `##` sections, pipe tables.
//! User text is escaped so it can neither become HTML nor restructure the document.

use std::fmt::{self, Write};

use super::assess as assess_words;
use super::blocks::{self, Markup, MaybeWords, Words};
use super::sla as sla_words;
use super::{plural, push_count, trimmed, write_hours, CapacitySummary, Number, Section};
use crate::plan::{EscalationStart, Plan, SlaMetric};

/// Markdown: user text through `Md`, labels in bold, `<` and `>` as entities.
struct Markdown;

impl Markup for Markdown {
    const LESS_THAN: &'static str = "<";
    const GREATER_THAN: &'static str = ">";

    fn text(out: &mut String, text: &str) -> fmt::Result {
        write_escaped(out, text)
    }

    /// A `;` after `Q&A` would make `&A;` a character reference: it is escaped there.
    fn separator(out: &mut String, separator: &str) {
        match separator.strip_prefix(';') {
            Some(rest) if ends_in_open_entity(out) => {
                out.push_str("\\;");
                out.push_str(rest);
            }
            _ => out.push_str(separator),
        }
    }

    fn field(out: &mut String, label: &str) {
        out.push_str("- **");
        out.push_str(label);
        out.push_str(":** ");
    }
}

pub(super) fn render(plan: &Plan, section: Section, capacity: Option<&CapacitySummary>) -> String {
    let mut out = String::with_capacity(4096 + plan.taxonomy.len() * 320);
    let _ = match section {
        Section::Full => document(&mut out, plan, capacity),
        one => block(&mut out, plan, one),
    };
    out
}

fn document(out: &mut String, plan: &Plan, capacity: Option<&CapacitySummary>) -> fmt::Result {
    let header = &plan.header;
    writeln!(out, "# Support Operations Plan: {}\n", Md(&header.product))?;
    Markdown::field(out, "Channels");
    blocks::list::<Markdown>(out, plan.channels.iter().map(|c| &c.name), ", ")?;
    out.push('\n');
    Markdown::field(out, "Volume");
    let volume = plural(header.monthly_volume, "ticket/month", "tickets/month");
    writeln!(out, "{volume}")?;
    Markdown::field(out, "Team Size");
    writeln!(out, "{}", plural(header.team_size, "agent", "agents"))?;
    for section in Section::DOCUMENT {
        out.push('\n');
        block(out, plan, section)?;
    }
    out.push_str("\n## Capacity\n\n");
    super::capacity::write::<Markdown>(out, plan, capacity, |out, text| write!(out, "{}", Md(text)))
}

fn block(out: &mut String, plan: &Plan, section: Section) -> fmt::Result {
    writeln!(out, "## {}\n", section.title())?;
    match section {
        Section::Full => document(out, plan, None),
        Section::Assess => assess(out, plan),
        Section::Channels => channels(out, plan),
        Section::Tiers => tiers(out, plan),
        Section::Calendars => calendars(out, plan),
        Section::Taxonomy => taxonomy(out, plan),
        Section::Sla => sla(out, plan),
        Section::Escalation => escalation(out, plan),
        Section::SelfService => blocks::self_service::<Markdown>(out, plan),
        Section::Automation => blocks::automation::<Markdown>(out, plan),
        Section::Metrics => blocks::metrics::<Markdown>(out, plan),
        Section::Feedback => blocks::feedback::<Markdown>(out, plan),
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

/// Writes one table row of user texts.
fn table_row(out: &mut String, cells: &[&str]) -> fmt::Result {
    for cell in cells {
        write!(out, "| {} ", Md(cell))?;
    }
    out.push_str("|\n");
    Ok(())
}

/// The opening hours of a calendar, escaped (calendar names and time zones are user text).
fn hours(plan: &Plan, calendar: &str) -> String {
    let mut words = String::new();
    let _ = write_hours(&mut words, plan, calendar);
    words
}

fn channels(out: &mut String, plan: &Plan) -> fmt::Result {
    let defaults = plan
        .channels
        .iter()
        .any(|c| !c.default_priority.trim().is_empty());
    if defaults {
        table_head(out, &["Channel", "Use Case", "Hours", "Default Priority"]);
    } else {
        table_head(out, &["Channel", "Use Case", "Hours"]);
    }
    for channel in &plan.channels {
        let hours = hours(plan, &channel.hours);
        if defaults {
            table_row(
                out,
                &[
                    &channel.name,
                    &channel.use_case,
                    &hours,
                    &channel.default_priority,
                ],
            )?;
        } else {
            table_row(out, &[&channel.name, &channel.use_case, &hours])?;
        }
    }
    Ok(())
}

fn tiers(out: &mut String, plan: &Plan) -> fmt::Result {
    table_head(out, &["Tier", "Handles", "Response", "Hours"]);
    for tier in &plan.tiers {
        write!(out, "| {} | {} | ", Md(&tier.name), Md(&tier.handles))?;
        blocks::within::<Markdown>(out, tier.response, plan.clock_of(&tier.hours))?;
        writeln!(out, " | {} |", Md(&hours(plan, &tier.hours)))?;
    }
    Ok(())
}

fn calendars(out: &mut String, plan: &Plan) -> fmt::Result {
    blocks::calendars::<Markdown>(out, plan, |out, _, name| {
        writeln!(out, "### {}\n", Md(name))
    })
}

fn taxonomy(out: &mut String, plan: &Plan) -> fmt::Result {
    if plan.taxonomy.is_empty() {
        out.push_str("(none)\n");
    }
    for (n, category) in plan.taxonomy.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        out.push_str("### Category ");
        push_count(out, n + 1);
        out.push_str(": ");
        write_escaped(out, &category.name)?;
        out.push_str("\n\n");
        blocks::category_fields::<Markdown>(out, category)?;
    }
    Ok(())
}

/// One table per policy (headed when the plan has more than one policy for everyone): first
/// response and resolution, next response and periodic update when the plan uses them, the
/// clocks and the breach warning.
fn sla(out: &mut String, plan: &Plan) -> fmt::Result {
    if plan.sla.is_empty() {
        out.push_str("(none)\n");
    }
    let headed = sla_words::shows_policy_headings(plan);
    let optional: Vec<SlaMetric> = [SlaMetric::NextResponse, SlaMetric::PeriodicUpdate]
        .into_iter()
        .filter(|&metric| sla_words::metric_in_use(plan, metric))
        .collect();
    let mut columns = vec!["Priority", "First Response", "Resolution"];
    columns.extend(optional.iter().map(|m| m.heading()));
    columns.extend(["Clock", "Warn Before"]);
    for (n, policy) in plan.sla.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if headed {
            writeln!(out, "### {}\n", Md(&sla_words::policy_title(n, policy)))?;
            Markdown::field(out, "Applies to");
            writeln!(
                out,
                "{}",
                Md(&sla_words::scope_in_words(&policy.applies_to))
            )?;
            if !policy.description.trim().is_empty() {
                Markdown::field(out, "About");
                writeln!(out, "{}", Md(&policy.description))?;
            }
            out.push('\n');
        }
        table_head(out, &columns);
        for row in &policy.targets {
            write!(
                out,
                "| {} | {} | {} ",
                Md(&row.priority),
                sla_words::target_in_words(plan, &row.first_response),
                sla_words::target_in_words(plan, &row.resolution)
            )?;
            for &metric in &optional {
                write!(
                    out,
                    "| {} ",
                    sla_words::target_in_words(plan, row.metric(metric))
                )?;
            }
            let clocks = sla_words::clock_phrase(plan, row).unwrap_or_default();
            let clocks = clocks.strip_prefix("clock on ").unwrap_or(&clocks);
            writeln!(out, "| {} | {} |", Md(clocks), MaybeWords(row.warn_before))?;
        }
    }
    Ok(())
}

/// The assessment as four tables: the journey, the pain points, the benchmarks and the goals.
fn assess(out: &mut String, plan: &Plan) -> fmt::Result {
    let assess = &plan.assess;
    if assess.is_empty() {
        out.push_str("(none)\n");
        return Ok(());
    }
    out.push_str("### Customer Journey\n\n");
    table_head(
        out,
        &["Stage", "Touchpoints", "Channels", "What Goes Wrong"],
    );
    for stage in &assess.journey {
        table_row(
            out,
            &[
                &stage.stage,
                &assess_words::list_in_words(&stage.touchpoints),
                &assess_words::list_in_words(&stage.channels),
                &assess_words::list_in_words(&stage.goes_wrong),
            ],
        )?;
    }
    out.push_str("\n### Pain Points\n\n");
    table_head(out, &["Pain Point", "Evidence", "Addressed By", "How"]);
    for pain in &assess.pain_points {
        table_row(
            out,
            &[
                &pain.pain,
                &assess_words::evidence_in_words(&pain.evidence),
                &assess_words::addressed_by_in_words(&pain.addressed_by),
                &pain.how,
            ],
        )?;
    }
    out.push_str("\n### Competitor Benchmarks\n\n");
    table_head(
        out,
        &[
            "Competitor",
            "Channels",
            "First Response",
            "Hours",
            "Notable",
        ],
    );
    for competitor in &assess.competitors {
        write!(
            out,
            "| {} | {} | {} ",
            Md(&competitor.competitor),
            Md(&assess_words::list_in_words(&competitor.channels)),
            MaybeWords(competitor.first_response)
        )?;
        table_row(out, &[&competitor.hours, &competitor.notable])?;
    }
    out.push_str("\n### Improvement Goals\n\n");
    table_head(out, &["Goal", "Metric", "Today", "Target", "By"]);
    for goal in &assess.goals {
        let measure = assess_words::GoalMeasure::of(plan, goal);
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            Md(&goal.goal),
            measure.metric,
            measure.today,
            measure.target_with(Markdown::LESS_THAN, Markdown::GREATER_THAN),
            goal.by.map_or_else(|| "—".to_string(), |by| by.to_string())
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
        if rule.measured_from == EscalationStart::Breach {
            out.push_str(" after the breach");
        }
        if let Some(priority) = &rule.priority {
            write!(out, " ({} {} clock", Md(priority), rule.metric.label())?;
            if let Some(policy) = &rule.policy {
                write!(out, ", {} policy", Md(policy))?;
            }
            out.push(')');
        }
        out.push_str(" | ");
        blocks::list::<Markdown>(out, &rule.notify, ", ")?;
        writeln!(out, " | {} |", rule.path.label())?;
    }
    if !matrix.handoff_protocol.is_empty() {
        out.push_str("\n**Handoff protocol:**\n\n");
        blocks::numbered::<Markdown>(out, &matrix.handoff_protocol)?;
    }
    Ok(())
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
    super::write_bands(out, &success.health.bands)?;
    out.push_str("\n\n### Proactive Outreach\n\n");
    table_head(out, &["Trigger", "Action", "Owner"]);
    for outreach in &success.outreach {
        table_row(out, &[&outreach.trigger, &outreach.action, &outreach.owner])?;
    }
    out.push_str("\n### Renewal Playbook\n\n");
    blocks::numbered::<Markdown>(out, &success.renewal_playbook)?;
    out.push_str("\n### Expansion Signals\n\n");
    blocks::bullets::<Markdown>(out, &success.expansion_signals)?;
    out.push_str("\n### Churn Signals\n\n");
    blocks::bullets::<Markdown>(out, &success.churn_signals)
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

/// User text made inert for Markdown (see `Md`), for other Markdown documents.
pub(crate) fn inert(text: &str) -> String {
    Md(text).to_string()
}

/// User text made inert for Markdown, usable anywhere on a line including a table cell:
/// `<`, `>`, `&` become entities; `|` and inline markup characters are backslash-escaped;
/// line breaks become `<br>`; a leading `#`, `-`, `+`, `=` or `1.` cannot start a block.
struct Md<'a>(&'a str);

impl fmt::Display for Md<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0)
    }
}

/// Whether a byte may need escaping anywhere in a line (0xC2 starts the C1 control characters).
fn may_need_escape(byte: u8) -> bool {
    matches!(
        byte,
        0..=0x1f
            | 0x7f
            | 0xc2
            | b'&'
            | b'<'
            | b'\\'
            | b'`'
            | b'*'
            | b'_'
            | b'['
            | b']'
            | b'|'
            | b'~'
    )
}

/// Writes user text as inert Markdown (see `Md`), copying clean runs whole.
fn write_escaped<W: Write>(out: &mut W, text: &str) -> fmt::Result {
    let text = trimmed(text);
    let Some(&first) = text.as_bytes().first() else {
        return out.write_str("—");
    };
    let leading_marker = matches!(first, b'#' | b'-' | b'+' | b'=' | b'>' | b'0'..=b'9');
    if !leading_marker && !text.bytes().any(may_need_escape) {
        return out.write_str(text);
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let ordered_marker =
        digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.') | Some(b')'));
    let bytes = text.as_bytes();
    let alphanumeric_at = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphanumeric);
    let mut clean_from = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let replacement = match c {
            // Only what would start an entity or a tag is escaped: "Q&A" and "a < b" stay as
            // they are, "&amp;" and "<script>" are shown, never read as HTML.
            '&' if starts_entity(&text[index + 1..]) => "&amp;",
            '<' if starts_tag(&text[index + 1..]) => "&lt;",
            '\r' if matches!(chars.peek(), Some((_, '\n'))) => "",
            '\n' | '\r' => "<br>",
            '\t' => " ",
            // An underscore inside a word emphasises nothing (`New_York`); at its edge it may.
            '_' if index > 0 && alphanumeric_at(index - 1) && alphanumeric_at(index + 1) => {
                continue
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => "\\",
            '#' | '-' | '+' | '=' | '>' if index == 0 => "\\",
            '.' | ')' if ordered_marker && index == digits => "\\",
            c if c.is_control() => "",
            _ => continue,
        };
        out.write_str(&text[clean_from..index])?;
        out.write_str(replacement)?;
        // A backslash escape keeps the character itself; the others replace it.
        clean_from = if replacement == "\\" {
            index
        } else {
            index + c.len_utf8()
        };
    }
    out.write_str(&text[clean_from..])
}

/// The characters after a `&` or `<` as they are written out: the control characters dropped.
fn written(rest: &str) -> impl Iterator<Item = char> + '_ {
    rest.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
}

/// Whether text after a `&` would make it a character reference (`amp;`, `#60;`, `#x3C;`).
fn starts_entity(rest: &str) -> bool {
    let mut rest = written(rest).peekable();
    rest.next_if_eq(&'#');
    let mut name = 0;
    for c in rest {
        match c {
            ';' => return name > 0,
            c if c.is_ascii_alphanumeric() => name += 1,
            _ => return false,
        }
    }
    false
}

/// Whether `out` ends in what a `;` would make a character reference (`Q&A`, `&#60`).
fn ends_in_open_entity(out: &str) -> bool {
    let name = out.trim_end_matches(|c: char| c.is_ascii_alphanumeric());
    let name_len = out.len() - name.len();
    let before = name.strip_suffix('#').unwrap_or(name);
    name_len > 0 && before.ends_with('&')
}

/// Whether text after a `<` would make it HTML (`<b>`, `</p>`, `<!--`, `<?`), or put a tag
/// right after it (a line break is written `<br>`).
fn starts_tag(rest: &str) -> bool {
    written(rest)
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?' | '\n' | '\r'))
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_stays_text() {
        // A `<` that would open a tag is written as an entity, so no tag ever starts; a lone
        // `&` and `>` cannot start anything mid-line and stay as typed (readable as plain text).
        let escaped = Md("<img src=x onerror=alert(1)> & <script>").to_string();
        assert_eq!(escaped, "&lt;img src=x onerror=alert(1)> & &lt;script>");
        // An `&` that would spell an entity is escaped, so `&lt;` stays those four characters.
        assert_eq!(Md("&lt; &amp;").to_string(), "&amp;lt; &amp;amp;");
        assert_eq!(Md("a < b").to_string(), "a < b");
        // A control character dropped from the text cannot join `<` to a letter.
        assert_eq!(Md("<\u{1}b>").to_string(), "&lt;b>");
        assert_eq!(Md("&\u{7}lt;").to_string(), "&amp;lt;");
        assert_eq!(Md("Q&A").to_string(), "Q&A");
        assert_eq!(Md("R&D team").to_string(), "R&D team");
    }

    #[test]
    fn user_text_cannot_start_a_block_or_break_a_cell() {
        assert_eq!(Md("# Title").to_string(), "\\# Title");
        assert_eq!(Md("- item").to_string(), "\\- item");
        assert_eq!(Md("> quote").to_string(), "\\> quote");
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
    fn a_list_never_joins_an_item_into_an_entity() {
        // "Q&A" then "; " would read "&A;" as a character reference; the `;` is escaped there.
        let mut out = String::new();
        super::super::blocks::list::<Markdown>(
            &mut out,
            &["Billing Q&A".to_string(), "Refunds".to_string()],
            "; ",
        )
        .unwrap();
        assert_eq!(out, "Billing Q&A\\; Refunds");
        let mut out = String::new();
        super::super::blocks::list::<Markdown>(
            &mut out,
            &["Q & A".to_string(), "R".to_string()],
            "; ",
        )
        .unwrap();
        assert_eq!(out, "Q & A; R");
    }

    #[test]
    fn document_has_title_sections_and_tables() {
        let mut plan = Plan::blank();
        plan.header.product = "Acme | <b>".into();
        let markdown = render(&plan, Section::Full, None);
        assert!(markdown.starts_with("# Support Operations Plan: Acme \\| &lt;b>\n"));
        for section in Section::DOCUMENT {
            assert!(markdown.contains(&format!("\n## {}\n", section.title())));
        }
        let tier = markdown.lines().find(|l| l.starts_with("| Tier 1 |"));
        // `<1` keeps its `<`: no tag starts with a digit.
        assert_eq!(tier, Some("| Tier 1 | Common issues | <1 hour | 24/7 |"));
    }
}
