//! Charts of the capacity view, drawn as SVG with Leptos elements: agents needed and scheduled by
//! hour of the week (short hours marked), attainment per priority against the goal, the backlog.

use leptos::prelude::*;

use crate::capacity::simulation::SimulationResult;
use crate::capacity::staffing::{hour_label, WEEK_HOURS};
use crate::plan::Weekday;
use crate::render::peak_words;
use crate::ui::table::{table_head, TableScroll};

/// Height of a week chart's plot area and its margins, in CSS pixels (text stays body size:
/// the charts scale their x positions in percent, never their text).
const PLOT_TOP: f64 = 12.0;
const PLOT_HEIGHT: f64 = 150.0;
const MARKS: f64 = 8.0;
const AXIS_HEIGHT: f64 = 44.0;

/// A position across the plot, in percent of its width.
fn across(hour: f64) -> String {
    format!("{:.3}%", hour / WEEK_HOURS as f64 * 100.0)
}

/// A round top for the y axis and its ticks: 0, half, top.
fn axis_top(values: &[f64]) -> f64 {
    let max = values
        .iter()
        .fold(0.0_f64, |m, &v| m.max(v))
        .ceil()
        .max(1.0);
    if max <= 4.0 {
        max
    } else {
        (max / 2.0).ceil() * 2.0
    }
}

/// The hours where fewer agents are scheduled than needed.
pub fn short_hours(required: &[f64], scheduled: &[f64]) -> Vec<usize> {
    (0..required.len().min(scheduled.len()))
        .filter(|&h| scheduled[h] + 0.05 < required[h])
        .collect()
}

/// Hours of the week as ranges in words: "Mon 08:00–10:00, Tue 09:00–10:00".
pub fn hour_ranges(hours: &[usize]) -> String {
    let mut ranges = Vec::new();
    let mut index = 0;
    while index < hours.len() {
        let start = hours[index];
        let mut end = start;
        while index + 1 < hours.len() && hours[index + 1] == end + 1 && (end + 1) % 24 != 0 {
            index += 1;
            end = hours[index];
        }
        ranges.push(format!("{}–{:02}:00", hour_label(start), (end % 24) + 1));
        index += 1;
    }
    ranges.join(", ")
}

/// The first few ranges of `hours` in words, and how many more there are.
fn hour_ranges_shortly(hours: &[usize]) -> String {
    const SHOWN: usize = 6;
    let ranges = hour_ranges(hours);
    let all: Vec<&str> = ranges.split(", ").collect();
    if all.len() <= SHOWN {
        return ranges;
    }
    format!(
        "{} and {} more stretches (see the table by day)",
        all[..SHOWN].join(", "),
        all.len() - SHOWN
    )
}

