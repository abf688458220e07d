//! Next months' volume from the measured history: a monthly series per channel forecast by
//! seasonal-naive and additive Holt–Winters (damped trend), the method chosen by a rolling-origin
//! backtest whose error (MAPE) is reported, known events as percentage uplifts, and the pure
//! edit that sets the plan's monthly volume and channel mix from the forecast.

mod from_history;
mod methods;

use serde::{Deserialize, Serialize};

use crate::plan::{days_in_month, Date, Plan};

pub use from_history::series_from_history;
pub use methods::{forecast_with, Method};

/// Months of history a seasonal method needs: one whole year before the backtest's origins.
pub const SEASON: usize = 12;
/// The backtest forecasts each of the last this-many months from the months before it.
pub const BACKTEST_MONTHS: usize = 3;

/// Monthly tickets per channel, the forecast's input (the ticket-history summary's output).
///
/// `months` are consecutive calendar months, oldest first, as `(year, month 1–12)`; each
/// channel's values line up with them (one per month). Channel names are matched to the plan's
/// channels without regard to case.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MonthlySeries {
    pub months: Vec<(i32, u32)>,
    pub per_channel: Vec<(String, Vec<f64>)>,
    /// Known events: a launch, a holiday season.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub events: Vec<KnownEvent>,
}

/// A known event: `uplift_percent` more tickets on the days from `from` for `days` days (a
/// week, a month), on one channel or all. A week inside a month lifts that month by the share of
/// its days the event covers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KnownEvent {
    pub name: String,
    pub from: Date,
    pub days: u32,
    pub uplift_percent: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub channel: Option<String>,
}

/// Why the history cannot be forecast, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ForecastError {
    NoHistory,
    /// The months are not consecutive, or a channel has another number of values.
    Misaligned(String),
    Horizon(usize),
}

impl std::fmt::Display for ForecastError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ForecastError::NoHistory => write!(f, "There is no monthly history to forecast from."),
            ForecastError::Misaligned(why) => {
                write!(f, "The history cannot be read as months: {why}.")
            }
            ForecastError::Horizon(h) => {
                write!(f, "A forecast runs 3 to 12 months ahead, not {h}.")
            }
        }
    }
}

/// One channel's forecast.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ChannelForecast {
    pub channel: String,
    pub method: Method,
    /// Mean absolute percentage error of the chosen method in the backtest, percent; `None`
    /// when the history is too short to backtest.
    pub backtest_mape: Option<f64>,
    /// Every method tried, with its backtest error.
    pub tried: Vec<(Method, Option<f64>)>,
    /// Tickets per forecast month, events included.
    pub values: Vec<f64>,
}

/// The forecast of every channel, month by month.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Forecast {
    pub months: Vec<(i32, u32)>,
    pub channels: Vec<ChannelForecast>,
    /// What the reader should know: short history, events applied.
    pub notes: Vec<String>,
}

impl Forecast {
    /// Tickets in forecast month `index`, all channels.
    pub fn total(&self, index: usize) -> f64 {
        self.channels
            .iter()
            .filter_map(|c| c.values.get(index))
            .sum()
    }

    /// The busiest forecast month.
    pub fn peak_month(&self) -> usize {
        (0..self.months.len())
            .max_by(|&a, &b| self.total(a).total_cmp(&self.total(b)).then(b.cmp(&a)))
            .unwrap_or(0)
    }
}

fn next_month((year, month): (i32, u32)) -> (i32, u32) {
    if month >= 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    }
}

fn check_series(series: &MonthlySeries) -> Result<(), ForecastError> {
    if series.months.is_empty() || series.per_channel.is_empty() {
        return Err(ForecastError::NoHistory);
    }
    for pair in series.months.windows(2) {
        if next_month(pair[0]) != pair[1] || !(1..=12).contains(&pair[0].1) {
            return Err(ForecastError::Misaligned(format!(
                "{}-{:02} is followed by {}-{:02}",
                pair[0].0, pair[0].1, pair[1].0, pair[1].1
            )));
        }
    }
    for (name, values) in &series.per_channel {
        if values.len() != series.months.len() || values.iter().any(|v| !v.is_finite() || *v < 0.0)
        {
            return Err(ForecastError::Misaligned(format!(
                "channel \"{name}\" has {} values for {} months, or a negative one",
                values.len(),
                series.months.len()
            )));
        }
    }
    Ok(())
}

