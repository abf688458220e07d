//! Component tests of the designer's forms: parsed fields (durations) write the plan only when
//! they parse and keep bad text visible; rows are added, removed, restored and reordered.

use leptos::prelude::*;
use support_ops::plan::{Category, Duration, MetricTarget, Plan, SlaPolicy, SlaTarget, Target};
use support_ops::ui::history::{History, UndoRedo};
use support_ops::ui::Designer;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::dom::{control_labelled, region, text, type_into, wait_until, Mounted};

/// Mounts the designer on `plan` and returns the mounted app with the plan signal.
fn designer(plan: Plan) -> (Mounted, RwSignal<Plan>) {
    let plan = RwSignal::new(plan);
    let app = Mounted::view(move || view! { <Designer plan>""</Designer> });
    (app, plan)
}

fn by_id(app: &Mounted, id: &str) -> Option<Element> {
    app.root().query_selector(&format!("#{id}")).ok().flatten()
}

fn click(element: &Element) {
    element
        .dyn_ref::<HtmlElement>()
        .expect("a clickable element")
        .click();
}

/// Clicks the navigation entry of a section and waits until its form is mounted.
async fn open_section(app: &Mounted, nav_id: &str, control_id: &str) {
    click(&by_id(app, nav_id).expect("the section is in the navigation"));
    assert!(
        wait_until(|| by_id(app, control_id).is_some()).await,
        "the section's form never showed {control_id}"
    );
}

/// One SLA policy for everyone holding `row`.
fn one_policy(row: SlaTarget) -> SlaPolicy {
    SlaPolicy {
        name: "Standard".into(),
        targets: vec![row],
        ..SlaPolicy::default()
    }
}

fn with_sla_row(resolution: Duration) -> Plan {
    let mut plan = Plan::blank();
    plan.sla = vec![one_policy(SlaTarget {
        priority: "Critical".into(),
        first_response: MetricTarget::new(Target::Within(Duration::minutes(30)), "24/7"),
        resolution: MetricTarget::new(Target::Within(resolution), "24/7"),
        ..SlaTarget::default()
    })];
    plan
}

fn with_categories(names: &[&str]) -> Plan {
    let mut plan = Plan::blank();
    plan.taxonomy = names
        .iter()
        .map(|name| Category {
            name: name.to_string(),
            ..Category::default()
        })
        .collect();
    plan
}

fn category_names(plan: RwSignal<Plan>) -> Vec<String> {
    plan.with_untracked(|p| p.taxonomy.iter().map(|c| c.name.clone()).collect())
}

#[wasm_bindgen_test]
async fn typing_a_duration_updates_the_plan() {
    let (app, plan) = designer(with_sla_row(Duration::hours(8)));
    open_section(&app, "nav-sla", "field-sla-0-targets-0-resolution-target").await;
    let resolution: HtmlInputElement = by_id(&app, "field-sla-0-targets-0-resolution-target")
        .and_then(|e| e.dyn_into().ok())
        .expect("the resolution field is an input");
    assert_eq!(resolution.value(), "8h");

    type_into(&resolution, "1d4h");

    let resolution_of = |p: &Plan| p.sla[0].targets[0].resolution.target;
    let written = wait_until(|| {
        plan.with_untracked(|p| match resolution_of(p) {
            Target::Within(d) => d.clock_minutes() == Some(28 * 60),
            _ => false,
        })
    })
    .await;
    assert!(written, "typing 1d4h did not set a 28-hour resolution");
    assert_eq!(resolution.get_attribute("aria-invalid"), None);
}

#[wasm_bindgen_test]
async fn invalid_duration_text_stays_visible_and_marked() {
    let (app, plan) = designer(with_sla_row(Duration::hours(8)));
    open_section(&app, "nav-sla", "field-sla-0-targets-0-resolution-target").await;
    let resolution: HtmlInputElement = by_id(&app, "field-sla-0-targets-0-resolution-target")
        .and_then(|e| e.dyn_into().ok())
        .expect("the resolution field is an input");

    resolution.set_value("4 hourz");
    crate::dom::fire(&resolution, "input");

    let marked =
        wait_until(|| resolution.get_attribute("aria-invalid").as_deref() == Some("true")).await;
    assert!(marked, "the unreadable duration was not marked invalid");
    assert_eq!(resolution.value(), "4 hourz", "the typed text was wiped");
    let message = by_id(&app, "field-sla-0-targets-0-resolution-target-error")
        .expect("an error message is shown");
    assert!(
        text(&message).contains("not a duration"),
        "message: {}",
        text(&message)
    );
    let described = resolution
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    assert!(described.contains("field-sla-0-targets-0-resolution-target-error"));
    // The plan keeps its last good value.
    assert_eq!(
        plan.with_untracked(|p| p.sla[0].targets[0].resolution.target),
        Target::Within(Duration::hours(8))
    );
}

