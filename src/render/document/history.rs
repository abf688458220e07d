//! The History part ("Today, Measured"): the period and volume of the ticket export the plan was
//! measured from, the baselines it gives, and the replay of those tickets against the plan's SLA
//! targets when the caller has it (the tickets never enter the plan, so a document built from a
//! saved plan alone says where the replay comes from instead).

use std::borrow::Cow;

use super::words::{columns, fact, facts, heading, paragraph, table};
use super::{Block, FactStyle};
use crate::history::{attainment_words, hour_words, share_words, spread_words, Replay};
use crate::plan::limits::thousands;
use crate::plan::{HistorySummary, Plan};

/// The part's heading and body; nothing when the plan holds no measured history.
pub(super) fn history_part<'a>(plan: &'a Plan, replay: Option<&Replay>) -> Vec<Block<'a>> {
    let Some(summary) = &plan.history else {
        return Vec::new();
    };
    let mut blocks = vec![heading(2, "Today, Measured")];
    blocks.push(facts(FactStyle::Bulleted, period_facts(summary)));
    let baselines = baseline_facts(summary);
    if !baselines.is_empty() {
        blocks.push(heading(3, "Baselines"));
        blocks.push(facts(FactStyle::Bulleted, baselines));
    }
    blocks.push(heading(3, "Replay Against This Plan"));
    blocks.extend(replay_blocks(replay));
    blocks
}

fn period_facts(summary: &HistorySummary) -> Vec<super::Fact<'static>> {
    let mut list = vec![fact("Measured From", summary.sources.join(", "))];
    if let Some(period) = summary.period {
        list.push(fact(
            "Period",
            format!("{} to {} ({} days)", period.from, period.to, period.days),
        ));
    }
    list.push(fact(
        "Tickets",
        format!(
            "{} ({} a month)",
            thousands(summary.tickets as usize),
            thousands(summary.monthly_volume.round() as usize)
        ),
    ));
    if summary.rows_set_aside > 0 {
        list.push(fact(
            "Rows Not Read",
            thousands(summary.rows_set_aside as usize),
        ));
    }
    let most = summary.arrivals.iter().copied().max().unwrap_or(0);
    if let Some(hour) = summary.arrivals.iter().position(|&n| n == most && n > 0) {
        list.push(fact(
            "Busiest Hour",
            format!(
                "{} ({} tickets over the period, times in {})",
                hour_words(hour),
                thousands(most as usize),
                summary.time_zone
            ),
        ));
    }
    if !summary.by_channel.is_empty() {
        let total = summary.tickets.max(1) as f64;
        let channels: Vec<String> = summary
            .by_channel
            .iter()
            .map(|c| format!("{} {:.1} %", c.name, c.tickets as f64 * 100.0 / total))
            .collect();
        list.push(fact("By Channel", channels.join(" · ")));
    }
    list
}

fn baseline_facts(summary: &HistorySummary) -> Vec<super::Fact<'static>> {
    let mut list = Vec::new();
    for (label, spread) in [
        ("First Reply (calendar time)", &summary.first_reply),
        ("Resolution (calendar time)", &summary.resolution),
    ] {
        if let Some(spread) = spread {
            list.push(fact(label, spread_words(spread)));
        }
    }
    for (label, share) in [
        ("Reopened", &summary.reopened),
        ("Repeat Contacts (7 days)", &summary.repeat_contacts),
        ("One-Touch Resolution", &summary.one_touch),
        ("CSAT (good of rated)", &summary.csat),
    ] {
        if let Some(share) = share {
            list.push(fact(label, share_words(share)));
        }
    }
    list
}

fn replay_blocks(replay: Option<&Replay>) -> Vec<Block<'static>> {
    let Some(replay) = replay else {
        return vec![paragraph(
            "The tickets themselves are not kept in the plan: read the export again on the \
             Today, measured page (or with `support-ops history`) to replay it against these \
             targets.",
        )];
    };
    if replay.attainment.is_empty() {
        return vec![paragraph("No SLA target could be replayed.")];
    }
    let rows = replay
        .attainment
        .iter()
        .map(|row| {
            vec![
                Cow::Owned(row.policy.clone()),
                Cow::Owned(row.priority.clone()),
                Cow::Borrowed(row.metric.label()),
                Cow::Owned(format!("{} ({})", row.target, row.calendar)),
                Cow::Owned(attainment_words(row)),
            ]
        })
        .collect();
    vec![table(
        "Replay of the measured tickets against the SLA targets",
        "targets",
        columns(&["Policy", "Priority", "Metric", "Target", "Met"], &["Met"]),
        rows,
    )]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::{HistoryReader, ReadOptions};
    use crate::plan::Section;
    use crate::render::document::{document, Inputs, Layout};
    use crate::render::markdown;

    /// Two tickets on the b2b-saas plan (home zone New York, High first response 1h on US
    /// business hours Mon–Fri 08:00–20:00): Mon 09:00 answered 09:20 (met), Thu 19:00 answered
    /// Fri 10:30 (60 + 150 = 210 business minutes: missed) — 50.0 % (1 of 2).
    const TWO: &str = "Opened,First reply at,Priority,Channel\n\
        2025-03-03T09:00:00-05:00,2025-03-03T09:20:00-05:00,High,Email\n\
        2025-03-06T19:00:00-05:00,2025-03-07T10:30:00-05:00,High,Email\n";

    fn measured_plan() -> (Plan, Replay) {
        let mut plan = crate::plan::templates::by_id("b2b-saas").unwrap();
        let mut reader = HistoryReader::new(ReadOptions::default());
        reader.feed(TWO.as_bytes()).unwrap();
        let read = reader.finish().unwrap();
        plan.history = Some(crate::history::summarise(&read, "America/New_York"));
        let replay = crate::history::replay(&read, &plan);
        (plan, replay)
    }

    #[test]
    fn the_history_part_shows_period_baselines_and_the_replay() {
        let (plan, replay) = measured_plan();
        let blocks = history_part(&plan, Some(&replay));
        let text = format!("{blocks:?}");
        assert!(text.contains("2025-03-03 to 2025-03-06 (4 days)"), "{text}");
        // Calendar minutes 20 and 930: the median (nearest rank, 1st of 2) is 20.
        assert!(text.contains("median 20m"), "{text}");
        assert!(text.contains("50.0 % (1 of 2)"), "{text}");
    }

    #[test]
    fn a_plan_alone_says_where_the_replay_comes_from() {
        let (plan, _) = measured_plan();
        let doc = document(&plan, Section::Full, Layout::Detailed, Inputs::default());
        let mut md = String::new();
        markdown::write_document(&mut md, &doc);
        assert!(md.contains("## Today, Measured"), "{md}");
        assert!(md.contains("read the export again"), "{md}");
        let bare = crate::plan::templates::by_id("b2b-saas").unwrap();
        let doc = document(&bare, Section::Full, Layout::Detailed, Inputs::default());
        let mut bare_md = String::new();
        markdown::write_document(&mut bare_md, &doc);
        assert!(!bare_md.contains("Today, Measured"));
    }
}
