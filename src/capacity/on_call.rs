//! On-call cover: the hours of a channel an on-call rotation answers instead of agents at desks,
//! the contacts and work it expects there, and how many people at once that work needs.
//!
//! - The rotation covers its calendar's hours within the channel's open hours (all of them when it
//!   names no calendar). An hour it covers at all is counted on call: no desk agents then.
//! - Its contacts are the ones it states (per on-call hour, or per week spread over its hours by
//!   the channel's arrival pattern), else the channel's own arrivals in those hours.
//! - Its work in an hour is contacts × handle time (Erlangs); the busiest hour's work at most the
//!   plan-wide occupancy needs ceil(work / occupancy) people on call at once (at least 1).

use crate::plan::{ContactsPer, OnCall};

/// What a channel's on-call rotation covers and expects.
#[derive(Clone, Debug, PartialEq)]
pub struct OnCallCover {
    /// Who is on the rotation: a tier or a role, as the plan writes it.
    pub rotation: String,
    /// People on call at once, as the plan says.
    pub people: u32,
    /// The calendar whose hours it covers; empty = the channel's own hours.
    pub hours: String,
    /// Fraction of each hour of the week it covers (0–1).
    pub covered: Vec<f64>,
    /// Contacts it expects in each hour of the week.
    pub contacts: Vec<f64>,
    /// Whether the plan states the contacts (else they are the channel's share of the volume).
    pub stated: bool,
    /// Time one contact takes, seconds.
    pub handle_seconds: f64,
    /// The busiest hour's work in Erlangs (contacts × handle time / 3600), and that hour.
    pub peak_load: f64,
    pub peak_hour: usize,
    /// People the busiest hour's work needs on call at once.
    pub people_needed: u32,
}

impl OnCallCover {
    /// Hours of the week it covers.
    pub fn weekly_hours(&self) -> f64 {
        self.covered.iter().sum()
    }

    /// Contacts it expects in a week.
    pub fn weekly_contacts(&self) -> f64 {
        self.contacts.iter().sum()
    }

    /// Whether it covers any of this hour of the week.
    pub fn covers(&self, hour: usize) -> bool {
        self.covered.get(hour).is_some_and(|c| *c > 0.0)
    }
}

/// What one channel brings to its rotation: when it is open, its arrivals, its contacts and
/// handle time, and the occupancy the plan allows.
pub(super) struct ChannelLoad<'a> {
    pub open: &'a [f64],
    pub arrivals: &'a [f64],
    pub weekly_contacts: f64,
    pub handle_seconds: f64,
    pub max_occupancy: f64,
}

/// The rotation's cover of a channel, given the hours its calendar is open (`own_hours`, `None`
/// for the channel's own).
pub(super) fn cover(
    on_call: &OnCall,
    own_hours: Option<&[f64]>,
    load: &ChannelLoad,
) -> OnCallCover {
    let covered: Vec<f64> = match own_hours {
        Some(hours) => load
            .open
            .iter()
            .zip(hours)
            .map(|(open, own)| open.min(*own))
            .collect(),
        None => load.open.to_vec(),
    };
    let handle_seconds = on_call.handle_time.map_or(load.handle_seconds, |d| {
        d.open_minutes(24 * 60) as f64 * 60.0
    });
    let stated = on_call
        .expected_contacts
        .filter(|c| c.is_finite() && *c >= 0.0);
    let contacts = match stated {
        Some(per_hour) if on_call.per == ContactsPer::Hour => {
            covered.iter().map(|c| per_hour * c).collect()
        }
        Some(weekly) => spread(weekly, &covered, load.arrivals),
        None => covered
            .iter()
            .zip(load.open)
            .zip(load.arrivals)
            .map(|((covered, open), share)| {
                if *open > 0.0 {
                    load.weekly_contacts * share * (covered / open).min(1.0)
                } else {
                    0.0
                }
            })
            .collect(),
    };
    let (peak_hour, peak_contacts) = contacts.iter().copied().enumerate().fold(
        (0, 0.0),
        |best, (h, c)| if c > best.1 { (h, c) } else { best },
    );
    let peak_load = peak_contacts * handle_seconds / 3600.0;
    let people_needed = ((peak_load / load.max_occupancy.max(0.01)).ceil() as u32).max(1);
    OnCallCover {
        rotation: on_call.rotation.clone(),
        people: on_call.people,
        hours: on_call.hours.clone(),
        covered,
        contacts,
        stated: stated.is_some(),
        handle_seconds,
        peak_load,
        peak_hour,
        people_needed,
    }
}

/// `weekly` contacts over the covered hours, by the arrival pattern there (evenly by cover when
/// the pattern has no arrivals in those hours).
fn spread(weekly: f64, covered: &[f64], arrivals: &[f64]) -> Vec<f64> {
    let weights: Vec<f64> = covered.iter().zip(arrivals).map(|(c, a)| c * a).collect();
    let weights = if weights.iter().sum::<f64>() > 0.0 {
        weights
    } else {
        covered.to_vec()
    };
    let total: f64 = weights.iter().sum();
    weights
        .iter()
        .map(|w| if total > 0.0 { weekly * w / total } else { 0.0 })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Duration;

    /// A line open around the clock with a flat pattern: 168 open hours, each 1/168 of arrivals.
    fn flat<'a>(open: &'a [f64], arrivals: &'a [f64]) -> ChannelLoad<'a> {
        ChannelLoad {
            open,
            arrivals,
            weekly_contacts: 84.0,
            handle_seconds: 600.0,
            max_occupancy: 0.85,
        }
    }

    #[test]
    fn the_channels_own_contacts_fill_the_rotation_by_default() {
        let open = vec![1.0; 168];
        let arrivals = vec![1.0 / 168.0; 168];
        let cover = cover(&OnCall::default(), None, &flat(&open, &arrivals));
        // 84 contacts a week over 168 hours = 0.5 an hour; 0.5 × 10 min = 5 minutes of work an
        // hour = 0.083 Erlangs: one person on call is plenty.
        assert!((cover.weekly_contacts() - 84.0).abs() < 1e-9);
        assert!((cover.peak_load - 0.5 * 600.0 / 3600.0).abs() < 1e-9);
        assert_eq!(cover.people_needed, 1);
        assert_eq!(cover.weekly_hours(), 168.0);
    }

    #[test]
    fn stated_contacts_per_hour_and_own_hours_size_the_rotation() {
        let open = vec![1.0; 168];
        let arrivals = vec![1.0 / 168.0; 168];
        // Nights only: 00:00–08:00 every day.
        let nights: Vec<f64> = (0..168).map(|h| f64::from(u8::from(h % 24 < 8))).collect();
        let on_call = OnCall {
            people: 1,
            expected_contacts: Some(6.0),
            per: ContactsPer::Hour,
            handle_time: Some(Duration::minutes(20)),
            ..OnCall::default()
        };
        let cover = cover(&on_call, Some(&nights), &flat(&open, &arrivals));
        // 6 contacts × 20 min = 2 Erlangs an hour; at most 85 % busy: 2 / 0.85 = 2.35 → 3 people.
        assert_eq!(cover.weekly_hours(), 56.0);
        assert!((cover.weekly_contacts() - 6.0 * 56.0).abs() < 1e-9);
        assert_eq!(cover.people_needed, 3);
        assert!(cover.covers(3) && !cover.covers(9));
    }
}
