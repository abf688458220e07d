//! Time zones without a tz database: a compact table of common IANA zones mapped to POSIX TZ rules,
//! and a small evaluator for them. Valid for current and future dates, which is what planning needs.

use std::fmt;

/// An IANA zone name this build does not know.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownZone {
    pub name: String,
}

impl fmt::Display for UnknownZone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.name.trim().is_empty() {
            f.write_str("No time zone is set; pick one such as Europe/Berlin or America/New_York")
        } else {
            write!(
                f,
                "\"{}\" is not a time zone this app knows; pick one from the list (e.g. Europe/Berlin, America/New_York, UTC)",
                self.name
            )
        }
    }
}

impl std::error::Error for UnknownZone {}

/// IANA zone → POSIX TZ rule of today's tzdata (2025b), with every zone Rails names (Zendesk's and
/// Freshdesk's time zones, see `render::helpdesk::RAILS_ZONES`). Zones whose future rules a POSIX string
/// cannot express (Africa/Casablanca's Ramadan changes) are left out on purpose.
static ZONES: &[(&str, &str)] = &[
    ("UTC", "UTC0"),
    ("Europe/London", "GMT0BST,M3.5.0/1,M10.5.0"),
    ("Europe/Dublin", "IST-1GMT0,M10.5.0,M3.5.0/1"),
    ("Europe/Lisbon", "WET0WEST,M3.5.0/1,M10.5.0"),
    ("Europe/Madrid", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Paris", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Brussels", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Amsterdam", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Luxembourg", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Berlin", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Zurich", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Vienna", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Rome", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Prague", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Warsaw", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Budapest", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Copenhagen", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Stockholm", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Oslo", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Helsinki", "EET-2EEST,M3.5.0/3,M10.5.0/4"),
    ("Europe/Tallinn", "EET-2EEST,M3.5.0/3,M10.5.0/4"),
    ("Europe/Riga", "EET-2EEST,M3.5.0/3,M10.5.0/4"),
    ("Europe/Vilnius", "EET-2EEST,M3.5.0/3,M10.5.0/4"),
    ("Europe/Athens", "EET-2EEST,M3.5.0/3,M10.5.0/4"),
    ("Europe/Bucharest", "EET-2EEST,M3.5.0/3,M10.5.0/4"),
    ("Europe/Sofia", "EET-2EEST,M3.5.0/3,M10.5.0/4"),
    ("Europe/Belgrade", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Zagreb", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Ljubljana", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Bratislava", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Kyiv", "EET-2EEST,M3.5.0/3,M10.5.0/4"),
    ("Europe/Istanbul", "<+03>-3"),
    ("Europe/Moscow", "MSK-3"),
    ("Europe/Minsk", "<+03>-3"),
    ("Europe/Malta", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Atlantic/Reykjavik", "GMT0"),
    ("Atlantic/Canary", "WET0WEST,M3.5.0/1,M10.5.0"),
    ("Europe/Kaliningrad", "EET-2"),
    ("Europe/Samara", "<+04>-4"),
    ("Europe/Volgograd", "MSK-3"),
    ("Europe/Sarajevo", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Europe/Skopje", "CET-1CEST,M3.5.0,M10.5.0/3"),
    ("Atlantic/Cape_Verde", "<-01>1"),
    ("Atlantic/South_Georgia", "<-02>2"),
    ("Atlantic/Azores", "<-01>1<+00>,M3.5.0/0,M10.5.0/1"),
    ("America/New_York", "EST5EDT,M3.2.0,M11.1.0"),
    ("America/Chicago", "CST6CDT,M3.2.0,M11.1.0"),
    ("America/Denver", "MST7MDT,M3.2.0,M11.1.0"),
    ("America/Phoenix", "MST7"),
    ("America/Los_Angeles", "PST8PDT,M3.2.0,M11.1.0"),
    ("America/Anchorage", "AKST9AKDT,M3.2.0,M11.1.0"),
    ("Pacific/Honolulu", "HST10"),
    ("America/Detroit", "EST5EDT,M3.2.0,M11.1.0"),
    ("America/Indiana/Indianapolis", "EST5EDT,M3.2.0,M11.1.0"),
    ("America/Boise", "MST7MDT,M3.2.0,M11.1.0"),
    ("America/Toronto", "EST5EDT,M3.2.0,M11.1.0"),
    ("America/Vancouver", "PST8PDT,M3.2.0,M11.1.0"),
    ("America/Edmonton", "MST7MDT,M3.2.0,M11.1.0"),
    ("America/Winnipeg", "CST6CDT,M3.2.0,M11.1.0"),
    ("America/Halifax", "AST4ADT,M3.2.0,M11.1.0"),
    ("America/St_Johns", "NST3:30NDT,M3.2.0,M11.1.0"),
    ("America/Regina", "CST6"),
    ("America/Mexico_City", "CST6"),
    ("America/Monterrey", "CST6"),
    ("America/Tijuana", "PST8PDT,M3.2.0,M11.1.0"),
    ("America/Cancun", "EST5"),
    ("America/Guatemala", "CST6"),
    ("America/Costa_Rica", "CST6"),
    ("America/Panama", "EST5"),
    ("America/Bogota", "<-05>5"),
    ("America/Lima", "<-05>5"),
    ("America/Caracas", "<-04>4"),
    ("America/Santiago", "<-04>4<-03>,M9.1.6/24,M4.1.6/24"),
    ("America/Argentina/Buenos_Aires", "<-03>3"),
    ("America/Sao_Paulo", "<-03>3"),
    ("America/Montevideo", "<-03>3"),
    ("America/Puerto_Rico", "AST4"),
    ("America/Havana", "CST5CDT,M3.2.0/0,M11.1.0/1"),
    ("America/Santo_Domingo", "AST4"),
    ("America/Jamaica", "EST5"),
    ("America/Juneau", "AKST9AKDT,M3.2.0,M11.1.0"),
    ("America/Chihuahua", "CST6"),
    ("America/Mazatlan", "MST7"),
    ("America/La_Paz", "<-04>4"),
    ("America/Guyana", "<-04>4"),
    ("America/Nuuk", "<-02>2<-01>,M3.5.0/-1,M10.5.0/0"),
    ("Asia/Dubai", "<+04>-4"),
    ("Asia/Riyadh", "<+03>-3"),
    ("Asia/Qatar", "<+03>-3"),
    ("Asia/Tehran", "<+0330>-3:30"),
    ("Asia/Jerusalem", "IST-2IDT,M3.4.4/26,M10.5.0"),
    ("Asia/Beirut", "EET-2EEST,M3.5.0/0,M10.5.0/0"),
    ("Asia/Amman", "<+03>-3"),
    ("Asia/Karachi", "PKT-5"),
    ("Asia/Kolkata", "IST-5:30"),
    ("Asia/Colombo", "<+0530>-5:30"),
    ("Asia/Kathmandu", "<+0545>-5:45"),
    ("Asia/Dhaka", "<+06>-6"),
    ("Asia/Yangon", "<+0630>-6:30"),
    ("Asia/Bangkok", "<+07>-7"),
    ("Asia/Ho_Chi_Minh", "<+07>-7"),
    ("Asia/Jakarta", "WIB-7"),
    ("Asia/Kuala_Lumpur", "<+08>-8"),
    ("Asia/Singapore", "<+08>-8"),
    ("Asia/Manila", "PST-8"),
    ("Asia/Hong_Kong", "HKT-8"),
    ("Asia/Shanghai", "CST-8"),
    ("Asia/Taipei", "CST-8"),
    ("Asia/Seoul", "KST-9"),
    ("Asia/Tokyo", "JST-9"),
    ("Asia/Tashkent", "<+05>-5"),
    ("Asia/Almaty", "<+05>-5"),
    ("Asia/Yekaterinburg", "<+05>-5"),
    ("Asia/Novosibirsk", "<+07>-7"),
    ("Asia/Vladivostok", "<+10>-10"),
    ("Asia/Baku", "<+04>-4"),
    ("Asia/Tbilisi", "<+04>-4"),
    ("Asia/Yerevan", "<+04>-4"),
    ("Asia/Kuwait", "<+03>-3"),
    ("Asia/Baghdad", "<+03>-3"),
    ("Asia/Muscat", "<+04>-4"),
    ("Asia/Kabul", "<+0430>-4:30"),
    ("Asia/Urumqi", "<+06>-6"),
    ("Asia/Krasnoyarsk", "<+07>-7"),
    ("Asia/Irkutsk", "<+08>-8"),
    ("Asia/Ulaanbaatar", "<+08>-8"),
    ("Asia/Yakutsk", "<+09>-9"),
    ("Asia/Magadan", "<+11>-11"),
    ("Asia/Srednekolymsk", "<+11>-11"),
    ("Asia/Kamchatka", "<+12>-12"),
    ("Australia/Perth", "AWST-8"),
    ("Australia/Darwin", "ACST-9:30"),
    ("Australia/Adelaide", "ACST-9:30ACDT,M10.1.0,M4.1.0/3"),
    ("Australia/Brisbane", "AEST-10"),
    ("Australia/Sydney", "AEST-10AEDT,M10.1.0,M4.1.0/3"),
    ("Australia/Melbourne", "AEST-10AEDT,M10.1.0,M4.1.0/3"),
    ("Australia/Hobart", "AEST-10AEDT,M10.1.0,M4.1.0/3"),
    ("Pacific/Auckland", "NZST-12NZDT,M9.5.0,M4.1.0/3"),
    ("Pacific/Fiji", "<+12>-12"),
    ("Pacific/Guam", "ChST-10"),
    ("Pacific/Port_Moresby", "<+10>-10"),
    ("Pacific/Midway", "SST11"),
    ("Pacific/Pago_Pago", "SST11"),
    ("Pacific/Guadalcanal", "<+11>-11"),
    ("Pacific/Noumea", "<+11>-11"),
    ("Pacific/Majuro", "<+12>-12"),
    ("Pacific/Tongatapu", "<+13>-13"),
    ("Pacific/Fakaofo", "<+13>-13"),
    (
        "Pacific/Chatham",
        "<+1245>-12:45<+1345>,M9.5.0/2:45,M4.1.0/3:45",
    ),
    ("Pacific/Apia", "<+13>-13"),
    ("Etc/GMT+12", "<-12>12"),
    ("Africa/Cairo", "EET-2EEST,M4.5.5/0,M10.5.4/24"),
    ("Africa/Lagos", "WAT-1"),
    ("Africa/Johannesburg", "SAST-2"),
    ("Africa/Nairobi", "EAT-3"),
    ("Africa/Accra", "GMT0"),
    ("Africa/Algiers", "CET-1"),
    ("Africa/Tunis", "CET-1"),
    ("Africa/Addis_Ababa", "EAT-3"),
    ("Africa/Harare", "CAT-2"),
    ("Africa/Monrovia", "GMT0"),
];

/// The zone names the zone picker offers, in table order (UTC, Europe, Americas, Asia, Pacific, Africa).
pub fn known_zones() -> impl Iterator<Item = &'static str> {
    ZONES.iter().map(|(name, _)| *name)
}

/// Whether `name` is a zone this build can compute with.
pub fn is_known_zone(name: &str) -> bool {
    ZONES.iter().any(|(known, _)| *known == name)
}

/// The rules of one zone: its standard offset and, if it keeps daylight saving time, when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    /// Minutes east of UTC in standard time.
    std_offset: i32,
    dst: Option<DstRule>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DstRule {
    /// Minutes east of UTC while daylight saving time is on.
    offset: i32,
    start: Transition,
    end: Transition,
}

/// A yearly change: a day rule and the local wall time (minutes, may be negative or past 24h).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Transition {
    day: RuleDay,
    minute: i32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RuleDay {
    /// `Mm.w.d`: weekday `d` (0 = Sunday) of week `w` (5 = last) of month `m`.
    MonthWeekDay { month: u8, week: u8, weekday: u8 },
    /// `Jn`: day 1–365, never counting 29 February.
    Julian { day: u16 },
    /// `n`: day 0–365, counting 29 February.
    DayOfYear { day: u16 },
}

impl Zone {
    /// The zone named `name`, from the table.
    pub fn named(name: &str) -> Result<Zone, UnknownZone> {
        let unknown = || UnknownZone {
            name: name.to_string(),
        };
        let (_, rule) = ZONES
            .iter()
            .find(|(known, _)| *known == name)
            .ok_or_else(unknown)?;
        Zone::from_posix(rule).ok_or_else(unknown)
    }

    /// UTC itself.
    pub const UTC: Zone = Zone {
        std_offset: 0,
        dst: None,
    };

    /// Reads a POSIX TZ rule such as `CET-1CEST,M3.5.0,M10.5.0/3`.
    pub fn from_posix(rule: &str) -> Option<Zone> {
        let mut text = Reader { rest: rule };
        text.name()?;
        let std_offset = -text.offset()?;
        if text.rest.is_empty() {
            return Some(Zone {
                std_offset,
                dst: None,
            });
        }
        text.name()?;
        let offset = if text.rest.starts_with(',') {
            std_offset + 60
        } else {
            -text.offset()?
        };
        text.expect(',')?;
        let start = text.transition()?;
        text.expect(',')?;
        let end = text.transition()?;
        text.rest.is_empty().then_some(Zone {
            std_offset,
            dst: Some(DstRule { offset, start, end }),
        })
    }

    /// Minutes east of UTC in force at `instant` (UTC minutes since the epoch).
    pub fn offset_at(&self, instant: i64) -> i32 {
        let Some(dst) = self.dst else {
            return self.std_offset;
        };
        let local_day = (instant + i64::from(self.std_offset)).div_euclid(1440);
        let year = crate::plan::Date::from_days_since_epoch(local_day).year;
        let (on, off) = self.transitions(year, &dst);
        let in_dst = if on < off {
            on <= instant && instant < off
        } else {
            !(off <= instant && instant < on)
        };
        if in_dst {
            dst.offset
        } else {
            self.std_offset
        }
    }

    /// Local wall-clock minutes since the epoch at `instant`.
    pub fn to_local(&self, instant: i64) -> i64 {
        instant + i64::from(self.offset_at(instant))
    }

    /// The instant a local wall-clock time names. A time repeated when clocks go back means its
    /// first occurrence; a time skipped when clocks go forward means the moment of the change.
    pub fn from_local(&self, local: i64) -> i64 {
        let Some(dst) = self.dst else {
            return local - i64::from(self.std_offset);
        };
        let as_std = local - i64::from(self.std_offset);
        let as_dst = local - i64::from(dst.offset);
        let std_holds = self.offset_at(as_std) == self.std_offset;
        let dst_holds = self.offset_at(as_dst) == dst.offset;
        let (earlier, later) = (as_std.min(as_dst), as_std.max(as_dst));
        match (std_holds, dst_holds) {
            (true, true) => earlier,
            (true, false) => as_std,
            (false, true) => as_dst,
            (false, false) => {
                // In the gap: the change happened between the two readings.
                let year = crate::plan::Date::from_days_since_epoch(local.div_euclid(1440)).year;
                let (on, off) = self.transitions(year, &dst);
                [on, off]
                    .into_iter()
                    .find(|t| earlier < *t && *t <= later)
                    .unwrap_or(later)
            }
        }
    }

    /// UTC instants daylight saving time starts and ends in `year`.
    fn transitions(&self, year: i32, dst: &DstRule) -> (i64, i64) {
        let on = dst.start.local_minute(year) - i64::from(self.std_offset);
        let off = dst.end.local_minute(year) - i64::from(dst.offset);
        (on, off)
    }
}

impl Transition {
    fn local_minute(&self, year: i32) -> i64 {
        use crate::plan::{days_in_month, Date};
        let jan1 = Date {
            year,
            month: 1,
            day: 1,
        }
        .days_since_epoch();
        let leap = days_in_month(year, 2) == 29;
        let day = match self.day {
            RuleDay::MonthWeekDay {
                month,
                week,
                weekday,
            } => {
                let first = Date {
                    year,
                    month,
                    day: 1,
                }
                .days_since_epoch();
                // 1970-01-01 was a Thursday (4 with Sunday = 0).
                let first_weekday = (first + 4).rem_euclid(7);
                let mut day = first + (i64::from(weekday) - first_weekday).rem_euclid(7);
                day += 7 * (i64::from(week) - 1);
                let last = first + i64::from(days_in_month(year, month)) - 1;
                while day > last {
                    day -= 7;
                }
                day
            }
            RuleDay::Julian { day } => {
                let day = i64::from(day) - 1;
                jan1 + day + i64::from(leap && day >= 59)
            }
            RuleDay::DayOfYear { day } => jan1 + i64::from(day),
        };
        day * 1440 + i64::from(self.minute)
    }
}

/// A cursor over a POSIX TZ string.
struct Reader<'a> {
    rest: &'a str,
}

impl Reader<'_> {
    fn expect(&mut self, c: char) -> Option<()> {
        self.rest = self.rest.strip_prefix(c)?;
        Some(())
    }

    fn name(&mut self) -> Option<()> {
        let len = if let Some(quoted) = self.rest.strip_prefix('<') {
            quoted.find('>')? + 2
        } else {
            self.rest
                .find(|c: char| !c.is_ascii_alphabetic())
                .unwrap_or(self.rest.len())
        };
        (len >= 3).then(|| self.rest = &self.rest[len..])
    }

    fn number(&mut self) -> Option<i32> {
        let len = self
            .rest
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(self.rest.len());
        let value = self.rest[..len].parse().ok()?;
        self.rest = &self.rest[len..];
        Some(value)
    }

    /// `[+-]hh[:mm[:ss]]` in minutes (seconds dropped).
    fn offset(&mut self) -> Option<i32> {
        let sign = if self.expect('-').is_some() {
            -1
        } else {
            let _ = self.expect('+');
            1
        };
        let mut minutes = self.number()? * 60;
        if self.expect(':').is_some() {
            minutes += self.number()?;
            if self.expect(':').is_some() {
                self.number()?;
            }
        }
        Some(sign * minutes)
    }

    fn transition(&mut self) -> Option<Transition> {
        let day = if self.expect('M').is_some() {
            let month = self.number()?;
            self.expect('.')?;
            let week = self.number()?;
            self.expect('.')?;
            let weekday = self.number()?;
            if !(1..=12).contains(&month) || !(1..=5).contains(&week) || weekday > 6 {
                return None;
            }
            RuleDay::MonthWeekDay {
                month: month as u8,
                week: week as u8,
                weekday: weekday as u8,
            }
        } else if self.expect('J').is_some() {
            let day = self.number()?;
            (1..=365).contains(&day).then_some(())?;
            RuleDay::Julian { day: day as u16 }
        } else {
            let day = self.number()?;
            (0..=365).contains(&day).then_some(())?;
            RuleDay::DayOfYear { day: day as u16 }
        };
        let minute = if self.expect('/').is_some() {
            self.offset()?
        } else {
            120
        };
        Some(Transition { day, minute })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Date;

    fn utc(y: i32, mo: u8, d: u8, h: i64, mi: i64) -> i64 {
        Date::new(y, mo, d).unwrap().days_since_epoch() * 1440 + h * 60 + mi
    }

    #[test]
    fn every_table_rule_reads() {
        for (name, rule) in ZONES {
            assert!(Zone::from_posix(rule).is_some(), "{name}: {rule}");
        }
        assert!(known_zones().count() >= 100);
        assert!(is_known_zone("Europe/Berlin"));
        assert!(!is_known_zone("Mars/Olympus"));
        assert_eq!(
            Zone::named("Mars/Olympus").unwrap_err().to_string(),
            "\"Mars/Olympus\" is not a time zone this app knows; pick one from the list (e.g. Europe/Berlin, America/New_York, UTC)"
        );
    }

    #[test]
    fn berlin_changes_clocks_on_the_last_sundays() {
        let berlin = Zone::named("Europe/Berlin").unwrap();
        // 29 March 2026: 01:00 UTC is 03:00 CEST; a minute earlier was 01:59 CET.
        assert_eq!(berlin.offset_at(utc(2026, 3, 29, 0, 59)), 60);
        assert_eq!(berlin.offset_at(utc(2026, 3, 29, 1, 0)), 120);
        // 25 October 2026: back at 01:00 UTC.
        assert_eq!(berlin.offset_at(utc(2026, 10, 25, 0, 59)), 120);
        assert_eq!(berlin.offset_at(utc(2026, 10, 25, 1, 0)), 60);
        // 02:30 local on 29 March does not exist: it names the change, 01:00 UTC.
        assert_eq!(
            berlin.from_local(utc(2026, 3, 29, 2, 30)),
            utc(2026, 3, 29, 1, 0)
        );
        // 02:30 local on 25 October happens twice: the first, still in summer time.
        assert_eq!(
            berlin.from_local(utc(2026, 10, 25, 2, 30)),
            utc(2026, 10, 25, 0, 30)
        );
    }

    #[test]
    fn southern_and_negative_daylight_saving() {
        let sydney = Zone::named("Australia/Sydney").unwrap();
        assert_eq!(sydney.offset_at(utc(2026, 1, 15, 0, 0)), 660);
        assert_eq!(sydney.offset_at(utc(2026, 7, 15, 0, 0)), 600);
        // Dublin's "standard" time is summer time (IST); winter is the negative change.
        let dublin = Zone::named("Europe/Dublin").unwrap();
        assert_eq!(dublin.offset_at(utc(2026, 7, 1, 12, 0)), 60);
        assert_eq!(dublin.offset_at(utc(2026, 12, 1, 12, 0)), 0);
        let kolkata = Zone::named("Asia/Kolkata").unwrap();
        assert_eq!(kolkata.offset_at(utc(2026, 7, 1, 12, 0)), 330);
    }

    /// The table against the full tz database of chrono-tz (a dev-dependency only): every hour of
    /// 2026–2030, every zone, the same offset.
    #[test]
    fn table_matches_the_tz_database_2026_to_2030() {
        use chrono::{Offset, TimeZone};
        let from = utc(2026, 1, 1, 0, 0);
        let to = utc(2031, 1, 1, 0, 0);
        for (name, _) in ZONES {
            let ours = Zone::named(name).unwrap();
            let theirs: chrono_tz::Tz = name.parse().unwrap();
            let mut t = from;
            while t < to {
                let when = chrono::DateTime::from_timestamp(t * 60, 0).unwrap();
                let expected = theirs.offset_from_utc_datetime(&when.naive_utc()).fix();
                assert_eq!(
                    i64::from(ours.offset_at(t)) * 60,
                    i64::from(expected.local_minus_utc()),
                    "{name} at {when}"
                );
                t += 60;
            }
        }
    }
}
