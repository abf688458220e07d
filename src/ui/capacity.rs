//! The capacity view and the deadline calculator: required versus planned agents per channel over
//! the week, head-count against team size, a simulated month per priority, and SLA due times.

use leptos::prelude::*;

use crate::capacity::simulation::{simulate, PoolSummary, SimulationConfig, SimulationResult};
use crate::capacity::sla::{due_times, Due};
use crate::capacity::staffing::{hour_label, staffing, ChannelStaffing, StaffingPlan, WEEK_HOURS};
use crate::capacity::{describe_instant, instant_from_local, Zone};
use crate::plan::{Date, Plan, Weekday};
use crate::ui::browser::measured;
use crate::ui::document::table_head;

/// Width of one hour in the week charts, in SVG units.
const HOUR_WIDTH: f64 = 4.0;
const CHART_HEIGHT: f64 = 110.0;
const CHART_TOP: f64 = 12.0;

/// Staffing and a simulated month, recomputed as the plan changes.
#[component]
pub fn CapacityView(plan: RwSignal<Plan>) -> impl IntoView {
    let need = Memo::new(move |_| plan.with(|p| staffing(p).map_err(|e| e.to_string())));
    let month = Memo::new(move |_| {
        plan.with(|p| {
            measured("simulated-month", || {
                simulate(p, &SimulationConfig::default())
            })
            .map_err(|e| e.to_string())
        })
    });
    view! {
        <section class="capacity" aria-labelledby="capacity-heading">
            <h2 id="capacity-heading">"Can this plan work?"</h2>
            {move || match need.get() {
                Err(message) => view! { <p class="capacity-error" role="alert">{message}</p> }.into_any(),
                Ok(need) => {
                    let rosters = month.with(|m| m.as_ref().map(|m| m.pools.clone()).unwrap_or_default());
                    view! {
                        <HeadCount need=need.clone()/>
                        {need
                            .channels
                            .iter()
                            .map(|channel| {
                                let roster = rosters
                                    .iter()
                                    .find(|pool| pool.channel == Some(channel.index))
                                    .cloned();
                                view! { <ChannelChart channel=channel.clone() roster/> }
                            })
                            .collect_view()}
                    }
                        .into_any()
                }
            }}
            {move || match month.get() {
                Err(_) => ().into_any(),
                Ok(month) => view! { <MonthOutcome month/> }.into_any(),
            }}
        </section>
    }
}

