//! Self-service rules: what the plan says about its community forum matches its channels.
//! Whether the section is filled at all is a required-section rule (`SS-001`).

use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::{ChannelKind, Plan};

const FORUM_MISMATCH: RuleInfo = RuleInfo {
    id: "SS-002",
    severity: Severity::Warning,
    title: "Community channel without a community forum",
    explanation: "A community channel is listed, but self-service says there is no community forum. Say yes to the forum, or remove the channel.",
};

pub(crate) const RULES: &[RuleInfo] = &[FORUM_MISMATCH];

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let community = plan
        .channels
        .iter()
        .find(|c| c.kind == ChannelKind::Community);
    if let (Some(channel), false) = (community, plan.self_service.community_forum) {
        findings.push(FORUM_MISMATCH.at(
            Path::field("self_service").then("community_forum"),
            format!("The channel \"{}\" is a community, but self-service says there is no community forum.", channel.name),
            "Set Community Forum to yes, or remove the community channel.".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::ChannelKind;
    use crate::rules::testing::{assert_fires, assert_quiet, channel, valid_plan};

    #[test]
    fn community_channel_means_a_forum() {
        let mut plan = valid_plan();
        plan.channels.push(channel(
            "Forum",
            ChannelKind::Community,
            "24/7",
            0.0,
            "Tier 1",
        ));
        assert_fires(&plan, "SS-002", "self_service.community_forum");
        plan.self_service.community_forum = true;
        assert_quiet(&plan, "SS-002");
    }
}
