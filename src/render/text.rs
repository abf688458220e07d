//! The plan as the brief's OUTPUT FORMAT block: `═` header, shouted headings over `─` rules, pipe tables.
//! Sections the brief lacks (tiers, customer success, roadmap) follow in the same style.

use std::fmt::{self, Write};

use super::assess as assess_words;
use super::blocks::{self, Markup, Words};
use super::sla as sla_words;
use super::{plural, push_count, trimmed, write_hours, CapacitySummary, Number, Section};
use crate::plan::{EscalationPath, EscalationStart, Plan, RoadmapStep};

pub(crate) const DOUBLE_RULE: &str = "═══════════════════════════════════════";
pub(crate) const SINGLE_RULE: &str = "────────────────────────────";

/// Plain text: user text kept on one line, `|` escaped so a table cell cannot end early.
struct Text;

impl Markup for Text {
    const LESS_THAN: &'static str = "<";
    const GREATER_THAN: &'static str = ">";

    fn text(out: &mut String, text: &str) -> fmt::Result {
        write_one_line(out, text, false)
    }

    fn field(out: &mut String, label: &str) {
        out.push_str("- ");
        out.push_str(label);
        out.push_str(": ");
    }
}

pub(super) fn render(plan: &Plan, section: Section, capacity: Option<&CapacitySummary>) -> String {
    let mut out = String::with_capacity(4096 + plan.taxonomy.len() * 300);
    let _ = match section {
        Section::Full => document(&mut out, plan, capacity),
        one => block(&mut out, plan, one),
    };
    out
}

fn document(out: &mut String, plan: &Plan, capacity: Option<&CapacitySummary>) -> fmt::Result {
    let header = &plan.header;
    writeln!(out, "{}", Section::Full.shouted_title())?;
    writeln!(out, "{DOUBLE_RULE}")?;
    writeln!(out, "Product: {}", Plain(&header.product))?;
    out.push_str("Channels: ");
    blocks::list::<Text>(out, plan.channels.iter().map(|c| &c.name), ", ")?;
    writeln!(
        out,
        "\nVolume: {}",
        plural(header.monthly_volume, "ticket/month", "tickets/month")
    )?;
    writeln!(
        out,
        "Team Size: {}",
        plural(header.team_size, "agent", "agents")
    )?;
    writeln!(out, "{DOUBLE_RULE}")?;
    for section in Section::DOCUMENT {
        out.push('\n');
        block(out, plan, section)?;
    }
    writeln!(out, "\nCAPACITY\n{SINGLE_RULE}")?;
    super::capacity::write::<Text>(out, plan, capacity, |out, text| {
        write!(out, "{}", Cell(text))
    })
}

fn block(out: &mut String, plan: &Plan, section: Section) -> fmt::Result {
    writeln!(out, "{}\n{SINGLE_RULE}", section.shouted_title())?;
    match section {
        Section::Full => document(out, plan, None),
        Section::Assess => assess(out, plan),
        Section::Channels => channels(out, plan),
        Section::Tiers => tiers(out, plan),
        Section::Calendars => calendars(out, plan),
        Section::Taxonomy => taxonomy(out, plan),
        Section::Sla => sla(out, plan),
        Section::Escalation => escalation(out, plan),
        Section::SelfService => blocks::self_service::<Text>(out, plan),
        Section::Automation => blocks::automation::<Text>(out, plan),
        Section::Metrics => blocks::metrics::<Text>(out, plan),
        Section::Feedback => feedback(out, plan),
        Section::CustomerSuccess => customer_success(out, plan),
        Section::Roadmap => roadmap(out, plan),
    }
}

