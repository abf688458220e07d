//! Values still as the starter template wrote them: each a finding to confirm or replace, so the
//! checklist counts them and nothing the template made up reaches a VP as the team's own figure.

use super::{Finding, RuleInfo, Severity};
use crate::plan::provenance::template_values;
use crate::plan::Plan;

/// The id of the rule: the findings panel lists its findings as a checklist "To confirm".
pub const RULE: &str = "TPL-001";

const FROM_TEMPLATE: RuleInfo = RuleInfo {
    id: RULE,
    severity: Severity::Info,
    title: "Value still as the template wrote it",
    explanation: "A plan started from a template carries the template's figures about today (baselines, team size, health-score weights, roadmap steps marked done). They describe an imagined team, not yours: type your own figure, or confirm the value at its field if it is true of your team.",
};

pub(crate) const RULES: &[RuleInfo] = &[FROM_TEMPLATE];

/// What a template value is, in words: "CSAT baseline", "Health-score weight of “Commercial”".
pub fn describe(plan: &Plan, path: &str) -> String {
    let index = |prefix: &str| -> Option<usize> {
        let rest = path.strip_prefix(prefix)?;
        rest.split(']').next()?.parse().ok()
    };
    let named = |noun: &str, name: &str, number: usize| {
        if name.trim().is_empty() {
            format!("{noun} {}", number + 1)
        } else {
            format!("{noun} “{}”", name.trim())
        }
    };
    let fixed = match path {
        "header.monthly_volume" => Some("Monthly ticket volume"),
        "header.team_size" => Some("Team size"),
        "metrics.first_response.baseline" => Some("First response time baseline"),
        "metrics.resolution.baseline" => Some("Resolution time baseline"),
        "metrics.csat.baseline" => Some("CSAT baseline"),
        "metrics.first_contact_resolution.baseline" => Some("First contact resolution baseline"),
        "metrics.deflection.baseline" => Some("Ticket deflection baseline"),
        _ => None,
    };
    if let Some(fixed) = fixed {
        return fixed.to_string();
    }
    if let Some(i) = index("metrics.custom[") {
        let name = plan.metrics.custom.get(i).map_or("", |m| m.name.as_str());
        return format!("Baseline of {}", named("metric", name, i));
    }
    if let Some(i) = index("assess.pain_points[") {
        let name = plan
            .assess
            .pain_points
            .get(i)
            .map_or("", |p| p.pain.as_str());
        return format!("Figure of {}", named("pain point", name, i));
    }
    if let Some(i) = index("customer_success.health.components[") {
        let components = &plan.customer_success.health.components;
        let name = components.get(i).map_or("", |c| c.name.as_str());
        return format!("Health-score weight of {}", named("component", name, i));
    }
    for (phase, steps) in plan.roadmap.phases() {
        if let Some(i) = index(&format!("roadmap.{}[", phase.to_lowercase())) {
            let step = steps.get(i);
            let title = step.map_or("", |s| s.title.as_str());
            let status = step.map_or("", |s| s.status.label());
            return format!(
                "{phase} step {} marked {status}",
                named("", title, i).trim_start()
            );
        }
    }
    path.to_string()
}

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    for path in template_values(plan) {
        let what = describe(plan, &path);
        let value = plan.from_template.get(&path).cloned().unwrap_or_default();
        let message = if path.starts_with("roadmap.") {
            format!("{what} by the template, not by your team.")
        } else {
            format!("{what} ({value}) is the template's figure, not your team's.")
        };
        findings.push(
            FROM_TEMPLATE.at(
                path,
                message,
                "Type your own value, or choose Confirm at the field if it is true of your team."
                    .into(),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::templates;
    use crate::rules::check;

    /// The B2B SaaS template's CSAT baseline is 82 %: a plan started from it lists that as a value
    /// to confirm, and no longer once the baseline is the team's own.
    #[test]
    fn the_templates_figures_are_listed_until_replaced() {
        let mut plan = templates::starter("b2b-saas").expect("a template");
        let listed = |plan: &crate::plan::Plan| {
            check(plan)
                .into_iter()
                .filter(|f| f.rule == "TPL-001")
                .map(|f| (f.path, f.message))
                .collect::<Vec<_>>()
        };
        let before = listed(&plan);
        assert!(
            before.contains(&(
                "metrics.csat.baseline".to_string(),
                "CSAT baseline (82) is the template's figure, not your team's.".to_string()
            )),
            "{before:#?}"
        );
        assert!(
            before
                .iter()
                .any(|(path, message)| path.starts_with("roadmap.")
                    && message.ends_with("marked Done by the template, not by your team.")),
            "{before:#?}"
        );
        plan.metrics.csat.baseline = Some(79.0);
        let after = listed(&plan);
        assert_eq!(after.len(), before.len() - 1);
        assert!(!after.iter().any(|(p, _)| p == "metrics.csat.baseline"));
    }
}
