//! Under-staffing rules: the team set against what the capacity maths say the plan needs
//! (Erlang C for live channels, workload for deferred ones), and time zones the maths cannot read.

use super::{Finding, RuleInfo, Severity};
use crate::capacity::erlang::scheduled;
use crate::capacity::staffing::{hour_label, staffing, StaffingPlan, PAID_HOURS_PER_WEEK};
use crate::capacity::zones::is_known_zone;
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

pub(crate) const RULES: &[RuleInfo] = &[TEAM_TOO_SMALL, PEAK_BEYOND_TEAM, UNKNOWN_ZONE];

fn finding(rule: &RuleInfo, path: String, message: String, hint: String) -> Finding {
    Finding {
        rule: rule.id,
        severity: rule.severity,
        path,
        message,
        hint,
    }
}

/// Flags only names shaped like IANA zones (`Area/City`); other shapes are the header and
/// calendar rules' business.
fn unknown_zone(name: &str) -> bool {
    name.contains('/') && !is_known_zone(name.trim())
}

/// Says which of the two limits sets the head-count: the busiest hour or the week's hours.
fn staffing_hint(need: &StaffingPlan, shrinkage: f64) -> String {
    let on_shift = need.peak_on_duty.ceil();
    let agent_hours: f64 = need.on_duty.iter().sum();
    let by_peak = scheduled(need.peak_on_duty, shrinkage / 100.0);
    let reason = if by_peak >= need.head_count {
        format!(
            "At the busiest hour ({}) {on_shift:.0} agents must be on shift; with {shrinkage}% shrinkage that takes {} people.",
            hour_label(need.peak_hour),
            need.head_count
        )
    } else {
        format!(
            "Covering the week takes {agent_hours:.0} agent-hours on shift; at {PAID_HOURS_PER_WEEK:.0} paid hours a week less {shrinkage}% shrinkage that is {} people.",
            need.head_count
        )
    };
    format!("{reason} Grow the team, or reduce the load with self-service and automation, shorter hours or longer targets.")
}

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let pick = "Pick the nearest zone from the list; it has the same hours and clock changes.";
    if unknown_zone(&plan.header.time_zone) {
        findings.push(finding(
            &UNKNOWN_ZONE,
            "header.time_zone".into(),
            format!(
                "The home time zone \"{}\" is not in the app's list, so staffing cannot be worked out.",
                plan.header.time_zone
            ),
            pick.into(),
        ));
    }
    for (index, calendar) in plan.calendars.iter().enumerate() {
        if unknown_zone(&calendar.time_zone) {
            findings.push(finding(
                &UNKNOWN_ZONE,
                format!("calendars[{index}].time_zone"),
                format!(
                    "Calendar \"{}\" uses the time zone \"{}\", which is not in the app's list, so deadlines on it cannot be worked out.",
                    calendar.name, calendar.time_zone
                ),
                pick.into(),
            ));
        }
    }
    if plan.header.monthly_volume == 0 || plan.header.team_size == 0 {
        return; // The header rules already say so; there is nothing to staff against.
    }
    let Ok(need) = staffing(plan) else { return };
    let team = plan.header.team_size;
    if need.head_count > team {
        findings.push(finding(
            &TEAM_TOO_SMALL,
            "header.team_size".into(),
            format!(
                "The plan needs {} agents, the team has {team} ({} short).",
                need.head_count,
                need.head_count - team
            ),
            staffing_hint(&need, plan.staffing.shrinkage),
        ));
    }
    for channel in need.channels.iter().filter(|c| c.live) {
        if channel.scheduled_at_peak > team {
            findings.push(finding(
                &PEAK_BEYOND_TEAM,
                format!("channels[{}].handle_time", channel.index),
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
        let need = staffing(&plan(1)).unwrap().head_count;
        assert!(run(&plan(need)).is_empty());
        assert!(run(&plan(need - 1)).iter().any(|f| f.rule == "STAFF-001"));
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

    #[test]
    fn catalogue_ids_are_unique_and_ordered() {
        let ids: Vec<_> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(ids, ["STAFF-001", "STAFF-002", "STAFF-003"]);
    }
}
