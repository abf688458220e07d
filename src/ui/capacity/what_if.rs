//! What-if: volume growth, team size and handle time tried without touching the plan, the agents
//! needed per hour and the attainment per priority beside the plan's own; "Apply" writes the
//! scenario into the plan as one change (one undo step).

use leptos::prelude::*;

use crate::capacity::scenario::{Scenario, HANDLE_TIME_CHANGE_RANGE, VOLUME_CHANGE_RANGE};
use crate::capacity::simulation::SimulationResult;
use crate::capacity::staffing::{ready, StaffingPlan};
use crate::edit::Edit;
use crate::plan::Plan;
use crate::render::peak_words;
use crate::ui::edit::Editor;
use crate::ui::table::TableScroll;
use crate::ui::worker::simulate_month;

use crate::capacity::short::short_hours;

use super::charts::{attainment_words, WeekChart};
use super::{month_status, scheduled_by_hour};

/// Staffing and a simulated month of a plan, or `None` when it cannot be worked out.
pub type Outcome = Option<(StaffingPlan, Option<SimulationResult>)>;

/// Today's date by the browser's clock (the simulated month defaults to the next one).
pub fn today() -> crate::plan::Date {
    let now = js_sys::Date::new_0();
    crate::plan::Date {
        year: now.get_full_year() as i32,
        month: (now.get_month() + 1) as u8,
        day: now.get_date() as u8,
    }
}

/// A slider with its number, for a percentage change.
fn change_slider(
    id: &'static str,
    label: &'static str,
    range: (f64, f64),
    value: RwSignal<f64>,
) -> impl IntoView {
    view! {
        <div class="field what-if-field">
            <label for=id>{label}</label>
            <input
                type="range"
                id=id
                min=range.0
                max=range.1
                step="5"
                prop:value=move || value.get().to_string()
                on:input=move |ev| {
                    if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                        value.set(v);
                    }
                }
            />
            <output for=id>{move || format!("{:+.0} %", value.get())}</output>
        </div>
    }
}

/// The what-if panel. `current` is the plan's own outcome (worked out once by the view).
#[component]
pub fn WhatIf(plan: RwSignal<Plan>, current: Memo<Outcome>) -> impl IntoView {
    let editor = Editor::of(plan);
    let volume = RwSignal::new(0.0);
    let handle = RwSignal::new(0.0);
    // `None`: the plan's own team size, following it as it changes.
    let team = RwSignal::new(None::<u32>);
    let scenario = Memo::new(move |_| {
        let team_size = team
            .get()
            .unwrap_or_else(|| plan.with(|p| p.header.team_size));
        Scenario {
            volume_change: volume.get(),
            team_size,
            handle_time_change: handle.get(),
        }
    });
    let changes_nothing = Memo::new(move |_| plan.with(|p| scenario.get().changes_nothing(p)));
    // The scenario's plan, and what it needs; none while it changes nothing.
    let changed = Memo::new(move |_| {
        (!changes_nothing.get()).then(|| plan.with(|p| scenario.get().applied_to(p)))
    });
    let changed_need = Memo::new(move |_| changed.with(|c| c.as_ref().map(|p| ready(p).ok())));
    // Its month, from a worker of its own (the plan's month keeps its own).
    let simulated = simulate_month(move || {
        let staffed = changed_need.with(|need| matches!(need, Some(Some(_))));
        changed.get().filter(|_| staffed).map(|p| (p, today()))
    });
    let tried = Memo::new(move |_| match changed_need.get() {
        None => current.get(),
        Some(need) => need.map(|need| (need, simulated.value.get().flatten().map(|m| *m))),
    });
    let reset = move || {
        volume.set(0.0);
        handle.set(0.0);
        team.set(None);
    };
    let apply = move |_| {
        let changed = plan.with_untracked(|p| scenario.get_untracked().applied_to(p));
        // One edit of the plan (volume, handle times, team): one step in the undo history.
        if let Ok(edit) = Edit::replace_plan("Applying the what-if", &changed) {
            let _ = editor.apply(edit);
        }
        reset();
    };
    let rows = move || {
        let (plan_outcome, tried_outcome) = (current.get(), tried.get());
        comparison_rows(
            plan.with(|p| p.header.clone()),
            scenario.get(),
            plan_outcome.as_ref(),
            tried_outcome.as_ref(),
        )
    };
    let chart = move || {
        tried.with(|outcome| {
            outcome.as_ref().map(|(need, month)| {
                let scheduled = month.as_ref().map(scheduled_by_hour);
                let short = month.as_ref().map(|m| short_hours(need, &m.pools));
                view! {
                    <WeekChart
                        id="what-if-week".to_string()
                        title="What-if: agents needed and scheduled by hour of the week".to_string()
                        required=need.on_duty.clone()
                        scheduled=scheduled
                        short=short
                    />
                }
            })
        })
    };
    view! {
        <div class="what-if" data-own-undo="">
            <p class="help">
                "Try a change here; the plan stays as it is until you apply it. Apply is one step you can undo."
            </p>
            <div class="field-grid what-if-inputs">
                {change_slider("what-if-volume", "Volume growth", VOLUME_CHANGE_RANGE, volume)}
                <div class="field what-if-field">
                    <label for="what-if-team">"Team size (agents)"</label>
                    <input
                        type="number"
                        id="what-if-team"
                        min="0"
                        prop:value=move || scenario.get().team_size.to_string()
                        on:input=move |ev| {
                            if let Ok(v) = event_target_value(&ev).trim().parse::<u32>() {
                                team.set(Some(v));
                            }
                        }
                    />
                </div>
                {change_slider("what-if-handle", "Handle time change", HANDLE_TIME_CHANGE_RANGE, handle)}
            </div>
            <TableScroll label="The plan and the what-if">
                <table class="what-if-table">
                    <caption>"The plan as it is, and with the change"</caption>
                    <thead>
                        <tr>
                            <th scope="col">""</th>
                            <th scope="col">"Plan"</th>
                            <th scope="col">"What-if"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
            {month_status(simulated)}
            {chart}
            <div class="what-if-actions">
                <button
                    type="button"
                    id="what-if-apply"
                    prop:disabled=move || changes_nothing.get()
                    on:click=apply
                >
                    "Apply to the plan"
                </button>
                <button type="button" prop:disabled=move || changes_nothing.get() on:click=move |_| reset()>
                    "Reset"
                </button>
            </div>
        </div>
    }
}

