//! Channel rules: shares of volume that add up, routing and hours that resolve, workable handle times.
//! The staffing maths read these numbers directly, so impossible values are errors.

use super::util::{is_percent, missing, percent, total_off_100, who, Names};
use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::{ChannelKind, Plan};

const SHARES: RuleInfo = RuleInfo {
    id: "CHN-002",
    severity: Severity::Error,
    title: "Channel volume shares don't add up to 100 %",
    explanation: "Each channel's share of the monthly volume decides its staffing. The shares must add up to 100 % (within half a percent).",
};
const ROUTE: RuleInfo = RuleInfo {
    id: "CHN-003",
    severity: Severity::Error,
    title: "Channel routed to a tier that doesn't exist",
    explanation: "Contacts arriving on this channel go to a tier the plan doesn't define, so nobody picks them up. Choose one of the plan's tiers.",
};
const HOURS: RuleInfo = RuleInfo {
    id: "CHN-004",
    severity: Severity::Error,
    title: "Channel hours use an unknown calendar",
    explanation: "A channel's hours name a calendar; this one doesn't exist. Pick one of the plan's calendars or 24/7.",
};
const HANDLE_TIME: RuleInfo = RuleInfo {
    id: "CHN-005",
    severity: Severity::Error,
    title: "Channel handle time is zero",
    explanation: "Every contact takes agent time. With a zero average handle time the channel needs no staff, which is never true. Enter the average minutes per contact.",
};
const NO_CONCURRENCY: RuleInfo = RuleInfo {
    id: "CHN-006",
    severity: Severity::Error,
    title: "Channel concurrency is zero",
    explanation:
        "Concurrency is how many contacts one agent handles at once: at least 1 (chat usually 2–3).",
};
const CHAT_CONCURRENCY: RuleInfo = RuleInfo {
    id: "CHN-007",
    severity: Severity::Warning,
    title: "Chat concurrency above 6",
    explanation: "Agents juggling more than six chats at once answer slowly and make mistakes; most teams plan for 2–3.",
};
const PHONE_CONCURRENCY: RuleInfo = RuleInfo {
    id: "CHN-008",
    severity: Severity::Warning,
    title: "Phone concurrency above 1",
    explanation:
        "An agent takes one call at a time; a concurrency above 1 under-staffs the phone line.",
};
const SHARE_RANGE: RuleInfo = RuleInfo {
    id: "CHN-009",
    severity: Severity::Error,
    title: "Channel volume share outside 0–100 %",
    explanation: "A channel's share of the monthly volume is a percentage between 0 and 100.",
};

const DEFAULT_PRIORITY: RuleInfo = RuleInfo {
    id: "CHN-010",
    severity: Severity::Error,
    title: "Channel defaults to a priority that doesn't exist",
    explanation: "Tickets from this channel start with a priority the plan doesn't define, so they get no SLA. Pick one of the plan's priorities, or none.",
};

const UNKNOWN_POLICY: RuleInfo = RuleInfo {
    id: "CHN-011",
    severity: Severity::Error,
    title: "Channel offered to an SLA policy the plan doesn't have",
    explanation: "A channel can be offered to some contract levels only (a phone line for Enterprise): it lists the SLA policies whose customers may use it. This one names a policy the plan doesn't define, so nobody it meant gets the channel. Pick one of the plan's SLA policies, or leave the list empty for everyone.",
};
const ON_CALL_HOURS: RuleInfo = RuleInfo {
    id: "CHN-012",
    severity: Severity::Error,
    title: "On-call rotation on an unknown calendar",
    explanation: "An on-call rotation covers the hours of a calendar within the channel's hours (all of them when it names none). This calendar doesn't exist, so the staffing counts the rotation over all of the channel's hours. Pick one of the plan's calendars, or leave it empty.",
};
const ON_CALL_NOBODY: RuleInfo = RuleInfo {
    id: "CHN-013",
    severity: Severity::Error,
    title: "On-call rotation with nobody on call",
    explanation: "The rotation answers the channel in its hours instead of agents at desks, so at least one person must be on call at a time.",
};

