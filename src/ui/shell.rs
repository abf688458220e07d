//! The designer's shell: header with the product name and toolbar, section navigation, and the
//! form / findings / preview panes (three columns on a wide screen, tabs on a phone).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::plan::{Page, Path, Plan};
use crate::rules;

use super::drafts::DraftScoped;
use super::edit::Editor;
use super::findings::{FieldFindings, FindingsPanel, Gaps};
use super::form::{names_list_id, page_form, TIME_ZONES_LIST};
use super::inputs::{aria_state, finding_for, focus_after_render};
use super::preview::Preview;
use super::row_list::{Removal, RevealField, UndoToast};

/// Which pane a narrow screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pane {
    Form,
    Findings,
    Preview,
}

/// The designer: edits `plan` in place. `children` go into the header toolbar (drafts, undo,
/// import/export); `capacity` (optional) is mounted in the Capacity section's `#capacity-slot`.
#[component]
pub fn Designer(
    plan: RwSignal<Plan>,
    children: Children,
    #[prop(optional, into)] capacity: Option<ViewFn>,
    /// While true, the form pane shows `start` (the first visit's choice of templates) instead of
    /// a page; choosing a page ends it.
    #[prop(optional)]
    starting: Option<RwSignal<bool>>,
    #[prop(optional, into)] start: Option<ViewFn>,
) -> impl IntoView {
    // The first paint shows the header, the sections and the form; the check of the whole plan
    // and the preview's document come just after it, so a large plan does not hold up the first
    // keystroke.
    let painted = RwSignal::new(false);
    super::browser::after_next_paint(move || painted.set(true));
    // The plan is checked in the worker (`ui::worker`), from just after the first paint.
    let checks = super::worker::check_plan(plan, painted.into());
    let findings = checks.findings;
    let gaps = blank_findings(plan, findings);
    let field_findings = FieldFindings::new(findings, gaps);
    provide_context(field_findings);
    let editor = Editor::new(plan);
    provide_context(editor);
    let removal = DraftScoped::new();
    provide_context(UndoToast(removal));

    let active = RwSignal::new(Page::Overview);
    let pane = RwSignal::new(Pane::Form);

    let reveal = RwSignal::new(None::<Path>);
    provide_context(RevealField(reveal));

    let open_finding = Callback::new(move |path: Path| {
        let section = crate::form::page_for(&path);
        active.set(section);
        pane.set(Pane::Form);
        let id = path.field_id();
        field_findings.touch(&id);
        focus_after_render(id);
        reveal.set(Some(path));
    });

    let finding_total = move || findings.with(Vec::len);

    // A memo: the form redraws when the start screen comes or goes, not at every `set`.
    let is_starting = Memo::new(move |_| starting.is_some_and(|s| s.get()));
    let is_starting = move || is_starting.get();
    // Only the active page's form is mounted; it re-renders only when the page changes (a memo:
    // choosing the page already open, or a finding on it, keeps what is on screen).
    let shown_page = Memo::new(move |_| active.get());
    let form = move || {
        if is_starting() {
            if let Some(start) = start.clone() {
                return untrack(|| start.run());
            }
        }
        let page = shown_page.get();
        let slot = capacity.clone();
        untrack(|| page_form(editor, page, slot))
    };

    let pane_tab = move |which: Pane, label: &'static str| {
        view! {
            <button
                type="button"
                id=format!("pane-tab-{}", label.to_lowercase())
                aria-pressed=move || (pane.get() == which).to_string()
                on:click=move |_| pane.set(which)
            >
                {label}
                {(which == Pane::Findings)
                    .then(|| view! {
                        <Show when=move || checks.checked.get()>
                            <span class="nav-count">{finding_total}</span>
                        </Show>
                    })}
            </button>
        }
    };

    // A keyboard user jumps past the header and the section list (and on a phone, to the pane).
    let skip = move |which: Pane, target: &'static str, label: &'static str| {
        view! {
            <a
                href=format!("#{target}")
                on:click=move |ev| {
                    ev.prevent_default();
                    pane.set(which);
                    focus_pane(target);
                }
            >
                {label}
            </a>
        }
    };
    view! {
        <div class="designer">
            <nav class="skip-links" aria-label="Skip to">
                {skip(Pane::Form, "pane-form", "Skip to form")}
                {skip(Pane::Findings, "pane-findings", "Skip to findings")}
                {skip(Pane::Preview, "pane-preview", "Skip to preview")}
            </nav>
            <AppHeader editor>{children()}</AppHeader>
            <SectionNav findings active pane starting />
            <main class="workspace">
                <div class="pane-tabs" role="group" aria-label="Show">
                    {pane_tab(Pane::Form, "Form")}
                    {pane_tab(Pane::Findings, "Findings")}
                    {pane_tab(Pane::Preview, "Preview")}
                </div>
                <section
                    class="pane pane-form"
                    id="pane-form"
                    tabindex="-1"
                    class:pane-active=move || pane.get() == Pane::Form
                    aria-labelledby="form-title"
                >
                    <h2 id="form-title" class="form-title">
                        {move || if is_starting() { "Start" } else { active.get().title() }}
                    </h2>
                    {form}
                </section>
                <div
                    class="pane pane-findings"
                    id="pane-findings"
                    tabindex="-1"
                    class:pane-active=move || pane.get() == Pane::Findings
                >
                    <FindingsPanel
                        findings
                        gaps
                        checked=checks.checked
                        notice=checks.notice
                        given_up=checks.given_up
                        open=open_finding
                    />
                </div>
                <div
                    class="pane pane-preview"
                    id="pane-preview"
                    tabindex="-1"
                    class:pane-active=move || pane.get() == Pane::Preview
                >
                    <Preview plan=plan.read_only() drawn=painted />
                </div>
            </main>
            <UndoRemoval removal editor />
            {move || painted.get().then(|| name_lists(editor))}
        </div>
    }
}