/// One line of the comparison: what, the plan's value, the scenario's.
fn row(what: String, plan: String, tried: String) -> impl IntoView {
    let changed = plan != tried;
    view! {
        <tr class:what-if-changed=changed>
            <th scope="row">{what}</th>
            <td>{plan}</td>
            <td>{tried}</td>
        </tr>
    }
}

fn comparison_rows(
    header: crate::plan::Header,
    scenario: Scenario,
    plan: Option<&(StaffingPlan, Option<SimulationResult>)>,
    tried: Option<&(StaffingPlan, Option<SimulationResult>)>,
) -> AnyView {
    let volume = (f64::from(header.monthly_volume) * (1.0 + scenario.volume_change / 100.0))
        .round()
        .max(0.0);
    let figure =
        |outcome: Option<&(StaffingPlan, Option<SimulationResult>)>,
         read: &dyn Fn(&StaffingPlan, Option<&SimulationResult>) -> String| {
            outcome.map_or_else(
                || "—".to_string(),
                |(need, month)| read(need, month.as_ref()),
            )
        };
    let mut lines = vec![
        row(
            "Tickets a month".into(),
            header.monthly_volume.to_string(),
            format!("{volume:.0}"),
        )
        .into_any(),
        row(
            "Team size".into(),
            header.team_size.to_string(),
            scenario.team_size.to_string(),
        )
        .into_any(),
        row(
            "Headcount needed".into(),
            figure(plan, &|need, _| need.head_count.to_string()),
            figure(tried, &|need, _| need.head_count.to_string()),
        )
        .into_any(),
        row(
            "Agents needed at the peak".into(),
            figure(plan, &|need, _| peak_words(&need.on_duty)),
            figure(tried, &|need, _| peak_words(&need.on_duty)),
        )
        .into_any(),
        row(
            "Hours short of agents".into(),
            figure(plan, &short_count),
            figure(tried, &short_count),
        )
        .into_any(),
    ];
    let priorities: Vec<String> = plan
        .or(tried)
        .and_then(|(_, month)| month.as_ref())
        .map(|m| m.priorities.iter().map(|o| o.priority.clone()).collect())
        .unwrap_or_default();
    for (rank, name) in priorities.iter().enumerate() {
        let attained = move |outcome: Option<&(StaffingPlan, Option<SimulationResult>)>| {
            figure(outcome, &|_, month| {
                month
                    .and_then(|m| m.priorities.get(rank))
                    .map_or("—".to_string(), |o| {
                        format!(
                            "{} / {}",
                            attainment_words(o.first_response_attainment()),
                            attainment_words(o.resolution_attainment())
                        )
                    })
            })
        };
        lines.push(
            row(
                format!("{name}: first response / resolution in time"),
                attained(plan),
                attained(tried),
            )
            .into_any(),
        );
    }
    lines.collect_view().into_any()
}

fn short_count(need: &StaffingPlan, month: Option<&SimulationResult>) -> String {
    month.map_or("—".to_string(), |m| {
        short_hours(need, &m.pools).len().to_string()
    })
}
