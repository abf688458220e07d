//! The arrival-pattern editor: the shared weekly pattern or one channel's own, set from a preset,
//! pasted from a spreadsheet (168 numbers or 7 rows of 24) or edited hour by hour in a grid.

use leptos::prelude::*;

use crate::capacity::profile::{self, parse_pasted, Preset, WEEK_HOURS};
use crate::plan::{Path, Plan, Weekday};
use crate::ui::edit::Editor;
use crate::ui::table::TableScroll;

/// Which pattern is being edited: the shared one, or a channel's own (by index).
type Target = Option<usize>;

/// The stored pattern of a target (may be empty: not set).
fn stored(plan: &Plan, target: Target) -> Vec<f64> {
    match target {
        None => plan.staffing.arrival_profile.clone(),
        Some(index) => plan
            .channels
            .get(index)
            .map(|c| c.arrival_profile.clone())
            .unwrap_or_default(),
    }
}

/// The pattern a target follows now: its own if usable, else what it falls back to.
fn effective(plan: &Plan, target: Target) -> Vec<f64> {
    let own = stored(plan, target);
    if profile::is_usable(&own) {
        return own;
    }
    match target.and_then(|index| plan.channels.get(index)) {
        Some(channel) => profile::for_channel(plan, channel).0,
        None => profile::built_in(),
    }
}

/// Where the pattern of `target` is kept: the staffing assumptions, or the channel's row.
fn kept_at(target: Target) -> Option<Path> {
    Some(match target {
        None => Path::field("staffing"),
        Some(index) => Path::field("channels").at(index),
    })
}

/// Sets the pattern of `target` as one edit of the plan.
fn set_pattern(editor: Editor, target: Target, change: impl FnOnce(&mut Plan)) {
    let _ = editor.change("Setting the arrival pattern", kept_at(target), change);
}

fn store(plan: &mut Plan, target: Target, values: Vec<f64>) {
    match target {
        None => plan.staffing.arrival_profile = values,
        Some(index) => {
            if let Some(channel) = plan.channels.get_mut(index) {
                channel.arrival_profile = values;
            }
        }
    }
}

/// What a target follows, in words.
fn describe(plan: &Plan, target: Target) -> String {
    let own = stored(plan, target);
    if profile::is_usable(&own) {
        let name = Preset::matching(&own).map_or("a custom pattern", Preset::label);
        return format!("Follows {name}.");
    }
    match target {
        None => "Not set: channels without their own pattern follow the built-in weekday-daytime pattern (busy 09:00–17:00, weekends at 40 %).".to_string(),
        Some(_) => "Not set: follows the shared pattern.".to_string(),
    }
}

/// The editor.
#[component]
pub fn PatternEditor(plan: RwSignal<Plan>) -> impl IntoView {
    let editor = Editor::of(plan);
    let target = RwSignal::new(None::<usize>);
    let channels = Memo::new(move |_| {
        plan.with(|p| {
            p.channels
                .iter()
                .map(|c| c.name.clone())
                .collect::<Vec<_>>()
        })
    });
    let values = Memo::new(move |_| plan.with(|p| effective(p, target.get())));
    let status = RwSignal::new(String::new());
    let pasted = RwSignal::new(String::new());
    let set = move |values: Vec<f64>, message: String| {
        let target = target.get_untracked();
        set_pattern(editor, target, |p| store(p, target, values));
        status.set(message);
    };
    let presets = Preset::ALL
        .iter()
        .map(|&preset| {
            view! {
                <button
                    type="button"
                    on:click=move |_| set(preset.values(), format!("Pattern set to {}.", preset.label()))
                >
                    {preset.label()}
                </button>
            }
        })
        .collect_view();
    let use_pasted = move |_| match parse_pasted(&pasted.get_untracked()) {
        Ok(values) => set(values, "Pattern set from the pasted numbers.".to_string()),
        Err(message) => status.set(message),
    };
    let clear_label = move || match target.get() {
        None => "Back to the built-in pattern",
        Some(_) => "Follow the shared pattern",
    };
    view! {
        <div class="pattern-editor">
            <label class="pattern-target">
                "Pattern for "
                <select on:change=move |ev| {
                    target.set(event_target_value(&ev).parse::<usize>().ok());
                    status.set(String::new());
                }>
                    <option value="shared" selected=move || target.get().is_none()>"All channels (shared)"</option>
                    {move || {
                        channels
                            .get()
                            .into_iter()
                            .enumerate()
                            .map(|(index, name)| {
                                view! {
                                    <option value=index.to_string() selected=move || target.get() == Some(index)>
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <p class="pattern-now">{move || plan.with(|p| describe(p, target.get()))}</p>
            <div class="pattern-presets" role="group" aria-label="Pattern presets">
                {presets}
                <button
                    type="button"
                    on:click=move |_| set(Vec::new(), "Pattern cleared.".to_string())
                >
                    {clear_label}
                </button>
            </div>
            <div class="pattern-paste" data-own-undo="">
                <label for="pattern-paste">
                    "Paste from a spreadsheet: 168 numbers, or 7 rows (Monday to Sunday) of 24 hours"
                </label>
                <textarea
                    id="pattern-paste"
                    rows="3"
                    prop:value=move || pasted.get()
                    on:input=move |ev| pasted.set(event_target_value(&ev))
                ></textarea>
                <button type="button" on:click=use_pasted>"Use pasted pattern"</button>
            </div>
            <p class="pattern-status" role="status" aria-live="polite">{move || status.get()}</p>
            <details class="pattern-grid-box">
                <summary>"Edit hour by hour"</summary>
                <PatternGrid plan target values/>
            </details>
        </div>
    }
}

/// 7 × 24 fields, one per hour of the week; editing one stores the whole pattern.
#[component]
fn PatternGrid(
    plan: RwSignal<Plan>,
    target: RwSignal<Target>,
    values: Memo<Vec<f64>>,
) -> impl IntoView {
    let editor = Editor::of(plan);
    let rows = Weekday::ALL
        .iter()
        .enumerate()
        .map(|(day, weekday)| {
            let cells = (0..24)
                .map(|hour| {
                    let at = day * 24 + hour;
                    let name = format!("{} {hour:02}:00", weekday.short_name());
                    view! {
                        <td>
                            <input
                                type="text"
                                inputmode="decimal"
                                aria-label=name
                                prop:value=move || values.with(|v| v.get(at).map(|x| x.to_string()).unwrap_or_default())
                                on:change=move |ev| {
                                    let text = event_target_value(&ev);
                                    if let Ok(value) = text.trim().replace(',', ".").parse::<f64>() {
                                        if value.is_finite() && value >= 0.0 {
                                            let target = target.get_untracked();
                                            set_pattern(editor, target, |p| {
                                                let mut pattern = effective(p, target);
                                                pattern.resize(WEEK_HOURS, 0.0);
                                                pattern[at] = value;
                                                store(p, target, pattern);
                                            });
                                        }
                                    }
                                }
                            />
                        </td>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    <th scope="row">{weekday.short_name()}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let hours = (0..24)
        .map(|hour| view! { <th scope="col">{format!("{hour:02}")}</th> })
        .collect_view();
    view! {
        <TableScroll label="Arrivals per hour">
            <table class="pattern-grid">
                <caption>"Relative arrivals per hour (any scale; 0 = none)"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Day"</th>
                        {hours}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}
