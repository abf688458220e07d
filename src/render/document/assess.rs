//! The parts the brief lists as workflow and success tracking: the assessment (journey, pain
//! points, benchmarks, goals), customer success (health score, outreach, playbooks) and the
//! four-phase roadmap.

use std::borrow::Cow;
use std::fmt::Write;

use crate::plan::provenance::at;

use super::parts::piece_heading;
use super::words::{
    columns, fact, facts, list_or_none, maybe_duration, note, percent, table, template_mark, user,
    NONE,
};
use super::{Block, FactStyle, Layout, Words};
use crate::plan::{Plan, RoadmapStep};
use crate::render::assess::{addressed_by_in_words, evidence_in_words, list_in_words, GoalMeasure};
use crate::render::write_bands;

pub(super) fn assess<'a>(blocks: &mut Vec<Block<'a>>, plan: &'a Plan, layout: Layout) {
    let assess = &plan.assess;
    if assess.is_empty() {
        blocks.push(note(NONE));
        return;
    }
    let journey = assess
        .journey
        .iter()
        .map(|stage| {
            vec![
                user(&stage.stage),
                Cow::Owned(list_in_words(&stage.touchpoints)),
                Cow::Owned(list_in_words(&stage.channels)),
                Cow::Owned(list_in_words(&stage.goes_wrong)),
            ]
        })
        .collect();
    blocks.push(piece_heading(layout, "Customer Journey"));
    let head = columns(
        &["Stage", "Touchpoints", "Channels", "What Goes Wrong"],
        &[],
    );
    blocks.push(table("Customer journey", "stages", head, journey));
    blocks.push(piece_heading(layout, "Pain Points"));
    blocks.push(pain_points(plan, layout));
    let competitors = assess
        .competitors
        .iter()
        .map(|c| {
            vec![
                user(&c.competitor),
                Cow::Owned(list_in_words(&c.channels)),
                maybe_duration(c.first_response),
                user(&c.hours),
                user(&c.notable),
            ]
        })
        .collect();
    blocks.push(piece_heading(layout, "Competitor Benchmarks"));
    let head = [
        "Competitor",
        "Channels",
        "First Response",
        "Hours",
        "Notable",
    ];
    blocks.push(table(
        "Competitor benchmarks",
        "competitors",
        columns(&head, &[]),
        competitors,
    ));
    blocks.push(piece_heading(layout, "Improvement Goals"));
    blocks.push(goals(plan, layout));
}

/// Each pain point: the brief's `Pain:`/`→` record, or a table row.
fn pain_points(plan: &Plan, layout: Layout) -> Block<'_> {
    let pains = &plan.assess.pain_points;
    fn cells<'p>(
        plan: &Plan,
        index: usize,
        pain: &'p crate::plan::PainPoint,
    ) -> [(&'static str, Words<'p>); 4] {
        let mark = template_mark(plan, &at::pain_figure(index));
        [
            ("Pain", user(&pain.pain)),
            (
                "Evidence",
                Cow::Owned(evidence_in_words(&pain.evidence) + mark),
            ),
            (
                "Addressed by",
                Cow::Owned(addressed_by_in_words(&pain.addressed_by)),
            ),
            ("How", user(&pain.how)),
        ]
    }
    match layout {
        Layout::Brief if pains.is_empty() => note(NONE),
        Layout::Brief => Block::Records {
            noun: Cow::Borrowed("pain points"),
            items: pains
                .iter()
                .enumerate()
                .map(|(i, pain)| {
                    let list = cells(plan, i, pain)
                        .into_iter()
                        .filter(|(label, value)| *label != "How" || value != "—")
                        .map(|(label, value)| fact(label, value))
                        .collect();
                    facts(FactStyle::Arrows, list)
                })
                .collect(),
        },
        Layout::Detailed => {
            let rows = pains
                .iter()
                .enumerate()
                .map(|(i, pain)| cells(plan, i, pain).into_iter().map(|(_, v)| v).collect())
                .collect();
            let head = columns(&["Pain", "Evidence", "Addressed by", "How"], &[]);
            table("Pain points", "pain points", head, rows)
        }
    }
}

/// Each goal with its metric, today's value and the target: a line, or a table row.
fn goals(plan: &Plan, layout: Layout) -> Block<'_> {
    let goals = &plan.assess.goals;
    match layout {
        Layout::Brief if goals.is_empty() => note(NONE),
        Layout::Brief => Block::List {
            ordered: false,
            items: goals
                .iter()
                .map(|goal| {
                    let measure = GoalMeasure::of(plan, goal);
                    let mut line = format!("{}: ", user(&goal.goal));
                    if goal.metric.is_none() {
                        line.push_str("no metric");
                    } else {
                        let target = measure.target_with("<", ">");
                        let _ = write!(
                            line,
                            "{} {target} (today: {})",
                            measure.metric, measure.today
                        );
                    }
                    if let Some(by) = goal.by {
                        let _ = write!(line, ", by {by}");
                    }
                    Cow::Owned(line)
                })
                .collect(),
        },
        Layout::Detailed => {
            let rows = goals
                .iter()
                .map(|goal| {
                    let measure = GoalMeasure::of(plan, goal);
                    vec![
                        user(&goal.goal),
                        Cow::Borrowed(measure.metric),
                        Cow::Owned(measure.today.clone()),
                        Cow::Owned(measure.target_with("<", ">")),
                        Cow::Owned(goal.by.map_or_else(|| "—".to_string(), |by| by.to_string())),
                    ]
                })
                .collect();
            let head = columns(&["Goal", "Metric", "Today", "Target", "By"], &[]);
            table("Improvement goals", "goals", head, rows)
        }
    }
}

