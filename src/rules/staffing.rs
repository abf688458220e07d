//! Under-staffing rules: the team set against what the capacity maths say the plan needs
//! (Erlang C for live channels, workload for deferred ones), and time zones the maths cannot read.

use super::{Finding, RuleInfo, Severity};
use crate::capacity::erlang::MAX_AGENTS;
use crate::capacity::profile::{is_usable, WEEK_HOURS};
use crate::capacity::staffing::{hour_label, live_targets, ready, Staffed, StaffingPlan};
use crate::capacity::zones::is_known_zone;
use crate::plan::Path;
use crate::plan::Plan;

const TEAM_TOO_SMALL: RuleInfo = RuleInfo {
    id: "STAFF-001",
    severity: Severity::Error,
    title: "Team smaller than the plan needs",
    explanation: "From the monthly volume, each channel's share, hours and handle time, and the staffing assumptions (service level, occupancy, shrinkage), the plan needs more agents than the team has, so its targets will be missed. Grow the team, cut handle time or volume (self-service, automation), or relax the targets.",
};
const PEAK_BEYOND_TEAM: RuleInfo = RuleInfo {
    id: "STAFF-002",
    severity: Severity::Error,
    title: "A live channel's busiest hour needs more agents than the team has",
    explanation: "Chat and phone are answered while the customer waits. At the channel's busiest hour, Erlang C needs more agents on shift (after shrinkage) than the whole team, so that hour cannot meet its answer target however shifts are drawn. Spread demand (hours, callbacks), add concurrency for chat, or grow the team.",
};
const UNKNOWN_ZONE: RuleInfo = RuleInfo {
    id: "STAFF-003",
    severity: Severity::Warning,
    title: "Time zone not in the app's list",
    explanation: "Deadlines, staffing and the simulation read hours in a time zone from the app's list of common IANA zones. A zone outside it cannot be computed with, so those numbers are missing. Pick the nearest zone from the list (same offset and daylight-saving rules).",
};

const CAP_REACHED: RuleInfo = RuleInfo {
    id: "STAFF-004",
    severity: Severity::Error,
    title: "Staffing need beyond what the maths searches",
    explanation: "For some hour a live channel needs more than 100,000 agents on shift (or a target no number of agents meets), so the staffing search stopped at its cap and the figures shown for that hour are a floor, not a plan. Check the monthly volume, the channel's share and handle time, and its answer-time target and service level.",
};
const ANSWER_TARGET: RuleInfo = RuleInfo {
    id: "STAFF-005",
    severity: Severity::Warning,
    title: "Live channel answer-time target of 0 s or over an hour",
    explanation: "A live channel (chat, phone) is staffed so that a share of contacts is answered within its answer-time target, in seconds (20 s for phone and 30 s for chat unless set). 0 s asks for an agent free the instant every contact arrives; more than an hour is not a live channel any more. Pick a target the customer waits on the line for, usually 10–120 s.",
};
const PERCENT_RANGE: RuleInfo = RuleInfo {
    id: "STAFF-006",
    severity: Severity::Error,
    title: "Staffing assumption outside its range",
    explanation: "Service level, maximum occupancy and the attainment goal are percentages above 0 and at most 100; shrinkage is at least 0 and below 95 (an agent away all the time cannot be scheduled); the escalation share and priority shares are 0–100. A value outside makes the staffing or the simulated month meaningless.",
};
const BAD_PATTERN: RuleInfo = RuleInfo {
    id: "STAFF-007",
    severity: Severity::Error,
    title: "Arrival pattern that cannot be used",
    explanation: "A weekly arrival pattern has 168 values (Monday 00:00 to Sunday 23:00 in the home time zone), none negative, not all zero. One that is not is ignored, and the channel falls back to the shared or built-in pattern. Choose a preset, or paste the pattern again from the spreadsheet.",
};
const PRIORITY_MIX: RuleInfo = RuleInfo {
    id: "STAFF-008",
    severity: Severity::Error,
    title: "Priority mix that does not add up",
    explanation: "The simulated month draws each ticket's priority from the plan's priority mix. Its shares must name the plan's priorities and add up to 100 %; otherwise the month is drawn with other shares than the ones written. Fix the shares, or clear the mix to use the taxonomy's category shares.",
};

