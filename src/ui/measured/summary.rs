//! The figures of "Today, measured": the period and volume, arrivals by hour and weekday (a heat
//! map), the monthly trend, first reply against the plan's targets, the replay table and the rows
//! set aside. Each chart has its figures in text beside it, readable at body text size.

use leptos::prelude::*;

use crate::history::{
    attainment_words, hour_words, share_words, spread_words, Attainment, Coverage, HistorySummary,
    Replay, SetAside,
};
use crate::plan::limits::thousands;
use crate::plan::{SlaMetric, Weekday};
use crate::ui::table::{table_head, TableScroll};

/// The period, volume and what was read.
pub fn facts(summary: &HistorySummary) -> impl IntoView {
    let period = summary.period.map_or("—".to_string(), |p| {
        format!("{} to {} ({} days)", p.from, p.to, p.days)
    });
    let rows = [
        ("Read from", summary.sources.join(", ")),
        ("Period", period),
        (
            "Tickets",
            format!(
                "{} ({} a month)",
                thousands(summary.tickets as usize),
                thousands(summary.monthly_volume.round() as usize)
            ),
        ),
        ("Rows set aside", thousands(summary.rows_set_aside as usize)),
        ("Times counted in", summary.time_zone.clone()),
    ];
    let items = rows
        .into_iter()
        .map(|(label, value)| view! { <dt>{label}</dt><dd>{value}</dd> })
        .collect_view();
    view! { <dl class="doc-facts measured-facts" id="measured-facts">{items}</dl> }
}

/// Shade level 0–4 of a count against the busiest hour.
fn level(count: u64, most: u64) -> u64 {
    if count == 0 || most == 0 {
        0
    } else {
        (count * 4).div_ceil(most).clamp(1, 4)
    }
}

/// The busiest and quietest weekday hours in words, and the weekend's share.
fn arrivals_words(arrivals: &[u64]) -> String {
    let total: u64 = arrivals.iter().sum();
    let Some(most) = arrivals.iter().copied().max().filter(|&m| m > 0) else {
        return "No arrivals were counted.".to_string();
    };
    let busiest = arrivals.iter().position(|&n| n == most).unwrap_or(0);
    let weekend: u64 = arrivals.iter().skip(120).sum();
    format!(
        "Busiest hour: {} with {} tickets over the period. The weekend brought {:.1} % of all {} arrivals.",
        hour_words(busiest),
        thousands(most as usize),
        weekend as f64 * 100.0 / total.max(1) as f64,
        thousands(total as usize)
    )
}

/// Arrivals per hour (columns) and weekday (rows), each cell shaded and holding its count.
pub fn heat_map(arrivals: &[u64]) -> impl IntoView {
    let most = arrivals.iter().copied().max().unwrap_or(0);
    let hours = (0..24)
        .map(|h| view! { <th scope="col">{format!("{h:02}")}</th> })
        .collect_view();
    let days = Weekday::ALL
        .iter()
        .enumerate()
        .map(|(day, weekday)| {
            let cells = (0..24)
                .map(|hour| {
                    let count = arrivals.get(day * 24 + hour).copied().unwrap_or(0);
                    view! {
                        <td class=format!("heat heat-{}", level(count, most))>{count}</td>
                    }
                })
                .collect_view();
            view! { <tr><th scope="row">{weekday.short_name()}</th>{cells}</tr> }
        })
        .collect_view();
    view! {
        <figure class="measured-chart" id="measured-heat">
            <figcaption>
                <strong>"Arrivals by hour and weekday"</strong>
                <span class="chart-desc">{arrivals_words(arrivals)}</span>
            </figcaption>
            <TableScroll label="Arrivals by hour and weekday">
                <table class="heat-map">
                    <caption class="visually-hidden">"Tickets created in each hour of the week, home time zone; darker is busier"</caption>
                    <thead><tr><th scope="col">"Day"</th>{hours}</tr></thead>
                    <tbody>{days}</tbody>
                </table>
            </TableScroll>
        </figure>
    }
}