/// Agents needed (bars) and scheduled (a line) per hour of the week, short hours marked in red
/// under the bars; labelled axes, a text description beside it for screen readers and print.
#[component]
pub fn WeekChart(
    /// Unique among the page's charts; ids inside derive from it.
    id: String,
    title: String,
    required: Vec<f64>,
    /// Agents scheduled per hour (the roster); `None` draws the need alone.
    scheduled: Option<Vec<f64>>,
    /// The short hours, when the roster is a simulated month's (`capacity::short`: deferred
    /// work may wait an hour); without them an hour is short where the line is under the bar.
    #[prop(default = None)]
    short: Option<Vec<usize>>,
) -> impl IntoView {
    let top = axis_top(
        &required
            .iter()
            .chain(scheduled.iter().flatten())
            .copied()
            .collect::<Vec<_>>(),
    );
    let y = move |value: f64| PLOT_TOP + PLOT_HEIGHT * (1.0 - value / top);
    let bottom = PLOT_TOP + PLOT_HEIGHT;
    let height = bottom + MARKS + AXIS_HEIGHT;
    let ticks = [0.0, top / 2.0, top];
    let waits = short.is_some();
    let short = short
        .or_else(|| scheduled.as_ref().map(|s| short_hours(&required, s)))
        .unwrap_or_default();
    // Bars, the roster's step line and the short-hour marks are one path each, drawn in hours
    // across (a view box 168 wide, stretched to the plot's width): a chart is a handful of
    // elements, not 800, so redrawing the Capacity view's charts on each edit stays quick.
    let bars: String = required
        .iter()
        .enumerate()
        .filter(|(_, &need)| need > 0.0)
        .map(|(hour, &need)| {
            format!(
                "M{:.1} {:.1}h0.8V{bottom:.1}h-0.8Z",
                hour as f64 + 0.1,
                y(need)
            )
        })
        .collect();
    // The roster as one step line: a level per hour, joined where it changes.
    let roster = scheduled.as_ref().map(|planned| {
        let mut line = String::new();
        for (hour, &agents) in planned.iter().enumerate() {
            if hour == 0 {
                line.push_str(&format!("M0 {:.1}", y(agents)));
            } else {
                line.push_str(&format!("V{:.1}", y(agents)));
            }
            line.push_str(&format!("H{}", hour + 1));
        }
        view! {
            <path class="chart-scheduled" d=line vector-effect="non-scaling-stroke"></path>
        }
    });
    let marks: String = short
        .iter()
        .map(|&hour| format!("M{hour} {:.1}h1v{:.1}h-1Z", bottom + 2.0, MARKS - 2.0))
        .collect();
    let days = Weekday::ALL
        .iter()
        .enumerate()
        .map(|(index, day)| {
            let start = index as f64 * 24.0;
            view! {
                <line class="chart-day" x1=across(start) x2=across(start) y1=PLOT_TOP y2=bottom></line>
                <text class="chart-label" x=across(start + 12.0) y=bottom + MARKS + 18.0 text-anchor="middle">
                    {day.short_name()}
                </text>
            }
        })
        .collect_view();
    let grid = ticks
        .iter()
        .map(|&tick| {
            view! { <line class="chart-grid" x1="0" x2="100%" y1=y(tick) y2=y(tick)></line> }
        })
        .collect_view();
    let tick_labels = ticks
        .iter()
        .map(|&tick| {
            view! {
                <text class="chart-label" x="95%" y=y(tick) + 5.0 text-anchor="end">
                    {format!("{}", (tick * 10.0).round() / 10.0)}
                </text>
            }
        })
        .collect_view();
    let mut description = describe_week(&required, scheduled.as_deref(), &short);
    if waits
        && short.is_empty()
        && scheduled
            .as_deref()
            .is_some_and(|s| !short_hours(&required, s).is_empty())
    {
        description.push_str(
            " Where the line dips under a bar by a fraction of an agent, that is deferred work \
             (such as email) waiting for the next hour, never more than one agent-hour behind.",
        );
    }
    let by_day = by_day(&required, scheduled.as_deref(), &short);
    let title_id = format!("{id}-title");
    let desc_id = format!("{id}-desc");
    let labelled_by = format!("{title_id} {desc_id}");
    let has_roster = scheduled.is_some();
    let table_label = format!("{title}: by day");
    view! {
        <figure class="week-chart" id=id.clone()>
            <figcaption>
                <strong id=title_id.clone()>{title.clone()}</strong>
                <span class="chart-desc" id=desc_id.clone()>{description}</span>
            </figcaption>
            <div class="week-chart-frame">
                <svg class="chart-axis" height=height aria-hidden="true">
                    {tick_labels}
                </svg>
                <svg class="chart-plot" height=height role="img" aria-labelledby=labelled_by>
                    <title>{title}</title>
                    {grid}
                    {days}
                    <svg
                        class="chart-shapes"
                        width="100%"
                        height=height
                        viewBox=format!("0 0 {WEEK_HOURS} {height}")
                        preserveAspectRatio="none"
                    >
                        <path class="chart-need" d=bars></path>
                        {roster}
                        <path class="chart-short" d=marks></path>
                    </svg>
                    <text class="chart-label" x="50%" y=height - 4.0 text-anchor="middle">
                        "Hour of the week, home time zone"
                    </text>
                </svg>
            </div>
            <p class="chart-legend">
                <span class="chart-key chart-key-need"></span>
                "Agents needed on shift (y axis)"
                {has_roster
                    .then(|| {
                        view! {
                            <span class="chart-key chart-key-scheduled"></span>
                            "scheduled"
                            <span class="chart-key chart-key-short"></span>
                            "short hour"
                        }
                    })}
            </p>
            <details class="chart-table">
                <summary>"By day, as a table"</summary>
                <TableScroll label=table_label>
                    <table>
                        {table_head(&["Day", "Busiest hour", "Needed then", "Scheduled then", "Hours short"])}
                        <tbody>{by_day}</tbody>
                    </table>
                </TableScroll>
            </details>
        </figure>
    }
}

