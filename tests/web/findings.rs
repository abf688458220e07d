//! Component tests of the findings panel: live counts, inline marks on fields, and choosing a
//! finding opens its section and focuses the field it is about.

use leptos::prelude::*;
use support_ops::plan::{Duration, MetricTarget, Plan, SlaPolicy, SlaTarget, Target};
use support_ops::ui::Designer;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

use crate::dom::{document, text, wait_until, Mounted};

fn designer(plan: Plan) -> (Mounted, RwSignal<Plan>) {
    let plan = RwSignal::new(plan);
    let app = Mounted::view(move || view! { <Designer plan>""</Designer> });
    (app, plan)
}

fn by_id(app: &Mounted, id: &str) -> Option<Element> {
    app.root().query_selector(&format!("#{id}")).ok().flatten()
}

/// A plan whose Critical SLA resolves (1h) faster than it answers (4h): SLA-002 fires on
/// `sla[0].targets[0].resolution.target`.
fn broken_sla() -> Plan {
    let mut plan = Plan::blank();
    plan.sla = vec![one_policy(SlaTarget {
        priority: "Critical".into(),
        first_response: MetricTarget::new(Target::Within(Duration::hours(4)), "24/7"),
        resolution: MetricTarget::new(Target::Within(Duration::hours(1)), "24/7"),
        ..SlaTarget::default()
    })];
    plan
}

/// One SLA policy for everyone holding `row`.
fn one_policy(row: SlaTarget) -> SlaPolicy {
    SlaPolicy {
        name: "Standard".into(),
        targets: vec![row],
        ..SlaPolicy::default()
    }
}

fn finding_button(app: &Mounted, rule: &str) -> Option<Element> {
    crate::dom::all(app.root(), "button.finding")
        .into_iter()
        .find(|b| text(b).contains(rule))
}

#[wasm_bindgen_test]
async fn choosing_a_finding_opens_its_section_and_focuses_the_field() {
    let (app, _plan) = designer(broken_sla());
    assert!(
        wait_until(|| finding_button(&app, "SLA-002").is_some()).await,
        "SLA-002 is listed"
    );
    // The SLA form is not mounted while the Overview is shown.
    assert!(by_id(&app, "field-sla-0-targets-0-resolution-target").is_none());

    let button = finding_button(&app, "SLA-002").expect("the finding");
    button.dyn_ref::<HtmlElement>().expect("a button").click();

    let focused = wait_until(|| {
        document()
            .active_element()
            .is_some_and(|e| e.id() == "field-sla-0-targets-0-resolution-target")
    })
    .await;
    assert!(focused, "focus did not move to the resolution field");
    let nav = by_id(&app, "nav-sla").expect("SLA nav entry");
    assert_eq!(nav.get_attribute("aria-current").as_deref(), Some("page"));
}

#[wasm_bindgen_test]
async fn fields_with_findings_are_marked_and_fixing_them_clears_the_count() {
    let (app, plan) = designer(broken_sla());
    let counts = app
        .root()
        .query_selector(".finding-counts")
        .ok()
        .flatten()
        .expect("counts");
    assert!(wait_until(|| text(&counts).contains("error")).await);
    let errors_before = text(&counts);
    assert!(
        !errors_before.starts_with("0 errors"),
        "counts: {errors_before}"
    );

    by_id(&app, "nav-sla")
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
        .expect("SLA nav")
        .click();
    assert!(wait_until(|| by_id(&app, "field-sla-0-targets-0-resolution-target").is_some()).await);
    let field = by_id(&app, "field-sla-0-targets-0-resolution-target").expect("resolution field");
    assert_eq!(field.get_attribute("aria-invalid").as_deref(), Some("true"));
    let described = field.get_attribute("aria-describedby").unwrap_or_default();
    assert!(described.contains("field-sla-0-targets-0-resolution-target-finding"));
    let message =
        by_id(&app, "field-sla-0-targets-0-resolution-target-finding").expect("inline message");
    assert!(
        text(&message).contains("shorter than its first response"),
        "{}",
        text(&message)
    );

    plan.update(|p| p.sla[0].targets[0].resolution.target = Target::Within(Duration::hours(8)));

    assert!(
        wait_until(|| finding_button(&app, "SLA-002").is_none()).await,
        "SLA-002 went away"
    );
    assert!(
        wait_until(|| by_id(&app, "field-sla-0-targets-0-resolution-target-finding").is_none())
            .await
    );
}
