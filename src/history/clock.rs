//! Business minutes between two ticket times on one of the plan's calendars, from one timeline
//! built over the whole history (so a million tickets cost a binary search each). The only place
//! the history reaches into `capacity::business`; ticket times are seconds, its instants minutes.

use crate::capacity::business::{local_day, runs_on_elapsed_time, zone_of, Timeline};
use crate::capacity::CapacityError;
use crate::plan::Calendar;

/// The longest stretch of days a timeline is built for (dates past it are clamped).
const LONGEST_DAYS: i64 = 366 * 40;

/// A calendar's clock over a range of ticket times.
#[derive(Clone, Debug)]
pub enum Clock {
    /// Open every minute: elapsed time.
    Elapsed,
    Business(Box<Timeline>),
}

impl Clock {
    /// The clock of `calendar` for times from `first` to `last` (UTC seconds).
    pub fn new(calendar: &Calendar, first: i64, last: i64) -> Result<Clock, CapacityError> {
        if runs_on_elapsed_time(calendar) {
            return Ok(Clock::Elapsed);
        }
        if calendar.weekly_open_minutes() == 0 {
            return Err(CapacityError::NeverOpen {
                calendar: calendar.name.clone(),
            });
        }
        let zone = zone_of(calendar)?;
        let from = local_day(&zone, first.div_euclid(60)) - 2;
        let to = (local_day(&zone, last.div_euclid(60)) + 3).min(from + LONGEST_DAYS);
        Ok(Clock::Business(Box::new(Timeline::build(
            calendar, zone, from, to,
        ))))
    }

    /// Open seconds from `from` to `to` (UTC seconds, `to` not earlier): a start's and an
    /// answer's seconds count, so a reply 20 s inside its target is never counted late.
    pub fn seconds_between(&self, from: i64, to: i64) -> i64 {
        match self {
            Clock::Elapsed => to - from,
            Clock::Business(timeline) => {
                timeline.position_to_the_second(to) - timeline.position_to_the_second(from)
            }
        }
    }

    /// Open minutes from `from` to `to`, rounded down (for the spreads of business times).
    pub fn minutes_between(&self, from: i64, to: i64) -> i64 {
        self.seconds_between(from, to).div_euclid(60)
    }
}

#[cfg(test)]
mod seconds {
    use super::*;
    use crate::rules::testing::nine_to_five;

    #[test]
    fn seconds_count_on_both_ends() {
        // Mon 23 Mar 2026 09:00 UTC (seconds since 1970), on a Mon–Fri 09:00–17:00 UTC calendar.
        let nine = 1_774_256_400;
        let calendar = nine_to_five("Office", "UTC");
        let clock = Clock::new(&calendar, nine, nine + 86_400).expect("a clock");
        // 09:00:20 → 09:30:40 is 30 min 20 s open: late against a 30-minute target, although
        // the two times' minutes (09:00, 09:30) are exactly 30 apart.
        assert_eq!(clock.seconds_between(nine + 20, nine + 30 * 60 + 40), 1820);
        // 09:00:40 → 09:30:20 is 29 min 40 s: in time.
        assert_eq!(clock.seconds_between(nine + 40, nine + 30 * 60 + 20), 1780);
        // 16:59:30 → next day 09:00:30: 30 s before the close and 30 s after the opening.
        let close = nine + 8 * 3600;
        assert_eq!(clock.seconds_between(close - 30, nine + 86_400 + 30), 60);
    }
}
