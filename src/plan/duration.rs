//! The one duration type of a plan: clock time in minutes that remembers the unit it was typed in,
//! or whole business days. Read forgivingly (`30 min`, `1.5h`, `1:30`), written back as typed.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Minutes in one clock day, used for `d` and `w` units.
pub const MINUTES_PER_DAY: u32 = 24 * 60;

/// Longest duration a plan takes: ten years.
const LONGEST_MINUTES: u64 = 3650 * MINUTES_PER_DAY as u64;

/// The unit a clock duration was typed in, kept so `24h` stays `24h` and `60m` stays `60m`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClockUnit {
    #[default]
    Minutes,
    Hours,
    Days,
    Weeks,
}

impl ClockUnit {
    /// Minutes in one of this unit.
    pub const fn minutes(self) -> u32 {
        match self {
            ClockUnit::Minutes => 1,
            ClockUnit::Hours => 60,
            ClockUnit::Days => MINUTES_PER_DAY,
            ClockUnit::Weeks => 7 * MINUTES_PER_DAY,
        }
    }

    const ALL: [ClockUnit; 4] = [
        ClockUnit::Weeks,
        ClockUnit::Days,
        ClockUnit::Hours,
        ClockUnit::Minutes,
    ];

    fn suffix(self) -> &'static str {
        match self {
            ClockUnit::Minutes => "m",
            ClockUnit::Hours => "h",
            ClockUnit::Days => "d",
            ClockUnit::Weeks => "w",
        }
    }
}

/// A target or timeframe.
///
/// `Clock` counts minutes: elapsed minutes on a 24/7 clock, open minutes on a business-hours clock
/// (so `24h` on a 09:00–17:00 calendar is 24 business hours, three business days). `BusinessDays`
/// counts business days of the calendar the target runs on; how long one is, in open minutes, is
/// `Calendar::business_day_minutes` (the one meaning of a business day, used everywhere).
///
/// Two durations are equal when they are written the same: `24h` and `1d` are the same length but
/// not equal. A unit larger than the value (`0h`, or `30m` kept as hours) is written, and compared,
/// in the smaller unit it fills (`0m`, `30m`).
#[derive(Clone, Copy, Debug)]
pub enum Duration {
    Clock { minutes: u32, unit: ClockUnit },
    BusinessDays { days: u32 },
}

impl Duration {
    pub const ZERO: Duration = Duration::Clock {
        minutes: 0,
        unit: ClockUnit::Minutes,
    };

    pub const fn minutes(minutes: u32) -> Self {
        Duration::Clock {
            minutes,
            unit: ClockUnit::Minutes,
        }
    }

    pub const fn hours(hours: u32) -> Self {
        Duration::Clock {
            minutes: hours * 60,
            unit: ClockUnit::Hours,
        }
    }

    pub const fn days(days: u32) -> Self {
        Duration::Clock {
            minutes: days * MINUTES_PER_DAY,
            unit: ClockUnit::Days,
        }
    }

    pub const fn weeks(weeks: u32) -> Self {
        Duration::Clock {
            minutes: weeks * 7 * MINUTES_PER_DAY,
            unit: ClockUnit::Weeks,
        }
    }

    pub const fn business_days(days: u32) -> Self {
        Duration::BusinessDays { days }
    }

    pub fn is_zero(&self) -> bool {
        matches!(
            self,
            Duration::Clock { minutes: 0, .. } | Duration::BusinessDays { days: 0 }
        )
    }

    /// The clock minutes, or `None` for business days (whose length depends on the calendar).
    pub fn clock_minutes(&self) -> Option<u32> {
        match *self {
            Duration::Clock { minutes, .. } => Some(minutes),
            Duration::BusinessDays { .. } => None,
        }
    }

    /// Open minutes on a calendar whose business day is `business_day` open minutes long
    /// (`Calendar::business_day_minutes`; 1,440 on 24/7).
    pub fn open_minutes(&self, business_day: u32) -> u64 {
        match *self {
            Duration::Clock { minutes, .. } => u64::from(minutes),
            Duration::BusinessDays { days } => u64::from(days) * u64::from(business_day),
        }
    }

    /// Whether the duration counts in days or weeks of clock time (`1d`, `2w`): on a business
    /// calendar that is 24 open hours a day, rarely what a person means.
    pub fn is_in_clock_days(&self) -> bool {
        matches!(
            self.written_unit(),
            Some(ClockUnit::Days | ClockUnit::Weeks)
        )
    }