/// One table row per day: its busiest hour, the need and roster then, and its short hours.
fn by_day(required: &[f64], scheduled: Option<&[f64]>, short: &[usize]) -> impl IntoView {
    Weekday::ALL
        .iter()
        .enumerate()
        .map(|(day, weekday)| {
            let hours = day * 24..day * 24 + 24;
            let busiest = hours
                .clone()
                .max_by(|&a, &b| required[a].total_cmp(&required[b]).then(b.cmp(&a)))
                .unwrap_or(day * 24);
            let open = required.get(busiest).is_some_and(|n| *n > 0.0);
            let at = |values: &[f64]| {
                values
                    .get(busiest)
                    .map_or("—".to_string(), |n| format!("{}", (n * 10.0).round() / 10.0))
            };
            let short_today = short.iter().filter(|h| hours.contains(h)).count();
            view! {
                <tr>
                    <th scope="row">{weekday.short_name()}</th>
                    <td>{if open { format!("{:02}:00", busiest % 24) } else { "none needed".to_string() }}</td>
                    <td>{at(required)}</td>
                    <td>{scheduled.map_or("—".to_string(), at)}</td>
                    <td>{if scheduled.is_some() { short_today.to_string() } else { "—".to_string() }}</td>
                </tr>
            }
        })
        .collect_view()
}

/// The week chart in words: peak need, scheduled, and the short hours.
fn describe_week(required: &[f64], scheduled: Option<&[f64]>, short: &[usize]) -> String {
    let mut words = format!(" Needed: {}.", peak_words(required));
    if let Some(planned) = scheduled {
        let most = planned.iter().fold(0.0_f64, |m, &v| m.max(v));
        words.push_str(&format!(" Scheduled: up to {most:.0} on shift."));
        if short.is_empty() {
            words.push_str(" No hour is short.");
        } else {
            words.push_str(&format!(
                " Short in {} hours: {}.",
                short.len(),
                hour_ranges_shortly(short)
            ));
            if short.iter().all(|&h| required[h] - planned[h] < 1.0) {
                words.push_str(
                    " Each by less than one agent: whole people cannot match a need of a fraction \
                     of an agent (deferred work such as email), which waits for the next hour.",
                );
            }
        }
    }
    words
}

/// An attainment as the month shows it: "93.4 %", or "No target" where nothing is promised
/// (or no ticket had the priority), never a 100 % for nothing.
pub fn attainment_words(attainment: Option<f64>) -> String {
    attainment.map_or_else(
        || "No target".to_string(),
        |share| format!("{:.1} %", share * 100.0),
    )
}

/// Share of tickets meeting each target per priority, as bars against the attainment goal. A
/// metric without a target has no bar: its row says "No target".
#[component]
pub fn AttainmentChart(month: SimulationResult, goal: f64) -> impl IntoView {
    const ROW: f64 = 52.0;
    let all: Vec<(String, Option<f64>)> = month
        .priorities
        .iter()
        .flat_map(|outcome| {
            [
                (
                    format!("{} · first response", outcome.priority),
                    outcome.first_response_attainment(),
                ),
                (
                    format!("{} · resolution", outcome.priority),
                    outcome.resolution_attainment(),
                ),
            ]
        })
        .collect();
    let untargeted: Vec<&str> = all
        .iter()
        .filter(|(_, share)| share.is_none())
        .map(|(label, _)| label.as_str())
        .collect();
    let untargeted = (!untargeted.is_empty())
        .then(|| format!("No target, so no bar: {}.", untargeted.join("; ")));
    let rows: Vec<(String, f64)> = all
        .iter()
        .filter_map(|(label, share)| share.map(|s| (label.clone(), s * 100.0)))
        .collect();
    let height = rows.len() as f64 * ROW + 40.0;
    let goal_x = format!("{:.2}%", goal.clamp(0.0, 100.0));
    let below: Vec<&str> = rows
        .iter()
        .filter(|(_, percent)| *percent + 1e-9 < goal)
        .map(|(label, _)| label.as_str())
        .collect();
    let description = if below.is_empty() {
        format!("Every target is met for at least {goal} % of tickets.")
    } else {
        format!("Below the {goal} % goal: {}.", below.join("; "))
    };
    let bars = rows
        .iter()
        .enumerate()
        .map(|(index, (label, percent))| {
            let top = 30.0 + index as f64 * ROW;
            let short = *percent + 1e-9 < goal;
            view! {
                <text class="chart-label" x="0" y=top + 14.0>
                    {format!("{label}: {percent:.1} %")}
                </text>
                <rect class="chart-track" x="0" width="100%" y=top + 22.0 height="16"></rect>
                <rect
                    class="chart-attained"
                    class:chart-below=short
                    x="0"
                    width=format!("{:.2}%", percent.clamp(0.0, 100.0))
                    y=top + 22.0
                    height="16"
                ></rect>
            }
        })
        .collect_view();
    view! {
        <figure class="attainment-chart">
            <figcaption>
                <strong id="attainment-title">"Tickets meeting their SLA targets, per priority"</strong>
                <span class="chart-desc" id="attainment-desc">{format!(" {description}")}</span>
            </figcaption>
            <svg class="chart-bars" height=height role="img" aria-labelledby="attainment-title attainment-desc">
                <text class="chart-label" x="0" y="16">"Share of tickets (x axis, 0–100 %)"</text>
                {bars}
                <line class="chart-goal" x1=goal_x.clone() x2=goal_x.clone() y1="22" y2=height></line>
            </svg>
            <p class="chart-legend">
                <span class="chart-key chart-key-goal"></span>
                {format!("goal: {goal} % of tickets within target")}
                <span class="chart-key chart-key-below"></span>
                "below the goal"
            </p>
            {untargeted.map(|text| view! { <p class="chart-legend chart-untargeted">{text}</p> })}
        </figure>
    }
}

