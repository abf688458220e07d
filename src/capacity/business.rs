//! Business time on a plan's calendars: when a target measured in open minutes or business days
//! falls due, and how many open minutes lie between two instants. Instants are UTC minutes since 1970;
//! timestamps, for times recorded to the second (a ticket history), are UTC seconds since 1970, and
//! every function has a `_to_the_second` twin taking and giving them.
//!
//! Conventions (what helpdesks do):
//! - `Duration::Clock` on a calendar counts that many *open* minutes; on a calendar open every
//!   minute of the week (the built-in `24/7`, or any calendar written so) that is elapsed time. A
//!   target that uses up a day's last open minute is due at the close, not at the next opening.
//! - `Duration::BusinessDays { days: n }` is n business days of open time, one business day being
//!   `Calendar::business_day_minutes` open minutes (480 for a 09:00–17:00 office). So a ticket
//!   opened Tuesday 10:30 with 2bd on such an office is due Thursday 10:30, one opened before the
//!   opening is due at the close, and a 24/7 business day is 24 hours. Because both the business
//!   day and the counting depend only on which instants are open, the same week written on any
//!   clock gives the same deadlines. Helpdesk exports use the same minutes.
//! - Wall times are read in the calendar's IANA zone: a time repeated when clocks go back means
//!   its first occurrence; a time skipped when clocks go forward means the moment of the change,
//!   so a shift 02:00–04:00 on the spring-forward night lasts one hour. A holiday closes the
//!   intervals that start on its date; an overnight interval (22:00 → 06:00) belongs to the day
//!   it starts.
//! - To the second: calendars open and close on whole minutes, and a start's seconds are kept,
//!   so a ticket opened at 13:26:36 with 1,200 open minutes left is due at hh:26:36 of the
//!   day the 72,000th open second passes; one opened while closed starts at the opening. With a
//!   start on a whole minute both ways give the same answer.

use crate::plan::{Calendar, Date, Duration};

use super::zones::Zone;
use super::CapacityError;

/// UTC minutes since 1970-01-01 00:00.
pub type Instant = i64;

/// UTC seconds since 1970-01-01 00:00: an instant to the second, as helpdesks record tickets.
pub type Timestamp = i64;

const SECONDS_PER_MINUTE: i64 = 60;

/// The timestamp of a whole-minute instant.
pub fn timestamp_of(instant: Instant) -> Timestamp {
    instant.saturating_mul(SECONDS_PER_MINUTE)
}

/// The minute a timestamp falls in (its seconds dropped: 13:26:36 is in minute 13:26).
pub fn minute_of(timestamp: Timestamp) -> Instant {
    timestamp.div_euclid(SECONDS_PER_MINUTE)
}

pub(crate) const MINUTES_PER_DAY: i64 = 1440;

/// Longest stretch searched for an opening: 22 years covers ten years of 2bd-a-week calendars.
const LONGEST_SEARCH_DAYS: i64 = 8192;

/// When a target of `duration` on `calendar`, started at `start`, falls due.
pub fn deadline(
    start: Instant,
    duration: Duration,
    calendar: &Calendar,
) -> Result<Instant, CapacityError> {
    // A whole-minute start on a calendar of whole minutes is due on a whole minute: exact.
    deadline_to_the_second(timestamp_of(start), duration, calendar).map(minute_of)
}

/// When a target of `duration` on `calendar`, started at the timestamp `start`, falls due, to
/// the second (see the module's conventions).
pub fn deadline_to_the_second(
    start: Timestamp,
    duration: Duration,
    calendar: &Calendar,
) -> Result<Timestamp, CapacityError> {
    let seconds = timestamp_of(open_minutes(duration, calendar));
    if seconds == 0 {
        return Ok(start);
    }
    if runs_on_elapsed_time(calendar) {
        return Ok(start.saturating_add(seconds));
    }
    search(minute_of(start), calendar, |timeline| {
        timeline.after_open_seconds(start, seconds)
    })
}

/// Open minutes of `calendar` from `from` to `to` (negative when `to` is earlier).
pub fn business_minutes_between(
    from: Instant,
    to: Instant,
    calendar: &Calendar,
) -> Result<i64, CapacityError> {
    business_seconds_between(timestamp_of(from), timestamp_of(to), calendar).map(minute_of)
}

