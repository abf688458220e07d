//! Business-hour calendars: weekly intervals in an IANA time zone, holidays, and the built-in 24/7.
//! Plain data with text forms (`09:00`, `2026-12-25`, `mon`); the maths on them lives in `capacity`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The name of the built-in calendar that is always open.
pub const ALWAYS_OPEN: &str = "24/7";

/// A named business-hours calendar.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    pub name: String,
    /// IANA time zone, e.g. `Europe/Berlin`.
    pub time_zone: String,
    /// Open intervals; a weekday may have several (split shifts).
    #[serde(default)]
    pub intervals: Vec<WeeklyInterval>,
    #[serde(default)]
    pub holidays: Vec<Holiday>,
    /// Another calendar whose holidays this one keeps too, so several calendars share one list
    /// that is edited (and filled from a preset) once; empty: only its own. Not followed further:
    /// the named calendar's own holidays only.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub holidays_from: String,
}

impl Calendar {
    /// The built-in calendar that is open every minute of every day.
    pub fn always_open() -> Calendar {
        Calendar {
            name: ALWAYS_OPEN.to_string(),
            time_zone: "UTC".to_string(),
            intervals: Weekday::ALL
                .iter()
                .map(|&day| WeeklyInterval {
                    day,
                    start: ClockTime::MIDNIGHT,
                    end: ClockTime::END_OF_DAY,
                    overnight: false,
                })
                .collect(),
            holidays: Vec::new(),
            holidays_from: String::new(),
        }
    }

    /// Whether this calendar is the built-in 24/7 one, or open every minute of the week.
    pub fn is_always_open(&self) -> bool {
        self.name == ALWAYS_OPEN || self.is_open_all_week()
    }

    /// Open minutes in a week, not counting holidays.
    pub fn weekly_open_minutes(&self) -> u32 {
        self.intervals
            .iter()
            .map(WeeklyInterval::length_minutes)
            .sum()
    }

    /// The open stretches of the week, merged, as minutes from Monday 00:00 (`0..10_080`). A
    /// stretch running past Sunday midnight into Monday is split at the end of the week.
    pub fn weekly_spans(&self) -> Vec<(u32, u32)> {
        const WEEK: u32 = 7 * 24 * 60;
        let mut spans: Vec<(u32, u32)> = Vec::with_capacity(self.intervals.len() + 1);
        for interval in &self.intervals {
            let length = interval.length_minutes();
            if length == 0 {
                continue;
            }
            let start = interval.day.index() as u32 * 24 * 60 + interval.start.minute_of_day();
            let end = start + length;
            if end > WEEK {
                spans.push((start, WEEK));
                spans.push((0, end - WEEK));
            } else {
                spans.push((start, end));
            }
        }
        spans.sort_unstable();
        let mut merged: Vec<(u32, u32)> = Vec::with_capacity(spans.len());
        for (start, end) in spans {
            match merged.last_mut() {
                Some(last) if start <= last.1 => last.1 = last.1.max(end),
                _ => merged.push((start, end)),
            }
        }
        merged
    }

    /// Open every minute of the week with no holidays: a 24/7 clock, whatever its name or zone.
    pub fn is_open_all_week(&self) -> bool {
        self.holidays.is_empty() && self.weekly_spans() == [(0, 7 * 24 * 60)]
    }

    /// How long one business day (`1bd`) of this calendar is, in open minutes. This is the one
    /// meaning of a business day, used by deadlines, rules, documents and helpdesk exports alike:
    ///
    /// From each opening of the week, count the open minutes of the 24 hours that follow; a
    /// business day is the middle one of those counts (the longer of the two middle ones when
    /// there is an even number). A 09:00–17:00 office has 480; a split shift 08:00–12:00 and
    /// 13:00–17:00 also 480; a week open around the clock from Monday to Friday, 1,440; 24/7,
    /// 1,440. It depends only on *which instants* are open, never on the time zone the calendar is
    /// written in or on where its days begin: the same follow-the-sun week written on any clock has
    /// the same business day. Holidays and clock changes do not change it. `0` when never open.
    pub fn business_day_minutes(&self) -> u32 {
        const WEEK: u32 = 7 * 24 * 60;
        const DAY: u32 = 24 * 60;
        let mut spans = self.weekly_spans();
        // A stretch over Sunday midnight is one stretch: join its two halves.
        if spans.len() > 1 && spans[0].0 == 0 && spans.last().is_some_and(|last| last.1 == WEEK) {
            let (_, end) = spans.remove(0);
            if let Some(last) = spans.last_mut() {
                last.1 = WEEK + end;
            }
        }
        if spans.is_empty() {
            return 0;
        }
        if spans == [(0, WEEK)] {
            return DAY;
        }
        let open_in = |from: u32, to: u32| -> u32 {
            // Spans repeat every week: look at this week's and next week's.
            spans
                .iter()
                .flat_map(|&(s, e)| [(s, e), (s + WEEK, e + WEEK)])
                .map(|(s, e)| e.min(to).saturating_sub(s.max(from)))
                .sum()
        };
        let mut days: Vec<u32> = spans
            .iter()
            .map(|&(start, _)| open_in(start, start + DAY))
            .collect();
        days.sort_unstable();
        days[days.len() / 2]
    }

