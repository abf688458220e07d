//! One meaning of business time, whatever clock a calendar is written on: the same weekly opening
//! instants written in another zone give the same deadlines and the same exported minutes.
//!
//! London, Berlin and Helsinki change their clocks at the same instant (01:00 UTC on the last
//! Sundays of March and October), so a week written on one of them, shifted by the zones' offset,
//! opens at the same instants all year, across both changes; Tokyo and Kolkata never change.

use proptest::prelude::*;
use proptest::sample::select;

use support_ops::capacity::{business_seconds_between, deadline, deadline_to_the_second};
use support_ops::plan::{
    Calendar, ClockTime, Date, Duration, MetricTarget, Plan, SlaPolicy, SlaTarget, Target, Weekday,
    WeeklyInterval,
};
use support_ops::render::helpdesk::zendesk;

const WEEK: u32 = 7 * 24 * 60;
const DAY: u32 = 24 * 60;

/// A week of opening as spans of week minutes from Monday 00:00 (end may pass the week's end).
type Spans = Vec<(u32, u32)>;

/// The calendar that opens `spans`, shifted by `shift` minutes, written as weekday intervals
/// (split at local midnight) in `zone`.
fn written_in(zone: &str, spans: &Spans, shift: u32) -> Calendar {
    let mut intervals = Vec::new();
    for &(start, end) in spans {
        let (mut from, to) = (start + shift, end + shift);
        while from < to {
            let day = (from / DAY) % 7;
            let day_end = (from / DAY + 1) * DAY;
            let until = to.min(day_end);
            let clock = |minute: u32| {
                ClockTime::new(minute / 60, minute % 60).unwrap_or(ClockTime::END_OF_DAY)
            };
            intervals.push(WeeklyInterval::new(
                Weekday::from_index(day as usize),
                clock(from % DAY),
                if until == day_end {
                    ClockTime::END_OF_DAY
                } else {
                    clock(until % DAY)
                },
            ));
            from = until;
        }
    }
    Calendar {
        name: "Office".to_string(),
        time_zone: zone.to_string(),
        intervals,
        holidays: Vec::new(),
        holidays_from: String::new(),
    }
}

/// One to six opening stretches of the week, on a quarter-hour grid, not overlapping.
fn week() -> impl Strategy<Value = Spans> {
    prop::collection::vec((0u32..7 * 96, 1u32..4 * 96), 1..6).prop_map(|pieces| {
        let mut spans: Spans = pieces
            .into_iter()
            .map(|(start, length)| (start * 15, (start + length) * 15))
            .collect();
        spans.sort_unstable();
        let mut merged: Spans = Vec::new();
        for (start, end) in spans {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        // Keep the week to one lap: a span may run past Sunday midnight but not into itself.
        if let (Some(first), Some(last)) = (merged.first().copied(), merged.last_mut()) {
            last.1 = last.1.min(first.0 + WEEK);
        }
        merged
    })
}

/// A start any minute of 2026, half the time within four days of a clock change (29 March and
/// 25 October 2026, 01:00 UTC).
fn start() -> impl Strategy<Value = i64> {
    let midnight = |month, day| {
        Date::new(2026, month, day)
            .map(|d| d.days_since_epoch() * 1440)
            .unwrap_or(0)
    };
    let (year, spring, autumn) = (midnight(1, 1), midnight(3, 29), midnight(10, 25));
    let near = |change: i64| change - 4 * 1440..change + 4 * 1440;
    prop_oneof![year..year + 365 * 1440, near(spring), near(autumn)]
}

fn target() -> impl Strategy<Value = Duration> {
    prop_oneof![
        (1u32..20_000).prop_map(Duration::minutes),
        (1u32..48).prop_map(Duration::hours),
        (1u32..15).prop_map(Duration::business_days),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    /// London, Berlin (+1 h) and Helsinki (+2 h): the same instants all year, across DST.
    #[test]
    fn the_same_week_on_european_clocks_gives_the_same_deadlines(
        spans in week(),
        start in start(),
        target in target(),
    ) {
        let calendars = [
            written_in("Europe/London", &spans, 0),
            written_in("Europe/Berlin", &spans, 60),
            written_in("Europe/Helsinki", &spans, 120),
        ];
        let business_days: Vec<u32> =
            calendars.iter().map(Calendar::business_day_minutes).collect();
        prop_assert!(business_days.windows(2).all(|w| w[0] == w[1]), "{:?}", business_days);
        let due: Vec<_> = calendars.iter().map(|c| deadline(start, target, c)).collect();
        prop_assert!(due.windows(2).all(|w| w[0] == w[1]), "{} from {}: {:?}", target, start, due);
    }

    /// UTC, Tokyo (+9 h) and Kolkata (+5:30): zones without clock changes.
    #[test]
    fn the_same_week_on_clocks_without_dst_gives_the_same_deadlines(
        spans in week(),
        start in start(),
        target in target(),
        zone in select(vec![("Asia/Tokyo", 540u32), ("Asia/Kolkata", 330)]),
    ) {
        let utc = written_in("UTC", &spans, 0);
        let other = written_in(zone.0, &spans, zone.1);
        prop_assert_eq!(utc.business_day_minutes(), other.business_day_minutes());
        prop_assert_eq!(deadline(start, target, &utc), deadline(start, target, &other));
    }

    /// A start with seconds: exactly the target's open seconds lie between it and its due time,
    /// which is no earlier than the due time of its minute and no later than that of the next.
    #[test]
    fn a_start_with_seconds_is_due_to_the_second(
        spans in week(),
        start in start(),
        seconds in 1i64..60,
        target in target(),
        zone in select(vec![("Europe/London", 0u32), ("Asia/Kolkata", 330)]),
    ) {
        let calendar = written_in(zone.0, &spans, zone.1);
        let stamp = start * 60 + seconds;
        let due = deadline_to_the_second(stamp, target, &calendar).unwrap();
        let open = i64::try_from(target.open_minutes(calendar.business_day_minutes())).unwrap();
        prop_assert_eq!(business_seconds_between(stamp, due, &calendar), Ok(open * 60));
        let of_minute = deadline(start, target, &calendar).unwrap() * 60;
        let of_next = deadline(start + 1, target, &calendar).unwrap() * 60;
        prop_assert!(of_minute <= due && due <= of_next, "{} {} {}", of_minute, due, of_next);
    }

    /// The Zendesk export of the same week written in three European zones holds the same
    /// minutes for every target.
    #[test]
    fn the_same_week_exports_the_same_minutes(spans in week(), days in 1u32..10) {
        let exported: Vec<serde_json::Value> = [("Europe/London", 0), ("Europe/Berlin", 60), ("Europe/Helsinki", 120)]
            .iter()
            .map(|&(zone, shift)| {
                let mut plan = Plan::blank();
                plan.calendars = vec![written_in(zone, &spans, shift)];
                let on = |duration| MetricTarget::new(Target::Within(duration), "Office");
                plan.sla = vec![SlaPolicy {
                    name: "Standard".to_string(),
                    targets: vec![SlaTarget {
                        priority: "Normal".to_string(),
                        first_response: on(Duration::hours(4)),
                        resolution: on(Duration::business_days(days)),
                        ..SlaTarget::default()
                    }],
                    ..SlaPolicy::default()
                }];
                let body: serde_json::Value =
                    serde_json::from_str(&zendesk(&plan).body).unwrap_or_default();
                body["sla_policies"][0]["policy_metrics"].clone()
            })
            .collect();
        prop_assert_eq!(&exported[0], &exported[1]);
        prop_assert_eq!(&exported[1], &exported[2]);
    }
}
