//! Head-count from the plan: offered load per channel and hour of the week (168 hours from Monday
//! 00:00 in the plan's home zone), Erlang C for live channels, a workload model for deferred ones.
//!
//! Assumptions, all visible to the user:
//! - Weekly contacts = `header.monthly_volume` × `volume_share` % × 12 / 52; chat volume is reduced
//!   by the chatbot's containment, if the plan sets one.
//! - Arrivals follow `staffing.arrival_profile` when it has 168 values; otherwise a daytime shape
//!   (busy 09:00–17:00, quiet nights, weekends at 40 %). Live channels (chat, phone) only receive
//!   contacts while open; deferred ones (email, portal, social, community, other) any time.
//! - Live: answer target = first response of the *target priority* — the priority with the most
//!   taxonomy volume, else one called "Normal", else the middle one. Chat concurrency c divides
//!   the handle time (an agent with c chats clears contacts c times as fast), the usual
//!   approximation; it ignores that concurrent chats each take a little longer.
//! - Deferred: the week's work (contacts × handle time) is spread evenly over the channel's open
//!   hours, with agents busy at most `max_occupancy` of the time.
//! - Head-count = the larger of the agents on shift at the busiest hour and the week's agent-hours
//!   over a 40-hour week, both grossed up for shrinkage: ceil(N / (1 − shrinkage)).

use crate::plan::{Calendar, ChannelKind, Date, Duration, Plan};

use super::business::{business_minutes_in_steps, Instant, MINUTES_PER_DAY};
use super::erlang::{scheduled, LiveDemand};
use super::zones::Zone;
use super::CapacityError;

/// Hours in a week.
pub const WEEK_HOURS: usize = 168;
/// Paid hours of one agent in a week.
pub const PAID_HOURS_PER_WEEK: f64 = 40.0;
/// Weeks in a month on average (52 / 12).
pub const WEEKS_PER_MONTH: f64 = 52.0 / 12.0;

/// The staffing a plan needs, per channel and for the whole team.
#[derive(Clone, Debug, PartialEq)]
pub struct StaffingPlan {
    pub channels: Vec<ChannelStaffing>,
    /// Agents needed on shift, all channels together, per hour of the week.
    pub on_duty: Vec<f64>,
    /// The busiest hour's on-shift need and its hour of the week.
    pub peak_on_duty: f64,
    pub peak_hour: usize,
    /// Head-count the plan needs, after shrinkage.
    pub head_count: u32,
    /// Head-count the plan has (`header.team_size`).
    pub team_size: u32,
    /// The priority whose first response sets live channels' answer target.
    pub target_priority: Option<String>,
    /// Things assumed because the plan left them open, in words.
    pub notes: Vec<String>,
}

/// One channel's staffing.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelStaffing {
    /// Index into `plan.channels`.
    pub index: usize,
    pub name: String,
    pub kind: ChannelKind,
    pub live: bool,
    pub weekly_contacts: f64,
    /// Relative arrivals per hour of the week (sum 1, or all zero without volume).
    pub arrivals: Vec<f64>,
    /// Fraction of each hour of the week the channel is open (0–1).
    pub open: Vec<f64>,
    /// Agents needed on shift per hour of the week (whole numbers for live channels).
    pub required: Vec<f64>,
    pub peak: f64,
    pub peak_hour: usize,
    /// Agent-hours of work a week (on shift).
    pub agent_hours: f64,
    /// ceil(peak / (1 − shrinkage)).
    pub scheduled_at_peak: u32,
    /// Head-count this channel alone needs.
    pub head_count: u32,
    /// Live channels: the answer-within target used.
    pub answer_within: Option<Duration>,
}

/// A Monday to start the reference week on (no DST change in it in either hemisphere).
const REFERENCE_MONDAY: (i32, u8, u8) = (2026, 1, 5);

/// The relative arrival rate at an hour of the day when the plan gives no profile.
const DAYTIME_SHAPE: [f64; 24] = [
    0.15, 0.1, 0.1, 0.1, 0.1, 0.15, 0.25, 0.45, 0.75, 1.0, 1.0, 1.0, 0.85, 0.95, 1.0, 1.0, 0.9,
    0.7, 0.5, 0.4, 0.35, 0.3, 0.25, 0.2,
];
const WEEKEND_FACTOR: f64 = 0.4;

/// The plan's home zone; an empty one reads as UTC (with a note).
pub fn home_zone(plan: &Plan, notes: &mut Vec<String>) -> Result<Zone, CapacityError> {
    if plan.header.time_zone.trim().is_empty() {
        notes.push("No home time zone set; hours are shown in UTC.".to_string());
        return Ok(Zone::UTC);
    }
    Zone::named(&plan.header.time_zone).map_err(CapacityError::UnknownZone)
}

