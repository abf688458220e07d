//! The escalation matrix as Zendesk automations: each rule a time-based automation on the SLA
//! clock it guards, with what Zendesk cannot do exactly said in the report.
//!
//! Zendesk's conditions reference (developer.zendesk.com/documentation/ticketing/reference-guides/
//! conditions-reference/) gives automations time-based conditions counted in whole hours:
//! `NEW` (hours since created) and `sla_next_breach_at` (hours since the last SLA breach), with
//! the operators `greater_than` and `greater_than_business_hours` (business hours of the ticket's
//! schedule). Automations run once an hour and need a nullifying condition so they fire once per
//! ticket; here that is a tag the automation adds and checks for. Actions are `{field, value}`;
//! `add_tags` takes space-separated tags. Groups and people are Zendesk ids the plan does not
//! know, so the export tags the ticket for the role and names whom to set up in the report.

use serde_json::{json, Value};

use super::{as_tag, runs_on_business_hours, MappedPriority};
use crate::plan::{EscalationRule, EscalationStart, Plan};

/// One automation per escalation rule, in the matrix's order.
pub(super) fn escalation_automations(
    plan: &Plan,
    mapped: &[MappedPriority],
    filter_of: &mut dyn FnMut(&crate::plan::SlaPolicy, &mut Vec<String>) -> Value,
    report: &mut Vec<String>,
) -> Vec<Value> {
    let mut automations = Vec::new();
    for (index, rule) in plan.escalation.rules.iter().enumerate() {
        if let Some(automation) = automation(plan, index, rule, mapped, filter_of, report) {
            automations.push(automation);
        }
    }
    automations
}

/// How a rule reads in the report: its trigger in the plan's words, else its position.
fn rule_name(index: usize, rule: &EscalationRule) -> String {
    let trigger = rule.trigger.trim();
    if trigger.is_empty() {
        format!("Escalation rule {}", index + 1)
    } else {
        format!("Escalation \"{trigger}\"")
    }
}

/// The calendar of the target a rule guards, when the plan promises one (else 24/7).
fn guarded_calendar<'a>(plan: &'a Plan, rule: &EscalationRule) -> Option<&'a str> {
    let priority = rule.priority.as_deref()?;
    let policy = match &rule.policy {
        Some(name) => plan.policy(name)?,
        None => plan.default_policy()?,
    };
    let target = policy.target_for(priority)?.metric(rule.metric);
    target.within().map(|_| target.calendar.as_str())
}

