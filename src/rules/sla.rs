//! SLA rules: targets that make sense on their own, in priority order, on real calendars, and
//! served by tiers and channels that are on shift while the SLA clock runs.

use super::util::{missing, Map, Names, WeekHours};
use super::{Finding, RuleInfo, Severity};
use crate::plan::{Plan, SlaTarget, Tier};

const RESOLUTION_BEFORE_RESPONSE: RuleInfo = RuleInfo {
    id: "SLA-002",
    severity: Severity::Error,
    title: "Resolution target shorter than first response",
    explanation: "A ticket cannot be resolved before anyone has answered it. Make the resolution target at least as long as the first response target.",
};
const FIRST_RESPONSE_ORDER: RuleInfo = RuleInfo {
    id: "SLA-003",
    severity: Severity::Error,
    title: "More urgent priority answered slower",
    explanation: "Priorities are listed most urgent first; each should get a first response at least as fast as the ones below it. Otherwise customers learn to mark everything as the lower priority.",
};
const RESOLUTION_ORDER: RuleInfo = RuleInfo {
    id: "SLA-004",
    severity: Severity::Error,
    title: "More urgent priority resolved slower",
    explanation: "Each priority's resolution target should be at least as fast as the less urgent priorities' targets.",
};
const UNKNOWN_PRIORITY: RuleInfo = RuleInfo {
    id: "SLA-005",
    severity: Severity::Error,
    title: "SLA row for a priority the plan doesn't define",
    explanation: "This SLA row names a priority that isn't in the plan's priority list, so no ticket ever gets it. Pick an existing priority or add it to the list.",
};
const DUPLICATE: RuleInfo = RuleInfo {
    id: "SLA-006",
    severity: Severity::Error,
    title: "Two SLA rows for one priority",
    explanation: "Each priority gets one set of targets; with two rows only the first is used. Remove or merge the repeat.",
};
const WARN_TOO_EARLY: RuleInfo = RuleInfo {
    id: "SLA-007",
    severity: Severity::Warning,
    title: "Breach warning as long as the target",
    explanation: "The warn-before period must be shorter than the targets it warns about; otherwise the warning goes off the moment a ticket arrives and agents learn to ignore it.",
};
const UNKNOWN_CALENDAR: RuleInfo = RuleInfo {
    id: "SLA-008",
    severity: Severity::Error,
    title: "SLA clock on an unknown calendar",
    explanation: "The SLA clock runs on a named calendar; this one doesn't exist, so deadlines can't be computed. Pick one of the plan's calendars or 24/7.",
};
const NEXT_AFTER_RESOLUTION: RuleInfo = RuleInfo {
    id: "SLA-009",
    severity: Severity::Warning,
    title: "Next response slower than resolution",
    explanation: "A next-response target longer than the resolution target can never apply: the ticket is due to be resolved before the next reply is due. Shorten it or remove it.",
};
const ZERO_TARGET: RuleInfo = RuleInfo {
    id: "SLA-010",
    severity: Severity::Error,
    title: "SLA target of zero",
    explanation: "A first response or resolution target of zero is breached by every ticket. Set a real target.",
};
const TIERS_OFF_SHIFT: RuleInfo = RuleInfo {
    id: "SLA-011",
    severity: Severity::Error,
    title: "No tier on shift while the SLA clock runs",
    explanation: "The SLA clock runs on hours (for example 24/7) when none of the tiers that handle this priority is staffed. A Critical ticket at 3 am then waits for the morning. Staff a tier for those hours, or run the SLA on business hours.",
};
const CHANNELS_CLOSED: RuleInfo = RuleInfo {
    id: "SLA-012",
    severity: Severity::Warning,
    title: "No channel staffed while the SLA clock runs",
    explanation: "The SLA clock runs on hours when no channel is staffed, so nobody reads what customers send then. Staff a channel (phone or chat for urgent cases) for those hours.",
};

