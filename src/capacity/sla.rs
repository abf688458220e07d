//! SLA due times for one ticket: first response, next response and resolution on the SLA row's
//! calendar, the warn-before moments, the routed tier's response, and when each escalation fires.

use crate::plan::{Duration, EscalationPath, Plan, SlaMetric};

use super::business::{business_minutes_between, deadline, Instant};
use super::CapacityError;

/// A due instant and the moment to warn the assignee before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Due {
    pub target: Duration,
    pub at: Instant,
    /// When `warn_before` of the target's open time is left; `None` without a warning.
    pub warn_at: Option<Instant>,
}

/// When an escalation rule guarding this priority fires.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EscalationFiring {
    /// Index into `plan.escalation.rules`.
    pub rule: usize,
    pub trigger: String,
    pub escalate_to: String,
    pub metric: SlaMetric,
    pub path: EscalationPath,
    pub timeframe: Duration,
    pub at: Instant,
}

/// Everything due on one ticket.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueTimes {
    pub priority: String,
    /// Calendar the SLA clock runs on.
    pub calendar: String,
    pub first_response: Due,
    pub next_response: Option<Due>,
    pub resolution: Due,
    /// The tier the channel routes to, and its response target on the tier's hours.
    pub tier_response: Option<(String, Due)>,
    pub escalations: Vec<EscalationFiring>,
}

