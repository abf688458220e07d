//! What-if scenarios: the plan with more or less volume, another team size or other handle times,
//! worked out without touching the plan, and written into it as one change when applied.

use crate::plan::{Duration, Plan};

/// Volume growth the what-if offers, in percent.
pub const VOLUME_CHANGE_RANGE: (f64, f64) = (-50.0, 200.0);
/// Handle-time change the what-if offers, in percent.
pub const HANDLE_TIME_CHANGE_RANGE: (f64, f64) = (-50.0, 100.0);

/// A scenario: changes to the plan's volume, team and handle times.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scenario {
    /// Monthly volume grows (or shrinks) by this many percent (−50 … +200).
    pub volume_change: f64,
    /// The team size to try.
    pub team_size: u32,
    /// Every channel's handle time changes by this many percent (−50 … +100).
    pub handle_time_change: f64,
}

impl Scenario {
    /// The scenario that changes nothing: the plan as it is.
    pub fn of(plan: &Plan) -> Scenario {
        Scenario {
            volume_change: 0.0,
            team_size: plan.header.team_size,
            handle_time_change: 0.0,
        }
    }

    /// The plan as the scenario has it. Handle times are whole minutes, as the plan stores them,
    /// so the figures shown for a scenario are those of the plan "Apply" writes.
    pub fn applied_to(&self, plan: &Plan) -> Plan {
        let mut changed = plan.clone();
        let volume = self
            .volume_change
            .clamp(VOLUME_CHANGE_RANGE.0, VOLUME_CHANGE_RANGE.1);
        if volume != 0.0 {
            let grown = f64::from(plan.header.monthly_volume) * (1.0 + volume / 100.0);
            changed.header.monthly_volume = grown.round().clamp(0.0, f64::from(u32::MAX)) as u32;
        }
        changed.header.team_size = self.team_size;
        let handle = self
            .handle_time_change
            .clamp(HANDLE_TIME_CHANGE_RANGE.0, HANDLE_TIME_CHANGE_RANGE.1);
        if handle != 0.0 {
            for channel in &mut changed.channels {
                let minutes = channel.handle_time.open_minutes(24 * 60) as f64;
                if minutes > 0.0 {
                    let new = (minutes * (1.0 + handle / 100.0)).round().max(1.0);
                    channel.handle_time = Duration::minutes(new.min(f64::from(u32::MAX)) as u32);
                }
            }
        }
        changed
    }

    /// Whether the scenario changes nothing in `plan`.
    pub fn changes_nothing(&self, plan: &Plan) -> bool {
        self.applied_to(plan) == *plan
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Channel, ChannelKind};

    fn plan() -> Plan {
        let mut plan = Plan::blank();
        plan.header.monthly_volume = 10_000;
        plan.header.team_size = 12;
        plan.channels.push(Channel {
            name: "Phone".into(),
            kind: ChannelKind::Phone,
            handle_time: Duration::minutes(6),
            ..Channel::default()
        });
        plan
    }

    #[test]
    fn the_plain_scenario_is_the_plan() {
        let plan = plan();
        assert_eq!(Scenario::of(&plan).applied_to(&plan), plan);
        assert!(Scenario::of(&plan).changes_nothing(&plan));
    }

    #[test]
    fn growth_team_and_handle_time_land_in_the_plan() {
        let plan = plan();
        let scenario = Scenario {
            volume_change: 50.0,
            team_size: 20,
            handle_time_change: -25.0,
        };
        let changed = scenario.applied_to(&plan);
        assert_eq!(changed.header.monthly_volume, 15_000);
        assert_eq!(changed.header.team_size, 20);
        // 6 min × 0.75 = 4.5 min, stored as whole minutes: 5 min (4.5 rounds half away from 0).
        assert_eq!(changed.channels[0].handle_time, Duration::minutes(5));
        // Out-of-range changes are held to the offered range: −80 % reads as −50 %.
        let halved = Scenario {
            volume_change: -80.0,
            ..Scenario::of(&plan)
        };
        assert_eq!(halved.applied_to(&plan).header.monthly_volume, 5_000);
    }
}