    /// Reads a duration as a person types it; the message says what was expected.
    pub fn parse(text: &str) -> Result<Duration, DurationError> {
        text.parse()
    }
}

impl Default for Duration {
    fn default() -> Self {
        Duration::ZERO
    }
}

impl Duration {
    /// The unit the duration is written in: its own, or a smaller one it fills.
    fn written_unit(&self) -> Option<ClockUnit> {
        match *self {
            Duration::Clock { minutes, unit } => Some(unit_for(u64::from(minutes), unit)),
            Duration::BusinessDays { .. } => None,
        }
    }

    /// What identifies a duration as written: its length and the unit it is written in.
    fn key(&self) -> (Option<ClockUnit>, u32) {
        match *self {
            Duration::Clock { minutes, .. } => (self.written_unit(), minutes),
            Duration::BusinessDays { days } => (None, days),
        }
    }
}

impl PartialEq for Duration {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}

impl Eq for Duration {}

impl std::hash::Hash for Duration {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.key().hash(state);
    }
}

/// Why a duration could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationError {
    pub input: String,
    pub reason: &'static str,
}

impl fmt::Display for DurationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "\"{}\" is not a duration ({}). Write it like 30m, 4h, 1h30m, 1:30, 2d, 1w or 3bd (business days).",
            self.input, self.reason
        )
    }
}

impl std::error::Error for DurationError {}

/// A unit word as people type it: `m`, `min`, `minutes`, `h`, `hrs`, `hour`, `d`, `days`, `w`,
/// `weeks`, `bd`, `business days`.
fn unit_of(word: &str) -> Option<Option<ClockUnit>> {
    let unit = match word {
        "m" | "min" | "mins" | "minute" | "minutes" => ClockUnit::Minutes,
        "h" | "hr" | "hrs" | "hour" | "hours" => ClockUnit::Hours,
        "d" | "day" | "days" => ClockUnit::Days,
        "w" | "wk" | "wks" | "week" | "weeks" => ClockUnit::Weeks,
        "bd" | "bds" | "businessday" | "businessdays" | "workingday" | "workingdays" => {
            return Some(None)
        }
        _ => return None,
    };
    Some(Some(unit))
}

/// One `number unit` piece of what was typed.
struct Piece {
    /// The number, in thousandths (`1.5` is 1500), so halves and quarters stay exact.
    milli: u64,
    whole: bool,
    /// `None` for business days.
    unit: Option<ClockUnit>,
}

/// Splits `1h 30m`, `1 hour and 30 minutes`, `2 business days` into pieces.
fn pieces(text: &str) -> Result<Vec<Piece>, &'static str> {
    let mut pieces = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    let skip = |i: &mut usize| {
        while *i < chars.len() && (chars[*i].is_whitespace() || chars[*i] == ',') {
            *i += 1;
        }
    };
    loop {
        skip(&mut i);
        if i >= chars.len() {
            break;
        }
        // "and" between pieces: "1 hour and 30 minutes".
        if chars[i..].starts_with(&['a', 'n', 'd']) && !pieces.is_empty() {
            i += 3;
            continue;
        }
        let start = i;
        while i < chars.len() && (chars[i].is_ascii_digit() || chars[i] == '.') {
            i += 1;
        }
        if start == i {
            return Err(if chars[i] == '-' {
                "it cannot be negative"
            } else {
                "each unit needs a number before it"
            });
        }
        let number: String = chars[start..i].iter().collect();
        let milli = parse_milli(&number).ok_or("the number is not one a duration can have")?;
        skip(&mut i);
        let word_start = i;
        while i < chars.len() && (chars[i].is_ascii_alphabetic() || chars[i] == '-') {
            i += 1;
        }
        let word: String = chars[word_start..i].iter().filter(|c| **c != '-').collect();
        // "2 business days": the unit may be two words.
        let mut word = word;
        if word == "business" || word == "working" {
            skip(&mut i);
            let next_start = i;
            while i < chars.len() && chars[i].is_ascii_alphabetic() {
                i += 1;
            }
            word.extend(&chars[next_start..i]);
        }
        if word.is_empty() {
            return Err("a number needs a unit after it, like 30m or 4h");
        }
        let unit = unit_of(&word).ok_or("use the units m, h, d, w or bd")?;
        pieces.push(Piece {
            milli,
            whole: !number.contains('.'),
            unit,
        });
    }
    Ok(pieces)
}

