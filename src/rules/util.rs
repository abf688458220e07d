//! Small helpers the rule areas share: plan order of paths, name keys, time-zone shape, look-ups.
//! Everything here is linear in the size of the plan; rules build sets and maps once per check.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::hash::{BuildHasherDefault, Hash, Hasher};

use crate::plan::{Calendar, Duration, MetricTarget, Part, Plan, Weekday, ALWAYS_OPEN};

/// A small, fast hash (the Fx hash of rustc) for the name look-ups of one check. The plan is the
/// user's own, so there is no one to mount a collision attack; SipHash would triple the check time.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }

    /// Fx leaves the low bits weak (names differing only at the end would share buckets),
    /// so the result goes through the SplitMix64 finaliser, which spreads every bit.
    fn finish(&self) -> u64 {
        let mut z = self.hash;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

pub(crate) type Map<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub(crate) type Set<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// A name as people compare names: trimmed, ASCII letters case-insensitive. Borrowed, no allocation.
#[derive(Clone, Copy, Debug)]
pub(crate) struct NameKey<'a>(&'a str);

impl<'a> NameKey<'a> {
    pub(crate) fn new(name: &'a str) -> Self {
        NameKey(crate::plan::trimmed(name))
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl PartialEq for NameKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.0.eq_ignore_ascii_case(other.0)
    }
}

impl Eq for NameKey<'_> {}

impl Hash for NameKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        for chunk in self.0.as_bytes().chunks(8) {
            let mut word = [0u8; 8];
            for (slot, byte) in word.iter_mut().zip(chunk) {
                *slot = byte.to_ascii_lowercase();
            }
            state.write_u64(u64::from_le_bytes(word));
        }
        state.write_usize(self.0.len());
    }
}

/// Whether two names read the same to people (see [`NameKey`]).
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    NameKey::new(a) == NameKey::new(b)
}

/// The hours of a week a calendar is open, one bit per hour from Monday 00:00, sampled at half past.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WeekHours([u64; 3]);

impl WeekHours {
    pub(crate) fn of(calendar: &Calendar) -> WeekHours {
        let mut hours = WeekHours::default();
        for hour in 0..7 * 24 {
            let day = Weekday::from_index(hour / 24);
            if calendar.is_open_at(day, (hour % 24) as u32 * 60 + 30) {
                hours.0[hour / 64] |= 1 << (hour % 64);
            }
        }
        hours
    }

    pub(crate) fn union(self, other: WeekHours) -> WeekHours {
        WeekHours([0, 1, 2].map(|i| self.0[i] | other.0[i]))
    }

    /// Hours open here and closed in `other`.
    pub(crate) fn without(self, other: WeekHours) -> WeekHours {
        WeekHours([0, 1, 2].map(|i| self.0[i] & !other.0[i]))
    }

    pub(crate) fn count(self) -> u32 {
        self.0.iter().map(|word| word.count_ones()).sum()
    }

    /// The longest run of consecutive hours set, counting across the end of the week into its
    /// start, and the hour of the week it begins at. `(0, 0)` when no hour is set.
    pub(crate) fn longest_run(self) -> (u32, usize) {
        let set = |hour: usize| self.0[(hour % 168) / 64] & (1 << ((hour % 168) % 64)) != 0;
        if self.count() == 168 {
            return (168, 0);
        }
        let (mut best, mut best_start) = (0, 0);
        // Start counting after an hour that is not set, so a run over Sunday midnight is whole.
        let Some(clear) = (0..168).find(|&hour| !set(hour)) else {
            return (0, 0);
        };
        let (mut run, mut start) = (0, 0);
        for step in 1..=168 {
            let hour = clear + step;
            if set(hour) {
                if run == 0 {
                    start = hour % 168;
                }
                run += 1;
                if run > best {
                    (best, best_start) = (run, start);
                }
            } else {
                run = 0;
            }
        }
        (best, best_start)
    }
}

/// Sort key putting a finding's path in plan order: its part, then the first list index in it.
pub(crate) fn plan_order(path: &crate::plan::Path) -> (usize, usize) {
    let rank = path.part().map_or(Part::ALL.len(), |part| part as usize);
    (rank, path.first_index().unwrap_or(0))
}

/// Lists up to this long are checked for repeats pair by pair, without a map.
const SHORT_LIST: usize = 12;