pub(crate) const RULES: &[RuleInfo] = &[
    SHARES,
    ROUTE,
    HOURS,
    HANDLE_TIME,
    NO_CONCURRENCY,
    CHAT_CONCURRENCY,
    PHONE_CONCURRENCY,
    SHARE_RANGE,
    DEFAULT_PRIORITY,
    UNKNOWN_POLICY,
    ON_CALL_HOURS,
    ON_CALL_NOBODY,
];

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let names = Names::of(plan);
    for (index, channel) in plan.channels.iter().enumerate() {
        let at = |field: &str| Path::field("channels").at(index).then(field);
        let name = who("Channel", index, &channel.name);
        if !is_percent(channel.volume_share) {
            findings.push(SHARE_RANGE.at(
                at("volume_share"),
                format!(
                    "{name} has a volume share of {}.",
                    percent(channel.volume_share)
                ),
                "Enter a share between 0 and 100 %.".into(),
            ));
        }
        if !names.tiers.contains(channel.route_to.as_str()) {
            findings.push(ROUTE.at(
                at("route_to"),
                format!("{name} {}.", missing("tier", &channel.route_to)),
                "Route it to one of the plan's tiers, usually Tier 1.".into(),
            ));
        }
        if !names.calendars.contains(channel.hours.as_str()) {
            findings.push(HOURS.at(
                at("hours"),
                format!("{name} {}.", missing("calendar", &channel.hours)),
                "Choose one of the plan's calendars, or 24/7.".into(),
            ));
        }
        if channel.handle_time.is_zero() {
            findings.push(HANDLE_TIME.at(
                at("handle_time"),
                format!("{name} has an average handle time of zero."),
                "Enter how long one contact takes on average, like 8m for chat or 15m for email.".into(),
            ));
        }
        let default_priority = channel.default_priority.as_str();
        if !default_priority.is_empty() && !names.priorities.contains(default_priority) {
            findings.push(DEFAULT_PRIORITY.at(
                at("default_priority"),
                format!("{name} {}.", missing("default priority", default_priority)),
                "Pick one of the plan's priorities, or none.".into(),
            ));
        }
        check_concurrency(index, channel, findings);
        check_offer(plan, index, channel, findings);
    }
    if let Some(total) = total_off_100(plan.channels.iter().map(|c| c.volume_share)) {
        findings.push(SHARES.at(
            Path::field("channels").at(0).then("volume_share"),
            format!(
                "Channel volume shares add up to {}, not 100 %.",
                percent(total)
            ),
            format!(
                "{} one or more channels' shares so they total 100 %.",
                if total > 100.0 { "Lower" } else { "Raise" }
            ),
        ));
    }
}

/// Who may use the channel, and its on-call rotation, name what the plan has.
fn check_offer(
    plan: &Plan,
    index: usize,
    channel: &crate::plan::Channel,
    findings: &mut Vec<Finding>,
) {
    let name = who("Channel", index, &channel.name);
    for (entry, policy) in channel.available_to.iter().enumerate() {
        let policy = policy.trim();
        if !policy.is_empty() && !plan.sla.iter().any(|p| p.name.trim() == policy) {
            findings.push(UNKNOWN_POLICY.at(
                Path::field("channels").at(index).then("available_to").at(entry),
                format!("{name} is offered to the SLA policy \"{policy}\", which the plan doesn't define."),
                "Pick one of the plan's SLA policies, or leave the list empty for everyone.".into(),
            ));
        }
    }
    let Some(on_call) = channel.rotation() else {
        return;
    };
    let hours = on_call.hours.trim();
    if !hours.is_empty() && plan.calendar(hours).is_none() {
        findings.push(
            ON_CALL_HOURS.at(
                Path::field("channels")
                    .at(index)
                    .then("on_call")
                    .then("hours"),
                format!("{name}'s on-call rotation {}.", missing("calendar", hours)),
                "Choose one of the plan's calendars, or leave it empty for the channel's hours."
                    .into(),
            ),
        );
    }
    if on_call.people == 0 {
        findings.push(
            ON_CALL_NOBODY.at(
                Path::field("channels")
                    .at(index)
                    .then("on_call")
                    .then("people"),
                format!("{name}'s on-call rotation has nobody on call."),
                "Set how many are on call at a time (at least 1).".into(),
            ),
        );
    }
}

