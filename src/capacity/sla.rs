//! SLA due times for one ticket under one SLA policy: each promised metric on its own clock, the
//! warn-before moments, the routed tier's response, and when each escalation fires. `due_times`
//! works in whole minutes (`Instant`), `due_times_to_the_second` in seconds (`Timestamp`), for
//! tickets recorded to the second.

use crate::plan::{
    Calendar, Duration, EscalationPath, EscalationStart, MetricTarget, Plan, SlaMetric, Target,
};

use super::business::{
    deadline_to_the_second, minute_of, open_minutes, timestamp_of, Instant, Timestamp,
};
use super::CapacityError;

/// A promised metric's due instant and the moment to warn the assignee before it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Due {
    pub metric: SlaMetric,
    pub target: Duration,
    /// The calendar its clock runs on, and whether that is business hours.
    pub calendar: String,
    pub business_hours: bool,
    pub at: Instant,
    /// When `warn_before` of the target's open time is left; `None` without a warning.
    pub warn_at: Option<Instant>,
}

/// When the tier a channel routes to is due to respond, on the tier's hours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TierResponse {
    pub tier: String,
    pub target: Duration,
    pub at: Instant,
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
    pub measured_from: EscalationStart,
    pub at: Instant,
}

/// Everything due on one ticket. Its moments are in the unit of the creation time it was worked
/// out from: `Instant`s (minutes) from `due_times`, `Timestamp`s (seconds) from
/// `due_times_to_the_second`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueTimes {
    pub policy: String,
    pub priority: String,
    /// The promised metrics, in the order of `SlaMetric::ALL`.
    pub due: Vec<Due>,
    /// Metrics the policy names without a time: best effort, or no target.
    pub unpromised: Vec<(SlaMetric, Target)>,
    pub tier_response: Option<TierResponse>,
    pub escalations: Vec<EscalationFiring>,
}

impl DueTimes {
    /// The due time of a promised metric.
    pub fn of(&self, metric: SlaMetric) -> Option<&Due> {
        self.due.iter().find(|due| due.metric == metric)
    }
}

/// Due times of a ticket of `priority` under the SLA policy called `policy`, created at `created`
/// on the channel at `channel` (an index into `plan.channels`, if known).
pub fn due_times(
    plan: &Plan,
    policy: &str,
    priority: &str,
    channel: Option<usize>,
    created: Instant,
) -> Result<DueTimes, CapacityError> {
    // A whole-minute creation is due on whole minutes: the division is exact.
    let due = due_times_to_the_second(plan, policy, priority, channel, timestamp_of(created))?;
    Ok(due.with_moments(minute_of))
}

/// Due times as `due_times` works them out, for a ticket created at the timestamp `created` (UTC
/// seconds): every moment returned is a timestamp, its seconds kept.
pub fn due_times_to_the_second(
    plan: &Plan,
    policy: &str,
    priority: &str,
    channel: Option<usize>,
    created: Timestamp,
) -> Result<DueTimes, CapacityError> {
    let found = plan
        .policy(policy)
        .ok_or_else(|| CapacityError::UnknownPolicy {
            name: policy.to_string(),
        })?;
    let sla = found
        .target_for(priority)
        .ok_or_else(|| CapacityError::NoSlaFor {
            priority: priority.to_string(),
        })?;
    let mut due = Vec::new();
    let mut unpromised = Vec::new();
    for metric in SlaMetric::ALL {
        let target = sla.metric(metric);
        match target.target {
            Target::Within(within) => due.push(due_on_clock(
                plan,
                metric,
                target,
                within,
                sla.warn_before,
                created,
            )?),
            Target::BestEffort => unpromised.push((metric, Target::BestEffort)),
            Target::NoTarget => {}
        }
    }
    let tier_response = tier_response(plan, channel, created)?;
    let escalations = escalations(plan, &found.name, priority, &due, created)?;
    Ok(DueTimes {
        policy: found.name.clone(),
        priority: priority.to_string(),
        due,
        unpromised,
        tier_response,
        escalations,
    })
}

impl DueTimes {
    /// The same due times with every moment converted by `convert` (seconds to minutes).
    fn with_moments(mut self, convert: impl Fn(Timestamp) -> Instant) -> DueTimes {
        for due in &mut self.due {
            due.at = convert(due.at);
            due.warn_at = due.warn_at.map(&convert);
        }
        if let Some(tier) = &mut self.tier_response {
            tier.at = convert(tier.at);
        }
        for firing in &mut self.escalations {
            firing.at = convert(firing.at);
        }
        self
    }
}

/// When the tier the channel routes to is due to respond, on the tier's hours.
fn tier_response(
    plan: &Plan,
    channel: Option<usize>,
    created: Timestamp,
) -> Result<Option<TierResponse>, CapacityError> {
    let Some(channel) = channel.and_then(|i| plan.channels.get(i)) else {
        return Ok(None);
    };
    let Some(tier) = plan.tier(&channel.route_to) else {
        return Ok(None);
    };
    let hours = calendar(plan, &tier.hours)?;
    Ok(Some(TierResponse {
        tier: tier.name.clone(),
        target: tier.response,
        at: deadline_to_the_second(created, tier.response, &hours)?,
    }))
}

