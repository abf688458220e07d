//! Calendar rules: open intervals that make sense, time zones that look real, no empty calendars.
//! Only the shape of a time zone is checked; the app carries no time-zone database.

use super::util::{looks_like_time_zone, who};
use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::{Calendar, Plan, Weekday, ALWAYS_OPEN};

const BACKWARDS: RuleInfo = RuleInfo {
    id: "CAL-001",
    severity: Severity::Error,
    title: "Opening hours end before they start",
    explanation: "An interval whose end is at or before its start is open for no time at all. Fix the times, or tick \"overnight\" if the shift runs past midnight.",
};
const OVERLAP: RuleInfo = RuleInfo {
    id: "CAL-002",
    severity: Severity::Error,
    title: "Opening hours overlap",
    explanation: "Two intervals of the same calendar cover the same time on one day, which double-counts staffed hours. Merge them or move one.",
};
const TIME_ZONE: RuleInfo = RuleInfo {
    id: "CAL-003",
    severity: Severity::Error,
    title: "Calendar time zone is not an IANA name",
    explanation: "Business hours only mean something in a time zone. Use an IANA name such as Europe/Berlin or America/New_York, or UTC.",
};
const NEVER_OPEN: RuleInfo = RuleInfo {
    id: "CAL-004",
    severity: Severity::Error,
    title: "Calendar is never open",
    explanation: "A calendar with no opening hours stops every SLA clock that runs on it and staffs nothing. Add its weekly hours.",
};
const FAKE_ALWAYS_OPEN: RuleInfo = RuleInfo {
    id: "CAL-005",
    severity: Severity::Warning,
    title: "The \"24/7\" calendar is not open around the clock",
    explanation: "The plan redefines the built-in 24/7 calendar with fewer hours. Everything labelled 24/7 then quietly runs on those hours. Rename the calendar or open it all week.",
};

const SHARED_HOLIDAYS: RuleInfo = RuleInfo {
    id: "CAL-006",
    severity: Severity::Error,
    title: "Shares the holidays of a calendar the plan does not define",
    explanation: "A calendar can keep the holidays of another (\"Same holidays as\"), so several share one list. The one it names must be another of the plan's calendars, or its days are not closed.",
};

pub(crate) const RULES: &[RuleInfo] = &[
    BACKWARDS,
    OVERLAP,
    TIME_ZONE,
    NEVER_OPEN,
    FAKE_ALWAYS_OPEN,
    SHARED_HOLIDAYS,
];

const MINUTES_PER_WEEK: u32 = 7 * 24 * 60;

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    for (index, calendar) in plan.calendars.iter().enumerate() {
        let at = |field: &str| Path::field("calendars").at(index).then(field);
        let calendar_name = who("Calendar", index, &calendar.name);
        if !looks_like_time_zone(&calendar.time_zone) {
            let message = if calendar.time_zone.trim().is_empty() {
                format!("{calendar_name} has no time zone.")
            } else {
                format!(
                    "{calendar_name} has the time zone \"{}\", which doesn't look like a time zone name.",
                    calendar.time_zone
                )
            };
            findings.push(TIME_ZONE.at(
                at("time_zone"),
                message,
                "Use an IANA name like Europe/Berlin, America/New_York or UTC.".into(),
            ));
        }
        check_intervals(index, calendar, findings);
        let from = calendar.holidays_from.trim();
        let shared = plan
            .calendars
            .iter()
            .any(|c| c.name == from && c.name != calendar.name);
        if !from.is_empty() && !shared {
            findings.push(SHARED_HOLIDAYS.at(
                at("holidays_from"),
                format!("{calendar_name} keeps the holidays of \"{from}\", which is not another calendar of the plan."),
                "Pick one of the plan's other calendars, or \"Its own only\".".into(),
            ));
        }
        let open = calendar.weekly_open_minutes();
        if open == 0 {
            findings.push(NEVER_OPEN.at(
                at("intervals"),
                format!("{calendar_name} has no opening hours."),
                "Add the hours it is open each weekday.".into(),
            ));
        } else if calendar.name == ALWAYS_OPEN && open < MINUTES_PER_WEEK {
            findings.push(FAKE_ALWAYS_OPEN.at(
                at("name"),
                format!(
                    "The calendar called \"24/7\" is open only {} hours a week.",
                    open / 60
                ),
                "Rename it (e.g. \"Extended hours\") and point the targets that need it at the new name.".into(),
            ));
        }
    }
}

/// One same-day stretch of an interval: (start, end) minutes, and which interval it came from.
struct Stretch {
    start: u32,
    end: u32,
    interval: usize,
}

