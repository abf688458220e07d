//! The live preview pane: the formatted document, the brief's text block or the Markdown source,
//! for the whole plan or one section (the quick commands), each downloadable and copyable.

use leptos::prelude::*;

use crate::plan::Plan;
use crate::render::{Format, Section};

use super::roster_answer::RosterAnswer;

use super::browser;
use super::document::PlanDocument;
use super::exports::{source_text, Exporter};
use crate::render::file_stem;

/// What the preview shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum View {
    Document,
    Text,
    Markdown,
}

impl View {
    const ALL: [View; 3] = [View::Document, View::Text, View::Markdown];

    fn label(self) -> &'static str {
        match self {
            View::Document => "Document",
            View::Text => "Text",
            View::Markdown => "Markdown",
        }
    }
}

/// A file name for an export: `acme-escalation.md`, `support-ops-plan.txt`.
fn file_name(product: &str, section: Section, format: Format) -> String {
    let base = file_stem(product);
    match section {
        Section::Full => format!("{base}.{}", format.file_extension()),
        other => format!("{base}-{}.{}", other.name(), format.file_extension()),
    }
}

/// The preview pane.
#[component]
pub fn Preview(
    #[prop(into)] plan: Signal<Plan>,
    /// False until the page has first been painted: the form comes first, so a large plan does
    /// not keep the page blank while its whole document is laid out.
    #[prop(into)]
    drawn: Signal<bool>,
) -> impl IntoView {
    let view_mode = RwSignal::new(View::Document);
    let replay: Signal<Option<crate::history::Replay>> =
        match use_context::<super::measured::Session>() {
            Some(session) => session.replay.into(),
            None => Signal::derive(|| None),
        };
    let section = RwSignal::new(Section::Full);
    let status = RwSignal::new(String::new());
    // Written (in a worker) only while a text view is shown; the document view needs none.
    let source_format = move || match view_mode.get() {
        View::Document => None,
        View::Text => Some((Format::Text, section.get())),
        View::Markdown => Some((Format::Markdown, section.get())),
    };
    let source_answer = source_text(plan, source_format);
    let source = Memo::new(move |_| {
        (view_mode.get() != View::Document).then(|| match source_answer.value.get() {
            Some((_, text)) => text,
            None => source_answer
                .notice
                .get()
                .unwrap_or_else(|| "Writing the text…".to_string()),
        })
    });
    let exporter = Exporter::new(plan);
    let export = move |format: Format| {
        let part = section.get_untracked();
        let name = plan.with_untracked(|p| file_name(&p.header.product, part, format));
        let deliver = move |text: String| match browser::download_text(&name, format.mime(), &text)
        {
            Ok(()) => status.set(format!("Downloaded {name}.")),
            Err(message) => status.set(message),
        };
        plan.with_untracked(|p| exporter.write(p, format, part, deliver));
    };
    let copy = move |_| {
        let format = match view_mode.get_untracked() {
            View::Text => Format::Text,
            View::Document | View::Markdown => Format::Markdown,
        };
        let part = section.get_untracked();
        let deliver = move |text: String| {
            leptos::task::spawn_local(async move {
                match browser::copy_text(text).await {
                    Ok(()) => status.set(format!("Copied the {} to the clipboard.", format.name())),
                    Err(message) => status.set(message),
                }
            });
        };
        plan.with_untracked(|p| exporter.write(p, format, part, deliver));
    };
    let mode_buttons = View::ALL
        .iter()
        .map(|&mode| {
            view! {
                <button
                    type="button"
                    class="segment"
                    id=format!("preview-{}", mode.label().to_lowercase())
                    aria-pressed=move || (view_mode.get() == mode).to_string()
                    on:click=move |_| view_mode.set(mode)
                >
                    {mode.label()}
                </button>
            }
        })
        .collect_view();
    let section_options = Section::ALL
        .iter()
        .map(|&part| {
            let label = if part == Section::Full {
                "Whole plan"
            } else {
                part.title()
            };
            view! {
                <option value=part.name() prop:selected=move || section.get() == part>
                    {label}
                </option>
            }
        })
        .collect_view();
    view! {
        <section class="preview" aria-labelledby="preview-title">
            <div class="preview-bar">
                <h2 id="preview-title">"Preview"</h2>
                <div class="segmented" role="group" aria-label="Preview as">
                    {mode_buttons}
                </div>
                <div class="preview-pick">
                    <label class="inline-label" for="preview-section">
                        "Show"
                    </label>
                    <select
                        id="preview-section"
                        on:change=move |ev| {
                            if let Some(part) = Section::from_name(&event_target_value(&ev)) {
                                section.set(part);
                            }
                        }
                    >
                        {section_options}
                    </select>
                </div>
            </div>
            <div class="preview-actions" role="group" aria-label="Export">
                <button type="button" id="export-markdown" on:click=move |_| export(Format::Markdown)>
                    "Download .md"
                </button>
                <button type="button" id="export-text" on:click=move |_| export(Format::Text)>
                    "Download .txt"
                </button>
                <button type="button" id="export-json" on:click=move |_| export(Format::Json)>
                    "Download .json"
                </button>
                <button type="button" id="copy-preview" on:click=copy>
                    "Copy"
                </button>
                <span class="status" role="status" aria-live="polite">
                    {move || exporter.status().unwrap_or_else(|| status.get())}
                </span>
            </div>
            // It scrolls on its own, so a keyboard must be able to reach it to scroll it.
            <div class="preview-body" id="preview-body" tabindex="0" role="region" aria-label="Plan contents">
                {move || match source.get() {
                    _ if !drawn.get() => ().into_any(),
                    None => view! { <PlanDocument plan section=section paged=true replay=replay roster=RosterAnswer::for_designer(plan) /> }.into_any(),
                    Some(text) => view! { <pre class="source">{text}</pre> }.into_any(),
                }}
            </div>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_file_names_come_from_the_product_and_section() {
        assert_eq!(
            file_name("Acme Cloud!", Section::Escalation, Format::Markdown),
            "acme-cloud-escalation.md"
        );
        assert_eq!(
            file_name("  ", Section::Full, Format::Text),
            "support-ops-plan.txt"
        );
    }
}
