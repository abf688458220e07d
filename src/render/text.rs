//! The text writer: blocks in the brief's OUTPUT FORMAT style: `═` header, shouted headings over
//! `─` rules, pipe tables, `- Label: value` lines. It lays nothing out itself (see `document`).

use std::fmt::{self, Write};

use super::document::{document, Block, Document, Fact, FactStyle, Inputs, Layout, Table};
use super::{list_marker, trimmed, Given, Section};
use crate::plan::Plan;

pub(crate) const DOUBLE_RULE: &str = "═══════════════════════════════════════";
pub(crate) const SINGLE_RULE: &str = "────────────────────────────";

/// Renders the plan, or one section, as the brief's text block.
pub(super) fn render(plan: &Plan, section: Section, given: Given<'_>) -> String {
    let inputs = Inputs {
        capacity: given.capacity,
        checks: None,
        replay: None,
        roster: given.roster,
    };
    let document = document(plan, section, Layout::Brief, inputs);
    let mut out = String::with_capacity(4096 + plan.taxonomy.len() * 160);
    write_document(&mut out, &document);
    out
}

/// Writes blocks in the brief's style: a blank line between blocks, none after a heading.
pub(crate) fn write_document(out: &mut String, document: &Document<'_>) {
    write_blocks(out, &document.blocks, true);
}

fn write_blocks(out: &mut String, blocks: &[Block<'_>], spaced: bool) {
    let mut previous_heading = true;
    for block in blocks {
        if spaced && !previous_heading {
            out.push('\n');
        }
        previous_heading = matches!(block, Block::Heading { .. });
        write_block(out, block);
    }
}

fn write_block(out: &mut String, block: &Block<'_>) {
    match block {
        Block::Title { text, facts } => {
            out.push_str(&text.to_uppercase());
            out.push('\n');
            out.push_str(DOUBLE_RULE);
            out.push('\n');
            write_facts(out, FactStyle::Plain, facts);
            out.push_str(DOUBLE_RULE);
            out.push('\n');
        }
        Block::Heading { level: 2, text } => {
            out.push_str(&text.to_uppercase());
            out.push('\n');
            out.push_str(SINGLE_RULE);
            out.push('\n');
        }
        Block::Heading { text, .. } | Block::Paragraph { text } | Block::Note { text } => {
            line(out, text, true);
        }
        Block::Facts { style, facts } => write_facts(out, *style, facts),
        Block::Table(table) => write_table(out, table),
        Block::List { ordered, items } => {
            for (n, item) in items.iter().enumerate() {
                list_marker(out, *ordered, n);
                line(out, item, false);
            }
        }
        // A chart is figures for a picture; the text block has none.
        Block::Chart(_) => {}
        Block::Group { blocks } => write_blocks(out, blocks, false),
        Block::Records { items, .. } => write_blocks(out, items, true),
    }
}

fn write_facts(out: &mut String, style: FactStyle, facts: &[Fact<'_>]) {
    for (n, fact) in facts.iter().enumerate() {
        match style {
            FactStyle::Plain => {}
            FactStyle::Bulleted => out.push_str("- "),
            FactStyle::Arrows if n > 0 => out.push_str("→ "),
            FactStyle::Arrows => {}
        }
        let _ = write_one_line(out, &fact.label, false);
        out.push_str(": ");
        line(out, &fact.value, false);
    }
}

/// The brief's SLA table rules its second column one dash short; its block is kept as written.
const BRIEF_SLA_HEAD: [&str; 3] = ["Priority", "First Response", "Resolution"];

fn write_table(out: &mut String, table: &Table<'_>) {
    out.push('|');
    for column in &table.columns {
        out.push(' ');
        let _ = write_one_line(out, &column.heading, true);
        out.push_str(" |");
    }
    out.push_str("\n|");
    let brief_sla = table
        .columns
        .iter()
        .map(|c| c.heading.as_ref())
        .eq(BRIEF_SLA_HEAD);
    for (n, column) in table.columns.iter().enumerate() {
        let width = column.heading.chars().count() + 2 - usize::from(brief_sla && n == 1);
        out.extend(std::iter::repeat_n('-', width));
        out.push('|');
    }
    out.push('\n');
    for row in &table.rows {
        out.push('|');
        for cell in row {
            out.push(' ');
            let _ = write_one_line(out, cell, true);
            out.push_str(" |");
        }
        out.push('\n');
    }
}

/// Text on one line and a line break; `cell`: a `|` cannot read as a table's.
fn line(out: &mut String, text: &str, cell: bool) {
    let _ = write_one_line(out, text, cell);
    out.push('\n');
}

/// User text as the text format writes it: on one line, blank as `—`, and in a table `cell`
/// with `|` escaped (for other documents in the brief's style).
pub(crate) fn one_line(text: &str, cell: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let _ = write_one_line(&mut out, text, cell);
    out
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

        let text = render(&plan, Section::Full, Given::default());
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

- Chat: Email, 0% of volume
- Email: 0% of volume

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
- Home Time Zone: UTC

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
            render(&plan, Section::Sla, Given::default()),
            "\
SLA TARGETS
────────────────────────────
Policy 1: Enterprise
Applies to: customers tagged “enterprise”
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
            render(&plan, Section::Feedback, Given::default()),
            "FEEDBACK LOOP\n────────────────────────────\nWeekly: Top 10 issues to product\nMonthly: —\nQuarterly: —\n"
        );
    }
}
