//! Which values of a plan are still as a starter template wrote them, so a template's "CSAT 82 %"
//! is never handed to a VP as a measured fact: the claims a template makes, recorded when a plan
//! starts from it, and no longer the template's once the value is edited or confirmed.

use std::collections::BTreeMap;

use super::{Path, Plan, StepStatus};

/// Where each kind of claim sits, spelt once for the claims, the documents' "(template)" marks
/// and the findings: `header.team_size`, `metrics.csat.baseline`, `metrics.custom[1].baseline`,
/// `assess.pain_points[0].evidence.figure`, `customer_success.health.components[2].weight`,
/// `roadmap.design[3].status`.
pub mod at {
    use crate::plan::Path;

    pub fn header(key: &str) -> Path {
        Path::field("header").then(key)
    }

    /// The baseline of a built-in success metric, by its key (`csat`).
    pub fn baseline(metric: &str) -> Path {
        Path::field("metrics").then(metric).then("baseline")
    }

    pub fn custom_baseline(index: usize) -> Path {
        Path::field("metrics")
            .then("custom")
            .at(index)
            .then("baseline")
    }

    pub fn pain_figure(index: usize) -> Path {
        Path::field("assess")
            .then("pain_points")
            .at(index)
            .then("evidence")
            .then("figure")
    }

    pub fn health_weight(index: usize) -> Path {
        Path::field("customer_success")
            .then("health")
            .then("components")
            .at(index)
            .then("weight")
    }

    /// The status of step `index` of a roadmap phase, by the phase's name (`Design`).
    pub fn step_status(phase: &str, index: usize) -> Path {
        Path::field("roadmap")
            .then(&phase.to_lowercase())
            .at(index)
            .then("status")
    }
}

/// The facts a plan states about today's operation that a template can only have made up, each as
/// its JSON path and its value as text (`metrics.csat.baseline` → `82`): the team's size and
/// volume, the success metrics' baselines, the pain points' figures, the health score's weights
/// and the roadmap steps already under way or done. Targets are not here: they are the plan's
/// design, not a measurement.
pub fn claims(plan: &Plan) -> Vec<(Path, String)> {
    let mut claims = Vec::new();
    let mut claim = |path: Path, text: String| claims.push((path, text));
    let header = &plan.header;
    for (key, value) in [
        ("monthly_volume", header.monthly_volume),
        ("team_size", header.team_size),
    ] {
        if value > 0 {
            claim(at::header(key), value.to_string());
        }
    }
    let metrics = &plan.metrics;
    for (key, baseline) in [
        ("first_response", metrics.first_response.baseline),
        ("resolution", metrics.resolution.baseline),
    ] {
        if let Some(baseline) = baseline {
            claim(at::baseline(key), baseline.to_string());
        }
    }
    for (key, baseline) in [
        ("csat", metrics.csat.baseline),
        (
            "first_contact_resolution",
            metrics.first_contact_resolution.baseline,
        ),
        ("deflection", metrics.deflection.baseline),
    ] {
        if let Some(baseline) = baseline {
            claim(at::baseline(key), baseline.to_string());
        }
    }
    for (index, metric) in metrics.custom.iter().enumerate() {
        if let Some(baseline) = metric.baseline {
            claim(at::custom_baseline(index), baseline.to_string());
        }
    }
    for (index, pain) in plan.assess.pain_points.iter().enumerate() {
        if let Some(figure) = pain.evidence.figure {
            claim(at::pain_figure(index), figure.to_string());
        }
    }
    for (index, component) in plan.customer_success.health.components.iter().enumerate() {
        claim(at::health_weight(index), component.weight.to_string());
    }
    for (phase, steps) in plan.roadmap.phases() {
        for (index, step) in steps.iter().enumerate() {
            if step.status != StepStatus::NotStarted {
                claim(
                    at::step_status(phase, index),
                    step.status.label().to_string(),
                );
            }
        }
    }
    claims
}

/// Records every claim of `plan` as the template's: what a plan started from a template carries.
pub fn mark_all(plan: &mut Plan) {
    plan.from_template = claims(plan)
        .into_iter()
        .map(|(path, text)| (String::from(path), text))
        .collect::<BTreeMap<_, _>>();
}

/// The paths of the values still as the template wrote them, in the order the plan reads: a
/// recorded claim whose value still reads so. A row moved or removed, or a value changed, is no
/// longer the template's at that path.
pub fn template_values(plan: &Plan) -> Vec<Path> {
    if plan.from_template.is_empty() {
        return Vec::new();
    }
    claims(plan)
        .into_iter()
        .filter(|(path, text)| plan.from_template.get(path.as_str()) == Some(text))
        .map(|(path, _)| path)
        .collect()
}

/// Whether the value at `path` is still as the template wrote it.
pub fn is_template_value(plan: &Plan, path: &str) -> bool {
    plan.from_template.contains_key(path) && template_values(plan).iter().any(|p| p == path)
}

/// The user vouches for the value at `path` (or typed it): it is no longer the template's.
pub fn confirm(plan: &mut Plan, path: &str) -> bool {
    plan.from_template.remove(path).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::templates;

    /// The B2B SaaS template states a CSAT baseline of 82 %, four health weights and two roadmap
    /// steps done; started from, all of them are the template's until edited or confirmed.
    #[test]
    fn a_started_template_marks_its_facts_until_edited_or_confirmed() {
        let mut plan = templates::starter("b2b-saas").expect("a template");
        let marked = template_values(&plan);
        for path in [
            "metrics.csat.baseline",
            "metrics.first_response.baseline",
            "customer_success.health.components[0].weight",
            "header.team_size",
        ] {
            assert!(marked.iter().any(|p| p == path), "{path} in {marked:?}");
        }
        assert!(
            marked
                .iter()
                .any(|p| p.part() == Some(crate::plan::Part::Roadmap)
                    && p.steps().last() == Some(&crate::plan::path::Step::Field("status"))),
            "a step marked Done is a claim: {marked:?}"
        );
        // Targets are the plan's design, not a claim about today.
        assert!(!marked.iter().any(|p| p == "metrics.csat.target"));

        plan.metrics.csat.baseline = Some(79.0);
        assert!(!is_template_value(&plan, "metrics.csat.baseline"));
        assert!(is_template_value(&plan, "metrics.deflection.baseline"));
        assert!(confirm(&mut plan, "metrics.deflection.baseline"));
        assert!(!is_template_value(&plan, "metrics.deflection.baseline"));
        assert_eq!(template_values(&plan).len(), marked.len() - 2);
    }

    /// A removed health component moves the next one up: its weight (20, where 40 was) no longer
    /// reads as the template wrote index 0, so it is not claimed as the template's there.
    #[test]
    fn a_row_that_moved_is_not_mistaken_for_the_templates() {
        let mut plan = templates::starter("b2b-saas").expect("a template");
        assert!(is_template_value(
            &plan,
            "customer_success.health.components[0].weight"
        ));
        plan.customer_success.health.components.remove(0);
        assert!(!is_template_value(
            &plan,
            "customer_success.health.components[0].weight"
        ));
    }

    #[test]
    fn a_plan_of_ones_own_has_no_template_values() {
        let plan = templates::by_id("b2b-saas").expect("a template");
        assert!(template_values(&plan).is_empty());
    }
}
