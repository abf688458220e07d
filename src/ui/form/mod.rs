//! A designer page drawn from its declaration (`crate::form::page`): groups, fields and lists,
//! each row of a list drawn from the same items with the row's path in front.

mod field;
mod holiday_presets;
mod list;
mod sla_matrix;
mod week_hours;

use leptos::prelude::*;

use crate::form::{Custom, FieldSpec, Item, Layout};
use crate::plan::Page;

use super::edit::Editor;

pub use field::{field_view, names_list_id, TIME_ZONES_LIST};

/// Where items are drawn: at the top of a page, or in a row of a list.
#[derive(Clone)]
pub(crate) struct Place {
    /// The path the items' keys are below (`taxonomy[3]`), empty at the top.
    pub path: String,
    /// The row's name ("Category 4"), empty at the top.
    pub row: String,
}

impl Place {
    fn top() -> Place {
        Place {
            path: String::new(),
            row: String::new(),
        }
    }

    /// The path of a key below this place.
    pub fn join(&self, key: &str) -> String {
        match (self.path.is_empty(), key.is_empty()) {
            (true, _) => key.to_string(),
            (false, true) => self.path.clone(),
            (false, false) => format!("{}.{key}", self.path),
        }
    }

    /// The accessible name of a field here: "Category 4 name", the row itself for a field with
    /// no key, or the label (or its declared name) at the top.
    fn name(&self, spec: &FieldSpec) -> String {
        if self.row.is_empty() {
            spec.name.unwrap_or(spec.label).to_string()
        } else if spec.key.is_empty() {
            self.row.clone()
        } else {
            format!("{} {}", self.row, spec.label.to_lowercase())
        }
    }
}

/// The views of custom parts drawn by other modules, provided by the app, so that the forms do
/// not depend on the modules that draw them (they depend on the forms).
#[derive(Clone)]
pub struct CustomViews {
    pub measured: ViewFn,
    pub shifts: ViewFn,
    pub forecast: ViewFn,
}

/// A custom part's view, if the app provides it (component tests may not).
fn custom_view(pick: fn(&CustomViews) -> &ViewFn) -> AnyView {
    use_context::<CustomViews>().map_or_else(|| ().into_any(), |views| pick(&views).run())
}

/// The form of a page. `capacity` is mounted where the page declares the Capacity view.
pub fn page_form(editor: Editor, page: Page, capacity: Option<ViewFn>) -> AnyView {
    items_view(editor, crate::form::page(page), &Place::top(), capacity)
}

/// Draws items: runs of fields in a grid, lists, groups, headings and custom parts.
pub(crate) fn items_view(
    editor: Editor,
    items: &'static [Item],
    place: &Place,
    capacity: Option<ViewFn>,
) -> AnyView {
    let mut views: Vec<AnyView> = Vec::new();
    let mut grid: Vec<AnyView> = Vec::new();
    let flush = |grid: &mut Vec<AnyView>, views: &mut Vec<AnyView>| {
        if !grid.is_empty() {
            let fields = std::mem::take(grid);
            views.push(view! { <div class="field-grid">{fields}</div> }.into_any());
        }
    };
    let mut index = 0;
    while index < items.len() {
        match &items[index] {
            Item::Field(spec) => {
                let path = place.join(spec.key);
                grid.push(field_view(editor, spec, path, place.name(spec), None));
            }
            Item::List(spec) => {
                flush(&mut grid, &mut views);
                views.push(list::list_view(editor, spec, place));
            }
            Item::Heading(title) => {
                flush(&mut grid, &mut views);
                // A heading over a list of words starts a side-by-side block of such lists.
                let mut block: Vec<AnyView> = Vec::new();
                let mut at = index;
                while let (Some(Item::Heading(title)), Some(Item::List(spec))) =
                    (items.get(at), items.get(at + 1))
                {
                    if spec.layout != Layout::Words {
                        break;
                    }
                    block.push(
                        view! {
                            <div>
                                <h3 class="subhead">{*title}</h3>
                                {list::list_view(editor, spec, place)}
                            </div>
                        }
                        .into_any(),
                    );
                    at += 2;
                }
                if block.is_empty() {
                    views.push(view! { <h3 class="subhead">{*title}</h3> }.into_any());
                } else {
                    views.push(view! { <div class="sublists">{block}</div> }.into_any());
                    index = at;
                    continue;
                }
            }
            Item::Group { title, help, items } => {
                flush(&mut grid, &mut views);
                let body = items_view(editor, items, place, capacity.clone());
                views.push(
                    view! {
                        <fieldset class="group">
                            <legend>{*title}</legend>
                            {(!help.is_empty()).then(|| view! { <p class="help">{*help}</p> })}
                            {body}
                        </fieldset>
                    }
                    .into_any(),
                );
            }
            Item::Custom(custom) => {
                flush(&mut grid, &mut views);
                views.push(match custom {
                    Custom::SlaMatrix => sla_matrix::sla_matrix(editor),
                    Custom::WeekHours => week_hours::week_hours(editor, place.path.clone(), place.row.clone()),
                    Custom::HolidayPresets => holiday_presets::holiday_presets(editor, place.path.clone(), place.row.clone()),
                    Custom::Measured => custom_view(|views| &views.measured),
                    Custom::Shifts => custom_view(|views| &views.shifts),
                    Custom::Forecast => custom_view(|views| &views.forecast),
                    Custom::Capacity => {
                        let slot = capacity.clone();
                        view! { <section id="capacity-slot">{slot.map(|view| view.run())}</section> }
                            .into_any()
                    }
                });
            }
        }
        index += 1;
    }
    flush(&mut grid, &mut views);
    views.into_any()
}
