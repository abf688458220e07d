//! Success-metric rules: percentages on the 0–100 scale, targets that improve on the baseline,
//! and a resolution-time target no shorter than the first-response one.

use super::util::{is_percent, number, percent, who};
use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::{Better, PercentTarget, Plan, SlaMetric};

const OUT_OF_RANGE: RuleInfo = RuleInfo {
    id: "MET-002",
    severity: Severity::Error,
    title: "Percentage metric outside 0–100 %",
    explanation: "CSAT, first contact resolution and deflection are percentages; targets and baselines must lie between 0 and 100.",
};
const NO_IMPROVEMENT: RuleInfo = RuleInfo {
    id: "MET-003",
    severity: Severity::Warning,
    title: "Target no better than today's baseline",
    explanation: "The plan should show improvement: a target worse than (or equal to) the baseline measured in the Assess phase promises nothing new. Raise the target, or check the baseline.",
};
const RESOLUTION_BEFORE_RESPONSE: RuleInfo = RuleInfo {
    id: "MET-004",
    severity: Severity::Warning,
    title: "Resolution-time target shorter than first-response target",
    explanation: "Tickets are answered before they are resolved, so the resolution-time target cannot be shorter than the first-response-time target.",
};

const CUSTOM_UNNAMED: RuleInfo = RuleInfo {
    id: "MET-005",
    severity: Severity::Error,
    title: "Metric without a name",
    explanation: "A metric of the team's own needs a name to be reported (NPS, backlog, reopen rate). Name it or remove it.",
};
const CUSTOM_NO_TARGET: RuleInfo = RuleInfo {
    id: "MET-006",
    severity: Severity::Warning,
    title: "Metric without a target",
    explanation: "A metric the plan tracks needs a target the team is measured against. Set one.",
};

const CONTRADICTS_SLA: RuleInfo = RuleInfo {
    id: "MET-007",
    severity: Severity::Warning,
    title: "Success metric contradicts the SLA policies",
    explanation: "The success metrics and the SLA policies are read together: a first-response or resolution-time target faster than anything a policy promises, or a target where every policy says \"No target\", tells the team one thing and customers another. Align the metric with the policies, or change the policies.",
};

pub(crate) const RULES: &[RuleInfo] = &[
    OUT_OF_RANGE,
    NO_IMPROVEMENT,
    RESOLUTION_BEFORE_RESPONSE,
    CUSTOM_UNNAMED,
    CUSTOM_NO_TARGET,
    CONTRADICTS_SLA,
];

/// The fastest duration any SLA policy promises for `metric`, in open minutes of its own clock,
/// with its words; `None` when no policy promises one (each says "No target" or "Best effort").
fn fastest_promise(plan: &Plan, metric: SlaMetric) -> Option<(u64, String)> {
    let main_day = plan.main_business_day();
    plan.sla
        .iter()
        .flat_map(|policy| policy.targets.iter().map(move |row| (policy, row)))
        .filter_map(|(policy, row)| {
            let target = row.metric(metric);
            let within = target.within()?;
            let day = plan.business_day_minutes(&target.calendar);
            let words = format!(
                "{} ({} {})",
                within.in_words_on(plan.clock_of(&target.calendar)),
                policy.name.trim(),
                row.priority.trim()
            );
            Some((within.open_minutes(day.unwrap_or(main_day)), words))
        })
        .min_by_key(|(minutes, _)| *minutes)
}

/// A success-metric time target the SLA policies contradict: faster than any of their promises
/// (a 1-hour first-response goal where the fastest policy promises 4 hours), or set where no
/// policy sets one. Plans without policy targets at all are left alone (SLA rules ask for them).
///
/// Worked case: the metric asks for 1 h; the policies promise Critical 4 h and Low 2 business
/// days (16 h of 8-hour days): the fastest promise is 240 min, 60 < 240, so it is flagged.
fn check_against_sla(plan: &Plan, findings: &mut Vec<Finding>) {
    let any_promise = plan
        .sla
        .iter()
        .any(|p| p.targets.iter().any(|t| t.promised().next().is_some()));
    if !any_promise {
        return;
    }
    let business_day = plan.main_business_day();
    for (field, label, metric, target) in [
        (
            "first_response",
            "first-response time",
            SlaMetric::FirstResponse,
            plan.metrics.first_response.target,
        ),
        (
            "resolution",
            "resolution time",
            SlaMetric::Resolution,
            plan.metrics.resolution.target,
        ),
    ] {
        if target.is_zero() {
            continue;
        }
        let at = Path::field("metrics").then(field).then("target");
        match fastest_promise(plan, metric) {
            None => findings.push(CONTRADICTS_SLA.at(
                at,
                format!(
                    "The success metrics set a {label} target of {}, but no SLA policy sets a {label} target (each says No target or Best effort).",
                    target.in_words()
                ),
                format!("Clear the {label} target, or set one in the SLA policies."),
            )),
            Some((fastest, words)) if target.open_minutes(business_day) < fastest => findings
                .push(CONTRADICTS_SLA.at(
                    at,
                    format!(
                        "The success metrics aim for a {label} of {}, faster than any SLA policy promises (the fastest is {words}).",
                        target.in_words()
                    ),
                    format!("Set the {label} target no faster than {words}, or promise it in a policy."),
                )),
            Some(_) => {}
        }
    }
}

