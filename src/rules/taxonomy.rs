//! Taxonomy rules: each category has types, a priority and a tier that exist, and keywords that
//! point to one category only. Category volume shares, when given, add up to 100 %.

use super::util::{missing, percent, total_off_100, who, Map, NameKey, Names};
use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::Plan;

const ROUTE: RuleInfo = RuleInfo {
    id: "TAX-002",
    severity: Severity::Error,
    title: "Category routed to a tier that doesn't exist",
    explanation: "Tickets in this category go to a tier the plan doesn't define, so nobody owns them. Choose one of the plan's tiers.",
};
const PRIORITY: RuleInfo = RuleInfo {
    id: "TAX-003",
    severity: Severity::Error,
    title: "Category uses a priority that doesn't exist",
    explanation: "A category's default priority must be one of the plan's priorities, or its tickets get no SLA. Pick one from the list.",
};
const NO_TYPES: RuleInfo = RuleInfo {
    id: "TAX-004",
    severity: Severity::Warning,
    title: "Category has no types",
    explanation: "Types say what falls in a category (\"Refund\", \"Invoice question\"); without them agents guess and reporting blurs. List the types.",
};
const SHARES: RuleInfo = RuleInfo {
    id: "TAX-005",
    severity: Severity::Warning,
    title: "Category volume shares don't add up to 100 %",
    explanation: "Once any category has a share of tickets, the shares drive the priority mix of forecasts and should add up to 100 % (within half a percent). Leave them all at 0 if unknown.",
};
const KEYWORD: RuleInfo = RuleInfo {
    id: "TAX-006",
    severity: Severity::Warning,
    title: "Keyword used by two categories",
    explanation: "Auto-categorisation files a ticket by its keywords; a keyword in two categories sends the same ticket either way. Keep each keyword in one category.",
};

pub(crate) const RULES: &[RuleInfo] = &[ROUTE, PRIORITY, NO_TYPES, SHARES, KEYWORD];

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let names = Names::of(plan);
    let mut keyword_owner: Map<NameKey, usize> = Map::default();
    for (index, category) in plan.taxonomy.iter().enumerate() {
        let at = |field: &str| Path::field("taxonomy").at(index).then(field);
        let name = who("Category", index, &category.name);
        if !names.tiers.contains(category.route_to.as_str()) {
            findings.push(ROUTE.at(
                at("route_to"),
                format!("{name} {}.", missing("tier", &category.route_to)),
                "Route it to one of the plan's tiers.".into(),
            ));
        }
        if !names.priorities.contains(category.priority.as_str()) {
            findings.push(PRIORITY.at(
                at("priority"),
                format!("{name} {}.", missing("priority", &category.priority)),
                "Pick its default priority from the plan's priorities.".into(),
            ));
        }
        if category.types.iter().all(|t| t.trim().is_empty()) {
            findings.push(NO_TYPES.at(
                at("types"),
                format!("{name} has no ticket types."),
                "List the kinds of ticket that belong here.".into(),
            ));
        }
        for (position, keyword) in category.keywords.iter().enumerate() {
            let key = NameKey::new(keyword);
            if key.is_empty() {
                continue;
            }
            match keyword_owner.get(&key) {
                Some(&owner) if owner != index => findings.push(
                    KEYWORD.at(
                        Path::field("taxonomy")
                            .at(index)
                            .then("keywords")
                            .at(position),
                        format!(
                            "The keyword \"{}\" files tickets under two categories: {} and {}.",
                            keyword.trim(),
                            category_label(owner, &plan.taxonomy[owner].name),
                            category_label(index, &category.name),
                        ),
                        "Keep the keyword in one category, or make it more specific.".into(),
                    ),
                ),
                Some(_) => {}
                None => {
                    keyword_owner.insert(key, index);
                }
            }
        }
    }
    let any_share = plan.taxonomy.iter().any(|c| c.volume_share != 0.0);
    let off = total_off_100(plan.taxonomy.iter().map(|c| c.volume_share));
    if let (Some(total), true) = (off, any_share) {
        findings.push(SHARES.at(
            Path::field("taxonomy").at(0).then("volume_share"),
            format!("Category volume shares add up to {}, not 100 %.", percent(total)),
            "Adjust the shares so they total 100 %, or set them all to 0 if you don't know them yet.".into(),
        ));
    }
}

/// A category as a list of two names it: `"Billing"`, or `category 4` when it has no name.
fn category_label(index: usize, name: &str) -> String {
    if name.trim().is_empty() {
        format!("category {}", index + 1)
    } else {
        format!("\"{}\"", name.trim())
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_quiet, valid_plan};

    #[test]
    fn category_routes_to_an_existing_tier() {
        let mut plan = valid_plan();
        plan.taxonomy[2].route_to = "Tier 4".into();
        let finding = assert_fires(&plan, "TAX-002", "taxonomy[2].route_to");
        assert_eq!(
            finding.message,
            "Category \"How-to\" uses the tier \"Tier 4\", which the plan doesn't define."
        );
        plan.taxonomy[2].route_to = "Tier 2".into();
        assert_quiet(&plan, "TAX-002");
    }

    #[test]
    fn category_priority_exists() {
        let mut plan = valid_plan();
        plan.taxonomy[1].priority = "Urgent".into();
        assert_fires(&plan, "TAX-003", "taxonomy[1].priority");
        plan.taxonomy[1].priority = "High".into();
        assert_quiet(&plan, "TAX-003");
    }

    #[test]
    fn category_has_types() {
        let mut plan = valid_plan();
        plan.taxonomy[3].types = vec![" ".into()];
        assert_fires(&plan, "TAX-004", "taxonomy[3].types");
        plan.taxonomy[3].types = vec!["Integration".into()];
        assert_quiet(&plan, "TAX-004");
    }

    #[test]
    fn category_shares_add_up_when_given() {
        let mut plan = valid_plan();
        plan.taxonomy[0].volume_share = 30.0;
        let finding = assert_fires(&plan, "TAX-005", "taxonomy[0].volume_share");
        assert!(finding.message.contains("120 %"));
        for category in &mut plan.taxonomy {
            category.volume_share = 0.0;
        }
        assert_quiet(&plan, "TAX-005");
    }

    #[test]
    fn keyword_belongs_to_one_category() {
        let mut plan = valid_plan();
        plan.taxonomy[3].keywords.push("Invoice".into());
        let finding = assert_fires(&plan, "TAX-006", "taxonomy[3].keywords[1]");
        assert!(finding
            .message
            .contains("two categories: \"Billing\" and \"Feature request\""));
        plan.taxonomy[3].name = " ".into();
        let finding = assert_fires(&plan, "TAX-006", "taxonomy[3].keywords[1]");
        assert!(
            finding.message.ends_with("\"Billing\" and category 4."),
            "{}",
            finding.message
        );
        plan.taxonomy[3].keywords[1] = "roadmap".into();
        assert_quiet(&plan, "TAX-006");
    }
}
