//! The STAFFING ROSTER part, when the plan says how its people are rostered (shift templates, a
//! work pattern, teams per channel): the templates with their days, the pattern and pooling, and
//! the shift search's answer — people per shift, paid hours, the gap to the proven bound — in the
//! words and figures of the Shifts view (`shifts::roster_of`, worded in `shifts`).

use std::borrow::Cow;

use super::parts::piece_heading;
use super::words::{columns, fact, facts, heading, paragraph, table};
use super::{Block, Chart, Fact, FactStyle, Layout, Series};
use crate::plan::Plan;
use crate::shifts::{minutes_words, roster_of, ShiftPlan};

/// The part's heading and body from `roster` (worked out here when `None`); nothing when the
/// plan has no roster inputs.
pub(super) fn roster_part<'a>(
    plan: &Plan,
    roster: Option<&Result<ShiftPlan, String>>,
    layout: Layout,
) -> Vec<Block<'a>> {
    if plan.staffing.roster.is_empty() {
        return Vec::new();
    }
    let worked_out;
    let roster = match roster {
        Some(given) => given,
        None => {
            worked_out = roster_of(plan, &mut |_, _| true);
            &worked_out
        }
    };
    roster_section(roster, layout)
}

/// The part for an answer already searched (or why there is none): heading, then body.
pub fn roster_section(roster: &Result<ShiftPlan, String>, layout: Layout) -> Vec<Block<'static>> {
    let mut blocks = vec![heading(2, "Staffing Roster")];
    match roster {
        Ok(roster) => blocks.extend(roster_blocks(roster, layout)),
        Err(why) => blocks.push(paragraph(format!("Shift plan not worked out: {why}"))),
    }
    blocks
}

/// The body of the part: the answer, the templates, people per shift, the week's cover.
fn roster_blocks(roster: &ShiftPlan, layout: Layout) -> Vec<Block<'static>> {
    let mut blocks = vec![facts(FactStyle::Bulleted, answer_facts(roster))];
    blocks.extend(roster.caveats().into_iter().map(paragraph));
    blocks.push(piece_heading(layout, "Shift Templates"));
    let rows = roster
        .templates
        .iter()
        .map(|t| {
            vec![
                Cow::Owned(t.name.clone()),
                Cow::Owned(format!("{}–{}", t.start, t.end)),
                Cow::Owned(minutes_words(t.paid_minutes)),
                Cow::Owned(minutes_words(t.unpaid_break_minutes)),
                Cow::Owned(t.days.clone()),
            ]
        })
        .collect();
    let head = columns(&["Shift", "Hours", "Paid", "Unpaid Break", "Runs On"], &[]);
    blocks.push(table("Shift templates", "shift templates", head, rows));
    blocks.push(piece_heading(layout, "People per Shift"));
    let rows = roster
        .teams
        .iter()
        .flat_map(|team| {
            team.assignments.iter().map(|a| {
                vec![
                    Cow::Owned(team.name.clone()),
                    Cow::Owned(a.template.clone()),
                    Cow::Owned(a.hours_words()),
                    Cow::Owned(a.days_label.clone()),
                    Cow::Owned(a.people.to_string()),
                    Cow::Owned(a.paid_hours_words()),
                ]
            })
        })
        .collect();
    let numeric = ["People", "Paid Hours a Week"];
    let head = [
        "Team",
        "Shift",
        "Hours",
        "Days",
        "People",
        "Paid Hours a Week",
    ];
    blocks.push(table(
        "People per shift",
        "shifts",
        columns(&head, &numeric),
        rows,
    ));
    blocks.extend(
        roster
            .teams
            .iter()
            .filter_map(|team| team.uncovered_sentence())
            .map(paragraph),
    );
    if layout == Layout::Detailed && !roster.need.is_empty() {
        blocks.push(Block::Chart(week_chart(roster)));
    }
    blocks
}

/// The answer as facts: people and the bound, paid hours, teams, pattern, shrinkage, cover.
fn answer_facts(roster: &ShiftPlan) -> Vec<Fact<'static>> {
    vec![
        fact("People", roster.gap_sentence()),
        fact("Paid Hours a Week", roster.paid_words()),
        fact("Teams", roster.teams_words()),
        fact("Work Pattern", roster.pattern.clone()),
        fact("Need Grossed Up For Shrinkage", roster.shrinkage_words()),
        Fact {
            alert: roster.under_hours > 0,
            ..fact("Cover", roster.cover_words())
        },
    ]
}

