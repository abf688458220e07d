//! Values still as the starter template wrote them, on screen: a field's "Template value" mark
//! with its Confirm button, and the warning the export and share panels show before a plan with
//! such values goes to a VP.

use leptos::prelude::*;

use crate::edit::Edit;
use crate::plan::provenance::{is_template_value, template_values};
use crate::plan::{Path, Plan};
use crate::rules::provenance::describe;

use super::edit::Editor;

/// How many names the warning lists before "and N more".
const NAMED: usize = 4;

/// The mark under a field whose value is still the template's, with a Confirm button that makes
/// it the team's own. Re-read on every redraw and after the field's own writes (`written`).
pub fn field_mark(
    editor: Editor,
    path: String,
    name: String,
    written: RwSignal<u32>,
) -> impl IntoView {
    let id = format!("{}-template", crate::rules::field_id(&path));
    let shown = {
        let path = path.clone();
        move || {
            editor.track_redraw();
            written.track();
            editor.plan.with_untracked(|p| is_template_value(p, &path))
        }
    };
    let on_confirm = move |_| {
        let path = path.clone();
        let Some(field) = Path::parse(&path) else {
            return;
        };
        if let Ok(edit) = editor.plan.with_untracked(|p| Edit::confirm(&field, p)) {
            let _ = editor.apply(edit);
        }
    };
    let label = format!("Confirm {name}");
    view! {
        <Show when=shown.clone()>
            <p class="template-mark" id=id.clone()>
                <span class="template-badge">"Template value"</span>
                <button type="button" class="confirm-button" aria-label=label.clone() on:click=on_confirm.clone()>
                    "Confirm"
                </button>
            </p>
        </Show>
    }
}

/// The warning above an export or a share link: how many values are still the template's and
/// which, or nothing when none is.
#[component]
pub fn TemplateWarning(plan: RwSignal<Plan>) -> impl IntoView {
    let named = Memo::new(move |_| {
        plan.with(|p| {
            template_values(p)
                .iter()
                .map(|path| describe(p, path))
                .collect::<Vec<_>>()
        })
    });
    move || {
        named.with(|names| {
            (!names.is_empty()).then(|| {
                let count = names.len();
                let mut listed = names[..count.min(NAMED)].join("; ");
                if count > NAMED {
                    listed.push_str(&format!("; and {} more", count - NAMED));
                }
                let lead = if count == 1 {
                    "1 value is still the template's".to_string()
                } else {
                    format!("{count} values are still the template's")
                };
                view! {
                    <p class="template-warning" role="note">
                        <strong>{lead}</strong>
                        {format!(
                            " ({listed}). Documents mark them “(template)”. Before this goes to a VP, \
                             replace them with your team's figures or confirm them (Findings, To confirm)."
                        )}
                    </p>
                }
            })
        })
    }
}
