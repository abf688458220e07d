//! The read-only view a stakeholder sees when opening a share link: the formatted plan, what the
//! rules found, Print, and "Make an editable copy". A bad link shows why, and a way into the app.

use leptos::prelude::*;

use crate::plan::Plan;
use crate::render::document::checks_part;
use crate::share::{decode_link, has_share_fragment};
use crate::ui::document::draw_blocks;
use crate::ui::drafts::create_draft_from;
use crate::ui::PlanDocument;

/// The plan in this page's `#share=` fragment: `None` when the address has none,
/// `Some(Err(message))` when the link is damaged, cut off or from a newer app.
pub fn shared_plan_from_location() -> Option<Result<Plan, String>> {
    let hash = web_sys::window()?.location().hash().ok()?;
    if !has_share_fragment(&hash) {
        return None;
    }
    Some(decode_link(&hash).map_err(|error| error.to_string()))
}

/// Keeps `shared` in step with the address: a share link pasted into a tab that already shows the
/// app opens it (`hashchange`), and going back from it to the app shows the designer again.
pub fn follow_share_links(shared: RwSignal<Option<Result<Plan, String>>>) {
    let listener =
        window_event_listener(
            leptos::ev::hashchange,
            move |_| match shared_plan_from_location() {
                Some(link) => shared.set(Some(link)),
                None => {
                    if shared.with_untracked(Option::is_some) {
                        shared.set(None);
                    }
                }
            },
        );
    on_cleanup(move || listener.remove());
}

/// What the app shows for a share link: the plan, or the reason it cannot be opened.
/// `on_leave` swaps in the designer once an editable copy is made; without it the page reloads.
#[component]
pub fn SharedPlanPage(
    link: Result<Plan, String>,
    #[prop(optional)] on_leave: Option<Callback<()>>,
) -> impl IntoView {
    match link {
        Ok(plan) => view! { <StakeholderView plan=plan on_leave=on_leave /> }.into_any(),
        Err(message) => view! { <SharedLinkProblem message=message /> }.into_any(),
    }
}

/// The plan, read-only, for someone who did not write it. After "Make an editable copy" the link
/// is dropped from the address and `on_leave` runs (or, without it, the designer is loaded).
#[component]
pub fn StakeholderView(
    plan: Plan,
    #[prop(optional_no_strip)] on_leave: Option<Callback<()>>,
) -> impl IntoView {
    // Checked in the worker, as in the designer; the plan shows at once, the summary after.
    let checks = crate::ui::worker::check_plan(RwSignal::new(plan.clone()), Signal::from(true));
    let summary = move || {
        if checks.checked.get() {
            checks
                .findings
                .with(|findings| draw_blocks(&checks_part(findings)))
        } else {
            let status = checks
                .notice
                .get()
                .unwrap_or_else(|| "Checking the plan…".into());
            view! { <p class="stakeholder-checking" role="status">{status}</p> }.into_any()
        }
    };
    let copy_status = RwSignal::new(String::new());
    let copy_name = plan.header.product.clone();
    let plan_for_copy = StoredValue::new(plan.clone());

    let print = move |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    let make_copy = move |_| {
        let plan = plan_for_copy.get_value();
        match create_draft_from(plan, &copy_name) {
            Ok(_) => open_editor(on_leave),
            Err(message) => copy_status.set(message),
        }
    };

    view! {
        <div class="stakeholder">
            <header class="stakeholder-bar">
                <p class="stakeholder-note">
                    "You are reading a shared plan. Nothing you do here changes the author's copy."
                </p>
                <div class="stakeholder-actions">
                    <button type="button" on:click=print>"Print"</button>
                    <button type="button" on:click=make_copy>"Make an editable copy"</button>
                </div>
                <p class="stakeholder-status" role="status" aria-live="polite">
                    {move || copy_status.get()}
                </p>
            </header>
            <main class="stakeholder-main">
                <section class="stakeholder-document" aria-label="Shared plan">
                    <PlanDocument plan=Signal::stored(plan) />
                </section>
                <section class="stakeholder-findings" aria-label="Findings summary">
                    {summary}
                </section>
            </main>
        </div>
    }
}

/// A share link that cannot be opened: the reason in plain words and a way into the app.
#[component]
pub fn SharedLinkProblem(message: String) -> impl IntoView {
    view! {
        <main class="stakeholder-problem" role="alert">
            <h1>"This share link cannot be opened"</h1>
            <p>{message}</p>
            <p>
                <a href=app_address()>"Open the Support Ops Plan Designer"</a>
                " to start a plan of your own or open a plan file."
            </p>
        </main>
    }
}

/// This page's address without the fragment: the designer itself.
fn app_address() -> String {
    web_sys::window()
        .and_then(|w| {
            let location = w.location();
            Some(format!(
                "{}{}",
                location.pathname().ok()?,
                location.search().ok()?
            ))
        })
        .unwrap_or_else(|| "./".to_string())
}

/// Leaves the shared view for the designer, which has the new copy open.
fn open_editor(on_leave: Option<Callback<()>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    match on_leave {
        Some(leave) => {
            // Drop the link from the address so a reload opens the designer, not the shared view.
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(
                    &wasm_bindgen::JsValue::NULL,
                    "",
                    Some(&app_address()),
                );
            }
            leave.run(());
            // The designer opens at its top, not at the reading position of the shared plan (on a
            // phone that was the middle of the form): once now, and again once it has drawn.
            window.scroll_to_with_x_and_y(0.0, 0.0);
            request_animation_frame(|| {
                if let Some(window) = web_sys::window() {
                    window.scroll_to_with_x_and_y(0.0, 0.0);
                }
            });
        }
        None => {
            let _ = window.location().assign(&app_address());
        }
    }
}
