//! Component tests of the Leptos app in a real headless browser (wasm-bindgen-test).
//! Run by `scripts/test.sh`; each module mounts the app into a fresh element and acts like a user.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

mod capacity;
mod compare;
mod document;
mod dom;
mod drafts;
mod findings;
mod forms;

use dom::{input_labelled, region, type_into, wait_until, Mounted};

#[wasm_bindgen_test]
async fn typing_a_product_name_updates_the_preview() {
    let app = Mounted::app();

    let product = input_labelled(app.root(), "Product").expect("the designer has a Product field");
    let preview = region(app.root(), "Preview").expect("the designer has a Preview region");
    assert!(!preview
        .text_content()
        .unwrap_or_default()
        .contains("Acme Helpdesk"));

    type_into(&product, "Acme Helpdesk");

    let shown = wait_until(|| {
        preview
            .text_content()
            .unwrap_or_default()
            .contains("Acme Helpdesk")
    })
    .await;
    assert!(shown, "the preview never showed the typed product name");
}