/// People needed on shift (after shrinkage) and rostered, per hour of the week.
fn week_chart(roster: &ShiftPlan) -> Chart {
    let series = |name: &str, values: &[u32]| Series {
        name: name.to_string(),
        values: values.iter().map(|&n| f64::from(n)).collect(),
    };
    Chart {
        id: "doc-roster-week".to_string(),
        title: "People on shift by hour of the week: needed (after shrinkage) and rostered"
            .to_string(),
        series: vec![
            series("Needed", &roster.need),
            series("On shift", &roster.on_shift),
        ],
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{ClockTime, Duration, Section, ShiftTemplate, Weekday, Weekdays};
    use crate::render::document::{document, Inputs};
    use crate::render::{markdown, text};

    /// b2b-saas with one roster input (a named Day shift and the built-in pattern), so the
    /// document carries the part.
    fn rostered() -> Plan {
        let mut plan = crate::plan::templates::by_id("b2b-saas").unwrap();
        plan.staffing.roster.templates = crate::shifts::default_templates();
        plan.staffing.roster.templates[1] = ShiftTemplate {
            name: "Weekday day".into(),
            start: ClockTime::new(8, 0).unwrap(),
            length: Duration::minutes(510),
            unpaid_break: Duration::minutes(30),
            days: Weekdays::of(Weekday::ALL[..5].iter().copied()),
        };
        plan
    }

    #[test]
    fn a_plan_without_roster_inputs_has_no_roster_part() {
        let plan = crate::plan::templates::by_id("b2b-saas").unwrap();
        assert!(roster_part(&plan, None, Layout::Detailed).is_empty());
    }

    /// The part says the search's own figures: the people of the table add up to the answer's,
    /// the paid hours of its rows to the paid hours a week, and both writers say them.
    #[test]
    fn the_roster_part_says_the_searchs_answer() {
        let plan = rostered();
        let roster = roster_of(&plan, &mut |_, _| true).unwrap();
        let given = Ok(roster.clone());
        let blocks = roster_part(&plan, Some(&given), Layout::Detailed);
        let Some(Block::Table(people)) = blocks
            .iter()
            .find(|b| matches!(b, Block::Table(t) if t.label == "People per shift"))
        else {
            panic!("no people table: {blocks:#?}");
        };
        let people_sum: u32 = people
            .rows
            .iter()
            .map(|r| r[4].parse::<u32>().unwrap())
            .sum();
        assert_eq!(people_sum, roster.people);
        let paid: f64 = people
            .rows
            .iter()
            .map(|r| r[5].parse::<f64>().unwrap())
            .sum();
        assert!(
            (paid - roster.paid_hours).abs() < 0.5,
            "{paid} {}",
            roster.paid_hours
        );
        // Every shift on the table is a template's, worked on days its template runs.
        for row in &people.rows {
            let template = roster.templates.iter().find(|t| t.name == row[1]).unwrap();
            assert!(
                template.days == "any day" || row[3] == template.days,
                "{row:?}"
            );
        }
        // Worked out here when not given: the same answer (the search is deterministic).
        assert_eq!(roster_part(&plan, None, Layout::Detailed), blocks);

        let doc = document(&plan, Section::Full, Layout::Detailed, Inputs::default());
        let mut md = String::new();
        markdown::write_document(&mut md, &doc);
        assert!(md.contains("## Staffing Roster"), "{md}");
        assert!(md.contains(&roster.gap_sentence()), "{md}");
        assert!(
            md.contains("| Weekday day | 08:00–16:30 | 8h | 30m | Mon–Fri |"),
            "{md}"
        );
        let doc = document(&plan, Section::Full, Layout::Brief, Inputs::default());
        let mut txt = String::new();
        text::write_document(&mut txt, &doc);
        assert!(txt.contains("STAFFING ROSTER\n"), "{txt}");
        assert!(txt.contains("Shift Templates:"), "{txt}");
        assert!(txt.contains(&roster.paid_words()), "{txt}");
    }

    #[test]
    fn a_roster_that_cannot_be_worked_out_says_why() {
        let mut plan = rostered();
        plan.header.monthly_volume = 0;
        let blocks = roster_part(&plan, None, Layout::Brief);
        let said = format!("{blocks:?}");
        assert!(
            said.contains("Shift plan not worked out: The shift plan needs"),
            "{said}"
        );
    }
}
