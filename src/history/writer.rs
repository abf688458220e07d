//! The history as the command line prints it, in text or Markdown: a small writer over one
//! `HistoryReport`, so the document (when it gains a HISTORY part) can show the same figures.

use std::fmt::Write as _;

use serde::Serialize;

use crate::plan::limits::thousands;

use super::reader::{FileReport, History, SetAside};
use super::replay::{replay, Replay};
use super::summary::{summarise, Count, HistorySummary, Share, Spread};
use crate::plan::Plan;

/// Everything the CLI shows about a history read against a plan.
#[derive(Clone, Debug, Serialize)]
pub struct HistoryReport {
    pub summary: HistorySummary,
    pub replay: Replay,
    pub files: Vec<FileSeen>,
    pub set_aside: Vec<AsideSeen>,
}

/// What one file was read as (its name as given on the command line).
#[derive(Clone, Debug, Serialize)]
pub struct FileSeen {
    pub name: String,
    pub read_as: String,
    pub encoding: Option<String>,
    pub tickets: u64,
    pub mapping: Option<super::mapping::ColumnMapping>,
    pub questions: Vec<String>,
    pub assumed: Vec<String>,
}

/// Rows set aside for one reason, with the first examples.
#[derive(Clone, Debug, Serialize)]
pub struct AsideSeen {
    pub reason: String,
    pub rows: u64,
    pub examples: Vec<String>,
}

impl HistoryReport {
    /// The summary, replay and reading report of `history` under `plan`.
    pub fn of(history: &History, plan: &Plan) -> HistoryReport {
        HistoryReport {
            summary: summarise(history, zone_of(plan)),
            replay: replay(history, plan),
            files: history.files.iter().map(file_seen).collect(),
            set_aside: aside_seen(&history.set_aside),
        }
    }
}

/// The plan's home zone, or UTC when it names none.
pub fn zone_of(plan: &Plan) -> &str {
    match plan.header.time_zone.trim() {
        "" => "UTC",
        zone => zone,
    }
}

fn file_seen(file: &FileReport) -> FileSeen {
    FileSeen {
        name: file.name.clone(),
        read_as: file.read_as.clone(),
        encoding: file.encoding.map(|e| e.label().to_string()),
        tickets: file.tickets,
        mapping: file.mapping.clone(),
        questions: file.questions.iter().map(|q| q.words()).collect(),
        assumed: file.assumed.clone(),
    }
}

fn aside_seen(aside: &SetAside) -> Vec<AsideSeen> {
    aside
        .groups
        .iter()
        .map(|(reason, group)| AsideSeen {
            reason: reason.clone(),
            rows: group.count,
            examples: group
                .examples
                .iter()
                .map(|(row, why)| format!("row {row}: {why}"))
                .collect(),
        })
        .collect()
}

/// A replay row's attainment: "91.4 % (1,203 of 1,316)".
pub fn attainment_words(row: &super::replay::Attainment) -> String {
    format!(
        "{:.1} % ({} of {})",
        row.percent,
        thousands(row.met as usize),
        thousands(row.measured as usize)
    )
}

/// Minutes in words: `45m`, `2h 05m`, `3d 4h`.
pub fn minutes_words(minutes: u64) -> String {
    match minutes {
        0..=59 => format!("{minutes}m"),
        60..=1439 => format!("{}h {:02}m", minutes / 60, minutes % 60),
        _ => format!("{}d {}h", minutes / 1440, minutes % 1440 / 60),
    }
}

/// "91.4 % (1,203 of 1,316)".
pub fn share_words(share: &Share) -> String {
    format!(
        "{:.1} % ({} of {})",
        share.percent,
        thousands(share.count as usize),
        thousands(share.of as usize)
    )
}

/// "median 45m, 90th percentile 5h 10m (1,316 tickets)".
pub fn spread_words(spread: &Spread) -> String {
    format!(
        "median {}, 90th percentile {} ({} tickets)",
        minutes_words(spread.median_minutes),
        minutes_words(spread.p90_minutes),
        thousands(spread.tickets as usize)
    )
}

