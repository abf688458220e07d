//! Time stamps as exports write them, read without a date library: ISO 8601 (`2025-03-06T16:00:00Z`,
//! with an offset, or none), `2025-03-06 16:00[:00]`, `06/03/2025 16:00` and `03/06/2025 4:00 PM`
//! (day or month first, as the mapping says), `06.03.2025 16:00`, and Unix seconds or
//! milliseconds. A stamp without an offset is a wall time in the mapping's time zone.

use serde::{Deserialize, Serialize};

use crate::capacity::Zone;
use crate::plan::Date;

/// Which number comes first in a date written with slashes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// 06/03/2025 is 6 March (most of the world).
    DayFirst,
    /// 03/06/2025 is 6 March (the United States).
    MonthFirst,
}

impl DateOrder {
    pub fn label(self) -> &'static str {
        match self {
            DateOrder::DayFirst => "day first (06/03/2025 is 6 March)",
            DateOrder::MonthFirst => "month first (03/06/2025 is 6 March)",
        }
    }
}

/// A stamp as written: local wall-clock seconds since 1970, and the offset east of UTC in
/// seconds if the stamp carries one (Unix times and `Z` are UTC).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    pub wall: i64,
    pub offset: Option<i32>,
}

impl Stamp {
    /// UTC seconds since 1970, reading a stamp without an offset in `zone`.
    pub fn utc(self, zone: &Zone) -> i64 {
        match self.offset {
            Some(offset) => self.wall - i64::from(offset),
            None => {
                let minute = self.wall.div_euclid(60);
                zone.from_local(minute) * 60 + self.wall.rem_euclid(60)
            }
        }
    }
}

/// What a sample of values says about the slash dates in it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct OrderEvidence {
    /// A value whose first number is above 12: it must be day first.
    pub day_first: bool,
    /// A value whose second number is above 12: it must be month first.
    pub month_first: bool,
    /// A slash date was seen at all.
    pub slashes: bool,
}

impl OrderEvidence {
    /// The order the sample proves, if it proves one.
    pub fn order(self) -> Option<DateOrder> {
        match (self.day_first, self.month_first) {
            (true, false) => Some(DateOrder::DayFirst),
            (false, true) => Some(DateOrder::MonthFirst),
            _ => None,
        }
    }

    /// Notes what `text` says about the order of its numbers.
    pub fn observe(&mut self, text: &str) {
        let text = text.trim();
        let Some((first, rest)) = text.split_once('/') else {
            return;
        };
        let Some((second, _)) = rest.split_once('/') else {
            return;
        };
        let (Ok(first), Ok(second)) = (first.parse::<u32>(), second.parse::<u32>()) else {
            return;
        };
        self.slashes = true;
        self.day_first |= first > 12 && second <= 12;
        self.month_first |= second > 12 && first <= 12;
    }
}

/// Reads a time stamp; slash dates in `order` (day first when not known).
pub fn parse(text: &str, order: Option<DateOrder>) -> Option<Stamp> {
    let text = text.trim();
    let bytes = text.as_bytes();
    if bytes.is_empty() {
        return None;
    }
    if bytes.iter().all(u8::is_ascii_digit) {
        return unix(text);
    }
    let mut cursor = Cursor { bytes, at: 0 };
    let date = cursor.date(order.unwrap_or(DateOrder::DayFirst))?;
    let seconds = cursor.time_of_day()?;
    let offset = cursor.offset()?;
    cursor.skip_spaces();
    if cursor.at != bytes.len() {
        return None;
    }
    Some(Stamp {
        wall: date.days_since_epoch() * 86_400 + seconds,
        offset,
    })
}

