//! The shift plan as CSV for a workforce-management or HR tool: one row per team, shift and set
//! of working days, with the people on it. Cells are neutralised as in the taxonomy CSV.

use crate::render::helpdesk::push_row;
use crate::shifts::ShiftPlan;

const HEADER: [&str; 13] = [
    "team", "shift", "start", "end", "days", "mon", "tue", "wed", "thu", "fri", "sat", "sun",
    "people",
];

/// Header, then a row per assignment, then `paid_hours_per_person` and `paid_hours_total` after
/// the people (so a spreadsheet sums them).
pub fn roster_csv(plan: &ShiftPlan) -> String {
    let mut body = String::new();
    let mut header: Vec<String> = HEADER.iter().map(|h| h.to_string()).collect();
    header.push("paid_hours_per_person".into());
    header.push("paid_hours_total".into());
    push_row(&mut body, &header);
    for team in &plan.teams {
        for a in &team.assignments {
            let mut row = vec![
                team.name.clone(),
                a.template.clone(),
                a.start.clone(),
                a.end.clone(),
                a.days_label.clone(),
            ];
            row.extend(
                a.days
                    .iter()
                    .map(|&on| if on { "1" } else { "0" }.to_string()),
            );
            row.push(a.people.to_string());
            row.push(format!("{}", a.paid_hours_each));
            row.push(format!("{}", a.paid_hours_each * f64::from(a.people)));
            push_row(&mut body, &row);
        }
    }
    body
}