#[wasm_bindgen_test]
async fn a_removed_row_comes_back_in_its_place_with_undo() {
    let (app, plan) = designer(with_categories(&["Billing", "Bugs", "Access"]));
    open_section(&app, "nav-taxonomy", "field-taxonomy-2-name").await;

    click(&by_id(&app, "field-taxonomy-1-remove").expect("row 2 has a Remove button"));
    assert!(wait_until(|| category_names(plan) == ["Billing", "Access"]).await);
    assert!(
        wait_until(|| by_id(&app, "undo-removal").is_some()).await,
        "an Undo button appears"
    );
    let undo = by_id(&app, "undo-removal").expect("the Undo button");
    let toast = app
        .root()
        .query_selector(".toast")
        .ok()
        .flatten()
        .expect("the toast");
    assert!(
        text(&toast).contains("Category 2 removed."),
        "toast: {}",
        text(&toast)
    );

    click(&undo);

    assert!(
        wait_until(|| category_names(plan) == ["Billing", "Bugs", "Access"]).await,
        "undo did not restore the row at its place: {:?}",
        category_names(plan)
    );
    // The form shows the restored row again.
    let name: HtmlInputElement = by_id(&app, "field-taxonomy-1-name")
        .and_then(|e| e.dyn_into().ok())
        .expect("row 2 name field");
    assert!(wait_until(|| name.value() == "Bugs").await);
}

#[wasm_bindgen_test]
async fn adding_a_row_appends_it_and_names_its_fields() {
    let (app, plan) = designer(with_categories(&["Billing"]));
    open_section(&app, "nav-taxonomy", "field-taxonomy-0-name").await;

    click(&by_id(&app, "field-taxonomy-add").expect("an Add category button"));

    assert!(wait_until(|| plan.with_untracked(|p| p.taxonomy.len()) == 2).await);
    assert!(wait_until(|| control_labelled(app.root(), "Category 2 name").is_some()).await);
    let name: HtmlInputElement = control_labelled(app.root(), "Category 2 name")
        .and_then(|e| e.dyn_into().ok())
        .expect("the new row's name field");
    type_into(&name, "Shipping");
    assert!(wait_until(|| category_names(plan) == ["Billing", "Shipping"]).await);
}

#[wasm_bindgen_test]
async fn move_up_and_down_reorder_rows() {
    let (app, plan) = designer(with_categories(&["A", "B", "C"]));
    open_section(&app, "nav-taxonomy", "field-taxonomy-2-name").await;

    click(&by_id(&app, "field-taxonomy-2-up").expect("row 3 has Move up"));
    assert!(wait_until(|| category_names(plan) == ["A", "C", "B"]).await);

    click(&by_id(&app, "field-taxonomy-0-down").expect("row 1 has Move down"));
    assert!(wait_until(|| category_names(plan) == ["C", "A", "B"]).await);

    let first_up = by_id(&app, "field-taxonomy-0-up").expect("row 1 Move up");
    assert!(
        first_up.has_attribute("disabled"),
        "the first row cannot move up"
    );
}

#[wasm_bindgen_test]
async fn string_lists_edit_a_categorys_types() {
    let (app, plan) = designer(with_categories(&["Billing"]));
    open_section(&app, "nav-taxonomy", "field-taxonomy-0-name").await;

    click(&by_id(&app, "field-taxonomy-0-types-add").expect("an Add type button"));
    assert!(wait_until(|| by_id(&app, "field-taxonomy-0-types-0").is_some()).await);
    let first_type: HtmlInputElement = control_labelled(app.root(), "Category 1 type 1")
        .and_then(|e| e.dyn_into().ok())
        .expect("the type field is named after its row");
    type_into(&first_type, "Refund");

    assert!(wait_until(|| plan.with_untracked(|p| p.taxonomy[0].types == ["Refund"])).await);
}

#[wasm_bindgen_test]
async fn hostile_text_renders_as_text() {
    let hostile = "<img src=x onerror=alert(1)>";
    let (app, _plan) = designer(with_categories(&[hostile]));
    let preview = region(app.root(), "Preview").expect("a Preview region");

    assert!(
        wait_until(|| text(&preview).contains(hostile)).await,
        "the preview did not show the characters"
    );
    assert!(
        preview.query_selector("img").ok().flatten().is_none(),
        "the category name became an element"
    );
}

