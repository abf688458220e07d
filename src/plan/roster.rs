//! The shift plan's inputs: shift templates, the work pattern people keep, and whether channels
//! are rostered apart or as one pooled team. Stored under `staffing.roster`; the search is in
//! `crate::shifts`.

use serde::{Deserialize, Serialize};

use super::{ClockTime, Duration, Weekday};

/// How the plan wants its people rostered. Empty (the default, left out of saved files): the
/// built-in templates, five days of seven with two days off together, one pooled team.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Roster {
    /// The shifts people may work; empty = the built-in early, day, middle, late and night shifts.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<ShiftTemplate>,
    /// Days a week each person works; absent = five of seven, the two days off together.
    #[serde(skip_serializing_if = "WorkPattern::is_default")]
    pub pattern: WorkPattern,
    /// Roster each channel's team apart (true) or one team across channels (false, the default).
    #[serde(skip_serializing_if = "is_false")]
    pub per_channel: bool,
}

impl Roster {
    /// Whether the plan says nothing about its roster (saved files leave it out).
    pub fn is_empty(&self) -> bool {
        *self == Roster::default()
    }
}

fn is_false(value: &bool) -> bool {
    !*value
}

/// One shift people may be put on: "Day, 08:00 for 8h30m with a 30m unpaid break, Mon–Fri".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct ShiftTemplate {
    pub name: String,
    /// When the shift starts, in the home time zone.
    pub start: ClockTime,
    /// From start to end, break included (a shift may run past midnight).
    pub length: Duration,
    /// Unpaid time inside the shift; the break is staggered, so it is part of shrinkage, not a
    /// gap in cover.
    #[serde(default = "no_break", skip_serializing_if = "Duration::is_zero")]
    pub unpaid_break: Duration,
    /// The weekdays the shift may start on; absent = every day.
    #[serde(default, skip_serializing_if = "Weekdays::is_every_day")]
    pub days: Weekdays,
}

impl Default for ShiftTemplate {
    /// A new row: a day shift, 08:00 for 8 h 30 min with a 30-minute break, any day.
    fn default() -> Self {
        ShiftTemplate {
            name: String::new(),
            start: ClockTime::new(8, 0).unwrap_or(ClockTime::MIDNIGHT),
            length: Duration::minutes(8 * 60 + 30),
            unpaid_break: Duration::minutes(30),
            days: Weekdays::EVERY_DAY,
        }
    }
}

/// The weekdays a shift may start on, saved as a list (`["mon", "tue"]`). Empty, or all seven
/// listed, is every day: a shift always runs on at least one day (the form refuses clearing the
/// last one), so plans saved before templates had days load as they were.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(transparent)]
pub struct Weekdays(Vec<Weekday>);

impl Weekdays {
    pub const EVERY_DAY: Weekdays = Weekdays(Vec::new());

    /// These days, Monday first, each once; all seven (or none) is every day.
    pub fn of(days: impl IntoIterator<Item = Weekday>) -> Weekdays {
        let on = Weekdays(days.into_iter().collect()).on();
        if on.iter().all(|&d| d) {
            return Weekdays::EVERY_DAY;
        }
        Weekdays(Weekday::ALL.into_iter().filter(|d| on[d.index()]).collect())
    }

    pub fn is_every_day(&self) -> bool {
        self.on().iter().all(|&d| d)
    }

    pub fn contains(&self, day: Weekday) -> bool {
        self.0.is_empty() || self.0.contains(&day)
    }

    /// Which days, Monday first.
    pub fn on(&self) -> [bool; 7] {
        std::array::from_fn(|d| self.contains(Weekday::from_index(d)))
    }

    /// How many different days.
    pub fn count(&self) -> usize {
        self.on().iter().filter(|&&d| d).count()
    }
}

fn no_break() -> Duration {
    Duration::ZERO
}

/// How many days of the week one person works.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WorkPattern {
    /// Working days a week, 1–7.
    pub days_per_week: u32,
    /// The days off fall next to each other (Sat–Sun, Tue–Wed…), counting Sunday next to Monday.
    pub consecutive_days_off: bool,
}

impl WorkPattern {
    /// Whether this is the default pattern (left out of saved files).
    pub fn is_default(&self) -> bool {
        *self == WorkPattern::default()
    }
}

impl Default for WorkPattern {
    /// Five days of seven with two consecutive days off.
    fn default() -> Self {
        WorkPattern {
            days_per_week: 5,
            consecutive_days_off: true,
        }
    }
}
