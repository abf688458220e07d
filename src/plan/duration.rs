//! The one duration type of a plan: clock time in minutes, or whole business days of a calendar.
//! Parsed from and printed as `30m`, `4h`, `1h30m`, `1d`, `1w`, `2bd`; stored in JSON as that text.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Minutes in one clock day, used for `d` and `w` units.
pub const MINUTES_PER_DAY: u32 = 24 * 60;

/// A target or timeframe. `Clock` counts elapsed (or business-calendar) minutes;
/// `BusinessDays` counts whole business days of the calendar the target runs on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Duration {
    Clock { minutes: u32 },
    BusinessDays { days: u32 },
}

impl Duration {
    pub const ZERO: Duration = Duration::Clock { minutes: 0 };

    pub const fn minutes(minutes: u32) -> Self {
        Duration::Clock { minutes }
    }

    pub const fn hours(hours: u32) -> Self {
        Duration::Clock {
            minutes: hours * 60,
        }
    }

    pub const fn days(days: u32) -> Self {
        Duration::Clock {
            minutes: days * MINUTES_PER_DAY,
        }
    }

    pub const fn business_days(days: u32) -> Self {
        Duration::BusinessDays { days }
    }

    pub fn is_zero(&self) -> bool {
        matches!(
            self,
            Duration::Clock { minutes: 0 } | Duration::BusinessDays { days: 0 }
        )
    }

    /// A length in minutes for comparing targets with each other when no calendar is at hand:
    /// a business day counts as a full clock day, the least time it can take to pass.
    pub fn nominal_minutes(&self) -> u64 {
        match *self {
            Duration::Clock { minutes } => u64::from(minutes),
            Duration::BusinessDays { days } => u64::from(days) * u64::from(MINUTES_PER_DAY),
        }
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
            "\"{}\" is not a duration ({}). Write it like 30m, 4h, 1h30m, 2d, 1w or 3bd (business days).",
            self.input, self.reason
        )
    }
}

impl std::error::Error for DurationError {}

impl FromStr for Duration {
    type Err = DurationError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let fail = |reason| DurationError {
            input: text.to_string(),
            reason,
        };
        let compact: String = text
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        if compact.is_empty() {
            return Err(fail("it is empty"));
        }
        if compact == "0" || compact == "instant" {
            return Ok(Duration::ZERO);
        }
        if let Some(days) = compact.strip_suffix("bd") {
            let days: u32 = days
                .parse()
                .map_err(|_| fail("business days take a whole number, like 2bd"))?;
            if days > 3650 {
                return Err(fail("it is longer than ten years"));
            }
            return Ok(Duration::BusinessDays { days });
        }
        let mut total: u64 = 0;
        let mut number = String::new();
        let mut last_unit_rank = usize::MAX;
        for c in compact.chars() {
            if c.is_ascii_digit() {
                number.push(c);
                continue;
            }
            let (rank, factor) = match c {
                'w' => (4, 7 * u64::from(MINUTES_PER_DAY)),
                'd' => (3, u64::from(MINUTES_PER_DAY)),
                'h' => (2, 60),
                'm' => (1, 1),
                _ => return Err(fail("use the units m, h, d, w or bd")),
            };
            if number.is_empty() {
                return Err(fail("each unit needs a number before it"));
            }
            if rank >= last_unit_rank {
                return Err(fail("put larger units first, each once"));
            }
            last_unit_rank = rank;
            let value: u64 = number
                .parse()
                .map_err(|_| fail("the number is too large"))?;
            total = total.saturating_add(value.saturating_mul(factor));
            number.clear();
        }
        if !number.is_empty() {
            return Err(fail("a number needs a unit after it, like 30m or 4h"));
        }
        if total > u64::from(3650 * MINUTES_PER_DAY) {
            return Err(fail("it is longer than ten years"));
        }
        Ok(Duration::Clock {
            minutes: total as u32,
        })
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Duration::BusinessDays { days } => write!(f, "{days}bd"),
            Duration::Clock { minutes: 0 } => write!(f, "0m"),
            Duration::Clock { minutes } => {
                let days = minutes / MINUTES_PER_DAY;
                let hours = (minutes % MINUTES_PER_DAY) / 60;
                let mins = minutes % 60;
                if days > 0 && days % 7 == 0 && hours == 0 && mins == 0 {
                    return write!(f, "{}w", days / 7);
                }
                if days > 0 {
                    write!(f, "{days}d")?;
                }
                if hours > 0 {
                    write!(f, "{hours}h")?;
                }
                if mins > 0 {
                    write!(f, "{mins}m")?;
                }
                Ok(())
            }
        }
    }
}