const ON_CALL_TOO_SMALL: RuleInfo = RuleInfo {
    id: "STAFF-009",
    severity: Severity::Warning,
    title: "On-call rotation too small for its expected contacts",
    explanation: "An on-call rotation answers a channel in its hours instead of agents at desks. At its busiest hour the expected contacts × handle time need more people than are on call at once (busy at most the plan-wide maximum occupancy), so contacts wait for the next free person. Put more people on call at a time, staff desks for the busy hours, or check the expected contacts.",
};

pub(crate) const RULES: &[RuleInfo] = &[
    TEAM_TOO_SMALL,
    PEAK_BEYOND_TEAM,
    UNKNOWN_ZONE,
    CAP_REACHED,
    ANSWER_TARGET,
    PERCENT_RANGE,
    BAD_PATTERN,
    PRIORITY_MIX,
    ON_CALL_TOO_SMALL,
];

/// Flags only names shaped like IANA zones (`Area/City`); other shapes are the header and
/// calendar rules' business.
fn unknown_zone(name: &str) -> bool {
    name.contains('/') && !is_known_zone(name.trim())
}

/// How the head-count adds up: each channel's desks and the escalation tier, whole people each.
fn staffing_hint(need: &StaffingPlan) -> String {
    format!(
        "Each channel's desks and the escalation tier are staffed with whole people of their own, as the simulated month rosters them: {}. Grow the team, or reduce the load with self-service and automation, shorter hours or longer targets.",
        need.head_count_sum()
    )
}

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    check_given(plan, None, findings);
}

/// The staffing rules, from staffing maths already done for this plan (`None`: do it here).
pub(crate) fn check_given(plan: &Plan, staffed: Option<&Staffed>, findings: &mut Vec<Finding>) {
    let pick = "Pick the nearest zone from the list; it has the same hours and clock changes.";
    if unknown_zone(&plan.header.time_zone) {
        findings.push(UNKNOWN_ZONE.at(
            Path::field("header").then("time_zone"),
            format!(
                "The home time zone \"{}\" is not in the app's list, so staffing cannot be worked out.",
                plan.header.time_zone
            ),
            pick.into(),
        ));
    }
    for (index, calendar) in plan.calendars.iter().enumerate() {
        if unknown_zone(&calendar.time_zone) {
            findings.push(UNKNOWN_ZONE.at(
                Path::field("calendars").at(index).then("time_zone"),
                format!(
                    "Calendar \"{}\" uses the time zone \"{}\", which is not in the app's list, so deadlines on it cannot be worked out.",
                    calendar.name, calendar.time_zone
                ),
                pick.into(),
            ));
        }
    }
    check_assumptions(plan, findings);
    if plan.header.monthly_volume == 0 || plan.header.team_size == 0 {
        return; // The header rules already say so; there is nothing to staff against.
    }
    let worked_out;
    let staffed = match staffed {
        Some(given) => given,
        None => {
            worked_out = ready(plan);
            &worked_out
        }
    };
    let Ok(need) = staffed else { return };
    super::shifts::check_cover(plan, need, findings);
    for channel in need.channels.iter().filter(|c| !c.capped_hours.is_empty()) {
        let hours: Vec<String> = channel
            .capped_hours
            .iter()
            .take(3)
            .map(|&h| hour_label(h))
            .collect();
        findings.push(CAP_REACHED.at(
            Path::field("channels").at(channel.index).then("answer_within_seconds"),
            format!(
                "{} reached the cap of {} agents on shift at {} hours of the week ({}{}); the figures there are a floor, not a plan.",
                channel.name,
                MAX_AGENTS,
                channel.capped_hours.len(),
                hours.join(", "),
                if channel.capped_hours.len() > 3 { ", …" } else { "" }
            ),
            "Check the monthly volume, this channel's share and handle time, and its answer-time target and service level.".into(),
        ));
    }
    for (channel, cover) in need.on_call() {
        if cover.people_needed > cover.people {
            findings.push(ON_CALL_TOO_SMALL.at(
                Path::field("channels").at(channel.index).then("on_call").then("people"),
                format!(
                    "{}'s on-call rotation has {} on call at a time, but its busiest hour ({}) expects {} contacts of {} min, {} hours of work: that needs {} on call.",
                    channel.name,
                    cover.people,
                    hour_label(cover.peak_hour),
                    crate::rules::util::number(cover.contacts[cover.peak_hour]),
                    crate::rules::util::number(cover.handle_seconds / 60.0),
                    crate::rules::util::number(cover.peak_load),
                    cover.people_needed
                ),
                "Put more people on call at a time, staff desks for the busy hours, or check the expected contacts.".into(),
            ));
        }
    }
    let team = plan.header.team_size;
    if need.head_count > team {
        findings.push(TEAM_TOO_SMALL.at(
            Path::field("header").then("team_size"),
            format!(
                "The plan needs {} agents, the team has {team} ({} short).",
                need.head_count,
                need.head_count - team
            ),
            staffing_hint(need),
        ));
    }
    for channel in need.channels.iter().filter(|c| c.live) {
        if channel.scheduled_at_peak > team {
            findings.push(PEAK_BEYOND_TEAM.at(
                Path::field("channels").at(channel.index).then("handle_time"),
                format!(
                    "{} needs {:.0} agents on shift at {} ({} scheduled after shrinkage); the whole team is {team}.",
                    channel.name,
                    channel.peak,
                    hour_label(channel.peak_hour),
                    channel.scheduled_at_peak
                ),
                "Shorten handle time, let chat agents take more conversations at once, move volume to deferred channels, or grow the team.".into(),
            ));
        }
    }
}

