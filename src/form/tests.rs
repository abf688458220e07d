//! The forms against the model: every declared path exists in the plan with the kind it is
//! declared as, and every finding the rules report leads to a control that edits it.

use super::node::{at, edit_list, Node};
use super::*;
use crate::plan::{templates, Page, Path, Plan};

/// A copy of the path with every `[]` as `[0]`.
fn first_row(pattern: &str) -> String {
    pattern.replace("[]", "[0]")
}

/// The plan with at least one row in every list a form declares, so every path has a value.
fn plan_with_every_row() -> Plan {
    let mut plan = templates::by_id("api-platform").unwrap_or_else(Plan::blank);
    let mut lists: Vec<String> = Page::ALL
        .into_iter()
        .flat_map(control_paths)
        .filter(|(_, is_list)| *is_list)
        .map(|(path, _)| first_row(&path))
        .collect();
    // Outer lists first, so a nested list's row exists when it is filled.
    lists.sort_by_key(|path| path.matches('.').count() + path.matches('[').count());
    for list in lists {
        if super::node::len_at(&plan, &list) == 0 {
            edit_list(&mut plan, &list, |rows| rows.push_default());
        }
    }
    plan
}

#[test]
fn every_declared_path_exists_in_the_model_as_declared() {
    let plan = plan_with_every_row();
    let mut checked = 0;
    for page in Page::ALL {
        check_items(&plan, self::page(page), "", page, &mut checked);
    }
    check_items(&plan, HEADER, "", Page::Overview, &mut checked);
    assert!(checked >= 90, "only {checked} fields declared");
}

fn check_items(plan: &Plan, items: &[Item], prefix: &str, page: Page, checked: &mut usize) {
    for item in items {
        match item {
            Item::Field(spec) => {
                let path = first_row(&join(prefix, spec.key));
                let node = at(plan, &path).unwrap_or_else(|| panic!("{page:?}: no {path}"));
                let leaf = node
                    .leaf()
                    .unwrap_or_else(|| panic!("{page:?}: {path} is not a value"));
                assert_eq!(
                    leaf.choices().is_some(),
                    spec.kind == Kind::Choice,
                    "{page:?}: {path} is declared {:?}",
                    spec.kind
                );
                *checked += 1;
            }
            Item::List(list) => {
                let path = first_row(&join(prefix, list.key));
                let node = at(plan, &path).unwrap_or_else(|| panic!("{page:?}: no {path}"));
                assert!(node.list().is_some(), "{page:?}: {path} is not a list");
                let row = format!("{path}[0]");
                if list.layout == Layout::Words {
                    assert!(
                        at(plan, &row).and_then(Node::leaf).is_some(),
                        "{page:?}: {row} is not a word"
                    );
                }
                for (key, text) in list.init {
                    let mut scratch = plan.clone();
                    let field = join(&row, key);
                    let text = if *text == "@home-zone" { "UTC" } else { text };
                    assert!(
                        super::node::set_text_at(&mut scratch, &field, text).is_ok(),
                        "{page:?}: a new row of {path} cannot start with {key} = {text}"
                    );
                }
                for key in list.search {
                    assert!(
                        at(plan, &join(&row, key)).is_some(),
                        "{page:?}: search {key}"
                    );
                }
                check_items(
                    plan,
                    list.items,
                    &join(prefix, &format!("{}[]", list.key)),
                    page,
                    checked,
                );
            }
            Item::Group { items, .. } => check_items(plan, items, prefix, page, checked),
            Item::Custom(custom) => {
                // A custom part's declared paths are values or lists of the model too.
                for (path, is_list) in custom_paths(*custom) {
                    let node = at(plan, &first_row(&path)).unwrap_or_else(|| panic!("no {path}"));
                    assert_eq!(node.list().is_some(), is_list, "{path}");
                    assert_eq!(node.leaf().is_some(), !is_list, "{path}");
                    *checked += 1;
                }
            }
            Item::Heading(_) => {}
        }
    }
}

#[test]
fn every_page_draws_only_its_own_parts() {
    for page in Page::ALL {
        for (path, _) in control_paths(page) {
            let path = Path::parse(&path).expect("a declared path is well formed");
            assert_eq!(page_for(&path), page, "{path} is drawn on {page:?}");
            // Only the staffing view draws fields of another part (a channel's service level).
            assert!(
                Page::of_path(&path) == page || page == Page::Capacity,
                "{path} is drawn on {page:?}"
            );
        }
    }
}

#[test]
fn finding_paths_map_onto_declared_patterns() {
    let control_for = |text: &str| control_for(&Path::parse(text).expect("a path"));
    assert_eq!(
        control_for("sla[1].targets[0].resolution.target"),
        Some(Page::Sla)
    );
    assert_eq!(control_for("header.product"), Some(Page::Overview));
    assert_eq!(control_for("taxonomy[3].types[1]"), Some(Page::Taxonomy));
    assert_eq!(control_for("escalation.rules"), Some(Page::Escalation));
    assert_eq!(control_for("taxonomy[3].nonsense"), None);
    // A shift's days (SHIFT-004, SHIFT-006) are ticked on the Capacity page's Shifts.
    assert_eq!(
        control_for("staffing.roster.templates[2].days"),
        Some(Page::Capacity)
    );
}

/// Plans whose findings between them reach many rules: every template (as shipped and as started
/// from, with its template values to confirm), a blank plan, a large generated plan, and every
/// file under `tests/fixtures` that reads as a plan (older schema versions included).
fn plans_with_findings() -> Vec<(String, Plan)> {
    let mut plans: Vec<(String, Plan)> = Vec::new();
    for template in templates::all() {
        if let Some(started) = templates::starter(template.id) {
            plans.push((format!("{} (started)", template.id), started));
        }
        plans.push((template.id.to_string(), template.plan));
    }
    plans.push(("blank".into(), Plan::blank()));
    plans.push((
        "large".into(),
        crate::plan::generate::large_plan(3, crate::plan::generate::PlanSize::with_categories(60)),
    ));
    let mut files = Vec::new();
    json_files_under(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures")),
        &mut files,
    );
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap_or_default();
        if let Ok(plan) = crate::plan::json::from_json(&text) {
            plans.push((file.display().to_string(), plan));
        }
    }
    plans
}

fn json_files_under(dir: &std::path::Path, files: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            json_files_under(&path, files);
        } else if path.extension().is_some_and(|e| e == "json") {
            files.push(path);
        }
    }
}

/// Every finding of every plan above names a field the designer has a control for, and a value
/// the plan has: the path resolves to a node of the plan (a list row that exists, a field the
/// model has), so choosing the finding leads somewhere. (Each rule's own tests check their paths
/// too: see `rules::testing::assert_fires`.)
#[test]
fn every_finding_leads_to_a_control_and_a_value() {
    let plans = plans_with_findings();
    assert!(plans.len() >= 15, "only {} plans", plans.len());
    let mut rules = std::collections::BTreeSet::new();
    for (name, plan) in plans {
        for finding in crate::rules::check(&plan) {
            let (rule, path) = (&finding.rule, &finding.path);
            assert!(
                control_for(path).is_some(),
                "{name}: {rule} at {path} has no control"
            );
            assert!(
                at(&plan, path.as_str()).is_some(),
                "{name}: {rule} at {path} is not a value of the plan"
            );
            rules.insert(finding.rule.to_string());
        }
    }
    assert!(
        rules.len() >= 15,
        "only {} rules fired: {rules:?}",
        rules.len()
    );
}