/// A bar `percent` of its cell wide, with an optional goal mark (SVG: the page's policy allows no
/// inline styles).
fn bar(percent: f64, under: bool, goal: Option<f64>) -> impl IntoView {
    let width = format!("{:.1}%", percent.clamp(0.0, 100.0));
    let mark = goal.map(|goal| {
        let at = format!("{:.1}%", goal.clamp(0.0, 100.0));
        view! { <line class="bar-goal" x1=at.clone() x2=at y1="0" y2="16"></line> }
    });
    view! {
        <svg class="bar-svg" height="16" aria-hidden="true">
            <rect class="bar" class:bar-under=under x="0" y="2" height="12" width=width></rect>
            {mark}
        </svg>
    }
}

/// Tickets per month as bars with their counts.
pub fn monthly_trend(summary: &HistorySummary) -> impl IntoView {
    let most = summary
        .by_month
        .iter()
        .map(|m| m.tickets)
        .max()
        .unwrap_or(0)
        .max(1);
    let description = match (summary.by_month.first(), summary.by_month.last()) {
        (Some(first), Some(last)) if summary.by_month.len() > 1 => format!(
            "{} months, from {} tickets in {} to {} in {}.",
            summary.by_month.len(),
            thousands(first.tickets as usize),
            first.name,
            thousands(last.tickets as usize),
            last.name
        ),
        (Some(only), _) => format!(
            "One month: {} tickets in {}.",
            thousands(only.tickets as usize),
            only.name
        ),
        _ => "No months counted.".to_string(),
    };
    let rows = summary
        .by_month
        .iter()
        .map(|month| {
            let width = month.tickets as f64 * 100.0 / most as f64;
            view! {
                <tr>
                    <th scope="row">{month.name.clone()}</th>
                    <td class="bar-cell">{bar(width, false, None)}</td>
                    <td class="number">{thousands(month.tickets as usize)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="measured-chart" id="measured-months">
            <figcaption>
                <strong>"Tickets by month"</strong>
                <span class="chart-desc">{description}</span>
            </figcaption>
            <table class="bar-table">
                {table_head(&["Month", "Tickets (bar)", "Tickets"])}
                <tbody>{rows}</tbody>
            </table>
        </figure>
    }
}

/// First reply: the measured spread, and the share within each first-response target.
pub fn first_reply(summary: &HistorySummary, replay: Option<&Replay>, goal: f64) -> impl IntoView {
    let spread = |label: &str, s: Option<crate::plan::Spread>| {
        s.map(|s| view! { <li>{format!("{label}: {}", spread_words(&s))}</li> })
    };
    let business_label = replay
        .and_then(|r| r.calendar.clone())
        .map_or("Business time".to_string(), |c| {
            format!("Business time on {c}")
        });
    let rows: Vec<Attainment> = replay
        .map(|r| {
            r.attainment
                .iter()
                .filter(|a| a.metric == SlaMetric::FirstResponse && a.measured > 0)
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let bars = rows
        .iter()
        .map(|row| {
            let under = row.percent < goal;
            view! {
                <tr>
                    <th scope="row">{format!("{} · {} within {}", row.policy, row.priority, row.target)}</th>
                    <td class="bar-cell">{bar(row.percent, under, Some(goal))}</td>
                    <td class="number">{attainment_words(row)}</td>
                </tr>
            }
        })
        .collect_view();
    let has_bars = !rows.is_empty();
    // Why there are no bars: nothing replayed yet, no first-reply times in the export, or no
    // first-response target in the plan.
    let no_bars = match replay {
        None => "Read the export on this page to replay it against the plan's first-response targets.",
        Some(r) if r.attainment.iter().any(|a| a.metric == SlaMetric::FirstResponse) => {
            "None of the exported tickets has a first-reply time, so the replay cannot score the plan's first-response targets."
        }
        Some(_) => "The plan promises no first-response target to replay the export against.",
    };
    view! {
        <figure class="measured-chart" id="measured-first-reply">
            <figcaption>
                <strong>"First reply against the plan's targets"</strong>
                <span class="chart-desc">
                    {if has_bars {
                        format!("The share of measured first replies within each target; the mark is the plan's goal of {goal:.0} %.")
                    } else {
                        no_bars.to_string()
                    }}
                </span>
            </figcaption>
            <ul class="measured-spreads">
                {spread("Calendar time", summary.first_reply)}
                {spread(&business_label, replay.and_then(|r| r.first_reply_business))}
            </ul>
            {has_bars.then(|| view! {
                <table class="bar-table">
                    {table_head(&["Policy · priority · target", "Within target (bar)", "Within target"])}
                    <tbody>{bars}</tbody>
                </table>
            })}
        </figure>
    }
}

/// A replay row's attainment, or a dash when no ticket had a time for it.
fn met_words(row: &Attainment) -> String {
    if row.measured == 0 {
        "— (no times)".to_string()
    } else {
        attainment_words(row)
    }
}

/// Attainment per policy × priority × metric.
pub fn replay_table(replay: &Replay) -> impl IntoView {
    let rows = replay
        .attainment
        .iter()
        .map(|row| {
            view! {
                <tr>
                    <td>{row.policy.clone()}</td>
                    <td>{row.priority.clone()}</td>
                    <td>{row.metric.label()}</td>
                    <td>{format!("{} ({})", row.target, row.calendar)}</td>
                    <td class="number">{met_words(row)}</td>
                    <td class="number">{thousands(row.without_time as usize)}</td>
                </tr>
            }
        })
        .collect_view();
    let notes = replay
        .notes
        .iter()
        .map(|note| view! { <li>{note.clone()}</li> })
        .collect_view();
    view! {
        <section class="measured-replay" aria-labelledby="replay-title">
            <h3 id="replay-title">"The history under this plan"</h3>
            <p class="help">"Every ticket run through the plan's SLA policies, on each target's calendar. It is worked out again when the plan changes."</p>
            <TableScroll label="Replay against the plan">
                <table class="doc-table" id="measured-replay">
                    {table_head(&["Policy", "Priority", "Metric", "Target", "Met", "Without a time"])}
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
            <ul class="measured-notes">{notes}</ul>
        </section>
    }
}

/// How much of the history the taxonomy's keywords would classify, and the most frequent tags
/// and type words of the tickets they would not: where new keywords would pay.
pub fn coverage(coverage: &Coverage) -> impl IntoView {
    let list = |counts: &[crate::plan::Count]| {
        if counts.is_empty() {
            return view! { <p>"None."</p> }.into_any();
        }
        let items = counts
            .iter()
            .take(10)
            .map(|c| view! { <li>{format!("{} ({})", c.name, thousands(c.tickets as usize))}</li> })
            .collect_view();
        view! { <ol>{items}</ol> }.into_any()
    };
    view! {
        <section class="measured-coverage" aria-labelledby="coverage-title" id="measured-coverage">
            <h3 id="coverage-title">"Taxonomy coverage"</h3>
            <p>{format!(
                "The categories' keywords would classify {} of the tickets, by their type or tags.",
                share_words(&coverage.classified)
            )}</p>
            <h4>"Most frequent tags on tickets no keyword classifies"</h4>
            <div id="measured-unclassified-tags">{list(&coverage.top_unclassified)}</div>
            <h4>"Most frequent words in their types"</h4>
            <div id="measured-unclassified-words">{list(&coverage.top_unclassified_words)}</div>
        </section>
    }
}

/// Rows set aside, by reason, with the first examples.
pub fn set_aside(aside: &SetAside) -> impl IntoView {
    let total = aside.total();
    let groups = aside
        .groups
        .iter()
        .map(|(reason, group)| {
            let examples = group
                .examples
                .iter()
                .map(|(row, why)| view! { <li>{format!("row {row}: {why}")}</li> })
                .collect_view();
            view! {
                <li>
                    {format!(
                        "{} {}: {reason}",
                        thousands(group.count as usize),
                        if group.count == 1 { "row" } else { "rows" }
                    )}
                    <ul>{examples}</ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="measured-aside" aria-labelledby="aside-title" id="measured-aside">
            <h3 id="aside-title">{format!("Rows that could not be read ({})", thousands(total as usize))}</h3>
            {(total == 0).then(|| view! { <p>"Every row was read."</p> })}
            <ul>{groups}</ul>
        </section>
    }
}