/// Positions of the names that repeat an earlier one: (index, index of the first occurrence).
/// Blank names are skipped (a separate rule asks for a name).
pub(crate) fn repeats<'a>(names: impl ExactSizeIterator<Item = &'a str>) -> Vec<(usize, usize)> {
    let mut repeated = Vec::new();
    let keys = names.map(NameKey::new);
    if keys.len() <= SHORT_LIST {
        // Short lists (the types of one category): comparing pairs beats building a map.
        let mut seen = [NameKey(""); SHORT_LIST];
        for (index, key) in keys.enumerate() {
            if let Some(first) = seen[..index].iter().position(|earlier| *earlier == key) {
                if !key.is_empty() {
                    repeated.push((index, first));
                }
            }
            seen[index] = key;
        }
        return repeated;
    }
    let mut first_seen: Map<NameKey, usize> = Map::default();
    first_seen.reserve(keys.len());
    for (index, key) in keys.enumerate() {
        if key.is_empty() {
            continue;
        }
        let first = *first_seen.entry(key).or_insert(index);
        if first != index {
            repeated.push((index, first));
        }
    }
    repeated
}

/// The IANA areas a time-zone name may start with.
const TIME_ZONE_AREAS: [&str; 11] = [
    "Africa",
    "America",
    "Antarctica",
    "Arctic",
    "Asia",
    "Atlantic",
    "Australia",
    "Europe",
    "Indian",
    "Pacific",
    "Etc",
];

/// Whether a time zone looks like an IANA name (`Europe/Berlin`, `America/Argentina/Salta`, `UTC`).
/// Only the shape is checked: there is no time-zone database in the app.
pub(crate) fn looks_like_time_zone(zone: &str) -> bool {
    if zone == "UTC" {
        return true;
    }
    let mut parts = zone.split('/');
    let area_known = parts
        .next()
        .is_some_and(|area| TIME_ZONE_AREAS.contains(&area));
    let mut places = 0;
    for place in parts {
        let well_formed = place.chars().next().is_some_and(|c| c.is_ascii_uppercase())
            && place
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'));
        if !well_formed {
            return false;
        }
        places += 1;
    }
    area_known && places > 0
}

/// What rules need to know of the clock a target runs on.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Clock {
    /// Open minutes of one business day (`1bd`) on it.
    pub business_day: u32,
    /// True when it runs on elapsed time (open every minute of the week).
    pub elapsed: bool,
}

/// The clock of every calendar a target may run on, by name, worked out once per check.
pub(crate) struct Clocks<'a>(Map<&'a str, Clock>);

impl<'a> Clocks<'a> {
    pub(crate) fn of(plan: &'a Plan) -> Clocks<'a> {
        let mut clocks: Map<&str, Clock> = Map::default();
        clocks.insert(
            ALWAYS_OPEN,
            Clock {
                business_day: 24 * 60,
                elapsed: true,
            },
        );
        for calendar in &plan.calendars {
            clocks.entry(&calendar.name).or_insert(Clock {
                business_day: calendar.business_day_minutes(),
                // Open all week but closed on holidays it shares: a business clock.
                elapsed: plan.with_shared_holidays(calendar).is_always_open(),
            });
        }
        Clocks(clocks)
    }

    pub(crate) fn get(&self, calendar: &str) -> Option<Clock> {
        self.0.get(calendar).copied()
    }
}

/// A promised target on its clock, ready to compare with another.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Promise<'a> {
    pub within: Duration,
    pub calendar: &'a str,
    /// Open minutes of the clock it takes.
    pub minutes: u64,
    pub elapsed: bool,
    /// Open minutes of a business day on its clock.
    pub business_day: u32,
    /// False on a calendar the plan does not define (see `Promise::comparable`).
    pub defined: bool,
}

