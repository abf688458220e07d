//! The Shifts view under Capacity: the shift search run on the plan's hourly need (bounded in
//! time, best-so-far with its gap to the proven bound: "31 people; no plan can do it with fewer
//! than 30"), people per shift and working days, the week's cover against the need with hours
//! over and under, the roster findings (SHIFT-001…006) and the roster as CSV. The answer is the
//! designer's one `RosterAnswer`, which the preview and the exports read too; it comes from a
//! worker (`ui::worker::ShiftSearch`), so the page never waits on the search.

use leptos::prelude::*;

use crate::plan::Plan;
use crate::render::roster_csv;
use crate::shifts::ShiftPlan;
use crate::ui::roster_answer::RosterAnswer;
use crate::ui::table::{table_head, TableScroll};

use super::charts::WeekChart;

/// The view: worked out again when what the staffing maths reads changes.
#[component]
pub fn ShiftsView(plan: RwSignal<Plan>) -> impl IntoView {
    let result = RosterAnswer::for_designer(plan.into());
    result.shown();
    let findings = Memo::new(move |_| result.findings());
    let searching = move || {
        result
            .status()
            .map(|text| view! { <p class="capacity-simulating" role="status">{text}</p> })
    };
    let status = RwSignal::new(None::<String>);
    let download = move |_| {
        let said = match result.get_untracked() {
            None => Some("The shift plan is still being searched for.".to_string()),
            Some(Ok(roster)) => crate::ui::browser::download_text(
                "shift-plan.csv",
                "text/csv",
                &roster_csv(&roster),
            )
            .err(),
            Some(Err(why)) => Some(why),
        };
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
                Err(why) => view! { <p class="capacity-error" role="alert">{why.clone()}</p> }.into_any(),
                Ok(roster) => roster_view(roster).into_any(),
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
                        <td>{a.hours_words()}</td>
                        <td>{a.days_label.clone()}</td>
                        <td class="number">{a.people}</td>
                        <td class="number">{a.paid_hours_words()}</td>
                    </tr>
                }
            })
        })
        .collect_view();
    let need: Vec<f64> = roster.need.iter().map(|&n| f64::from(n)).collect();
    let on_shift: Vec<f64> = roster.on_shift.iter().map(|&n| f64::from(n)).collect();
    let caveats = roster
        .caveats()
        .into_iter()
        .map(|said| view! { <p class="help">{said}</p> })
        .collect_view();
    let uncovered = roster
        .teams
        .iter()
        .filter_map(|team| team.uncovered_sentence())
        .map(|said| view! { <p class="help">{said}</p> })
        .collect_view();
    view! {
        <p class="shifts-verdict" id="shifts-verdict">{roster.gap_sentence()}</p>
        <p>
            {format!(
                "Paid hours a week: {}. {}; people work {}; the need is grossed up for {} shrinkage.",
                roster.paid_words(),
                roster.teams_words(),
                roster.pattern,
                roster.shrinkage_words()
            )}
        </p>
        <p id="shifts-cover">{format!("Cover: {}.", roster.cover_words())}</p>
        {caveats}
        <TableScroll label="People per shift">
            <table class="doc-table" id="shifts-table">
                {table_head(&["Team", "Shift", "Hours", "Days", "People", "Paid hours a week"])}
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
        {uncovered}
        <WeekChart
            id="shifts-week".to_string()
            title="People on shift by hour of the week: needed (after shrinkage) and rostered".to_string()
            required=need
            scheduled=Some(on_shift)
        />
    }
}
