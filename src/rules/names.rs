//! Name rules: things other fields refer to by name must have one, and only one thing per name.
//! Names compare trimmed and case-insensitively, since "Tier 1" and "tier 1 " read the same to people.

use super::util::repeats;
use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::Plan;

const PRIORITY: RuleInfo = RuleInfo {
    id: "NAME-001",
    severity: Severity::Error,
    title: "Two priorities with the same name",
    explanation: "SLA rows, categories and escalations pick a priority by name; with two of the same name nobody can tell which one is meant. Rename or remove one.",
};
const TIER: RuleInfo = RuleInfo {
    id: "NAME-002",
    severity: Severity::Error,
    title: "Two tiers with the same name",
    explanation: "Channels and categories route to a tier by name; two tiers with one name make routing ambiguous. Rename or remove one.",
};
const CHANNEL: RuleInfo = RuleInfo {
    id: "NAME-003",
    severity: Severity::Error,
    title: "Two channels with the same name",
    explanation: "Each channel gets its own hours, volume and staffing; two with one name get mixed up in reports and exports. Merge them or rename one.",
};
const CATEGORY: RuleInfo = RuleInfo {
    id: "NAME-004",
    severity: Severity::Error,
    title: "Two categories with the same name",
    explanation: "Agents and auto-categorisation pick a category by name; two with one name split the reporting. Merge them or rename one.",
};
const CALENDAR: RuleInfo = RuleInfo {
    id: "NAME-005",
    severity: Severity::Error,
    title: "Two calendars with the same name",
    explanation: "SLA targets, channels and tiers point at a calendar by name; with two of one name only the first is ever used. Rename or remove one.",
};
const TYPE: RuleInfo = RuleInfo {
    id: "NAME-006",
    severity: Severity::Warning,
    title: "A ticket type listed twice in one category",
    explanation: "The same type appears twice in a category, which doubles it in the helpdesk's pick list. Remove the repeat.",
};
const UNNAMED: RuleInfo = RuleInfo {
    id: "NAME-007",
    severity: Severity::Error,
    title: "Something has no name",
    explanation: "A priority, tier, channel, category or calendar without a name cannot be referred to or shown in the plan. Give it a name or remove it.",
};

pub(crate) const RULES: &[RuleInfo] = &[PRIORITY, TIER, CHANNEL, CATEGORY, CALENDAR, TYPE, UNNAMED];

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let lists: [(&RuleInfo, &str, &str, Vec<&str>); 5] = [
        (
            &CALENDAR,
            "calendars",
            "calendar",
            plan.calendars.iter().map(|c| c.name.as_str()).collect(),
        ),
        (
            &PRIORITY,
            "priorities",
            "priority",
            plan.priorities.iter().map(|p| p.name.as_str()).collect(),
        ),
        (
            &CHANNEL,
            "channels",
            "channel",
            plan.channels.iter().map(|c| c.name.as_str()).collect(),
        ),
        (
            &TIER,
            "tiers",
            "tier",
            plan.tiers.iter().map(|t| t.name.as_str()).collect(),
        ),
        (
            &CATEGORY,
            "taxonomy",
            "category",
            plan.taxonomy.iter().map(|c| c.name.as_str()).collect(),
        ),
    ];
    for (rule, field, kind, names) in lists {
        for (index, name) in names.iter().enumerate() {
            if name.trim().is_empty() {
                findings.push(UNNAMED.at(
                    Path::field(field).at(index).then("name"),
                    format!("{} {} has no name.", capitalised(kind), index + 1),
                    format!("Name this {kind}, or remove it if it isn't needed."),
                ));
            }
        }
        for (index, first) in repeats(names.iter().copied()) {
            findings.push(rule.at(
                Path::field(field).at(index).then("name"),
                format!(
                    "Two {kind} entries are called \"{}\" ({kind} {} and {kind} {}).",
                    names[index].trim(),
                    first + 1,
                    index + 1
                ),
                format!("Rename or remove {kind} {}.", index + 1),
            ));
        }
    }
    for (index, category) in plan.taxonomy.iter().enumerate() {
        for (type_index, _) in repeats(category.types.iter().map(String::as_str)) {
            findings.push(
                TYPE.at(
                    Path::field("taxonomy")
                        .at(index)
                        .then("types")
                        .at(type_index),
                    format!(
                        "Category \"{}\" lists the type \"{}\" twice.",
                        category.name,
                        category.types[type_index].trim()
                    ),
                    "Remove the repeated type.".into(),
                ),
            );
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_quiet, business_hours, valid_plan};

    #[test]
    fn priority_names_are_unique() {
        let mut plan = valid_plan();
        plan.priorities[3].name = "high".into();
        let finding = assert_fires(&plan, "NAME-001", "priorities[3].name");
        assert!(
            finding.message.contains("priority 2 and priority 4"),
            "{}",
            finding.message
        );
        plan.priorities[3].name = "Low".into();
        assert_quiet(&plan, "NAME-001");
    }

    #[test]
    fn tier_names_are_unique() {
        let mut plan = valid_plan();
        plan.tiers[2].name = "Tier 1 ".into();
        assert_fires(&plan, "NAME-002", "tiers[2].name");
        plan.tiers[2].name = "Tier 2".into();
        assert_quiet(&plan, "NAME-002");
    }

    #[test]
    fn channel_names_are_unique() {
        let mut plan = valid_plan();
        plan.channels[2].name = "EMAIL".into();
        assert_fires(&plan, "NAME-003", "channels[2].name");
        plan.channels[2].name = "Phone".into();
        assert_quiet(&plan, "NAME-003");
    }

    #[test]
    fn category_names_are_unique() {
        let mut plan = valid_plan();
        plan.taxonomy[3].name = "Billing".into();
        assert_fires(&plan, "NAME-004", "taxonomy[3].name");
        plan.taxonomy[3].name = "Feature request".into();
        assert_quiet(&plan, "NAME-004");
    }

    #[test]
    fn calendar_names_are_unique() {
        let mut plan = valid_plan();
        plan.calendars.push(business_hours());
        assert_fires(&plan, "NAME-005", "calendars[1].name");
        plan.calendars[1].name = "Weekend".into();
        assert_quiet(&plan, "NAME-005");
    }

    #[test]
    fn types_within_a_category_are_unique() {
        let mut plan = valid_plan();
        plan.taxonomy[1].types.push("Billing Question".into());
        assert_fires(&plan, "NAME-006", "taxonomy[1].types[2]");
        plan.taxonomy[1].types[2] = "Refund".into();
        assert_quiet(&plan, "NAME-006");
    }

    #[test]
    fn everything_named_has_a_name() {
        let mut plan = valid_plan();
        plan.tiers[4].name.clear();
        let finding = assert_fires(&plan, "NAME-007", "tiers[4].name");
        assert_eq!(finding.message, "Tier 5 has no name.");
        plan.tiers[4].name = "Executive".into();
        assert_quiet(&plan, "NAME-007");
    }
}