    /// Whether the calendar is open at the given weekday and minute of day (ignoring holidays).
    pub fn is_open_at(&self, day: Weekday, minute_of_day: u32) -> bool {
        self.intervals.iter().any(|interval| {
            let start = interval.start.minute_of_day();
            let end = interval.end.minute_of_day();
            if interval.crosses_midnight() {
                (interval.day == day && minute_of_day >= start)
                    || (interval.day.next() == day && minute_of_day < end)
            } else {
                interval.day == day && minute_of_day >= start && minute_of_day < end
            }
        })
    }
}

/// One open stretch of a weekday. An `overnight` interval ends on the following day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct WeeklyInterval {
    pub day: Weekday,
    pub start: ClockTime,
    pub end: ClockTime,
    /// True when the shift runs past midnight into the next day (e.g. 22:00 → 06:00).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub overnight: bool,
}

/// A new interval: Monday 09:00–17:00.
impl Default for WeeklyInterval {
    fn default() -> Self {
        WeeklyInterval::new(
            Weekday::Mon,
            ClockTime {
                minute_of_day: 9 * 60,
            },
            ClockTime {
                minute_of_day: 17 * 60,
            },
        )
    }
}

impl WeeklyInterval {
    pub fn new(day: Weekday, start: ClockTime, end: ClockTime) -> Self {
        WeeklyInterval {
            day,
            start,
            end,
            overnight: false,
        }
    }

    /// True for an overnight shift whose end is on the next day.
    pub fn crosses_midnight(&self) -> bool {
        self.overnight && self.end.minute_of_day() <= self.start.minute_of_day()
    }

    /// Length in minutes; zero for an interval that ends before it starts (a rule flags it).
    pub fn length_minutes(&self) -> u32 {
        let start = self.start.minute_of_day();
        let end = self.end.minute_of_day();
        if self.crosses_midnight() {
            24 * 60 - start + end
        } else {
            end.saturating_sub(start)
        }
    }
}

/// A day the calendar is closed: once, or every year on the same month and day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Holiday {
    pub name: String,
    pub date: Date,
    /// True when the holiday falls on the same month and day every year.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub yearly: bool,
}

/// A new holiday: every year on 25 December, until it is named and dated.
impl Default for Holiday {
    fn default() -> Self {
        Holiday {
            name: String::new(),
            date: Date {
                year: 2026,
                month: 12,
                day: 25,
            },
            yearly: true,
        }
    }
}

impl Holiday {
    /// Whether this holiday closes the calendar on `date`.
    pub fn falls_on(&self, date: Date) -> bool {
        if self.yearly {
            self.date.month == date.month && self.date.day == date.day
        } else {
            self.date == date
        }
    }
}

/// Day of the week, written `mon` … `sun` in JSON.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum Weekday {
    #[default]
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// 0 for Monday … 6 for Sunday.
    pub fn index(self) -> usize {
        self as usize
    }

    pub fn from_index(index: usize) -> Weekday {
        Weekday::ALL[index % 7]
    }

    pub fn next(self) -> Weekday {
        Weekday::from_index(self.index() + 1)
    }

    pub fn short_name(self) -> &'static str {
        self.label()
    }

    /// The day as a choice shows it: "Mon".
    pub const fn label(self) -> &'static str {
        match self {
            Weekday::Mon => "Mon",
            Weekday::Tue => "Tue",
            Weekday::Wed => "Wed",
            Weekday::Thu => "Thu",
            Weekday::Fri => "Fri",
            Weekday::Sat => "Sat",
            Weekday::Sun => "Sun",
        }
    }
}

/// A time of day, `HH:MM`, from `00:00` to `24:00` (the end of the day).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClockTime {
    minute_of_day: u16,
}

impl ClockTime {
    pub const MIDNIGHT: ClockTime = ClockTime { minute_of_day: 0 };
    pub const END_OF_DAY: ClockTime = ClockTime {
        minute_of_day: 24 * 60,
    };

    /// `None` when the hour or minute is out of range.
    pub fn new(hour: u32, minute: u32) -> Option<ClockTime> {
        if minute >= 60 || hour > 24 || (hour == 24 && minute != 0) {
            return None;
        }
        Some(ClockTime {
            minute_of_day: (hour * 60 + minute) as u16,
        })
    }