impl Duration {
    /// The duration in words for a document: "30 min", "4 hours", "2 business days".
    pub fn in_words(&self) -> String {
        match *self {
            Duration::BusinessDays { days: 1 } => "1 business day".to_string(),
            Duration::BusinessDays { days } => format!("{days} business days"),
            Duration::Clock { minutes: 0 } => "Instant".to_string(),
            Duration::Clock { minutes } if minutes < 60 => format!("{minutes} min"),
            Duration::Clock { minutes } if minutes % MINUTES_PER_DAY == 0 => {
                plural(minutes / MINUTES_PER_DAY, "day")
            }
            Duration::Clock { minutes } if minutes % 60 == 0 => plural(minutes / 60, "hour"),
            Duration::Clock { minutes } => {
                format!("{}h {}m", minutes / 60, minutes % 60)
            }
        }
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
            "description": "A duration such as 30m, 4h, 1h30m, 2d, 1w, or 3bd (business days). 0 means instant.",
            "pattern": "^\\s*(0|instant|[0-9]+\\s*bd|([0-9]+\\s*w)?\\s*([0-9]+\\s*d)?\\s*([0-9]+\\s*h)?\\s*([0-9]+\\s*m)?)\\s*$"
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_units_a_person_types() {
        assert_eq!("30m".parse(), Ok(Duration::minutes(30)));
        assert_eq!("4h".parse(), Ok(Duration::hours(4)));
        assert_eq!("1h30m".parse(), Ok(Duration::minutes(90)));
        assert_eq!("1h 30m".parse(), Ok(Duration::minutes(90)));
        assert_eq!("2d".parse(), Ok(Duration::minutes(2 * 1440)));
        assert_eq!("1w".parse(), Ok(Duration::minutes(7 * 1440)));
        assert_eq!("2bd".parse(), Ok(Duration::business_days(2)));
        assert_eq!(" 3BD ".parse(), Ok(Duration::business_days(3)));
        assert_eq!("Instant".parse(), Ok(Duration::ZERO));
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
            "1.5h",
            "-1h",
            "99999999999999m",
        ] {
            let err = bad.parse::<Duration>().unwrap_err();
            assert!(err.to_string().contains("not a duration"), "{bad}: {err}");
        }
    }

    #[test]
    fn prints_what_it_reads() {
        for text in ["30m", "4h", "1h30m", "2d", "1w", "2bd", "1d2h5m", "0m"] {
            let d: Duration = text.parse().unwrap();
            assert_eq!(d.to_string(), text);
        }
    }

    #[test]
    fn says_it_in_words() {
        assert_eq!(Duration::minutes(30).in_words(), "30 min");
        assert_eq!(Duration::hours(1).in_words(), "1 hour");
        assert_eq!(Duration::hours(4).in_words(), "4 hours");
        assert_eq!(Duration::days(3).in_words(), "3 days");
        assert_eq!(Duration::minutes(90).in_words(), "1h 30m");
        assert_eq!(Duration::business_days(2).in_words(), "2 business days");
        assert_eq!(Duration::ZERO.in_words(), "Instant");
    }
}
