//! One-click helpers from a measured history to the plan, as pure functions the designer applies
//! as one undo step: Capacity's arrival profile and the channel mix, and the success metrics'
//! baselines (each with the period and source it was measured over).

use crate::plan::{Duration, HistorySummary, Plan};

use super::replay::plan_channel;
use super::summary::HOURS_PER_WEEK;

/// Arrivals per hour of the week as Capacity's relative profile (168 values averaging 1.0);
/// `None` without arrivals.
pub fn arrival_profile(hours: &[u64]) -> Option<Vec<f64>> {
    let total: u64 = hours.iter().sum();
    if hours.len() != HOURS_PER_WEEK || total == 0 {
        return None;
    }
    let mean = total as f64 / HOURS_PER_WEEK as f64;
    Some(
        hours
            .iter()
            .map(|&n| (n as f64 / mean * 1000.0).round() / 1000.0)
            .collect(),
    )
}

/// Each plan channel's share of tickets in percent (one decimal) and its own arrival profile,
/// from the export's channels mapped to the plan's (same name, else same kind). Channels the
/// export does not name get no row.
pub fn channel_mix(summary: &HistorySummary, plan: &Plan) -> Vec<ChannelFromHistory> {
    let mut hours = vec![vec![0u64; HOURS_PER_WEEK]; plan.channels.len()];
    for arrivals in &summary.arrivals_by_channel {
        if let Some(index) = plan_channel(plan, &arrivals.channel) {
            for (sum, n) in hours[index].iter_mut().zip(&arrivals.per_hour) {
                *sum += n;
            }
        }
    }
    let total = summary.tickets.max(1) as f64;
    hours
        .into_iter()
        .enumerate()
        .filter_map(|(channel, per_hour)| {
            let tickets: u64 = per_hour.iter().sum();
            Some(ChannelFromHistory {
                channel,
                volume_share: (tickets as f64 * 1000.0 / total).round() / 10.0,
                arrival_profile: arrival_profile(&per_hour)?,
            })
        })
        .collect()
}

/// A plan channel's figures from the history.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelFromHistory {
    /// Index into `plan.channels`.
    pub channel: usize,
    pub volume_share: f64,
    pub arrival_profile: Vec<f64>,
}

/// Success-metric baselines measured from the history.
#[derive(Clone, Debug, PartialEq)]
pub struct Baselines {
    /// Median first reply, calendar time.
    pub first_response: Option<Duration>,
    /// Median resolution, calendar time.
    pub resolution: Option<Duration>,
    /// Percent good of rated.
    pub csat: Option<f64>,
    /// One-touch resolution, percent.
    pub first_contact_resolution: Option<f64>,
    /// "Zendesk CSV export, 2025-01-01 to 2025-12-31 (1,000,000 tickets)".
    pub source: String,
}

/// The baselines a history gives the success metrics.
pub fn baselines(summary: &HistorySummary) -> Baselines {
    // Whole hours are written in hours (`2h`), as a person would type them.
    let minutes = |m: u64| {
        let m = u32::try_from(m).unwrap_or(u32::MAX);
        if m >= 60 && m % 60 == 0 {
            Duration::hours(m / 60)
        } else {
            Duration::minutes(m)
        }
    };
    let period = summary
        .period
        .map_or(String::new(), |p| format!(", {} to {}", p.from, p.to));
    Baselines {
        first_response: summary.first_reply.map(|s| minutes(s.median_minutes)),
        resolution: summary.resolution.map(|s| minutes(s.median_minutes)),
        csat: summary.csat.map(|s| s.percent),
        first_contact_resolution: summary.one_touch.map(|s| s.percent),
        source: format!(
            "{}{period} ({} tickets)",
            summary.sources.join(", "),
            crate::plan::limits::thousands(summary.tickets as usize)
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arrivals_become_a_profile_averaging_one() {
        let mut hours = vec![0u64; HOURS_PER_WEEK];
        // 336 tickets, all Monday 09:00–10:00: a mean of 2 an hour, so that hour is 168.0.
        hours[9] = 336;
        let profile = arrival_profile(&hours).unwrap();
        assert_eq!(profile[9], 168.0);
        assert_eq!(profile.iter().sum::<f64>(), 168.0);
        assert!(crate::capacity::profile::is_usable(&profile));
        assert_eq!(arrival_profile(&[0; HOURS_PER_WEEK]), None);
    }
}