impl<'a> Promise<'a> {
    /// The promise of a metric with a duration on a known calendar; `None` otherwise.
    pub(crate) fn of(clocks: &Clocks, target: &'a MetricTarget) -> Option<Promise<'a>> {
        let within = target.within()?;
        let clock = clocks.get(&target.calendar)?;
        Some(Promise {
            within,
            calendar: &target.calendar,
            minutes: within.open_minutes(clock.business_day),
            elapsed: clock.elapsed,
            business_day: clock.business_day,
            defined: true,
        })
    }

    /// The promise of a metric with a duration, also on a calendar the plan does not define: two
    /// targets on one such calendar count the same open time, whatever it is, so they compare
    /// with each other (and a missing calendar is said once, by SLA-008). Business days there
    /// compare with nothing: only the calendar says how long one is.
    pub(crate) fn comparable(clocks: &Clocks, target: &'a MetricTarget) -> Option<Promise<'a>> {
        if let Some(promise) = Promise::of(clocks, target) {
            return Some(promise);
        }
        let within = target.within()?;
        if matches!(within, Duration::BusinessDays { .. }) || target.calendar.trim().is_empty() {
            return None;
        }
        Some(Promise {
            within,
            calendar: &target.calendar,
            minutes: within.open_minutes(0),
            elapsed: false,
            business_day: 0,
            defined: false,
        })
    }

    /// A duration on the same clock as this promise.
    pub(crate) fn minutes_of(&self, duration: Duration) -> u64 {
        duration.open_minutes(self.business_day)
    }

    /// Whether this falls due at or after `other` for every ticket, wherever it starts: both run
    /// on one clock and this takes at least as long, or `other` runs on elapsed time (the fastest
    /// clock there is) and this takes at least as many minutes. `strictly` asks for later.
    pub(crate) fn never_before(&self, other: &Promise, strictly: bool) -> bool {
        let comparable = self.calendar == other.calendar || other.elapsed;
        comparable
            && if strictly {
                self.minutes > other.minutes
            } else {
                self.minutes >= other.minutes
            }
    }

    /// "24 business hours", "30 min": the duration in words on its clock.
    pub(crate) fn words(&self) -> String {
        self.within.in_words_on(self.clock())
    }

    /// The clock for `Duration::in_words_on`: `None` on elapsed time, else its business day.
    pub(crate) fn clock(&self) -> Option<u32> {
        // On an undefined calendar nobody knows which: the duration as written.
        (!self.elapsed && self.defined).then_some(self.business_day)
    }
}

/// Names a plan lets other fields refer to, gathered once per check.
pub(crate) struct Names<'a> {
    pub tiers: Set<&'a str>,
    pub priorities: Set<&'a str>,
    pub calendars: Set<&'a str>,
    pub channels: Set<&'a str>,
    pub policies: Set<&'a str>,
}

impl<'a> Names<'a> {
    pub(crate) fn of(plan: &'a Plan) -> Names<'a> {
        let mut calendars: Set<&str> = plan.calendars.iter().map(|c| c.name.as_str()).collect();
        calendars.insert(ALWAYS_OPEN);
        Names {
            tiers: plan.tiers.iter().map(|t| t.name.as_str()).collect(),
            priorities: plan.priorities.iter().map(|p| p.name.as_str()).collect(),
            calendars,
            channels: plan.channels.iter().map(|c| c.name.as_str()).collect(),
            policies: plan.sla.iter().map(|p| p.name.as_str()).collect(),
        }
    }
}

/// How a message names a row of the plan: `Channel "Email"`, or `Channel 3` while it has no name,
/// so a finding about an unnamed row still reads as a sentence. Written out only when a finding
/// uses it: the rules name every row they look at, and most rows have nothing to report.
pub(crate) fn who<'a>(kind: &'a str, index: usize, name: &'a str) -> Who<'a> {
    Who { kind, index, name }
}

/// A row named for a message; see [`who`].
#[derive(Clone, Copy)]
pub(crate) struct Who<'a> {
    kind: &'a str,
    index: usize,
    name: &'a str,
}

impl fmt::Display for Who<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (kind, name) = (self.kind, self.name.trim());
        if name.is_empty() {
            write!(f, "{kind} {}", self.index + 1)
        } else if name
            .get(..kind.len())
            .is_some_and(|start| start.eq_ignore_ascii_case(kind))
        {
            // "Tier 1" is a tier already: no need to say so twice.
            f.write_str(name)
        } else {
            write!(f, "{kind} \"{name}\"")
        }
    }
}

/// A reference to something by name that does not resolve, said the way a support leader would:
/// "isn't set" for an empty field, "\"Tier 4\", which the plan doesn't define" otherwise.
pub(crate) fn missing(kind: &str, name: &str) -> String {
    if name.trim().is_empty() {
        format!("has no {kind} set")
    } else {
        format!("uses the {kind} \"{name}\", which the plan doesn't define")
    }
}