fn check_intervals(index: usize, calendar: &Calendar, findings: &mut Vec<Finding>) {
    let mut days: [Vec<Stretch>; 7] = Default::default();
    for (position, interval) in calendar.intervals.iter().enumerate() {
        let start = interval.start.minute_of_day();
        let end = interval.end.minute_of_day();
        if interval.crosses_midnight() {
            days[interval.day.index()].push(Stretch {
                start,
                end: 24 * 60,
                interval: position,
            });
            days[interval.day.next().index()].push(Stretch {
                start: 0,
                end,
                interval: position,
            });
        } else if end <= start {
            findings.push(
                BACKWARDS.at(
                    Path::field("calendars")
                        .at(index)
                        .then("intervals")
                        .at(position)
                        .then("end"),
                    format!(
                        "{}: the {} interval ends at {} but starts at {}.",
                        who("Calendar", index, &calendar.name),
                        interval.day.short_name(),
                        interval.end,
                        interval.start
                    ),
                    "Fix the times, or mark it overnight if the shift runs past midnight.".into(),
                ),
            );
        } else {
            days[interval.day.index()].push(Stretch {
                start,
                end,
                interval: position,
            });
        }
    }
    for (day, stretches) in days.iter_mut().enumerate() {
        stretches.sort_by_key(|s| (s.start, s.interval));
        let mut reach: Option<(u32, usize)> = None;
        for stretch in stretches.iter() {
            if let Some((end, earlier)) = reach {
                if stretch.start < end && earlier != stretch.interval {
                    let (first, second) =
                        (earlier.min(stretch.interval), earlier.max(stretch.interval));
                    let path = Path::field("calendars").at(index).then("intervals");
                    findings.push(OVERLAP.at(
                        path.at(second).then("start"),
                        format!(
                            "{}: on {} intervals {} and {} overlap.",
                            who("Calendar", index, &calendar.name),
                            Weekday::from_index(day).short_name(),
                            first + 1,
                            second + 1
                        ),
                        "Merge the two intervals or move one so they don't cover the same time.".into(),
                    ));
                }
            }
            if reach.is_none_or(|(end, _)| stretch.end > end) {
                reach = Some((stretch.end, stretch.interval));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::{Weekday, WeeklyInterval, ALWAYS_OPEN};
    use crate::rules::testing::{assert_fires, assert_quiet, valid_plan};

    fn interval(day: Weekday, start: &str, end: &str) -> WeeklyInterval {
        WeeklyInterval::new(day, start.parse().unwrap(), end.parse().unwrap())
    }

    #[test]
    fn intervals_must_end_after_they_start() {
        let mut plan = valid_plan();
        plan.calendars[0].intervals[2] = interval(Weekday::Wed, "17:00", "09:00");
        let finding = assert_fires(&plan, "CAL-001", "calendars[0].intervals[2].end");
        assert!(finding
            .message
            .contains("Wed interval ends at 09:00 but starts at 17:00"));
        plan.calendars[0].intervals[2].overnight = true;
        assert_quiet(&plan, "CAL-001");
    }

    #[test]
    fn intervals_must_not_overlap() {
        let mut plan = valid_plan();
        plan.calendars[0]
            .intervals
            .push(interval(Weekday::Tue, "16:00", "20:00"));
        assert_fires(&plan, "CAL-002", "calendars[0].intervals[5].start");
        plan.calendars[0].intervals[5] = interval(Weekday::Tue, "17:00", "20:00");
        assert_quiet(&plan, "CAL-002");
    }

    #[test]
    fn overnight_shift_overlaps_next_morning() {
        let mut plan = valid_plan();
        let mut night = interval(Weekday::Mon, "22:00", "10:00");
        night.overnight = true;
        plan.calendars[0].intervals.push(night);
        let finding = assert_fires(&plan, "CAL-002", "calendars[0].intervals[5].start");
        assert!(finding.message.contains("on Tue"), "{}", finding.message);
        plan.calendars[0].intervals[5].end = "09:00".parse().unwrap();
        assert_quiet(&plan, "CAL-002");
    }

    #[test]
    fn calendar_time_zone_must_look_like_iana() {
        let mut plan = valid_plan();
        plan.calendars[0].time_zone = "CET".into();
        assert_fires(&plan, "CAL-003", "calendars[0].time_zone");
        plan.calendars[0].time_zone = "Europe/Paris".into();
        assert_quiet(&plan, "CAL-003");
    }

    #[test]
    fn calendar_must_open_some_time() {
        let mut plan = valid_plan();
        plan.calendars[0].intervals.clear();
        assert_fires(&plan, "CAL-004", "calendars[0].intervals");
        plan.calendars[0]
            .intervals
            .push(interval(Weekday::Mon, "09:00", "12:00"));
        assert_quiet(&plan, "CAL-004");
    }

    #[test]
    fn a_calendar_called_24_7_must_be_always_open() {
        let mut plan = valid_plan();
        plan.calendars[0].name = ALWAYS_OPEN.into();
        let finding = assert_fires(&plan, "CAL-005", "calendars[0].name");
        assert!(finding.message.contains("only 40 hours a week"));
        plan.calendars[0] = crate::plan::Calendar::always_open();
        assert_quiet(&plan, "CAL-005");
    }
}
