//! The capacity view and deadline calculator in a real browser: the head-count verdict follows
//! the team size as it changes, and the calculator lists due times for the chosen priority.

use leptos::prelude::*;
use support_ops::plan::{templates, Plan};
use support_ops::ui::capacity::{CapacityView, DeadlineCalculator};
use wasm_bindgen_test::*;

use crate::dom::{all, text, wait_until, Mounted};

fn devtools() -> Plan {
    templates::by_id("devtools").expect("the devtools template exists")
}

#[wasm_bindgen_test]
async fn the_verdict_follows_the_team_size() {
    let plan = RwSignal::new(devtools());
    plan.update(|p| p.header.team_size = 2);
    let app = Mounted::view(move || view! { <CapacityView plan/> });
    let verdict = || {
        all(app.root(), ".capacity-verdict")
            .first()
            .map(text)
            .unwrap_or_default()
    };
    assert!(verdict().contains("the team has 2"), "{}", verdict());
    assert!(verdict().contains("short"), "{}", verdict());
    assert!(
        !all(app.root(), "svg.capacity-week title").is_empty(),
        "each channel chart has a title"
    );
    plan.update(|p| p.header.team_size = 500);
    let ok =
        wait_until(|| verdict().contains("the team has 500") && !verdict().contains("short")).await;
    assert!(ok, "verdict did not follow the team size: {}", verdict());
}

#[wasm_bindgen_test]
async fn the_calculator_lists_due_times() {
    let plan = RwSignal::new(devtools());
    let app = Mounted::view(move || view! { <DeadlineCalculator plan/> });
    let listed = wait_until(|| {
        let shown = all(app.root(), ".deadline-list dt")
            .iter()
            .map(text)
            .collect::<Vec<_>>()
            .join(" | ");
        shown.contains("First response") && shown.contains("Resolution")
    })
    .await;
    assert!(
        listed,
        "the calculator shows first response and resolution due times"
    );
}
