//! Planning maths: business-time deadlines on the plan's calendars and time zones, SLA due times,
//! Erlang C staffing per channel and hour of the week, and a month-long ticket-flow simulation.

pub mod business;
pub mod erlang;
pub mod on_call;
pub mod profile;
pub mod scenario;
pub mod short;
pub mod simulation;
pub mod sla;
pub mod staffing;
pub mod zones;

use std::fmt;

pub use business::{
    business_minutes_between, business_seconds_between, deadline, deadline_to_the_second,
    minute_of, timestamp_of, Instant, Timestamp,
};
pub use zones::{is_known_zone, known_zones, UnknownZone, Zone};

/// Why a number could not be worked out, in words a support leader follows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CapacityError {
    UnknownZone(UnknownZone),
    /// The calendar has no open time, so no target on it ever falls due.
    NeverOpen {
        calendar: String,
    },
    /// A name the plan refers to but does not define.
    UnknownCalendar {
        name: String,
    },
    NoSlaFor {
        priority: String,
    },
    /// An SLA policy name the plan does not define.
    UnknownPolicy {
        name: String,
    },
    /// More tickets a month than the simulation takes on (it would stall the page).
    TooManyToSimulate {
        tickets: u32,
    },
}

impl fmt::Display for CapacityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CapacityError::UnknownZone(zone) => zone.fmt(f),
            CapacityError::NeverOpen { calendar } => write!(
                f,
                "Calendar \"{calendar}\" is never open, so targets on it never fall due; give it opening hours"
            ),
            CapacityError::UnknownCalendar { name } => write!(
                f,
                "There is no calendar called \"{name}\"; add it under Calendars or pick 24/7"
            ),
            CapacityError::NoSlaFor { priority } => write!(
                f,
                "Priority \"{priority}\" has no SLA targets yet; add a row for it under SLA targets"
            ),
            CapacityError::UnknownPolicy { name } => write!(
                f,
                "There is no SLA policy called \"{name}\"; pick one of the plan's policies"
            ),
            CapacityError::TooManyToSimulate { tickets } => write!(
                f,
                "{tickets} tickets a month is more than the simulation runs (at most {}); \
                 check the monthly volume, or simulate a smaller share of the operation",
                simulation::MAX_SIMULATED_TICKETS
            ),
        }
    }
}

impl std::error::Error for CapacityError {}

/// The instant a local date and wall time name in `zone` (see `Zone::from_local` for the
/// skipped and repeated hours of clock changes).
pub fn instant_from_local(zone: &Zone, date: crate::plan::Date, minute_of_day: u32) -> Instant {
    zone.from_local(date.days_since_epoch() * 1440 + i64::from(minute_of_day))
}

/// A timestamp as a person reads it in `zone`: "Mon 9 Mar 2026, 10:00", with its seconds when
/// it has any ("Thu 26 Mar 2026, 09:26:36").
pub fn describe_timestamp(zone: &Zone, timestamp: Timestamp) -> String {
    let minute = describe_instant(zone, minute_of(timestamp));
    match timestamp.rem_euclid(60) {
        0 => minute,
        seconds => format!("{minute}:{seconds:02}"),
    }
}

/// An instant as a person reads it in `zone`: "Mon 9 Mar 2026, 10:00".
pub fn describe_instant(zone: &Zone, instant: Instant) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let local = zone.to_local(instant);
    let date = crate::plan::Date::from_days_since_epoch(local.div_euclid(1440));
    let minute = local.rem_euclid(1440);
    format!(
        "{} {} {} {}, {:02}:{:02}",
        date.weekday().short_name(),
        date.day,
        MONTHS[usize::from(date.month.clamp(1, 12) - 1)],
        date.year,
        minute / 60,
        minute % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn instants_read_back_in_local_time() {
        let berlin = Zone::named("Europe/Berlin").unwrap();
        let date = crate::plan::Date::new(2026, 3, 9).unwrap();
        // 10:00 CET on Monday 9 March 2026 is 09:00 UTC.
        let instant = instant_from_local(&berlin, date, 600);
        assert_eq!(instant, date.days_since_epoch() * 1440 + 540);
        assert_eq!(describe_instant(&berlin, instant), "Mon 9 Mar 2026, 10:00");
    }

    /// Every starter template is computable end to end: zones known, SLA calendars open,
    /// staffing, due times for each priority and a simulated month.
    #[test]
    fn every_template_computes() {
        for template in crate::plan::templates::all() {
            let plan = &template.plan;
            let need = staffing::staffing(plan).unwrap();
            assert!(need.head_count > 0, "{}", template.id);
            for policy in &plan.sla {
                for sla in &policy.targets {
                    let due =
                        sla::due_times(plan, &policy.name, &sla.priority, Some(0), 29_000_000)
                            .unwrap();
                    let first = due.of(crate::plan::SlaMetric::FirstResponse).unwrap();
                    assert!(first.at >= 29_000_000, "{}", template.id);
                    if let Some(resolution) = due.of(crate::plan::SlaMetric::Resolution) {
                        assert!(resolution.at >= first.at, "{}", template.id);
                    }
                }
            }
            let month =
                simulation::simulate(plan, &simulation::SimulationConfig::default()).unwrap();
            assert_eq!(month.tickets, plan.header.monthly_volume, "{}", template.id);
        }
    }
}
