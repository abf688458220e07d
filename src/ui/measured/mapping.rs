//! The column-mapping step for a CSV the app does not know: each column with an example value
//! and what it is taken to mean (changeable), the questions the file leaves open (date order,
//! time zone), and the first rows as the reader understands them with the mapping as it stands.
//! A mapping can be saved in the browser and is used again for a file with the same columns.

use leptos::prelude::*;

use crate::history::{ColumnMapping, DateOrder, Meaning, Preview, Question, ReadOptions};
use crate::ui::table::{table_head, TableScroll};

/// Where saved mappings are kept in the browser's storage.
const SAVED_MAPPINGS: &str = "support-ops.column-mappings";

/// The first bytes of the CSV being mapped and the mapping as edited.
#[derive(Clone, Debug, PartialEq)]
pub struct MappingDraft {
    pub file: String,
    pub head: std::sync::Arc<Vec<u8>>,
    pub whole_file: bool,
    pub default_zone: String,
    pub mapping: ColumnMapping,
    /// Whether the mapping came from one saved before.
    pub saved: bool,
}

impl MappingDraft {
    /// The options a read with this mapping uses.
    pub fn options(&self) -> ReadOptions {
        ReadOptions {
            mapping: Some(self.mapping.clone()),
            default_zone: self.default_zone.clone(),
            date_order: self.mapping.date_order.unwrap_or(DateOrder::DayFirst),
        }
    }
}

/// Mappings saved before.
pub fn saved_mappings() -> Vec<ColumnMapping> {
    use gloo_storage::Storage;
    gloo_storage::LocalStorage::get(SAVED_MAPPINGS).unwrap_or_default()
}

/// The saved mapping for a file with these headers, if any.
pub fn saved_for(headers: &[&str]) -> Option<ColumnMapping> {
    saved_mappings()
        .into_iter()
        .find(|m| m.headers() == headers)
}

/// Keeps `mapping` for the next file with the same columns (replacing one saved for them).
fn save_mapping(mapping: &ColumnMapping) -> Result<(), String> {
    use gloo_storage::Storage;
    let mut all = saved_mappings();
    all.retain(|m| m.headers() != mapping.headers());
    all.push(mapping.clone());
    gloo_storage::LocalStorage::set(SAVED_MAPPINGS, &all)
        .map_err(|_| "The browser would not store the mapping.".to_string())
}

/// The mapping step: `on_read` reads the files with the mapping shown, `on_cancel` leaves it.
#[component]
pub fn MappingStep(
    session: super::Session,
    draft: RwSignal<Option<MappingDraft>>,
    files: usize,
    on_read: Callback<MappingDraft>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    // The preview under the mapping as it stands, worked out in the reading worker again at
    // each change; only the answer to the latest change is shown.
    let preview = RwSignal::new(None::<Result<Preview, String>>);
    let asked = StoredValue::new(0u64);
    Effect::new(move |_| {
        let Some(d) = draft.get() else {
            preview.set(None);
            return;
        };
        let number = asked.get_value() + 1;
        asked.set_value(number);
        super::ask_preview(
            session,
            &d.file,
            &d.head,
            d.whole_file,
            d.options(),
            Box::new(move |answer| {
                if asked.try_get_value() == Some(number) {
                    preview.try_set(Some(answer.map(|p| *p)));
                }
            }),
        );
    });
    let saved_note = RwSignal::new(None::<String>);
    let edit = move |change: Box<dyn FnOnce(&mut ColumnMapping)>| {
        draft.update(|d| {
            if let Some(d) = d {
                change(&mut d.mapping);
                d.saved = false;
            }
        });
        saved_note.set(None);
    };
    let read = move |_| {
        if let Some(d) = draft.get_untracked() {
            on_read.run(d);
        }
    };
    let save = move |_| {
        if let Some(d) = draft.get_untracked() {
            saved_note.set(Some(match save_mapping(&d.mapping) {
                Ok(()) => {
                    "Saved: the next file with these columns is read with this mapping.".to_string()
                }
                Err(why) => why,
            }));
        }
    };
    let title = move || {
        draft.with(|d| {
            d.as_ref().map_or(String::new(), |d| {
                format!("How to read {} ({})", d.file, d.mapping.source)
            })
        })
    };
    view! {
        <section class="measured-mapping" aria-labelledby="mapping-title">
            <h3 id="mapping-title">{title}</h3>
            <p class="help">
                "Each column's meaning is guessed from its header and its first values. Change any that is wrong; the rows below show how the file is understood with the mapping as it stands."
            </p>
            {move || draft.with(|d| d.as_ref().map(|d| d.saved)).unwrap_or(false).then(|| view! {
                <p class="measured-note" role="status">"Using the mapping saved for these columns."</p>
            })}
            {columns_table(draft, preview, edit)}
            {questions(draft, preview, edit)}
            {rows_understood(preview)}
            <div class="measured-actions">
                <button type="button" id="mapping-read" class="primary" on:click=read>
                    {move || if files == 1 { "Read the file".to_string() } else { format!("Read the {files} files") }}
                </button>
                <button type="button" id="mapping-save" on:click=save>"Save this mapping"</button>
                <button type="button" on:click=move |_| on_cancel.run(())>"Cancel"</button>
            </div>
            {move || saved_note.get().map(|note| view! { <p class="measured-note" role="status">{note}</p> })}
        </section>
    }
}

type Edit = Box<dyn FnOnce(&mut ColumnMapping)>;