pub(super) fn customer_success<'a>(blocks: &mut Vec<Block<'a>>, plan: &'a Plan, layout: Layout) {
    let success = &plan.customer_success;
    let components = success
        .health
        .components
        .iter()
        .enumerate()
        .map(|(i, c)| {
            vec![
                user(&c.name),
                Cow::Owned(percent(c.weight) + template_mark(plan, &at::health_weight(i))),
                user(&c.signal),
            ]
        })
        .collect();
    let head = columns(&["Component", "Weight", "Signal"], &["Weight"]);
    let mut bands = String::new();
    let _ = write_bands(&mut bands, &success.health.bands);
    blocks.push(piece_heading(layout, "Health Score"));
    blocks.push(Block::Group {
        blocks: vec![
            table("Health score", "components", head, components),
            facts(FactStyle::Plain, vec![fact("Bands", bands)]),
        ],
    });
    blocks.push(piece_heading(layout, "Proactive Outreach"));
    let outreach: Vec<[Words<'a>; 3]> = success
        .outreach
        .iter()
        .map(|o| [user(&o.trigger), user(&o.action), user(&o.owner)])
        .collect();
    let head = ["Trigger", "Action", "Owner"];
    blocks.push(match layout {
        Layout::Brief if outreach.is_empty() => note(NONE),
        Layout::Brief => Block::Records {
            noun: Cow::Borrowed("outreach triggers"),
            items: outreach
                .into_iter()
                .map(|cells| {
                    let list = head.iter().zip(cells).map(|(&l, v)| fact(l, v)).collect();
                    facts(FactStyle::Arrows, list)
                })
                .collect(),
        },
        Layout::Detailed => {
            let rows = outreach.into_iter().map(Vec::from).collect();
            table(
                "Proactive outreach",
                "outreach triggers",
                columns(&head, &[]),
                rows,
            )
        }
    });
    blocks.push(piece_heading(layout, "Renewal Playbook"));
    blocks.push(list_or_none(&success.renewal_playbook, true));
    blocks.push(piece_heading(layout, "Expansion Signals"));
    blocks.push(list_or_none(&success.expansion_signals, false));
    blocks.push(piece_heading(layout, "Churn Signals"));
    blocks.push(list_or_none(&success.churn_signals, false));
}

/// The brief's four phases, each with its steps: `- Step | Owner: … | Status: … | Due: …`
/// lines under `Phase 1: ASSESS`, or a table under `Phase 1: Assess`.
pub(super) fn roadmap<'a>(blocks: &mut Vec<Block<'a>>, plan: &'a Plan, layout: Layout) {
    for (n, (phase, steps)) in plan.roadmap.phases().into_iter().enumerate() {
        let due = |step: &RoadmapStep| step.due.map_or_else(|| "—".to_string(), |d| d.to_string());
        match layout {
            Layout::Brief => {
                let title = format!("Phase {}: {}", n + 1, phase.to_uppercase());
                blocks.push(super::words::heading(3, title));
                if steps.is_empty() {
                    blocks.push(note(NONE));
                    continue;
                }
                let items = steps
                    .iter()
                    .enumerate()
                    .map(|(i, step)| {
                        Cow::Owned(format!(
                            "{} | Owner: {} | Status: {}{} | Due: {}",
                            user(&step.title),
                            user(&step.owner),
                            step.status.label(),
                            template_mark(plan, &at::step_status(phase, i)),
                            due(step)
                        ))
                    })
                    .collect();
                blocks.push(Block::List {
                    ordered: false,
                    items,
                });
            }
            Layout::Detailed => {
                let title = format!("Phase {}: {phase}", n + 1);
                let rows = steps
                    .iter()
                    .enumerate()
                    .map(|(i, step)| {
                        vec![
                            user(&step.title),
                            user(&step.owner),
                            Cow::Owned(
                                step.status.label().to_string()
                                    + template_mark(plan, &at::step_status(phase, i)),
                            ),
                            Cow::Owned(due(step)),
                        ]
                    })
                    .collect();
                let head = columns(&["Step", "Owner", "Status", "Due"], &[]);
                blocks.push(super::words::heading(3, title.clone()));
                blocks.push(table(format!("{title} steps"), "steps", head, rows));
            }
        }
    }
}
