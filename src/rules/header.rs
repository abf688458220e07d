//! Header rules: the size of the operation and its home time zone.
//! The staffing maths divide by volume and team size, so zeros are errors, not style.

use super::util::looks_like_time_zone;
use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::Plan;

const NO_VOLUME: RuleInfo = RuleInfo {
    id: "HDR-002",
    severity: Severity::Error,
    title: "Monthly ticket volume is zero",
    explanation: "Staffing, channel load and SLA forecasts all start from the monthly ticket volume. Enter today's volume (or your best estimate).",
};
const NO_TEAM: RuleInfo = RuleInfo {
    id: "HDR-003",
    severity: Severity::Error,
    title: "Team size is zero",
    explanation:
        "A plan with no agents cannot meet any target. Enter the head-count of the support team.",
};
const TIME_ZONE: RuleInfo = RuleInfo {
    id: "HDR-004",
    severity: Severity::Warning,
    title: "Home time zone is not an IANA name",
    explanation: "The team's home time zone should be an IANA name such as Europe/Berlin or America/New_York (or UTC), so hours and reports line up. Abbreviations like EST are ambiguous.",
};

pub(crate) const RULES: &[RuleInfo] = &[NO_VOLUME, NO_TEAM, TIME_ZONE];

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let header = &plan.header;
    if header.monthly_volume == 0 {
        findings.push(NO_VOLUME.at(
            Path::field("header").then("monthly_volume"),
            "Monthly ticket volume is 0.".into(),
            "Enter how many tickets a month the team handles; an estimate is fine.".into(),
        ));
    }
    if header.team_size == 0 {
        findings.push(NO_TEAM.at(
            Path::field("header").then("team_size"),
            "Team size is 0 agents.".into(),
            "Enter how many agents the team has.".into(),
        ));
    }
    if !looks_like_time_zone(&header.time_zone) {
        let message = if header.time_zone.trim().is_empty() {
            "The team's home time zone is not set.".to_string()
        } else {
            format!(
                "\"{}\" doesn't look like a time zone name.",
                header.time_zone
            )
        };
        findings.push(TIME_ZONE.at(
            Path::field("header").then("time_zone"),
            message,
            "Use an IANA name like Europe/Berlin, America/New_York or UTC.".into(),
        ));
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::testing::{assert_fires, assert_quiet, valid_plan};

    #[test]
    fn volume_must_not_be_zero() {
        let mut plan = valid_plan();
        plan.header.monthly_volume = 0;
        assert_fires(&plan, "HDR-002", "header.monthly_volume");
        plan.header.monthly_volume = 1;
        assert_quiet(&plan, "HDR-002");
    }

    #[test]
    fn team_must_not_be_empty() {
        let mut plan = valid_plan();
        plan.header.team_size = 0;
        assert_fires(&plan, "HDR-003", "header.team_size");
        plan.header.team_size = 3;
        assert_quiet(&plan, "HDR-003");
    }

    #[test]
    fn home_time_zone_must_look_like_iana() {
        let mut plan = valid_plan();
        plan.header.time_zone = "EST".into();
        let finding = assert_fires(&plan, "HDR-004", "header.time_zone");
        assert!(finding.message.contains("\"EST\""));
        plan.header.time_zone = "America/New_York".into();
        assert_quiet(&plan, "HDR-004");
    }
}