/// Open tickets at the end of each day of the month, then of the drain days, named as such.
#[component]
pub fn BacklogChart(month: SimulationResult) -> impl IntoView {
    let days = month.backlog.len().max(1);
    let top = axis_top(
        &month
            .backlog
            .iter()
            .map(|&n| f64::from(n))
            .collect::<Vec<_>>(),
    );
    let x = move |day: f64| format!("{:.3}%", day / days as f64 * 100.0);
    let y = move |open: f64| PLOT_TOP + PLOT_HEIGHT * (1.0 - open / top);
    let bottom = PLOT_TOP + PLOT_HEIGHT;
    let height = bottom + AXIS_HEIGHT;
    let month_days = month.month_days as usize;
    let bars = month
        .backlog
        .iter()
        .enumerate()
        .map(|(day, &open)| {
            let open = f64::from(open);
            let drain = day >= month_days;
            view! {
                <rect
                    class="chart-need"
                    class:chart-drain=drain
                    x=x(day as f64 + 0.15)
                    width=x(0.7)
                    y=y(open)
                    height=bottom - y(open)
                ></rect>
            }
        })
        .collect_view();
    let peak = month.backlog.iter().copied().max().unwrap_or(0);
    let at_month_end = month
        .backlog
        .get(month_days.saturating_sub(1))
        .copied()
        .unwrap_or(0);
    let description = format!(
        " {} days of the month, then {} drain days with no new tickets. Most open at a day's end: {peak}; {at_month_end} open when the month ends; {} never resolved.",
        month.month_days, month.drain_days, month.unresolved
    );
    view! {
        <figure class="week-chart backlog-chart">
            <figcaption>
                <strong id="backlog-title">"Open tickets at the end of each day"</strong>
                <span class="chart-desc" id="backlog-desc">{description}</span>
            </figcaption>
            <div class="week-chart-frame">
                <svg class="chart-axis" height=height aria-hidden="true">
                    <text class="chart-label" x="95%" y=y(top) + 5.0 text-anchor="end">{format!("{top:.0}")}</text>
                    <text class="chart-label" x="95%" y=y(0.0) + 5.0 text-anchor="end">"0"</text>
                </svg>
                <svg class="chart-plot" height=height role="img" aria-labelledby="backlog-title backlog-desc">
                    <line class="chart-grid" x1="0" x2="100%" y1=y(top) y2=y(top)></line>
                    <line class="chart-grid" x1="0" x2="100%" y1=bottom y2=bottom></line>
                    {bars}
                    <line class="chart-day" x1=x(month_days as f64) x2=x(month_days as f64) y1=PLOT_TOP y2=bottom + 6.0></line>
                    <text class="chart-label" x="0" y=bottom + 20.0>"Day 1"</text>
                    <text class="chart-label" x=x(month_days as f64) y=bottom + 20.0 text-anchor="middle">"month ends"</text>
                    <text class="chart-label" x="100%" y=bottom + 40.0 text-anchor="end">"drain days →"</text>
                </svg>
            </div>
            <p class="chart-legend">
                <span class="chart-key chart-key-need"></span>
                "open tickets (y axis), days of the month"
                <span class="chart-key chart-key-drain"></span>
                "drain days"
            </p>
        </figure>
    }
}
