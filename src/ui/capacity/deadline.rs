//! The deadline calculator: pick a priority, a channel and a creation time, and see when the
//! first response, resolution, tier response and escalations fall due in the home time zone.

use leptos::prelude::*;

use crate::capacity::sla::due_times_to_the_second;
use crate::capacity::{describe_timestamp, instant_from_local, timestamp_of, Zone};
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
                    <input type="time" step="1" prop:value=move || time.get() on:input=move |ev| time.set(event_target_value(&ev))/>
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
    let (time, seconds) = time_to_the_second(time)?;
    let created = timestamp_of(instant_from_local(&zone, date, time.minute_of_day())) + seconds;
    let channel = channel.parse::<usize>().ok();
    let due = due_times_to_the_second(plan, policy, priority, channel, created)
        .map_err(|e| e.to_string())?;
    let when = |at| format!("{} ({zone_name})", describe_timestamp(&zone, at));
    let mut lines = vec![("Created".to_string(), when(created))];
    for target in &due.due {
        let what = capitalised(target.metric.label());
        lines.push((
            format!(
                "{what} ({}, {})",
                target.target.in_words_on(plan.clock_of(&target.calendar)),
                hours_named(&target.calendar)
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
        lines.push((
            format!(
                "Escalate to {} {} ({})",
                firing.escalate_to,
                escalation_moment(firing.timeframe, firing.measured_from),
                firing.trigger
            ),
            when(firing.at),
        ));
    }
    Ok(lines)
}

/// A calendar as the hours its clock runs on: "Support hours", "NY office hours", "24/7".
fn hours_named(calendar: &str) -> String {
    let name = calendar.trim();
    if name.to_lowercase().ends_with("hours") || name == crate::plan::ALWAYS_OPEN {
        name.to_string()
    } else {
        format!("{name} hours")
    }
}

/// When an escalation fires, in words: "after 2 hours", "2 hours after the breach", "at the
/// breach", "at once".
fn escalation_moment(
    timeframe: crate::plan::Duration,
    from: crate::plan::EscalationStart,
) -> String {
    use crate::plan::EscalationStart::{Breach, Creation};
    match (timeframe.is_zero(), from) {
        (true, Breach) => "at the breach".to_string(),
        (true, Creation) => "at once".to_string(),
        (false, Breach) => format!("{} after the breach", timeframe.in_words()),
        (false, Creation) => format!("after {}", timeframe.in_words()),
    }
}

/// A time of day as the time input gives it, "16:00" or "13:26:36": the clock time and seconds.
fn time_to_the_second(text: &str) -> Result<(crate::plan::ClockTime, i64), String> {
    let text = text.trim();
    let (clock, seconds) = match text.rsplit_once(':') {
        Some((clock, seconds)) if clock.contains(':') => (clock, seconds),
        _ => (text, "0"),
    };
    let seconds: i64 = seconds
        .parse()
        .ok()
        .filter(|s| (0..60).contains(s))
        .ok_or_else(|| format!("\"{text}\" is not a time of day; write it as HH:MM or HH:MM:SS"))?;
    Ok((clock.parse()?, seconds))
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{
        Duration, EscalationRule, EscalationStart, MetricTarget, SlaMetric, SlaTarget,
    };

    /// A plan on Berlin time with "Support hours" (Mon–Fri 09:00–17:00) and Normal answered
    /// within 1,200 business minutes.
    fn plan() -> Plan {
        let mut plan = Plan::blank();
        plan.header.time_zone = "Europe/Berlin".into();
        plan.calendars = vec![crate::rules::testing::nine_to_five(
            "Support hours",
            "Europe/Berlin",
        )];
        plan.sla[0].targets = vec![SlaTarget {
            priority: "Normal".into(),
            first_response: MetricTarget::new(
                crate::plan::Target::Within(Duration::minutes(1200)),
                "Support hours",
            ),
            ..SlaTarget::default()
        }];
        plan.escalation.rules = vec![EscalationRule {
            trigger: "Breached".into(),
            priority: Some("Normal".into()),
            metric: SlaMetric::FirstResponse,
            escalate_to: "Team lead".into(),
            timeframe: Duration::ZERO,
            measured_from: EscalationStart::Breach,
            ..EscalationRule::default()
        }];
        plan
    }

    /// By hand (see `a_start_keeps_its_seconds` in capacity::business): Mon 23 Mar 2026
    /// 13:26:36 + 1,200 open minutes on 09:00–17:00 is Thu 26 Mar 09:26:36; the escalation at
    /// the breach fires then too.
    #[test]
    fn the_calculator_keeps_seconds_and_reads_plainly() {
        let plan = plan();
        let policy = plan.sla[0].name.clone();
        let lines = calculate(&plan, &policy, "Normal", "", "2026-03-23", "13:26:36").unwrap();
        let text: Vec<String> = lines.iter().map(|(a, b)| format!("{a}: {b}")).collect();
        let text = text.join("\n");
        assert!(
            text.contains("Created: Mon 23 Mar 2026, 13:26:36 (Europe/Berlin)"),
            "{text}"
        );
        assert!(text.contains("Thu 26 Mar 2026, 09:26:36"), "{text}");
        assert!(text.contains(", Support hours): Thu"), "{text}");
        assert!(!text.contains("hours hours"), "{text}");
        assert!(
            text.contains("Escalate to Team lead at the breach (Breached)"),
            "{text}"
        );
        assert!(!text.contains("after Instant"), "{text}");
        let minute = calculate(&plan, &policy, "Normal", "", "2026-03-23", "13:26").unwrap();
        assert_eq!(minute[0].1, "Mon 23 Mar 2026, 13:26 (Europe/Berlin)");
        assert!(calculate(&plan, &policy, "Normal", "", "2026-03-23", "13:26:75").is_err());
    }
}