/// Open seconds of `calendar` from the timestamp `from` to `to` (negative when `to` is earlier).
pub fn business_seconds_between(
    from: Timestamp,
    to: Timestamp,
    calendar: &Calendar,
) -> Result<i64, CapacityError> {
    if to < from {
        return business_seconds_between(to, from, calendar).map(|s| -s);
    }
    if runs_on_elapsed_time(calendar) {
        return Ok(to - from);
    }
    let zone = zone_of(calendar)?;
    let first = local_day(&zone, minute_of(from)) - 2;
    let last = local_day(&zone, minute_of(to)) + 2;
    let timeline = Timeline::build(calendar, zone, first, last);
    Ok(timeline.position_to_the_second(to) - timeline.position_to_the_second(from))
}

/// Business minutes between each pair of neighbouring instants (`instants` in order): the same as
/// `business_minutes_between` on each pair, from one timeline over the whole range.
pub fn business_minutes_in_steps(
    instants: &[Instant],
    calendar: &Calendar,
) -> Result<Vec<i64>, CapacityError> {
    let (Some(&first), Some(&last)) = (instants.first(), instants.last()) else {
        return Ok(Vec::new());
    };
    if runs_on_elapsed_time(calendar) {
        return Ok(instants.windows(2).map(|w| w[1] - w[0]).collect());
    }
    let zone = zone_of(calendar)?;
    let from = local_day(&zone, first.min(last)) - 2;
    let to = local_day(&zone, first.max(last)) + 2;
    let timeline = Timeline::build(calendar, zone, from, to);
    Ok(instants
        .windows(2)
        .map(|w| timeline.position(w[1]) - timeline.position(w[0]))
        .collect())
}

/// Whether a calendar's clock is plain elapsed time: open every minute of the week, no holidays.
/// (Counting open minutes on such a calendar gives the same answer, only slower.)
pub fn runs_on_elapsed_time(calendar: &Calendar) -> bool {
    calendar.is_open_all_week()
}

/// A duration as open minutes of `calendar`: clock minutes as they are, business days at the
/// calendar's business-day length.
pub fn open_minutes(duration: Duration, calendar: &Calendar) -> i64 {
    let business_day = match duration {
        Duration::BusinessDays { .. } => calendar.business_day_minutes(),
        Duration::Clock { .. } => 0,
    };
    i64::try_from(duration.open_minutes(business_day)).unwrap_or(i64::MAX)
}

/// The zone a calendar's wall times are read in.
pub fn zone_of(calendar: &Calendar) -> Result<Zone, CapacityError> {
    Zone::named(&calendar.time_zone).map_err(CapacityError::UnknownZone)
}

/// The local date (days since 1970) of an instant in a zone.
pub fn local_day(zone: &Zone, instant: Instant) -> i64 {
    zone.to_local(instant).div_euclid(MINUTES_PER_DAY)
}

/// Tries ever longer stretches of the calendar until `query` finds its answer.
fn search(
    start: Instant,
    calendar: &Calendar,
    query: impl Fn(&Timeline) -> Option<Timestamp>,
) -> Result<Timestamp, CapacityError> {
    let zone = zone_of(calendar)?;
    let never = || CapacityError::NeverOpen {
        calendar: calendar.name.clone(),
    };
    if calendar.weekly_open_minutes() == 0 {
        return Err(never());
    }
    let first = local_day(&zone, start) - 2;
    // 16, 64, … days, the last stretch the whole `LONGEST_SEARCH_DAYS` (growing by four alone
    // went from 4,096 days to past the limit and stopped at 11 years, not 22: 15 open minutes a
    // week and 8,776 minutes to go, 4,096 days, was "never open").
    let mut days = 16;
    loop {
        let timeline = Timeline::build(calendar, zone, first, first + days);
        if let Some(due) = query(&timeline) {
            return Ok(due);
        }
        if days >= LONGEST_SEARCH_DAYS {
            return Err(never());
        }
        days = (days * 4).min(LONGEST_SEARCH_DAYS);
    }
}

/// One stretch of open time, in UTC, with the open minutes of the timeline before it.
#[derive(Clone, Copy, Debug)]
struct Span {
    start: Instant,
    end: Instant,
    before: i64,
}

/// The open spans of a calendar over a range of local days, ready for binary search.
/// Built once, it answers deadlines in logarithmic time (the month simulation relies on this).
#[derive(Clone, Debug)]
pub struct Timeline {
    spans: Vec<Span>,
    /// Open minutes of one business day of the calendar.
    business_day: u32,
    /// Instants from here on may be missing spans of days past the range.
    complete_until: Instant,
}

