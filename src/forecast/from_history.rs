//! The forecast's input from a plan's measured history: the months from the first to the last
//! (months without a ticket counted as 0), each plan channel's tickets a month taken as the
//! month's total times the channel's share of the whole period (the summary keeps months and
//! channels apart, not crossed), the export's channels mapped to the plan's by name, else kind.

use crate::history::plan_channel;
use crate::plan::{HistorySummary, Plan};

use super::MonthlySeries;

/// "2025-03" as (2025, 3).
fn month_of(name: &str) -> Option<(i32, u32)> {
    let (year, month) = name.split_once('-')?;
    let month: u32 = month.parse().ok()?;
    (1..=12)
        .contains(&month)
        .then_some((year.parse().ok()?, month))
}

/// The monthly series of `summary`, per plan channel (export channels the plan lacks keep the
/// export's name). Empty when the history has no months.
pub fn series_from_history(summary: &HistorySummary, plan: &Plan) -> MonthlySeries {
    let counted: Vec<((i32, u32), f64)> = summary
        .by_month
        .iter()
        .filter_map(|c| Some((month_of(&c.name)?, c.tickets as f64)))
        .collect();
    let (Some(first), Some(last)) = (counted.first(), counted.last()) else {
        return MonthlySeries::default();
    };
    let mut months = vec![first.0];
    while let Some(&at) = months.last() {
        if at >= last.0 || months.len() > 1200 {
            break;
        }
        months.push(if at.1 == 12 {
            (at.0 + 1, 1)
        } else {
            (at.0, at.1 + 1)
        });
    }
    let totals: Vec<f64> = months
        .iter()
        .map(|m| {
            counted
                .iter()
                .find(|(c, _)| c == m)
                .map_or(0.0, |(_, n)| *n)
        })
        .collect();
    let mut shares: Vec<(String, f64)> = Vec::new();
    let whole = summary.tickets.max(1) as f64;
    for channel in &summary.by_channel {
        let name = plan_channel(plan, &channel.name)
            .map_or(channel.name.clone(), |i| plan.channels[i].name.clone());
        let share = channel.tickets as f64 / whole;
        match shares.iter_mut().find(|(n, _)| *n == name) {
            Some((_, s)) => *s += share,
            None => shares.push((name, share)),
        }
    }
    if shares.is_empty() {
        shares.push(("All channels".to_string(), 1.0));
    }
    MonthlySeries {
        per_channel: shares
            .into_iter()
            .map(|(name, share)| (name, totals.iter().map(|t| t * share).collect()))
            .collect(),
        months,
        events: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Count;

    #[test]
    fn months_are_filled_and_channels_mapped_to_the_plans() {
        let plan = crate::plan::templates::by_id("b2b-saas").unwrap();
        let count = |name: &str, tickets| Count {
            name: name.into(),
            tickets,
        };
        let summary = HistorySummary {
            tickets: 40,
            // No ticket in February: it counts as 0.
            by_month: vec![count("2025-01", 10), count("2025-03", 30)],
            // "email" is the plan's Email; "web" is a portal: the Help Center portal.
            by_channel: vec![count("email", 30), count("web", 10)],
            ..HistorySummary::default()
        };
        let series = series_from_history(&summary, &plan);
        assert_eq!(series.months, vec![(2025, 1), (2025, 2), (2025, 3)]);
        // Email is 30 of 40 tickets: 3/4 of each month's total.
        assert_eq!(
            series.per_channel,
            vec![
                ("Email".to_string(), vec![7.5, 0.0, 22.5]),
                ("Help Center portal".to_string(), vec![2.5, 0.0, 7.5]),
            ]
        );
    }
}