/// Unix seconds (10 digits) or milliseconds (13 digits).
fn unix(text: &str) -> Option<Stamp> {
    let value: i64 = text.parse().ok()?;
    let seconds = match text.len() {
        9 | 10 => value,
        12 | 13 => value / 1000,
        _ => return None,
    };
    Some(Stamp {
        wall: seconds,
        offset: Some(0),
    })
}

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        self.at += usize::from(found);
        found
    }

    fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
    }

    /// Up to `most` digits (at least one).
    fn number(&mut self, most: usize) -> Option<u32> {
        let start = self.at;
        let mut value = 0u32;
        while self.at - start < most {
            match self.peek() {
                Some(digit @ b'0'..=b'9') => value = value * 10 + u32::from(digit - b'0'),
                _ => break,
            }
            self.at += 1;
        }
        (self.at > start).then_some(value)
    }

    fn date(&mut self, order: DateOrder) -> Option<Date> {
        let first = self.number(4)?;
        let separator = self.peek()?;
        if !matches!(separator, b'-' | b'/' | b'.') {
            return None;
        }
        self.at += 1;
        let second = self.number(2)?;
        if !self.eat(separator) {
            return None;
        }
        let third = self.number(4)?;
        let (year, month, day) = match separator {
            b'-' if first > 999 => (first, second, third),
            b'/' if first > 999 => (first, second, third),
            b'/' if order == DateOrder::MonthFirst => (third, first, second),
            b'/' | b'.' => (third, second, first),
            _ => return None,
        };
        let year = if year < 100 { year + 2000 } else { year };
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// Seconds into the day (0 when the stamp has no time), with `AM`/`PM`.
    fn time_of_day(&mut self) -> Option<i64> {
        if !(self.eat(b'T') || self.eat(b' ')) {
            return Some(0);
        }
        self.skip_spaces();
        let Some(hour) = self.number(2) else {
            return Some(0);
        };
        if !self.eat(b':') {
            return None;
        }
        let minute = self.number(2)?;
        let second = if self.eat(b':') { self.number(2)? } else { 0 };
        if self.eat(b'.') || self.eat(b',') {
            while self.peek().is_some_and(|b| b.is_ascii_digit()) {
                self.at += 1;
            }
        }
        let hour = self.meridiem(hour)?;
        if hour > 23 || minute > 59 || second > 60 {
            return None;
        }
        Some(i64::from(hour * 3600 + minute * 60 + second.min(59)))
    }

    /// The hour after an optional ` AM` / ` PM`.
    fn meridiem(&mut self, hour: u32) -> Option<u32> {
        let rest = &self.bytes[self.at..];
        let trimmed = rest.iter().position(|&b| b != b' ').unwrap_or(rest.len());
        let word = rest
            .get(trimmed..trimmed + 2)
            .map(|w| w.to_ascii_uppercase());
        let pm = match word.as_deref() {
            Some(b"AM") => false,
            Some(b"PM") => true,
            _ => return Some(hour),
        };
        self.at += trimmed + 2;
        match (hour, pm) {
            (1..=11, true) => Some(hour + 12),
            (12, false) => Some(0),
            (1..=12, _) => Some(hour),
            _ => None,
        }
    }

    /// `Z`, `UTC`, `+01:00`, `+0100`, `-05`; `Some(None)` when there is none.
    fn offset(&mut self) -> Option<Option<i32>> {
        self.skip_spaces();
        if self.eat(b'Z') {
            return Some(Some(0));
        }
        if self.bytes[self.at..].eq_ignore_ascii_case(b"UTC")
            || self.bytes[self.at..].eq_ignore_ascii_case(b"GMT")
        {
            self.at += 3;
            return Some(Some(0));
        }
        let sign = match self.peek() {
            Some(b'+') => 1,
            Some(b'-') => -1,
            _ => return Some(None),
        };
        self.at += 1;
        let start = self.at;
        let hours = self.number(2)?;
        let minutes = if self.eat(b':') || self.at - start == 2 {
            self.number(2).unwrap_or(0)
        } else {
            0
        };
        Some(Some(
            sign * i32::try_from(hours * 3600 + minutes * 60).ok()?,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// UTC seconds of a date and time, worked from the calendar (2025-03-06 is 20153 days after
    /// 1970-01-01).
    fn at(y: i32, mo: u8, d: u8, h: i64, mi: i64, s: i64) -> i64 {
        Date::new(y, mo, d).unwrap().days_since_epoch() * 86_400 + h * 3600 + mi * 60 + s
    }

    #[test]
    fn the_formats_exports_write() {
        let thursday_four = at(2025, 3, 6, 16, 0, 0);
        assert_eq!(Date::new(2025, 3, 6).unwrap().days_since_epoch(), 20153);
        let cases: &[(&str, Option<DateOrder>, i64, Option<i32>)] = &[
            ("2025-03-06T16:00:00Z", None, thursday_four, Some(0)),
            ("2025-03-06T16:00:00.123Z", None, thursday_four, Some(0)),
            // Wall time 17:00 at +01:00 is 16:00 UTC.
            (
                "2025-03-06T17:00:00+01:00",
                None,
                thursday_four + 3600,
                Some(3600),
            ),
            ("2025-03-06 16:00:00 +0100", None, thursday_four, Some(3600)),
            ("2025-03-06 16:00", None, thursday_four, None),
            ("2025-03-06 16:00:00 UTC", None, thursday_four, Some(0)),
            (
                "06/03/2025 16:00",
                Some(DateOrder::DayFirst),
                thursday_four,
                None,
            ),
            (
                "03/06/2025 4:00 PM",
                Some(DateOrder::MonthFirst),
                thursday_four,
                None,
            ),
            (
                "3/6/2025 12:00 AM",
                Some(DateOrder::MonthFirst),
                at(2025, 3, 6, 0, 0, 0),
                None,
            ),
            ("06.03.2025 16:00", None, thursday_four, None),
            ("2025/03/06 16:00:00", None, thursday_four, None),
            ("2025-03-06", None, at(2025, 3, 6, 0, 0, 0), None),
            ("1741276800", None, thursday_four, Some(0)),
            ("1741276800000", None, thursday_four, Some(0)),
        ];
        for &(text, order, wall, offset) in cases {
            assert_eq!(parse(text, order), Some(Stamp { wall, offset }), "{text}");
        }
        for text in [
            "",
            "soon",
            "2025-13-01",
            "31/02/2025",
            "2025-03-06 25:00",
            "12",
            "Mar 6",
        ] {
            assert_eq!(parse(text, None), None, "{text}");
        }
    }

    #[test]
    fn wall_times_are_read_in_the_zone() {
        let berlin = Zone::named("Europe/Berlin").unwrap();
        // 17:00 in Berlin in March (CET, +01:00) is 16:00 UTC.
        let stamp = parse("2025-03-06 17:00", None).unwrap();
        assert_eq!(stamp.utc(&berlin), at(2025, 3, 6, 16, 0, 0));
        let stamp = parse("2025-03-06T17:00:00Z", None).unwrap();
        assert_eq!(stamp.utc(&berlin), at(2025, 3, 6, 17, 0, 0));
    }

    #[test]
    fn slash_dates_prove_their_order_or_leave_it_open() {
        let mut evidence = OrderEvidence::default();
        evidence.observe("03/04/2025 10:00");
        assert_eq!(evidence.order(), None);
        assert!(evidence.slashes);
        evidence.observe("25/04/2025 10:00");
        assert_eq!(evidence.order(), Some(DateOrder::DayFirst));
        let mut us = OrderEvidence::default();
        us.observe("04/25/2025");
        assert_eq!(us.order(), Some(DateOrder::MonthFirst));
    }
}
