//! The deadline calculator: pick a priority, a channel and a creation time, and see when the
//! first response, resolution, tier response and escalations fall due in the home time zone.

use leptos::prelude::*;

use crate::capacity::sla::due_times;
use crate::capacity::{describe_instant, instant_from_local, Zone};
use crate::plan::{Date, Plan};

/// Pick a priority, channel and creation time; see when everything falls due.
#[component]
pub fn DeadlineCalculator(plan: RwSignal<Plan>) -> impl IntoView {
    let policy = RwSignal::new(String::new());
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
    let policies = move || plan.with(|p| p.sla.iter().map(|x| x.name.clone()).collect::<Vec<_>>());
    let result = Memo::new(move |_| {
        plan.with(|p| {
            let chosen_policy = policy.get();
            let policy_name = if chosen_policy.is_empty() {
                p.default_policy()
                    .map(|x| x.name.clone())
                    .unwrap_or_default()
            } else {
                chosen_policy
            };
            let chosen = priority.get();
            let name = if chosen.is_empty() {
                p.priorities
                    .first()
                    .map(|x| x.name.clone())
                    .unwrap_or_default()
            } else {
                chosen
            };
            calculate(
                p,
                &policy_name,
                &name,
                &channel.get(),
                &date.get(),
                &time.get(),
            )
        })
    });
    view! {
        <section class="deadline-calculator" aria-labelledby="deadline-heading">
            <h2 id="deadline-heading">"When is it due?"</h2>
            <div class="deadline-inputs">
                <label>
                    "SLA policy "
                    <select on:change=move |ev| policy.set(event_target_value(&ev))>
                        {move || {
                            let chosen = policy.get();
                            let default = plan.with(|p| p.default_policy().map(|x| x.name.clone()));
                            policies()
                                .into_iter()
                                .map(|name| {
                                    let selected = if chosen.is_empty() {
                                        Some(&name) == default.as_ref()
                                    } else {
                                        name == chosen
                                    };
                                    let value = name.clone();
                                    view! { <option value=value selected=selected>{name}</option> }
                                })
                                .collect_view()
                        }}
                    </select>
                </label>
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
    policy: &str,
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
    let due = due_times(plan, policy, priority, channel, created).map_err(|e| e.to_string())?;
    let when = |instant| format!("{} ({zone_name})", describe_instant(&zone, instant));
    let mut lines = vec![("Created".to_string(), when(created))];
    for target in &due.due {
        let what = capitalised(target.metric.label());
        lines.push((
            format!(
                "{what} ({}, {} hours)",
                target.target.in_words_on(plan.clock_of(&target.calendar)),
                target.calendar
            ),
            when(target.at),
        ));
        if let Some(warn) = target.warn_at {
            lines.push((format!("Warn before {}", target.metric.label()), when(warn)));
        }
    }
    for (metric, promise) in &due.unpromised {
        lines.push((capitalised(metric.label()), promise.in_words_on(None)));
    }
    if let Some(tier) = &due.tier_response {
        lines.push((
            format!("{} responds ({})", tier.tier, tier.target.in_words()),
            when(tier.at),
        ));
    }
    for firing in &due.escalations {
        let from = match firing.measured_from {
            crate::plan::EscalationStart::Creation => "",
            crate::plan::EscalationStart::Breach => " after the breach",
        };
        lines.push((
            format!(
                "Escalate to {} after {}{from} ({})",
                firing.escalate_to,
                firing.timeframe.in_words(),
                firing.trigger
            ),
            when(firing.at),
        ));
    }
    Ok(lines)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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
