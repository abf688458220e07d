//! The Leptos app: the designer's shell, forms, findings and preview.
//! Owns every browser API; everything it shows is derived from one `Plan` signal.

use leptos::prelude::*;

pub mod browser;
pub mod capacity;
pub mod compare;
pub mod document;
pub mod drafts;
pub mod edit;
mod exports;
mod findings;
pub(crate) mod form;
pub mod helpdesk_import;
pub mod history;
pub mod inputs;
pub mod measured;
mod preview;
mod roster_answer;
mod row_list;
mod rows;
pub mod share_panel;
mod shell;
pub mod stakeholder;
mod start;
mod table;
mod template_values;
pub mod transfer;
pub mod worker;

pub use document::PlanDocument;
pub use shell::Designer;

use drafts::{provide_workspace, DraftsMenu, StorageBanner};
use history::UndoRedo;
use transfer::TransferMenu;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let workspace = provide_workspace();
    let plan = workspace.plan;
    provide_context(measured::Session::new(plan));
    // One shift search for the designer's plan: the Shifts view, the preview and the exports.
    provide_context(roster_answer::RosterAnswer::new(plan.into()));
    provide_context(form::CustomViews {
        measured: ViewFn::from(move || view! { <measured::MeasuredPage plan /> }),
        shifts: ViewFn::from(move || view! { <capacity::ShiftsView plan /> }),
        forecast: ViewFn::from(move || view! { <capacity::ForecastView plan /> }),
    });
    // A share link (`#share=…`) opens the read-only stakeholder view instead of the designer;
    // "Make an editable copy" saves it as a draft, drops the link and opens the designer on it.
    let shared = RwSignal::new(stakeholder::shared_plan_from_location());
    let leave_shared = Callback::new(move |()| shared.set(None));
    stakeholder::follow_share_links(shared);
    move || match shared.get() {
        Some(link) => {
            view! { <stakeholder::SharedPlanPage link=link on_leave=leave_shared /> }.into_any()
        }
        None => view! {
            <Designer
                plan
                starting=workspace.starting
                start=|| view! { <start::StartScreen /> }
                capacity=move || {
                    view! {
                        <capacity::CapacityView plan />
                        <capacity::DeadlineCalculator plan />
                    }
                }
            >
                <DraftsMenu />
                <UndoRedo />
                <TransferMenu />
                <compare::CompareMenu />
                <details class="share-menu">
                    <summary>"Share"</summary>
                    <share_panel::SharePanel plan />
                </details>
            </Designer>
            <StorageBanner />
        }
        .into_any(),
    }
}
