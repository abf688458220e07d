//! Load errors name the JSON path serde's own path tracking would name: every leaf of every
//! template is given the wrong type, and every object an unknown field, and both paths compared.

use serde_json::Value;
use support_ops::plan::json::{from_json, to_json};
use support_ops::plan::{templates, Plan};

/// The path serde_path_to_error reports for the first error reading `text` as a plan.
fn tracked_path(text: &str) -> Option<String> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let error = serde_path_to_error::deserialize::<_, Plan>(&mut deserializer).err()?;
    let path = error.path().to_string();
    Some(path).filter(|p| p != ".")
}

/// Every value in the tree, as a list of steps (key or index) from the root.
fn locations(value: &Value, at: &mut Vec<Step>, out: &mut Vec<Vec<Step>>) {
    out.push(at.clone());
    match value {
        Value::Object(members) => {
            for (key, child) in members {
                at.push(Step::Key(key.clone()));
                locations(child, at, out);
                at.pop();
            }
        }
        Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                at.push(Step::Index(index));
                locations(child, at, out);
                at.pop();
            }
        }
        _ => {}
    }
}

#[derive(Clone)]
enum Step {
    Key(String),
    Index(usize),
}

fn at_mut<'v>(value: &'v mut Value, steps: &[Step]) -> &'v mut Value {
    steps.iter().fold(value, |value, step| match step {
        Step::Key(key) => &mut value[key.as_str()],
        Step::Index(index) => &mut value[*index],
    })
}

fn compare(text: &str, cases: &mut usize) {
    let ours = match from_json(text) {
        Ok(_) => return,
        Err(error) => error.path.map(String::from),
    };
    assert_eq!(ours, tracked_path(text), "paths differ for:\n{text}");
    *cases += 1;
}

#[test]
fn load_errors_name_the_same_path_as_serde_path_tracking() {
    let mut cases = 0;
    for id in templates::ids() {
        let plan = templates::by_id(id).unwrap();
        let original: Value = serde_json::from_str(&to_json(&plan)).unwrap();
        let mut all = Vec::new();
        locations(&original, &mut Vec::new(), &mut all);
        for steps in all.iter().filter(|s| !s.is_empty()) {
            if matches!(steps.last(), Some(Step::Key(k)) if k == "schema_version") {
                continue;
            }
            // The wrong type at this place.
            let mut broken = original.clone();
            let target = at_mut(&mut broken, steps);
            *target = if target.is_boolean() {
                Value::from("yes")
            } else {
                Value::from(true)
            };
            compare(&serde_json::to_string_pretty(&broken).unwrap(), &mut cases);
            // A field the model does not have, in an object.
            let mut extra = original.clone();
            if let Some(members) = at_mut(&mut extra, steps).as_object_mut() {
                members.insert("zz_not_a_field".into(), Value::from(1));
                compare(&serde_json::to_string(&extra).unwrap(), &mut cases);
            }
        }
    }
    assert!(cases > 500, "only {cases} broken plans were compared");
}

/// A file of the trust fixture's plan with one SLA resolution target mistyped ("one business
/// day" on line 404). The error names the field as a finding about it would, and that path leads
/// to the form's control: the same `plan::Path` printer for both.
#[test]
fn a_malformed_file_names_the_field_as_the_form_and_the_findings_do() {
    use support_ops::plan::limits::PLAN_FROM_OUTSIDE;
    use support_ops::plan::{json::from_outside, Page};
    let fixture = |name: &str| {
        let file = format!("{}/tests/fixtures/plans/{name}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read(file).expect("the fixture is there")
    };
    let error = from_outside(&fixture("broken-resolution.json"), &PLAN_FROM_OUTSIDE).unwrap_err();
    let path = error.path.clone().expect("the error says where");
    assert_eq!(path.as_str(), "sla[0].targets[1].resolution.target");
    let words = error.to_string();
    assert!(
        words.contains("30m, 4h")
            && words.ends_with("(at sla[0].targets[1].resolution.target, line 404, column 40)"),
        "{words}"
    );
    assert_eq!(support_ops::form::control_for(&path), Some(Page::Sla));
    assert_eq!(path.field_id(), "field-sla-0-targets-1-resolution-target");

    // The well-formed plan with that target at zero: the finding names the same field.
    let mut plan = from_outside(
        &fixture("b2b-three-levels-on-call.json"),
        &PLAN_FROM_OUTSIDE,
    )
    .expect("the fixture opens");
    plan.sla[0].targets[1].resolution.target = "0m".parse().expect("a target");
    let findings = support_ops::rules::check(&plan);
    assert!(
        findings
            .iter()
            .any(|f| f.rule == "SLA-010" && f.path == path),
        "{findings:#?}"
    );
}