/// `1.5` → 1500; at most three decimals.
fn parse_milli(number: &str) -> Option<u64> {
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    if fraction.len() > 3 || fraction.contains('.') || (whole.is_empty() && fraction.is_empty()) {
        return None;
    }
    let whole: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let mut padded = fraction.to_string();
    while padded.len() < 3 {
        padded.push('0');
    }
    let fraction: u64 = padded.parse().ok()?;
    whole.checked_mul(1000)?.checked_add(fraction)
}

/// `1:30` (hours and minutes) → 90 minutes.
fn hours_and_minutes(text: &str) -> Option<u64> {
    let (hours, minutes) = text.split_once(':')?;
    let hours: u64 = hours.trim().parse().ok()?;
    let minutes = minutes.trim();
    if minutes.len() != 2 {
        return None;
    }
    let minutes: u64 = minutes.parse().ok()?;
    (minutes < 60).then(|| hours * 60 + minutes)
}

impl FromStr for Duration {
    type Err = DurationError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = |reason| DurationError {
            input: text.to_string(),
            reason,
        };
        let lower = text.trim().to_ascii_lowercase();
        if lower.is_empty() {
            return Err(fail("it is empty"));
        }
        if matches!(
            lower.as_str(),
            "0" | "instant" | "instantly" | "immediately"
        ) {
            return Ok(Duration::ZERO);
        }
        if let Some(minutes) = hours_and_minutes(&lower) {
            return clock(minutes, unit_for(minutes, ClockUnit::Hours)).map_err(fail);
        }
        let pieces = pieces(&lower).map_err(fail)?;
        if pieces.is_empty() {
            return Err(fail("it is empty"));
        }
        if pieces.iter().any(|p| p.unit.is_none()) {
            let [piece] = pieces.as_slice() else {
                return Err(fail("write business days on their own, like 3bd"));
            };
            if !piece.whole || piece.milli % 1000 != 0 {
                return Err(fail("business days take a whole number, like 2bd"));
            }
            let days = piece.milli / 1000;
            if days > 3650 {
                return Err(fail("it is longer than ten years"));
            }
            return Ok(Duration::BusinessDays { days: days as u32 });
        }
        let mut total_milli: u64 = 0;
        let mut largest = ClockUnit::Minutes;
        let mut last: Option<ClockUnit> = None;
        for piece in &pieces {
            let unit = piece.unit.unwrap_or_default();
            if last.is_some_and(|previous| unit >= previous) {
                return Err(fail("put larger units first, each once"));
            }
            last = Some(unit);
            largest = largest.max(unit);
            total_milli =
                total_milli.saturating_add(piece.milli.saturating_mul(u64::from(unit.minutes())));
        }
        if total_milli % 1000 != 0 {
            return Err(fail("it is not a whole number of minutes"));
        }
        let minutes = total_milli / 1000;
        clock(minutes, unit_for(minutes, largest)).map_err(fail)
    }
}

/// The unit to keep a value typed in `typed` in: "0.5h" is 30 minutes, so a value shorter than
/// one of its unit is kept in the largest smaller unit it fills.
fn unit_for(minutes: u64, typed: ClockUnit) -> ClockUnit {
    ClockUnit::ALL
        .into_iter()
        .find(|u| *u <= typed && u64::from(u.minutes()) <= minutes)
        .unwrap_or(ClockUnit::Minutes)
}

fn clock(minutes: u64, unit: ClockUnit) -> Result<Duration, &'static str> {
    if minutes > LONGEST_MINUTES {
        return Err("it is longer than ten years");
    }
    Ok(Duration::Clock {
        minutes: minutes as u32,
        unit,
    })
}

impl fmt::Display for Duration {
    /// The compact form, in the unit it was typed in: `24h`, `60m`, `1h30m`, `2w`, `3bd`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Duration::BusinessDays { days } => write!(f, "{days}bd"),
            Duration::Clock { minutes, .. } => {
                let unit = self.written_unit().unwrap_or_default();
                let mut rest = minutes;
                let mut first = true;
                for part in ClockUnit::ALL.into_iter().filter(|u| *u <= unit) {
                    let size = part.minutes();
                    let count = rest / size;
                    rest %= size;
                    // The typed unit is always written (`0h30m` stays as read); smaller ones only
                    // when they are not zero.
                    if first || count > 0 {
                        write!(f, "{count}{}", part.suffix())?;
                    }
                    first = false;
                }
                Ok(())
            }
        }
    }
}

