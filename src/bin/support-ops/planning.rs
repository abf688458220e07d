//! The planning commands: `shifts` (the shift plan and its bound, or `--bench`) and `forecast`.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use support_ops::plan::{ClockTime, Plan, ShiftTemplate, WorkPattern};
use support_ops::render::{render_roster, roster_csv, Format};
use support_ops::shifts::{self, Progress};

/// The time the shift search may take (the bound for a week and 40 templates).
const SEARCH_TIME: Duration = Duration::from_secs(2);
/// Steps far beyond what two seconds reach: the clock stops the search first.
const SEARCH_STEPS: u64 = 50_000_000;

/// A budget that stops after `limit` of wall-clock time.
fn timed(limit: Duration, started: Instant) -> impl FnMut(&str, &Progress) -> bool {
    move |_, _| started.elapsed() < limit
}

/// The plan's shift plan as the Shifts view and the documents find it, the search stopped after
/// two seconds here (the page stops it after 1.5).
pub fn roster_answer(plan: &Plan) -> Result<shifts::ShiftPlan, String> {
    let mut keep_going = timed(SEARCH_TIME, Instant::now());
    shifts::roster_of(plan, &mut keep_going)
}

/// `shifts FILE`: the plan's shift plan in the chosen format.
pub fn shifts_plan(plan: &Plan, format: &str) -> Result<String, String> {
    let roster = roster_answer(plan)?;
    for team in roster
        .teams
        .iter()
        .filter(|t| !t.uncovered_hours.is_empty())
    {
        eprintln!(
            "note: {}: {} hour(s) that need people have no shift covering them (see `check`, SHIFT-001)",
            team.name,
            team.uncovered_hours.len()
        );
    }
    match format {
        "text" => Ok(render_roster(&roster, Format::Text)),
        "markdown" | "md" => Ok(render_roster(&roster, Format::Markdown)),
        "csv" => Ok(roster_csv(&roster)),
        "json" => serde_json::to_string_pretty(&roster)
            .map(|json| json + "\n")
            .map_err(|error| format!("cannot write the shift plan as JSON: {error}")),
        other => Err(format!(
            "shifts prints text, markdown, csv or json, not \"{other}\""
        )),
    }
}

/// A made-up need: busy on weekdays from `from` to `to` o'clock, a third of it at weekends.
fn bench_need(peak: u32, from: usize, to: usize, seed: u32) -> Vec<u32> {
    (0..shifts::WEEK_HOURS)
        .map(|hour| {
            let (day, clock) = (hour / 24, hour % 24);
            if clock < from || clock >= to {
                return 0;
            }
            // A hump over the day, a little different each day and channel.
            let middle = (from + to) as f64 / 2.0;
            let shape = 1.0 - ((clock as f64 - middle) / (to - from) as f64).powi(2) * 2.0;
            let wobble = f64::from((seed + day as u32 * 7 + clock as u32 * 3) % 5) / 10.0;
            let weekend = if day >= 5 { 0.35 } else { 1.0 };
            (f64::from(peak) * weekend * (shape + wobble).max(0.2)).round() as u32
        })
        .collect()
}

/// `count` 8½-hour templates with a 30-minute break, starting from `first` every `step` minutes.
fn bench_templates(count: u32, first: u32, step: u32) -> Vec<ShiftTemplate> {
    (0..count)
        .map(|i| {
            let start = (first + i * step) % (24 * 60);
            ShiftTemplate {
                name: format!("S{:02}{:02}", start / 60, start % 60),
                start: ClockTime::new(start / 60, start % 60).unwrap_or(ClockTime::MIDNIGHT),
                ..ShiftTemplate::default()
            }
        })
        .collect()
}

