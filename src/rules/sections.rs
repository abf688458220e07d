//! Required sections: the parts the brief's OUTPUT FORMAT always prints must not be empty.
//! Each section has its own id, in the numbering of its area (`CHN-001` is "no channels").

use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::Plan;

const PRODUCT: RuleInfo = RuleInfo {
    id: "HDR-001",
    severity: Severity::Error,
    title: "No product name",
    explanation: "The plan's title line names the product it supports. Fill in the product name.",
};
const CHANNELS: RuleInfo = RuleInfo {
    id: "CHN-001",
    severity: Severity::Error,
    title: "No channels",
    explanation: "The channel strategy is empty, so customers have no way to reach support. Add at least one channel (email, chat, phone…).",
};
const TAXONOMY: RuleInfo = RuleInfo {
    id: "TAX-001",
    severity: Severity::Error,
    title: "No ticket categories",
    explanation: "The ticket taxonomy is empty, so nothing decides a ticket's priority or where it goes. Add the categories your tickets fall into.",
};
const SLA_TARGETS: RuleInfo = RuleInfo {
    id: "SLA-001",
    severity: Severity::Error,
    title: "No SLA targets",
    explanation: "The plan has no SLA policy with targets, so it promises customers nothing. Add a policy (one that applies to everyone is enough) with a row per priority.",
};
const ESCALATIONS: RuleInfo = RuleInfo {
    id: "ESC-001",
    severity: Severity::Error,
    title: "No escalation matrix",
    explanation: "No trigger escalates anything, so tickets about to breach their SLA stay where they are. Add escalation rules.",
};
const SELF_SERVICE: RuleInfo = RuleInfo {
    id: "SS-001",
    severity: Severity::Warning,
    title: "No self-service resources",
    explanation: "No knowledge-base topics, FAQ, videos or community forum: every question becomes a ticket. List what customers can find on their own.",
};
const AUTOMATION: RuleInfo = RuleInfo {
    id: "AUTO-001",
    severity: Severity::Warning,
    title: "No automation",
    explanation: "No auto-replies, auto-routing, auto-resolution or chatbot: agents do every step by hand. Name the automation opportunities.",
};
const METRICS: RuleInfo = RuleInfo {
    id: "MET-001",
    severity: Severity::Warning,
    title: "Success metric without a target",
    explanation: "Each success metric the plan reports (first response, resolution, CSAT, first contact resolution, deflection) needs a target to measure the team against.",
};
const FEEDBACK: RuleInfo = RuleInfo {
    id: "FB-001",
    severity: Severity::Warning,
    title: "Feedback loop cadence left empty",
    explanation: "Say what is reported weekly (to product), monthly (trends) and quarterly (strategy), so support's learning reaches the rest of the company.",
};

pub(crate) const RULES: &[RuleInfo] = &[
    PRODUCT,
    CHANNELS,
    TAXONOMY,
    SLA_TARGETS,
    ESCALATIONS,
    SELF_SERVICE,
    AUTOMATION,
    METRICS,
    FEEDBACK,
];

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    if plan.header.product.trim().is_empty() {
        findings.push(PRODUCT.at(
            Path::field("header").then("product"),
            "The plan doesn't name the product it supports.".into(),
            "Type the product's name in the header.".into(),
        ));
    }
    if plan.channels.is_empty() {
        findings.push(CHANNELS.at(
            Path::field("channels"),
            "The plan has no support channels.".into(),
            "Add the channels customers use, such as email for non-urgent questions and chat for quick ones.".into(),
        ));
    }
    if plan.taxonomy.is_empty() {
        findings.push(TAXONOMY.at(
            Path::field("taxonomy"),
            "The ticket taxonomy has no categories.".into(),
            "Add categories (Billing, Technical issue, How-to…) with their types, default priority and tier.".into(),
        ));
    }
    if plan.sla.iter().all(|policy| policy.targets.is_empty()) {
        findings.push(SLA_TARGETS.at(
            Path::field("sla"),
            "The plan sets no SLA targets.".into(),
            "Add a first response and resolution target for each priority.".into(),
        ));
    }
    if plan.escalation.rules.is_empty() {
        findings.push(ESCALATIONS.at(
            Path::field("escalation").then("rules"),
            "The escalation matrix is empty.".into(),
            "Add at least one trigger, such as \"Critical ticket without first response\", with who it goes to and when.".into(),
        ));
    }
    let self_service = &plan.self_service;
    if self_service.knowledge_base.is_empty()
        && self_service.faq.is_empty()
        && self_service.video_tutorials.is_empty()
        && !self_service.community_forum
    {
        findings.push(SELF_SERVICE.at(
            Path::field("self_service").then("knowledge_base"),
            "The plan offers no self-service: no knowledge base, FAQ, videos or community forum.".into(),
            "List the knowledge-base topics and top FAQ questions customers can answer themselves.".into(),
        ));
    }
    let automation = &plan.automation;
    if automation.auto_reply.is_empty()
        && automation.auto_route.is_empty()
        && automation.auto_resolve.is_empty()
        && automation.chatbot.trim().is_empty()
    {
        findings.push(AUTOMATION.at(
            Path::field("automation").then("auto_reply"),
            "The plan names no automation opportunities.".into(),
            "Start with an auto-reply that acknowledges every ticket and auto-routing by category.".into(),
        ));
    }
    check_metric_targets(plan, findings);
    for (field, cadence, what) in [
        (
            "weekly",
            &plan.feedback.weekly,
            "what goes to product every week",
        ),
        (
            "monthly",
            &plan.feedback.monthly,
            "the monthly trend analysis",
        ),
        (
            "quarterly",
            &plan.feedback.quarterly,
            "the quarterly strategic review",
        ),
    ] {
        if cadence.trim().is_empty() {
            findings.push(FEEDBACK.at(
                Path::field("feedback").then(field),
                format!("The {field} feedback loop is empty."),
                format!("Describe {what}."),
            ));
        }
    }
}

