//! Priority rules: the plan defines priorities, and every priority in use has SLA targets.
//! A priority's position is its urgency, so SLA ordering is checked in `sla.rs`.

use super::util::{Map, Set};
use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::Plan;

const NONE: RuleInfo = RuleInfo {
    id: "PRI-001",
    severity: Severity::Error,
    title: "No priorities",
    explanation: "Without priority levels there are no SLA targets to promise and nothing to escalate. Add them, most urgent first (e.g. Critical, High, Normal, Low).",
};
const USED_WITHOUT_SLA: RuleInfo = RuleInfo {
    id: "PRI-002",
    severity: Severity::Error,
    title: "Priority in use has no SLA target",
    explanation: "A category, channel or escalation uses this priority, but no SLA policy has a row for it, so its tickets have no targets at all. Add the SLA row (it may say \"best effort\").",
};
const UNUSED_WITHOUT_SLA: RuleInfo = RuleInfo {
    id: "PRI-003",
    severity: Severity::Warning,
    title: "Priority has no SLA target",
    explanation: "Agents can still set this priority by hand, and such tickets would have no target. Add an SLA row for it, or remove the priority.",
};

pub(crate) const RULES: &[RuleInfo] = &[NONE, USED_WITHOUT_SLA, UNUSED_WITHOUT_SLA];

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    if plan.priorities.is_empty() {
        findings.push(NONE.at(
            Path::field("priorities"),
            "The plan defines no priorities.".into(),
            "Add priorities, most urgent first: Critical, High, Normal, Low.".into(),
        ));
        return;
    }
    let with_sla: Set<&str> = plan
        .sla
        .iter()
        .flat_map(|policy| &policy.targets)
        .map(|s| s.priority.as_str())
        .collect();
    // Who uses each priority, first user wins: a category, or else an escalation.
    let mut used_by: Map<&str, String> = Map::default();
    for category in &plan.taxonomy {
        used_by
            .entry(category.priority.as_str())
            .or_insert_with(|| format!("category \"{}\"", category.name));
    }
    for channel in plan
        .channels
        .iter()
        .filter(|c| !c.default_priority.is_empty())
    {
        used_by
            .entry(channel.default_priority.as_str())
            .or_insert_with(|| format!("channel \"{}\"", channel.name));
    }
    for rule in &plan.escalation.rules {
        if let Some(priority) = &rule.priority {
            used_by
                .entry(priority.as_str())
                .or_insert_with(|| format!("the escalation \"{}\"", rule.trigger));
        }
    }
    for (index, priority) in plan.priorities.iter().enumerate() {
        if priority.name.trim().is_empty() || with_sla.contains(priority.name.as_str()) {
            continue;
        }
        let path = Path::field("priorities").at(index).then("name");
        let hint = format!(
            "Add an SLA row for {} with its first response and resolution targets.",
            priority.name
        );
        match used_by.get(priority.name.as_str()) {
            Some(user) => findings.push(USED_WITHOUT_SLA.at(
                path,
                format!("{} is used by {user} but has no SLA target.", priority.name),
                hint,
            )),
            None if !with_sla.is_empty() => findings.push(UNUSED_WITHOUT_SLA.at(
                path,
                format!("{} has no SLA target.", priority.name),
                hint,
            )),
            None => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_quiet, sla, valid_plan};

    #[test]
    fn plan_needs_priorities() {
        let mut plan = valid_plan();
        plan.priorities.clear();
        assert_fires(&plan, "PRI-001", "priorities");
        assert_quiet(&valid_plan(), "PRI-001");
    }

    #[test]
    fn priority_used_by_a_category_needs_an_sla_row() {
        let mut plan = valid_plan();
        plan.sla[0].targets.remove(1);
        let finding = assert_fires(&plan, "PRI-002", "priorities[1].name");
        assert_eq!(
            finding.message,
            "High is used by category \"Billing\" but has no SLA target."
        );
        plan.sla[0].targets.push(sla("High", "2h", "1d", "24/7"));
        assert_quiet(&plan, "PRI-002");
    }

    #[test]
    fn priority_used_by_an_escalation_needs_an_sla_row() {
        let mut plan = valid_plan();
        plan.taxonomy.remove(0);
        plan.sla[0].targets.remove(0);
        let finding = assert_fires(&plan, "PRI-002", "priorities[0].name");
        assert!(finding
            .message
            .contains("the escalation \"Critical ticket without first response\""));
        plan.sla[0]
            .targets
            .push(sla("Critical", "30m", "4h", "24/7"));
        assert_quiet(&plan, "PRI-002");
    }

    #[test]
    fn priority_a_channel_defaults_to_needs_an_sla_row() {
        let mut plan = valid_plan();
        plan.taxonomy.pop();
        plan.sla[0].targets.pop();
        plan.channels[1].default_priority = "Low".into();
        let finding = assert_fires(&plan, "PRI-002", "priorities[3].name");
        assert!(
            finding.message.contains("channel \"Email\""),
            "{}",
            finding.message
        );
    }

    #[test]
    fn unused_priority_without_sla_is_a_warning() {
        let mut plan = valid_plan();
        plan.taxonomy.pop();
        plan.sla[0].targets.pop();
        assert_fires(&plan, "PRI-003", "priorities[3].name");
        assert_quiet(&plan, "PRI-002");
        plan.priorities.pop();
        assert_quiet(&plan, "PRI-003");
    }
}