/// The team's own metrics: named, with a target that improves on the baseline.
fn check_custom(plan: &Plan, findings: &mut Vec<Finding>) {
    for (index, metric) in plan.metrics.custom.iter().enumerate() {
        let at = |field: &str| Path::field("metrics").then("custom").at(index).then(field);
        let name = who("Metric", index, &metric.name);
        if metric.name.trim().is_empty() {
            findings.push(CUSTOM_UNNAMED.at(
                at("name"),
                format!("{name} has no name."),
                "Name the metric, or remove it.".into(),
            ));
        }
        let Some(target) = metric.target else {
            findings.push(CUSTOM_NO_TARGET.at(
                at("target"),
                format!("{name} has no target."),
                "Set the value the team commits to.".into(),
            ));
            continue;
        };
        if let Some(baseline) = metric.baseline {
            let no_better = match metric.better {
                Better::Higher => target <= baseline,
                Better::Lower => target >= baseline,
            };
            if no_better {
                let unit = metric.unit.trim();
                findings.push(NO_IMPROVEMENT.at(
                    at("target"),
                    format!(
                        "{name} target ({} {unit}) is no better than today's {} {unit}.",
                        number(target),
                        number(baseline)
                    ),
                    format!(
                        "Set a target {} than {} {unit}.",
                        if metric.better == Better::Higher {
                            "higher"
                        } else {
                            "lower"
                        },
                        number(baseline)
                    ),
                ));
            }
        }
    }
}

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    check_custom(plan, findings);
    check_against_sla(plan, findings);
    let metrics = &plan.metrics;
    // Success metrics name no calendar: their business days are the plan's main calendar's.
    let business_day = plan.main_business_day();
    let percents: [(&str, &str, &PercentTarget); 3] = [
        ("csat", "CSAT", &metrics.csat),
        (
            "first_contact_resolution",
            "First contact resolution",
            &metrics.first_contact_resolution,
        ),
        ("deflection", "Ticket deflection", &metrics.deflection),
    ];
    for (field, label, metric) in percents {
        let mut in_range = true;
        for (part, value) in [
            ("target", Some(metric.target)),
            ("baseline", metric.baseline),
        ] {
            if let Some(value) = value.filter(|v| !is_percent(*v)) {
                in_range = false;
                findings.push(OUT_OF_RANGE.at(
                    Path::field("metrics").then(field).then(part),
                    format!("{label} {part} is {}.", percent(value)),
                    "Enter a percentage between 0 and 100.".into(),
                ));
            }
        }
        if let Some(baseline) = metric.baseline.filter(|_| in_range && metric.target != 0.0) {
            if metric.target <= baseline {
                findings.push(NO_IMPROVEMENT.at(
                    Path::field("metrics").then(field).then("target"),
                    format!(
                        "{label} target ({}) is no better than today's {}.",
                        percent(metric.target),
                        percent(baseline)
                    ),
                    format!("Set a {label} target above {}.", percent(baseline)),
                ));
            }
        }
    }
    for (field, label, metric) in [
        (
            "first_response",
            "First response time",
            &metrics.first_response,
        ),
        ("resolution", "Resolution time", &metrics.resolution),
    ] {
        if let Some(baseline) = metric
            .baseline
            .filter(|b| !metric.target.is_zero() && !b.is_zero())
        {
            if metric.target.open_minutes(business_day) >= baseline.open_minutes(business_day) {
                findings.push(NO_IMPROVEMENT.at(
                    Path::field("metrics").then(field).then("target"),
                    format!(
                        "{label} target ({}) is no faster than today's {}.",
                        metric.target.in_words(),
                        baseline.in_words()
                    ),
                    format!(
                        "Set a {} target below {}.",
                        label.to_lowercase(),
                        baseline.in_words()
                    ),
                ));
            }
        }
    }
    let (first, resolution) = (metrics.first_response.target, metrics.resolution.target);
    if !resolution.is_zero()
        && resolution.open_minutes(business_day) < first.open_minutes(business_day)
    {
        findings.push(RESOLUTION_BEFORE_RESPONSE.at(
            Path::field("metrics").then("resolution").then("target"),
            format!(
                "The resolution-time target ({}) is shorter than the first-response-time target ({}).",
                resolution.in_words(),
                first.in_words()
            ),
            format!("Make the resolution-time target at least {}.", first.in_words()),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::{Target, ALWAYS_OPEN};
    use crate::rules::testing::{assert_fires, assert_quiet, duration, target, valid_plan};

    /// The case: every policy promises a first response in 4 hours at the fastest while
    /// the success metrics aim for 1 hour; and a resolution-time goal of 1 day where every policy
    /// says "No target". Both tell the team something the customers were not promised.
    #[test]
    fn a_metric_the_sla_policies_contradict_is_flagged() {
        let mut plan = valid_plan();
        assert_quiet(&plan, "MET-007");
        for row in &mut plan.sla[0].targets {
            row.first_response = target("4h", ALWAYS_OPEN);
        }
        assert_eq!(plan.metrics.first_response.target, duration("1h"));
        let finding = assert_fires(&plan, "MET-007", "metrics.first_response.target");
        assert!(finding.message.contains("1 hour"), "{}", finding.message);
        assert!(finding.message.contains("4 hours"), "{}", finding.message);
        plan.metrics.first_response.target = duration("4h");
        assert_quiet(&plan, "MET-007");

        for row in &mut plan.sla[0].targets {
            row.resolution.target = Target::NoTarget;
        }
        let finding = assert_fires(&plan, "MET-007", "metrics.resolution.target");
        assert!(finding.message.contains("No target"), "{}", finding.message);
        plan.metrics.resolution.target = duration("0m");
        assert_quiet(&plan, "MET-007");
    }

    /// NPS beside the brief's five: named, with a target that beats the baseline in the
    /// direction the team wants it to move.
    #[test]
    fn the_teams_own_metrics_are_checked_too() {
        let mut plan = valid_plan();
        plan.metrics.custom.push(crate::plan::CustomMetric {
            name: "NPS".into(),
            unit: "points".into(),
            better: crate::plan::Better::Higher,
            baseline: Some(32.0),
            target: Some(30.0),
        });
        let finding = assert_fires(&plan, "MET-003", "metrics.custom[0].target");
        assert_eq!(
            finding.message,
            "Metric \"NPS\" target (30 points) is no better than today's 32 points."
        );
        plan.metrics.custom[0].target = Some(45.0);
        assert_quiet(&plan, "MET-003");
        plan.metrics.custom[0].better = crate::plan::Better::Lower;
        assert_fires(&plan, "MET-003", "metrics.custom[0].target");
        plan.metrics.custom[0].target = None;
        assert_fires(&plan, "MET-006", "metrics.custom[0].target");
        plan.metrics.custom[0].name.clear();
        let finding = assert_fires(&plan, "MET-005", "metrics.custom[0].name");
        assert_eq!(finding.message, "Metric 1 has no name.");
    }

    #[test]
    fn percentages_stay_on_the_scale() {
        let mut plan = valid_plan();
        plan.metrics.csat.target = 105.0;
        plan.metrics.deflection.baseline = Some(-1.0);
        assert_fires(&plan, "MET-002", "metrics.csat.target");
        assert_fires(&plan, "MET-002", "metrics.deflection.baseline");
        plan.metrics.csat.target = 95.0;
        plan.metrics.deflection.baseline = Some(0.0);
        assert_quiet(&plan, "MET-002");
    }

    #[test]
    fn percent_target_improves_on_baseline() {
        let mut plan = valid_plan();
        plan.metrics.first_contact_resolution.target = 55.0;
        let finding = assert_fires(&plan, "MET-003", "metrics.first_contact_resolution.target");
        assert_eq!(
            finding.message,
            "First contact resolution target (55 %) is no better than today's 60 %."
        );
        plan.metrics.first_contact_resolution.target = 65.0;
        assert_quiet(&plan, "MET-003");
    }

    #[test]
    fn time_target_improves_on_baseline() {
        let mut plan = valid_plan();
        plan.metrics.first_response.target = duration("4h");
        assert_fires(&plan, "MET-003", "metrics.first_response.target");
        plan.metrics.first_response.baseline = None;
        assert_quiet(&plan, "MET-003");
    }

    #[test]
    fn resolution_time_not_shorter_than_first_response_time() {
        let mut plan = valid_plan();
        plan.metrics.resolution.target = duration("30m");
        assert_fires(&plan, "MET-004", "metrics.resolution.target");
        plan.metrics.resolution.target = duration("8h");
        assert_quiet(&plan, "MET-004");
    }
}