    pub fn minute_of_day(self) -> u32 {
        u32::from(self.minute_of_day)
    }
}

impl FromStr for ClockTime {
    type Err = String;

    /// Reads a time as people write it: `09:00`, `9:00`, `9`, `0930`, `17.30`, `9am`, `5:30 pm`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = || {
            format!(
                "\"{}\" is not a time of day; write it as HH:MM, like 09:00 or 17:30",
                text.trim()
            )
        };
        let lower = text.trim().to_ascii_lowercase();
        let (clock, half) = if let Some(rest) = lower.strip_suffix("am") {
            (rest.trim_end(), Some(false))
        } else if let Some(rest) = lower.strip_suffix("pm") {
            (rest.trim_end(), Some(true))
        } else {
            (lower.as_str(), None)
        };
        let (hour, minute) = match clock.split_once([':', '.', 'h']) {
            Some((hour, minute)) if !minute.is_empty() => (hour, minute),
            Some((hour, _)) => (hour, "0"),
            None if clock.len() == 4 && clock.chars().all(|c| c.is_ascii_digit()) => {
                clock.split_at(2)
            }
            None => (clock, "0"),
        };
        let hour: u32 = hour.trim().parse().map_err(|_| fail())?;
        let minute: u32 = minute.trim().parse().map_err(|_| fail())?;
        let hour = match half {
            Some(_) if hour == 0 || hour > 12 => return Err(fail()),
            Some(false) => hour % 12,
            Some(true) => hour % 12 + 12,
            None => hour,
        };
        ClockTime::new(hour, minute).ok_or_else(fail)
    }
}

impl fmt::Display for ClockTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:02}:{:02}",
            self.minute_of_day / 60,
            self.minute_of_day % 60
        )
    }
}

impl Serialize for ClockTime {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ClockTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// A calendar date, `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// `None` when the date does not exist (e.g. 2026-02-30).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (index 3).
        Weekday::from_index((self.days_since_epoch() + 3).rem_euclid(7) as usize)
    }
}

pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl FromStr for Date {
    type Err = String;

    /// Reads a date as people write it: `2026-12-25`, `2026/12/25`, `25 Dec 2026`,
    /// `December 25, 2026`, `25.12.2026`, and `25/12/2026` or `12/25/2026` when the day tells
    /// which is which (a date like `05/06/2026` is refused as ambiguous).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = |why: &str| {
            format!(
                "\"{}\" is not a date{why}; write it like 2026-12-25 or 25 Dec 2026",
                text.trim()
            )
        };
        // The form plan files are written in (`0001-01-01` included) reads back as it was.
        if let Some(date) = iso_date(text.trim()) {
            return date.ok_or_else(|| fail(": there is no such day"));
        }
        let words: Vec<&str> = text
            .trim()
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '/' | '.' | ','))
            .filter(|w| !w.is_empty())
            .collect();
        let [a, b, c] = words.as_slice() else {
            return Err(fail(""));
        };
        let number = |w: &str| w.parse::<i64>().ok();
        let (year, month, day) = match (month_named(a), month_named(b)) {
            // "Dec 25 2026"
            (Some(month), None) => (number(c), Some(month), number(b)),
            // "25 Dec 2026"
            (None, Some(month)) => (number(c), Some(month), number(a)),
            _ => {
                let (a, b, c) = (number(a), number(b), number(c));
                match (a, b, c) {
                    // Year first: 2026-12-25, 2026/12/25.
                    (Some(y), Some(m), Some(d)) if y > 31 => (Some(y), Some(m), Some(d)),
                    (Some(first), Some(second), Some(y)) => {
                        let dotted = text.contains('.');
                        if dotted || first > 12 {
                            (Some(y), Some(second), Some(first))
                        } else if second > 12 {
                            (Some(y), Some(first), Some(second))
                        } else if first == second {
                            (Some(y), Some(first), Some(first))
                        } else {
                            return Err(fail(": the day and the month could be either way round"));
                        }
                    }
                    _ => return Err(fail("")),
                }
            }
        };
        let (Some(year), Some(month), Some(day)) = (year, month, day) else {
            return Err(fail(""));
        };
        let (Ok(year), Ok(month), Ok(day)) =
            (i32::try_from(year), u8::try_from(month), u8::try_from(day))
        else {
            return Err(fail(""));
        };
        if !(1000..=9999).contains(&year) {
            return Err(fail(": the year needs four digits"));
        }
        Date::new(year, month, day).ok_or_else(|| fail(": there is no such day"))
    }
}

