//! Tier rules: tiers exist, are staffed on a known calendar, and respond within the SLA they serve.
//! A tier handles the default priorities of the categories routed to it.

use super::util::{missing, who, Clocks, Map, Names, Promise};
use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::{MetricTarget, Plan, Target};

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
    explanation: "A category of this priority is routed to the tier, but the tier's own response target is slower than the first response every customer is promised for that priority (the most lenient SLA policy's), so those tickets breach by design. Faster contract levels are not compared: they are usually met by the first line or an on-call rota. Speed up the tier, or route the category elsewhere.",
};

pub(crate) const RULES: &[RuleInfo] = &[NONE, HOURS, SLOWER_THAN_SLA];

/// The first response a tier must meet for what it handles, and which category asks for it.
struct Demand<'a> {
    priority: &'a str,
    promise: Promise<'a>,
    category: &'a str,
}

/// The slowest first response any policy promises a priority: what every customer gets at least.
/// `None` when some policy promises none (best effort, or no target) or a clock is unknown.
fn least_promised<'a>(plan: &'a Plan, clocks: &Clocks, priority: &str) -> Option<Promise<'a>> {
    let mut least: Option<Promise> = None;
    for policy in &plan.sla {
        let Some(row) = policy.target_for(priority) else {
            continue;
        };
        let promise = Promise::of(clocks, &row.first_response)?;
        if least.is_none_or(|known| promise.minutes > known.minutes) {
            least = Some(promise);
        }
    }
    least
}

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    if plan.tiers.is_empty() {
        findings.push(NONE.at(
            Path::field("tiers"),
            "The plan has no support tiers.".into(),
            "Add tiers: Self-Service, Tier 1, Tier 2, Tier 3 and Executive.".into(),
        ));
        return;
    }
    let names = Names::of(plan);
    let clocks = Clocks::of(plan);
    let mut promised: Map<&str, Option<Promise>> = Map::default();
    // What each tier is asked for, category by category.
    let mut demand: Map<&str, Vec<Demand>> = Map::default();
    for category in &plan.taxonomy {
        let promise = *promised
            .entry(category.priority.as_str())
            .or_insert_with(|| least_promised(plan, &clocks, &category.priority));
        if let Some(promise) = promise {
            demand.entry(&category.route_to).or_default().push(Demand {
                priority: &category.priority,
                promise,
                category: &category.name,
            });
        }
    }
    for (index, tier) in plan.tiers.iter().enumerate() {
        if !names.calendars.contains(tier.hours.as_str()) {
            findings.push(HOURS.at(
                Path::field("tiers").at(index).then("hours"),
                format!(
                    "{} {}.",
                    who("Tier", index, &tier.name),
                    missing("calendar", &tier.hours)
                ),
                "Choose one of the plan's calendars, or 24/7.".into(),
            ));
        }
        // The tier's response as a promise on its own hours: compared only where the answer is
        // certain (one clock, or an SLA on 24/7), so published SLAs are never flagged by guess.
        let response = MetricTarget::new(Target::Within(tier.response), &tier.hours);
        let Some(tier_promise) = Promise::of(&clocks, &response) else {
            continue;
        };
        let asks = demand
            .get(tier.name.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        if let Some(asked) = asks
            .iter()
            .find(|asked| tier_promise.never_before(&asked.promise, true))
        {
            findings.push(SLOWER_THAN_SLA.at(
                Path::field("tiers").at(index).then("response"),
                format!(
                    "{} responds within {}, but it handles {} tickets (category \"{}\") whose first response target is {}.",
                    who("Tier", index, &tier.name),
                    tier_promise.words(),
                    asked.priority,
                    asked.category,
                    asked.promise.words()
                ),
                format!(
                    "Bring {}'s response down to {} or less, or route \"{}\" to a faster tier.",
                    who("Tier", index, &tier.name),
                    asked.promise.words(),
                    asked.category
                ),
            ));
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

    /// A published SLA's Enterprise level answers Critical in 15 minutes while everyone else
    /// gets 30: Tier 1's 30 minutes meets what every customer is promised, so it is not flagged.
    #[test]
    fn faster_contract_levels_do_not_flag_a_tier() {
        let mut plan = valid_plan();
        let mut enterprise = plan.sla[0].clone();
        enterprise.name = "Enterprise".into();
        enterprise.applies_to.segments = vec!["enterprise".into()];
        enterprise.targets[0].first_response.target = "15m".parse().unwrap();
        enterprise.targets[0].warn_before = None;
        plan.sla.insert(0, enterprise);
        assert_quiet(&plan, "TIER-003");
        // Best effort for everyone else: nothing to be slower than.
        plan.sla[1].targets[0].first_response.target = crate::plan::Target::BestEffort;
        plan.tiers[1].response = Duration::hours(1);
        assert_quiet(&plan, "TIER-003");
    }
}
