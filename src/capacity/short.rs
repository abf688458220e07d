//! Short hours: where the roster a month runs with (whole people per pool) does not meet the
//! need. One test for the Capacity view, the what-if and the rules, so that a team of the plan's
//! "needed" figure is never shown short.
//!
//! - A live channel (chat, phone) must have its need on shift in that very hour: a contact not
//!   answered then has waited too long.
//! - Deferred work (email, a portal, the escalation tier's tickets) waits for the next hour: a
//!   need of 2.1 agents met by 2 in one hour and 3 in the next is not short. Such a pool is short
//!   once it is more than one agent-hour behind on its work (a surplus is not banked: an hour
//!   with more people than work does not do the next hour's).
//!
//! With a pool's own head-count (`staffing`) its roster is never short by this test: a live
//! pool's roster of whole people scaled up by at least 1 never drops below its whole need, and a
//! deferred pool's shortfall stays under the fraction its roster carries to the next hour (< 1).

use super::simulation::PoolSummary;
use super::staffing::StaffingPlan;

/// Work behind (agent-hours) beyond which deferred work counts as short.
const BEHIND: f64 = 1.0;
/// Rounding slack, so 2 × 0.999… agents are 2.
const SLACK: f64 = 1e-6;

/// The hours of the week (0 = Monday 00:00) in which some pool is short.
pub fn short_hours(need: &StaffingPlan, pools: &[PoolSummary]) -> Vec<usize> {
    let mut short: Vec<usize> = pools
        .iter()
        .flat_map(|pool| pool_short(need, pool))
        .collect();
    short.sort_unstable();
    short.dedup();
    short
}

/// The hours one pool is short: a channel's desks against its need, the escalation tier's
/// pool (no channel) against the tier's.
pub fn pool_short(need: &StaffingPlan, pool: &PoolSummary) -> Vec<usize> {
    let (required, live) = match pool.channel {
        Some(index) => match need.channels.iter().find(|c| c.index == index) {
            Some(channel) => (channel.required.as_slice(), channel.live),
            None => return Vec::new(),
        },
        None => (need.escalation.required.as_slice(), false),
    };
    short_against(required, &pool.on_shift, live)
}

/// The hours `on_shift` falls short of `required`, live or deferred (see the module's notes).
pub fn short_against(required: &[f64], on_shift: &[u32], live: bool) -> Vec<usize> {
    let mut behind = 0.0_f64;
    required
        .iter()
        .zip(on_shift)
        .enumerate()
        .filter_map(|(hour, (&need, &people))| {
            let people = f64::from(people);
            let short = if live {
                people + SLACK < need
            } else {
                behind = (behind + need - people).max(0.0);
                behind > BEHIND + SLACK
            };
            short.then_some(hour)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_live_hour_is_short_by_one_agent_and_deferred_work_when_it_falls_an_hour_behind() {
        // Live: 2 needed, 1 on shift in the second hour.
        assert_eq!(short_against(&[2.0, 2.0, 2.0], &[2, 1, 2], true), [1]);
        // Deferred: 2.5 needed each hour. 2 then 3 then 2 then 3: behind 0.5, 0, 0.5, 0 — never
        // short. 2, 2, 2: behind 0.5, 1.0, 1.5 — short in the third hour only.
        assert!(short_against(&[2.5; 4], &[2, 3, 2, 3], false).is_empty());
        assert_eq!(short_against(&[2.5; 3], &[2, 2, 2], false), [2]);
        // A surplus is not banked: 5 people in the first hour do not cover two empty ones.
        assert_eq!(short_against(&[1.0; 3], &[5, 0, 0], false), [2]);
    }
}