impl Duration {
    /// The duration in words for a document, on a clock of elapsed time: "30 min", "4 hours",
    /// "2 days", "1 week", "3 business days", "Instant".
    pub fn in_words(&self) -> String {
        self.in_words_on(None)
    }

    /// The duration in words on the clock it runs on: `None` for elapsed time, or the business
    /// day (in open minutes) of a business-hours calendar. On business hours every clock unit is
    /// business time: `24h` reads "24 business hours", and so does `1d` (a clock day of open
    /// time), except where a business day is 24 open hours, where `1d` is "1 business day".
    pub fn in_words_on(&self, business_day: Option<u32>) -> String {
        let business = business_day.is_some();
        let (minutes, unit) = match *self {
            Duration::BusinessDays { days } => return plural(days, "business day"),
            Duration::Clock { minutes: 0, .. } => return "Instant".to_string(),
            Duration::Clock { minutes, .. } => (minutes, self.written_unit().unwrap_or_default()),
        };
        let hours_words = |minutes: u32| {
            let (hours, rest) = (minutes / 60, minutes % 60);
            let noun = if business { "business hour" } else { "hour" };
            match (hours, rest) {
                (0, rest) => minutes_words(rest, business),
                (hours, 0) => plural(hours, noun),
                (hours, rest) if business => format!("{hours}h {rest}m of business time"),
                (hours, rest) => format!("{hours}h {rest}m"),
            }
        };
        match unit {
            ClockUnit::Minutes => minutes_words(minutes, business),
            ClockUnit::Hours => hours_words(minutes),
            ClockUnit::Days | ClockUnit::Weeks
                if business_day == Some(MINUTES_PER_DAY) && minutes % MINUTES_PER_DAY == 0 =>
            {
                plural(minutes / MINUTES_PER_DAY, "business day")
            }
            // A day of a business-hours clock is 24 open hours: say so rather than "1 day".
            ClockUnit::Days | ClockUnit::Weeks if business => hours_words(minutes),
            ClockUnit::Weeks if minutes % (7 * MINUTES_PER_DAY) == 0 => {
                plural(minutes / (7 * MINUTES_PER_DAY), "week")
            }
            ClockUnit::Days | ClockUnit::Weeks if minutes % MINUTES_PER_DAY == 0 => {
                plural(minutes / MINUTES_PER_DAY, "day")
            }
            ClockUnit::Days | ClockUnit::Weeks => {
                let days = minutes / MINUTES_PER_DAY;
                let rest = minutes % MINUTES_PER_DAY;
                if days == 0 {
                    hours_words(rest)
                } else {
                    format!("{} {}", plural(days, "day"), hours_words(rest))
                }
            }
        }
    }
}

fn minutes_words(minutes: u32, business: bool) -> String {
    if business {
        plural(minutes, "business minute")
    } else {
        format!("{minutes} min")
    }
}

fn plural(count: u32, unit: &str) -> String {
    if count == 1 {
        format!("1 {unit}")
    } else {
        format!("{count} {unit}s")
    }
}

impl Serialize for Duration {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Duration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Duration {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Duration".into()
    }