pub(crate) const RULES: &[RuleInfo] = &[
    RESOLUTION_BEFORE_RESPONSE,
    FIRST_RESPONSE_ORDER,
    RESOLUTION_ORDER,
    UNKNOWN_PRIORITY,
    DUPLICATE,
    WARN_TOO_EARLY,
    UNKNOWN_CALENDAR,
    NEXT_AFTER_RESOLUTION,
    ZERO_TARGET,
    TIERS_OFF_SHIFT,
    CHANNELS_CLOSED,
];

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let names = Names::of(plan);
    let mut first_row: Map<&str, usize> = Map::default();
    for (index, target) in plan.sla.iter().enumerate() {
        let at = |field: &str| format!("sla[{index}].{field}");
        let priority = &target.priority;
        if let Some(&first) = first_row.get(priority.as_str()) {
            findings.push(DUPLICATE.at(
                at("priority"),
                format!(
                    "{priority} has two SLA rows (rows {} and {}).",
                    first + 1,
                    index + 1
                ),
                format!("Keep one row for {priority}."),
            ));
        } else {
            first_row.insert(priority, index);
        }
        if !names.priorities.contains(priority.as_str()) {
            findings.push(UNKNOWN_PRIORITY.at(
                at("priority"),
                format!("SLA row {} {}.", index + 1, missing("priority", priority)),
                "Pick one of the plan's priorities, or add this priority to the list.".into(),
            ));
        }
        if !names.calendars.contains(target.calendar.as_str()) {
            findings.push(UNKNOWN_CALENDAR.at(
                at("calendar"),
                format!(
                    "The {priority} SLA {}.",
                    missing("calendar", &target.calendar)
                ),
                "Choose one of the plan's calendars, or 24/7.".into(),
            ));
        }
        check_targets(index, target, findings);
    }
    check_order(plan, &first_row, findings);
    check_coverage(plan, &first_row, findings);
}

/// Rules about one row's own numbers.
fn check_targets(index: usize, target: &SlaTarget, findings: &mut Vec<Finding>) {
    let at = |field: &str| format!("sla[{index}].{field}");
    let priority = &target.priority;
    let first = target.first_response;
    let resolution = target.resolution;
    for (field, label, value) in [
        ("first_response", "first response", first),
        ("resolution", "resolution", resolution),
    ] {
        if value.is_zero() {
            findings.push(ZERO_TARGET.at(
                at(field),
                format!("{priority} has a {label} target of zero."),
                format!("Set how long {priority} tickets may wait for {label}."),
            ));
        }
    }
    if !resolution.is_zero() && resolution.nominal_minutes() < first.nominal_minutes() {
        findings.push(RESOLUTION_BEFORE_RESPONSE.at(
            at("resolution"),
            format!(
                "{priority} resolution ({}) is shorter than its first response ({}).",
                resolution.in_words(),
                first.in_words()
            ),
            format!(
                "Make {priority}'s resolution at least {}, or shorten its first response.",
                first.in_words()
            ),
        ));
    }
    if let Some(next) = target.next_response {
        if next.nominal_minutes() > resolution.nominal_minutes() && !resolution.is_zero() {
            findings.push(NEXT_AFTER_RESOLUTION.at(
                at("next_response"),
                format!(
                    "{priority} next response ({}) is longer than its resolution ({}).",
                    next.in_words(),
                    resolution.in_words()
                ),
                "Shorten the next response target, or remove it.".into(),
            ));
        }
    }
    if let Some(warn) = target.warn_before {
        let (label, shortest) = match target.next_response {
            Some(next) if next.nominal_minutes() < first.nominal_minutes() => {
                ("next response", next)
            }
            _ => ("first response", first),
        };
        if !warn.is_zero() && warn.nominal_minutes() >= shortest.nominal_minutes() {
            findings.push(WARN_TOO_EARLY.at(
                at("warn_before"),
                format!(
                    "{priority} warns {} before a breach, but its {label} target is only {}: the warning fires as soon as the ticket arrives.",
                    warn.in_words(),
                    shortest.in_words()
                ),
                format!("Warn less than {} before the breach, e.g. a quarter of it.", shortest.in_words()),
            ));
        }
    }
}

