//! The Capacity part of the plan document (preview, stakeholder view, print): head-count needed
//! against planned, the busiest hours, per-channel targets and the assumptions, and a week chart.

use leptos::prelude::*;

use crate::capacity::staffing::{missing_inputs, staffing};
use crate::plan::Plan;
use crate::render::{capacity_summary, CapacitySummary};
use crate::rules::staffing_inputs;

use super::charts::WeekChart;

/// The document's Capacity section; recomputed only when what the staffing maths reads changes.
pub fn staffing_part(plan: Signal<Plan>) -> AnyView {
    let inputs = Memo::new(move |_| plan.with(staffing_inputs));
    let summary = Memo::new(move |_| inputs.with(capacity_summary));
    let on_duty = Memo::new(move |_| {
        inputs.with(|p| {
            missing_inputs(p)
                .is_empty()
                .then(|| staffing(p).ok().map(|need| need.on_duty))
                .flatten()
        })
    });
    let body = move || match summary.get() {
        CapacitySummary::Missing(missing) => view! {
            <p>"Staffing is not worked out yet. The plan needs:"</p>
            <ul>{missing.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
        }
        .into_any(),
        CapacitySummary::Unavailable(reason) => {
            view! { <p>{format!("Staffing is not worked out: {reason}")}</p> }.into_any()
        }
        CapacitySummary::Ready(figures) => {
            let short = figures.needed > figures.planned;
            let planned = if short {
                format!(
                    "{} agents ({} short)",
                    figures.planned,
                    figures.needed - figures.planned
                )
            } else {
                format!("{} agents", figures.planned)
            };
            let channels = figures
                .channels
                .into_iter()
                .map(|channel| {
                    view! {
                        <li>
                            <strong>{channel.name}</strong>
                            {format!(
                                ": {}; {} pattern; at the peak {} on shift; {} {}.",
                                channel.staffed_to,
                                channel.pattern,
                                channel.peak,
                                channel.head_count,
                                if channel.head_count == 1 { "person" } else { "people" }
                            )}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <dl class="doc-facts doc-capacity" class:doc-capacity-short=short>
                    <dt>"Headcount needed"</dt>
                    <dd>{format!("{} agents", figures.needed)}</dd>
                    <dt>"Headcount planned"</dt>
                    <dd>{planned}</dd>
                    <dt>"Peak hours"</dt>
                    <dd>{figures.peak_hours}</dd>
                    <dt>"Shrinkage"</dt>
                    <dd>{format!("{} of paid time away from the queue (40 paid hours a week)", figures.shrinkage)}</dd>
                </dl>
                <h3>"Per channel"</h3>
                <ul class="doc-capacity-channels">{channels}</ul>
                {(!figures.notes.is_empty())
                    .then(|| view! { <ul>{figures.notes.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul> })}
            }
            .into_any()
        }
    };
    let chart = move || {
        on_duty.get().map(|required| {
            view! {
                <WeekChart
                    id="doc-capacity-week".to_string()
                    title="Agents needed on shift by hour of the week".to_string()
                    required
                    scheduled=None
                />
            }
        })
    };
    view! {
        <section class="doc-section doc-capacity-section" aria-labelledby="doc-capacity-heading">
            <h2 id="doc-capacity-heading">"Capacity"</h2>
            {body}
            {chart}
        </section>
    }
    .into_any()
}