/// A date in exactly the form `YYYY-MM-DD`: `None` when the text is not in that form, else the
/// date or `Some(None)` when there is no such day.
fn iso_date(text: &str) -> Option<Option<Date>> {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes[range.clone()]
            .iter()
            .all(u8::is_ascii_digit)
            .then(|| text[range].parse::<u32>().ok())
            .flatten()
    };
    if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
        return None;
    }
    let (year, month, day) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    Some(Date::new(year as i32, month as u8, day as u8))
}

/// The month a word names: `Dec`, `december`, `Sept`.
fn month_named(word: &str) -> Option<i64> {
    const MONTHS: [&str; 12] = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let lower = word.to_ascii_lowercase();
    if lower.len() < 3 || !lower.chars().all(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    MONTHS
        .iter()
        .position(|m| lower.starts_with(m))
        .map(|index| index as i64 + 1)
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
mod schema {
    use super::{ClockTime, Date};
    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};
    use std::borrow::Cow;

    impl JsonSchema for ClockTime {
        fn schema_name() -> Cow<'static, str> {
            "ClockTime".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": "string", "description": "Time of day, HH:MM (24:00 ends the day)", "pattern": "^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$" })
        }
    }

    impl JsonSchema for Date {
        fn schema_name() -> Cow<'static, str> {
            "Date".into()
        }
        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({ "type": "string", "format": "date", "description": "A date, YYYY-MM-DD" })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_count_days_both_ways() {
        let d = Date::new(2026, 3, 29).unwrap();
        assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), d);
        assert_eq!(Date::new(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(d.weekday(), Weekday::Sun);
        assert_eq!(Date::new(2026, 11, 25).unwrap().weekday(), Weekday::Wed);
        assert!(Date::new(2026, 2, 29).is_none());
        assert!(Date::new(2028, 2, 29).is_some());
    }

    /// What a person types, and the date the field shows back once it has understood it.
    #[test]
    fn dates_are_read_as_people_write_them() {
        for (typed, shown) in [
            ("2026-12-25", "2026-12-25"),
            ("2026/12/25", "2026-12-25"),
            ("25 Dec 2026", "2026-12-25"),
            ("Dec 25, 2026", "2026-12-25"),
            ("December 25 2026", "2026-12-25"),
            ("25.12.2026", "2026-12-25"),
            ("25/12/2026", "2026-12-25"),
            ("12/25/2026", "2026-12-25"),
            ("4.7.2027", "2027-07-04"),
            ("1/1/2027", "2027-01-01"),
        ] {
            assert_eq!(
                typed.parse::<Date>().map(|d| d.to_string()),
                Ok(shown.to_string()),
                "{typed}"
            );
        }
        for bad in [
            "05/06/2026",
            "2026-02-30",
            "25 Dec",
            "tomorrow",
            "25 Foo 2026",
            "1/2/26",
        ] {
            let error = bad.parse::<Date>().unwrap_err();
            assert!(error.contains("not a date"), "{bad}: {error}");
        }
        assert!("05/06/2026"
            .parse::<Date>()
            .unwrap_err()
            .contains("either way round"));
    }

    #[test]
    fn clock_times_read_and_print() {
        assert_eq!("09:05".parse::<ClockTime>().unwrap().to_string(), "09:05");
        assert_eq!("24:00".parse::<ClockTime>().unwrap(), ClockTime::END_OF_DAY);
        assert!("24:30".parse::<ClockTime>().is_err());
        for (typed, shown) in [
            ("9:00", "09:00"),
            ("9", "09:00"),
            ("0930", "09:30"),
            ("17.30", "17:30"),
            ("9am", "09:00"),
            ("12am", "00:00"),
            ("12pm", "12:00"),
            ("5:30 pm", "17:30"),
        ] {
            assert_eq!(
                typed.parse::<ClockTime>().map(|t| t.to_string()),
                Ok(shown.to_string()),
                "{typed}"
            );
        }
        for bad in ["noon", "25", "13pm", "9:75", ""] {
            assert!(bad.parse::<ClockTime>().is_err(), "{bad}");
        }
    }

    #[test]
    fn overnight_shift_opens_next_morning() {
        let cal = Calendar {
            name: "Night".into(),
            time_zone: "UTC".into(),
            intervals: vec![WeeklyInterval {
                day: Weekday::Fri,
                start: "22:00".parse().unwrap(),
                end: "06:00".parse().unwrap(),
                overnight: true,
            }],
            holidays: vec![],
            holidays_from: String::new(),
        };
        assert_eq!(cal.weekly_open_minutes(), 8 * 60);
        assert!(cal.is_open_at(Weekday::Sat, 5 * 60));
        assert!(!cal.is_open_at(Weekday::Sat, 7 * 60));
        assert_eq!(Calendar::always_open().weekly_open_minutes(), 7 * 24 * 60);
    }
}