/// The priority whose first-response target live channels are staffed for.
pub fn target_priority(plan: &Plan) -> Option<String> {
    let mix = priority_mix(plan);
    let busiest = mix
        .iter()
        .enumerate()
        .filter(|(_, share)| **share > 0.0)
        .max_by(|a, b| a.1.total_cmp(b.1).then(b.0.cmp(&a.0)))
        .map(|(index, _)| index);
    let from_taxonomy = busiest.filter(|_| plan.taxonomy.iter().any(|c| c.volume_share > 0.0));
    from_taxonomy
        .or_else(|| plan.priority_rank("Normal"))
        .or_else(|| (!plan.priorities.is_empty()).then_some(plan.priorities.len() / 2))
        .and_then(|index| plan.priorities.get(index))
        .map(|p| p.name.clone())
}

/// Share of tickets per plan priority (same order as `plan.priorities`, sums to 1): the taxonomy's
/// category shares summed by default priority, or equal shares when the taxonomy gives none.
pub fn priority_mix(plan: &Plan) -> Vec<f64> {
    let mut mix = vec![0.0; plan.priorities.len()];
    for category in &plan.taxonomy {
        if let Some(rank) = plan.priority_rank(&category.priority) {
            mix[rank] += category.volume_share.max(0.0);
        }
    }
    let total: f64 = mix.iter().sum();
    if total > 0.0 {
        mix.iter_mut().for_each(|share| *share /= total);
    } else if !mix.is_empty() {
        let equal = 1.0 / mix.len() as f64;
        mix.iter_mut().for_each(|share| *share = equal);
    }
    mix
}

/// The UTC instants at which each hour of the reference week starts (169 values).
pub fn reference_week(zone: &Zone) -> Vec<Instant> {
    let (y, m, d) = REFERENCE_MONDAY;
    let monday = Date {
        year: y,
        month: m,
        day: d,
    }
    .days_since_epoch()
        * MINUTES_PER_DAY;
    (0..=WEEK_HOURS as i64)
        .map(|hour| zone.from_local(monday + hour * 60))
        .collect()
}

/// Fraction of each hour of the reference week a calendar is open, holidays aside.
pub fn open_hours(calendar: &Calendar, week: &[Instant]) -> Result<Vec<f64>, CapacityError> {
    let mut weekly = calendar.clone();
    weekly.holidays.clear();
    let open = business_minutes_in_steps(week, &weekly)?;
    Ok(open
        .iter()
        .zip(week.windows(2))
        .map(|(&minutes, hour)| minutes as f64 / (hour[1] - hour[0]).max(1) as f64)
        .collect())
}

/// The relative arrival rate for each hour of the week, before channel hours are applied.
fn base_profile(plan: &Plan) -> Vec<f64> {
    let given = &plan.staffing.arrival_profile;
    if given.len() == WEEK_HOURS
        && given.iter().all(|v| v.is_finite() && *v >= 0.0)
        && given.iter().sum::<f64>() > 0.0
    {
        return given.clone();
    }
    (0..WEEK_HOURS)
        .map(|hour| {
            let weekend = if hour >= 5 * 24 { WEEKEND_FACTOR } else { 1.0 };
            DAYTIME_SHAPE[hour % 24] * weekend
        })
        .collect()
}

fn normalised(mut values: Vec<f64>) -> Vec<f64> {
    let total: f64 = values.iter().sum();
    if total > 0.0 {
        values.iter_mut().for_each(|v| *v /= total);
    }
    values
}

fn peak_of(values: &[f64]) -> (f64, usize) {
    values.iter().enumerate().fold(
        (0.0, 0),
        |best, (hour, &v)| if v > best.0 { (v, hour) } else { best },
    )
}

fn percent(value: f64, fallback: f64) -> f64 {
    if value.is_finite() && value > 0.0 {
        (value / 100.0).min(1.0)
    } else {
        fallback
    }
}

/// Head-count needed for `on_duty_peak` agents at the busiest hour and `agent_hours` a week.
fn head_count(on_duty_peak: f64, agent_hours: f64, shrinkage: f64) -> u32 {
    let by_peak = scheduled(on_duty_peak, shrinkage);
    let by_hours = scheduled(agent_hours / PAID_HOURS_PER_WEEK, shrinkage);
    by_peak.max(by_hours)
}

