//! Escalation rules: every escalation fires before the SLA it guards is breached, goes to someone,
//! tells someone, and the matrix has executive and crisis paths.

use super::util::{missing, same_name, Clocks, Names, Promise};
use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::{Duration, EscalationPath, EscalationRule, EscalationStart, Plan, SlaPolicy};

const AFTER_BREACH: RuleInfo = RuleInfo {
    id: "ESC-002",
    severity: Severity::Error,
    title: "Escalation fires after the SLA is already breached",
    explanation: "An escalation measured from ticket creation that guards an SLA target must fire before the target runs out, or it only reports a breach that already happened. Bring its timeframe under the target (for example at 75 % of it). To escalate a set time after a breach on purpose (\"tell the director 2 h after\"), measure the timeframe from the breach.",
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
    title: "Escalation guards a target that isn't promised",
    explanation: "The escalation watches an SLA clock (next response, say), but no SLA policy it applies to promises a time for that metric of that priority (it has no target, or best effort), so it never fires. Set a target, or guard another metric.",
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

const UNKNOWN_TIER: RuleInfo = RuleInfo {
    id: "ESC-014",
    severity: Severity::Error,
    title: "Escalation to a tier that doesn't exist",
    explanation: "The escalation hands the ticket to a tier by a name the plan's tiers don't have (\"Tier 4\" in a plan with three), so nobody's queue receives it. Pick one of the plan's tiers, or name the role that takes over.",
};

const UNKNOWN_POLICY: RuleInfo = RuleInfo {
    id: "ESC-013",
    severity: Severity::Error,
    title: "Escalation for an SLA policy that doesn't exist",
    explanation: "The escalation belongs to an SLA policy the plan doesn't define, so it never fires. Pick one of the plan's policies, or leave it for every policy.",
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
    UNKNOWN_POLICY,
    UNKNOWN_TIER,
];

/// Whether a name reads as a tier ("Tier 4", "tier4"), rather than a role.
fn looks_like_a_tier(name: &str) -> bool {
    let lower = name.trim().to_ascii_lowercase();
    lower
        .strip_prefix("tier")
        .map(str::trim_start)
        .is_some_and(|rest| !rest.is_empty() && rest.chars().all(|c| c.is_ascii_digit()))
}

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let names = Names::of(plan);
    let clocks = Clocks::of(plan);
    for (index, rule) in plan.escalation.rules.iter().enumerate() {
        let at = |field: &str| {
            Path::field("escalation")
                .then("rules")
                .at(index)
                .then(field)
        };
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
        if !to_a_tier && looks_like_a_tier(&rule.escalate_to) {
            findings.push(UNKNOWN_TIER.at(
                at("escalate_to"),
                format!("{trigger} {}.", missing("tier", rule.escalate_to.trim())),
                "Pick one of the plan's tiers, or name the role that takes the ticket over.".into(),
            ));
        }
        check_notify(rule, index, &trigger, to_a_tier, findings);
        if let Some(policy) = &rule.policy {
            if !names.policies.contains(policy.as_str()) {
                findings.push(UNKNOWN_POLICY.at(
                    at("policy"),
                    format!("{trigger} {}.", missing("SLA policy", policy)),
                    "Pick one of the plan's SLA policies, or every policy.".into(),
                ));
                continue;
            }
        }
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
        // The SLA rows it guards: its priority's, in its policy or every policy.
        let policies = plan
            .sla
            .iter()
            .filter(|p| rule.policy.as_ref().is_none_or(|name| *name == p.name));
        let rows: Vec<(&SlaPolicy, Option<Promise>)> = policies
            .filter_map(|policy| {
                let row = policy.target_for(priority)?;
                Some((policy, Promise::of(&clocks, row.metric(rule.metric))))
            })
            .collect();
        if rows.is_empty() {
            continue;
        }
        let label = rule.metric.label();
        if rows.iter().all(|(_, promise)| promise.is_none()) {
            findings.push(NO_NEXT_RESPONSE.at(
                at("metric"),
                format!("{trigger} watches {priority}'s {label}, but no SLA policy promises {priority} a {label} time."),
                format!("Set a {label} target for {priority}, or guard another of its targets."),
            ));
            continue;
        }
        if rule.measured_from == EscalationStart::Creation {
            let named = plan.sla.len() > 1;
            for (policy, promise) in rows {
                let Some(promise) = promise else {
                    continue;
                };
                if check_timing(rule, index, &trigger, policy, named, &promise, findings) {
                    break;
                }
            }
        }
    }
    check_paths(plan, findings);
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
    let path = Path::field("escalation")
        .then("rules")
        .at(index)
        .then("notify");
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

/// An escalation measured from creation must fire before the target it guards is breached.
/// Returns whether it reported a finding.
fn check_timing(
    rule: &EscalationRule,
    index: usize,
    trigger: &str,
    policy: &SlaPolicy,
    named: bool,
    guarded: &Promise,
    findings: &mut Vec<Finding>,
) -> bool {
    let fires = guarded.minutes_of(rule.timeframe);
    let limit = guarded.minutes;
    if guarded.within.is_zero() || fires < limit {
        return false;
    }
    let clock = guarded.clock();
    let priority = rule.priority.as_deref().unwrap_or_default();
    let whose = if named {
        format!(
            "{priority}'s {} target in \"{}\"",
            rule.metric.label(),
            policy.name.trim()
        )
    } else {
        format!("{priority}'s {} target", rule.metric.label())
    };
    let lateness = if fires == limit {
        "at the very moment it is breached".to_string()
    } else {
        let late = u32::try_from(fires - limit).unwrap_or(u32::MAX);
        format!(
            "{} after it is breached",
            Duration::minutes(late).in_words_on(clock)
        )
    };
    findings.push(AFTER_BREACH.at(
        Path::field("escalation").then("rules").at(index).then("timeframe"),
        format!(
            "{trigger} fires after {}, but {whose} is {}: it fires {lateness}.",
            rule.timeframe.in_words_on(clock),
            guarded.words()
        ),
        format!(
            "Shorten the timeframe to well under {}, e.g. {}; or, to escalate after the breach on purpose, measure it from the breach.",
            guarded.words(),
            Duration::minutes(u32::try_from(limit * 3 / 4).unwrap_or(u32::MAX)).in_words_on(clock)
        ),
    ));
    true
}

fn check_paths(plan: &Plan, findings: &mut Vec<Finding>) {
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
                Path::field("escalation").then("rules"),
                format!("The plan has {} tickets but no executive escalation path.", urgent.name),
                format!("Add an Executive-path escalation, e.g. \"{} unresolved\" to the VP of Support.", urgent.name),
            ));
        }
    }
    if !has(EscalationPath::Crisis) {
        findings.push(NO_CRISIS.at(
            Path::field("escalation").then("rules"),
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
            Path::field("escalation").then("handoff_protocol"),
            "The plan has no handoff protocol.".into(),
            "List what each handoff carries: issue summary, steps tried, customer impact, next action.".into(),
        ));
    }
    if let Some(first) = plan.priorities.first() {
        let guarded = escalation
            .rules
            .iter()
            .any(|r| r.priority.as_deref() == Some(first.name.as_str()));
        let has_sla = plan
            .sla
            .iter()
            .any(|policy| policy.target_for(&first.name).is_some());
        if has_sla && !guarded {
            findings.push(MOST_URGENT_UNGUARDED.at(
                Path::field("escalation").then("rules"),
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
    use crate::plan::{EscalationPath, EscalationStart, SlaMetric};
    use crate::rules::testing::{
        assert_fires, assert_quiet, duration, escalation, target, valid_plan,
    };

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
        plan.sla[0].targets[1].next_response = target("4h", "24/7");
        assert_quiet(&plan, "ESC-004");
        assert_quiet(&plan, "ESC-002");
    }

    /// "Notify the director 2 h after the resolution target is breached" is a normal pattern.
    #[test]
    fn an_escalation_after_the_breach_is_measured_from_it() {
        let mut plan = valid_plan();
        plan.escalation.rules[1].timeframe = duration("2h");
        plan.escalation.rules[1].measured_from = EscalationStart::Breach;
        assert_quiet(&plan, "ESC-002");
        plan.escalation.rules[1].timeframe = duration("6h");
        plan.escalation.rules[1].measured_from = EscalationStart::Creation;
        let finding = assert_fires(&plan, "ESC-002", "escalation.rules[1].timeframe");
        assert!(
            finding.hint.contains("measure it from the breach"),
            "{}",
            finding.hint
        );
    }

    /// An escalation for every policy is checked against each: it may be in time for Standard
    /// but late for Enterprise, and the message names the policy.
    #[test]
    fn an_escalation_is_timed_against_every_policy_it_guards() {
        let mut plan = valid_plan();
        let mut enterprise = plan.sla[0].clone();
        enterprise.name = "Enterprise".into();
        enterprise.applies_to.segments = vec!["enterprise".into()];
        enterprise.targets[0].first_response = target("15m", "24/7");
        enterprise.targets[0].warn_before = None;
        plan.sla.insert(0, enterprise);
        let finding = assert_fires(&plan, "ESC-002", "escalation.rules[0].timeframe");
        assert!(
            finding
                .message
                .contains("Critical's first response target in \"Enterprise\" is 15 min"),
            "{}",
            finding.message
        );
        plan.escalation.rules[0].policy = Some("Standard".into());
        assert_quiet(&plan, "ESC-002");
        plan.escalation.rules[0].policy = Some("Gold".into());
        assert_fires(&plan, "ESC-013", "escalation.rules[0].policy");
    }

    #[test]
    fn an_escalation_on_a_target_that_is_not_promised() {
        let mut plan = valid_plan();
        plan.sla[0].targets[0].resolution.target = crate::plan::Target::BestEffort;
        assert_fires(&plan, "ESC-004", "escalation.rules[1].metric");
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
    fn escalation_goes_to_a_tier_that_exists() {
        let mut plan = valid_plan();
        plan.escalation.rules[2].escalate_to = "Tier 4".into();
        let finding = assert_fires(&plan, "ESC-014", "escalation.rules[2].escalate_to");
        assert!(finding
            .message
            .contains("\"Tier 4\", which the plan doesn't define"));
        plan.escalation.rules[2].escalate_to = "Tier 3".into();
        assert_quiet(&plan, "ESC-014");
        // A role is not a tier.
        plan.escalation.rules[2].escalate_to = "Tier 2 lead".into();
        assert_quiet(&plan, "ESC-014");
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
