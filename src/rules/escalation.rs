//! Escalation rules: every escalation fires before the SLA it guards is breached, goes to someone,
//! tells someone, and the matrix has executive and crisis paths.

use super::util::{missing, same_name, Map, Names};
use super::{Finding, RuleInfo, Severity};
use crate::plan::{Duration, EscalationPath, EscalationRule, Plan, SlaMetric, SlaTarget};

const AFTER_BREACH: RuleInfo = RuleInfo {
    id: "ESC-002",
    severity: Severity::Error,
    title: "Escalation fires after the SLA is already breached",
    explanation: "An escalation guarding an SLA target must fire before the target runs out, or it only reports a breach that already happened. Bring its timeframe under the target (for example at 75 % of it).",
};
const UNKNOWN_PRIORITY: RuleInfo = RuleInfo {
    id: "ESC-003",
    severity: Severity::Error,
    title: "Escalation for a priority that doesn't exist",
    explanation: "The escalation guards a priority the plan doesn't define, so it never fires. Pick one of the plan's priorities.",
};
const NO_NEXT_RESPONSE: RuleInfo = RuleInfo {
    id: "ESC-004",
    severity: Severity::Warning,
    title: "Escalation guards a next-response target that isn't set",
    explanation: "The escalation watches the next-response clock, but that priority's SLA has no next-response target. Set one, or guard first response or resolution instead.",
};
const NO_EXECUTIVE: RuleInfo = RuleInfo {
    id: "ESC-005",
    severity: Severity::Warning,
    title: "No executive escalation path",
    explanation: "When your most urgent tickets go wrong, leadership must hear about it from support before the customer's executive calls theirs. Add an escalation on the Executive path.",
};
const NO_CRISIS: RuleInfo = RuleInfo {
    id: "ESC-006",
    severity: Severity::Warning,
    title: "No crisis path",
    explanation: "Outages and security incidents hit many customers at once and need their own path (incident lead, status page, leadership). Add an escalation on the Crisis path.",
};
const NOBODY: RuleInfo = RuleInfo {
    id: "ESC-007",
    severity: Severity::Error,
    title: "Escalation to nobody",
    explanation:
        "Each escalation names the role that takes the ticket over. Fill in who it escalates to.",
};
const NOBODY_TOLD: RuleInfo = RuleInfo {
    id: "ESC-008",
    severity: Severity::Warning,
    title: "Escalation notifies nobody",
    explanation: "An escalation nobody hears about changes nothing. List who is notified.",
};
const OWNER_NOT_TOLD: RuleInfo = RuleInfo {
    id: "ESC-009",
    severity: Severity::Info,
    title: "Role escalated to is not notified",
    explanation: "The ticket moves to a person or role that isn't on the notification list. Unless the helpdesk assigns it to them directly, add them to the list so they know. A tier of the plan needn't be listed: the ticket lands in its queue.",
};
const NO_HANDOFF: RuleInfo = RuleInfo {
    id: "ESC-010",
    severity: Severity::Warning,
    title: "No handoff protocol",
    explanation: "Say what every handoff between tiers must carry (summary, steps tried, customer impact), so customers don't repeat themselves.",
};
const NO_TRIGGER: RuleInfo = RuleInfo {
    id: "ESC-011",
    severity: Severity::Warning,
    title: "Escalation without a trigger",
    explanation:
        "Describe the condition that sets the escalation off, in words, so agents recognise it.",
};
const MOST_URGENT_UNGUARDED: RuleInfo = RuleInfo {
    id: "ESC-012",
    severity: Severity::Warning,
    title: "Most urgent priority has no escalation",
    explanation: "No escalation guards the SLA of the most urgent priority, so a stuck ticket of that priority breaches silently. Add one that fires before its first response target.",
};

