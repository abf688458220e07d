//! The capacity view: head-count against team size, agents needed and scheduled by hour, each
//! assumption editable beside the figure it drives, arrival patterns, a simulated month, what-if.

mod assumptions;
mod charts;
mod deadline;
mod forecast;
mod pattern;
mod shifts;
mod what_if;

use leptos::prelude::*;

use crate::capacity::short::{short_against, short_hours};
use crate::capacity::simulation::SimulationResult;
use crate::capacity::staffing::{
    missing_inputs, ready, ChannelStaffing, NotWorkedOut, StaffingPlan, WEEK_HOURS,
};
use crate::plan::Plan;
use crate::render::{on_call_words, peak_words, why_head_count};
use crate::rules::staffing_inputs;
use crate::ui::browser::measured;
use crate::ui::table::{table_head, TableScroll};
use crate::ui::worker::{simulate_month, Answered};

pub use charts::WeekChart;
pub use deadline::DeadlineCalculator;
pub use forecast::ForecastView;
pub use shifts::ShiftsView;

use assumptions::{default_seconds_of, live_channel_fields, month_fields, plan_wide_fields};
use pattern::PatternEditor;
use what_if::{today, Outcome, WhatIf};

/// Agents scheduled per hour of the week across the channels' pools (the escalation tier aside).
pub fn scheduled_by_hour(month: &SimulationResult) -> Vec<f64> {
    (0..WEEK_HOURS)
        .map(|hour| {
            month
                .pools
                .iter()
                .filter(|pool| pool.channel.is_some())
                .map(|pool| f64::from(pool.on_shift.get(hour).copied().unwrap_or(0)))
                .sum()
        })
        .collect()
}

