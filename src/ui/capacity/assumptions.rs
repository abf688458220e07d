//! The staffing assumptions as fields of the capacity view, each beside the figure it drives:
//! plan-wide service level, occupancy and shrinkage; per live channel its answer-time target,
//! service level and occupancy; the simulated month's escalation share, goal and priority mix.

use leptos::prelude::*;

use crate::capacity::staffing::{default_answer_seconds, priority_mix, StaffingPlan};
use crate::plan::{Plan, PriorityShare};
use crate::ui::inputs::{parsed_field, Field, Format, PERCENT};

/// A value of the plan for a field; notifies only when that value changes.
pub fn plan_value<V>(
    plan: RwSignal<Plan>,
    read: impl Fn(&Plan) -> V + Send + Sync + 'static,
) -> Signal<V>
where
    V: PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| plan.with(&read)).into()
}

/// Writes a value of the plan from a field.
pub fn plan_write<V: Send + Sync + 'static>(
    plan: RwSignal<Plan>,
    write: impl Fn(&mut Plan, V) + Send + Sync + 'static,
) -> Callback<V> {
    Callback::new(move |value: V| plan.update(|p| write(p, value)))
}

fn parse_optional_number(text: &str) -> Result<Option<f64>, String> {
    let trimmed = text.trim().trim_end_matches('%').trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    match trimmed.parse::<f64>() {
        Ok(value) if value.is_finite() && value >= 0.0 => Ok(Some(value)),
        _ => Err(format!(
            "\"{text}\" is not a number. Type one like 80, or leave it empty for the default."
        )),
    }
}

fn parse_optional_seconds(text: &str) -> Result<Option<u32>, String> {
    let trimmed = text.trim().trim_end_matches('s').trim();
    if trimmed.is_empty() {
        return Ok(None);
    }
    trimmed.parse::<u32>().map(Some).map_err(|_| {
        format!("\"{text}\" is not a whole number of seconds. Type one like 20, or leave it empty for the default.")
    })
}

/// A channel's own percentage; empty means the plan-wide value.
const CHANNEL_PERCENT: Format<Option<f64>> = Format {
    parse: parse_optional_number,
    show: |value| value.map(|v| v.to_string()).unwrap_or_default(),
    placeholder: "plan-wide",
    input_mode: "decimal",
};

/// An answer-time target in seconds; empty means the channel kind's default.
const ANSWER_SECONDS: Format<Option<u32>> = Format {
    parse: parse_optional_seconds,
    show: |value| value.map(|v| v.to_string()).unwrap_or_default(),
    placeholder: "default",
    input_mode: "numeric",
};

/// Plan-wide service level, occupancy and shrinkage.
pub fn plan_wide_fields(plan: RwSignal<Plan>) -> impl IntoView {
    view! {
        <div class="field-grid capacity-fields">
            {parsed_field(
                Field::new("staffing.service_level", "Service level (% answered in time)"),
                plan_value(plan, |p| p.staffing.service_level),
                plan_write(plan, |p, v| p.staffing.service_level = v),
                PERCENT,
            )}
            {parsed_field(
                Field::new("staffing.max_occupancy", "Maximum occupancy (%)"),
                plan_value(plan, |p| p.staffing.max_occupancy),
                plan_write(plan, |p, v| p.staffing.max_occupancy = v),
                PERCENT,
            )}
            {parsed_field(
                Field::new("staffing.shrinkage", "Shrinkage (% of paid time away)"),
                plan_value(plan, |p| p.staffing.shrinkage),
                plan_write(plan, |p, v| p.staffing.shrinkage = v),
                PERCENT,
            )}
        </div>
    }
}

/// One live channel's targets, with the figures they drive beside them.
pub fn live_channel_fields(
    plan: RwSignal<Plan>,
    index: usize,
    name: String,
    default_seconds: u32,
    need: Memo<Option<StaffingPlan>>,
) -> impl IntoView {
    let path = |field: &str| format!("channels[{index}].{field}");
    let result = move || {
        need.with(|need| {
            let channel = need.as_ref()?.channels.iter().find(|c| c.index == index)?;
            Some(format!(
                "Needs up to {:.0} on shift ({}), {} people after shrinkage.",
                channel.peak,
                crate::capacity::staffing::hour_label(channel.peak_hour),
                channel.head_count
            ))
        })
    };
    view! {
        <div class="capacity-channel-fields">
            <h4>{name.clone()}</h4>
            <div class="field-grid capacity-fields">
                {parsed_field(
                    Field::new(&path("answer_within_seconds"), &format!("Answer within (seconds; default {default_seconds})"))
                        .named(&format!("{name} answer within (seconds)")),
                    plan_value(plan, move |p| p.channels.get(index).and_then(|c| c.answer_within_seconds)),
                    plan_write(plan, move |p, v| {
                        if let Some(c) = p.channels.get_mut(index) {
                            c.answer_within_seconds = v;
                        }
                    }),
                    ANSWER_SECONDS,
                )}
                {parsed_field(
                    Field::new(&path("service_level"), "Service level (%)")
                        .named(&format!("{name} service level (%)")),
                    plan_value(plan, move |p| p.channels.get(index).and_then(|c| c.service_level)),
                    plan_write(plan, move |p, v| {
                        if let Some(c) = p.channels.get_mut(index) {
                            c.service_level = v;
                        }
                    }),
                    CHANNEL_PERCENT,
                )}
                {parsed_field(
                    Field::new(&path("max_occupancy"), "Maximum occupancy (%)")
                        .named(&format!("{name} maximum occupancy (%)")),
                    plan_value(plan, move |p| p.channels.get(index).and_then(|c| c.max_occupancy)),
                    plan_write(plan, move |p, v| {
                        if let Some(c) = p.channels.get_mut(index) {
                            c.max_occupancy = v;
                        }
                    }),
                    CHANNEL_PERCENT,
                )}
            </div>
            <p class="capacity-result" data-channel=index>{result}</p>
        </div>
    }
}