/// A 24/7 phone line at desks, then answered by an on-call rotation typed into the channel form:
/// the Capacity headline moves from agents at desks to people on call.
#[wasm_bindgen_test]
async fn an_on_call_rotation_typed_in_the_channel_form_moves_the_capacity_headline() {
    let mut plan = Plan::blank();
    plan.header.monthly_volume = 1300;
    plan.header.team_size = 3;
    plan.header.time_zone = "UTC".into();
    plan.staffing.arrival_profile = vec![1.0; 168];
    plan.channels = vec![support_ops::plan::Channel {
        name: "Hotline".into(),
        kind: support_ops::plan::ChannelKind::Phone,
        hours: "24/7".into(),
        volume_share: 100.0,
        handle_time: Duration::minutes(15),
        concurrency: 1,
        ..support_ops::plan::Channel::default()
    }];
    let plan = RwSignal::new(plan);
    let app = Mounted::view(move || {
        view! {
            <Designer plan capacity=move || view! { <support_ops::ui::capacity::CapacityView plan/> }>
                ""
            </Designer>
        }
    });
    let verdict = |app: &Mounted| {
        app.root()
            .query_selector(".capacity-verdict")
            .ok()
            .flatten()
            .map(|e| text(&e))
            .unwrap_or_default()
    };
    open_section(&app, "nav-capacity", "capacity-heading").await;
    // 300 calls a week, 1.79 an hour of 15 min = 0.45 Erlangs: one agent answers 56 % within
    // 20 s, two 92 %, so 2 in each of 168 hours: 336 agent-hours / (40 × 0.7) = 12 people.
    // Escalations (no tier after the phone's: a pool of their own, around the clock): 15 % of
    // 300 × 15 min = 11.25 hours, at most 85 % busy = 13.2 agent-hours / 28 → 1 more: 13.
    assert!(
        wait_until(|| verdict(&app).starts_with("The plan needs 13 agents; the team has 3")).await,
        "before: {}",
        verdict(&app)
    );
    open_section(&app, "nav-channels", "field-channels-0-on_call-rotation").await;
    let rotation: HtmlInputElement = by_id(&app, "field-channels-0-on_call-rotation")
        .and_then(|e| e.dyn_into().ok())
        .expect("the on-call rotation field is an input");
    type_into(&rotation, "Tier 2");
    assert!(
        wait_until(|| plan.with_untracked(|p| p.channels[0].rotation().is_some())).await,
        "typing a rotation did not start on-call cover"
    );
    open_section(&app, "nav-capacity", "capacity-heading").await;
    assert!(
        wait_until(|| verdict(&app).starts_with("The plan needs 1 agent at desks; the team has 3"))
            .await,
        "after: {}",
        verdict(&app)
    );
    let on_call = app
        .root()
        .query_selector(".capacity-on-call")
        .ok()
        .flatten()
        .map(|e| text(&e))
        .unwrap_or_default();
    assert!(
        on_call.starts_with("On call: 1 person at a time"),
        "{on_call}"
    );
}

/// The case for the edit log: a field write and a structural edit made in one go (no
/// event loop turn between them, as when a change event and a click are handled in one batch)
/// are both recorded, and Undo takes back each in turn.
#[wasm_bindgen_test]
async fn a_field_write_and_a_row_added_in_one_batch_both_undo() {
    let plan = RwSignal::new(with_categories(&["Billing"]));
    let app = Mounted::view(move || {
        let history = History::track(plan);
        provide_context(history);
        view! { <UndoRedo/> <Designer plan>""</Designer> }
    });
    open_section(&app, "nav-taxonomy", "field-taxonomy-0-name").await;
    let name: HtmlInputElement = by_id(&app, "field-taxonomy-0-name")
        .and_then(|e| e.dyn_into().ok())
        .expect("row 1 name field");

    type_into(&name, "Billing and refunds");
    click(&by_id(&app, "field-taxonomy-add").expect("an Add category button"));
    assert_eq!(category_names(plan), ["Billing and refunds", ""]);

    let undo = app
        .root()
        .query_selector(".undo-redo button")
        .ok()
        .flatten()
        .expect("the Undo button");
    assert!(
        wait_until(|| !undo.has_attribute("disabled")).await,
        "both can be undone"
    );
    click(&undo);
    assert!(
        wait_until(|| category_names(plan) == ["Billing and refunds"]).await,
        "the first undo takes the row back: {:?}",
        category_names(plan)
    );
    click(&undo);
    assert!(
        wait_until(|| category_names(plan) == ["Billing"]).await,
        "the second undo takes the typing back: {:?}",
        category_names(plan)
    );
    assert!(
        wait_until(|| name.value() == "Billing").await,
        "the field shows it"
    );
    assert!(undo.has_attribute("disabled"), "nothing else to undo");
}