/// Staffing and a simulated month, recomputed as the plan changes; every assumption editable.
#[component]
pub fn CapacityView(plan: RwSignal<Plan>) -> impl IntoView {
    // The maths re-runs only when what it reads changes, not on a keystroke in a category name.
    let inputs = Memo::new(move |_| plan.with(staffing_inputs));
    let missing = Memo::new(move |_| inputs.with(missing_inputs));
    let staffing = Memo::new(move |_| inputs.with(|p| measured("staffing", || ready(p).ok())));
    // The month is simulated in a worker: the page shows the last month while the next is worked out.
    let simulated = simulate_month(move || {
        staffing
            .with(Option::is_some)
            .then(|| (inputs.get(), today()))
    });
    let month_of_plan = Memo::new(move |_| {
        let month = simulated.value.get().flatten().map(|month| *month);
        staffing.with(Option::is_some).then_some(month).flatten()
    });
    let current: Memo<Outcome> =
        Memo::new(move |_| staffing.get().map(|need| (need, month_of_plan.get())));
    let error = Memo::new(move |_| {
        inputs.with(|p| match ready(p) {
            Err(NotWorkedOut::Failed(error)) => Some(error.to_string()),
            _ => None,
        })
    });
    let need = Memo::new(move |_| current.with(|o| o.as_ref().map(|(need, _)| need.clone())));
    let month = Memo::new(move |_| current.with(|o| o.as_ref().and_then(|(_, m)| m.clone())));
    let live = Memo::new(move |_| {
        plan.with(|p| {
            p.channels
                .iter()
                .enumerate()
                .filter(|(_, c)| c.kind.is_live())
                .map(|(index, c)| (index, c.name.clone(), default_seconds_of(p, index)))
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="capacity" aria-labelledby="capacity-heading">
            <h2 id="capacity-heading">"Can this plan work?"</h2>
            <Show when=move || !missing.with(Vec::is_empty)>
                <div class="capacity-missing" role="status">
                    <p><strong>"Staffing is not worked out yet. The plan needs:"</strong></p>
                    <ul>
                        {move || missing.get().into_iter().map(|m| view! { <li>{m.message}</li> }).collect_view()}
                    </ul>
                </div>
            </Show>
            {move || error.get().map(|message| view! { <p class="capacity-error" role="alert">{message}</p> })}
            <fieldset class="group capacity-group">
                <legend>"Head-count"</legend>
                {move || need.get().map(|need| view! { <HeadCount need plan/> })}
                {plan_wide_fields(plan)}
                {move || {
                    current.with(|o| {
                        o.as_ref().map(|(need, month)| {
                            let short = month.as_ref().map(|m| short_hours(need, &m.pools));
                            view! {
                                <WeekChart
                                    id="capacity-week".to_string()
                                    title="Agents on shift by hour of the week: needed and scheduled".to_string()
                                    required=need.on_duty.clone()
                                    scheduled=month.as_ref().map(scheduled_by_hour)
                                    short=short
                                />
                            }
                        })
                    })
                }}
            </fieldset>
            <Show when=move || !live.with(Vec::is_empty)>
                <fieldset class="group capacity-group">
                    <legend>"Live channels: answer-time targets"</legend>
                    <p class="help">
                        "Chat and phone are answered while the customer waits: each is staffed so that a share of contacts is answered within its answer-time target. Empty fields use the default shown or the plan-wide value."
                    </p>
                    {move || {
                        live.get()
                            .into_iter()
                            .map(|(index, name, seconds)| live_channel_fields(plan, index, name, seconds, need))
                            .collect_view()
                    }}
                </fieldset>
            </Show>
            <fieldset class="group capacity-group">
                <legend>"Arrival pattern"</legend>
                <p class="help">
                    "When in the week contacts arrive, Monday 00:00 to Sunday 24:00 in the home time zone. Live channels are staffed hour by hour to it; deferred work (email, portal) waits for open hours."
                </p>
                <PatternEditor plan/>
                {move || {
                    need.get().map(|need| {
                        need.channels
                            .iter()
                            .filter(|c| c.weekly_contacts > 0.0)
                            .map(|channel| view! { <ChannelWeek channel=channel.clone() month=month.get()/> })
                            .collect_view()
                    })
                }}
            </fieldset>
            <fieldset class="group capacity-group">
                <legend>"A simulated month"</legend>
                {month_status(simulated)}
                {move || month.get().map(|month| view! { <MonthOutcome month goal=plan.with(|p| p.staffing.attainment_goal)/> })}
                {month_fields(plan)}
            </fieldset>
            <fieldset class="group capacity-group">
                <legend>"What if"</legend>
                <WhatIf plan current/>
            </fieldset>
        </section>
    }
}

/// "Simulating the month…" while the worker works, or what went wrong with it, in words.
pub fn month_status(simulated: Answered<Option<Box<SimulationResult>>>) -> impl IntoView {
    move || {
        let text = match simulated.notice.get() {
            Some(notice) => Some(notice),
            None if simulated.working.get() => Some("Simulating the month…".to_string()),
            None => None,
        };
        text.map(|text| view! { <p class="capacity-simulating" role="status">{text}</p> })
    }
}

/// Head-count needed against team size, and the peak.
#[component]
fn HeadCount(need: StaffingPlan, plan: RwSignal<Plan>) -> impl IntoView {
    let short = need.head_count > need.team_size;
    let on_call = need.on_call_people();
    let at_desks = if on_call > 0 { " at desks" } else { "" };
    let agents = if need.head_count == 1 {
        "agent"
    } else {
        "agents"
    };
    let verdict = if short {
        format!(
            "The plan needs {} {agents}{at_desks}; the team has {} ({} short).",
            need.head_count,
            need.team_size,
            need.head_count - need.team_size
        )
    } else {
        format!(
            "The plan needs {} {agents}{at_desks}; the team has {}.",
            need.head_count, need.team_size
        )
    };
    // Each desk and the escalation tier are whole people of their own, as the month rosters them.
    let adds_up = format!(
        "Each channel's desks and the escalation tier are staffed with whole people of their own: {}. Were every agent to take every queue, {} would do.",
        need.head_count_sum(),
        need.pooled_head_count
    );
    let on_call_line = (on_call > 0).then(|| {
        let person = if on_call == 1 { "person" } else { "people" };
        view! {
            <p class="capacity-on-call">
                {format!("On call: {on_call} {person} at a time, beside the agents at desks (not in the team size).")}
            </p>
        }
    });
    let why: Vec<String> = plan.with_untracked(|p| {
        need.channels
            .iter()
            .map(|c| format!("{}: {}", c.name, why_head_count(p, c, need.shrinkage)))
            .chain(
                need.on_call()
                    .map(|(c, cover)| format!("On call, {}.", on_call_words(p, c, cover))),
            )
            .collect()
    });
    view! {
        <div class="capacity-headcount" class:capacity-short=short>
            <p class="capacity-verdict">{verdict}</p>
            <p class="capacity-adds-up">{adds_up}</p>
            {on_call_line}
            <p class="capacity-peak">{format!("Busiest: {}.", peak_words(&need.on_duty))}</p>
            <details class="capacity-why" open>
                <summary>"Why each channel's headcount"</summary>
                <ul>{why.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            </details>
            <p>
                {format!(
                    "With {:.0} % shrinkage and 40 paid hours a week, each agent on shift takes {:.2} people.",
                    need.shrinkage * 100.0,
                    1.0 / (1.0 - need.shrinkage)
                )}
            </p>
            {need.capped().then(|| view! {
                <p class="capacity-error">"Some hour needs more agents than the maths searches (100,000); the figures there are a floor. See the findings."</p>
            })}
            <ul class="capacity-notes">
                {need.notes.into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// One channel's week: needed and scheduled by hour, with the figures in words.
#[component]
fn ChannelWeek(channel: ChannelStaffing, month: Option<SimulationResult>) -> impl IntoView {
    let pool = month.as_ref().and_then(|m| {
        m.pools
            .iter()
            .find(|pool| pool.channel == Some(channel.index))
    });
    let roster = pool.map(|pool| {
        pool.on_shift
            .iter()
            .map(|&n| f64::from(n))
            .collect::<Vec<_>>()
    });
    let short = pool.map(|pool| short_against(&channel.required, &pool.on_shift, channel.live));
    let kind = if channel.live { "live" } else { "deferred" };
    let title = format!(
        "{} ({kind}, follows {}): agents needed and scheduled",
        channel.name,
        channel.profile.label()
    );
    view! {
        <WeekChart
            id=format!("capacity-channel-{}", channel.index)
            title
            required=channel.required.clone()
            scheduled=roster
            short=short
        />
    }
}

/// How a simulated month went, per priority, against the goal.
#[component]
fn MonthOutcome(month: SimulationResult, goal: f64) -> impl IntoView {
    let month_name = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ][usize::from(month.first_day.month.clamp(1, 12)) - 1];
    let intro = format!(
        "{month_name} {}: {} days of tickets ({} in all, {:.0} % escalating to the next tier), then {} drain days with no new tickets so the queues can empty.",
        month.first_day.year,
        month.month_days,
        month.tickets,
        month.escalation_share * 100.0,
        month.drain_days
    );
    let rows = month
        .priorities
        .iter()
        .map(|outcome| {
            view! {
                <tr>
                    <th scope="row">{outcome.priority.clone()}</th>
                    <td>{outcome.tickets}</td>
                    <td>{charts::attainment_words(outcome.first_response_attainment())}</td>
                    <td>{charts::attainment_words(outcome.resolution_attainment())}</td>
                    <td>{outcome.never_resolved}</td>
                    <td>{outcome.escalated}</td>
                </tr>
            }
        })
        .collect_view();
    let tickets = month.tickets;
    view! {
        <div class="capacity-month" data-tickets=tickets>
            <p>{intro}</p>
            <charts::AttainmentChart month=month.clone() goal/>
            <TableScroll label="The month by priority">
                <table class="capacity-outcome">
                    {table_head(&["Priority", "Tickets", "First response in time", "Resolved in time", "Never resolved", "Escalated"])}
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
            <charts::BacklogChart month/>
        </div>
    }
}
