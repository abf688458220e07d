//! Adding a country's public holidays to a calendar for a range of years: choose the country and
//! the years, and the calendar gets each year's dates as they are kept (observed dates worked out),
//! without the ones it already has.

use leptos::prelude::*;

use crate::holidays::{holidays_for_years, missing_from, Country};
use crate::plan::Path;

use super::super::edit::Editor;
use super::week_hours::{calendar_index, numeric_box};

/// The most years one click adds (a decade of holidays is already a long list).
const MOST_YEARS: i32 = 10;

/// This year, by the browser's clock.
fn this_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

/// The preset picker of the calendar at `path` (`calendars[2]`), named `row` ("Calendar 3").
pub(super) fn holiday_presets(editor: Editor, path: String, row: String) -> AnyView {
    let Some(index) = calendar_index(&path) else {
        return ().into_any();
    };
    let year = this_year();
    let country = RwSignal::new(0usize);
    let from = RwSignal::new(year.to_string());
    let to = RwSignal::new((year + 1).to_string());
    let said = RwSignal::new(None::<String>);
    let base = crate::rules::field_id(&path);
    let add = move |_| {
        let chosen = Country::ALL[country.get_untracked().min(Country::ALL.len() - 1)];
        let years = (
            from.get_untracked().trim().parse::<i32>(),
            to.get_untracked().trim().parse::<i32>(),
        );
        let (first, last) = match years {
            (Ok(first), Ok(last)) if (1900..=2200).contains(&first) && first <= last => {
                (first, last)
            }
            _ => {
                said.set(Some(
                    "Enter the years as numbers, the first no later than the last (2027 to 2028)."
                        .to_string(),
                ));
                return;
            }
        };
        if last - first >= MOST_YEARS {
            said.set(Some(format!("Add at most {MOST_YEARS} years at a time.")));
            return;
        }
        let mut added = 0;
        let row = Some(Path::field("calendars").at(index));
        let _ = editor.change("Adding holidays", row, |plan| {
            if let Some(calendar) = plan.calendars.get_mut(index) {
                let new = missing_from(&calendar.holidays, holidays_for_years(chosen, first, last));
                added = new.len();
                calendar.holidays.extend(new);
                calendar
                    .holidays
                    .sort_by_key(|h| (!h.yearly, h.date.days_since_epoch()));
            }
        });
        let years = if first == last {
            first.to_string()
        } else {
            format!("{first}–{last}")
        };
        said.set(Some(match added {
            0 => format!(
                "The calendar already has every {} holiday of {years}.",
                chosen.label()
            ),
            1 => format!("Added 1 holiday ({years})."),
            n => format!("Added {n} holidays ({years}). {}", chosen.note()),
        }));
    };
    let (country_id, from_id, to_id) = (
        format!("{base}-preset-country"),
        format!("{base}-preset-from"),
        format!("{base}-preset-to"),
    );
    let options = Country::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| view! { <option value=i.to_string()>{c.label()}</option> })
        .collect_view();
    view! {
        <div class="holiday-presets" role="group" aria-label=format!("{row}: add public holidays")>
            <label for=country_id.clone()>"Public holidays of"</label>
            <select
                id=country_id
                on:change=move |ev| country.set(event_target_value(&ev).parse().unwrap_or(0))
            >
                {options}
            </select>
            <label for=from_id.clone()>"from"</label>
            {numeric_box(from_id, from, "parsed year")}
            <label for=to_id.clone()>"to"</label>
            {numeric_box(to_id, to, "parsed year")}
            <button type="button" on:click=add>"Add public holidays"</button>
            <p class="help">
                "Each year's dates as they are kept: a holiday on a weekend moves to the day the country "
                "observes it. “Every year” below repeats the same month and day each year (Christmas "
                "in Germany); leave it off for a date that moves, such as an observed day (4 July 2027 "
                "is a Sunday, kept on Monday 5 July) or an Easter-based one: the presets add each year's date."
            </p>
            {move || said.get().map(|s| view! { <p class="field-message" role="status">{s}</p> })}
        </div>
    }
    .into_any()
}