/// The findings about a value not filled in yet: a checklist, not a wall of red on a new plan.
fn blank_findings(plan: RwSignal<Plan>, findings: Memo<Vec<rules::Finding>>) -> Gaps {
    Memo::new(move |_| {
        findings.with(|all| {
            plan.with_untracked(|p| {
                all.iter()
                    .filter(|f| crate::form::node::is_blank(p, f.path.as_str()))
                    .map(|f| f.path.clone())
                    .collect()
            })
        })
    })
}

/// The app's name, the product field, and the plan's actions (`children`); on a phone the
/// actions fold behind a Menu button, which Escape closes, so the header stays one short block.
#[component]
fn AppHeader(editor: Editor, children: Children) -> impl IntoView {
    let menu_open = RwSignal::new(false);
    let close_on_escape = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && menu_open.get_untracked() {
            menu_open.set(false);
            if let Some(toggle) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id("header-menu-toggle"))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = toggle.focus();
            }
        }
    };
    view! {
        <header class="app-header" on:keydown=close_on_escape>
            <div class="brand">
                <span class="brand-mark" aria-hidden="true">"◆"</span>
                <h1 class="brand-name">"Support Ops Plan Designer"</h1>
            </div>
            <button
                type="button"
                id="header-menu-toggle"
                class="header-menu-toggle"
                aria-controls="plan-actions"
                aria-expanded=move || menu_open.get().to_string()
                on:click=move |_| menu_open.update(|open| *open = !*open)
            >
                <span aria-hidden="true">"☰ "</span>
                "Menu"
            </button>
            <ProductField editor />
            <super::drafts::UnsavedNotice />
            <div
                class="toolbar"
                id="plan-actions"
                class:toolbar-open=move || menu_open.get()
                role="toolbar"
                aria-label="Plan actions"
            >
                {children()}
            </div>
        </header>
    }
}

/// The product's name, in the header: the plan's title everywhere it is shown.
#[component]
fn ProductField(editor: Editor) -> impl IntoView {
    let product = move || {
        editor.track_redraw();
        editor.text("header.product")
    };
    let no_error = Signal::derive(|| None);
    let (described, invalid) = aria_state("field-header-product", no_error);
    let finding = finding_for("field-header-product");
    view! {
        <div class="product-field">
            <label for="field-header-product">"Product"</label>
            <input
                type="text"
                id="field-header-product"
                aria-describedby=described
                aria-invalid=invalid
                placeholder="Product name"
                prop:value=product
                on:input=move |ev| {
                    let _ = editor.set_text("header.product", &event_target_value(&ev));
                }
            />
            <span id="field-header-product-finding" class="visually-hidden">
                {move || finding.get().map(|(_, message)| message)}
            </span>
        </div>
    }
}

