//! Roadmap rules: steps under way have owners and titles, and phases finish in order.
//! Nothing here depends on today's date; overdue steps need a clock the rules don't have.

use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::{Date, Plan, StepStatus};

const NO_OWNER: RuleInfo = RuleInfo {
    id: "RM-001",
    severity: Severity::Warning,
    title: "Roadmap step under way without an owner",
    explanation:
        "A step that is in progress or blocked needs someone who drives it. Name the owner.",
};
const NO_TITLE: RuleInfo = RuleInfo {
    id: "RM-002",
    severity: Severity::Warning,
    title: "Roadmap step without a title",
    explanation: "Say what the step is, or remove it.",
};
const PHASES_OUT_OF_ORDER: RuleInfo = RuleInfo {
    id: "RM-003",
    severity: Severity::Info,
    title: "Phase finishes before the one it follows",
    explanation: "The four phases run in order (Assess, Design, Implement, Optimize). A phase whose last step is due before the previous phase's last step usually means a mistyped date.",
};

pub(crate) const RULES: &[RuleInfo] = &[NO_OWNER, NO_TITLE, PHASES_OUT_OF_ORDER];

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let mut previous: Option<(&str, Date)> = None;
    for (phase, steps) in plan.roadmap.phases() {
        let field = phase.to_lowercase();
        let mut last: Option<(usize, Date)> = None;
        for (index, step) in steps.iter().enumerate() {
            let at = |part: &str| Path::field("roadmap").then(&field).at(index).then(part);
            if step.title.trim().is_empty() {
                findings.push(NO_TITLE.at(
                    at("title"),
                    format!("{phase} step {} has no title.", index + 1),
                    "Describe the step, or remove it.".into(),
                ));
            }
            let under_way = matches!(step.status, StepStatus::InProgress | StepStatus::Blocked);
            if under_way && step.owner.trim().is_empty() {
                findings.push(NO_OWNER.at(
                    at("owner"),
                    format!(
                        "\"{}\" is {} but has no owner.",
                        step.title,
                        step.status.label().to_lowercase()
                    ),
                    "Name who drives this step.".into(),
                ));
            }
            if let Some(due) = step.due {
                if last.is_none_or(|(_, latest)| due > latest) {
                    last = Some((index, due));
                }
            }
        }
        if let (Some((earlier, earlier_end)), Some((index, end))) = (previous, last) {
            if end < earlier_end {
                findings.push(PHASES_OUT_OF_ORDER.at(
                    Path::field("roadmap").then(&field).at(index).then("due"),
                    format!("{phase} finishes on {end}, before {earlier} does ({earlier_end})."),
                    format!("Check the due dates: {phase} normally ends after {earlier}."),
                ));
            }
        }
        if last.is_some() {
            previous = last.map(|(_, end)| (phase, end));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::StepStatus;
    use crate::rules::testing::{assert_fires, assert_quiet, valid_plan};

    #[test]
    fn step_under_way_has_an_owner() {
        let mut plan = valid_plan();
        plan.roadmap.design[1].status = StepStatus::Blocked;
        let finding = assert_fires(&plan, "RM-001", "roadmap.design[1].owner");
        assert_eq!(
            finding.message,
            "\"Create ticket taxonomy\" is blocked but has no owner."
        );
        plan.roadmap.design[1].owner = "Support lead".into();
        assert_quiet(&plan, "RM-001");
    }

    #[test]
    fn step_has_a_title() {
        let mut plan = valid_plan();
        plan.roadmap.optimize[4].title.clear();
        assert_fires(&plan, "RM-002", "roadmap.optimize[4].title");
        plan.roadmap.optimize[4].title = "Feed into product".into();
        assert_quiet(&plan, "RM-002");
    }

    #[test]
    fn phases_finish_in_order() {
        let mut plan = valid_plan();
        plan.roadmap.assess[4].due = "2026-03-31".parse().ok();
        plan.roadmap.design[0].due = "2026-03-15".parse().ok();
        let finding = assert_fires(&plan, "RM-003", "roadmap.design[0].due");
        assert_eq!(
            finding.message,
            "Design finishes on 2026-03-15, before Assess does (2026-03-31)."
        );
        plan.roadmap.design[0].due = "2026-04-30".parse().ok();
        assert_quiet(&plan, "RM-003");
    }
}