/// More urgent priorities (earlier in the list) must not get slower targets than later ones.
fn check_order(plan: &Plan, first_row: &Map<&str, usize>, findings: &mut Vec<Finding>) {
    let mut ranked: Vec<(usize, usize)> = first_row
        .iter()
        .filter_map(|(name, &row)| plan.priority_rank(name).map(|rank| (rank, row)))
        .collect();
    ranked.sort_unstable();
    for pair in ranked.windows(2) {
        let (urgent, calmer) = (&plan.sla[pair[0].1], &plan.sla[pair[1].1]);
        let (urgent_first, calmer_first) = (urgent.first_response, calmer.first_response);
        let (urgent_resolution, calmer_resolution) = (urgent.resolution, calmer.resolution);
        let rows = [
            (
                &FIRST_RESPONSE_ORDER,
                "first_response",
                "first response",
                urgent_first,
                calmer_first,
            ),
            (
                &RESOLUTION_ORDER,
                "resolution",
                "resolution",
                urgent_resolution,
                calmer_resolution,
            ),
        ];
        for (rule, field, label, fast, slow) in rows {
            if fast.nominal_minutes() > slow.nominal_minutes() {
                findings.push(rule.at(
                    format!("sla[{}].{field}", pair[0].1),
                    format!(
                        "{} {label} ({}) is slower than {}'s ({}).",
                        urgent.priority,
                        fast.in_words(),
                        calmer.priority,
                        slow.in_words()
                    ),
                    format!(
                        "Make {}'s {label} {} or less, or relax {}'s.",
                        urgent.priority,
                        slow.in_words(),
                        calmer.priority
                    ),
                ));
            }
        }
    }
}

/// "128 hours a week, e.g. Mon 00:00": how long a gap in cover is, and where it starts.
fn describe(gap: WeekHours) -> String {
    let example = gap
        .first()
        .map(|(day, hour)| format!(", e.g. {} {hour:02}:00", day.short_name()))
        .unwrap_or_default();
    format!("{} hours a week{example}", gap.count())
}