fn channels(out: &mut String, plan: &Plan) -> fmt::Result {
    out.push_str("| Channel | Use Case | Hours |\n|---------|----------|-------|\n");
    for channel in &plan.channels {
        write!(
            out,
            "| {} | {} | ",
            Cell(&channel.name),
            Cell(&channel.use_case)
        )?;
        let start = out.len();
        write_hours(out, plan, &channel.hours)?;
        escape_cell_in_place(out, start);
        out.push_str(" |\n");
    }
    let defaults: Vec<_> = plan
        .channels
        .iter()
        .filter(|c| !c.default_priority.trim().is_empty())
        .collect();
    if !defaults.is_empty() {
        out.push('\n');
    }
    for channel in defaults {
        writeln!(
            out,
            "- {} tickets default to {}",
            Plain(&channel.name),
            Plain(&channel.default_priority)
        )?;
    }
    Ok(())
}

fn tiers(out: &mut String, plan: &Plan) -> fmt::Result {
    out.push_str("| Tier | Handles | Response | Hours |\n|------|---------|----------|-------|\n");
    for tier in &plan.tiers {
        write!(out, "| {} | {} | ", Cell(&tier.name), Cell(&tier.handles))?;
        blocks::within::<Text>(out, tier.response, plan.clock_of(&tier.hours))?;
        out.push_str(" | ");
        let start = out.len();
        write_hours(out, plan, &tier.hours)?;
        escape_cell_in_place(out, start);
        out.push_str(" |\n");
    }
    Ok(())
}

fn calendars(out: &mut String, plan: &Plan) -> fmt::Result {
    // "Calendar 1: Office hours", like the brief's "Category 1: Billing": a line that starts
    // with the app's words, so no name can make it look like a table row or a heading.
    blocks::calendars::<Text>(out, plan, |out, n, name| {
        writeln!(out, "Calendar {}: {}", n + 1, Plain(name))
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
        out.push_str("Category ");
        push_count(out, n + 1);
        out.push_str(": ");
        write_one_line(out, &category.name, false)?;
        out.push('\n');
        blocks::category_fields::<Text>(out, category)?;
    }
    Ok(())
}

/// The brief's SLA table, once per policy (headed by its name and whom it covers when the plan has
/// more than one policy for everyone), each row's clocks and extras in a line below the table.
fn sla(out: &mut String, plan: &Plan) -> fmt::Result {
    if plan.sla.is_empty() {
        out.push_str("(none)\n");
    }
    let headed = sla_words::shows_policy_headings(plan);
    for (n, policy) in plan.sla.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        if headed {
            writeln!(out, "{}", Plain(&sla_words::policy_title(n, policy)))?;
            writeln!(
                out,
                "Applies to: {}",
                Plain(&sla_words::scope_in_words(&policy.applies_to))
            )?;
            if !policy.description.trim().is_empty() {
                // A line of its own: a `|` in it must not read as a table row.
                writeln!(out, "{}", Cell(&policy.description))?;
            }
            out.push('\n');
        }
        out.push_str(
            "| Priority | First Response | Resolution |\n|----------|---------------|------------|\n",
        );
        for target in &policy.targets {
            writeln!(
                out,
                "| {} | {} | {} |",
                Cell(&target.priority),
                sla_words::target_in_words(plan, &target.first_response),
                sla_words::target_in_words(plan, &target.resolution)
            )?;
        }
        let mut first_note = true;
        for target in &policy.targets {
            let notes = sla_words::row_notes(plan, target);
            if notes.is_empty() {
                continue;
            }
            if first_note {
                out.push('\n');
                first_note = false;
            }
            write!(out, "- {}: ", Plain(&target.priority))?;
            let start = out.len();
            out.push_str(&notes.join("; "));
            // A calendar name or time zone typed with a line break must not start a new line.
            escape_cell_in_place(out, start);
            out.push('\n');
        }
    }
    Ok(())
}