/// Head-count needed against team size, with the assumptions behind it.
#[component]
fn HeadCount(need: StaffingPlan) -> impl IntoView {
    let short = need.head_count > need.team_size;
    let verdict = if short {
        format!(
            "The plan needs {} agents; the team has {} ({} short).",
            need.head_count,
            need.team_size,
            need.head_count - need.team_size
        )
    } else {
        format!(
            "The plan needs {} agents; the team has {}.",
            need.head_count, need.team_size
        )
    };
    let target = need.target_priority.clone().map(|priority| {
        format!("Live channels are staffed to the first-response target of \"{priority}\".")
    });
    view! {
        <div class="capacity-headcount" class:capacity-short=short>
            <p class="capacity-verdict">{verdict}</p>
            <p>
                {format!(
                    "Busiest hour: {} with {:.0} agents on shift across channels.",
                    hour_label(need.peak_hour),
                    need.peak_on_duty.ceil(),
                )}
            </p>
            {target.map(|text| view! { <p>{text}</p> })}
            <ul class="capacity-notes">
                {need.notes.into_iter().map(|note| view! { <li>{note}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// A channel's week: needed agents as bars, the planned roster as a line.
#[component]
fn ChannelChart(channel: ChannelStaffing, roster: Option<PoolSummary>) -> impl IntoView {
    let planned: Vec<f64> = roster
        .as_ref()
        .map(|pool| pool.on_shift.iter().map(|&n| f64::from(n)).collect())
        .unwrap_or_else(|| vec![0.0; WEEK_HOURS]);
    let top = channel
        .required
        .iter()
        .chain(&planned)
        .fold(1.0_f64, |max, &v| max.max(v))
        .ceil();
    let y = move |value: f64| CHART_TOP + CHART_HEIGHT * (1.0 - value / top);
    let bars = channel
        .required
        .iter()
        .enumerate()
        .filter(|(_, &need)| need > 0.0)
        .map(|(hour, &need)| {
            view! {
                <rect
                    class="capacity-need"
                    x=format!("{:.1}", hour as f64 * HOUR_WIDTH)
                    y=format!("{:.1}", y(need))
                    width=format!("{:.1}", HOUR_WIDTH - 0.6)
                    height=format!("{:.1}", CHART_TOP + CHART_HEIGHT - y(need))
                ></rect>
            }
        })
        .collect_view();
    let mut roster_path = format!("M0 {:.1}", y(planned[0]));
    for (hour, &agents) in planned.iter().enumerate() {
        let x = hour as f64 * HOUR_WIDTH;
        roster_path.push_str(&format!(
            " H{x:.1} V{:.1} H{:.1}",
            y(agents),
            x + HOUR_WIDTH
        ));
    }
    let days = Weekday::ALL
        .iter()
        .enumerate()
        .map(|(index, day)| {
            let x = index as f64 * 24.0 * HOUR_WIDTH;
            view! {
                <line class="capacity-day" x1=x x2=x y1=CHART_TOP y2=CHART_TOP + CHART_HEIGHT></line>
                <text class="capacity-axis" x=x + 12.0 * HOUR_WIDTH y=CHART_TOP + CHART_HEIGHT + 14.0 text-anchor="middle">
                    {day.short_name()}
                </text>
            }
        })
        .collect_view();
    let kind = if channel.live { "live" } else { "deferred" };
    let team = roster.as_ref().map_or(0, |pool| pool.agents);
    let title = format!(
        "{}: agents needed and planned per hour of the week",
        channel.name
    );
    let desc = format!(
        "{} channel with about {:.0} contacts a week. Needs up to {:.1} agents on shift (busiest {}), {} people after shrinkage. The plan gives it {} of the team.",
        kind,
        channel.weekly_contacts,
        channel.peak,
        hour_label(channel.peak_hour),
        channel.head_count,
        team
    );
    let id = format!("capacity-channel-{}", channel.index);
    let width = WEEK_HOURS as f64 * HOUR_WIDTH;
    let rows = day_summary(&channel, &planned);
    view! {
        <figure class="capacity-channel">
            <figcaption>
                <strong>{channel.name.clone()}</strong>
                {format!(
                    " — {kind}, peak {:.1} on shift, {} people needed, {} planned",
                    channel.peak, channel.head_count, team
                )}
            </figcaption>
            <svg
                class="capacity-week"
                role="img"
                viewBox=format!("0 0 {width} {}", CHART_TOP + CHART_HEIGHT + 18.0)
                aria-labelledby=format!("{id}-title {id}-desc")
            >
                <title id=format!("{id}-title")>{title}</title>
                <desc id=format!("{id}-desc")>{desc}</desc>
                {days}
                {bars}
                <path class="capacity-roster" d=roster_path></path>
                <text class="capacity-axis" x="2" y="9">{format!("{top:.0} agents")}</text>
            </svg>
            <p class="capacity-legend">
                <span class="capacity-key-need"></span>
                "needed on shift "
                <span class="capacity-key-roster"></span>
                "planned on shift"
            </p>
            <details>
                <summary>"By day, as a table"</summary>
                <table>
                    {table_head(&["Day", "Busiest hour", "Needed then", "Planned then", "Agent-hours needed", "Agent-hours planned"])}
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| {
                                view! {
                                    <tr>
                                        <th scope="row">{row.day}</th>
                                        <td>{row.busiest}</td>
                                        <td>{format!("{:.1}", row.needed_then)}</td>
                                        <td>{format!("{:.0}", row.planned_then)}</td>
                                        <td>{format!("{:.0}", row.needed_hours)}</td>
                                        <td>{format!("{:.0}", row.planned_hours)}</td>
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </details>
        </figure>
    }
}

struct DayRow {
    day: &'static str,
    busiest: String,
    needed_then: f64,
    planned_then: f64,
    needed_hours: f64,
    planned_hours: f64,
}

fn day_summary(channel: &ChannelStaffing, planned: &[f64]) -> Vec<DayRow> {
    Weekday::ALL
        .iter()
        .enumerate()
        .map(|(index, day)| {
            let hours = index * 24..index * 24 + 24;
            let busiest = hours
                .clone()
                .max_by(|&a, &b| {
                    channel.required[a]
                        .total_cmp(&channel.required[b])
                        .then(b.cmp(&a))
                })
                .unwrap_or(index * 24);
            let open = channel.required[busiest] > 0.0;
            DayRow {
                day: day.short_name(),
                busiest: if open {
                    format!("{:02}:00", busiest % 24)
                } else {
                    "closed".to_string()
                },
                needed_then: channel.required[busiest],
                planned_then: planned[busiest],
                needed_hours: channel.required[hours.clone()].iter().sum(),
                planned_hours: planned[hours].iter().sum(),
            }
        })
        .collect()
}

/// How a simulated month went, per priority.
#[component]
fn MonthOutcome(month: SimulationResult) -> impl IntoView {
    let defaults = SimulationConfig::default();
    let intro = format!(
        "A simulated month (March {}, {} tickets, {:.0} % escalating to the next tier): share of tickets meeting each target.",
        defaults.year,
        month.tickets,
        defaults.escalation_share * 100.0
    );
    let rows = month
        .priorities
        .iter()
        .map(|outcome| {
            let first = outcome.first_response_attainment() * 100.0;
            let resolution = outcome.resolution_attainment() * 100.0;
            view! {
                <tr>
                    <th scope="row">{outcome.priority.clone()}</th>
                    <td>{outcome.tickets}</td>
                    <td><Attainment percent=first/></td>
                    <td><Attainment percent=resolution/></td>
                    <td>{outcome.escalated}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="capacity-month" data-tickets=month.tickets>
            <h3>"A simulated month"</h3>
            <p>{intro}</p>
            <table class="capacity-outcome">
                {table_head(&["Priority", "Tickets", "First response in time", "Resolved in time", "Escalated"])}
                <tbody>{rows}</tbody>
            </table>
            <Backlog backlog=month.backlog.clone() unresolved=month.unresolved/>
        </div>
    }
}

/// A percentage as a bar with its number.
#[component]
fn Attainment(percent: f64) -> impl IntoView {
    let level = if percent >= 95.0 {
        "good"
    } else if percent >= 80.0 {
        "fair"
    } else {
        "poor"
    };
    view! {
        <span class=format!("capacity-bar capacity-{level}") aria-hidden="true">
            <span style:width=format!("{:.1}%", percent.clamp(0.0, 100.0))></span>
        </span>
        <span class="capacity-percent">{format!("{percent:.1} %")}</span>
    }
}

/// Open tickets at the end of each day as a sparkline.
#[component]
fn Backlog(backlog: Vec<u32>, unresolved: u32) -> impl IntoView {
    let top = f64::from(backlog.iter().copied().max().unwrap_or(0).max(1));
    let step = 6.0;
    let points = backlog
        .iter()
        .enumerate()
        .map(|(day, &open)| {
            format!(
                "{:.1},{:.1}",
                day as f64 * step,
                40.0 - 36.0 * f64::from(open) / top
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let width = (backlog.len().max(2) - 1) as f64 * step;
    let peak = backlog.iter().copied().max().unwrap_or(0);
    let last = backlog.last().copied().unwrap_or(0);
    let desc = format!(
        "Open tickets at the end of each of {} days: highest {peak}, {last} at the end; {unresolved} never resolved.",
        backlog.len()
    );
    view! {
        <figure class="capacity-backlog">
            <svg class="capacity-sparkline" role="img" viewBox=format!("0 0 {width} 42") aria-labelledby="capacity-backlog-title capacity-backlog-desc">
                <title id="capacity-backlog-title">"Backlog over the month"</title>
                <desc id="capacity-backlog-desc">{desc.clone()}</desc>
                <polyline points=points></polyline>
            </svg>
            <figcaption>{desc}</figcaption>
        </figure>
    }
}

/// Pick a priority, channel and creation time; see when everything falls due.
#[component]
pub fn DeadlineCalculator(plan: RwSignal<Plan>) -> impl IntoView {
    let priority = RwSignal::new(String::new());
    let channel = RwSignal::new(String::new());
    let date = RwSignal::new(today());
    let time = RwSignal::new("16:00".to_string());
    let priorities = move || {
        plan.with(|p| {
            p.priorities
                .iter()
                .map(|x| x.name.clone())
                .collect::<Vec<_>>()
        })
    };
    let channels = move || {
        plan.with(|p| {
            p.channels
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
        })
    };
    let result = Memo::new(move |_| {
        plan.with(|p| {
            let chosen = priority.get();
            let name = if chosen.is_empty() {
                p.priorities
                    .first()
                    .map(|x| x.name.clone())
                    .unwrap_or_default()
            } else {
                chosen
            };
            calculate(p, &name, &channel.get(), &date.get(), &time.get())
        })
    });
    view! {
        <section class="deadline-calculator" aria-labelledby="deadline-heading">
            <h2 id="deadline-heading">"When is it due?"</h2>
            <div class="deadline-inputs">
                <label>
                    "Priority "
                    <select on:change=move |ev| priority.set(event_target_value(&ev))>
                        {move || {
                            let chosen = priority.get();
                            priorities()
                                .into_iter()
                                .map(|name| {
                                    let selected = name == chosen;
                                    let value = name.clone();
                                    view! { <option value=value selected=selected>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label>
                    "Channel "
                    <select on:change=move |ev| channel.set(event_target_value(&ev))>
                        <option value="">"(any)"</option>
                        {move || {
                            let chosen = channel.get();
                            channels()
                                .into_iter()
                                .enumerate()
                                .map(|(index, name)| {
                                    let value = index.to_string();
                                    let selected = value == chosen;
                                    view! { <option value=value selected=selected>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
                <label>
                    "Created on "
                    <input type="date" prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev))/>
                </label>
                <label>
                    "at "
                    <input type="time" prop:value=move || time.get() on:input=move |ev| time.set(event_target_value(&ev))/>
                </label>
            </div>
            {move || match result.get() {
                Err(message) => view! { <p class="capacity-error" role="alert">{message}</p> }.into_any(),
                Ok(lines) => view! {
                    <dl class="deadline-list">
                        {lines
                            .into_iter()
                            .map(|(label, when)| view! { <dt>{label}</dt><dd>{when}</dd> })
                            .collect_view()}
                    </dl>
                }
                    .into_any(),
            }}
        </section>
    }
}

/// The due times as (what, when) lines in the plan's home zone.
fn calculate(
    plan: &Plan,
    priority: &str,
    channel: &str,
    date: &str,
    time: &str,
) -> Result<Vec<(String, String)>, String> {
    let zone_name = if plan.header.time_zone.trim().is_empty() {
        "UTC"
    } else {
        plan.header.time_zone.as_str()
    };
    let zone = Zone::named(zone_name).map_err(|e| e.to_string())?;
    let date: Date = date.parse()?;
    let time: crate::plan::ClockTime = time.parse()?;
    let created = instant_from_local(&zone, date, time.minute_of_day());
    let channel = channel.parse::<usize>().ok();
    let due = due_times(plan, priority, channel, created).map_err(|e| e.to_string())?;
    let when = |instant| format!("{} ({zone_name})", describe_instant(&zone, instant));
    let mut lines = vec![("Created".to_string(), when(created))];
    let calendar = due.calendar.clone();
    let mut push = |what: &str, due: &Due| {
        lines.push((
            format!("{what} ({}, {calendar} hours)", due.target.in_words()),
            when(due.at),
        ));
        if let Some(warn) = due.warn_at {
            lines.push((format!("Warn before {what}"), when(warn)));
        }
    };
    push("First response", &due.first_response);
    if let Some(next) = &due.next_response {
        push("Next response", next);
    }
    push("Resolution", &due.resolution);
    if let Some((tier, response)) = &due.tier_response {
        lines.push((
            format!("{tier} responds ({})", response.target.in_words()),
            when(response.at),
        ));
    }
    for firing in &due.escalations {
        lines.push((
            format!(
                "Escalate to {} after {} ({})",
                firing.escalate_to,
                firing.timeframe.in_words(),
                firing.trigger
            ),
            when(firing.at),
        ));
    }
    Ok(lines)
}

/// Today's date in the browser, as YYYY-MM-DD.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}