/// Works out the staffing the plan needs.
pub fn staffing(plan: &Plan) -> Result<StaffingPlan, CapacityError> {
    let mut notes = Vec::new();
    let zone = home_zone(plan, &mut notes)?;
    let week = reference_week(&zone);
    let base = base_profile(plan);
    let assumptions = &plan.staffing;
    let service_level = percent(assumptions.service_level, 0.8);
    let max_occupancy = percent(assumptions.max_occupancy, 0.85);
    let shrinkage = if assumptions.shrinkage.is_finite() {
        (assumptions.shrinkage / 100.0).clamp(0.0, 0.95)
    } else {
        0.3
    };
    let target = target_priority(plan);
    let answer_within = target
        .as_deref()
        .and_then(|name| plan.sla_for(name))
        .and_then(|sla| sla.first_response.within());
    if answer_within.is_none() {
        notes.push(
            "No first-response target for the target priority; live channels are staffed to answer within 1 minute."
                .to_string(),
        );
    }
    let answer_within = answer_within.unwrap_or(Duration::minutes(1));
    let monthly = f64::from(plan.header.monthly_volume);
    let mut channels = Vec::with_capacity(plan.channels.len());
    // Channels mostly share a few calendars; each calendar's week is worked out once.
    let mut weeks_open: Vec<(&str, Vec<f64>)> = Vec::new();
    for (index, channel) in plan.channels.iter().enumerate() {
        let calendar = plan.calendar(&channel.hours).unwrap_or_else(|| {
            notes.push(format!(
                "Channel \"{}\" uses calendar \"{}\", which the plan does not define; counted as 24/7.",
                channel.name, channel.hours
            ));
            Calendar::always_open()
        });
        let open = match weeks_open.iter().find(|(name, _)| *name == channel.hours) {
            Some((_, open)) => open.clone(),
            None => {
                let open = open_hours(&calendar, &week)?;
                weeks_open.push((&channel.hours, open.clone()));
                open
            }
        };
        let live = channel.kind.is_live();
        let mut weekly_contacts = monthly * channel.volume_share.max(0.0) / 100.0 / WEEKS_PER_MONTH;
        if channel.kind == ChannelKind::Chat {
            if let Some(contained) = plan.automation.chatbot_containment {
                weekly_contacts *= 1.0 - (contained / 100.0).clamp(0.0, 1.0);
            }
        }
        let handle_seconds = channel.handle_time.open_minutes(24 * 60) as f64 * 60.0;
        let arrivals = if live {
            let weighted: Vec<f64> = base.iter().zip(&open).map(|(b, o)| b * o).collect();
            if weighted.iter().sum::<f64>() > 0.0 {
                normalised(weighted)
            } else {
                normalised(open.clone())
            }
        } else {
            normalised(base.clone())
        };
        let required: Vec<f64> = if live {
            let per_contact = handle_seconds / f64::from(channel.concurrency.max(1));
            arrivals
                .iter()
                .zip(&open)
                .map(|(&share, &open_fraction)| {
                    if open_fraction <= 0.0 {
                        return 0.0;
                    }
                    let demand = LiveDemand {
                        contacts: weekly_contacts * share,
                        interval_seconds: 3600.0 * open_fraction,
                        handle_seconds: per_contact.max(1.0),
                        answer_within_seconds: answer_within.open_minutes(24 * 60) as f64 * 60.0,
                        service_level,
                        max_occupancy,
                    };
                    f64::from(demand.required().agents)
                })
                .collect()
        } else {
            let open_total: f64 = open.iter().sum();
            let work_hours = weekly_contacts * handle_seconds / 3600.0;
            open.iter()
                .map(|&o| {
                    if open_total > 0.0 {
                        work_hours / open_total * o / max_occupancy
                    } else {
                        0.0
                    }
                })
                .collect()
        };
        if weekly_contacts > 0.0 && open.iter().all(|o| *o <= 0.0) {
            notes.push(format!(
                "Channel \"{}\" is never open, so its contacts are never answered.",
                channel.name
            ));
        }
        let (peak, peak_hour) = peak_of(&required);
        let agent_hours: f64 = required.iter().sum();
        channels.push(ChannelStaffing {
            index,
            name: channel.name.clone(),
            kind: channel.kind,
            live,
            weekly_contacts,
            arrivals,
            open,
            scheduled_at_peak: scheduled(peak, shrinkage),
            head_count: head_count(peak, agent_hours, shrinkage),
            required,
            peak,
            peak_hour,
            agent_hours,
            answer_within: live.then_some(answer_within),
        });
    }
    let on_duty: Vec<f64> = (0..WEEK_HOURS)
        .map(|hour| channels.iter().map(|c| c.required[hour]).sum())
        .collect();
    let (peak_on_duty, peak_hour) = peak_of(&on_duty);
    let agent_hours: f64 = on_duty.iter().sum();
    Ok(StaffingPlan {
        channels,
        head_count: head_count(peak_on_duty, agent_hours, shrinkage),
        on_duty,
        peak_on_duty,
        peak_hour,
        team_size: plan.header.team_size,
        target_priority: target,
        notes,
    })
}