/// Due times of a ticket of `priority` created at `created` on the channel at `channel` (an index
/// into `plan.channels`, if known).
pub fn due_times(
    plan: &Plan,
    priority: &str,
    channel: Option<usize>,
    created: Instant,
) -> Result<DueTimes, CapacityError> {
    let sla = plan
        .sla_for(priority)
        .ok_or_else(|| CapacityError::NoSlaFor {
            priority: priority.to_string(),
        })?;
    let calendar = plan
        .calendar(&sla.calendar)
        .ok_or_else(|| CapacityError::UnknownCalendar {
            name: sla.calendar.clone(),
        })?;
    let due = |target: Duration| -> Result<Due, CapacityError> {
        let at = deadline(created, target, &calendar)?;
        let warn_at = match sla.warn_before {
            Some(warn) if !warn.is_zero() => {
                let open = business_minutes_between(created, at, &calendar)?;
                let warn = warn.nominal_minutes() as i64;
                let ahead = u32::try_from((open - warn).max(0)).unwrap_or(u32::MAX);
                Some(deadline(created, Duration::minutes(ahead), &calendar)?)
            }
            _ => None,
        };
        Ok(Due {
            target,
            at,
            warn_at,
        })
    };
    let tier_response = match channel.and_then(|i| plan.channels.get(i)) {
        Some(channel) => match plan.tier(&channel.route_to) {
            Some(tier) => {
                let hours =
                    plan.calendar(&tier.hours)
                        .ok_or_else(|| CapacityError::UnknownCalendar {
                            name: tier.hours.clone(),
                        })?;
                let at = deadline(created, tier.response, &hours)?;
                Some((
                    tier.name.clone(),
                    Due {
                        target: tier.response,
                        at,
                        warn_at: None,
                    },
                ))
            }
            None => None,
        },
        None => None,
    };
    let mut escalations = Vec::new();
    for (index, rule) in plan.escalation.rules.iter().enumerate() {
        if rule.priority.as_deref() != Some(priority) {
            continue;
        }
        escalations.push(EscalationFiring {
            rule: index,
            trigger: rule.trigger.clone(),
            escalate_to: rule.escalate_to.clone(),
            metric: rule.metric,
            path: rule.path,
            timeframe: rule.timeframe,
            at: deadline(created, rule.timeframe, &calendar)?,
        });
    }
    escalations.sort_by_key(|firing| firing.at);
    Ok(DueTimes {
        priority: priority.to_string(),
        calendar: calendar.name.clone(),
        first_response: due(sla.first_response)?,
        next_response: sla.next_response.map(due).transpose()?,
        resolution: due(sla.resolution)?,
        tier_response,
        escalations,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{
        Calendar, Channel, Date, EscalationRule, SlaTarget, Weekday, WeeklyInterval,
    };

    fn utc(y: i32, mo: u8, d: u8, h: i64, mi: i64) -> Instant {
        Date::new(y, mo, d).unwrap().days_since_epoch() * 1440 + h * 60 + mi
    }

    fn plan() -> Plan {
        let mut plan = Plan::blank();
        plan.calendars.push(Calendar {
            name: "NY office".into(),
            time_zone: "America/New_York".into(),
            intervals: Weekday::ALL[..5]
                .iter()
                .map(|&d| {
                    WeeklyInterval::new(d, "09:00".parse().unwrap(), "17:00".parse().unwrap())
                })
                .collect(),
            holidays: vec![],
        });
        plan.sla.push(SlaTarget {
            priority: "High".into(),
            first_response: Duration::hours(2),
            next_response: Some(Duration::hours(4)),
            resolution: Duration::business_days(2),
            calendar: "NY office".into(),
            warn_before: Some(Duration::minutes(30)),
        });
        plan.escalation.rules.push(EscalationRule {
            trigger: "High without first response".into(),
            priority: Some("High".into()),
            metric: SlaMetric::FirstResponse,
            escalate_to: "Team lead".into(),
            timeframe: Duration::hours(3),
            ..EscalationRule::default()
        });
        plan.escalation.rules.push(EscalationRule {
            trigger: "Critical outage".into(),
            priority: Some("Critical".into()),
            timeframe: Duration::minutes(15),
            ..EscalationRule::default()
        });
        plan.channels.push(Channel {
            name: "Email".into(),
            route_to: "Tier 1".into(),
            ..Channel::default()
        });
        plan
    }

    #[test]
    fn a_friday_afternoon_ticket() {
        // Fri 6 Mar 2026 16:00 EST (21:00 UTC), High, on NY office hours (Mon–Fri 09–17):
        // first response 2h → 1h Fri + Mon 9 Mar 09:00 EDT + 1h = 10:00 EDT (14:00 UTC);
        // warn 30 min earlier in open time → 09:30 EDT (13:30 UTC);
        // next response 4h → Mon 12:00 EDT (16:00 UTC);
        // resolution 2bd → two business days after Friday 16:00 → Tue 10 Mar 16:00 EDT (20:00 UTC);
        // escalation after 3h → Mon 11:00 EDT (15:00 UTC); Tier 1 answers in 1h of 24/7 → 22:00 UTC.
        let plan = plan();
        let due = due_times(&plan, "High", Some(0), utc(2026, 3, 6, 21, 0)).unwrap();
        assert_eq!(due.first_response.at, utc(2026, 3, 9, 14, 0));
        assert_eq!(due.first_response.warn_at, Some(utc(2026, 3, 9, 13, 30)));
        assert_eq!(
            due.next_response.map(|d| d.at),
            Some(utc(2026, 3, 9, 16, 0))
        );
        assert_eq!(due.resolution.at, utc(2026, 3, 10, 20, 0));
        assert_eq!(due.escalations.len(), 1, "only the rule guarding High");
        assert_eq!(due.escalations[0].escalate_to, "Team lead");
        assert_eq!(due.escalations[0].at, utc(2026, 3, 9, 15, 0));
        let (tier, tier_due) = due.tier_response.unwrap();
        assert_eq!(tier, "Tier 1");
        assert_eq!(tier_due.at, utc(2026, 3, 6, 22, 0));
    }

    #[test]
    fn missing_targets_are_explained() {
        let plan = plan();
        let err = due_times(&plan, "Low", None, 0).unwrap_err();
        assert!(
            err.to_string().contains("\"Low\" has no SLA targets"),
            "{err}"
        );
        let mut broken = plan.clone();
        broken.sla[0].calendar = "Moon base".into();
        let err = due_times(&broken, "High", None, 0).unwrap_err();
        assert!(
            err.to_string().contains("no calendar called \"Moon base\""),
            "{err}"
        );
    }
}