pub(crate) const RULES: &[RuleInfo] = &[
    AFTER_BREACH,
    UNKNOWN_PRIORITY,
    NO_NEXT_RESPONSE,
    NO_EXECUTIVE,
    NO_CRISIS,
    NOBODY,
    NOBODY_TOLD,
    OWNER_NOT_TOLD,
    NO_HANDOFF,
    NO_TRIGGER,
    MOST_URGENT_UNGUARDED,
];

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let names = Names::of(plan);
    let mut sla_of: Map<&str, &SlaTarget> = Map::default();
    for target in &plan.sla {
        sla_of.entry(target.priority.as_str()).or_insert(target);
    }
    for (index, rule) in plan.escalation.rules.iter().enumerate() {
        let at = |field: &str| format!("escalation.rules[{index}].{field}");
        let trigger = describe(rule, index);
        if rule.trigger.trim().is_empty() {
            findings.push(NO_TRIGGER.at(
                at("trigger"),
                format!("Escalation {} has no trigger.", index + 1),
                "Describe the condition, like \"Critical ticket without first response\".".into(),
            ));
        }
        if rule.escalate_to.trim().is_empty() {
            findings.push(NOBODY.at(
                at("escalate_to"),
                format!("{trigger} doesn't say who it escalates to."),
                "Name the role that takes over, like Support Manager or On-call engineer.".into(),
            ));
        }
        let to_a_tier = names.tiers.contains(rule.escalate_to.trim());
        check_notify(rule, index, &trigger, to_a_tier, findings);
        let Some(priority) = &rule.priority else {
            continue;
        };
        if !names.priorities.contains(priority.as_str()) {
            findings.push(UNKNOWN_PRIORITY.at(
                at("priority"),
                format!("{trigger} {}.", missing("priority", priority)),
                "Pick one of the plan's priorities.".into(),
            ));
            continue;
        }
        let Some(target) = sla_of.get(priority.as_str()) else {
            continue;
        };
        let guarded = match rule.metric {
            SlaMetric::FirstResponse => target.first_response,
            SlaMetric::Resolution => target.resolution,
            SlaMetric::NextResponse => match target.next_response {
                Some(next) => next,
                None => {
                    findings.push(NO_NEXT_RESPONSE.at(
                        at("metric"),
                        format!("{trigger} watches {priority}'s next response, but {priority} has no next-response target."),
                        format!("Set a next-response target for {priority}, or guard its first response or resolution."),
                    ));
                    continue;
                }
            },
        };
        check_timing(rule, index, &trigger, guarded, findings);
    }
    check_paths(plan, &sla_of, findings);
}

/// How a message names an escalation: by its trigger, or its position when it has none.
fn describe(rule: &EscalationRule, index: usize) -> String {
    if rule.trigger.trim().is_empty() {
        format!("Escalation {}", index + 1)
    } else {
        format!("The escalation \"{}\"", rule.trigger.trim())
    }
}

/// Who is told. A ticket escalated to a tier lands in that tier's queue, so the tier itself
/// need not be on the list; a person or role must be.
fn check_notify(
    rule: &EscalationRule,
    index: usize,
    trigger: &str,
    to_a_tier: bool,
    findings: &mut Vec<Finding>,
) {
    let path = format!("escalation.rules[{index}].notify");
    let told: Vec<&String> = rule
        .notify
        .iter()
        .filter(|n| !n.trim().is_empty())
        .collect();
    if told.is_empty() {
        findings.push(NOBODY_TOLD.at(
            path,
            format!("{trigger} notifies nobody."),
            "List who is told when it fires: the role it goes to, the account owner, a manager.".into(),
        ));
    } else if !rule.escalate_to.trim().is_empty()
        && !to_a_tier
        && !told.iter().any(|n| same_name(n, &rule.escalate_to))
    {
        findings.push(OWNER_NOT_TOLD.at(
            path,
            format!(
                "{trigger} goes to {}, who isn't on its notification list.",
                rule.escalate_to.trim()
            ),
            format!("Add {} to the people notified.", rule.escalate_to.trim()),
        ));
    }
}