fn counts_words(counts: &[Count], total: u64) -> String {
    counts
        .iter()
        .map(|c| {
            let percent = c.tickets as f64 * 100.0 / total.max(1) as f64;
            format!(
                "{} {:.1} % ({})",
                c.name,
                percent,
                thousands(c.tickets as usize)
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

/// The busiest hour of a 168-hour week in words ("Mon 10:00–11:00").
pub fn hour_words(hour_of_week: usize) -> String {
    const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
    let hour = hour_of_week % 24;
    format!(
        "{} {:02}:00–{:02}:00",
        DAYS[hour_of_week / 24 % 7],
        hour,
        (hour + 1) % 24
    )
}

fn busiest(hours: &[u64]) -> Option<usize> {
    let most = *hours.iter().max()?;
    (most > 0).then(|| hours.iter().position(|&n| n == most).unwrap_or(0))
}

/// The lines of the report, each a (label, text) pair; both writers lay them out.
fn lines(report: &HistoryReport) -> Vec<(String, String)> {
    let s = &report.summary;
    let mut out: Vec<(String, String)> = Vec::new();
    let mut add = |label: &str, text: String| out.push((label.to_string(), text));
    for file in &report.files {
        let encoding = file
            .encoding
            .as_deref()
            .map_or(String::new(), |e| format!(", {e}"));
        add(
            "Read",
            format!(
                "{} as {}{encoding}: {} tickets",
                file.name,
                file.read_as,
                thousands(file.tickets as usize)
            ),
        );
        for question in &file.questions {
            add("Question", question.clone());
        }
        for assumed in &file.assumed {
            add("Assumed", assumed.clone());
        }
    }
    for aside in &report.set_aside {
        add(
            "Set aside",
            format!(
                "{} rows ({}): {}",
                thousands(aside.rows as usize),
                aside.reason,
                aside.examples.join("; ")
            ),
        );
    }
    if let Some(period) = &s.period {
        add(
            "Period",
            format!(
                "{} to {} ({} days), times in {}",
                period.from, period.to, period.days, s.time_zone
            ),
        );
    }
    add(
        "Volume",
        format!(
            "{} tickets, {} a month",
            thousands(s.tickets as usize),
            thousands(s.monthly_volume.round() as usize)
        ),
    );
    let months: Vec<String> = s
        .by_month
        .iter()
        .map(|c| format!("{} {}", c.name, thousands(c.tickets as usize)))
        .collect();
    if !months.is_empty() {
        add("By month", months.join(" · "));
    }
    for (label, counts) in [
        ("By channel", &s.by_channel),
        ("By priority", &s.by_priority),
        ("By category", &s.by_category),
        ("By organisation", &s.by_organisation),
    ] {
        if !counts.is_empty() {
            add(label, counts_words(counts, s.tickets));
        }
    }
    if let Some(hour) = busiest(&s.arrivals) {
        add(
            "Busiest hour",
            format!(
                "{} ({} tickets over the period)",
                hour_words(hour),
                thousands(s.arrivals[hour] as usize)
            ),
        );
    }
    summary_times(s, &report.replay, &mut add);
    replay_lines(&report.replay, &mut add);
    out
}

fn summary_times(s: &HistorySummary, r: &Replay, add: &mut impl FnMut(&str, String)) {
    let calendar = r.calendar.as_deref().unwrap_or("");
    let timed = [
        ("First reply", &s.first_reply, &r.first_reply_business),
        ("Resolution", &s.resolution, &r.resolution_business),
    ];
    for (label, calendar_time, business) in timed {
        if let Some(spread) = calendar_time {
            add(label, format!("calendar time: {}", spread_words(spread)));
        }
        if let Some(spread) = business {
            add(
                label,
                format!("business time on \"{calendar}\": {}", spread_words(spread)),
            );
        }
    }
    for comparison in &r.helpdesk_comparison {
        add(
            "Helpdesk's minutes",
            format!(
                "{}: the plan's calendar \"{calendar}\" counts a median of {} business minutes, the helpdesk {} (plan minus helpdesk {:+.1} minutes on average; {} agree within 5 minutes)",
                comparison.metric.label(),
                comparison.plan_median_minutes,
                comparison.helpdesk_median_minutes,
                comparison.mean_difference_minutes,
                share_words(&comparison.agree)
            ),
        );
    }
    for (label, share) in [
        ("Reopened", &s.reopened),
        ("Repeat contacts (7 days)", &s.repeat_contacts),
        ("One-touch resolution", &s.one_touch),
        ("CSAT (good of rated)", &s.csat),
    ] {
        if let Some(share) = share {
            add(label, share_words(share));
        }
    }
}

/// "keywords classify 50.0 % (1 of 2); most frequent unclassified tags: billing (1)", and the
/// words of their types when the export has types.
pub fn coverage_words(coverage: &super::Coverage) -> String {
    let listed = |counts: &[super::Count]| {
        let names: Vec<String> = counts
            .iter()
            .take(10)
            .map(|c| format!("{} ({})", c.name, thousands(c.tickets as usize)))
            .collect();
        if names.is_empty() {
            "none".to_string()
        } else {
            names.join(", ")
        }
    };
    let words = if coverage.top_unclassified_words.is_empty() {
        String::new()
    } else {
        format!(
            "; most frequent words in their types: {}",
            listed(&coverage.top_unclassified_words)
        )
    };
    format!(
        "keywords classify {}; most frequent unclassified tags: {}{words}",
        share_words(&coverage.classified),
        listed(&coverage.top_unclassified)
    )
}

fn replay_lines(r: &Replay, add: &mut impl FnMut(&str, String)) {
    if let Some(coverage) = &r.taxonomy {
        add("Taxonomy coverage", coverage_words(coverage));
    }
    for row in &r.attainment {
        let without = if row.without_time > 0 {
            format!("; {} without a time", thousands(row.without_time as usize))
        } else {
            String::new()
        };
        add(
            "Replay",
            format!(
                "{} · {} · {} within {} ({}): {}{without}",
                row.policy,
                row.priority,
                row.metric.label(),
                row.target,
                row.calendar,
                attainment_words(row)
            ),
        );
    }
    if let Some(hour) = busiest(&r.breaches_by_hour) {
        add(
            "Most breaches",
            format!(
                "tickets arriving {} ({} breached)",
                hour_words(hour),
                thousands(r.breaches_by_hour[hour] as usize)
            ),
        );
    }
    for note in &r.notes {
        add("Note", note.clone());
    }
}

/// The report as plain text.
pub fn to_text(report: &HistoryReport) -> String {
    let mut out = String::from("TICKET HISTORY: TODAY, MEASURED\n\n");
    for (label, text) in lines(report) {
        let _ = writeln!(out, "{label}: {text}");
    }
    out
}

/// The report as Markdown.
pub fn to_markdown(report: &HistoryReport) -> String {
    let mut out = String::from("# Today, measured\n\n");
    for (label, text) in lines(report) {
        let _ = writeln!(out, "- **{label}:** {}", text.replace('*', "\\*"));
    }
    out
}
