//! Small helpers the rule areas share: plan order of paths, name keys, time-zone shape, look-ups.
//! Everything here is linear in the size of the plan; rules build sets and maps once per check.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hash, Hasher};

use crate::plan::{Calendar, Plan, Weekday, ALWAYS_OPEN};

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
        NameKey(name.trim())
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

    /// The first open hour: its weekday and hour of day.
    pub(crate) fn first(self) -> Option<(Weekday, u32)> {
        let hour = self
            .0
            .iter()
            .enumerate()
            .find(|(_, word)| **word != 0)
            .map(|(i, word)| i * 64 + word.trailing_zeros() as usize)?;
        Some((Weekday::from_index(hour / 24), (hour % 24) as u32))
    }
}

/// The plan's top-level fields in the order the plan (and its documents) show them.
const SECTIONS: [&str; 17] = [
    "schema_version",
    "header",
    "calendars",
    "priorities",
    "channels",
    "tiers",
    "taxonomy",
    "sla",
    "escalation",
    "self_service",
    "automation",
    "metrics",
    "feedback",
    "customer_success",
    "roadmap",
    "staffing",
    "helpdesk",
];

/// Sort key putting a finding's path in plan order: its section, then the first list index in it.
pub(crate) fn plan_order(path: &str) -> (usize, u64) {
    let section = path.split(['.', '[']).next().unwrap_or("");
    let rank = SECTIONS
        .iter()
        .position(|s| *s == section)
        .unwrap_or(SECTIONS.len());
    let index = path
        .split_once('[')
        .and_then(|(_, rest)| rest.split_once(']'))
        .and_then(|(number, _)| number.parse().ok())
        .unwrap_or(0);
    (rank, index)
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

/// Names a plan lets other fields refer to, gathered once per check.
pub(crate) struct Names<'a> {
    pub tiers: Set<&'a str>,
    pub priorities: Set<&'a str>,
    pub calendars: Set<&'a str>,
}

impl<'a> Names<'a> {
    pub(crate) fn of(plan: &'a Plan) -> Names<'a> {
        let mut calendars: Set<&str> = plan.calendars.iter().map(|c| c.name.as_str()).collect();
        calendars.insert(ALWAYS_OPEN);
        Names {
            tiers: plan.tiers.iter().map(|t| t.name.as_str()).collect(),
            priorities: plan.priorities.iter().map(|p| p.name.as_str()).collect(),
            calendars,
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
    let rounded = (value * 10.0).round() / 10.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0} %")
    } else {
        format!("{rounded:.1} %")
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
        assert_eq!(gap.first(), Some((Weekday::Sat, 0)));
        assert_eq!(gap.union(WeekHours::of(&weekdays)), all);
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
        assert!(plan_order("header.team_size") < plan_order("channels[0].hours"));
        assert!(plan_order("sla[2].resolution") < plan_order("sla[10].resolution"));
        assert!(plan_order("taxonomy[5].name") < plan_order("sla[0].priority"));
    }

    #[test]
    fn percentages_read_naturally() {
        assert_eq!(percent(100.0), "100 %");
        assert_eq!(percent(33.333), "33.3 %");
    }
}