/// The escalation rules guarding this policy and priority, when each fires, soonest first.
fn escalations(
    plan: &Plan,
    policy: &str,
    priority: &str,
    due: &[Due],
    created: Timestamp,
) -> Result<Vec<EscalationFiring>, CapacityError> {
    let mut escalations = Vec::new();
    for (index, rule) in plan.escalation.rules.iter().enumerate() {
        let for_policy = rule.policy.as_deref().is_none_or(|name| name == policy);
        if rule.priority.as_deref() != Some(priority) || !for_policy {
            continue;
        }
        // An escalation guarding a metric that promises no time has no clock to fire on.
        let Some(guarded) = due.iter().find(|d| d.metric == rule.metric) else {
            continue;
        };
        let clock = calendar(plan, &guarded.calendar)?;
        let from = match rule.measured_from {
            EscalationStart::Creation => created,
            EscalationStart::Breach => guarded.at,
        };
        escalations.push(EscalationFiring {
            rule: index,
            trigger: rule.trigger.clone(),
            escalate_to: rule.escalate_to.clone(),
            metric: rule.metric,
            path: rule.path,
            timeframe: rule.timeframe,
            measured_from: rule.measured_from,
            at: deadline_to_the_second(from, rule.timeframe, &clock)?,
        });
    }
    escalations.sort_by_key(|firing| firing.at);
    Ok(escalations)
}

fn calendar(plan: &Plan, name: &str) -> Result<Calendar, CapacityError> {
    plan.calendar(name)
        .map(std::borrow::Cow::into_owned)
        .ok_or_else(|| CapacityError::UnknownCalendar {
            name: name.to_string(),
        })
}

