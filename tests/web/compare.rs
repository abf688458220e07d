//! Component tests of the before → after view: a comparison drawn as headings and tables, the
//! target old → new with its verdict, findings introduced, and user text shown as text.

use leptos::prelude::*;
use support_ops::diff::compare;
use support_ops::plan::{Duration, MetricTarget, Plan, SlaTarget, Target};
use support_ops::ui::compare::ComparisonView;
use wasm_bindgen_test::*;

use crate::dom::{all, text, Mounted};

/// A plan whose Critical tickets are answered within `first_response` and resolved in 4 hours.
fn plan(first_response: Duration) -> Plan {
    let mut plan = Plan::blank();
    plan.sla[0].targets = vec![SlaTarget {
        priority: "Critical".into(),
        first_response: MetricTarget::new(Target::Within(first_response), "24/7"),
        resolution: MetricTarget::new(Target::Within(Duration::hours(4)), "24/7"),
        ..SlaTarget::default()
    }];
    plan
}

#[wasm_bindgen_test]
fn a_comparison_shows_targets_old_to_new_and_findings_as_tables() {
    let before = plan(Duration::hours(1));
    let mut after = plan(Duration::hours(5));
    after.sla[0].name = "<b>Gold</b>".into();
    let found = compare(&before, &after);
    let app = Mounted::view(move || view! { <ComparisonView comparison=found /> });

    let headings: Vec<String> = all(app.root(), "h2").iter().map(text).collect();
    assert_eq!(
        headings,
        ["SLA targets", "Channels and hours", "Staffing", "Findings"]
    );
    let critical = all(app.root(), "tr")
        .into_iter()
        .map(|row| text(&row))
        .find(|row| row.contains("Critical") && row.contains("First Response"))
        .expect("a row for Critical's first response");
    assert!(critical.contains("1 hour"), "{critical}");
    assert!(critical.contains("5 hours"), "{critical}");
    assert!(critical.contains("slower"), "{critical}");
    // A first response slower than the resolution is a finding the after plan introduces.
    let introduced = all(app.root(), "h3")
        .into_iter()
        .map(|h| text(&h))
        .find(|h| h.starts_with("Introduced"))
        .expect("an Introduced heading");
    assert!(!introduced.contains("(0)"), "{introduced}");
    assert!(text(app.root()).contains("SLA-002"));
    // The policy's name is the user's text: shown, never parsed as markup.
    assert!(text(app.root()).contains("Standard → <b>Gold</b>"));
    assert!(all(app.root(), "b").is_empty());
}