/// The assessment in the brief's style: the journey and the benchmarks as pipe tables, each pain
/// point as a trigger-like paragraph, the goals as metric lines.
fn assess(out: &mut String, plan: &Plan) -> fmt::Result {
    let assess = &plan.assess;
    if assess.is_empty() {
        out.push_str("(none)\n");
        return Ok(());
    }
    out.push_str(
        "Customer Journey:\n| Stage | Touchpoints | Channels | What Goes Wrong |\n\
         |-------|-------------|----------|-----------------|\n",
    );
    for stage in &assess.journey {
        writeln!(
            out,
            "| {} | {} | {} | {} |",
            Cell(&stage.stage),
            Cell(&assess_words::list_in_words(&stage.touchpoints)),
            Cell(&assess_words::list_in_words(&stage.channels)),
            Cell(&assess_words::list_in_words(&stage.goes_wrong))
        )?;
    }
    out.push_str("\nPain Points:\n");
    if assess.pain_points.is_empty() {
        out.push_str("(none)\n");
    }
    for (n, pain) in assess.pain_points.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        writeln!(out, "Pain: {}", Plain(&pain.pain))?;
        writeln!(
            out,
            "→ Evidence: {}",
            Plain(&assess_words::evidence_in_words(&pain.evidence))
        )?;
        writeln!(
            out,
            "→ Addressed by: {}",
            Plain(&assess_words::addressed_by_in_words(&pain.addressed_by))
        )?;
        if !pain.how.trim().is_empty() {
            writeln!(out, "→ How: {}", Plain(&pain.how))?;
        }
    }
    out.push_str(
        "\nCompetitor Benchmarks:\n| Competitor | Channels | First Response | Hours | Notable |\n\
         |------------|----------|----------------|-------|---------|\n",
    );
    for competitor in &assess.competitors {
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            Cell(&competitor.competitor),
            Cell(&assess_words::list_in_words(&competitor.channels)),
            blocks::MaybeWords(competitor.first_response),
            Cell(&competitor.hours),
            Cell(&competitor.notable)
        )?;
    }
    out.push_str("\nImprovement Goals:\n");
    if assess.goals.is_empty() {
        out.push_str("(none)\n");
    }
    for goal in &assess.goals {
        let measure = assess_words::GoalMeasure::of(plan, goal);
        write!(out, "- {}: ", Plain(&goal.goal))?;
        if goal.metric.is_none() {
            out.push_str("no metric");
        } else {
            write!(
                out,
                "{} {} (today: {})",
                measure.metric,
                measure.target_with("<", ">"),
                measure.today
            )?;
        }
        if let Some(by) = goal.by {
            write!(out, ", by {by}")?;
        }
        out.push('\n');
    }
    Ok(())
}

fn escalation(out: &mut String, plan: &Plan) -> fmt::Result {
    let matrix = &plan.escalation;
    if matrix.rules.is_empty() {
        out.push_str("(none)\n");
    }
    for (n, rule) in matrix.rules.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        writeln!(out, "Trigger: {}", Plain(&rule.trigger))?;
        writeln!(out, "→ Escalate to: {}", Plain(&rule.escalate_to))?;
        write!(out, "→ Timeframe: {}", Words(rule.timeframe))?;
        if rule.measured_from == EscalationStart::Breach {
            out.push_str(" after the breach");
        }
        if let Some(priority) = &rule.priority {
            write!(out, " ({} {} clock", Plain(priority), rule.metric.label())?;
            if let Some(policy) = &rule.policy {
                write!(out, ", {} policy", Plain(policy))?;
            }
            out.push(')');
        }
        out.push_str("\n→ Notification: ");
        blocks::list::<Text>(out, &rule.notify, ", ")?;
        out.push('\n');
        if rule.path != EscalationPath::Standard {
            writeln!(out, "→ Path: {}", rule.path.label())?;
        }
    }
    if !matrix.handoff_protocol.is_empty() {
        out.push_str("\nHandoff protocol:\n");
        blocks::numbered::<Text>(out, &matrix.handoff_protocol)?;
    }
    Ok(())
}

/// The brief writes the feedback loop without list dashes: `Weekly: …`.
fn feedback(out: &mut String, plan: &Plan) -> fmt::Result {
    let feedback = &plan.feedback;
    writeln!(out, "Weekly: {}", Plain(&feedback.weekly))?;
    writeln!(out, "Monthly: {}", Plain(&feedback.monthly))?;
    writeln!(out, "Quarterly: {}", Plain(&feedback.quarterly))
}

