//! The Capacity part: head-count needed against planned, the busiest hours, each channel's
//! figures, the assumptions, and (in the detailed layout) the week's need as chart data.

use std::borrow::Cow;

use super::words::{columns, counted, fact, facts, heading, paragraph, table};
use super::{Block, Chart, Fact, FactStyle, Layout, Series};
use crate::capacity::staffing::{PAID_HOURS_PER_WEEK, WEEKS_PER_MONTH};
use crate::plan::Plan;
use crate::render::{capacity_summary, CapacitySummary, Count, Number};

/// The part's heading and body, from `summary` or from the plan's own staffing maths.
pub(super) fn capacity_part<'a>(
    plan: &'a Plan,
    summary: Option<&CapacitySummary>,
    layout: Layout,
) -> Vec<Block<'a>> {
    let worked_out;
    let summary = match summary {
        Some(given) => given,
        None => {
            worked_out = capacity_summary(plan);
            &worked_out
        }
    };
    let mut blocks = vec![heading(2, "Capacity")];
    let figures = match summary {
        CapacitySummary::Missing(missing) => {
            let items = missing.iter().map(|m| Cow::Owned(m.clone())).collect();
            blocks.push(Block::Group {
                blocks: vec![
                    paragraph("Staffing not worked out yet:"),
                    Block::List {
                        ordered: false,
                        items,
                    },
                ],
            });
            return blocks;
        }
        CapacitySummary::Unavailable(reason) => {
            blocks.push(paragraph(format!("Staffing not worked out: {reason}")));
            return blocks;
        }
        CapacitySummary::Ready(figures) => figures,
    };
    let mut planned = counted(figures.planned, "agent", "agents");
    if figures.needed > figures.planned {
        planned.push_str(&format!(" ({} short)", figures.needed - figures.planned));
    }
    blocks.push(facts(
        FactStyle::Bulleted,
        vec![
            fact(
                "Headcount Needed",
                counted(figures.needed, "agent", "agents"),
            ),
            Fact {
                alert: figures.needed > figures.planned,
                ..fact("Headcount Planned", planned)
            },
            fact("Peak Hours", figures.peak_hours.clone()),
        ]
        .into_iter()
        // Each desk and the escalation tier with whole people of their own.
        .chain(
            figures
                .adds_up
                .as_ref()
                .map(|sum| fact("Adds Up As", sum.clone())),
        )
        .chain((figures.on_call_people > 0).then(|| {
            fact(
                "On Call",
                format!(
                    "{} at a time, beside the agents at desks",
                    counted(figures.on_call_people, "person", "people")
                ),
            )
        }))
        .collect(),
    ));
    let rows = figures
        .channels
        .iter()
        .map(|c| {
            vec![
                Cow::Owned(c.name.clone()),
                Cow::Owned(c.staffed_to.clone()),
                Cow::Owned(c.pattern.clone()),
                Cow::Owned(c.peak.clone()),
                Cow::Owned(c.head_count.to_string()),
            ]
        })
        .collect();
    let head = [
        "Channel",
        "Staffed To",
        "Arrival Pattern",
        "Peak On Shift",
        "Headcount",
    ];
    let head = columns(&head, &["Headcount"]);
    blocks.push(table("Staffing by channel", "channels", head, rows));
    let why = figures
        .channels
        .iter()
        .map(|c| Cow::Owned(format!("{}: {}", c.name, c.why)))
        .chain(
            figures
                .on_call
                .iter()
                .map(|line| Cow::Owned(format!("On call, {line}."))),
        )
        .collect();
    blocks.push(Block::Group {
        blocks: vec![
            paragraph("Why each channel's headcount:"),
            Block::List {
                ordered: false,
                items: why,
            },
        ],
    });
    let volume = plan.header.monthly_volume;
    let mut assumptions = vec![
        fact(
            "Shrinkage",
            format!(
                "{} of paid time away from the queue ({} paid hours a week)",
                figures.shrinkage,
                Number(PAID_HOURS_PER_WEEK)
            ),
        ),
        fact(
            "Volume",
            format!(
                "{} a month, about {} a week (52 weeks in 12 months)",
                counted(volume, "ticket", "tickets"),
                Count((f64::from(volume) / WEEKS_PER_MONTH).round() as u32)
            ),
        ),
    ];
    assumptions.extend(figures.notes.iter().map(|n| fact("Note", n.clone())));
    blocks.push(facts(FactStyle::Bulleted, assumptions));
    if layout == Layout::Detailed && !figures.on_duty.is_empty() {
        blocks.push(Block::Chart(Chart {
            id: "doc-capacity-week".to_string(),
            title: "Agents needed on shift by hour of the week".to_string(),
            series: vec![Series {
                name: "Needed".to_string(),
                values: figures.on_duty.clone(),
            }],
        }));
    }
    blocks
}