/// Forecasts `horizon` (3–12) months past the history, each channel by the method its backtest
/// favours.
pub fn forecast(series: &MonthlySeries, horizon: usize) -> Result<Forecast, ForecastError> {
    if !(3..=12).contains(&horizon) {
        return Err(ForecastError::Horizon(horizon));
    }
    check_series(series)?;
    let mut months = Vec::with_capacity(horizon);
    let mut month = *series.months.last().unwrap_or(&(2000, 1));
    for _ in 0..horizon {
        month = next_month(month);
        months.push(month);
    }
    let mut notes = Vec::new();
    let history = series.months.len();
    if history < SEASON {
        notes.push(format!(
            "Only {history} month(s) of history: less than a year, so no seasonal pattern is forecast, only the level{}.",
            if history >= 4 { " and trend" } else { "" }
        ));
    } else if history < SEASON + BACKTEST_MONTHS {
        notes.push(format!(
            "{history} months of history: seasonal methods need {} to be backtested, so only the level and trend were compared.",
            SEASON + BACKTEST_MONTHS
        ));
    }
    let channels = series
        .per_channel
        .iter()
        .map(|(name, values)| {
            let mut chosen = methods::choose(values);
            chosen.channel = name.clone();
            chosen.values = forecast_with(chosen.method, values, horizon);
            apply_events(&mut chosen, &series.events, &months, &mut notes);
            chosen
        })
        .collect();
    Ok(Forecast {
        months,
        channels,
        notes,
    })
}

/// Share of `month`'s days the event covers.
fn event_share(event: &KnownEvent, (year, month): (i32, u32)) -> f64 {
    let Some(first) = Date::new(year, month as u8, 1) else {
        return 0.0;
    };
    let length = i64::from(days_in_month(year, month as u8));
    let (start, end) = (first.days_since_epoch(), first.days_since_epoch() + length);
    let (from, to) = (
        event.from.days_since_epoch(),
        event.from.days_since_epoch() + i64::from(event.days),
    );
    let overlap = (end.min(to) - start.max(from)).max(0);
    overlap as f64 / length as f64
}

fn apply_events(
    forecast: &mut ChannelForecast,
    events: &[KnownEvent],
    months: &[(i32, u32)],
    notes: &mut Vec<String>,
) {
    for event in events {
        let applies = event
            .channel
            .as_ref()
            .is_none_or(|c| c.eq_ignore_ascii_case(&forecast.channel));
        if !applies || !event.uplift_percent.is_finite() {
            continue;
        }
        let mut lifted = false;
        for (value, &month) in forecast.values.iter_mut().zip(months) {
            let share = event_share(event, month);
            if share > 0.0 {
                *value *= 1.0 + event.uplift_percent / 100.0 * share;
                lifted = true;
            }
        }
        if lifted {
            notes.push(format!(
                "{}: {}{} % on {} from {}.",
                event.name,
                if event.uplift_percent >= 0.0 { "+" } else { "" },
                event.uplift_percent,
                forecast.channel,
                event.from
            ));
        }
    }
}

/// The plan with its monthly volume set to forecast month `index` and its channel shares to
/// that month's mix: one edit, for one undo step. Channels the forecast does not name keep no
/// share; forecast channels the plan lacks are returned by name so the caller can say so.
pub fn apply_to_plan(plan: &Plan, forecast: &Forecast, index: usize) -> (Plan, Vec<String>) {
    let mut updated = plan.clone();
    let total = forecast.total(index);
    updated.header.monthly_volume = total.round().clamp(0.0, f64::from(u32::MAX)) as u32;
    let mut unmatched = Vec::new();
    for channel in &mut updated.channels {
        channel.volume_share = 0.0;
    }
    for f in &forecast.channels {
        let value = f.values.get(index).copied().unwrap_or(0.0);
        match updated
            .channels
            .iter_mut()
            .find(|c| c.name.eq_ignore_ascii_case(&f.channel))
        {
            Some(channel) if total > 0.0 => {
                channel.volume_share = (value / total * 1000.0).round() / 10.0;
            }
            Some(_) => {}
            None => unmatched.push(f.channel.clone()),
        }
    }
    (updated, unmatched)
}

#[cfg(test)]
mod tests;
