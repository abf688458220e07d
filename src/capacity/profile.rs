//! Weekly arrival patterns: 168 relative values from Monday 00:00 in the home zone, the presets a
//! support lead starts from, and reading a pattern pasted from a spreadsheet.

use crate::plan::{Channel, Plan};

/// Hours in a week.
pub const WEEK_HOURS: usize = 168;

/// The relative arrival rate at an hour of the day when the plan gives no profile: the shape the
/// app has always used (busy 09:00–17:00, quiet nights), weekends at 40 %.
const DAYTIME_SHAPE: [f64; 24] = [
    0.15, 0.1, 0.1, 0.1, 0.1, 0.15, 0.25, 0.45, 0.75, 1.0, 1.0, 1.0, 0.85, 0.95, 1.0, 1.0, 0.9,
    0.7, 0.5, 0.4, 0.35, 0.3, 0.25, 0.2,
];
const WEEKEND_FACTOR: f64 = 0.4;

/// An office day: a morning peak, a lunch dip, a quieter afternoon, little at night.
const OFFICE_DAY: [f64; 24] = [
    0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.1, 0.3, 0.7, 1.0, 1.0, 0.95, 0.7, 0.85, 0.95, 0.9, 0.75,
    0.45, 0.25, 0.15, 0.1, 0.08, 0.06, 0.05,
];
/// A consumer's day: little before noon, busy after work until bedtime.
const CONSUMER_DAY: [f64; 24] = [
    0.2, 0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.2, 0.3, 0.35, 0.4, 0.45, 0.5, 0.5, 0.5, 0.5, 0.55,
    0.7, 0.9, 1.0, 1.0, 0.95, 0.7, 0.4,
];

/// A named starting pattern.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Preset {
    /// The same every hour of the week.
    Flat,
    /// Weekdays 09:00–17:00 with a morning peak and a lunch dip; weekends quiet.
    BusinessDayPeak,
    /// Like the business day, with Monday half as busy again and the week tapering off.
    MondayHeavy,
    /// Evenings busiest, every day, weekends a little more.
    EveningConsumer,
}

impl Preset {
    pub const ALL: [Preset; 4] = [
        Preset::Flat,
        Preset::BusinessDayPeak,
        Preset::MondayHeavy,
        Preset::EveningConsumer,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Preset::Flat => "Flat",
            Preset::BusinessDayPeak => "Business-day peak",
            Preset::MondayHeavy => "Monday-heavy",
            Preset::EveningConsumer => "Evening consumer",
        }
    }

    /// The 168 values of the pattern, the busiest hour at 1.
    pub fn values(self) -> Vec<f64> {
        let (day, week): (&[f64; 24], [f64; 7]) = match self {
            Preset::Flat => (&[1.0; 24], [1.0; 7]),
            Preset::BusinessDayPeak => (&OFFICE_DAY, [1.0, 1.0, 1.0, 1.0, 1.0, 0.15, 0.15]),
            Preset::MondayHeavy => (&OFFICE_DAY, [1.0, 0.75, 0.65, 0.6, 0.55, 0.1, 0.1]),
            Preset::EveningConsumer => (&CONSUMER_DAY, [0.85, 0.85, 0.85, 0.85, 0.9, 1.0, 1.0]),
        };
        (0..WEEK_HOURS)
            .map(|hour| round2(day[hour % 24] * week[hour / 24]))
            .collect()
    }

    /// The preset whose pattern `values` are (in proportion), if any.
    pub fn matching(values: &[f64]) -> Option<Preset> {
        Preset::ALL
            .into_iter()
            .find(|preset| same_shape(&preset.values(), values))
    }
}

fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// Whether two patterns are the same up to scale.
fn same_shape(a: &[f64], b: &[f64]) -> bool {
    let (Some(sum_a), Some(sum_b)) = (usable_total(a), usable_total(b)) else {
        return false;
    };
    a.iter()
        .zip(b)
        .all(|(x, y)| (x / sum_a - y / sum_b).abs() < 1e-9)
}

