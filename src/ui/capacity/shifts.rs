//! The Shifts view under Capacity: the shift search run on the plan's hourly need (bounded in
//! time, best-so-far with its gap to the proven bound: "31 people; no plan can do it with fewer
//! than 30"), people per shift and working days, the week's cover against the need with hours
//! over and under, the roster findings (SHIFT-…) and the roster as CSV. The search and the
//! findings come from a worker (`ui::worker::ShiftSearch`), so the page never waits on them.

use leptos::prelude::*;

use crate::plan::Plan;
use crate::render::roster_csv;
use crate::rules::staffing_inputs;
use crate::shifts::ShiftPlan;
use crate::ui::table::{table_head, TableScroll};
use crate::ui::worker::search_shifts;

use super::charts::WeekChart;

/// The view: worked out again when what the staffing maths reads changes.
#[component]
pub fn ShiftsView(plan: RwSignal<Plan>) -> impl IntoView {
    let inputs = Memo::new(move |_| plan.with(staffing_inputs));
    // The search runs in a worker; the last plan found stays while the next is searched for.
    let searched = search_shifts(move || inputs.get());
    let result = Memo::new(move |_| searched.value.get().map(|(roster, _)| roster));
    let findings = Memo::new(move |_| {
        searched
            .value
            .with(|answer| answer.as_ref().map(|(_, f)| f.clone()))
            .unwrap_or_default()
    });
    let searching = move || {
        let text = match searched.notice.get() {
            Some(notice) => Some(notice),
            None if searched.working.get() => Some("Searching for the shift plan…".to_string()),
            None => None,
        };
        text.map(|text| view! { <p class="capacity-simulating" role="status">{text}</p> })
    };
    let status = RwSignal::new(None::<String>);
    let download = move |_| {
        let said = result.with_untracked(|r| match r {
            None => Some("The shift plan is still being searched for.".to_string()),
            Some(Ok(roster)) => {
                crate::ui::browser::download_text("shift-plan.csv", "text/csv", &roster_csv(roster))
                    .err()
            }
            Some(Err(why)) => Some(why.clone()),
        });
        status.set(said);
    };
    view! {
        <section class="capacity-shifts" id="shifts" aria-labelledby="shifts-heading">
            <h3 id="shifts-heading">"Shift plan"</h3>
            {move || findings.with(|all| (!all.is_empty()).then(|| {
                let items = all
                    .iter()
                    .map(|f| view! { <li><strong>{f.rule.to_string()}</strong>" "{f.message.clone()}</li> })
                    .collect_view();
                view! { <ul class="capacity-notes shift-findings" id="shift-findings">{items}</ul> }
            }))}
            {searching}
            {move || result.with(|r| match r {
                None => ().into_any(),
                Some(Err(why)) => view! { <p class="capacity-error" role="alert">{why.clone()}</p> }.into_any(),
                Some(Ok(roster)) => roster_view(roster).into_any(),
            })}
            <button type="button" id="shifts-csv" on:click=download>"Download the shift plan (CSV)"</button>
            {move || status.get().map(|s| view! { <p class="capacity-error" role="alert">{s}</p> })}
        </section>
    }
}

/// The answer, its bound, who works which shift, and the week's cover.
fn roster_view(roster: &ShiftPlan) -> impl IntoView {
    let rows = roster
        .teams
        .iter()
        .flat_map(|team| {
            team.assignments.iter().map(move |a| {
                view! {
                    <tr>
                        <td>{team.name.clone()}</td>
                        <td>{a.template.clone()}</td>
                        <td>{format!("{}–{}", a.start, a.end)}</td>
                        <td>{a.days_label.clone()}</td>
                        <td class="number">{a.people}</td>
                        <td class="number">{format!("{:.1}", a.paid_hours_each * f64::from(a.people))}</td>
                    </tr>
                }
            })
        })
        .collect_view();
    let need: Vec<f64> = roster.need.iter().map(|&n| f64::from(n)).collect();
    let on_shift: Vec<f64> = roster.on_shift.iter().map(|&n| f64::from(n)).collect();
    let stopped = (!roster.proven_optimal).then(|| {
        view! { <p class="help">"The search stopped before it could prove this plan the cheapest; the bound still holds."</p> }
    });
    view! {
        <p class="shifts-verdict" id="shifts-verdict">{roster.gap_sentence()}</p>
        <p>
            {format!(
                "Paid hours a week: {:.0} (no plan pays fewer than {:.0}). People work {}; the need is grossed up for {:.0} % shrinkage.",
                roster.paid_hours,
                roster.bound_paid_hours,
                roster.pattern,
                roster.shrinkage * 100.0
            )}
        </p>
        <p id="shifts-cover">
            {format!(
                "Cover: {} person-hours a week on shift beyond the need, {} needed and not covered.",
                roster.over_hours,
                roster.under_hours
            )}
        </p>
        {stopped}
        <TableScroll label="People per shift">
            <table class="doc-table" id="shifts-table">
                {table_head(&["Team", "Shift", "Hours", "Days", "People", "Paid hours a week"])}
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
        <WeekChart
            id="shifts-week".to_string()
            title="People on shift by hour of the week: needed (after shrinkage) and rostered".to_string()
            required=need
            scheduled=Some(on_shift)
        />
    }
}
