//! The form of each plan section. Every control's DOM id is `rules::field_id` of the JSON path it
//! edits, so a finding can focus it; every list uses the shared row editor.

mod outcomes;
mod overview;
mod routing;

use leptos::prelude::*;

use crate::plan::Plan;

use super::shell::PlanSection;

/// The form for one section (the Capacity section is mounted by the shell).
pub fn section_form(plan: RwSignal<Plan>, section: PlanSection) -> AnyView {
    match section {
        PlanSection::Overview => overview::overview_form(plan).into_any(),
        PlanSection::Channels => routing::channels_form(plan).into_any(),
        PlanSection::Taxonomy => routing::taxonomy_form(plan).into_any(),
        PlanSection::Tiers => routing::tiers_form(plan).into_any(),
        PlanSection::Sla => routing::sla_form(plan).into_any(),
        PlanSection::Escalation => routing::escalation_form(plan).into_any(),
        PlanSection::SelfService => outcomes::self_service_form(plan).into_any(),
        PlanSection::Automation => outcomes::automation_form(plan).into_any(),
        PlanSection::Metrics => outcomes::metrics_form(plan).into_any(),
        PlanSection::CustomerSuccess => outcomes::customer_success_form(plan).into_any(),
        PlanSection::Roadmap => outcomes::roadmap_form(plan).into_any(),
        PlanSection::Capacity => ().into_any(),
    }
}

/// A value of the plan for a control; it notifies only when that value changes.
fn read<V>(plan: RwSignal<Plan>, read: fn(&Plan) -> V) -> Signal<V>
where
    V: PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| plan.with(read)).into()
}

/// Writes a value of the plan from a control.
fn write<V: Send + Sync + 'static>(plan: RwSignal<Plan>, write: fn(&mut Plan, V)) -> Callback<V> {
    Callback::new(move |value: V| plan.update(|p| write(p, value)))
}

/// The names a reference field may choose from.
#[derive(Clone, Copy)]
struct Names {
    priorities: Signal<Vec<String>>,
    tiers: Signal<Vec<String>>,
    calendars: Signal<Vec<String>>,
    channels: Signal<Vec<String>>,
    policies: Signal<Vec<String>>,
}

impl Names {
    fn new(plan: RwSignal<Plan>) -> Names {
        Names {
            priorities: read(plan, |p| {
                p.priorities.iter().map(|x| x.name.clone()).collect()
            }),
            tiers: read(plan, |p| p.tiers.iter().map(|x| x.name.clone()).collect()),
            calendars: read(plan, Plan::calendar_names),
            channels: read(plan, |p| {
                p.channels.iter().map(|x| x.name.clone()).collect()
            }),
            policies: read(plan, |p| p.sla.iter().map(|x| x.name.clone()).collect()),
        }
    }
}

/// A titled group of fields within a section form.
fn group(title: &'static str, help: &'static str, body: impl IntoView) -> impl IntoView {
    view! {
        <fieldset class="group">
            <legend>{title}</legend>
            {(!help.is_empty()).then(|| view! { <p class="help">{help}</p> })}
            {body}
        </fieldset>
    }
}