/// A percentage assumption and whether it is in its range.
fn check_percent(
    findings: &mut Vec<Finding>,
    path: Path,
    what: &str,
    value: f64,
    ok: fn(f64) -> bool,
    range: &str,
) {
    if !ok(value) {
        findings.push(PERCENT_RANGE.at(
            path,
            format!("{what} is {value} %, outside {range}."),
            format!("Type a percentage {range}."),
        ));
    }
}

fn above_zero_to_hundred(value: f64) -> bool {
    value > 0.0 && value <= 100.0
}

fn zero_to_hundred(value: f64) -> bool {
    (0.0..=100.0).contains(&value)
}

fn shrinkage_range(value: f64) -> bool {
    (0.0..95.0).contains(&value)
}

/// The staffing assumptions themselves: ranges, patterns, the priority mix, answer targets.
fn check_assumptions(plan: &Plan, findings: &mut Vec<Finding>) {
    let assumptions = &plan.staffing;
    let above_zero = "above 0 and at most 100";
    check_percent(
        findings,
        Path::field("staffing").then("service_level"),
        "The service level",
        assumptions.service_level,
        above_zero_to_hundred,
        above_zero,
    );
    check_percent(
        findings,
        Path::field("staffing").then("max_occupancy"),
        "The maximum occupancy",
        assumptions.max_occupancy,
        above_zero_to_hundred,
        above_zero,
    );
    check_percent(
        findings,
        Path::field("staffing").then("shrinkage"),
        "Shrinkage",
        assumptions.shrinkage,
        shrinkage_range,
        "from 0 to below 95",
    );
    check_percent(
        findings,
        Path::field("staffing").then("attainment_goal"),
        "The attainment goal",
        assumptions.attainment_goal,
        above_zero_to_hundred,
        above_zero,
    );
    check_percent(
        findings,
        Path::field("staffing").then("escalation_share"),
        "The escalation share",
        assumptions.escalation_share,
        zero_to_hundred,
        "from 0 to 100",
    );
    let pattern_problem = |values: &[f64]| {
        (!values.is_empty() && !is_usable(values)).then(|| {
            if values.len() != WEEK_HOURS {
                format!(
                    "has {} values, not 168 (one per hour of the week)",
                    values.len()
                )
            } else if values.iter().any(|v| !v.is_finite() || *v < 0.0) {
                "has a negative value or one that is not a number".to_string()
            } else {
                "is 0 in every hour".to_string()
            }
        })
    };
    if let Some(problem) = pattern_problem(&assumptions.arrival_profile) {
        findings.push(BAD_PATTERN.at(
            Path::field("staffing").then("arrival_profile"),
            format!("The shared arrival pattern {problem}, so it is ignored."),
            "Choose a preset or paste the pattern again (168 numbers, or 7 rows of 24).".into(),
        ));
    }
    for (index, channel) in plan.channels.iter().enumerate() {
        let name = &channel.name;
        if let Some(problem) = pattern_problem(&channel.arrival_profile) {
            findings.push(BAD_PATTERN.at(
                Path::field("channels").at(index).then("arrival_profile"),
                format!("{name}'s arrival pattern {problem}, so it is ignored."),
                "Choose a preset or paste the pattern again (168 numbers, or 7 rows of 24).".into(),
            ));
        }
        if !channel.kind.is_live() {
            continue;
        }
        if let Some(level) = channel.service_level {
            check_percent(
                findings,
                Path::field("channels").at(index).then("service_level"),
                &format!("{name}'s service level"),
                level,
                above_zero_to_hundred,
                above_zero,
            );
        }
        if let Some(occupancy) = channel.max_occupancy {
            check_percent(
                findings,
                Path::field("channels").at(index).then("max_occupancy"),
                &format!("{name}'s maximum occupancy"),
                occupancy,
                above_zero_to_hundred,
                above_zero,
            );
        }
        let answer = live_targets(plan, channel).answer_within_seconds;
        if answer == 0 || answer > 3600 {
            findings.push(
                ANSWER_TARGET.at(
                    Path::field("channels")
                        .at(index)
                        .then("answer_within_seconds"),
                    format!("{name} is staffed to answer within {answer} s."),
                    "Pick how long a customer should wait on the line at most, usually 10–120 s."
                        .into(),
                ),
            );
        }
    }
    let mix = &assumptions.priority_mix;
    for (index, share) in mix.iter().enumerate() {
        if plan.priority_rank(&share.priority).is_none() {
            findings.push(
                PRIORITY_MIX.at(
                    Path::field("staffing")
                        .then("priority_mix")
                        .at(index)
                        .then("priority"),
                    format!(
                        "The priority mix names \"{}\", which is not one of the plan's priorities.",
                        share.priority
                    ),
                    "Name one of the plan's priorities, or clear the mix.".into(),
                ),
            );
        }
        check_percent(
            findings,
            Path::field("staffing")
                .then("priority_mix")
                .at(index)
                .then("share"),
            &format!("The share of \"{}\"", share.priority),
            share.share,
            zero_to_hundred,
            "from 0 to 100",
        );
    }
    let total: f64 = mix.iter().map(|s| s.share).sum();
    if !mix.is_empty() && (total - 100.0).abs() > 0.5 {
        findings.push(
            PRIORITY_MIX.at(
                Path::field("staffing").then("priority_mix"),
                format!(
                    "The priority mix adds up to {} %, not 100 %.",
                    (total * 10.0).round() / 10.0
                ),
                "Make the shares add up to 100 %, or clear the mix to use the taxonomy's shares."
                    .into(),
            ),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Channel, ChannelKind, Duration};

    fn plan(team_size: u32) -> Plan {
        let mut plan = Plan::blank();
        plan.header.time_zone = "Europe/Berlin".into();
        plan.header.monthly_volume = 20_000;
        plan.header.team_size = team_size;
        plan.channels.push(Channel {
            name: "Phone".into(),
            kind: ChannelKind::Phone,
            hours: "24/7".into(),
            volume_share: 100.0,
            handle_time: Duration::minutes(8),
            concurrency: 1,
            ..Channel::default()
        });
        plan.sla = vec![crate::rules::testing::policy(vec![
            crate::rules::testing::sla("Normal", "1m", "8h", "24/7"),
        ])];
        plan
    }

    fn run(plan: &Plan) -> Vec<Finding> {
        let mut findings = Vec::new();
        check(plan, &mut findings);
        crate::rules::testing::assert_paths_resolve(plan, &findings);
        findings
    }

    #[test]
    fn a_small_team_is_told_by_how_much() {
        let findings = run(&plan(5));
        let short = findings.iter().find(|f| f.rule == "STAFF-001").unwrap();
        assert_eq!(short.path, "header.team_size");
        assert!(
            short.message.starts_with("The plan needs "),
            "{}",
            short.message
        );
        assert!(
            short.message.contains("the team has 5"),
            "{}",
            short.message
        );
        let peak = findings.iter().find(|f| f.rule == "STAFF-002").unwrap();
        assert_eq!(peak.path, "channels[0].handle_time");
    }

    #[test]
    fn a_team_the_size_of_the_need_passes() {
        let need = crate::capacity::staffing::staffing(&plan(1))
            .unwrap()
            .head_count;
        assert!(run(&plan(need)).is_empty());
        assert!(run(&plan(need - 1)).iter().any(|f| f.rule == "STAFF-001"));
    }

    /// Issue #11: an extreme plan (a billion calls a month of an hour each) reaches the agent cap;
    /// that is said as a finding, not passed off as a tiny service level.
    #[test]
    fn reaching_the_agent_cap_is_a_finding() {
        let mut extreme = plan(500);
        extreme.header.monthly_volume = 1_000_000_000;
        extreme.channels[0].handle_time = Duration::hours(1);
        let findings = run(&extreme);
        let cap = findings
            .iter()
            .find(|f| f.rule == "STAFF-004")
            .expect("cap reached");
        assert_eq!(cap.path, "channels[0].answer_within_seconds");
        assert!(cap.message.contains("100000 agents"), "{}", cap.message);
        assert!(run(&plan(500)).iter().all(|f| f.rule != "STAFF-004"));
    }

    #[test]
    fn assumptions_out_of_range_are_named_at_their_field() {
        let mut odd = plan(500);
        odd.staffing.shrinkage = 95.0;
        odd.staffing.escalation_share = 120.0;
        odd.channels[0].service_level = Some(0.0);
        odd.channels[0].answer_within_seconds = Some(0);
        odd.channels[0].arrival_profile = vec![1.0; 24];
        odd.staffing.priority_mix = vec![crate::plan::PriorityShare {
            priority: "Urgent".into(),
            share: 60.0,
        }];
        let paths: Vec<(String, String)> = run(&odd)
            .into_iter()
            .map(|f| (f.rule.into_owned(), f.path.into()))
            .collect();
        for expected in [
            ("STAFF-006", "staffing.shrinkage"),
            ("STAFF-006", "staffing.escalation_share"),
            ("STAFF-006", "channels[0].service_level"),
            ("STAFF-005", "channels[0].answer_within_seconds"),
            ("STAFF-007", "channels[0].arrival_profile"),
            ("STAFF-008", "staffing.priority_mix[0].priority"),
            ("STAFF-008", "staffing.priority_mix"),
        ] {
            assert!(
                paths
                    .iter()
                    .any(|(rule, path)| *rule == expected.0 && path == expected.1),
                "{expected:?} missing from {paths:?}"
            );
        }
        assert!(run(&plan(500)).is_empty());
    }

    #[test]
    fn zones_outside_the_list_are_named() {
        let mut plan = plan(500);
        plan.header.time_zone = "Europe/Atlantis".into();
        let findings = run(&plan);
        assert_eq!(findings.len(), 1);
        assert_eq!(findings[0].rule, "STAFF-003");
        assert!(findings[0].message.contains("Europe/Atlantis"));
        // Shapes that are not Area/City are the header rule's business, not repeated here.
        plan.header.time_zone = "EST".into();
        assert!(run(&plan).iter().all(|f| f.rule != "STAFF-003"));
    }

    /// A night rotation of one person expecting 6 calls an hour of 20 minutes: 2 Erlangs of
    /// work, at most 85 % busy, needs 2 / 0.85 = 2.4 → 3 on call.
    #[test]
    fn an_on_call_rotation_too_small_for_its_calls_is_flagged() {
        let mut plan = crate::rules::testing::valid_plan();
        plan.channels[2].on_call = Some(crate::plan::OnCall {
            rotation: "Tier 2".into(),
            people: 1,
            expected_contacts: Some(6.0),
            per: crate::plan::ContactsPer::Hour,
            handle_time: Some(crate::plan::Duration::minutes(20)),
            ..crate::plan::OnCall::default()
        });
        let findings = run(&plan);
        let small = findings
            .iter()
            .find(|f| f.rule == "STAFF-009")
            .expect("STAFF-009 fires");
        assert_eq!(small.path, "channels[2].on_call.people");
        assert!(
            small.message.ends_with("that needs 3 on call."),
            "{}",
            small.message
        );
        plan.channels[2].on_call.as_mut().unwrap().people = 3;
        assert!(run(&plan).iter().all(|f| f.rule != "STAFF-009"));
    }

    #[test]
    fn catalogue_ids_are_unique_and_ordered() {
        let ids: Vec<_> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(
            ids,
            [
                "STAFF-001",
                "STAFF-002",
                "STAFF-003",
                "STAFF-004",
                "STAFF-005",
                "STAFF-006",
                "STAFF-007",
                "STAFF-008",
                "STAFF-009"
            ]
        );
    }
}
