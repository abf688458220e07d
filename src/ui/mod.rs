//! The Leptos app: the designer's shell, forms, findings and preview.
//! Owns every browser API; everything it shows is derived from one `Plan` signal.

use leptos::prelude::*;

pub mod browser;
pub mod drafts;
pub mod history;
pub mod transfer;

use drafts::{provide_workspace, DraftsMenu, StorageBanner};
use history::UndoRedo;
use transfer::TransferMenu;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let workspace = provide_workspace();
    let plan = workspace.plan;
    let product = move || plan.with(|p| p.header.product.clone());
    view! {
        <header class="app-header">
            <h1>"Support Ops Plan Designer"</h1>
            <div class="toolbar">
                <DraftsMenu />
                <UndoRedo />
                <TransferMenu />
            </div>
            <label>
                "Product"
                <input
                    id="field-header-product"
                    prop:value=product
                    on:input=move |ev| plan.update(|p| p.header.product = event_target_value(&ev))
                />
            </label>
        </header>
        <StorageBanner />
        <main>
            <section class="preview" aria-label="Preview">
                <h2>"Support Operations Plan"</h2>
                <p>"Product: " {product}</p>
            </section>
        </main>
    }
}
