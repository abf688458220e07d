//! Small helpers the rule areas share: plan order of paths, name keys, time-zone shape, look-ups.
//! Everything here is linear in the size of the plan; rules build sets and maps once per check.

use std::collections::{HashMap, HashSet};

use crate::plan::{Plan, ALWAYS_OPEN};

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

/// How two names are compared for "the same name twice": trimmed, case-insensitive.
pub(crate) fn name_key(name: &str) -> String {
    name.trim().to_lowercase()
}

/// Positions of the names that repeat an earlier one: (index, index of the first occurrence).
pub(crate) fn repeats<'a>(names: impl Iterator<Item = &'a str>) -> Vec<(usize, usize)> {
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    let mut repeated = Vec::new();
    for (index, name) in names.enumerate() {
        if name.trim().is_empty() {
            continue;
        }
        match first_seen.get(&name_key(name)) {
            Some(&first) => repeated.push((index, first)),
            None => {
                first_seen.insert(name_key(name), index);
            }
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
    pub tiers: HashSet<&'a str>,
    pub priorities: HashSet<&'a str>,
    pub calendars: HashSet<&'a str>,
}

impl<'a> Names<'a> {
    pub(crate) fn of(plan: &'a Plan) -> Names<'a> {
        let mut calendars: HashSet<&str> = plan.calendars.iter().map(|c| c.name.as_str()).collect();
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