/// `shifts --bench`: search time and gap on the three sizes of the issue.
pub fn bench() -> String {
    // The last size is the first counted day by day (one working day per "person"): the
    // problem pyworkforce's MinRequiredResources solves, for scripts/compare-pyworkforce.py.
    let five_of_seven = WorkPattern::default();
    let day_by_day = WorkPattern {
        days_per_week: 1,
        consecutive_days_off: false,
    };
    let sizes: [(&str, u32, u32, u32, u32, WorkPattern); 4] = [
        ("one channel, 8 templates", 1, 8, 6 * 60, 120, five_of_seven),
        (
            "four channels, 24 templates each",
            4,
            24,
            6 * 60,
            30,
            five_of_seven,
        ),
        (
            "pooled, 40 templates, 15-minute starts",
            1,
            40,
            6 * 60,
            15,
            five_of_seven,
        ),
        (
            "one channel, 8 templates, day by day",
            1,
            8,
            6 * 60,
            120,
            day_by_day,
        ),
    ];
    let mut out = String::from(
        "size                                     people  bound  paid h  bound h   gap   time\n",
    );
    for (label, channels, count, first, step, pattern) in sizes {
        let templates = bench_templates(count, first, step);
        let candidates = shifts::candidates(&templates, pattern);
        let started = Instant::now();
        let (mut people, mut bound, mut paid, mut bound_paid) = (0, 0, 0.0, 0.0);
        for channel in 0..channels {
            let peak = if channels == 1 { 60 } else { 15 };
            let need = bench_need(peak, 7, 23, channel * 11);
            let mut limit = timed(SEARCH_TIME / channels, Instant::now());
            let team = shifts::team_roster(
                &need,
                &templates,
                &candidates,
                SEARCH_STEPS,
                200,
                &mut |p| limit("", p),
            );
            people += team.people;
            bound += team.bound_people;
            paid += team.paid_hours;
            bound_paid += team.bound_paid_hours;
        }
        let gap = (paid - bound_paid) / bound_paid.max(1.0) * 100.0;
        let _ = writeln!(
            out,
            "{label:<40} {people:>6} {bound:>6} {paid:>7.0} {bound_paid:>8.0} {gap:>4.1}% {:>5.2}s",
            started.elapsed().as_secs_f64()
        );
    }
    out
}

/// For scripts comparing with other tools: the hourly need of the first bench size as JSON.
pub fn bench_need_json() -> String {
    let need = bench_need(60, 7, 23, 0);
    serde_json::to_string(&need).unwrap_or_default() + "\n"
}

/// `forecast SERIES --plan PLAN`: the forecast in words (or JSON), or the plan set from it.
pub fn forecast_report(
    series_text: &str,
    plan: Option<&Plan>,
    months: usize,
    format: &str,
) -> Result<String, String> {
    use support_ops::forecast::{apply_to_plan, forecast, MonthlySeries};
    let series: MonthlySeries = serde_json::from_str(series_text)
        .map_err(|error| format!("the series is not a monthly series file: {error}"))?;
    let result = forecast(&series, months).map_err(|error| error.to_string())?;
    let peak = result.peak_month();
    let applied = plan.map(|plan| apply_to_plan(plan, &result, peak));
    match format {
        "json" => serde_json::to_string_pretty(&result)
            .map(|json| json + "\n")
            .map_err(|error| format!("cannot write the forecast as JSON: {error}")),
        "plan" => match applied {
            Some((updated, _)) => Ok(support_ops::plan::json::to_json(&updated)),
            None => Err("--format plan needs --plan FILE to update".to_string()),
        },
        "text" => Ok(forecast_text(&result, plan, applied.as_ref(), peak)),
        other => Err(format!(
            "forecast prints text, json or plan, not \"{other}\""
        )),
    }
}

fn forecast_text(
    result: &support_ops::forecast::Forecast,
    plan: Option<&Plan>,
    applied: Option<&(Plan, Vec<String>)>,
    peak: usize,
) -> String {
    let mut out = String::from("VOLUME FORECAST\n\n");
    let month = |(y, m): (i32, u32)| format!("{y}-{m:02}");
    for channel in &result.channels {
        let error = match channel.backtest_mape {
            Some(mape) => format!(
                "it missed the last 3 months by {mape:.1} % on average (MAPE, rolling origin)"
            ),
            None => "too little history to backtest".to_string(),
        };
        let _ = writeln!(
            out,
            "{}: {}; {error}.",
            channel.channel,
            channel.method.label()
        );
        let values: Vec<String> = result
            .months
            .iter()
            .zip(&channel.values)
            .map(|(&m, v)| format!("{} {:.0}", month(m), v))
            .collect();
        let _ = writeln!(out, "  {}", values.join(", "));
    }
    for note in &result.notes {
        let _ = writeln!(out, "Note: {note}");
    }
    if let (Some(plan), Some((updated, unmatched))) = (plan, applied) {
        let _ = writeln!(
            out,
            "\nSetting the plan from the busiest month ({}): monthly volume {} → {}.",
            month(result.months[peak]),
            plan.header.monthly_volume,
            updated.header.monthly_volume
        );
        for (before, after) in plan.channels.iter().zip(&updated.channels) {
            let _ = writeln!(
                out,
                "  {}: {} % → {} %",
                after.name, before.volume_share, after.volume_share
            );
        }
        for name in unmatched {
            let _ = writeln!(
                out,
                "  {name} is forecast but is not a channel of the plan."
            );
        }
        out.push_str("(`--format plan` prints the updated plan.)\n");
    }
    out
}