/// The sum of a usable pattern: 168 finite values, none negative, not all zero.
fn usable_total(values: &[f64]) -> Option<f64> {
    let usable = values.len() == WEEK_HOURS && values.iter().all(|v| v.is_finite() && *v >= 0.0);
    let total: f64 = values.iter().sum();
    (usable && total > 0.0).then_some(total)
}

/// Whether a stored pattern can be used (168 finite values, none negative, some arrivals).
pub fn is_usable(values: &[f64]) -> bool {
    usable_total(values).is_some()
}

/// Where a channel's arrival pattern comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProfileSource {
    /// The channel's own pattern.
    Channel,
    /// The plan's shared pattern.
    Shared,
    /// Neither is set (or usable): the built-in weekday-daytime shape.
    BuiltIn,
}

impl ProfileSource {
    pub fn label(self) -> &'static str {
        match self {
            ProfileSource::Channel => "its own pattern",
            ProfileSource::Shared => "the shared pattern",
            ProfileSource::BuiltIn => "the built-in weekday-daytime pattern",
        }
    }
}

/// The built-in shape older plans have always been staffed on.
pub fn built_in() -> Vec<f64> {
    (0..WEEK_HOURS)
        .map(|hour| {
            let weekend = if hour >= 5 * 24 { WEEKEND_FACTOR } else { 1.0 };
            DAYTIME_SHAPE[hour % 24] * weekend
        })
        .collect()
}

/// The pattern a channel's arrivals follow (before its open hours apply), and where it comes from.
pub fn for_channel(plan: &Plan, channel: &Channel) -> (Vec<f64>, ProfileSource) {
    if is_usable(&channel.arrival_profile) {
        (channel.arrival_profile.clone(), ProfileSource::Channel)
    } else if is_usable(&plan.staffing.arrival_profile) {
        (plan.staffing.arrival_profile.clone(), ProfileSource::Shared)
    } else {
        (built_in(), ProfileSource::BuiltIn)
    }
}

