//! Drafts in a real browser: local storage round trip, a corrupt stored draft set aside and
//! never overwritten, and a full storage surfaced as a plain message.

use support_ops::drafts::{draft_key, DraftStore, Drafts, StoreError, INDEX_KEY, SET_ASIDE_PREFIX};
use support_ops::ui::drafts::LocalStore;
use wasm_bindgen_test::*;

use crate::dom::{all, input_labelled, sleep_ms, text, type_into, wait_until, Mounted};

fn local_storage() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("the test browser has local storage")
}

fn clear_storage() {
    local_storage().clear().expect("can clear local storage");
}

/// Makes every `localStorage.setItem` throw `QuotaExceededError` until the guard is dropped.
struct FullStorage;

impl FullStorage {
    fn new() -> FullStorage {
        js_sys::eval(
            "window.__realSetItem = Storage.prototype.setItem; \
             Storage.prototype.setItem = function () { \
               throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };",
        )
        .expect("can stub setItem");
        FullStorage
    }
}

impl Drop for FullStorage {
    fn drop(&mut self) {
        let _ = js_sys::eval("Storage.prototype.setItem = window.__realSetItem;");
    }
}

fn alerts(root: &web_sys::Element) -> Vec<String> {
    all(root, "[role=alert]").iter().map(text).collect()
}

#[wasm_bindgen_test]
fn local_storage_round_trips_text_and_drafts() {
    clear_storage();
    let store = LocalStore;
    store.set("support-ops.test", "hello").unwrap();
    assert_eq!(
        store.get("support-ops.test").unwrap().as_deref(),
        Some("hello")
    );
    assert!(store
        .keys()
        .unwrap()
        .contains(&"support-ops.test".to_string()));
    store.remove("support-ops.test").unwrap();
    assert_eq!(store.get("support-ops.test").unwrap(), None);

    let mut plan = support_ops::plan::Plan::blank();
    plan.header.product = "Acme Helpdesk".into();
    let meta = Drafts::new(LocalStore).create("Acme", &plan, 1).unwrap();
    let (reopened, restored) = Drafts::new(LocalStore).restore(2).unwrap().unwrap();
    assert_eq!(reopened.id, meta.id);
    assert_eq!(restored, plan);
    clear_storage();
}

#[wasm_bindgen_test]
async fn typing_is_saved_and_comes_back_in_a_new_app() {
    clear_storage();
    {
        let app = Mounted::app();
        let product = input_labelled(app.root(), "Product").expect("a Product field");
        type_into(&product, "Saved Co");
        let saved = wait_until(|| {
            local_storage()
                .get_item(INDEX_KEY)
                .ok()
                .flatten()
                .is_some_and(|index| index.contains("\"name\":\"Saved Co\""))
        })
        .await;
        assert!(saved, "the edit was never autosaved");
    }
    let app = Mounted::app();
    let product = input_labelled(app.root(), "Product").expect("a Product field");
    let restored = wait_until(|| product.value() == "Saved Co").await;
    assert!(restored, "the new app shows {:?}", product.value());
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_corrupt_stored_draft_is_set_aside_and_never_overwritten() {
    clear_storage();
    let corrupt = "{\"schema_version\": 2, \"header\": {\"product\": \"Ac";
    let storage = local_storage();
    storage
        .set_item(
            INDEX_KEY,
            r#"{"format":1,"last_open":"a","drafts":[{"id":"a","name":"Acme","created":1,"updated":1,"revision":2}]}"#,
        )
        .unwrap();
    storage.set_item(&draft_key("a"), corrupt).unwrap();

    let app = Mounted::app();
    let reported = wait_until(|| {
        alerts(app.root())
            .iter()
            .any(|a| a.contains("“Acme” could not be read"))
    })
    .await;
    assert!(
        reported,
        "no report of the unreadable draft: {:?}",
        alerts(app.root())
    );

    // Typing goes to a new draft; the corrupt text stays exactly as it was, set aside.
    let product = input_labelled(app.root(), "Product").expect("a Product field");
    assert_eq!(product.value(), "");
    type_into(&product, "Fresh");
    let saved = wait_until(|| text(app.root()).contains("Saved")).await;
    assert!(saved);
    let kept: Vec<String> = LocalStore
        .keys()
        .unwrap()
        .into_iter()
        .filter(|k| k.starts_with(SET_ASIDE_PREFIX))
        .filter_map(|k| storage.get_item(&k).ok().flatten())
        .collect();
    assert_eq!(kept, vec![corrupt.to_string()]);
    drop(app);
    clear_storage();
}

#[wasm_bindgen_test]
async fn a_full_storage_is_reported_and_the_plan_stays_on_screen() {
    clear_storage();
    let full = FullStorage::new();
    assert_eq!(LocalStore.set("k", "v"), Err(StoreError::QuotaExceeded));

    let app = Mounted::app();
    let product = input_labelled(app.root(), "Product").expect("a Product field");
    // As a person would: after the app has started (its effects have had their first run).
    sleep_ms(50).await;
    type_into(&product, "Unsaved Co");
    let reported = wait_until(|| {
        text(app.root()).contains("Not saved: storage is full — export your plan")
            && alerts(app.root())
                .iter()
                .any(|a| a.contains("storage for this page is full"))
    })
    .await;
    assert!(
        reported,
        "the full storage was not reported: {:?}",
        alerts(app.root())
    );
    assert_eq!(product.value(), "Unsaved Co");
    drop(app);
    drop(full);
    clear_storage();
}
