//! Before → after: two plans compared for stakeholders — SLA targets per policy and priority,
//! channels and their hours, calendars, staffing needed then and now, findings fixed or new.
//!
//! Typically the operation imported from today's helpdesk against the designed plan, or two
//! versions of one plan. `render` writes the comparison in the brief's text style and Markdown.

pub mod render;

pub use render::{to_markdown, to_text};

use serde::{Deserialize, Serialize};

use crate::capacity::staffing::staffing;
use crate::plan::{Plan, SlaMetric, SlaPolicy, Target};
use crate::render::hours_in_words;
use crate::render::sla::{scope_in_words, target_in_words};
use crate::rules::{check, Finding};

/// Everything that differs between two plans, in the order a stakeholder reads it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    /// The product each plan is for ("—" when unnamed).
    pub before_product: String,
    pub after_product: String,
    /// Each policy, paired with its counterpart: the after plan's order, then removed ones.
    pub policies: Vec<PolicyChange>,
    /// Channels added, removed, or whose hours changed; unchanged ones are left out.
    pub channels: Vec<ChannelChange>,
    /// Calendars added, removed, or whose hours or holidays changed.
    pub calendars: Vec<CalendarChange>,
    pub staffing: [Staffing; 2],
    pub findings: FindingsChange,
}

/// One SLA policy before and after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PolicyChange {
    /// Its name before and after; `None` on the side where it does not exist.
    pub before: Option<String>,
    pub after: Option<String>,
    /// Whom it applies to, in words, before and after ("everyone", "segments enterprise").
    pub applies_to: [Option<String>; 2],
    /// Per priority (paired by urgency) and metric, every target either side promises.
    pub targets: Vec<TargetChange>,
}

impl PolicyChange {
    /// "Standard", "Standard → All customers", as a heading says it.
    pub fn name(&self) -> String {
        match (&self.before, &self.after) {
            (Some(before), Some(after)) if before == after => before.clone(),
            (Some(before), Some(after)) => format!("{before} → {after}"),
            (Some(name), None) | (None, Some(name)) => name.clone(),
            (None, None) => String::new(),
        }
    }
}

/// One target before and after.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TargetChange {
    /// The priority ("High"), or "Urgent → Critical" when the priority of that urgency was renamed.
    pub priority: String,
    pub metric: SlaMetric,
    /// The target in words on its clock ("4 business hours", "No target"), before and after.
    pub before: String,
    pub after: String,
    pub verdict: Verdict,
}

/// How a target changed, for a reader who wants the gist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Same,
    /// Due sooner for every ticket.
    Faster,
    /// Due later for every ticket.
    Slower,
    /// Promised now, not before.
    New,
    /// Promised before, not now.
    Dropped,
    /// Changed in a way that is faster for some tickets and slower for others (another clock).
    Changed,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::Same => "same",
            Verdict::Faster => "faster",
            Verdict::Slower => "slower",
            Verdict::New => "new",
            Verdict::Dropped => "dropped",
            Verdict::Changed => "other clock",
        }
    }
}

/// A channel added, removed, or open at other hours.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ChannelChange {
    pub name: String,
    /// Its hours in words and open hours a week, where it exists.
    pub before: Option<Hours>,
    pub after: Option<Hours>,
}

/// A calendar added, removed, or changed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CalendarChange {
    pub name: String,
    pub before: Option<Hours>,
    pub after: Option<Hours>,
}

/// When something is open: in words, and how many hours a week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Hours {
    /// "Mon–Fri 09:00–17:00 Europe/Berlin", "24/7".
    pub words: String,
    /// Open hours in a week (holidays aside); `None` for a calendar the plan does not define.
    pub weekly_hours: Option<f64>,
    /// Holidays on the calendar.
    pub holidays: usize,
}

/// The head-count a plan needs, or why it cannot be worked out.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Staffing {
    Needed {
        /// Agents needed after shrinkage.
        head_count: u32,
        /// Agents the plan has.
        team_size: u32,
        /// Agents needed on shift at the busiest hour.
        peak_on_duty: f64,
        /// People on call at once, beside the agents at desks (0 without on-call cover).
        on_call_people: u32,
        /// The shift roster's people, when the plan has roster inputs.
        roster: Option<RosterPeople>,
    },
    Unknown(String),
}

/// People on a plan's shift roster (the Shifts view's search), and the fewest any plan needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RosterPeople {
    pub people: u32,
    pub bound: u32,
}