    fn json_schema(_generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A duration such as 30m, 4h, 1h30m, 2d, 1w, or 3bd (business days), kept in the unit it was typed in. 0 means instant.",
            "examples": ["30m", "4h", "1h30m", "24h", "2d", "1w", "3bd", "0m"]
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Duration {
        text.parse().unwrap()
    }

    #[test]
    fn reads_the_units_a_person_types() {
        assert_eq!(read("30m"), Duration::minutes(30));
        assert_eq!(read("4h"), Duration::hours(4));
        assert_eq!(read("1h30m").clock_minutes(), Some(90));
        assert_eq!(read("1h 30m"), read("1h30m"));
        assert_eq!(read("2d"), Duration::days(2));
        assert_eq!(read("1w"), Duration::weeks(1));
        assert_eq!(read("2bd"), Duration::business_days(2));
        assert_eq!(read(" 3BD "), Duration::business_days(3));
        assert_eq!(read("Instant"), Duration::ZERO);
    }

    /// What a person types, and what the field shows back once it has understood it.
    #[test]
    fn forgiving_input_shows_what_it_understood() {
        for (typed, shown) in [
            ("30 min", "30m"),
            ("30 minutes", "30m"),
            ("1 hour", "1h"),
            ("2 hours", "2h"),
            ("2 hrs", "2h"),
            ("0.5h", "30m"),
            ("1.5h", "1h30m"),
            ("1.5 hours", "1h30m"),
            ("1:30", "1h30m"),
            ("0:45", "45m"),
            ("1 hour and 30 minutes", "1h30m"),
            ("1 hour, 30 minutes", "1h30m"),
            ("2 days", "2d"),
            ("1 week", "1w"),
            ("3 business days", "3bd"),
            ("3 business-days", "3bd"),
            ("2 working days", "2bd"),
            ("1.5d", "1d12h"),
        ] {
            assert_eq!(read(typed).to_string(), shown, "{typed}");
        }
    }

    #[test]
    fn refuses_what_it_cannot_read_with_a_reason() {
        for bad in [
            "",
            "4",
            "h",
            "4x",
            "30m4h",
            "4h4h",
            "-1h",
            "1.5bd",
            "2bd 4h",
            "0.0001h",
            "1:5",
            "99999999999999m",
            "soon",
        ] {
            let err = bad.parse::<Duration>().unwrap_err();
            assert!(err.to_string().contains("not a duration"), "{bad}: {err}");
        }
    }

    /// A value is written back in the unit it was typed in, never rewritten into another.
    #[test]
    fn keeps_the_unit_it_was_typed_in() {
        for text in [
            "30m", "60m", "90m", "4h", "24h", "1h30m", "2d", "14d", "1w", "2w", "2bd", "1d2h5m",
            "0m", "48h",
        ] {
            assert_eq!(read(text).to_string(), text);
        }
        assert_ne!(
            read("24h"),
            read("1d"),
            "24h and 1d are written differently"
        );
        // Built in code with a unit larger than the value: written in the unit it fills.
        assert_eq!(Duration::hours(0).to_string(), "0m");
        assert_eq!(Duration::hours(0), Duration::ZERO);
        let half_hour = Duration::Clock {
            minutes: 30,
            unit: ClockUnit::Days,
        };
        assert_eq!(half_hour.to_string(), "30m");
        assert_eq!(half_hour.to_string().parse::<Duration>(), Ok(half_hour));
        assert_eq!(read("24h").clock_minutes(), read("1d").clock_minutes());
    }

    #[test]
    fn says_it_in_words() {
        assert_eq!(Duration::minutes(30).in_words(), "30 min");
        assert_eq!(Duration::hours(1).in_words(), "1 hour");
        assert_eq!(Duration::hours(4).in_words(), "4 hours");
        assert_eq!(read("24h").in_words(), "24 hours");
        assert_eq!(Duration::days(3).in_words(), "3 days");
        assert_eq!(read("2w").in_words(), "2 weeks");
        assert_eq!(read("1h30m").in_words(), "1h 30m");
        assert_eq!(Duration::business_days(2).in_words(), "2 business days");
        assert_eq!(Duration::ZERO.in_words(), "Instant");
    }

    /// On business hours, clock units are business time: a VP reads "24 business hours", not
    /// "1 day", for a target that is three days of a 09:00–17:00 office.
    #[test]
    fn says_business_time_on_business_hours() {
        let office = Some(480);
        assert_eq!(read("24h").in_words_on(office), "24 business hours");
        assert_eq!(read("1d").in_words_on(office), "24 business hours");
        assert_eq!(read("4h").in_words_on(office), "4 business hours");
        assert_eq!(read("1h").in_words_on(office), "1 business hour");
        assert_eq!(read("30m").in_words_on(office), "30 business minutes");
        assert_eq!(read("1h30m").in_words_on(office), "1h 30m of business time");
        assert_eq!(read("3bd").in_words_on(office), "3 business days");
        assert_eq!(read("24h").in_words_on(None), "24 hours");
        // On a weekday calendar open around the clock a business day is 24 open hours, so a clock
        // day is a business day; 24h stays hours.
        let around_the_clock = Some(1440);
        assert_eq!(read("3d").in_words_on(around_the_clock), "3 business days");
        assert_eq!(
            read("24h").in_words_on(around_the_clock),
            "24 business hours"
        );
    }

    #[test]
    fn open_minutes_follow_the_calendar_business_day() {
        assert_eq!(read("2bd").open_minutes(480), 960);
        assert_eq!(read("2bd").open_minutes(1440), 2880);
        assert_eq!(read("24h").open_minutes(480), 1440);
        assert!(read("1d").is_in_clock_days());
        assert!(!read("24h").is_in_clock_days());
    }
}
