//! The forecasting methods and the backtest that picks one: last value, the same month last
//! year, Holt's damped trend, and additive Holt–Winters with a damped trend, its smoothing
//! weights chosen from a small grid by in-sample one-step error.

use serde::Serialize;

use super::{ChannelForecast, BACKTEST_MONTHS, SEASON};

/// How a channel's months ahead are worked out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Every month ahead is the last month seen.
    Naive,
    /// Each month ahead is the same month a year before.
    SeasonalNaive,
    /// Level and a damped trend, no season.
    Holt,
    /// Level, damped trend and an additive monthly season (Holt–Winters).
    HoltWinters,
}

impl Method {
    pub fn label(self) -> &'static str {
        match self {
            Method::Naive => "last month carried forward",
            Method::SeasonalNaive => "same month last year",
            Method::Holt => "level and damped trend (Holt)",
            Method::HoltWinters => "trend and season (Holt–Winters, additive, damped)",
        }
    }
}

const GRID: [f64; 5] = [0.1, 0.3, 0.5, 0.7, 0.9];
const DAMPING: [f64; 2] = [0.9, 0.98];

/// Smoothing state after running through `values`, and the in-sample squared one-step error.
struct Fit {
    level: f64,
    trend: f64,
    phi: f64,
    /// The season's last `SEASON` values, aligned so `season[i]` is for month `n + i` ahead's
    /// position modulo the season (empty without a season).
    season: Vec<f64>,
    error: f64,
}

fn run(values: &[f64], alpha: f64, beta: f64, gamma: f64, phi: f64, seasonal: bool) -> Fit {
    let m = if seasonal { SEASON } else { 1 };
    let start = if seasonal { SEASON } else { 1 };
    let (mut level, mut trend, mut season) = if seasonal {
        let mean = values[..SEASON].iter().sum::<f64>() / SEASON as f64;
        let trend = if values.len() >= 2 * SEASON {
            (values[SEASON..2 * SEASON].iter().sum::<f64>() / SEASON as f64 - mean) / SEASON as f64
        } else {
            0.0
        };
        (
            mean,
            trend,
            values[..SEASON]
                .iter()
                .map(|v| v - mean)
                .collect::<Vec<_>>(),
        )
    } else {
        let trend = if values.len() > 1 {
            values[1] - values[0]
        } else {
            0.0
        };
        (values[0], trend, vec![0.0])
    };
    let mut error = 0.0;
    for (t, &y) in values.iter().enumerate().skip(start) {
        let s = season[t % m];
        let predicted = level + phi * trend + s;
        error += (y - predicted).powi(2);
        let previous = level;
        level = alpha * (y - s) + (1.0 - alpha) * (level + phi * trend);
        trend = beta * (level - previous) + (1.0 - beta) * phi * trend;
        if seasonal {
            season[t % m] = gamma * (y - level) + (1.0 - gamma) * s;
        }
    }
    let n = values.len();
    let season = if seasonal {
        (0..SEASON).map(|i| season[(n + i) % SEASON]).collect()
    } else {
        Vec::new()
    };
    Fit {
        level,
        trend,
        phi,
        season,
        error,
    }
}

/// The best-fitting smoothing weights on the grid.
fn fit(values: &[f64], seasonal: bool) -> Fit {
    let gammas: &[f64] = if seasonal { &GRID } else { &[0.0] };
    let mut best: Option<Fit> = None;
    for &alpha in &GRID {
        for &beta in &GRID[..3] {
            for &gamma in gammas {
                for &phi in &DAMPING {
                    let candidate = run(values, alpha, beta, gamma, phi, seasonal);
                    if best.as_ref().is_none_or(|b| candidate.error < b.error) {
                        best = Some(candidate);
                    }
                }
            }
        }
    }
    best.unwrap_or_else(|| run(values, 0.5, 0.1, 0.1, 0.98, seasonal))
}

/// `horizon` months past `values` by `method` (never below zero).
pub fn forecast_with(method: Method, values: &[f64], horizon: usize) -> Vec<f64> {
    let last = values.last().copied().unwrap_or(0.0);
    let ahead: Vec<f64> = match method {
        Method::Naive => vec![last; horizon],
        Method::SeasonalNaive if values.len() >= SEASON => (0..horizon)
            .map(|h| values[values.len() - SEASON + h % SEASON])
            .collect(),
        Method::HoltWinters if values.len() >= SEASON => project(&fit(values, true), horizon),
        Method::Holt | Method::SeasonalNaive | Method::HoltWinters if values.len() >= 2 => {
            project(&fit(values, false), horizon)
        }
        _ => vec![last; horizon],
    };
    ahead.into_iter().map(|v| v.max(0.0)).collect()
}

fn project(fit: &Fit, horizon: usize) -> Vec<f64> {
    let mut damped = 0.0;
    let mut power = 1.0;
    (0..horizon)
        .map(|h| {
            power *= fit.phi;
            damped += power;
            let season = fit.season.get(h % SEASON.max(1)).copied().unwrap_or(0.0);
            fit.level + damped * fit.trend + season
        })
        .collect()
}

/// Rolling origin: each of the last `BACKTEST_MONTHS` months is an origin; from each, the
/// method forecasts the months up to the end of the history from the months before it. The
/// error is the mean absolute percentage error over all those forecasts (months with no
/// tickets left out), in percent.
pub fn backtest(method: Method, values: &[f64]) -> Option<f64> {
    let n = values.len();
    let mut errors = Vec::new();
    for origin in n.saturating_sub(BACKTEST_MONTHS)..n {
        let ahead = forecast_with(method, &values[..origin], n - origin);
        for (predicted, &actual) in ahead.iter().zip(&values[origin..]) {
            if actual > 0.0 {
                errors.push((predicted - actual).abs() / actual * 100.0);
            }
        }
    }
    (!errors.is_empty()).then(|| errors.iter().sum::<f64>() / errors.len() as f64)
}

/// The methods the history allows, each backtested; the lowest error wins (ties: the simpler).
pub(crate) fn choose(values: &[f64]) -> ChannelForecast {
    let n = values.len();
    let methods: &[Method] = if n >= SEASON + BACKTEST_MONTHS {
        &[Method::SeasonalNaive, Method::HoltWinters]
    } else if n >= BACKTEST_MONTHS + 3 {
        &[Method::Naive, Method::Holt]
    } else {
        &[Method::Naive]
    };
    let backtestable = n >= BACKTEST_MONTHS + 3;
    let tried: Vec<(Method, Option<f64>)> = methods
        .iter()
        .map(|&m| {
            (
                m,
                if backtestable {
                    backtest(m, values)
                } else {
                    None
                },
            )
        })
        .collect();
    let (method, backtest_mape) = tried
        .iter()
        .copied()
        .reduce(|best, next| match (best.1, next.1) {
            (Some(b), Some(x)) if x < b - 1e-9 => next,
            (None, Some(_)) => next,
            _ => best,
        })
        .unwrap_or((Method::Naive, None));
    ChannelForecast {
        channel: String::new(),
        method,
        backtest_mape,
        tried,
        values: Vec::new(),
    }
}