/// Search steps a comparison gives each team's roster: enough to prove most plans' answers, and
/// a comparison of two large plans stays quick (a stopped search still has its proven bound).
const ROSTER_STEPS: u64 = 50_000;

/// Findings of the after plan that the before plan did not have, and the other way round.
/// A finding is the same on both sides when its rule and its words are (paths move when lists
/// are reordered; the words name the thing).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FindingsChange {
    pub fixed: Vec<Finding>,
    pub introduced: Vec<Finding>,
    /// Findings both plans have.
    pub still_open: Vec<Finding>,
}

/// Compares two plans.
pub fn compare(before: &Plan, after: &Plan) -> Comparison {
    Comparison {
        before_product: product(before),
        after_product: product(after),
        policies: policies(before, after),
        channels: channels(before, after),
        calendars: calendars(before, after),
        staffing: [staffing_of(before), staffing_of(after)],
        findings: findings(before, after),
    }
}

fn product(plan: &Plan) -> String {
    let product = plan.header.product.trim();
    if product.is_empty() {
        "—".to_string()
    } else {
        product.to_string()
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// Policies paired by name; the two policies for everyone are paired whatever their names (the
/// default contract level is the same idea in both plans); the rest are added or removed.
fn policies(before: &Plan, after: &Plan) -> Vec<PolicyChange> {
    let mut unpaired: Vec<&SlaPolicy> = before.sla.iter().collect();
    let mut pairs: Vec<(Option<&SlaPolicy>, Option<&SlaPolicy>)> = Vec::new();
    for policy in &after.sla {
        let old = unpaired
            .iter()
            .position(|p| same_name(&p.name, &policy.name))
            .map(|index| unpaired.remove(index));
        pairs.push((old, Some(policy)));
    }
    let lone_everyone = pairs
        .iter()
        .position(|(old, new)| old.is_none() && new.is_some_and(|p| p.applies_to.is_everyone()));
    if let Some(slot) = lone_everyone {
        if let Some(index) = unpaired.iter().position(|p| p.applies_to.is_everyone()) {
            pairs[slot].0 = Some(unpaired.remove(index));
        }
    }
    pairs.extend(unpaired.into_iter().map(|old| (Some(old), None)));
    pairs
        .into_iter()
        .map(|(old, new)| PolicyChange {
            before: old.map(|p| p.name.trim().to_string()),
            after: new.map(|p| p.name.trim().to_string()),
            applies_to: [
                old.map(|p| scope_in_words(&p.applies_to)),
                new.map(|p| scope_in_words(&p.applies_to)),
            ],
            targets: targets(before, old, after, new),
        })
        .collect()
}

/// Targets row by row: priorities are paired by urgency (the first with the first), since a
/// helpdesk's "Urgent" is the designed plan's "Critical".
fn targets(
    before: &Plan,
    old: Option<&SlaPolicy>,
    after: &Plan,
    new: Option<&SlaPolicy>,
) -> Vec<TargetChange> {
    let ranks = before.priorities.len().max(after.priorities.len());
    let mut changes = Vec::new();
    for rank in 0..ranks {
        let old_name = before.priorities.get(rank).map(|p| p.name.trim());
        let new_name = after.priorities.get(rank).map(|p| p.name.trim());
        let label = match (old_name, new_name) {
            (Some(a), Some(b)) if a == b => a.to_string(),
            (Some(a), Some(b)) => format!("{a} → {b}"),
            (Some(name), None) | (None, Some(name)) => name.to_string(),
            (None, None) => continue,
        };
        let old_row = old.zip(old_name).and_then(|(p, name)| p.target_for(name));
        let new_row = new.zip(new_name).and_then(|(p, name)| p.target_for(name));
        for metric in SlaMetric::ALL {
            let old_target = old_row.map(|row| row.metric(metric));
            let new_target = new_row.map(|row| row.metric(metric));
            let promises = |t: Option<&crate::plan::MetricTarget>| {
                t.is_some_and(|t| t.target != Target::NoTarget)
            };
            if !promises(old_target) && !promises(new_target) {
                continue;
            }
            let words = |plan: &Plan, t: Option<&crate::plan::MetricTarget>| {
                t.map_or_else(|| "No target".to_string(), |t| target_in_words(plan, t))
            };
            changes.push(TargetChange {
                priority: label.clone(),
                metric,
                before: words(before, old_target),
                after: words(after, new_target),
                verdict: verdict(before, old_target, after, new_target),
            });
        }
    }
    changes
}

/// Whether a target got faster, slower, appeared or went, judged only where the answer holds for
/// every ticket: on clocks of the same calendar name, or when the faster one runs on elapsed
/// time (no clock is faster than that).
fn verdict(
    before: &Plan,
    old: Option<&crate::plan::MetricTarget>,
    after: &Plan,
    new: Option<&crate::plan::MetricTarget>,
) -> Verdict {
    let within = |t: Option<&crate::plan::MetricTarget>| t.and_then(|t| t.within());
    let kind = |t: Option<&crate::plan::MetricTarget>| t.map_or(Target::NoTarget, |t| t.target);
    match (within(old), within(new)) {
        (None, None) => {
            if kind(old) == kind(new) {
                Verdict::Same
            } else if kind(new) == Target::NoTarget {
                Verdict::Dropped
            } else {
                Verdict::New
            }
        }
        (None, Some(_)) => Verdict::New,
        (Some(_), None) => Verdict::Dropped,
        (Some(was), Some(now)) => {
            let (Some(old), Some(new)) = (old, new) else {
                return Verdict::Changed;
            };
            let clock = |plan: &Plan, calendar: &str| {
                let elapsed = !plan.is_business_clock(calendar);
                let day = plan.business_day_minutes(calendar).unwrap_or(8 * 60);
                (elapsed, day)
            };
            let (old_elapsed, old_day) = clock(before, &old.calendar);
            let (new_elapsed, new_day) = clock(after, &new.calendar);
            let (was, now) = (was.open_minutes(old_day), now.open_minutes(new_day));
            let same_clock =
                (old_elapsed && new_elapsed) || same_name(&old.calendar, &new.calendar);
            if same_clock {
                return match now.cmp(&was) {
                    std::cmp::Ordering::Less => Verdict::Faster,
                    std::cmp::Ordering::Equal => Verdict::Same,
                    std::cmp::Ordering::Greater => Verdict::Slower,
                };
            }
            // Elapsed time runs at least as fast as any business clock.
            if new_elapsed && now <= was {
                Verdict::Faster
            } else if old_elapsed && now >= was {
                Verdict::Slower
            } else {
                Verdict::Changed
            }
        }
    }
}

/// A calendar's hours as a comparison shows them.
fn hours(plan: &Plan, calendar: &str) -> Hours {
    let found = plan.calendar(calendar);
    Hours {
        words: hours_in_words(plan, calendar),
        weekly_hours: found
            .as_ref()
            .map(|c| f64::from(c.weekly_open_minutes()) / 60.0),
        holidays: found.map_or(0, |c| c.holidays.len()),
    }
}

fn channels(before: &Plan, after: &Plan) -> Vec<ChannelChange> {
    let mut changes = Vec::new();
    for channel in &after.channels {
        let now = hours(after, &channel.hours);
        match before
            .channels
            .iter()
            .find(|c| same_name(&c.name, &channel.name))
        {
            None => changes.push(ChannelChange {
                name: channel.name.trim().to_string(),
                before: None,
                after: Some(now),
            }),
            Some(old) => {
                let was = hours(before, &old.hours);
                if was.words != now.words {
                    changes.push(ChannelChange {
                        name: channel.name.trim().to_string(),
                        before: Some(was),
                        after: Some(now),
                    });
                }
            }
        }
    }
    for old in &before.channels {
        if !after.channels.iter().any(|c| same_name(&c.name, &old.name)) {
            changes.push(ChannelChange {
                name: old.name.trim().to_string(),
                before: Some(hours(before, &old.hours)),
                after: None,
            });
        }
    }
    changes
}

fn calendars(before: &Plan, after: &Plan) -> Vec<CalendarChange> {
    let mut changes = Vec::new();
    for calendar in &after.calendars {
        let now = hours(after, &calendar.name);
        let old = before
            .calendars
            .iter()
            .find(|c| same_name(&c.name, &calendar.name));
        let was = old.map(|c| hours(before, &c.name));
        if was.as_ref() != Some(&now) {
            changes.push(CalendarChange {
                name: calendar.name.trim().to_string(),
                before: was,
                after: Some(now),
            });
        }
    }
    for old in &before.calendars {
        if !after
            .calendars
            .iter()
            .any(|c| same_name(&c.name, &old.name))
        {
            changes.push(CalendarChange {
                name: old.name.trim().to_string(),
                before: Some(hours(before, &old.name)),
                after: None,
            });
        }
    }
    changes
}

fn staffing_of(plan: &Plan) -> Staffing {
    match staffing(plan) {
        Ok(needed) => Staffing::Needed {
            head_count: needed.head_count,
            team_size: needed.team_size,
            peak_on_duty: needed.peak_on_duty,
            on_call_people: needed.on_call_people(),
            roster: roster_people(plan),
        },
        Err(error) => Staffing::Unknown(error.to_string()),
    }
}

/// The roster's people, from the one search the Shifts view runs, for at most `ROSTER_STEPS`.
fn roster_people(plan: &Plan) -> Option<RosterPeople> {
    if plan.staffing.roster.is_empty() {
        return None;
    }
    let roster = crate::shifts::roster_of(plan, &mut |_, p| p.steps < ROSTER_STEPS).ok()?;
    Some(RosterPeople {
        people: roster.people,
        bound: roster.bound_people,
    })
}

fn findings(before: &Plan, after: &Plan) -> FindingsChange {
    let old = check(before);
    let new = check(after);
    let same = |a: &Finding, b: &Finding| a.rule == b.rule && a.message == b.message;
    FindingsChange {
        fixed: old
            .iter()
            .filter(|f| !new.iter().any(|n| same(f, n)))
            .cloned()
            .collect(),
        introduced: new
            .iter()
            .filter(|f| !old.iter().any(|o| same(f, o)))
            .cloned()
            .collect(),
        still_open: new
            .iter()
            .filter(|f| old.iter().any(|o| same(f, o)))
            .cloned()
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{
        Calendar, Channel, ChannelKind, MetricTarget, PolicyScope, SlaTarget, ALWAYS_OPEN,
    };

    fn office() -> Calendar {
        crate::rules::testing::nine_to_five("Office", "Europe/Berlin")
    }

    fn on(target: &str, calendar: &str) -> MetricTarget {
        MetricTarget::new(target.parse().unwrap(), calendar)
    }

    fn plan_with(first_response: MetricTarget) -> Plan {
        let mut plan = Plan::blank();
        plan.calendars = vec![office()];
        plan.sla[0].targets = vec![SlaTarget {
            priority: "Critical".into(),
            first_response,
            ..SlaTarget::default()
        }];
        plan
    }

    /// The verdict of Critical's first response going from `before` to `after`.
    fn judged(before: MetricTarget, after: MetricTarget) -> Verdict {
        let comparison = compare(&plan_with(before), &plan_with(after));
        comparison.policies[0].targets[0].verdict
    }

    /// Hand-worked, on a 09:00–17:00 weekday office:
    /// - 4 business hours → 2 business hours on the same clock: faster.
    /// - 1 hour on 24/7 → 2 business hours: slower for every ticket (120 open minutes can never
    ///   pass before 60 elapsed minutes do).
    /// - 4 business hours → 1 hour on 24/7: faster (60 elapsed minutes pass before 240 open ones).
    /// - 8 hours on 24/7 → 4 business hours: a ticket at 09:00 Monday is due sooner (13:00 against
    ///   17:00), one at 17:00 Friday later (Monday 13:00): another clock, no verdict.
    #[test]
    fn verdicts_hold_for_every_ticket_or_say_the_clock_changed() {
        assert_eq!(
            judged(on("4h", "Office"), on("2h", "Office")),
            Verdict::Faster
        );
        assert_eq!(
            judged(on("1h", ALWAYS_OPEN), on("2h", "Office")),
            Verdict::Slower
        );
        assert_eq!(
            judged(on("4h", "Office"), on("1h", ALWAYS_OPEN)),
            Verdict::Faster
        );
        assert_eq!(
            judged(on("8h", ALWAYS_OPEN), on("4h", "Office")),
            Verdict::Changed
        );
        // 1 business day of the office is its 480 open minutes: the same as 8 business hours.
        assert_eq!(
            judged(on("8h", "Office"), on("1bd", "Office")),
            Verdict::Same
        );
        assert_eq!(judged(on("none", ""), on("30m", ALWAYS_OPEN)), Verdict::New);
        assert_eq!(
            judged(on("30m", ALWAYS_OPEN), on("best effort", "Office")),
            Verdict::Dropped
        );
        assert_eq!(
            judged(on("best effort", "Office"), on("none", "")),
            Verdict::Dropped
        );
        assert_eq!(
            judged(on("none", ""), on("best effort", "Office")),
            Verdict::New
        );
    }

    #[test]
    fn priorities_pair_by_urgency_and_policies_by_name_or_as_everyones() {
        let mut before = plan_with(on("1h", ALWAYS_OPEN));
        before.priorities[0].name = "Urgent".into();
        before.sla[0].targets[0].priority = "Urgent".into();
        before.sla[0].name = "Default".into();
        before.sla.insert(
            0,
            SlaPolicy {
                name: "Gold".into(),
                applies_to: PolicyScope {
                    segments: vec!["gold".into()],
                    ..PolicyScope::default()
                },
                targets: vec![SlaTarget {
                    priority: "Urgent".into(),
                    first_response: on("15m", ALWAYS_OPEN),
                    ..SlaTarget::default()
                }],
                ..SlaPolicy::default()
            },
        );
        let after = plan_with(on("30m", ALWAYS_OPEN));
        let comparison = compare(&before, &after);
        let names: Vec<String> = comparison.policies.iter().map(PolicyChange::name).collect();
        assert_eq!(names, ["Default → Standard", "Gold"]);
        let everyone = &comparison.policies[0];
        assert_eq!(everyone.targets[0].priority, "Urgent → Critical");
        assert_eq!(
            (
                everyone.targets[0].before.as_str(),
                everyone.targets[0].after.as_str()
            ),
            ("1 hour", "30 min")
        );
        assert_eq!(everyone.targets[0].verdict, Verdict::Faster);
        let gold = &comparison.policies[1];
        assert_eq!(
            (gold.before.as_deref(), gold.after.as_deref()),
            (Some("Gold"), None)
        );
        assert_eq!(gold.targets[0].verdict, Verdict::Dropped);
    }

    #[test]
    fn channels_and_calendars_show_only_what_changed() {
        let channel = |name: &str, kind: ChannelKind, hours: &str| Channel {
            name: name.into(),
            kind,
            hours: hours.into(),
            ..Channel::default()
        };
        let mut before = Plan::blank();
        before.calendars = vec![office()];
        before.channels = vec![
            channel("Email", ChannelKind::Email, "Office"),
            channel("Phone", ChannelKind::Phone, "Office"),
            channel("Portal", ChannelKind::Portal, ALWAYS_OPEN),
        ];
        let mut after = before.clone();
        after.channels.remove(1);
        after.channels[0].hours = ALWAYS_OPEN.into();
        after
            .channels
            .push(channel("Chat", ChannelKind::Chat, "Office"));
        let comparison = compare(&before, &after);
        let seen: Vec<(String, Option<String>, Option<String>)> = comparison
            .channels
            .iter()
            .map(|c| {
                (
                    c.name.clone(),
                    c.before.as_ref().map(|h| h.words.clone()),
                    c.after.as_ref().map(|h| h.words.clone()),
                )
            })
            .collect();
        let office_hours = "Mon–Fri 09:00–17:00 Europe/Berlin".to_string();
        assert_eq!(
            seen,
            [
                (
                    "Email".into(),
                    Some(office_hours.clone()),
                    Some("24/7".into())
                ),
                ("Chat".into(), None, Some(office_hours.clone())),
                ("Phone".into(), Some(office_hours), None),
            ]
        );
        // 5 days of 8 hours.
        assert_eq!(
            comparison.channels[1]
                .after
                .as_ref()
                .and_then(|h| h.weekly_hours),
            Some(40.0)
        );
        assert!(comparison.calendars.is_empty());
        after.calendars[0].holidays.push(crate::plan::Holiday {
            name: "Christmas".into(),
            date: "2026-12-25".parse().unwrap(),
            yearly: true,
        });
        let calendars = compare(&before, &after).calendars;
        assert_eq!(calendars.len(), 1);
        assert_eq!(calendars[0].after.as_ref().map(|h| h.holidays), Some(1));
    }

    #[test]
    fn findings_are_fixed_introduced_or_still_open() {
        let before = plan_with(on("1h", ALWAYS_OPEN));
        let mut after = before.clone();
        after.header.product = "Acme".into();
        after.header.time_zone = "EST".into();
        let findings = compare(&before, &after).findings;
        fn rules(list: &[Finding]) -> Vec<&str> {
            list.iter().map(|f| f.rule.as_ref()).collect()
        }
        assert!(rules(&findings.fixed).contains(&"HDR-001"), "{findings:#?}");
        assert_eq!(rules(&findings.introduced), ["HDR-004"]);
        assert!(rules(&findings.still_open).contains(&"HDR-002"));
    }
}