impl Timeline {
    /// The spans of local days `first_day..last_day` (days since 1970 in the calendar's zone).
    /// Answers are exact for instants from two days after `first_day` to `last_day`.
    pub fn build(calendar: &Calendar, zone: Zone, first_day: i64, last_day: i64) -> Timeline {
        let mut spans: Vec<Span> = Vec::new();
        let mut today: Vec<(i64, i64)> = Vec::with_capacity(8);
        let mut last_end = Instant::MIN;
        let mut total = 0;
        for day in first_day..last_day {
            let date = Date::from_days_since_epoch(day);
            if calendar.holidays.iter().any(|h| h.falls_on(date)) {
                continue;
            }
            let weekday = date.weekday();
            today.clear();
            today.extend(
                calendar
                    .intervals
                    .iter()
                    .filter(|i| i.day == weekday && i.length_minutes() > 0)
                    .map(|i| {
                        let start = day * MINUTES_PER_DAY + i64::from(i.start.minute_of_day());
                        (start, start + i64::from(i.length_minutes()))
                    }),
            );
            today.sort_unstable();
            for &(local_start, local_end) in &today {
                let start = zone.from_local(local_start).max(last_end);
                let end = zone.from_local(local_end);
                if end <= start {
                    continue;
                }
                match spans.last_mut() {
                    // Back to back (an overnight shift meeting the next morning's): one span.
                    Some(last) if last.end == start => last.end = end,
                    _ => spans.push(Span {
                        start,
                        end,
                        before: total,
                    }),
                }
                total += end - start;
                last_end = end;
            }
        }
        Timeline {
            spans,
            business_day: calendar.business_day_minutes(),
            complete_until: zone.from_local(last_day * MINUTES_PER_DAY),
        }
    }

    /// Open minutes from the timeline's start to `instant`.
    pub fn position(&self, instant: Instant) -> i64 {
        minute_of(self.position_to_the_second(timestamp_of(instant)))
    }

    /// Open seconds from the timeline's start to the timestamp `at`.
    pub fn position_to_the_second(&self, at: Timestamp) -> i64 {
        let index = self.spans.partition_point(|s| timestamp_of(s.end) <= at);
        match self.spans.get(index) {
            Some(span) => {
                let into = at - timestamp_of(span.start);
                timestamp_of(span.before) + into.clamp(0, timestamp_of(span.end - span.start))
            }
            None => self
                .spans
                .last()
                .map_or(0, |s| timestamp_of(s.before + s.end - s.start)),
        }
    }

    /// The earliest timestamp at which `position` open seconds have passed.
    fn timestamp_at(&self, position: i64) -> Option<Timestamp> {
        let index = self
            .spans
            .partition_point(|s| timestamp_of(s.before + (s.end - s.start)) < position);
        let span = self.spans.get(index)?;
        let due = timestamp_of(span.start) + (position - timestamp_of(span.before)).max(0);
        (due <= timestamp_of(self.complete_until)).then_some(due)
    }

    /// When `seconds` open seconds from `start` have passed, if within the timeline.
    fn after_open_seconds(&self, start: Timestamp, seconds: i64) -> Option<Timestamp> {
        if seconds == 0 {
            return Some(start);
        }
        self.timestamp_at(self.position_to_the_second(start).saturating_add(seconds))
    }

    /// When `duration` from `start` falls due, if within the timeline.
    pub fn deadline(&self, start: Instant, duration: Duration) -> Option<Instant> {
        self.deadline_to_the_second(timestamp_of(start), duration)
            .map(minute_of)
    }