/// The total of shares that should make 100 %, when it misses by more than half a point.
/// `None` when there is nothing to add up or the total is close enough.
pub(crate) fn total_off_100(shares: impl Iterator<Item = f64>) -> Option<f64> {
    let (total, count) = shares.fold((0.0, 0), |(sum, n), share| (sum + share, n + 1));
    (count > 0 && (total - 100.0_f64).abs() > 0.5).then_some(total)
}

/// Whether a percentage lies on the 0–100 scale.
pub(crate) fn is_percent(value: f64) -> bool {
    (0.0..=100.0).contains(&value)
}

/// A percentage for a message: "33.3 %", "100 %".
pub(crate) fn percent(value: f64) -> String {
    format!("{} %", number(value))
}

/// A number for a message, to one decimal where it has one: "2", "2.5".
pub(crate) fn number(value: f64) -> String {
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn week_hours_find_the_gaps() {
        let mut weekdays = Calendar::always_open();
        weekdays.intervals.truncate(5);
        let all = WeekHours::of(&Calendar::always_open());
        assert_eq!(all.count(), 168);
        let gap = all.without(WeekHours::of(&weekdays));
        assert_eq!(gap.count(), 48);
        assert_eq!(gap.union(WeekHours::of(&weekdays)), all);
        // Saturday and Sunday: 48 hours from Sat 00:00 (hour 120 of the week).
        assert_eq!(gap.longest_run(), (48, 120));
        // Closed Mon 00:00–09:00 and from Fri 17:00: one run of 64 hours over Sunday midnight.
        let mut office = Calendar::always_open();
        office.intervals.truncate(5);
        for interval in &mut office.intervals {
            interval.start = "09:00".parse().unwrap();
            interval.end = "17:00".parse().unwrap();
        }
        let closed = all.without(WeekHours::of(&office));
        assert_eq!(closed.longest_run(), (64, 4 * 24 + 17));
        assert_eq!(all.longest_run(), (168, 0));
        assert_eq!(WeekHours::default().longest_run(), (0, 0));
    }

    #[test]
    fn time_zones_must_look_like_iana_names() {
        for good in [
            "UTC",
            "Europe/Berlin",
            "America/Argentina/Salta",
            "Etc/GMT+5",
            "America/Port-au-Prince",
        ] {
            assert!(looks_like_time_zone(good), "{good}");
        }
        for bad in [
            "",
            "EST",
            "GMT+1",
            "New York",
            "europe/berlin",
            "Europe/",
            "Mars/Olympus",
            "Europe Berlin",
            "Europe/Berlin ",
        ] {
            assert!(!looks_like_time_zone(bad), "{bad}");
        }
    }

    #[test]
    fn repeats_ignore_case_and_blanks() {
        let names = ["Billing", "", "billing ", "Outage", "", "BILLING"];
        assert_eq!(repeats(names.into_iter()), vec![(2, 0), (5, 0)]);
        // Long lists go through the hash map and find the same repeats.
        let long: Vec<String> = (0..40).map(|i| format!("Category {}", i % 30)).collect();
        let found = repeats(long.iter().map(String::as_str));
        assert_eq!(found.len(), 10);
        assert_eq!(found[0], (30, 0));
        assert!(same_name(" Tier 1", "tier 1") && !same_name("Tier 1", "Tier 11"));
    }

    #[test]
    fn paths_sort_in_plan_order() {
        let plan_order = |text: &str| plan_order(&crate::plan::Path::parse(text).expect("a path"));
        assert!(plan_order("header.team_size") < plan_order("channels[0].hours"));
        assert!(
            plan_order("sla[2].targets[0].resolution.target")
                < plan_order("sla[10].targets[0].resolution.target")
        );
        assert!(plan_order("taxonomy[5].name") < plan_order("sla[0].targets[0].priority"));
    }

    #[test]
    fn rows_are_named_in_sentences_even_without_a_name() {
        assert_eq!(who("Channel", 2, "").to_string(), "Channel 3");
        assert_eq!(
            who("Channel", 0, " Email ").to_string(),
            "Channel \"Email\""
        );
        assert_eq!(who("Tier", 1, "Tier 1").to_string(), "Tier 1");
        assert_eq!(
            who("Tier", 0, "Self-Service").to_string(),
            "Tier \"Self-Service\""
        );
    }

    #[test]
    fn percentages_read_naturally() {
        assert_eq!(percent(100.0), "100 %");
        assert_eq!(percent(33.333), "33.3 %");
    }
}
