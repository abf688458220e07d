//! Automation rules: chatbot containment is a percentage and comes with a described chatbot.
//! Whether any automation is planned at all is a required-section rule (`AUTO-001`).

use super::util::{is_percent, percent};
use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::Plan;

const CONTAINMENT_RANGE: RuleInfo = RuleInfo {
    id: "AUTO-002",
    severity: Severity::Error,
    title: "Chatbot containment outside 0–100 %",
    explanation: "Containment is the percentage of conversations the chatbot finishes without an agent, between 0 and 100 %.",
};
const CHATBOT_UNDESCRIBED: RuleInfo = RuleInfo {
    id: "AUTO-003",
    severity: Severity::Warning,
    title: "Chatbot containment without a chatbot",
    explanation: "The plan expects the chatbot to handle conversations but doesn't say what it covers. Describe its coverage (order status, password resets…).",
};

pub(crate) const RULES: &[RuleInfo] = &[CONTAINMENT_RANGE, CHATBOT_UNDESCRIBED];

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let automation = &plan.automation;
    let Some(containment) = automation.chatbot_containment else {
        return;
    };
    if !is_percent(containment) {
        findings.push(CONTAINMENT_RANGE.at(
            Path::field("automation").then("chatbot_containment"),
            format!("Chatbot containment is {}.", percent(containment)),
            "Enter a percentage between 0 and 100; 10–30 % is typical at launch.".into(),
        ));
    }
    if containment > 0.0 && automation.chatbot.trim().is_empty() {
        findings.push(CHATBOT_UNDESCRIBED.at(
            Path::field("automation").then("chatbot"),
            format!("The chatbot is expected to handle {} of conversations, but its coverage isn't described.", percent(containment)),
            "Say what the chatbot covers.".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_quiet, valid_plan};

    #[test]
    fn containment_is_a_percentage() {
        let mut plan = valid_plan();
        plan.automation.chatbot_containment = Some(120.0);
        assert_fires(&plan, "AUTO-002", "automation.chatbot_containment");
        plan.automation.chatbot_containment = Some(30.0);
        assert_quiet(&plan, "AUTO-002");
    }

    #[test]
    fn containment_needs_a_described_chatbot() {
        let mut plan = valid_plan();
        plan.automation.chatbot.clear();
        assert_fires(&plan, "AUTO-003", "automation.chatbot");
        plan.automation.chatbot_containment = None;
        assert_quiet(&plan, "AUTO-003");
    }
}