fn check_concurrency(index: usize, channel: &crate::plan::Channel, findings: &mut Vec<Finding>) {
    let path = Path::field("channels").at(index).then("concurrency");
    let name = who("Channel", index, &channel.name);
    let concurrency = channel.concurrency;
    if concurrency == 0 {
        findings.push(NO_CONCURRENCY.at(
            path,
            format!("{name} has a concurrency of 0: no agent can take a contact."),
            "Set it to 1, or 2–3 for chat.".into(),
        ));
    } else if channel.kind == ChannelKind::Chat && concurrency > 6 {
        findings.push(CHAT_CONCURRENCY.at(
            path,
            format!("{name} expects each agent to handle {concurrency} chats at once."),
            "Plan for 2–3 concurrent chats per agent; at most 6.".into(),
        ));
    } else if channel.kind == ChannelKind::Phone && concurrency > 1 {
        findings.push(PHONE_CONCURRENCY.at(
            path,
            format!("{name} expects each agent to take {concurrency} calls at once."),
            "Set phone concurrency to 1.".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::Duration;
    use crate::rules::testing::{assert_fires, assert_quiet, valid_plan};

    #[test]
    fn channel_default_priority_exists() {
        let mut plan = valid_plan();
        plan.channels[1].default_priority = "Medium".into();
        let finding = assert_fires(&plan, "CHN-010", "channels[1].default_priority");
        assert_eq!(
            finding.message,
            "Channel \"Email\" uses the default priority \"Medium\", which the plan doesn't define."
        );
        plan.channels[1].default_priority = "Normal".into();
        assert_quiet(&plan, "CHN-010");
    }

    #[test]
    fn a_channel_is_offered_to_policies_the_plan_has() {
        let mut plan = valid_plan();
        plan.channels[2].available_to = vec!["Enterprise".into()];
        let finding = assert_fires(&plan, "CHN-011", "channels[2].available_to[0]");
        assert!(
            finding.message.contains("\"Enterprise\""),
            "{}",
            finding.message
        );
        plan.channels[2].available_to = vec![plan.sla[0].name.clone()];
        assert_quiet(&plan, "CHN-011");
    }

    #[test]
    fn an_on_call_rotation_has_people_and_known_hours() {
        let mut plan = valid_plan();
        plan.channels[2].on_call = Some(crate::plan::OnCall {
            rotation: "Tier 2".into(),
            people: 0,
            hours: "Nights".into(),
            ..crate::plan::OnCall::default()
        });
        assert_fires(&plan, "CHN-012", "channels[2].on_call.hours");
        assert_fires(&plan, "CHN-013", "channels[2].on_call.people");
        // A blank rotation is no rotation: nothing to check.
        plan.channels[2].on_call.as_mut().unwrap().rotation.clear();
        assert_quiet(&plan, "CHN-012");
        assert_quiet(&plan, "CHN-013");
    }

    #[test]
    fn shares_add_up_to_100() {
        let mut plan = valid_plan();
        plan.channels[2].volume_share = 10.0;
        let finding = assert_fires(&plan, "CHN-002", "channels[0].volume_share");
        assert!(
            finding.message.contains("add up to 95 %"),
            "{}",
            finding.message
        );
        plan.channels[2].volume_share = 15.4;
        assert_quiet(&plan, "CHN-002");
    }

    #[test]
    fn channel_routes_to_an_existing_tier() {
        let mut plan = valid_plan();
        plan.channels[1].route_to = "Tier 0".into();
        let finding = assert_fires(&plan, "CHN-003", "channels[1].route_to");
        assert_eq!(
            finding.message,
            "Channel \"Email\" uses the tier \"Tier 0\", which the plan doesn't define."
        );
        plan.channels[1].route_to = "Tier 1".into();
        assert_quiet(&plan, "CHN-003");
    }

    #[test]
    fn channel_hours_name_a_known_calendar() {
        let mut plan = valid_plan();
        plan.channels[0].hours = "Office".into();
        assert_fires(&plan, "CHN-004", "channels[0].hours");
        plan.channels[0].hours = "24/7".into();
        assert_quiet(&plan, "CHN-004");
    }

    #[test]
    fn handle_time_is_not_zero() {
        let mut plan = valid_plan();
        plan.channels[2].handle_time = Duration::ZERO;
        assert_fires(&plan, "CHN-005", "channels[2].handle_time");
        plan.channels[2].handle_time = Duration::minutes(9);
        assert_quiet(&plan, "CHN-005");
    }

    #[test]
    fn concurrency_is_at_least_one() {
        let mut plan = valid_plan();
        plan.channels[1].concurrency = 0;
        assert_fires(&plan, "CHN-006", "channels[1].concurrency");
        plan.channels[1].concurrency = 1;
        assert_quiet(&plan, "CHN-006");
    }

    #[test]
    fn chat_concurrency_at_most_six() {
        let mut plan = valid_plan();
        plan.channels[0].concurrency = 7;
        assert_fires(&plan, "CHN-007", "channels[0].concurrency");
        plan.channels[0].concurrency = 6;
        assert_quiet(&plan, "CHN-007");
    }

    #[test]
    fn phone_takes_one_call_at_a_time() {
        let mut plan = valid_plan();
        plan.channels[2].concurrency = 2;
        assert_fires(&plan, "CHN-008", "channels[2].concurrency");
        plan.channels[2].concurrency = 1;
        assert_quiet(&plan, "CHN-008");
    }

    #[test]
    fn share_is_a_percentage() {
        let mut plan = valid_plan();
        plan.channels[0].volume_share = -5.0;
        assert_fires(&plan, "CHN-009", "channels[0].volume_share");
        plan.channels[0].volume_share = 0.0;
        assert_quiet(&plan, "CHN-009");
    }
}