fn customer_success(out: &mut String, plan: &Plan) -> fmt::Result {
    let success = &plan.customer_success;
    out.push_str(
        "Health Score:\n| Component | Weight | Signal |\n|-----------|--------|--------|\n",
    );
    for component in &success.health.components {
        writeln!(
            out,
            "| {} | {}% | {} |",
            Cell(&component.name),
            Number(component.weight),
            Cell(&component.signal)
        )?;
    }
    out.push_str("Bands: ");
    super::write_bands(out, &success.health.bands)?;
    out.push_str("\n\nProactive Outreach:\n");
    if success.outreach.is_empty() {
        out.push_str("(none)\n");
    }
    for (n, outreach) in success.outreach.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        writeln!(out, "Trigger: {}", Plain(&outreach.trigger))?;
        writeln!(out, "→ Action: {}", Plain(&outreach.action))?;
        writeln!(out, "→ Owner: {}", Plain(&outreach.owner))?;
    }
    out.push_str("\nRenewal Playbook:\n");
    blocks::numbered::<Text>(out, &success.renewal_playbook)?;
    out.push_str("\nExpansion Signals:\n");
    blocks::bullets::<Text>(out, &success.expansion_signals)?;
    out.push_str("\nChurn Signals:\n");
    blocks::bullets::<Text>(out, &success.churn_signals)
}

fn roadmap(out: &mut String, plan: &Plan) -> fmt::Result {
    for (n, (phase, steps)) in plan.roadmap.phases().into_iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        writeln!(out, "Phase {}: {}", n + 1, phase.to_uppercase())?;
        if steps.is_empty() {
            out.push_str("(none)\n");
        }
        for step in steps {
            write_step(out, step)?;
        }
    }
    Ok(())
}

fn write_step(out: &mut String, step: &RoadmapStep) -> fmt::Result {
    write!(
        out,
        "- {} | Owner: {} | Status: {} | Due: ",
        Plain(&step.title),
        Plain(&step.owner),
        step.status.label()
    )?;
    match step.due {
        Some(date) => writeln!(out, "{date}"),
        None => out.write_str("—\n"),
    }
}

/// User text as the text format writes it: on one line, blank as `—`, and in a table `cell`
/// with `|` escaped (for other documents in the brief's style).
pub(crate) fn one_line(text: &str, cell: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let _ = write_one_line(&mut out, text, cell);
    out
}

/// User text on one line: line breaks become spaces, control characters go, blank becomes `—`.
struct Plain<'a>(&'a str);

impl fmt::Display for Plain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_one_line(f, self.0, false)
    }
}

/// User text in a table cell: as `Plain`, and a `|` cannot end the cell early.
struct Cell<'a>(&'a str);

impl fmt::Display for Cell<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_one_line(f, self.0, true)
    }
}

fn write_one_line<W: Write>(out: &mut W, text: &str, cell: bool) -> fmt::Result {
    let text = trimmed(text);
    if text.is_empty() {
        return out.write_str("—");
    }
    if !needs_care(text.as_bytes(), cell) {
        return out.write_str(text);
    }
    let mut clean_from = 0;
    for (index, c) in text.char_indices() {
        let replacement = match c {
            '\n' | '\r' | '\t' => " ",
            '|' if cell => "\\|",
            c if c.is_control() => "",
            _ => continue,
        };
        out.write_str(&text[clean_from..index])?;
        out.write_str(replacement)?;
        clean_from = index + c.len_utf8();
    }
    out.write_str(&text[clean_from..])
}

/// Whether text holds a byte the text format must replace: an ASCII control character, the first
/// byte of a C1 control character (0xC2), or in a table cell a `|`. Every byte is looked at, with
/// no early exit, so the compiler checks many at once (most text needs no care at all).
fn needs_care(bytes: &[u8], cell: bool) -> bool {
    let pipe = if cell { b'|' } else { 0 };
    bytes.iter().fold(false, |found, &b| {
        found | (b < 0x20) | (b == 0x7f) | (b == 0xc2) | (b == pipe)
    })
}

