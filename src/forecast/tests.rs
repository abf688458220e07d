//! Made-up histories with a known shape: the backtest must pick the method that shape calls for.

use super::*;
use crate::plan::{Channel, Date};

fn months_from(year: i32, month: u32, count: usize) -> Vec<(i32, u32)> {
    let mut out = vec![(year, month)];
    while out.len() < count {
        out.push(next_month(*out.last().unwrap()));
    }
    out
}

/// A season: quiet summer, busy January and December (multipliers around 1).
const SEASON_SHAPE: [f64; 12] = [
    1.3, 1.1, 1.0, 0.95, 0.9, 0.8, 0.7, 0.75, 1.0, 1.05, 1.15, 1.3,
];

fn series(values: Vec<f64>) -> MonthlySeries {
    MonthlySeries {
        months: months_from(2023, 1, values.len()),
        per_channel: vec![("Email".into(), values)],
        events: Vec::new(),
    }
}

/// Three identical years: the same month last year is exactly right (0 % error), so the
/// backtest keeps it over Holt–Winters, whose smoothing cannot beat zero.
#[test]
fn a_season_that_repeats_exactly_picks_same_month_last_year() {
    let values: Vec<f64> = (0..36).map(|t| 1000.0 * SEASON_SHAPE[t % 12]).collect();
    let result = forecast(&series(values), 6).unwrap();
    let email = &result.channels[0];
    assert_eq!(email.method, Method::SeasonalNaive);
    assert_eq!(email.backtest_mape, Some(0.0));
    // January 2026 is next: like January 2025, 1,300.
    assert_eq!(result.months[0], (2026, 1));
    assert!((email.values[0] - 1300.0).abs() < 1e-9);
}

/// The same season on a volume growing 40 tickets a month: last year's month is about a
/// year's growth (12 × 40 = 480 on ~1,500–2,500, some 20–30 %) short every time, which a
/// trend-and-season method follows, so Holt–Winters must win, by a wide margin.
#[test]
fn a_growing_seasonal_series_picks_holt_winters() {
    let values: Vec<f64> = (0..36)
        .map(|t| 1000.0 + 40.0 * t as f64 + 300.0 * (SEASON_SHAPE[t % 12] - 1.0))
        .collect();
    let result = forecast(&series(values), 3).unwrap();
    let email = &result.channels[0];
    assert_eq!(email.method, Method::HoltWinters, "{:?}", email.tried);
    let naive = email
        .tried
        .iter()
        .find(|(m, _)| *m == Method::SeasonalNaive)
        .unwrap()
        .1
        .unwrap();
    let chosen = email.backtest_mape.unwrap();
    assert!(naive > 15.0 && chosen < naive / 3.0, "{naive} vs {chosen}");
}

/// Eight months rising 50 a month: less than a year is said, no season is guessed, and the
/// trend beats carrying the last month forward (which misses by 50–150 a month).
#[test]
fn less_than_a_year_says_so_and_follows_the_trend() {
    let values: Vec<f64> = (0..8).map(|t| 500.0 + 50.0 * t as f64).collect();
    let result = forecast(&series(values), 3).unwrap();
    assert!(
        result.notes[0].contains("less than a year"),
        "{:?}",
        result.notes
    );
    let email = &result.channels[0];
    assert_eq!(email.method, Method::Holt);
    // Last seen 850; next months above it.
    assert!(email.values[0] > 850.0 && email.values[2] > email.values[0]);
}

/// A launch week of +31 % from 1 January 2026, a 31-day month: January grows by
/// 31 % × 7 / 31 = 7 %, February not at all.
#[test]
fn a_known_week_lifts_its_month_by_its_share_of_the_days() {
    let values: Vec<f64> = vec![1000.0; 24];
    let mut history = series(values);
    let plain = forecast(&history, 3).unwrap().channels[0].values.clone();
    history.events.push(KnownEvent {
        name: "Launch".into(),
        from: Date::new(2025, 1, 1).unwrap(),
        days: 7,
        uplift_percent: 31.0,
        channel: None,
    });
    let lifted = forecast(&history, 3).unwrap();
    assert_eq!(lifted.months[0], (2025, 1));
    assert!((lifted.channels[0].values[0] - plain[0] * 1.07).abs() < 1e-6);
    assert_eq!(lifted.channels[0].values[1], plain[1]);
    assert!(lifted.notes.iter().any(|n| n.starts_with("Launch")));
}

#[test]
fn the_plan_takes_the_forecast_volume_and_mix() {
    let mut plan = Plan::blank();
    for name in ["Email", "Chat", "Phone"] {
        plan.channels.push(Channel {
            name: name.into(),
            volume_share: 33.3,
            ..Channel::default()
        });
    }
    let forecast = Forecast {
        months: vec![(2026, 1)],
        channels: [("email", 3000.0), ("Chat", 1000.0), ("Social", 1000.0)]
            .into_iter()
            .map(|(name, value)| ChannelForecast {
                channel: name.into(),
                method: Method::Naive,
                backtest_mape: None,
                tried: Vec::new(),
                values: vec![value],
            })
            .collect(),
        notes: Vec::new(),
    };
    let (updated, unmatched) = apply_to_plan(&plan, &forecast, 0);
    // 5,000 in all: email 60 %, chat 20 %, phone none forecast; social is not a plan channel.
    assert_eq!(updated.header.monthly_volume, 5000);
    let shares: Vec<f64> = updated.channels.iter().map(|c| c.volume_share).collect();
    assert_eq!(shares, [60.0, 20.0, 0.0]);
    assert_eq!(unmatched, ["Social"]);
}

#[test]
fn gaps_in_the_months_and_bad_horizons_are_refused() {
    let mut history = series(vec![1.0, 2.0, 3.0]);
    history.months[2] = (2023, 5);
    assert!(matches!(
        forecast(&history, 3),
        Err(ForecastError::Misaligned(_))
    ));
    assert_eq!(
        forecast(&series(vec![1.0; 3]), 13),
        Err(ForecastError::Horizon(13))
    );
    assert_eq!(
        forecast(&MonthlySeries::default(), 3),
        Err(ForecastError::NoHistory)
    );
}
