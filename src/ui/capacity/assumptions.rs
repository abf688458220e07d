//! The staffing assumptions as fields of the capacity view, each beside the figure it drives:
//! plan-wide service level, occupancy and shrinkage; per live channel its answer-time target,
//! service level and occupancy; the simulated month's escalation share, goal and priority mix.

use leptos::prelude::*;

use crate::capacity::staffing::{default_answer_seconds, priority_mix, StaffingPlan};
use crate::form::node::{number_text, parse_number};
use crate::form::{FieldSpec, Kind, Names, LIVE_CHANNEL_FIELDS, MONTH_FIELDS, STAFFING_FIELDS};
use crate::plan::{Path, Plan, PriorityShare};
use crate::ui::edit::Editor;
use crate::ui::form::field_view;
use crate::ui::inputs::{aria_state, field_frame, Field};

/// The designer's editor, or one of the view's own when drawn outside the designer.
fn editor_of(plan: RwSignal<Plan>) -> Editor {
    Editor::of(plan)
}

/// Fields drawn from declared specs at paths from the plan.
fn plain_fields(editor: Editor, specs: &'static [FieldSpec]) -> impl IntoView {
    specs
        .iter()
        .map(|spec| {
            field_view(
                editor,
                spec,
                spec.key.to_string(),
                spec.label.to_string(),
                None,
            )
        })
        .collect_view()
}

/// Plan-wide service level, occupancy and shrinkage.
pub fn plan_wide_fields(plan: RwSignal<Plan>) -> impl IntoView {
    let editor = editor_of(plan);
    view! { <div class="field-grid capacity-fields">{plain_fields(editor, STAFFING_FIELDS)}</div> }
}

/// One live channel's targets, with the figures they drive beside them.
pub fn live_channel_fields(
    plan: RwSignal<Plan>,
    index: usize,
    name: String,
    default_seconds: u32,
    need: Memo<Option<StaffingPlan>>,
) -> impl IntoView {
    let editor = editor_of(plan);
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
    let fields = LIVE_CHANNEL_FIELDS
        .iter()
        .map(|spec| {
            let path = format!("channels[{index}].{}", spec.key);
            let (label, accessible) = match spec.kind {
                Kind::DefaultCount => (
                    Some(format!(
                        "Answer within (seconds; default {default_seconds})"
                    )),
                    format!("{name} answer within (seconds)"),
                ),
                _ => (None, format!("{name} {}", spec.label.to_lowercase())),
            };
            field_view(editor, spec, path, accessible, label)
        })
        .collect_view();
    view! {
        <div class="capacity-channel-fields">
            <h4>{name.clone()}</h4>
            <div class="field-grid capacity-fields">{fields}</div>
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

/// A mix entry naming a priority the plan does not have: pick one of the plan's.
static MIX_PRIORITY: FieldSpec = FieldSpec {
    key: "priority",
    label: "Priority",
    name: None,
    kind: Kind::Name(Names::Priorities, None),
    hint: "",
    wide: false,
};

/// The simulated month's escalation share, attainment goal and priority mix.
pub fn month_fields(plan: RwSignal<Plan>) -> impl IntoView {
    let editor = editor_of(plan);
    let priorities = Memo::new(move |_| {
        plan.with(|p| {
            p.priorities
                .iter()
                .map(|x| x.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let own_mix = Memo::new(move |_| plan.with(|p| !p.staffing.priority_mix.is_empty()));
    let mix_total = Memo::new(move |_| {
        plan.with(|p| {
            let total: f64 = p.staffing.priority_mix.iter().map(|s| s.share).sum();
            (total * 10.0).round() / 10.0
        })
    });
    // Entries of the plan's own mix that name no priority of the plan (after a rename elsewhere,
    // or an import): each gets a picker so the share is not silently lost.
    let strays = Memo::new(move |_| {
        plan.with(|p| {
            p.staffing
                .priority_mix
                .iter()
                .enumerate()
                .filter(|(_, s)| p.priority_rank(&s.priority).is_none())
                .map(|(index, s)| (index, s.priority.clone()))
                .collect::<Vec<_>>()
        })
    });
    let mix_fields = move || {
        priorities
            .get()
            .into_iter()
            .enumerate()
            .map(|(rank, name)| mix_share_field(plan, rank, name))
            .collect_view()
    };
    let stray_fields = move || {
        strays
            .get()
            .into_iter()
            .map(|(index, name)| {
                let path = format!("staffing.priority_mix[{index}].priority");
                let label =
                    format!("\"{name}\" is not a priority of this plan: count its share as");
                field_view(editor, &MIX_PRIORITY, path, label.clone(), Some(label))
            })
            .collect_view()
    };
    view! {
        <div class="field-grid capacity-fields">{plain_fields(editor, MONTH_FIELDS)}</div>
        <fieldset class="capacity-mix" id="field-staffing-priority-mix" tabindex="-1">
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
            <div class="field-grid capacity-fields">{mix_fields}{stray_fields}</div>
            <Show when=move || own_mix.get()>
                <button
                    type="button"
                    class="link-button"
                    on:click=move |_| {
                        let staffing = Some(Path::field("staffing"));
                        let _ = editor.change("Using the taxonomy's shares", staffing, |p| {
                            p.staffing.priority_mix.clear()
                        });
                    }
                >
                    "Use the taxonomy's shares again"
                </button>
            </Show>
        </fieldset>
    }
}

/// One priority's share of the month. Its id is that of the mix entry it edits, so a finding
/// about the entry focuses it; before the plan has its own mix, the first edit starts one.
fn mix_share_field(plan: RwSignal<Plan>, rank: usize, name: String) -> impl IntoView {
    let editor = editor_of(plan);
    let entry = move || {
        plan.with(|p| {
            p.staffing
                .priority_mix
                .iter()
                .position(|s| Some(&s.priority) == p.priorities.get(rank).map(|x| &x.name))
        })
    };
    let id_index = untrack(entry).unwrap_or(rank);
    let field = Field::new(
        &format!("staffing.priority_mix[{id_index}].share"),
        &format!("{name}: share of tickets (%)"),
    );
    let error = RwSignal::new(None::<String>);
    let error_signal: Signal<Option<String>> = error.into();
    let (described, invalid) = aria_state(&field.id, error_signal);
    let shown = move || plan.with(|p| number_text(shown_share(p, rank)));
    // `try_set`: `change` also fires when the focused field is removed with its signals.
    let write = move |text: String| match parse_number(&text) {
        Ok(share) => {
            let _ = error.try_set(None);
            if (plan.with_untracked(|p| shown_share(p, rank)) - share).abs() > f64::EPSILON {
                let staffing = Some(Path::field("staffing"));
                let _ = editor.change("Setting a priority's share", staffing, |p| {
                    set_share(p, rank, share)
                });
            }
        }
        Err(reason) => {
            let _ = error.try_set(Some(reason));
        }
    };
    let control = view! {
        <input
            type="text"
            class="parsed"
            id=field.id.clone()
            aria-label=field.name.clone()
            aria-describedby=described
            aria-invalid=invalid
            inputmode="decimal"
            placeholder="0"
            autocomplete="off"
            prop:value=shown
            on:change=move |ev| write(event_target_value(&ev))
        />
    }
    .into_any();
    field_frame(&field, error_signal, control, false)
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