fn check_metric_targets(plan: &Plan, findings: &mut Vec<Finding>) {
    let metrics = &plan.metrics;
    let missing = [
        (
            "first_response",
            "First response time",
            metrics.first_response.target.is_zero(),
        ),
        (
            "resolution",
            "Resolution time",
            metrics.resolution.target.is_zero(),
        ),
        ("csat", "CSAT score", metrics.csat.target == 0.0),
        (
            "first_contact_resolution",
            "First contact resolution",
            metrics.first_contact_resolution.target == 0.0,
        ),
        (
            "deflection",
            "Ticket deflection",
            metrics.deflection.target == 0.0,
        ),
    ];
    for (field, label, is_missing) in missing {
        if is_missing {
            findings.push(METRICS.at(
                Path::field("metrics").then(field).then("target"),
                format!("{label} has no target."),
                format!("Set the {} you commit to.", label.to_lowercase()),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_quiet, valid_plan};

    #[test]
    fn product_name_required() {
        let mut plan = valid_plan();
        plan.header.product = "  ".into();
        assert_fires(&plan, "HDR-001", "header.product");
        plan.header.product = "Acme".into();
        assert_quiet(&plan, "HDR-001");
    }

    #[test]
    fn channels_required() {
        let mut plan = valid_plan();
        let channels = std::mem::take(&mut plan.channels);
        assert_fires(&plan, "CHN-001", "channels");
        plan.channels = channels;
        assert_quiet(&plan, "CHN-001");
    }

    #[test]
    fn taxonomy_required() {
        let mut plan = valid_plan();
        plan.taxonomy.clear();
        assert_fires(&plan, "TAX-001", "taxonomy");
        assert_quiet(&valid_plan(), "TAX-001");
    }

    #[test]
    fn sla_targets_required() {
        let mut plan = valid_plan();
        plan.sla.clear();
        assert_fires(&plan, "SLA-001", "sla");
        assert_quiet(&valid_plan(), "SLA-001");
    }

    #[test]
    fn escalation_matrix_required() {
        let mut plan = valid_plan();
        plan.escalation.rules.clear();
        assert_fires(&plan, "ESC-001", "escalation.rules");
        assert_quiet(&valid_plan(), "ESC-001");
    }

    #[test]
    fn self_service_required_but_a_forum_alone_counts() {
        let mut plan = valid_plan();
        plan.self_service = Default::default();
        assert_fires(&plan, "SS-001", "self_service.knowledge_base");
        plan.self_service.community_forum = true;
        assert_quiet(&plan, "SS-001");
    }

    #[test]
    fn automation_required_but_a_chatbot_alone_counts() {
        let mut plan = valid_plan();
        plan.automation = Default::default();
        assert_fires(&plan, "AUTO-001", "automation.auto_reply");
        plan.automation.chatbot = "Order status".into();
        assert_quiet(&plan, "AUTO-001");
    }

    #[test]
    fn each_metric_needs_a_target() {
        let mut plan = valid_plan();
        plan.metrics.csat.target = 0.0;
        plan.metrics.resolution.target = crate::plan::Duration::ZERO;
        assert_fires(&plan, "MET-001", "metrics.csat.target");
        assert_fires(&plan, "MET-001", "metrics.resolution.target");
        plan.metrics = valid_plan().metrics;
        assert_quiet(&plan, "MET-001");
    }

    #[test]
    fn each_feedback_cadence_needs_words() {
        let mut plan = valid_plan();
        plan.feedback.monthly.clear();
        assert_fires(&plan, "FB-001", "feedback.monthly");
        plan.feedback.monthly = "Top contact drivers and trends".into();
        assert_quiet(&plan, "FB-001");
    }
}