/// Reads a weekly pattern pasted from a spreadsheet: 168 numbers in any layout, a block of
/// 7 rows (Monday to Sunday) × 24 hours, or 24 rows (hours) × 7 columns (days). A header row
/// or a first column of labels ("Mon", "09:00") is skipped. Decimal commas are read in
/// tab- or semicolon-separated cells.
pub fn parse_pasted(text: &str) -> Result<Vec<f64>, String> {
    let cell_separated = text.contains('\t') || text.contains(';');
    let mut rows: Vec<Vec<f64>> = Vec::new();
    for line in text.lines().filter(|line| !line.trim().is_empty()) {
        let cells: Vec<&str> = if cell_separated {
            line.split(['\t', ';']).map(str::trim).collect()
        } else {
            line.split(|c: char| c == ',' || c.is_whitespace())
                .filter(|cell| !cell.is_empty())
                .collect()
        };
        let mut numbers = Vec::with_capacity(cells.len());
        for (position, cell) in cells.iter().enumerate() {
            if cell.is_empty() {
                continue;
            }
            let normalised = if cell_separated {
                cell.replace(',', ".")
            } else {
                cell.to_string()
            };
            match normalised.trim_end_matches('%').parse::<f64>() {
                Ok(value) if value.is_finite() && value >= 0.0 => numbers.push(value),
                Ok(_) => {
                    return Err(format!(
                        "\"{cell}\" is not a usable arrival figure: use numbers of 0 or more."
                    ))
                }
                // A label: the first cell of a row ("Mon"), or a whole row of headings.
                Err(_) if position == 0 => continue,
                Err(_) if numbers.is_empty() && cells.iter().all(|c| c.parse::<f64>().is_err()) => {
                    break
                }
                Err(_) => {
                    return Err(format!(
                    "\"{cell}\" is not a number. Paste 168 numbers, or 7 rows of 24 (one per day)."
                ))
                }
            }
        }
        if !numbers.is_empty() {
            rows.push(numbers);
        }
    }
    let count: usize = rows.iter().map(Vec::len).sum();
    if count != WEEK_HOURS {
        return Err(format!(
            "Found {count} numbers; a weekly pattern needs 168 (7 days × 24 hours, Monday 00:00 first)."
        ));
    }
    let values: Vec<f64> = if rows.len() == 24 && rows.iter().all(|row| row.len() == 7) {
        // Hours down, days across: read column by column.
        (0..WEEK_HOURS)
            .map(|hour| rows[hour % 24][hour / 24])
            .collect()
    } else {
        rows.concat()
    };
    if values.iter().all(|v| *v == 0.0) {
        return Err("Every hour is 0: a pattern needs some arrivals.".to_string());
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn presets_are_whole_weeks_and_recognised() {
        for preset in Preset::ALL {
            let values = preset.values();
            assert!(is_usable(&values), "{}", preset.label());
            assert_eq!(Preset::matching(&values), Some(preset));
            let doubled: Vec<f64> = values.iter().map(|v| v * 2.0).collect();
            assert_eq!(
                Preset::matching(&doubled),
                Some(preset),
                "scale does not matter"
            );
        }
        assert_eq!(Preset::matching(&built_in()), None);
        // Monday 10:00 is the busiest hour of the Monday-heavy week; Saturday is quiet.
        let monday = Preset::MondayHeavy.values();
        assert_eq!(monday[10], 1.0);
        assert!(monday[5 * 24 + 10] < 0.2);
        // Evenings are the consumer peak: 19:00 beats 10:00 on a Wednesday.
        let evening = Preset::EveningConsumer.values();
        assert!(evening[2 * 24 + 19] > evening[2 * 24 + 10]);
    }

    #[test]
    fn a_pasted_row_of_numbers_or_a_day_by_hour_block_reads() {
        let flat = vec!["1"; 168].join(" ");
        assert_eq!(parse_pasted(&flat).unwrap(), vec![1.0; 168]);
        // 7 tab-separated rows of 24 with day labels and a header row, decimal commas.
        let mut block = String::from("Day");
        for hour in 0..24 {
            block.push_str(&format!("\t{hour:02}:00"));
        }
        block.push('\n');
        for day in ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] {
            block.push_str(day);
            for hour in 0..24 {
                block.push_str(if hour == 9 { "\t2,5" } else { "\t1" });
            }
            block.push('\n');
        }
        let values = parse_pasted(&block).unwrap();
        assert_eq!(values[9], 2.5);
        assert_eq!(values[6 * 24 + 9], 2.5);
        assert_eq!(values[10], 1.0);
        // 24 rows of 7 (hours down, days across) are read day by day.
        let mut hours_down = String::new();
        for hour in 0..24 {
            let row: Vec<String> = (0..7).map(|day| format!("{}", day * 100 + hour)).collect();
            hours_down.push_str(&row.join("\t"));
            hours_down.push('\n');
        }
        let values = parse_pasted(&hours_down).unwrap();
        assert_eq!(values[1], 1.0, "Monday 01:00");
        assert_eq!(values[24 + 3], 103.0, "Tuesday 03:00");
    }

    #[test]
    fn a_wrong_paste_says_what_is_wrong() {
        let short = vec!["1"; 150].join(",");
        assert!(parse_pasted(&short)
            .unwrap_err()
            .contains("Found 150 numbers"));
        let negative = format!("-1 {}", vec!["1"; 167].join(" "));
        assert!(parse_pasted(&negative).unwrap_err().contains("\"-1\""));
        let zeros = vec!["0"; 168].join(" ");
        assert!(parse_pasted(&zeros)
            .unwrap_err()
            .contains("Every hour is 0"));
        let word = format!("1 2 lots {}", vec!["1"; 165].join(" "));
        assert!(parse_pasted(&word)
            .unwrap_err()
            .contains("\"lots\" is not a number"));
    }
}
