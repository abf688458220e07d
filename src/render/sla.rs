//! SLA policies in words, the same in every document (text, Markdown, the app's preview and the
//! stakeholder view): who a policy applies to, each target on its clock, each row's clocks.

use crate::plan::{
    HelpdeskCondition, MetricTarget, Plan, PolicyScope, SlaMetric, SlaPolicy, SlaTarget, Target,
};

use super::hours_in_words;

/// Who a policy applies to, as a sentence reads it: "everyone", or "customers tagged
/// “enterprise” or “premium”; tickets via Phone". Within a list any entry matches ("or"); the
/// lists all must.
pub fn scope_in_words(scope: &PolicyScope) -> String {
    if scope.is_everyone() {
        return "everyone".to_string();
    }
    let mut parts = Vec::new();
    for (lead, quoted, list) in [
        ("customers tagged", true, &scope.segments),
        ("customers of", false, &scope.organizations),
        ("tickets via", false, &scope.channels),
    ] {
        let names: Vec<String> = list
            .iter()
            .map(|name| name.trim())
            .filter(|name| !name.is_empty())
            .map(|name| {
                if quoted {
                    format!("“{name}”")
                } else {
                    name.to_string()
                }
            })
            .collect();
        if !names.is_empty() {
            parts.push(format!("{lead} {}", names.join(" or ")));
        }
    }
    parts.extend(scope.helpdesk_conditions.iter().map(condition_in_words));
    parts.join("; ")
}

/// A kept helpdesk condition as people read it: "Zendesk condition assignee_id is 7",
/// "Freshdesk condition group_ids 12, 13".
pub fn condition_in_words(kept: &HelpdeskCondition) -> String {
    let value: Option<serde_json::Value> = serde_json::from_str(&kept.condition).ok();
    let text = |v: &serde_json::Value| match v {
        serde_json::Value::String(s) => s.clone(),
        serde_json::Value::Array(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|i| i.as_str().map_or_else(|| i.to_string(), str::to_string))
                .collect();
            items.join(", ")
        }
        other => other.to_string(),
    };
    let words = match &value {
        Some(condition) if condition.get("field").is_some() => {
            let part = |key: &str| condition.get(key).map(text).unwrap_or_default();
            format!("{} {} {}", part("field"), part("operator"), part("value"))
        }
        Some(other) => format!("{} {}", kept.within, text(other)),
        None => format!("{} {}", kept.within, kept.condition),
    };
    format!("{} condition {}", kept.helpdesk, words.trim())
}

/// Whether a document shows policy headings: several policies, or one that is not for everyone.
/// A plan with one policy for everyone reads exactly as the brief's single SLA table.
pub fn shows_policy_headings(plan: &Plan) -> bool {
    plan.sla.len() > 1 || plan.sla.iter().any(|p| !p.applies_to.is_everyone())
}

/// A metric's target in words on its clock: "24 business hours", "30 min", "No target".
pub fn target_in_words(plan: &Plan, target: &MetricTarget) -> String {
    target.target.in_words_on(plan.clock_of(&target.calendar))
}

/// Which clocks a row's promised targets run on: "clock on 24/7", or "first response on 24/7,
/// resolution on Mon–Fri 09:00–17:00 Europe/Berlin" when they differ. `None` when the row
/// promises no time at all.
pub fn clock_phrase(plan: &Plan, row: &SlaTarget) -> Option<String> {
    let promised: Vec<(SlaMetric, &str)> = SlaMetric::ALL
        .into_iter()
        .filter(|&m| matches!(row.metric(m).target, Target::Within(_)))
        .map(|m| (m, row.metric(m).calendar.as_str()))
        .collect();
    let (_, first) = promised.first()?;
    if promised.iter().all(|(_, calendar)| calendar == first) {
        return Some(format!("clock on {}", hours_in_words(plan, first)));
    }
    let parts: Vec<String> = promised
        .iter()
        .map(|(metric, calendar)| {
            format!("{} on {}", metric.label(), hours_in_words(plan, calendar))
        })
        .collect();
    Some(parts.join(", "))
}