/// Every column: header, an example value, and a choice of meaning.
fn columns_table(
    draft: RwSignal<Option<MappingDraft>>,
    preview: RwSignal<Option<Result<Preview, String>>>,
    edit: impl Fn(Edit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let examples = Memo::new(move |_| {
        if let Some(Ok(p)) = preview.get() {
            return p.columns;
        }
        draft.with(|d| {
            d.as_ref().map_or(Vec::new(), |d| {
                d.mapping
                    .columns
                    .iter()
                    .map(|c| (c.header.clone(), String::new()))
                    .collect()
            })
        })
    });
    let rows = move || {
        let meanings: Vec<Meaning> = draft.with(|d| {
            d.as_ref().map_or(Vec::new(), |d| {
                d.mapping.columns.iter().map(|c| c.meaning).collect()
            })
        });
        examples
            .get()
            .into_iter()
            .zip(meanings)
            .enumerate()
            .map(|(index, ((header, example), meaning))| {
                let id = format!("mapping-column-{index}");
                let options = Meaning::ALL
                    .iter()
                    .map(|&m| view! { <option value=m.label() selected=m == meaning>{m.label()}</option> })
                    .collect_view();
                let choose = move |ev: leptos::ev::Event| {
                    let label = event_target_value(&ev);
                    if let Some(&chosen) = Meaning::ALL.iter().find(|m| m.label() == label) {
                        edit(Box::new(move |mapping| {
                            if let Some(column) = mapping.columns.get_mut(index) {
                                column.meaning = chosen;
                            }
                        }));
                    }
                };
                view! {
                    <tr>
                        <th scope="row"><label for=id.clone()>{header}</label></th>
                        <td class="measured-example">{example}</td>
                        <td><select id=id on:change=choose>{options}</select></td>
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        <TableScroll label="Columns of the file">
            <table class="doc-table measured-columns">
                <caption class="visually-hidden">"Columns of the file and what each is taken to mean"</caption>
                {table_head(&["Column", "First value", "Taken as"])}
                <tbody>{rows}</tbody>
            </table>
        </TableScroll>
    }
}

/// The date order and time zone, asked where the file cannot tell, and always changeable.
fn questions(
    draft: RwSignal<Option<MappingDraft>>,
    preview: RwSignal<Option<Result<Preview, String>>>,
    edit: impl Fn(Edit) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let asked = move || {
        preview.with(|p| match p {
            Some(Ok(p)) => p.report.questions.iter().map(Question::words).collect(),
            _ => Vec::new(),
        })
    };
    let zone = move || {
        draft.with(|d| {
            d.as_ref().map_or(String::new(), |d| {
                d.mapping.time_zone.clone().unwrap_or_default()
            })
        })
    };
    let order = move || draft.with(|d| d.as_ref().and_then(|d| d.mapping.date_order));
    let default_zone =
        move || draft.with(|d| d.as_ref().map_or(String::new(), |d| d.default_zone.clone()));
    let set_zone = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev).trim().to_string();
        edit(Box::new(move |mapping| {
            mapping.time_zone = (!typed.is_empty()).then_some(typed);
        }));
    };
    let set_order = move |ev: leptos::ev::Event| {
        let chosen = match event_target_value(&ev).as_str() {
            "day" => Some(DateOrder::DayFirst),
            "month" => Some(DateOrder::MonthFirst),
            _ => None,
        };
        edit(Box::new(move |mapping| mapping.date_order = chosen));
    };
    view! {
        <fieldset class="group measured-questions">
            <legend>"Times in the file"</legend>
            <ul class="measured-asked">
                {move || asked().into_iter().map(|q: String| view! { <li>{q}</li> }).collect_view()}
            </ul>
            <div class="field-grid">
                <div class="field">
                    <label for="mapping-zone">"Time zone of times without an offset"</label>
                    <input
                        type="text"
                        id="mapping-zone"
                        list=crate::ui::form::TIME_ZONES_LIST
                        placeholder=default_zone
                        prop:value=zone
                        on:change=set_zone
                    />
                </div>
                <div class="field">
                    <label for="mapping-date-order">"Dates written with slashes"</label>
                    <select id="mapping-date-order" on:change=set_order>
                        <option value="" selected=move || order().is_none()>"as the file shows"</option>
                        <option value="day" selected=move || order() == Some(DateOrder::DayFirst)>{DateOrder::DayFirst.label()}</option>
                        <option value="month" selected=move || order() == Some(DateOrder::MonthFirst)>{DateOrder::MonthFirst.label()}</option>
                    </select>
                </div>
            </div>
        </fieldset>
    }
}

/// The first rows as read with the mapping, or why the file cannot be read with it.
fn rows_understood(preview: RwSignal<Option<Result<Preview, String>>>) -> impl IntoView {
    move || {
        preview.with(|p| match p {
            None => ().into_any(),
            Some(Err(why)) => view! {
                <p class="capacity-error" role="alert">{why.clone()}</p>
            }
            .into_any(),
            Some(Ok(p)) => {
                let rows = p
                    .rows
                    .iter()
                    .map(|r| {
                        view! {
                            <tr>
                                <td>{r.created.clone()}</td>
                                <td>{r.first_reply.clone()}</td>
                                <td>{r.resolved.clone()}</td>
                                <td>{r.channel.clone()}</td>
                                <td>{r.priority.clone()}</td>
                                <td>{r.category.clone()}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                let aside = p
                    .set_aside
                    .groups
                    .values()
                    .flat_map(|g| g.examples.iter())
                    .map(|(row, why)| view! { <li>{format!("Row {row}: {why}")}</li> })
                    .collect_view();
                view! {
                    <h4>"The first rows as understood"</h4>
                    <TableScroll label="The first rows as understood">
                        <table class="doc-table" id="mapping-rows">
                            {table_head(&["Created", "First reply", "Resolved", "Channel", "Priority", "Category"])}
                            <tbody>{rows}</tbody>
                        </table>
                    </TableScroll>
                    <ul class="measured-aside-examples">{aside}</ul>
                }
                .into_any()
            }
        })
    }
}