/// "Tue 14:00" for an hour of the week.
pub fn hour_label(hour: usize) -> String {
    let day = crate::plan::Weekday::from_index(hour / 24);
    format!("{} {:02}:00", day.short_name(), hour % 24)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{
        Category, Channel, MetricTarget, SlaTarget, Target, Weekday, WeeklyInterval,
    };

    fn phone_plan() -> Plan {
        let mut plan = Plan::blank();
        plan.header.time_zone = "Europe/Berlin".into();
        plan.header.monthly_volume = 13_000;
        plan.header.team_size = 12;
        plan.calendars.push(Calendar {
            name: "Office".into(),
            time_zone: "Europe/Berlin".into(),
            intervals: Weekday::ALL[..5]
                .iter()
                .map(|&day| {
                    WeeklyInterval::new(day, "09:00".parse().unwrap(), "17:00".parse().unwrap())
                })
                .collect(),
            holidays: vec![],
        });
        plan.channels.push(Channel {
            name: "Phone".into(),
            kind: ChannelKind::Phone,
            hours: "Office".into(),
            volume_share: 100.0,
            handle_time: Duration::minutes(6),
            concurrency: 1,
            ..Channel::default()
        });
        plan.sla = vec![crate::plan::SlaPolicy {
            name: "Standard".into(),
            targets: vec![SlaTarget {
                priority: "Normal".into(),
                first_response: MetricTarget::new(Target::Within(Duration::minutes(1)), "Office"),
                resolution: MetricTarget::new(Target::Within(Duration::hours(8)), "Office"),
                ..SlaTarget::default()
            }],
            ..crate::plan::SlaPolicy::default()
        }];
        plan
    }

    #[test]
    fn live_channels_are_staffed_only_while_open() {
        let plan = phone_plan();
        let result = staffing(&plan).unwrap();
        let phone = &result.channels[0];
        assert_eq!(phone.open[9], 1.0, "Mon 09:00 Berlin is open");
        assert_eq!(phone.open[8], 0.0);
        assert_eq!(phone.required[8], 0.0);
        assert_eq!(phone.required[5 * 24 + 10], 0.0, "closed on Saturday");
        assert!(phone.required[10] > 0.0);
        assert!((phone.arrivals.iter().sum::<f64>() - 1.0).abs() < 1e-9);
        // 13,000 a month = 3,000 a week.
        assert!((phone.weekly_contacts - 3000.0).abs() < 1e-6);
        // A busy hour gets 1/(5 days × 7.3 weighted hours) ≈ 2.7 % of 3,000 = ~82 calls of
        // 6 minutes ≈ 8.2 Erlangs: the need sits between 9 and 14 agents.
        assert!(phone.peak >= 9.0 && phone.peak <= 14.0, "{}", phone.peak);
        assert!(result.head_count >= phone.scheduled_at_peak);
        assert_eq!(result.target_priority.as_deref(), Some("Normal"));
    }

    #[test]
    fn deferred_work_spreads_over_open_hours() {
        let mut plan = phone_plan();
        plan.channels[0].kind = ChannelKind::Email;
        plan.channels[0].handle_time = Duration::minutes(10);
        let email = &staffing(&plan).unwrap().channels[0];
        // 3,000 × 10 min = 500 h of work over 40 open hours at 85 % occupancy.
        let expected = 500.0 / 40.0 / 0.85;
        assert!((email.required[10] - expected).abs() < 1e-9);
        assert_eq!(email.required[20], 0.0);
        // 588 agent-hours a week over 28 productive hours (40 × 0.7) = 21.01 → 22 people.
        assert_eq!(email.head_count, 22);
    }

    #[test]
    fn the_busiest_priority_sets_the_target() {
        let mut plan = phone_plan();
        plan.taxonomy = vec![
            Category {
                name: "Outage".into(),
                priority: "Critical".into(),
                volume_share: 10.0,
                ..Category::default()
            },
            Category {
                name: "How-to".into(),
                priority: "Low".into(),
                volume_share: 60.0,
                ..Category::default()
            },
        ];
        assert_eq!(target_priority(&plan).as_deref(), Some("Low"));
        let mix = priority_mix(&plan);
        assert!((mix[0] - 10.0 / 70.0).abs() < 1e-12 && mix[1] == 0.0);
        plan.taxonomy.clear();
        assert_eq!(priority_mix(&plan), vec![0.25; 4]);
    }

    #[test]
    fn an_unknown_home_zone_is_an_error_not_a_guess() {
        let mut plan = phone_plan();
        plan.header.time_zone = "Europe/Atlantis".into();
        assert!(matches!(
            staffing(&plan),
            Err(CapacityError::UnknownZone(_))
        ));
    }

    #[test]
    fn more_volume_never_needs_fewer_people() {
        let mut plan = phone_plan();
        let mut last = 0;
        for volume in [1_000, 5_000, 13_000, 40_000] {
            plan.header.monthly_volume = volume;
            let needed = staffing(&plan).unwrap().head_count;
            assert!(needed >= last);
            last = needed;
        }
    }
}