/// One promised metric's due time on its clock, with the warning `warn_before` of its open time
/// ahead of it (on the same clock, business days at the calendar's business-day length).
fn due_on_clock(
    plan: &Plan,
    metric: SlaMetric,
    target: &MetricTarget,
    within: Duration,
    warn_before: Option<Duration>,
    created: Timestamp,
) -> Result<Due, CapacityError> {
    let clock = calendar(plan, &target.calendar)?;
    let at = deadline_to_the_second(created, within, &clock)?;
    let warn_at = match warn_before {
        Some(warn) if !warn.is_zero() => {
            let ahead = (open_minutes(within, &clock) - open_minutes(warn, &clock)).max(0);
            let ahead = u32::try_from(ahead).unwrap_or(u32::MAX);
            Some(deadline_to_the_second(
                created,
                Duration::minutes(ahead),
                &clock,
            )?)
        }
        _ => None,
    };
    Ok(Due {
        metric,
        target: within,
        calendar: clock.name.clone(),
        business_hours: !clock.is_always_open(),
        at,
        warn_at,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Channel, Date, EscalationRule, SlaPolicy, SlaTarget, ALWAYS_OPEN};

    fn utc(y: i32, mo: u8, d: u8, h: i64, mi: i64) -> Instant {
        Date::new(y, mo, d).unwrap().days_since_epoch() * 1440 + h * 60 + mi
    }

    fn on(target: &str, calendar: &str) -> MetricTarget {
        MetricTarget::new(target.parse().unwrap(), calendar)
    }

    fn plan() -> Plan {
        let mut plan = Plan::blank();
        plan.calendars.push(crate::rules::testing::nine_to_five(
            "NY office",
            "America/New_York",
        ));
        plan.sla = vec![SlaPolicy {
            name: "Standard".into(),
            targets: vec![SlaTarget {
                priority: "High".into(),
                first_response: on("2h", "NY office"),
                next_response: on("4h", "NY office"),
                periodic_update: on("none", ""),
                resolution: on("2bd", "NY office"),
                warn_before: Some(Duration::minutes(30)),
            }],
            ..SlaPolicy::default()
        }];
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
        // resolution 2bd = 2 × 480 open minutes → 60 Fri, 480 Mon, 420 Tue → Tue 10 Mar
        // 16:00 EDT (20:00 UTC);
        // escalation after 3h → Mon 11:00 EDT (15:00 UTC); Tier 1 answers in 1h of 24/7 → 22:00 UTC.
        let plan = plan();
        let due = due_times(&plan, "Standard", "High", Some(0), utc(2026, 3, 6, 21, 0)).unwrap();
        let first = due.of(SlaMetric::FirstResponse).unwrap();
        assert_eq!(first.at, utc(2026, 3, 9, 14, 0));
        assert_eq!(first.warn_at, Some(utc(2026, 3, 9, 13, 30)));
        assert!(first.business_hours);
        assert_eq!(
            due.of(SlaMetric::NextResponse).map(|d| d.at),
            Some(utc(2026, 3, 9, 16, 0))
        );
        assert_eq!(
            due.of(SlaMetric::Resolution).map(|d| d.at),
            Some(utc(2026, 3, 10, 20, 0))
        );
        assert!(due.of(SlaMetric::PeriodicUpdate).is_none());
        assert_eq!(due.escalations.len(), 1, "only the rule guarding High");
        assert_eq!(due.escalations[0].escalate_to, "Team lead");
        assert_eq!(due.escalations[0].at, utc(2026, 3, 9, 15, 0));
        let tier = due.tier_response.unwrap();
        assert_eq!(tier.tier, "Tier 1");
        assert_eq!(tier.at, utc(2026, 3, 6, 22, 0));
    }

    /// The Friday ticket above created 36 s past the minute (Fri 6 Mar 2026 16:00:36 EST): every
    /// moment on an open clock keeps the 36 s (first response Mon 10:00:36 EDT, warning 09:30:36,
    /// resolution Tue 16:00:36, escalation Mon 11:00:36, Tier 1 on 24/7 Fri 17:00:36 EST), and
    /// `due_times` of the whole minute gives the same moments without them.
    #[test]
    fn a_ticket_recorded_to_the_second() {
        let plan = plan();
        let created = utc(2026, 3, 6, 21, 0) * 60 + 36;
        let due = due_times_to_the_second(&plan, "Standard", "High", Some(0), created).unwrap();
        let at = |minute: Instant| minute * 60 + 36;
        let first = due.of(SlaMetric::FirstResponse).unwrap();
        assert_eq!(first.at, at(utc(2026, 3, 9, 14, 0)));
        assert_eq!(first.warn_at, Some(at(utc(2026, 3, 9, 13, 30))));
        assert_eq!(
            due.of(SlaMetric::Resolution).map(|d| d.at),
            Some(at(utc(2026, 3, 10, 20, 0)))
        );
        assert_eq!(due.escalations[0].at, at(utc(2026, 3, 9, 15, 0)));
        assert_eq!(
            due.tier_response.as_ref().map(|t| t.at),
            Some(at(utc(2026, 3, 6, 22, 0)))
        );
        let in_minutes = due_times(&plan, "Standard", "High", Some(0), utc(2026, 3, 6, 21, 0));
        assert_eq!(Ok(due.with_moments(minute_of)), in_minutes);
    }

    #[test]
    fn each_metric_runs_on_its_own_clock() {
        // First response on 24/7, resolution best effort: a Friday 16:00 EST ticket is answered by
        // Friday 18:00 EST (23:00 UTC), two elapsed hours, whatever the office hours.
        let mut plan = plan();
        let row = &mut plan.sla[0].targets[0];
        row.first_response = on("2h", ALWAYS_OPEN);
        row.resolution = on("best effort", "NY office");
        let due = due_times(&plan, "Standard", "High", None, utc(2026, 3, 6, 21, 0)).unwrap();
        let first = due.of(SlaMetric::FirstResponse).unwrap();
        assert_eq!(first.at, utc(2026, 3, 6, 23, 0));
        assert!(!first.business_hours);
        assert!(due.of(SlaMetric::Resolution).is_none());
        assert_eq!(
            due.unpromised,
            vec![(SlaMetric::Resolution, Target::BestEffort)]
        );
    }

    #[test]
    fn an_escalation_after_the_breach_fires_after_it() {
        // First response due Mon 9 Mar 10:00 EDT (see above); "2h after the breach" on the same
        // office clock → Mon 12:00 EDT (16:00 UTC).
        let mut plan = plan();
        plan.escalation.rules[0].measured_from = EscalationStart::Breach;
        plan.escalation.rules[0].timeframe = Duration::hours(2);
        let due = due_times(&plan, "Standard", "High", None, utc(2026, 3, 6, 21, 0)).unwrap();
        assert_eq!(due.escalations[0].at, utc(2026, 3, 9, 16, 0));
    }

    #[test]
    fn escalations_for_another_policy_do_not_fire() {
        let mut plan = plan();
        plan.escalation.rules[0].policy = Some("Premium".into());
        let due = due_times(&plan, "Standard", "High", None, utc(2026, 3, 6, 21, 0)).unwrap();
        assert!(due.escalations.is_empty());
    }

    #[test]
    fn missing_targets_are_explained() {
        let plan = plan();
        let err = due_times(&plan, "Standard", "Low", None, 0).unwrap_err();
        assert!(
            err.to_string().contains("\"Low\" has no SLA targets"),
            "{err}"
        );
        let err = due_times(&plan, "Gold", "High", None, 0).unwrap_err();
        assert!(err.to_string().contains("\"Gold\""), "{err}");
        let mut broken = plan.clone();
        broken.sla[0].targets[0].first_response.calendar = "Moon base".into();
        let err = due_times(&broken, "Standard", "High", None, 0).unwrap_err();
        assert!(
            err.to_string().contains("no calendar called \"Moon base\""),
            "{err}"
        );
    }
}
