//! Setting a calendar's hours for several weekdays at once: choose the days, the opening and the
//! closing time, and the chosen days get those hours (replacing what they had).

use leptos::prelude::*;

use crate::plan::{ClockTime, Path, Weekday, WeeklyInterval};

use super::super::edit::Editor;

/// The calendar at `path` (`calendars[2]`), named `row` ("Calendar 3").
pub(super) fn week_hours(editor: Editor, path: String, row: String) -> AnyView {
    let Some(index) = calendar_index(&path) else {
        return ().into_any();
    };
    let days = RwSignal::new([true, true, true, true, true, false, false]);
    let opens = RwSignal::new("09:00".to_string());
    let closes = RwSignal::new("17:00".to_string());
    let problem = RwSignal::new(None::<String>);
    let base = crate::rules::field_id(&path);
    let apply = move |_| {
        let (start, end) = match (
            opens.get_untracked().parse::<ClockTime>(),
            closes.get_untracked().parse::<ClockTime>(),
        ) {
            (Ok(start), Ok(end)) => (start, end),
            (Err(reason), _) | (_, Err(reason)) => {
                problem.set(Some(reason));
                return;
            }
        };
        problem.set(None);
        let chosen = days.get_untracked();
        let row = Some(Path::field("calendars").at(index));
        let _ = editor.change("Setting opening hours", row, |plan| {
            if let Some(calendar) = plan.calendars.get_mut(index) {
                calendar
                    .intervals
                    .retain(|interval| !chosen[interval.day.index()]);
                for day in Weekday::ALL.into_iter().filter(|d| chosen[d.index()]) {
                    calendar.intervals.push(WeeklyInterval {
                        day,
                        start,
                        end,
                        overnight: end <= start,
                    });
                }
                calendar.intervals.sort_by_key(|i| (i.day, i.start));
            }
        });
    };
    let boxes = Weekday::ALL
        .into_iter()
        .map(|day| {
            let id = format!("{base}-week-{}", day.label().to_lowercase());
            let for_id = id.clone();
            view! {
                <label class="day-check" for=for_id>
                    <input
                        type="checkbox"
                        id=id
                        prop:checked=move || days.with(|d| d[day.index()])
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            days.update(|d| d[day.index()] = on);
                        }
                    />
                    {day.label()}
                </label>
            }
        })
        .collect_view();
    let (opens_id, closes_id) = (format!("{base}-week-opens"), format!("{base}-week-closes"));
    view! {
        <div class="week-hours" role="group" aria-label=format!("{row}: set hours for several days")>
            <span class="week-days">{boxes}</span>
            <label for=opens_id.clone()>"Opens"</label>
            {numeric_box(opens_id, opens, "parsed")}
            <label for=closes_id.clone()>"Closes"</label>
            {numeric_box(closes_id, closes, "parsed")}
            <button type="button" on:click=apply>"Set hours for these days"</button>
            {move || problem.get().map(|p| view! { <p class="field-message parse-error">{p}</p> })}
        </div>
    }
    .into_any()
}

/// A short text box typed in digits (a time, a year), holding its text in `value` until used.
pub(super) fn numeric_box(
    id: String,
    value: RwSignal<String>,
    class: &'static str,
) -> impl IntoView {
    view! {
        <input
            type="text"
            class=class
            id=id
            inputmode="numeric"
            prop:value=move || value.get()
            on:input=move |ev| value.set(event_target_value(&ev))
        />
    }
}

/// The index of the calendar at `path` (`calendars[2]` → 2).
pub(super) fn calendar_index(path: &str) -> Option<usize> {
    use crate::plan::path::{steps, Step};
    match steps(path).as_deref() {
        Some(&[Step::Field("calendars"), Step::Index(index)]) => Some(index),
        _ => None,
    }
}
