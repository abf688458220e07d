//! Values still as the starter template wrote them: each a finding to confirm or replace, so the
//! checklist counts them and nothing the template made up reaches a VP as the team's own figure.

use super::{Finding, RuleInfo, Severity};
use crate::plan::provenance::template_values;
use crate::plan::{Part, Path, Plan};

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
pub fn describe(plan: &Plan, path: &Path) -> String {
    use crate::plan::path::Step::{Field, Index};
    let named = |noun: &str, name: &str, number: usize| {
        if name.trim().is_empty() {
            format!("{noun} {}", number + 1)
        } else {
            format!("{noun} “{}”", name.trim())
        }
    };
    let fixed = |words: &str| words.to_string();
    match path.steps().as_slice() {
        [Field("header"), Field("monthly_volume")] => fixed("Monthly ticket volume"),
        [Field("header"), Field("team_size")] => fixed("Team size"),
        [Field("metrics"), Field(metric), Field("baseline")] => {
            metric_label(metric).map_or_else(|| path.to_string(), fixed)
        }
        [Field("metrics"), Field("custom"), Index(i), ..] => {
            let name = plan.metrics.custom.get(*i).map_or("", |m| m.name.as_str());
            format!("Baseline of {}", named("metric", name, *i))
        }
        [Field("assess"), Field("pain_points"), Index(i), ..] => {
            let pain_points = &plan.assess.pain_points;
            let name = pain_points.get(*i).map_or("", |p| p.pain.as_str());
            format!("Figure of {}", named("pain point", name, *i))
        }
        [Field("customer_success"), Field("health"), Field("components"), Index(i), ..] => {
            let components = &plan.customer_success.health.components;
            let name = components.get(*i).map_or("", |c| c.name.as_str());
            format!("Health-score weight of {}", named("component", name, *i))
        }
        [Field("roadmap"), Field(key), Index(i), ..] => {
            let phases = plan.roadmap.phases();
            let Some((phase, steps)) = phases.iter().find(|(p, _)| p.to_lowercase() == *key) else {
                return path.to_string();
            };
            let step = steps.get(*i);
            let title = step.map_or("", |s| s.title.as_str());
            let status = step.map_or("", |s| s.status.label());
            format!(
                "{phase} step {} marked {status}",
                named("", title, *i).trim_start()
            )
        }
        _ => path.to_string(),
    }
}

/// A success metric's baseline in words, by the metric's key.
fn metric_label(key: &str) -> Option<&'static str> {
    Some(match key {
        "first_response" => "First response time baseline",
        "resolution" => "Resolution time baseline",
        "csat" => "CSAT baseline",
        "first_contact_resolution" => "First contact resolution baseline",
        "deflection" => "Ticket deflection baseline",
        _ => return None,
    })
}

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    for path in template_values(plan) {
        let what = describe(plan, &path);
        let value = plan
            .from_template
            .get(path.as_str())
            .cloned()
            .unwrap_or_default();
        let message = if path.part() == Some(Part::Roadmap) {
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
            before
                .iter()
                .any(|(path, message)| path == "metrics.csat.baseline"
                    && message == "CSAT baseline (82) is the template's figure, not your team's."),
            "{before:#?}"
        );
        assert!(
            before.iter().any(
                |(path, message)| path.part() == Some(crate::plan::Part::Roadmap)
                    && message.ends_with("marked Done by the template, not by your team.")
            ),
            "{before:#?}"
        );
        plan.metrics.csat.baseline = Some(79.0);
        let after = listed(&plan);
        assert_eq!(after.len(), before.len() - 1);
        assert!(!after.iter().any(|(p, _)| p == "metrics.csat.baseline"));
    }
}