/// Escapes `|` in what was written to `out` since `start` (calendar names come from the user).
fn escape_cell_in_place(out: &mut String, start: usize) {
    if out[start..].contains(['|', '\n', '\r']) {
        let written = out.split_off(start);
        let _ = write!(out, "{}", Cell(&written));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{
        Category, Channel, Duration, EscalationRule, Header, MetricTarget, PolicyScope, SlaPolicy,
        SlaTarget,
    };

    fn on(target: &str, calendar: &str) -> MetricTarget {
        MetricTarget::new(target.parse().unwrap(), calendar)
    }

    /// A small plan, and the block the brief's OUTPUT FORMAT says it should produce (written by hand).
    #[test]
    fn small_plan_matches_the_brief_block() {
        let mut plan = Plan::blank();
        plan.header = Header {
            product: "Acme Tasks".into(),
            monthly_volume: 2500,
            team_size: 6,
            time_zone: "UTC".into(),
        };
        plan.channels = vec![
            Channel {
                name: "Chat".into(),
                use_case: "Quick how-to questions".into(),
                hours: "24/7".into(),
                ..Channel::default()
            },
            Channel {
                name: "Email".into(),
                use_case: "Anything | else".into(),
                hours: "24/7".into(),
                ..Channel::default()
            },
        ];
        plan.taxonomy = vec![Category {
            name: "Billing".into(),
            types: vec!["Refund".into(), "Invoice".into()],
            priority: "Normal".into(),
            route_to: "Tier 1".into(),
            team: "Billing".into(),
            ..Category::default()
        }];
        plan.sla = vec![SlaPolicy {
            name: "All customers".into(),
            targets: vec![SlaTarget {
                priority: "Critical".into(),
                first_response: on("30m", "24/7"),
                resolution: on("4h", "24/7"),
                ..SlaTarget::default()
            }],
            ..SlaPolicy::default()
        }];
        plan.escalation.rules = vec![EscalationRule {
            trigger: "Critical ticket\nnot answered".into(),
            escalate_to: "Support lead".into(),
            timeframe: Duration::minutes(30),
            notify: vec!["Head of Support".into(), "On-call engineer".into()],
            ..EscalationRule::default()
        }];
        plan.metrics.csat.target = 90.0;
        plan.metrics.csat.baseline = Some(82.5);
        plan.metrics.first_response.target = Duration::hours(1);

        let text = render(&plan, Section::Full, None);
        let expected_start = "\
SUPPORT OPERATIONS PLAN
═══════════════════════════════════════
Product: Acme Tasks
Channels: Chat, Email
Volume: 2,500 tickets/month
Team Size: 6 agents
═══════════════════════════════════════

CHANNEL STRATEGY
────────────────────────────
| Channel | Use Case | Hours |
|---------|----------|-------|
| Chat | Quick how-to questions | 24/7 |
| Email | Anything \\| else | 24/7 |

TICKET TAXONOMY
────────────────────────────
Category 1: Billing
- Types: Refund, Invoice
- Priority: Normal
- Route to: Tier 1 / Billing

SLA TARGETS
────────────────────────────
| Priority | First Response | Resolution |
|----------|---------------|------------|
| Critical | 30 min | 4 hours |

- Critical: clock on 24/7

ESCALATION MATRIX
────────────────────────────
Trigger: Critical ticket not answered
→ Escalate to: Support lead
→ Timeframe: 30 min
→ Notification: Head of Support, On-call engineer

SELF-SERVICE RESOURCES
────────────────────────────
- Knowledge Base: (none)
- FAQ: (none)
- Video Tutorials: (none)
- Community Forum: no

AUTOMATION OPPORTUNITIES
────────────────────────────
- Auto-reply: (none)
- Auto-route: (none)
- Auto-resolve: (none)
- Chatbot: —

SUCCESS METRICS
────────────────────────────
- First Response Time: <1 hour
- Resolution Time: —
- CSAT Score: >90% (today: 82.5%)
- First Contact Resolution: —
- Ticket Deflection: —

FEEDBACK LOOP
────────────────────────────
Weekly: —
Monthly: —
Quarterly: —

ASSESSMENT
────────────────────────────
(none)

SUPPORT TIERS
────────────────────────────
| Tier | Handles | Response | Hours |
|------|---------|----------|-------|
| Self-Service | FAQs, docs | Instant | 24/7 |
| Tier 1 | Common issues | <1 hour | 24/7 |
| Tier 2 | Complex cases | <4 hours | 24/7 |
| Tier 3 | Technical/billing | <24 hours | 24/7 |
| Executive | Escalations | <2 hours | 24/7 |

BUSINESS HOURS AND HOLIDAYS
────────────────────────────
Only the built-in 24/7.

CUSTOMER SUCCESS
";
        assert!(
            text.starts_with(expected_start),
            "got:\n{text}\n---- expected to start with:\n{expected_start}"
        );
        assert!(text.contains("\nROLLOUT ROADMAP\n────────────────────────────\nPhase 1: ASSESS\n- Audit current support | Owner: — | Status: Not started | Due: —\n"));
        // The plan's channels have no shares yet, so the CAPACITY part after the brief's blocks
        // says what is missing instead of staffing figures.
        assert!(text.ends_with(
            "- Feed into product | Owner: — | Status: Not started | Due: —\n\nCAPACITY\n\
             ────────────────────────────\nStaffing not worked out yet:\n\
             - Channel shares of volume add up to 0 %, not 100 %: fix them under Channels.\n"
        ));
    }

    /// Two contract levels, a business-hours calendar, targets that are not promised: the block
    /// as a support lead would write it by hand from a vendor's published SLA page.
    #[test]
    fn contract_levels_each_get_the_briefs_table() {
        let mut plan = Plan::blank();
        plan.calendars = vec![crate::rules::testing::nine_to_five(
            "Office",
            "Europe/Berlin",
        )];
        plan.sla = vec![
            SlaPolicy {
                name: "Enterprise".into(),
                description: "Included with the Enterprise plan.".into(),
                applies_to: PolicyScope {
                    segments: vec!["enterprise".into()],
                    ..PolicyScope::default()
                },
                targets: vec![SlaTarget {
                    priority: "Critical".into(),
                    first_response: on("15m", "24/7"),
                    periodic_update: on("1h", "24/7"),
                    resolution: on("24h", "Office"),
                    ..SlaTarget::default()
                }],
            },
            SlaPolicy {
                name: "Standard".into(),
                targets: vec![
                    SlaTarget {
                        priority: "Critical".into(),
                        first_response: on("4h", "Office"),
                        resolution: on("best effort", "Office"),
                        ..SlaTarget::default()
                    },
                    SlaTarget {
                        priority: "Low".into(),
                        first_response: on("2bd", "Office"),
                        ..SlaTarget::default()
                    },
                ],
                ..SlaPolicy::default()
            },
        ];
        assert_eq!(
            render(&plan, Section::Sla, None),
            "\
SLA TARGETS
────────────────────────────
Policy 1: Enterprise
Applies to: segments enterprise
Included with the Enterprise plan.

| Priority | First Response | Resolution |
|----------|---------------|------------|
| Critical | 15 min | 24 business hours |

- Critical: first response on 24/7, periodic update on 24/7, resolution on Mon–Fri 09:00–17:00 Europe/Berlin; updates every 1 hour

Policy 2: Standard
Applies to: everyone

| Priority | First Response | Resolution |
|----------|---------------|------------|
| Critical | 4 business hours | Best effort |
| Low | 2 business days | No target |

- Critical: clock on Mon–Fri 09:00–17:00 Europe/Berlin
- Low: clock on Mon–Fri 09:00–17:00 Europe/Berlin
"
        );
    }

    #[test]
    fn a_section_alone_is_its_heading_and_body() {
        let mut plan = Plan::blank();
        plan.feedback.weekly = "Top 10 issues to product".into();
        assert_eq!(
            render(&plan, Section::Feedback, None),
            "FEEDBACK LOOP\n────────────────────────────\nWeekly: Top 10 issues to product\nMonthly: —\nQuarterly: —\n"
        );
    }
}