fn automation(
    plan: &Plan,
    index: usize,
    rule: &EscalationRule,
    mapped: &[MappedPriority],
    filter_of: &mut dyn FnMut(&crate::plan::SlaPolicy, &mut Vec<String>) -> Value,
    report: &mut Vec<String>,
) -> Option<Value> {
    let name = rule_name(index, rule);
    let calendar = guarded_calendar(plan, rule);
    report.extend(clocks_differ(plan, &name, rule, calendar));
    let business = calendar.is_some_and(|c| runs_on_business_hours(plan, c));
    let day = calendar
        .and_then(|c| plan.business_day_minutes(c))
        .filter(|d| *d > 0)
        .unwrap_or(8 * 60);
    let minutes = rule.timeframe.open_minutes(day);
    let hours = minutes.div_ceil(60);
    let tag = format!("escalated_{}", index + 1);
    let mut all = vec![
        json!({"field": "status", "operator": "less_than", "value": "solved"}),
        json!({"field": "current_tags", "operator": "not_includes", "value": tag}),
    ];
    let mut any = Vec::new();
    if let Some(priority) = rule.priority.as_deref() {
        let Some(entry) = mapped.iter().find(|m| m.priority == priority) else {
            report.push(format!(
                "{name} guards \"{priority}\", which has no Zendesk priority, so it is not exported."
            ));
            return None;
        };
        all.push(
            json!({"field": "priority", "operator": "is", "value": entry.helpdesk.zendesk_name()}),
        );
    }
    if let Some(policy_name) = &rule.policy {
        match plan.policy(policy_name) {
            Some(policy) if !policy.applies_to.is_everyone() => {
                let filter = filter_of(policy, report);
                extend(&mut all, &filter["all"]);
                extend(&mut any, &filter["any"]);
            }
            Some(_) => {}
            None => {
                report.push(format!(
                    "{name} belongs to the SLA policy \"{policy_name}\", which the plan does not define; it is not exported."
                ));
                return None;
            }
        }
    }
    let (field, since) = match rule.measured_from {
        EscalationStart::Creation => ("NEW", "the ticket is created"),
        EscalationStart::Breach => ("sla_next_breach_at", "the SLA is breached"),
    };
    let operator = if business {
        "greater_than_business_hours"
    } else {
        "greater_than"
    };
    all.push(json!({"field": field, "operator": operator, "value": hours.to_string()}));
    let timeframe = rule.timeframe.in_words_on(business.then_some(day));
    report.push(inexact_timing(
        &name, &timeframe, minutes, hours, since, business,
    ));
    let role = rule.escalate_to.trim();
    let mut tags = vec![tag];
    if !role.is_empty() {
        tags.push(format!("escalate_to_{}", as_tag(role)));
    }
    let notify: Vec<&str> = rule
        .notify
        .iter()
        .map(|n| n.trim())
        .filter(|n| !n.is_empty())
        .collect();
    report.push(format!(
        "{name}: Zendesk needs the group for \"{}\"{} as ids this plan does not have; the automation tags the ticket {} for a trigger or view to act on. Add the group and the email actions in Zendesk.",
        if role.is_empty() { "(nobody named)" } else { role },
        if notify.is_empty() {
            String::new()
        } else {
            format!(" and the people notified ({})", notify.join(", "))
        },
        tags.join(" ")
    ));
    Some(json!({
        "title": format!("{} (escalate to {})", rule.trigger.trim(), if role.is_empty() { "—" } else { role }),
        "conditions": {"all": all, "any": any},
        "actions": [{"field": "add_tags", "value": tags.join(" ")}],
    }))
}

/// For a rule of every policy: when the policies run its target on different clocks, one
/// automation cannot follow them all; it follows the policy for everyone else's, and says so.
fn clocks_differ(
    plan: &Plan,
    name: &str,
    rule: &EscalationRule,
    calendar: Option<&str>,
) -> Option<String> {
    if rule.policy.is_some() {
        return None;
    }
    let priority = rule.priority.as_deref()?;
    let others: Vec<String> = plan
        .sla
        .iter()
        .filter_map(|policy| {
            let target = policy.target_for(priority)?.metric(rule.metric);
            target.within()?;
            (Some(target.calendar.as_str()) != calendar)
                .then(|| format!("\"{}\" on \"{}\"", policy.name.trim(), target.calendar))
        })
        .collect();
    if others.is_empty() {
        return None;
    }
    let default = plan.default_policy().map_or("", |p| p.name.trim());
    Some(format!(
        "{name} is for every SLA policy, but their {priority} {} targets run on different clocks ({}); the automation counts on \"{}\" as the policy \"{default}\" does. Add one per policy in Zendesk if they should differ.",
        rule.metric.label(),
        others.join(", "),
        calendar.unwrap_or("24/7")
    ))
}

fn extend(conditions: &mut Vec<Value>, more: &Value) {
    if let Some(more) = more.as_array() {
        conditions.extend(more.iter().cloned());
    }
}

/// What the hourly, whole-hour automation does instead of the plan's timeframe.
fn inexact_timing(
    name: &str,
    timeframe: &str,
    minutes: u64,
    hours: u64,
    since: &str,
    business: bool,
) -> String {
    let clock = if business { " business" } else { "" };
    let when = if minutes == 0 {
        "at the first hourly run after it, up to an hour late".to_string()
    } else if minutes % 60 == 0 {
        format!("at the first hourly run after {hours}{clock} hours, up to an hour late")
    } else {
        format!(
            "at the first hourly run after {hours}{clock} hour{}, not at {timeframe}: Zendesk counts whole hours",
            if hours == 1 { "" } else { "s" }
        )
    };
    let should = if minutes == 0 {
        format!("as soon as {since}")
    } else {
        format!("{timeframe} after {since}")
    };
    format!(
        "{name} should fire {should}; Zendesk automations run once an hour, so it fires {when}."
    )
}
