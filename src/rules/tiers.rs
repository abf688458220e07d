//! Tier rules: tiers exist, are staffed on a known calendar, and respond within the SLA they serve.
//! A tier handles the default priorities of the categories routed to it.

use super::util::{missing, Map, Names};
use super::{Finding, RuleInfo, Severity};
use crate::plan::{Plan, SlaTarget};

const NONE: RuleInfo = RuleInfo {
    id: "TIER-001",
    severity: Severity::Error,
    title: "No tiers",
    explanation: "Channels and categories route tickets to tiers; without any, nothing is owned. Add tiers (Self-Service, Tier 1–3, Executive).",
};
const HOURS: RuleInfo = RuleInfo {
    id: "TIER-002",
    severity: Severity::Error,
    title: "Tier staffed on an unknown calendar",
    explanation: "A tier's hours name a calendar; this one doesn't exist, so nobody knows when the tier is on shift. Pick one of the plan's calendars or 24/7.",
};
const SLOWER_THAN_SLA: RuleInfo = RuleInfo {
    id: "TIER-003",
    severity: Severity::Warning,
    title: "Tier responds slower than the SLA it serves",
    explanation: "A category of this priority is routed to the tier, but the tier's own response target is slower than the priority's SLA first response, so those tickets breach by design. Speed up the tier, or route the category elsewhere.",
};

pub(crate) const RULES: &[RuleInfo] = &[NONE, HOURS, SLOWER_THAN_SLA];

/// The fastest first response a tier is asked for, and by which category and priority.
struct Demand<'a> {
    first_response: &'a SlaTarget,
    category: &'a str,
}

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    if plan.tiers.is_empty() {
        findings.push(NONE.at(
            "tiers",
            "The plan has no support tiers.".into(),
            "Add tiers: Self-Service, Tier 1, Tier 2, Tier 3 and Executive.".into(),
        ));
        return;
    }
    let names = Names::of(plan);
    let mut sla_of: Map<&str, &SlaTarget> = Map::default();
    for target in &plan.sla {
        sla_of.entry(target.priority.as_str()).or_insert(target);
    }
    let mut demand: Map<&str, Demand> = Map::default();
    for category in &plan.taxonomy {
        let Some(&target) = sla_of.get(category.priority.as_str()) else {
            continue;
        };
        let entry = demand.entry(category.route_to.as_str()).or_insert(Demand {
            first_response: target,
            category: &category.name,
        });
        if target.first_response.nominal_minutes()
            < entry.first_response.first_response.nominal_minutes()
        {
            *entry = Demand {
                first_response: target,
                category: &category.name,
            };
        }
    }
    for (index, tier) in plan.tiers.iter().enumerate() {
        if !names.calendars.contains(tier.hours.as_str()) {
            findings.push(HOURS.at(
                format!("tiers[{index}].hours"),
                format!("{} {}.", tier.name, missing("calendar", &tier.hours)),
                "Choose one of the plan's calendars, or 24/7.".into(),
            ));
        }
        if let Some(asked) = demand.get(tier.name.as_str()) {
            let target = asked.first_response;
            if tier.response.nominal_minutes() > target.first_response.nominal_minutes() {
                findings.push(SLOWER_THAN_SLA.at(
                    format!("tiers[{index}].response"),
                    format!(
                        "{} responds within {}, but it handles {} tickets (category \"{}\") whose first response target is {}.",
                        tier.name,
                        tier.response.in_words(),
                        target.priority,
                        asked.category,
                        target.first_response.in_words()
                    ),
                    format!(
                        "Bring {}'s response down to {} or less, or route \"{}\" to a faster tier.",
                        tier.name,
                        target.first_response.in_words(),
                        asked.category
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::Duration;
    use crate::rules::testing::{assert_fires, assert_quiet, valid_plan};

    #[test]
    fn plan_needs_tiers() {
        let mut plan = valid_plan();
        plan.tiers.clear();
        assert_fires(&plan, "TIER-001", "tiers");
        assert_quiet(&valid_plan(), "TIER-001");
    }

    #[test]
    fn tier_hours_name_a_known_calendar() {
        let mut plan = valid_plan();
        plan.tiers[3].hours = "Weekdays".into();
        let finding = assert_fires(&plan, "TIER-002", "tiers[3].hours");
        assert_eq!(
            finding.message,
            "Tier 3 uses the calendar \"Weekdays\", which the plan doesn't define."
        );
        plan.tiers[3].hours = "Business hours".into();
        assert_quiet(&plan, "TIER-002");
    }

    #[test]
    fn tier_responds_within_the_sla_of_what_it_handles() {
        let mut plan = valid_plan();
        plan.tiers[1].response = Duration::hours(1);
        let finding = assert_fires(&plan, "TIER-003", "tiers[1].response");
        assert_eq!(
            finding.message,
            "Tier 1 responds within 1 hour, but it handles Critical tickets (category \"Outage\") whose first response target is 30 min."
        );
        plan.tiers[1].response = Duration::minutes(30);
        assert_quiet(&plan, "TIER-003");
    }
}
