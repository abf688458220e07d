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

    /// Open minutes from `from` to `to` (UTC seconds, `to` not earlier), rounded down.
    pub fn minutes_between(&self, from: i64, to: i64) -> i64 {
        match self {
            Clock::Elapsed => (to - from).div_euclid(60),
            Clock::Business(timeline) => {
                timeline.position(to.div_euclid(60)) - timeline.position(from.div_euclid(60))
            }
        }
    }
}