/// The default answer-time target of the channel at `index`, for its field's label.
pub fn default_seconds_of(plan: &Plan, index: usize) -> u32 {
    plan.channels
        .get(index)
        .map_or(20, |c| default_answer_seconds(c.kind))
}

/// The simulated month's escalation share, attainment goal and priority mix.
pub fn month_fields(plan: RwSignal<Plan>) -> impl IntoView {
    let priorities = plan_value(plan, |p| {
        p.priorities
            .iter()
            .map(|x| x.name.clone())
            .collect::<Vec<_>>()
    });
    let own_mix = plan_value(plan, |p| !p.staffing.priority_mix.is_empty());
    let mix_total = plan_value(plan, |p| {
        let total: f64 = p.staffing.priority_mix.iter().map(|s| s.share).sum();
        (total * 10.0).round() / 10.0
    });
    let mix_fields = move || {
        priorities
            .get()
            .into_iter()
            .enumerate()
            .map(|(rank, name)| {
                let label = format!("{name}: share of tickets (%)");
                parsed_field(
                    Field::new(&format!("staffing.priority_mix[{rank}].share"), &label),
                    plan_value(plan, move |p| shown_share(p, rank)),
                    plan_write(plan, move |p, v| set_share(p, rank, v)),
                    PERCENT,
                )
            })
            .collect_view()
    };
    view! {
        <div class="field-grid capacity-fields">
            {parsed_field(
                Field::new("staffing.escalation_share", "Escalating to the next tier (%)"),
                plan_value(plan, |p| p.staffing.escalation_share),
                plan_write(plan, |p, v| p.staffing.escalation_share = v),
                PERCENT,
            )}
            {parsed_field(
                Field::new("staffing.attainment_goal", "Goal: tickets within target (%)"),
                plan_value(plan, |p| p.staffing.attainment_goal),
                plan_write(plan, |p, v| p.staffing.attainment_goal = v),
                PERCENT,
            )}
        </div>
        <fieldset class="capacity-mix">
            <legend>"Priority mix"</legend>
            <p class="help">
                {move || {
                    if own_mix.get() {
                        format!("The plan's own mix; it adds up to {} %.", mix_total.get())
                    } else {
                        "From the taxonomy's category shares (or equal shares). Type a share to set the plan's own mix."
                            .to_string()
                    }
                }}
            </p>
            <div class="field-grid capacity-fields">{mix_fields}</div>
            <Show when=move || own_mix.get()>
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| plan.update(|p| p.staffing.priority_mix.clear())
                >
                    "Use the taxonomy's shares again"
                </button>
            </Show>
        </fieldset>
    }
}

/// The share a priority's field shows: the plan's own, else the one the month uses, in percent.
fn shown_share(plan: &Plan, rank: usize) -> f64 {
    let name = plan.priorities.get(rank).map(|p| p.name.as_str());
    if !plan.staffing.priority_mix.is_empty() {
        return plan
            .staffing
            .priority_mix
            .iter()
            .filter(|s| Some(s.priority.as_str()) == name)
            .map(|s| s.share)
            .sum();
    }
    let share = priority_mix(plan).get(rank).copied().unwrap_or(0.0) * 100.0;
    (share * 10.0).round() / 10.0
}

/// Sets one priority's share; the first edit starts the plan's own mix from the shares in use.
fn set_share(plan: &mut Plan, rank: usize, share: f64) {
    if plan.staffing.priority_mix.is_empty() {
        plan.staffing.priority_mix = plan
            .priorities
            .iter()
            .enumerate()
            .map(|(n, p)| PriorityShare {
                priority: p.name.clone(),
                share: shown_share(plan, n),
            })
            .collect();
    }
    let Some(name) = plan.priorities.get(rank).map(|p| p.name.clone()) else {
        return;
    };
    match plan
        .staffing
        .priority_mix
        .iter_mut()
        .find(|s| s.priority == name)
    {
        Some(entry) => entry.share = share,
        None => plan.staffing.priority_mix.push(PriorityShare {
            priority: name,
            share,
        }),
    }
}