/// The tiers handling a priority (and the channels customers reach) must be on shift when its clock runs.
/// Hours are compared on each calendar's local clock, sampled at half past each hour of the week.
fn check_coverage(plan: &Plan, first_row: &Map<&str, usize>, findings: &mut Vec<Finding>) {
    // Each calendar in use, once, as the hours of the week it is open.
    let mut hours_of: Map<&str, WeekHours> = Map::default();
    for name in plan
        .tiers
        .iter()
        .map(|t| t.hours.as_str())
        .chain(plan.channels.iter().map(|c| c.hours.as_str()))
        .chain(plan.sla.iter().map(|s| s.calendar.as_str()))
    {
        if !hours_of.contains_key(name) {
            if let Some(calendar) = plan.calendar(name) {
                hours_of.insert(name, WeekHours::of(&calendar));
            }
        }
    }
    let tiers: Map<&str, &Tier> = plan.tiers.iter().map(|t| (t.name.as_str(), t)).collect();
    // Tiers handling each priority; a plan has a handful of tiers, so a list per priority is enough.
    let mut handlers: Map<&str, Vec<&Tier>> = Map::default();
    for category in &plan.taxonomy {
        if let Some(&tier) = tiers.get(category.route_to.as_str()) {
            let handling = handlers.entry(&category.priority).or_default();
            if !handling.iter().any(|known| std::ptr::eq(*known, tier)) {
                handling.push(tier);
            }
        }
    }
    let channel_hours: Option<WeekHours> =
        plan.channels
            .iter()
            .try_fold(WeekHours::default(), |open, channel| {
                hours_of
                    .get(channel.hours.as_str())
                    .map(|hours| open.union(*hours))
            });
    let mut rows: Vec<usize> = first_row.values().copied().collect();
    rows.sort_unstable();
    for index in rows {
        let target = &plan.sla[index];
        let Some(&clock) = hours_of.get(target.calendar.as_str()) else {
            continue;
        };
        let handling = handlers
            .get(target.priority.as_str())
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        let tier_hours = handling
            .iter()
            .try_fold(WeekHours::default(), |open, tier| {
                hours_of
                    .get(tier.hours.as_str())
                    .map(|hours| open.union(*hours))
            });
        let tier_gap = tier_hours
            .map(|open| clock.without(open))
            .filter(|gap| gap.count() > 0);
        if let (Some(gap), false) = (tier_gap, handling.is_empty()) {
            let staffed: Vec<String> = handling
                .iter()
                .map(|t| format!("{} ({})", t.name, t.hours))
                .collect();
            findings.push(TIERS_OFF_SHIFT.at(
                format!("sla[{index}].calendar"),
                format!(
                    "{} tickets run on the \"{}\" clock ({} first response), but {} {} off shift {}.",
                    target.priority,
                    target.calendar,
                    target.first_response.in_words(),
                    staffed.join(", "),
                    if staffed.len() == 1 { "is" } else { "are" },
                    describe(gap)
                ),
                format!(
                    "Staff a tier handling {} for those hours (on-call counts), or run its SLA on the tiers' hours.",
                    target.priority
                ),
            ));
        }
        let channel_gap = channel_hours
            .map(|open| clock.without(open))
            .filter(|gap| gap.count() > 0);
        if let (Some(gap), false) = (channel_gap, plan.channels.is_empty()) {
            findings.push(CHANNELS_CLOSED.at(
                format!("sla[{index}].calendar"),
                format!(
                    "{} tickets run on the \"{}\" clock, but no channel is staffed {}.",
                    target.priority,
                    target.calendar,
                    describe(gap)
                ),
                format!(
                    "Staff a channel for urgent cases (phone or chat) in those hours, or run {}'s SLA on business hours.",
                    target.priority
                ),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::Duration;
    use crate::rules::testing::{assert_fires, assert_quiet, category, duration, sla, valid_plan};

    #[test]
    fn resolution_not_shorter_than_first_response() {
        let mut plan = valid_plan();
        plan.sla[1] = sla("High", "4h", "2h", "24/7");
        let finding = assert_fires(&plan, "SLA-002", "sla[1].resolution");
        assert_eq!(
            finding.message,
            "High resolution (2 hours) is shorter than its first response (4 hours)."
        );
        plan.sla[1] = sla("High", "2h", "4h", "24/7");
        assert_quiet(&plan, "SLA-002");
    }

    #[test]
    fn urgent_priority_answered_at_least_as_fast() {
        let mut plan = valid_plan();
        plan.sla[0].first_response = duration("4h");
        plan.sla[0].resolution = duration("8h");
        let finding = assert_fires(&plan, "SLA-003", "sla[0].first_response");
        assert_eq!(
            finding.message,
            "Critical first response (4 hours) is slower than High's (2 hours)."
        );
        plan.sla[0].first_response = duration("2h");
        assert_quiet(&plan, "SLA-003");
    }

    #[test]
    fn order_follows_the_priority_list_not_the_rows() {
        let mut plan = valid_plan();
        plan.sla.swap(0, 3);
        assert_quiet(&plan, "SLA-003");
        plan.sla[3].first_response = duration("3d");
        assert_fires(&plan, "SLA-003", "sla[3].first_response");
    }

    #[test]
    fn urgent_priority_resolved_at_least_as_fast() {
        let mut plan = valid_plan();
        plan.sla[2].resolution = duration("20bd");
        let finding = assert_fires(&plan, "SLA-004", "sla[2].resolution");
        assert!(finding.message.contains(
            "Normal resolution (20 business days) is slower than Low's (10 business days)"
        ));
        plan.sla[2].resolution = duration("5bd");
        assert_quiet(&plan, "SLA-004");
    }

    #[test]
    fn sla_row_for_a_defined_priority() {
        let mut plan = valid_plan();
        plan.sla.push(sla("Urgent", "15m", "2h", "24/7"));
        assert_fires(&plan, "SLA-005", "sla[4].priority");
        plan.sla.pop();
        assert_quiet(&plan, "SLA-005");
    }

    #[test]
    fn one_sla_row_per_priority() {
        let mut plan = valid_plan();
        plan.sla.push(sla("High", "1h", "1d", "24/7"));
        let finding = assert_fires(&plan, "SLA-006", "sla[4].priority");
        assert_eq!(finding.message, "High has two SLA rows (rows 2 and 5).");
        plan.sla.pop();
        assert_quiet(&plan, "SLA-006");
    }

    #[test]
    fn warning_shorter_than_the_target() {
        let mut plan = valid_plan();
        plan.sla[0].warn_before = Some(duration("30m"));
        let finding = assert_fires(&plan, "SLA-007", "sla[0].warn_before");
        assert!(finding.message.contains(
            "warns 30 min before a breach, but its first response target is only 30 min"
        ));
        plan.sla[0].warn_before = Some(duration("10m"));
        assert_quiet(&plan, "SLA-007");
    }

    #[test]
    fn warning_shorter_than_the_next_response_too() {
        let mut plan = valid_plan();
        plan.sla[2].next_response = Some(duration("1h"));
        assert_fires(&plan, "SLA-007", "sla[2].warn_before");
        plan.sla[2].warn_before = Some(duration("15m"));
        assert_quiet(&plan, "SLA-007");
    }

    #[test]
    fn sla_clock_on_a_known_calendar() {
        let mut plan = valid_plan();
        plan.sla[3].calendar = "Office hours".into();
        assert_fires(&plan, "SLA-008", "sla[3].calendar");
        plan.sla[3].calendar = "Business hours".into();
        assert_quiet(&plan, "SLA-008");
    }

    #[test]
    fn next_response_within_resolution() {
        let mut plan = valid_plan();
        plan.sla[0].next_response = Some(duration("6h"));
        assert_fires(&plan, "SLA-009", "sla[0].next_response");
        plan.sla[0].next_response = Some(duration("2h"));
        assert_quiet(&plan, "SLA-009");
    }

    #[test]
    fn targets_are_not_zero() {
        let mut plan = valid_plan();
        plan.sla[1].first_response = Duration::ZERO;
        assert_fires(&plan, "SLA-010", "sla[1].first_response");
        plan.sla[1].first_response = duration("1h");
        assert_quiet(&plan, "SLA-010");
    }

    #[test]
    fn critical_around_the_clock_needs_a_tier_at_night() {
        let mut plan = valid_plan();
        plan.tiers[1].hours = "Business hours".into();
        let finding = assert_fires(&plan, "SLA-011", "sla[0].calendar");
        assert_eq!(
            finding.message,
            "Critical tickets run on the \"24/7\" clock (30 min first response), but Tier 1 (Business hours) is off shift 128 hours a week, e.g. Mon 00:00."
        );
        // A second tier, on shift around the clock, covers the nights for both priorities.
        plan.taxonomy
            .push(category("Security", "Critical", "Tier 2", "breach", 0.0));
        plan.taxonomy
            .push(category("Fraud", "High", "Tier 2", "fraud", 0.0));
        assert_quiet(&plan, "SLA-011");
    }

    #[test]
    fn business_hours_sla_needs_no_night_shift() {
        let mut plan = valid_plan();
        plan.tiers[2].hours = "Business hours".into();
        assert_quiet(&plan, "SLA-011");
    }

    #[test]
    fn around_the_clock_sla_needs_a_staffed_channel() {
        let mut plan = valid_plan();
        for channel in &mut plan.channels {
            channel.hours = "Business hours".into();
        }
        let finding = assert_fires(&plan, "SLA-012", "sla[0].calendar");
        assert!(finding
            .message
            .contains("no channel is staffed 128 hours a week"));
        plan.channels[2].hours = "24/7".into();
        assert_quiet(&plan, "SLA-012");
    }
}