    /// When `duration` from the timestamp `start` falls due, to the second, if within the timeline.
    pub fn deadline_to_the_second(
        &self,
        start: Timestamp,
        duration: Duration,
    ) -> Option<Timestamp> {
        let minutes = duration.open_minutes(self.business_day);
        let seconds = timestamp_of(i64::try_from(minutes).unwrap_or(i64::MAX));
        self.after_open_seconds(start, seconds)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{ClockTime, Holiday, Weekday, WeeklyInterval};

    /// A UTC instant from its parts.
    fn utc(y: i32, mo: u8, d: u8, h: i64, mi: i64) -> Instant {
        Date::new(y, mo, d).unwrap().days_since_epoch() * 1440 + h * 60 + mi
    }

    fn at(text: &str) -> ClockTime {
        text.parse().unwrap()
    }

    fn calendar(zone: &str, days: &[Weekday], shifts: &[(&str, &str)]) -> Calendar {
        let mut intervals = Vec::new();
        for &day in days {
            for &(start, end) in shifts {
                intervals.push(WeeklyInterval {
                    day,
                    start: at(start),
                    end: at(end),
                    overnight: at(end) <= at(start),
                });
            }
        }
        Calendar {
            name: "Test".into(),
            time_zone: zone.into(),
            intervals,
            holidays: vec![],
            holidays_from: String::new(),
        }
    }

    const WEEKDAYS: &[Weekday] = &[
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
    ];

    fn berlin_office() -> Calendar {
        let mut cal = calendar("Europe/Berlin", WEEKDAYS, &[("09:00", "17:00")]);
        cal.holidays = vec![
            Holiday {
                name: "Good Friday".into(),
                date: "2026-04-03".parse().unwrap(),
                yearly: false,
            },
            Holiday {
                name: "Christmas".into(),
                date: "2020-12-25".parse().unwrap(),
                yearly: true,
            },
        ];
        cal
    }

    fn new_york_office() -> Calendar {
        calendar("America/New_York", WEEKDAYS, &[("09:00", "17:00")])
    }

    fn sunday_desk(zone: &str, start: &str, end: &str) -> Calendar {
        calendar(zone, &[Weekday::Sun], &[(start, end)])
    }

    fn clock(text: &str) -> Duration {
        text.parse().unwrap()
    }

    /// Expected values worked out by hand (in the comments), not read off the code.
    #[test]
    fn deadline_reference_table() {
        let office = berlin_office();
        let split = calendar(
            "Europe/Berlin",
            WEEKDAYS,
            &[("08:00", "12:00"), ("13:00", "17:00")],
        );
        let night = calendar("America/New_York", WEEKDAYS, &[("22:00", "06:00")]);
        let new_york = new_york_office();
        let cases: &[(&str, &Calendar, Instant, &str, Instant)] = &[
            // Fri 20 Mar 16:00 CET: 1h on Friday, 3h from Mon 09:00 → Mon 12:00 CET.
            (
                "across a weekend",
                &office,
                utc(2026, 3, 20, 15, 0),
                "4h",
                utc(2026, 3, 23, 11, 0),
            ),
            // Sat 21 Mar 10:00 CET: nothing open until Mon 09:00 → 10:00 CET.
            (
                "start on a weekend",
                &office,
                utc(2026, 3, 21, 9, 0),
                "1h",
                utc(2026, 3, 23, 9, 0),
            ),
            // Tue 24 Mar 07:30 CET: the clock starts at 09:00 → 09:30 CET.
            (
                "start before opening",
                &office,
                utc(2026, 3, 24, 6, 30),
                "30m",
                utc(2026, 3, 24, 8, 30),
            ),
            // Mon 23 Mar 09:00 + 8h uses the whole day: due at the close, 17:00 CET.
            (
                "a full day ends at the close",
                &office,
                utc(2026, 3, 23, 8, 0),
                "8h",
                utc(2026, 3, 23, 16, 0),
            ),
            // Wed 25 Mar 11:00 CET: 1h to 12:00, lunch, 1h from 13:00 → 14:00 CET.
            (
                "split shift",
                &split,
                utc(2026, 3, 25, 10, 0),
                "2h",
                utc(2026, 3, 25, 13, 0),
            ),
            // Thu 2 Apr 16:00 CEST: 1h Thu, Good Friday closed, weekend, Mon 6 Apr 09:00 + 1h.
            (
                "one-off holiday",
                &office,
                utc(2026, 4, 2, 14, 0),
                "2h",
                utc(2026, 4, 6, 8, 0),
            ),
            // Thu 24 Dec 15:00 CET: 2h Thu, Fri 25 closed (yearly since 2020), Mon 28 09:00 + 2h.
            (
                "yearly holiday",
                &office,
                utc(2026, 12, 24, 14, 0),
                "4h",
                utc(2026, 12, 28, 10, 0),
            ),
            // Tue 2 Jun 05:00 EDT sits in Monday's night shift: 1h to 06:00, then Tue 22:00 + 2h
            // → Wed 00:00 EDT = 04:00 UTC.
            (
                "cross-midnight shift",
                &night,
                utc(2026, 6, 2, 9, 0),
                "3h",
                utc(2026, 6, 3, 4, 0),
            ),
            // Sat 6 Jun 05:00 EDT is in Friday's shift: 1h, then Mon 8 Jun 22:00 EDT + 1h.
            (
                "overnight into the weekend",
                &night,
                utc(2026, 6, 6, 9, 0),
                "2h",
                utc(2026, 6, 9, 3, 0),
            ),
            // Fri 27 Mar 16:00 CET (15:00 UTC): 1h, clocks go forward on Sunday, Mon 30 Mar
            // 09:00 CEST = 07:00 UTC, + 1h.
            (
                "Europe spring forward",
                &office,
                utc(2026, 3, 27, 15, 0),
                "2h",
                utc(2026, 3, 30, 8, 0),
            ),
            // Fri 23 Oct 16:00 CEST (14:00 UTC): 1h, clocks go back on Sunday, Mon 26 Oct
            // 09:00 CET = 08:00 UTC, + 1h.
            (
                "Europe fall back",
                &office,
                utc(2026, 10, 23, 14, 0),
                "2h",
                utc(2026, 10, 26, 9, 0),
            ),
            // Fri 6 Mar 16:00 EST (21:00 UTC): 1h, US clocks go forward Sun 8 Mar, Mon 9 Mar
            // 09:00 EDT = 13:00 UTC, + 1h.
            (
                "US spring forward",
                &new_york,
                utc(2026, 3, 6, 21, 0),
                "2h",
                utc(2026, 3, 9, 14, 0),
            ),
            // Fri 30 Oct 16:00 EDT (20:00 UTC): 1h, US clocks go back Sun 1 Nov, Mon 2 Nov
            // 09:00 EST = 14:00 UTC, + 1h.
            (
                "US fall back",
                &new_york,
                utc(2026, 10, 30, 20, 0),
                "2h",
                utc(2026, 11, 2, 15, 0),
            ),
            // Tue 24 Mar 10:30 CET + 2bd → Thu 26 Mar 10:30 CET.
            (
                "business days",
                &office,
                utc(2026, 3, 24, 9, 30),
                "2bd",
                utc(2026, 3, 26, 9, 30),
            ),
            // Thu 24 Dec 10:00 CET + 1bd: Fri 25 is a holiday → Mon 28 Dec 10:00 CET.
            (
                "business day over a holiday",
                &office,
                utc(2026, 12, 24, 9, 0),
                "1bd",
                utc(2026, 12, 28, 9, 0),
            ),
            // Sat 21 Mar + 1bd: Monday is the first business day, due at its close 17:00 CET.
            (
                "business day from the weekend",
                &office,
                utc(2026, 3, 21, 9, 0),
                "1bd",
                utc(2026, 3, 23, 16, 0),
            ),
            // Tue 24 Mar 18:00 CET, after the close: due at Wednesday's close, 17:00 CET.
            (
                "business day after the close",
                &office,
                utc(2026, 3, 24, 17, 0),
                "1bd",
                utc(2026, 3, 25, 16, 0),
            ),
            // Fri 27 Mar 10:00 CET (09:00 UTC) + 1bd → Mon 30 Mar 10:00 CEST (08:00 UTC).
            (
                "business day across a DST change",
                &office,
                utc(2026, 3, 27, 9, 0),
                "1bd",
                utc(2026, 3, 30, 8, 0),
            ),
            // 24/7 is elapsed time, DST or not.
            (
                "24/7",
                &Calendar::always_open(),
                utc(2026, 3, 28, 23, 0),
                "4h",
                utc(2026, 3, 29, 3, 0),
            ),
            (
                "24/7 business day",
                &Calendar::always_open(),
                utc(2026, 3, 28, 23, 0),
                "1bd",
                utc(2026, 3, 29, 23, 0),
            ),
            (
                "instant",
                &office,
                utc(2026, 3, 21, 9, 0),
                "0m",
                utc(2026, 3, 21, 9, 0),
            ),
        ];
        for &(name, cal, start, target, expected) in cases {
            assert_eq!(
                deadline(start, clock(target), cal),
                Ok(expected),
                "{name}: {target} from {start}"
            );
        }
    }

    #[test]
    fn open_minutes_between_follow_local_days() {
        let split = calendar(
            "Europe/Berlin",
            WEEKDAYS,
            &[("08:00", "12:00"), ("13:00", "17:00")],
        );
        // Wed 25 Mar 07:00 → 18:00 CET covers both halves: 8h.
        let between =
            business_minutes_between(utc(2026, 3, 25, 6, 0), utc(2026, 3, 25, 17, 0), &split);
        assert_eq!(between, Ok(480));
        // Sunday desks open 01:00–05:00 local (Berlin) and 00:00–04:00 (New York) on change nights.
        let berlin = sunday_desk("Europe/Berlin", "01:00", "05:00");
        let spring =
            business_minutes_between(utc(2026, 3, 28, 0, 0), utc(2026, 3, 30, 0, 0), &berlin);
        assert_eq!(spring, Ok(180), "01:00 CET → 05:00 CEST is three hours");
        let autumn =
            business_minutes_between(utc(2026, 10, 24, 0, 0), utc(2026, 10, 26, 0, 0), &berlin);
        assert_eq!(autumn, Ok(300), "01:00 CEST → 05:00 CET is five hours");
        let new_york = sunday_desk("America/New_York", "00:00", "04:00");
        let spring =
            business_minutes_between(utc(2026, 3, 7, 0, 0), utc(2026, 3, 9, 0, 0), &new_york);
        assert_eq!(spring, Ok(180), "00:00 EST → 04:00 EDT is three hours");
        let autumn =
            business_minutes_between(utc(2026, 10, 31, 0, 0), utc(2026, 11, 2, 0, 0), &new_york);
        assert_eq!(autumn, Ok(300), "00:00 EDT → 04:00 EST is five hours");
        // Reversed order gives the negative.
        assert_eq!(
            business_minutes_between(utc(2026, 3, 25, 17, 0), utc(2026, 3, 25, 6, 0), &split),
            Ok(-480)
        );
    }

    #[test]
    fn a_skipped_hour_shortens_a_shift_and_deadlines_agree() {
        // Sunday desk 01:00–05:00 Berlin; Sat 28 Mar 12:00 UTC + 200 min: 180 on the 29th
        // (00:00–03:00 UTC), then Sun 5 Apr 01:00 CEST = Sat 4 Apr 23:00 UTC, + 20 min.
        let berlin = sunday_desk("Europe/Berlin", "01:00", "05:00");
        let due = deadline(utc(2026, 3, 28, 12, 0), Duration::minutes(200), &berlin);
        assert_eq!(due, Ok(utc(2026, 4, 4, 23, 20)));
    }

    #[test]
    fn calendars_that_cannot_answer_say_why() {
        let mut closed = berlin_office();
        closed.intervals.clear();
        let err = deadline(0, Duration::hours(1), &closed).unwrap_err();
        assert!(err.to_string().contains("never open"), "{err}");
        let mut elsewhere = berlin_office();
        elsewhere.time_zone = "Europe/Atlantis".into();
        let err = deadline(0, Duration::hours(1), &elsewhere).unwrap_err();
        assert!(err.to_string().contains("Europe/Atlantis"), "{err}");
    }

    /// The business day of calendars worked out by hand.
    #[test]
    fn business_days_by_hand() {
        // 09:00–17:00 on weekdays: 8 hours.
        assert_eq!(berlin_office().business_day_minutes(), 480);
        // 08:00–12:00 and 13:00–17:00: from 08:00 the next 24 hours hold both halves (8 h); from
        // 13:00 they hold 13–17 and the next morning's 08–12 (8 h).
        let split = calendar(
            "Europe/Berlin",
            WEEKDAYS,
            &[("08:00", "12:00"), ("13:00", "17:00")],
        );
        assert_eq!(split.business_day_minutes(), 480);
        // Overnight 22:00–06:00: 8 hours.
        let night = calendar("America/New_York", WEEKDAYS, &[("22:00", "06:00")]);
        assert_eq!(night.business_day_minutes(), 480);
        // Mon–Thu 08:00–18:00 and Fri 08:00–14:00: counts 600, 600, 600, 600, 360 → the middle
        // one is 600.
        let mut short_friday = calendar("Europe/London", &WEEKDAYS[..4], &[("08:00", "18:00")]);
        short_friday
            .intervals
            .push(WeeklyInterval::new(Weekday::Fri, at("08:00"), at("14:00")));
        assert_eq!(short_friday.business_day_minutes(), 600);
        // Open around the clock from Monday to Friday: one stretch, 24 open hours in any day.
        let weekdays = calendar("UTC", WEEKDAYS, &[("00:00", "24:00")]);
        assert_eq!(weekdays.business_day_minutes(), 1440);
        assert_eq!(Calendar::always_open().business_day_minutes(), 1440);
        let mut never = berlin_office();
        never.intervals.clear();
        assert_eq!(never.business_day_minutes(), 0);
    }

    /// A calendar written by hand as open 00:00–24:00 every day is open every instant: a
    /// business day is 24 hours, the same with or without an unrelated holiday.
    ///
    /// By hand: Sat 28 Mar 2026 10:00 CET (09:00 UTC) + 1bd = 1,440 open minutes = 24 elapsed
    /// hours → Sun 29 Mar 09:00 UTC, which is 11:00 CEST (clocks went forward that night). Before
    /// this fix the timeline path (taken once a holiday was added) answered Sun 10:00 CEST, an
    /// hour off, while the elapsed-time shortcut answered 11:00.
    #[test]
    fn a_calendar_open_all_day_every_day_is_elapsed_time() {
        let mut every_day = calendar("Europe/Berlin", &Weekday::ALL, &[("00:00", "24:00")]);
        assert!(runs_on_elapsed_time(&every_day));
        let start = utc(2026, 3, 28, 9, 0);
        let expected = utc(2026, 3, 29, 9, 0);
        assert_eq!(deadline(start, clock("1bd"), &every_day), Ok(expected));
        every_day.holidays.push(Holiday {
            name: "Christmas".into(),
            date: "2026-12-25".parse().unwrap(),
            yearly: false,
        });
        assert!(!runs_on_elapsed_time(&every_day));
        assert_eq!(deadline(start, clock("1bd"), &every_day), Ok(expected));
        assert_eq!(deadline(start, clock("24h"), &every_day), Ok(expected));
    }

    /// The same follow-the-sun week (open from Monday 08:00 in Sydney to Friday 17:00 in New
    /// York) written on three clocks gives the same deadlines. In June 2026 Sydney is UTC+10 and
    /// New York UTC−4 (no clock change in either), so the week is Sunday 22:00 UTC to Friday
    /// 21:00 UTC. By hand: a ticket at Thu 18 Jun 2026 20:00 UTC with 1bd (1,440 open minutes):
    /// 25 hours are open until Friday 21:00 UTC, so it is due Fri 19 Jun 20:00 UTC; with 2bd it
    /// uses those 25 hours (1,500 minutes), then 1,380 more from Sunday 22:00 UTC: Mon 22 Jun
    /// 21:00 UTC.
    #[test]
    fn a_follow_the_sun_week_has_the_same_deadlines_on_any_clock() {
        let week = |zone: &str, opens: (Weekday, &str), closes: (Weekday, &str)| {
            let mut intervals = Vec::new();
            let (mut day, mut start) = (opens.0, at(opens.1));
            while day != closes.0 {
                intervals.push(WeeklyInterval::new(day, start, ClockTime::END_OF_DAY));
                day = day.next();
                start = ClockTime::MIDNIGHT;
            }
            intervals.push(WeeklyInterval::new(day, start, at(closes.1)));
            Calendar {
                name: "Follow the sun".into(),
                time_zone: zone.into(),
                intervals,
                holidays: vec![],
                holidays_from: String::new(),
            }
        };
        let clocks = [
            week(
                "Australia/Sydney",
                (Weekday::Mon, "08:00"),
                (Weekday::Sat, "07:00"),
            ),
            week("UTC", (Weekday::Sun, "22:00"), (Weekday::Fri, "21:00")),
            week(
                "America/New_York",
                (Weekday::Sun, "18:00"),
                (Weekday::Fri, "17:00"),
            ),
        ];
        let start = utc(2026, 6, 18, 20, 0);
        for calendar in &clocks {
            assert_eq!(
                calendar.business_day_minutes(),
                1440,
                "{}",
                calendar.time_zone
            );
            assert_eq!(
                deadline(start, clock("1bd"), calendar),
                Ok(utc(2026, 6, 19, 20, 0)),
                "{}",
                calendar.time_zone
            );
            assert_eq!(
                deadline(start, clock("2bd"), calendar),
                Ok(utc(2026, 6, 22, 21, 0)),
                "{}",
                calendar.time_zone
            );
        }
        for hours in [1u32, 7, 30, 100, 200] {
            let due: Vec<_> = clocks
                .iter()
                .map(|c| deadline(start, Duration::hours(hours), c))
                .collect();
            assert!(due.windows(2).all(|w| w[0] == w[1]), "{hours}h: {due:?}");
        }
    }

    /// A UTC timestamp from its parts.
    fn utc_second(y: i32, mo: u8, d: u8, h: i64, mi: i64, s: i64) -> Timestamp {
        utc(y, mo, d, h, mi) * 60 + s
    }

    /// Worked by hand on the Berlin office (Mon–Fri 09:00–17:00 CET, no holiday that week): a
    /// ticket created Mon 23 Mar 2026 13:26:36 CET (12:26:36 UTC) with 1,200 open minutes
    /// (72,000 s): Monday holds 3 h 33 min 24 s (12,804 s) to 17:00; Tuesday and Wednesday 8 h
    /// each (57,600 s), 70,404 s so far; the last 1,596 s (26 min 36 s) run from Thu 09:00, so it is
    /// due Thu 26 Mar 2026 09:26:36 CET (08:26:36 UTC), not 09:26, and a reply at 09:26:20 is in
    /// time.
    #[test]
    fn a_start_keeps_its_seconds() {
        let office = berlin_office();
        let created = utc_second(2026, 3, 23, 12, 26, 36);
        let due = deadline_to_the_second(created, Duration::minutes(1200), &office).unwrap();
        assert_eq!(due, utc_second(2026, 3, 26, 8, 26, 36));
        let reply = utc_second(2026, 3, 26, 8, 26, 20);
        assert!(reply < due, "a reply at 09:26:20 is in time");
        assert_eq!(business_seconds_between(created, due, &office), Ok(72_000));
        // The timeline the month simulation uses gives the same answer.
        let zone = zone_of(&office).unwrap();
        let day = local_day(&zone, minute_of(created));
        let timeline = Timeline::build(&office, zone, day - 2, day + 14);
        assert_eq!(
            timeline.deadline_to_the_second(created, Duration::minutes(1200)),
            Some(due)
        );
    }

    /// Seconds at the edges of open time, by hand on the Berlin office.
    #[test]
    fn seconds_at_the_opening_and_the_close() {
        let office = berlin_office();
        let cases = [
            // Sat 21 Mar 10:15:42 CET, closed: the clock starts Mon 09:00, due 09:30:00 CET.
            (
                utc_second(2026, 3, 21, 9, 15, 42),
                "30m",
                utc_second(2026, 3, 23, 8, 30, 0),
            ),
            // Tue 24 Mar 16:59:30 CET: 30 s before the close, 30 s from Wed 09:00 → 09:00:30.
            (
                utc_second(2026, 3, 24, 15, 59, 30),
                "1m",
                utc_second(2026, 3, 25, 8, 0, 30),
            ),
            // Tue 24 Mar 09:00:01 CET + 1bd (480 open minutes): the whole day less one second,
            // and one second on Wednesday → Wed 09:00:01 CET.
            (
                utc_second(2026, 3, 24, 8, 0, 1),
                "1bd",
                utc_second(2026, 3, 25, 8, 0, 1),
            ),
            // 24/7 is elapsed time: Sat 28 Mar 23:59:59 UTC + 1m → Sun 29 Mar 00:00:59 UTC.
            (
                utc_second(2026, 3, 28, 23, 59, 59),
                "1m",
                utc_second(2026, 3, 29, 0, 0, 59),
            ),
        ];
        for (index, (start, target, expected)) in cases.into_iter().enumerate() {
            let calendar = if index == 3 {
                Calendar::always_open()
            } else {
                office.clone()
            };
            assert_eq!(
                deadline_to_the_second(start, clock(target), &calendar),
                Ok(expected),
                "{target} from {start}"
            );
        }
    }

    /// On whole minutes the two precisions agree with each other, in both directions.
    #[test]
    fn whole_minutes_agree_with_the_minute_answers() {
        let office = berlin_office();
        let start = utc(2026, 3, 20, 15, 0);
        for target in ["1m", "59m", "4h", "2bd", "3d"] {
            let minutes = deadline(start, clock(target), &office).unwrap();
            let seconds = deadline_to_the_second(start * 60, clock(target), &office).unwrap();
            assert_eq!(seconds, minutes * 60, "{target}");
            assert_eq!(
                business_seconds_between(start * 60, seconds, &office).unwrap(),
                business_minutes_between(start, minutes, &office).unwrap() * 60
            );
        }
    }

    #[test]
    fn deadlines_and_open_minutes_are_inverse() {
        let office = berlin_office();
        let start = utc(2026, 3, 20, 15, 0);
        for minutes in [1, 59, 60, 480, 481, 2400, 10_000] {
            let due = deadline(start, Duration::minutes(minutes), &office).unwrap();
            assert_eq!(
                business_minutes_between(start, due, &office),
                Ok(i64::from(minutes))
            );
        }
    }

    #[test]
    fn open_minutes_in_steps_match_each_pair_across_dst_and_holidays() {
        let calendars = [
            berlin_office(),
            calendar("America/New_York", WEEKDAYS, &[("22:00", "06:00")]),
            calendar(
                "Europe/London",
                WEEKDAYS,
                &[("08:00", "12:00"), ("13:00", "17:30")],
            ),
            calendar("Australia/Sydney", &Weekday::ALL, &[("00:00", "24:00")]),
        ];
        // Hourly steps over weeks holding both DST changes in Europe and in the US, and Easter.
        for start in [
            utc(2026, 3, 6, 0, 0),
            utc(2026, 3, 27, 0, 0),
            utc(2026, 10, 23, 0, 0),
            utc(2026, 10, 30, 0, 0),
        ] {
            let steps: Vec<Instant> = (0..=14 * 24).map(|h| start + h * 60).collect();
            for cal in &calendars {
                let pairwise: Vec<i64> = steps
                    .windows(2)
                    .map(|w| business_minutes_between(w[0], w[1], cal).unwrap())
                    .collect();
                assert_eq!(business_minutes_in_steps(&steps, cal).unwrap(), pairwise);
            }
        }
    }
}