/// The list of the plan's pages, each with its count of findings; choosing one shows its form.
#[component]
fn SectionNav(
    findings: Memo<Vec<rules::Finding>>,
    active: RwSignal<Page>,
    pane: RwSignal<Pane>,
    starting: Option<RwSignal<bool>>,
) -> impl IntoView {
    let section_counts = Memo::new(move |_| {
        findings.with(|all| {
            Page::ALL.map(|page| {
                all.iter()
                    .filter(|f| crate::form::page_for(&f.path) == page)
                    .count()
            })
        })
    });
    let nav = Page::ALL
        .iter()
        .enumerate()
        .map(|(position, &section)| {
            let count = move || section_counts.with(|c| c[position]);
            view! {
                <li>
                    <button
                        type="button"
                        id=section.nav_id()
                        class="nav-item"
                        aria-current=move || (active.get() == section).then_some("page")
                        on:click=move |_| {
                            if let Some(starting) = starting {
                                starting.set(false);
                            }
                            active.set(section);
                            pane.set(Pane::Form);
                        }
                    >
                        {section.title()}
                        <Show when=move || { count() > 0 }>
                            <span class="nav-count" aria-label=move || format!("{} findings", count())>
                                {count}
                            </span>
                        </Show>
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="section-nav" aria-label="Plan sections">
            <ul>{nav}</ul>
        </nav>
    }
}

/// The lists the name and time-zone fields suggest from.
fn name_lists(editor: Editor) -> impl IntoView {
    view! {
        <datalist id=names_list_id(crate::form::Names::Tiers)>
            {move || {
                editor
                    .names(crate::form::Names::Tiers)
                    .get()
                    .into_iter()
                    .map(|name| view! { <option value=name></option> })
                    .collect_view()
            }}
        </datalist>
        <datalist id=TIME_ZONES_LIST>
            {crate::capacity::known_zones()
                .map(|zone| view! { <option value=zone></option> })
                .collect_view()}
        </datalist>
    }
}

/// Where a skip link lands: focus on the pane `id` with its top in view. (A field's focus centres
/// it; a pane is taller than the window, so centring would land half-way down it.)
fn focus_pane(id: &'static str) {
    request_animation_frame(move || {
        let Some(pane) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = pane.focus_with_options(&options);
        pane.scroll_into_view_with_bool(true);
    });
}

/// How long the Undo toast stays when nothing else happens: Undo in the header stays in reach.
const TOAST_SHOWN_FOR: std::time::Duration = std::time::Duration::from_secs(8);

/// The removal a toast offers to undo, by identity (two removals of the same row differ).
fn removal_id(removal: Option<Removal>) -> Option<usize> {
    removal.map(|r| std::sync::Arc::as_ptr(&r.restore) as *const () as usize)
}

/// The toast offering to bring back the last row removed from the open draft. It goes at the
/// next change of the plan, or after `TOAST_SHOWN_FOR`; Undo in the header does the same.
#[component]
fn UndoRemoval(removal: DraftScoped<Removal>, editor: Editor) -> impl IntoView {
    let message = move || removal.get().map(|r| r.message);
    // At each record of the edit log: a toast already shown at the last record goes (the edit
    // after a removal); one set by this very record (the removal itself) stays.
    Effect::new(move |shown_before: Option<Option<usize>>| {
        editor.track_records();
        let now = removal_id(removal.get_untracked());
        if now.is_some() && shown_before.flatten() == now {
            removal.clear();
            return None;
        }
        now
    });
    // Each new toast goes by itself after a while, unless another took its place.
    Effect::new(move |_| {
        let Some(id) = removal_id(removal.get()) else {
            return;
        };
        set_timeout(
            move || {
                if removal_id(removal.get_untracked()) == Some(id) {
                    removal.clear();
                }
            },
            TOAST_SHOWN_FOR,
        );
    });
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            <Show when=move || removal.is_some()>
                <div class="toast">
                    <span>{message}</span>
                    <button
                        type="button"
                        id="undo-removal"
                        class="toast-undo"
                        on:click=move |_| {
                            if let Some(r) = removal.get_untracked() {
                                removal.clear();
                                (r.restore)();
                            }
                        }
                    >
                        "Undo"
                    </button>
                    <button
                        type="button"
                        class="icon-button"
                        aria-label="Dismiss"
                        on:click=move |_| removal.clear()
                    >
                        "✕"
                    </button>
                </div>
            </Show>
        </div>
    }
}