/// What a row promises beyond the table's first response and resolution, in order: its clocks,
/// next response, periodic updates, and the breach warning.
pub fn row_notes(plan: &Plan, row: &SlaTarget) -> Vec<String> {
    let mut notes: Vec<String> = clock_phrase(plan, row).into_iter().collect();
    match row.next_response.target {
        Target::NoTarget => {}
        Target::BestEffort => notes.push("next response best effort".to_string()),
        Target::Within(_) => notes.push(format!(
            "next response {}",
            target_in_words(plan, &row.next_response)
        )),
    }
    match row.periodic_update.target {
        Target::NoTarget => {}
        Target::BestEffort => notes.push("updates best effort".to_string()),
        Target::Within(_) => notes.push(format!(
            "updates every {}",
            target_in_words(plan, &row.periodic_update)
        )),
    }
    if let Some(warn) = row.warn_before {
        notes.push(format!("warn {} before breach", warn.in_words()));
    }
    notes
}

/// Whether any row of any policy says something about a metric (for optional table columns).
pub fn metric_in_use(plan: &Plan, metric: SlaMetric) -> bool {
    plan.sla
        .iter()
        .flat_map(|p| &p.targets)
        .any(|row| row.metric(metric).target != Target::NoTarget)
}

/// "Policy 2: Premium": how documents head a policy.
pub fn policy_title(index: usize, policy: &SlaPolicy) -> String {
    let name = policy.name.trim();
    if name.is_empty() {
        format!("Policy {}", index + 1)
    } else {
        format!("Policy {}: {name}", index + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::ALWAYS_OPEN;

    fn plan() -> Plan {
        let mut plan = Plan::blank();
        plan.calendars.push(crate::rules::testing::nine_to_five(
            "Office",
            "Europe/Berlin",
        ));
        plan
    }

    fn on(target: &str, calendar: &str) -> MetricTarget {
        MetricTarget::new(target.parse().unwrap(), calendar)
    }

    #[test]
    fn a_24_business_hour_target_reads_as_business_hours() {
        let plan = plan();
        assert_eq!(
            target_in_words(&plan, &on("24h", "Office")),
            "24 business hours"
        );
        assert_eq!(target_in_words(&plan, &on("24h", ALWAYS_OPEN)), "24 hours");
        assert_eq!(target_in_words(&plan, &on("none", "")), "No target");
        assert_eq!(
            target_in_words(&plan, &on("best effort", "Office")),
            "Best effort"
        );
    }

    #[test]
    fn rows_say_each_clock_when_they_differ() {
        let plan = plan();
        let row = SlaTarget {
            priority: "Critical".into(),
            first_response: on("15m", ALWAYS_OPEN),
            resolution: on("1bd", "Office"),
            periodic_update: on("1h", ALWAYS_OPEN),
            ..SlaTarget::default()
        };
        assert_eq!(
            row_notes(&plan, &row),
            vec![
                "first response on 24/7, periodic update on 24/7, resolution on Mon–Fri 09:00–17:00 Europe/Berlin",
                "updates every 1 hour",
            ]
        );
        let same = SlaTarget {
            first_response: on("4h", "Office"),
            resolution: on("best effort", "Office"),
            ..SlaTarget::default()
        };
        assert_eq!(
            row_notes(&plan, &same),
            vec!["clock on Mon–Fri 09:00–17:00 Europe/Berlin"]
        );
        assert!(row_notes(&plan, &SlaTarget::default()).is_empty());
    }

    #[test]
    fn scopes_in_words() {
        let mut scope = PolicyScope::default();
        assert_eq!(scope_in_words(&scope), "everyone");
        scope.segments = vec!["enterprise".into(), " premium ".into()];
        scope.channels = vec!["Phone".into()];
        assert_eq!(
            scope_in_words(&scope),
            "customers tagged “enterprise” or “premium”; tickets via Phone"
        );
    }
}