fn check_timing(
    rule: &EscalationRule,
    index: usize,
    trigger: &str,
    guarded: Duration,
    findings: &mut Vec<Finding>,
) {
    let (fires, limit) = (rule.timeframe.nominal_minutes(), guarded.nominal_minutes());
    if guarded.is_zero() || fires < limit {
        return;
    }
    let priority = rule.priority.as_deref().unwrap_or_default();
    let lateness = if fires == limit {
        "at the very moment it is breached".to_string()
    } else {
        let late = u32::try_from(fires - limit).unwrap_or(u32::MAX);
        format!(
            "{} after it is breached",
            Duration::minutes(late).in_words()
        )
    };
    findings.push(AFTER_BREACH.at(
        format!("escalation.rules[{index}].timeframe"),
        format!(
            "{trigger} fires after {}, but {priority}'s {} target is {}: it fires {lateness}.",
            rule.timeframe.in_words(),
            rule.metric.label(),
            guarded.in_words()
        ),
        format!(
            "Shorten the timeframe to well under {}, e.g. {}.",
            guarded.in_words(),
            Duration::minutes(u32::try_from(limit * 3 / 4).unwrap_or(u32::MAX)).in_words()
        ),
    ));
}

fn check_paths(plan: &Plan, sla_of: &Map<&str, &SlaTarget>, findings: &mut Vec<Finding>) {
    let escalation = &plan.escalation;
    if escalation.rules.is_empty() {
        return;
    }
    let has = |path: EscalationPath| escalation.rules.iter().any(|r| r.path == path);
    let most_urgent = plan
        .priorities
        .iter()
        .find(|p| p.name.eq_ignore_ascii_case("critical"))
        .or(plan.priorities.first());
    if let Some(urgent) = most_urgent {
        if !has(EscalationPath::Executive) {
            findings.push(NO_EXECUTIVE.at(
                "escalation.rules",
                format!("The plan has {} tickets but no executive escalation path.", urgent.name),
                format!("Add an Executive-path escalation, e.g. \"{} unresolved\" to the VP of Support.", urgent.name),
            ));
        }
    }
    if !has(EscalationPath::Crisis) {
        findings.push(NO_CRISIS.at(
            "escalation.rules",
            "The escalation matrix has no crisis path.".into(),
            "Add a Crisis-path escalation for outages or security incidents, with who leads and who is told.".into(),
        ));
    }
    if escalation
        .handoff_protocol
        .iter()
        .all(|step| step.trim().is_empty())
    {
        findings.push(NO_HANDOFF.at(
            "escalation.handoff_protocol",
            "The plan has no handoff protocol.".into(),
            "List what each handoff carries: issue summary, steps tried, customer impact, next action.".into(),
        ));
    }
    if let Some(first) = plan.priorities.first() {
        let guarded = escalation
            .rules
            .iter()
            .any(|r| r.priority.as_deref() == Some(first.name.as_str()));
        if sla_of.contains_key(first.name.as_str()) && !guarded {
            findings.push(MOST_URGENT_UNGUARDED.at(
                "escalation.rules",
                format!("No escalation guards the {} SLA.", first.name),
                format!(
                    "Add an escalation for {} that fires before its first response target.",
                    first.name
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::{EscalationPath, SlaMetric};
    use crate::rules::testing::{assert_fires, assert_quiet, duration, escalation, valid_plan};

    #[test]
    fn escalation_fires_before_the_breach() {
        let mut plan = valid_plan();
        plan.escalation.rules[0].timeframe = duration("45m");
        let finding = assert_fires(&plan, "ESC-002", "escalation.rules[0].timeframe");
        assert_eq!(
            finding.message,
            "The escalation \"Critical ticket without first response\" fires after 45 min, but Critical's first response target is 30 min: it fires 15 min after it is breached."
        );
        plan.escalation.rules[0].timeframe = duration("20m");
        assert_quiet(&plan, "ESC-002");
    }

    #[test]
    fn escalation_at_the_breach_is_too_late() {
        let mut plan = valid_plan();
        plan.escalation.rules[1].timeframe = duration("4h");
        let finding = assert_fires(&plan, "ESC-002", "escalation.rules[1].timeframe");
        assert!(finding
            .message
            .contains("at the very moment it is breached"));
        plan.escalation.rules[1].timeframe = duration("3h");
        assert_quiet(&plan, "ESC-002");
    }

    #[test]
    fn escalation_priority_exists() {
        let mut plan = valid_plan();
        plan.escalation.rules[0].priority = Some("P1".into());
        assert_fires(&plan, "ESC-003", "escalation.rules[0].priority");
        plan.escalation.rules[0].priority = Some("Critical".into());
        assert_quiet(&plan, "ESC-003");
    }

    #[test]
    fn next_response_escalation_needs_a_next_response_target() {
        let mut plan = valid_plan();
        plan.escalation.rules.push(escalation(
            "High ticket waiting on us",
            Some("High"),
            SlaMetric::NextResponse,
            "Team lead",
            "3h",
            EscalationPath::Standard,
        ));
        assert_fires(&plan, "ESC-004", "escalation.rules[3].metric");
        plan.sla[1].next_response = Some(duration("4h"));
        assert_quiet(&plan, "ESC-004");
        assert_quiet(&plan, "ESC-002");
    }

    #[test]
    fn critical_needs_an_executive_path() {
        let mut plan = valid_plan();
        plan.escalation.rules[1].path = EscalationPath::Standard;
        let finding = assert_fires(&plan, "ESC-005", "escalation.rules");
        assert!(finding.message.contains("Critical tickets"));
        plan.escalation.rules[1].path = EscalationPath::Executive;
        assert_quiet(&plan, "ESC-005");
    }

    #[test]
    fn matrix_needs_a_crisis_path() {
        let mut plan = valid_plan();
        plan.escalation.rules[2].path = EscalationPath::Standard;
        assert_fires(&plan, "ESC-006", "escalation.rules");
        plan.escalation.rules[2].path = EscalationPath::Crisis;
        assert_quiet(&plan, "ESC-006");
    }

    #[test]
    fn escalation_goes_to_someone() {
        let mut plan = valid_plan();
        plan.escalation.rules[2].escalate_to = " ".into();
        assert_fires(&plan, "ESC-007", "escalation.rules[2].escalate_to");
        plan.escalation.rules[2].escalate_to = "Incident commander".into();
        assert_quiet(&plan, "ESC-007");
    }

    #[test]
    fn escalation_tells_someone() {
        let mut plan = valid_plan();
        plan.escalation.rules[0].notify.clear();
        assert_fires(&plan, "ESC-008", "escalation.rules[0].notify");
        plan.escalation.rules[0].notify = vec!["Support Manager".into()];
        assert_quiet(&plan, "ESC-008");
    }

    #[test]
    fn role_escalated_to_is_told() {
        let mut plan = valid_plan();
        plan.escalation.rules[1].notify = vec!["Account executive".into()];
        let finding = assert_fires(&plan, "ESC-009", "escalation.rules[1].notify");
        assert!(finding
            .message
            .contains("goes to VP Support, who isn't on its notification list"));
        plan.escalation.rules[1].notify.push("vp support".into());
        assert_quiet(&plan, "ESC-009");
    }

    #[test]
    fn a_tier_escalated_to_needs_no_notification() {
        let mut plan = valid_plan();
        plan.escalation.rules[0].escalate_to = "Tier 2".into();
        assert_quiet(&plan, "ESC-009");
    }

    #[test]
    fn matrix_has_a_handoff_protocol() {
        let mut plan = valid_plan();
        plan.escalation.handoff_protocol.clear();
        assert_fires(&plan, "ESC-010", "escalation.handoff_protocol");
        plan.escalation
            .handoff_protocol
            .push("Summarise the issue".into());
        assert_quiet(&plan, "ESC-010");
    }

    #[test]
    fn escalation_has_a_trigger() {
        let mut plan = valid_plan();
        plan.escalation.rules[2].trigger.clear();
        assert_fires(&plan, "ESC-011", "escalation.rules[2].trigger");
        plan.escalation.rules[2].trigger = "Outage".into();
        assert_quiet(&plan, "ESC-011");
    }

    #[test]
    fn most_urgent_priority_is_guarded() {
        let mut plan = valid_plan();
        for rule in &mut plan.escalation.rules {
            rule.priority = None;
        }
        assert_fires(&plan, "ESC-012", "escalation.rules");
        plan.escalation.rules[0].priority = Some("Critical".into());
        assert_quiet(&plan, "ESC-012");
    }
}
