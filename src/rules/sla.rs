//! SLA rules: policies that match in a sensible order, targets that make sense on their own and in
//! priority order within a policy, on real calendars, served by tiers and channels on shift.

use super::util::{missing, number, Clocks, Map, Names, Promise, WeekHours};
use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::{Plan, SlaMetric, SlaPolicy, SlaTarget, Target, Tier};

const RESOLUTION_BEFORE_RESPONSE: RuleInfo = RuleInfo {
    id: "SLA-002",
    severity: Severity::Error,
    title: "Resolution target shorter than first response",
    explanation: "A ticket cannot be resolved before anyone has answered it. Make the resolution target at least as long as the first response target. Only targets on the same clock, or a resolution on a 24/7 clock, are compared.",
};
const FIRST_RESPONSE_ORDER: RuleInfo = RuleInfo {
    id: "SLA-003",
    severity: Severity::Error,
    title: "More urgent priority answered slower",
    explanation: "Priorities are listed most urgent first; within one SLA policy each should get a first response at least as fast as the ones below it. Otherwise customers learn to mark everything as the lower priority.",
};
const RESOLUTION_ORDER: RuleInfo = RuleInfo {
    id: "SLA-004",
    severity: Severity::Error,
    title: "More urgent priority resolved slower",
    explanation: "Within one SLA policy, each priority's resolution target should be at least as fast as the less urgent priorities' targets.",
};
/// " of \"Gold\"" when the plan has several policies, so a row's finding says whose row it is;
/// nothing with one policy.
fn of_policy(plan: &Plan, policy: &SlaPolicy) -> String {
    if plan.sla.len() > 1 {
        format!(" of \"{}\"", policy.name.trim())
    } else {
        String::new()
    }
}

const UNKNOWN_PRIORITY: RuleInfo = RuleInfo {
    id: "SLA-005",
    severity: Severity::Error,
    title: "SLA row for a priority the plan doesn't define",
    explanation: "This SLA row names a priority that isn't in the plan's priority list, so no ticket ever gets it. Pick an existing priority or add it to the list.",
};
const DUPLICATE: RuleInfo = RuleInfo {
    id: "SLA-006",
    severity: Severity::Error,
    title: "Two SLA rows for one priority in a policy",
    explanation: "Within one SLA policy each priority gets one set of targets; with two rows only the first is used. Remove or merge the repeat.",
};
const WARN_TOO_EARLY: RuleInfo = RuleInfo {
    id: "SLA-007",
    severity: Severity::Warning,
    title: "Breach warning as long as the target",
    explanation: "The warn-before period must be shorter than the targets it warns about, counted on each target's own clock (a business day is the calendar's business day); otherwise the warning goes off the moment a ticket arrives and agents learn to ignore it.",
};
const UNKNOWN_CALENDAR: RuleInfo = RuleInfo {
    id: "SLA-008",
    severity: Severity::Error,
    title: "SLA clock on an unknown calendar",
    explanation: "Each promised SLA target runs on a named calendar; this one doesn't exist, so its deadlines can't be computed. Pick one of the plan's calendars or 24/7.",
};
const NEXT_AFTER_RESOLUTION: RuleInfo = RuleInfo {
    id: "SLA-009",
    severity: Severity::Warning,
    title: "Next response or update slower than resolution",
    explanation: "A next-response or periodic-update target longer than the resolution target can never apply: the ticket is due to be resolved first. Shorten it or remove it.",
};
const ZERO_TARGET: RuleInfo = RuleInfo {
    id: "SLA-010",
    severity: Severity::Error,
    title: "SLA target of zero",
    explanation: "A target of zero (instant) is breached by every ticket a person answers. Set a real target; write \"none\" when nothing is promised, or \"best effort\" when work starts at once with no time promised.",
};
const TIERS_OFF_SHIFT: RuleInfo = RuleInfo {
    id: "SLA-011",
    severity: Severity::Error,
    title: "SLA clock runs out while no tier is on shift",
    explanation: "The SLA clock keeps running (for example 24/7) through a stretch when none of the tiers handling this priority is staffed, and the stretch is at least as long as the target: a ticket arriving at its start breaches before anyone is back. Staff a tier for those hours (on-call counts), lengthen the target beyond the gap, or run the SLA on the tiers' hours.",
};
const CHANNELS_CLOSED: RuleInfo = RuleInfo {
    id: "SLA-012",
    severity: Severity::Warning,
    title: "SLA clock runs out while every channel is closed",
    explanation: "The SLA clock runs through a stretch when no channel is staffed, at least as long as the target, so nobody reads what customers send before the target is breached. Staff a channel (phone or chat for urgent cases) for those hours, or run the SLA on business hours.",
};
const CATCH_ALL_FIRST: RuleInfo = RuleInfo {
    id: "SLA-013",
    severity: Severity::Error,
    title: "A policy for everyone hides the policies after it",
    explanation: "Tickets get the first SLA policy, in the plan's order, that applies to them. A policy that applies to everyone matches every ticket, so the policies after it are never used. Move it to the end, or say whom it applies to.",
};
const NO_CATCH_ALL: RuleInfo = RuleInfo {
    id: "SLA-014",
    severity: Severity::Warning,
    title: "No SLA policy for everyone else",
    explanation: "Every policy applies to some customers only, so a ticket from anyone else gets no SLA at all. Make the last policy apply to everyone (leave its segments, organisations and channels empty).",
};
const UNKNOWN_CHANNEL: RuleInfo = RuleInfo {
    id: "SLA-015",
    severity: Severity::Error,
    title: "SLA policy for a channel the plan doesn't have",
    explanation: "The policy applies to tickets from a channel that isn't in the plan's channel list, so that part of it never matches. Pick one of the plan's channels.",
};
const EMPTY_POLICY: RuleInfo = RuleInfo {
    id: "SLA-016",
    severity: Severity::Warning,
    title: "SLA policy without targets",
    explanation: "The policy promises nothing for any priority, so the customers it applies to get no SLA. Add a row per priority, or remove the policy.",
};
const LEVEL_SLOWER: RuleInfo = RuleInfo {
    id: "SLA-017",
    severity: Severity::Warning,
    title: "A contract level promises less than everyone else gets",
    explanation: "A policy matched before the policy for everyone (a paid contract level, say) promises a slower target for a priority than everyone else gets. Customers who pay for it would be better off without it. Make it at least as fast.",
};
const CLOCK_DAYS_ON_BUSINESS_HOURS: RuleInfo = RuleInfo {
    id: "SLA-018",
    severity: Severity::Warning,
    title: "Clock days on a business-hours clock",
    explanation: "On a business-hours calendar a target counts open time, so 1d means 24 open hours: three business days of a 09:00–17:00 office. Write business days (1bd) or business hours (8h) instead, or run the target on 24/7.",
};
const PRIORITY_NOT_IN_POLICY: RuleInfo = RuleInfo {
    id: "SLA-019",
    severity: Severity::Info,
    title: "A policy promises nothing for a priority in use",
    explanation: "Categories give tickets this priority, but the policy has no row for it, so those customers' tickets of that priority have no targets. Add a row (it may say \"best effort\") if that is not intended.",
};

pub(crate) const RULES: &[RuleInfo] = &[
    RESOLUTION_BEFORE_RESPONSE,
    FIRST_RESPONSE_ORDER,
    RESOLUTION_ORDER,
    UNKNOWN_PRIORITY,
    DUPLICATE,
    WARN_TOO_EARLY,
    UNKNOWN_CALENDAR,
    NEXT_AFTER_RESOLUTION,
    ZERO_TARGET,
    TIERS_OFF_SHIFT,
    CHANNELS_CLOSED,
    CATCH_ALL_FIRST,
    NO_CATCH_ALL,
    UNKNOWN_CHANNEL,
    EMPTY_POLICY,
    LEVEL_SLOWER,
    CLOCK_DAYS_ON_BUSINESS_HOURS,
    PRIORITY_NOT_IN_POLICY,
];

/// What every check of one policy shares.
struct Context<'a> {
    plan: &'a Plan,
    clocks: Clocks<'a>,
    names: Names<'a>,
}

/// The path of a field of an SLA row: `sla[0].targets[2].priority`.
fn row_path(policy: usize, row: usize, field: &str) -> Path {
    Path::field("sla")
        .at(policy)
        .then("targets")
        .at(row)
        .then(field)
}

/// The path of a part of one metric of an SLA row: `sla[0].targets[2].resolution.target`.
fn metric_path(policy: usize, row: usize, metric: SlaMetric, part: &str) -> Path {
    row_path(policy, row, metric.key()).then(part)
}

/// How a message names a row: "High", or "Premium High" when the plan has several policies.
fn row_name(plan: &Plan, policy: &SlaPolicy, target: &SlaTarget) -> String {
    if plan.sla.len() > 1 {
        format!("{} {}", policy.name.trim(), target.priority)
    } else {
        target.priority.clone()
    }
}

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let context = Context {
        plan,
        clocks: Clocks::of(plan),
        names: Names::of(plan),
    };
    check_policy_order(plan, &context.names, findings);
    let coverage = Coverage::of(plan);
    let used: Vec<&str> = used_priorities(plan);
    for (p, policy) in plan.sla.iter().enumerate() {
        if policy.targets.is_empty() {
            findings.push(EMPTY_POLICY.at(
                Path::field("sla").at(p).then("targets"),
                format!("The SLA policy \"{}\" has no targets.", policy.name.trim()),
                "Add a row for each priority, or remove the policy.".into(),
            ));
        }
        let mut first_row: Map<&str, usize> = Map::default();
        for (r, target) in policy.targets.iter().enumerate() {
            let name = row_name(plan, policy, target);
            if let Some(&first) = first_row.get(target.priority.as_str()) {
                findings.push(DUPLICATE.at(
                    row_path(p, r, "priority"),
                    format!(
                        "{name} has two SLA rows (rows {} and {}).",
                        first + 1,
                        r + 1
                    ),
                    format!("Keep one row for {}.", target.priority),
                ));
            } else {
                first_row.insert(&target.priority, r);
            }
            if !context.names.priorities.contains(target.priority.as_str()) {
                findings.push(UNKNOWN_PRIORITY.at(
                    row_path(p, r, "priority"),
                    format!(
                        "SLA row {}{} {}.",
                        r + 1,
                        of_policy(plan, policy),
                        missing("priority", &target.priority)
                    ),
                    "Pick one of the plan's priorities, or add this priority to the list.".into(),
                ));
            }
            check_row(&context, p, r, &name, target, findings);
            coverage.check(&context, (p, r), &name, target, findings);
        }
        check_order(&context, p, policy, &first_row, findings);
        if !policy.targets.is_empty() {
            for priority in &used {
                if !first_row.contains_key(priority) {
                    findings.push(PRIORITY_NOT_IN_POLICY.at(
                        Path::field("sla").at(p).then("targets"),
                        format!(
                            "The SLA policy \"{}\" promises nothing for {priority} tickets.",
                            policy.name.trim()
                        ),
                        format!(
                            "Add a {priority} row to \"{}\", even if it says best effort.",
                            policy.name.trim()
                        ),
                    ));
                }
            }
        }
    }
    check_levels(&context, findings);
}

/// Priorities that categories give tickets, in the plan's order.
fn used_priorities(plan: &Plan) -> Vec<&str> {
    plan.priorities
        .iter()
        .map(|p| p.name.as_str())
        .filter(|name| plan.taxonomy.iter().any(|c| c.priority == *name))
        .collect()
}

/// Policies match in order: the one for everyone goes last, and someone must get each ticket.
fn check_policy_order(plan: &Plan, names: &Names, findings: &mut Vec<Finding>) {
    let last = plan.sla.len().saturating_sub(1);
    let mut catch_all = None;
    for (p, policy) in plan.sla.iter().enumerate() {
        for (c, channel) in policy.applies_to.channels.iter().enumerate() {
            if !channel.trim().is_empty() && !names.channels.contains(channel.as_str()) {
                findings.push(
                    UNKNOWN_CHANNEL.at(
                        Path::field("sla")
                            .at(p)
                            .then("applies_to")
                            .then("channels")
                            .at(c),
                        format!(
                            "The SLA policy \"{}\" {}.",
                            policy.name.trim(),
                            missing("channel", channel)
                        ),
                        "Pick one of the plan's channels.".into(),
                    ),
                );
            }
        }
        if !policy.applies_to.is_everyone() {
            continue;
        }
        if p < last && catch_all.is_none() {
            let hidden: Vec<String> = plan.sla[p + 1..]
                .iter()
                .map(|later| format!("\"{}\"", later.name.trim()))
                .collect();
            findings.push(CATCH_ALL_FIRST.at(
                Path::field("sla").at(p).then("applies_to").then("segments"),
                format!(
                    "The SLA policy \"{}\" applies to everyone, so {} after it never {}.",
                    policy.name.trim(),
                    hidden.join(", "),
                    if hidden.len() == 1 {
                        "applies"
                    } else {
                        "apply"
                    }
                ),
                format!(
                    "Move \"{}\" to the end, or name the segments it is for.",
                    policy.name.trim()
                ),
            ));
        }
        catch_all.get_or_insert(p);
    }
    if catch_all.is_none() && !plan.sla.is_empty() {
        findings.push(NO_CATCH_ALL.at(
            Path::field("sla").at(last).then("applies_to").then("segments"),
            "Every SLA policy applies to some customers only: tickets from anyone else get no SLA."
                .into(),
            "Add a last policy that applies to everyone (leave who it applies to empty).".into(),
        ));
    }
}

/// Rules about one row's own numbers.
fn check_row(
    context: &Context,
    p: usize,
    r: usize,
    name: &str,
    target: &SlaTarget,
    findings: &mut Vec<Finding>,
) {
    let clocks = &context.clocks;
    let field = |metric: SlaMetric, part: &str| metric_path(p, r, metric, part);
    for metric in SlaMetric::ALL {
        let metric_target = target.metric(metric);
        let Target::Within(within) = metric_target.target else {
            continue;
        };
        let label = metric.label();
        if !context
            .names
            .calendars
            .contains(metric_target.calendar.as_str())
        {
            findings.push(UNKNOWN_CALENDAR.at(
                field(metric, "calendar"),
                format!(
                    "The {name} {label} target {}.",
                    missing("calendar", &metric_target.calendar)
                ),
                "Choose one of the plan's calendars, or 24/7.".into(),
            ));
        }
        if within.is_zero() {
            findings.push(ZERO_TARGET.at(
                field(metric, "target"),
                format!("{name} has a {label} target of zero."),
                format!(
                    "Set how long {} tickets may wait for {label}, or write \"none\" or \"best effort\".",
                    target.priority
                ),
            ));
        }
        // A clock day is only a business day on a calendar whose business day is 24 hours.
        let day_is_not_a_business_day = clocks
            .get(&metric_target.calendar)
            .is_some_and(|clock| !clock.elapsed && clock.business_day != 24 * 60);
        if day_is_not_a_business_day && within.is_in_clock_days() {
            let minutes = within.clock_minutes().unwrap_or(0);
            let business_day = clocks
                .get(&metric_target.calendar)
                .map_or(480, |clock| clock.business_day.max(1));
            let days = f64::from(minutes) / f64::from(business_day);
            findings.push(CLOCK_DAYS_ON_BUSINESS_HOURS.at(
                field(metric, "target"),
                format!(
                    "{name} {label} is {within} on the business-hours clock \"{}\": that counts {} open hours, {} of this calendar's business days.",
                    metric_target.calendar,
                    minutes / 60,
                    number(days)
                ),
                format!(
                    "Write {}bd for business days, or run the target on 24/7 if {within} of elapsed time is meant.",
                    minutes / (24 * 60)
                ),
            ));
        }
    }
    let promise = |metric: SlaMetric| Promise::of(clocks, target.metric(metric));
    let comparable = |metric: SlaMetric| Promise::comparable(clocks, target.metric(metric));
    if let (Some(first), Some(resolution)) = (
        comparable(SlaMetric::FirstResponse),
        comparable(SlaMetric::Resolution),
    ) {
        if !resolution.within.is_zero() && first.never_before(&resolution, true) {
            findings.push(RESOLUTION_BEFORE_RESPONSE.at(
                field(SlaMetric::Resolution, "target"),
                format!(
                    "{name} resolution ({}) is shorter than its first response ({}).",
                    resolution.words(),
                    first.words()
                ),
                format!(
                    "Make {}'s resolution at least {}, or shorten its first response.",
                    target.priority,
                    first.words()
                ),
            ));
        }
    }
    if let Some(resolution) = promise(SlaMetric::Resolution).filter(|r| !r.within.is_zero()) {
        for metric in [SlaMetric::NextResponse, SlaMetric::PeriodicUpdate] {
            let Some(follow_up) = promise(metric) else {
                continue;
            };
            if follow_up.never_before(&resolution, true) {
                findings.push(NEXT_AFTER_RESOLUTION.at(
                    field(metric, "target"),
                    format!(
                        "{name} {} ({}) is longer than its resolution ({}).",
                        metric.label(),
                        follow_up.words(),
                        resolution.words()
                    ),
                    format!("Shorten the {} target, or remove it.", metric.label()),
                ));
            }
        }
    }
    if let Some(warn) = target.warn_before.filter(|w| !w.is_zero()) {
        // The target the warning comes soonest before, each counted on its own clock.
        let shortest = SlaMetric::ALL
            .into_iter()
            .filter_map(|metric| promise(metric).map(|p| (metric, p)))
            .filter(|(_, p)| !p.within.is_zero())
            .find(|(_, p)| p.minutes_of(warn) >= p.minutes);
        if let Some((metric, promised)) = shortest {
            findings.push(WARN_TOO_EARLY.at(
                row_path(p, r, "warn_before"),
                format!(
                    "{name} warns {} before a breach, but its {} target is only {}: the warning fires as soon as the ticket arrives.",
                    warn.in_words_on(promised.clock()),
                    metric.label(),
                    promised.words()
                ),
                format!("Warn less than {} before the breach, e.g. a quarter of it.", promised.words()),
            ));
        }
    }
}

/// Within one policy, more urgent priorities (earlier in the list) must not get slower targets.
fn check_order(
    context: &Context,
    p: usize,
    policy: &SlaPolicy,
    first_row: &Map<&str, usize>,
    findings: &mut Vec<Finding>,
) {
    let plan = context.plan;
    let mut ranked: Vec<(usize, usize)> = first_row
        .iter()
        .filter_map(|(name, &row)| plan.priority_rank(name).map(|rank| (rank, row)))
        .collect();
    ranked.sort_unstable();
    for (rule, metric) in [
        (&FIRST_RESPONSE_ORDER, SlaMetric::FirstResponse),
        (&RESOLUTION_ORDER, SlaMetric::Resolution),
    ] {
        // Each promised row against every calmer one: the first calmer row it is slower than.
        let promised: Vec<(usize, Promise)> = ranked
            .iter()
            .filter_map(|&(_, row)| {
                Promise::comparable(&context.clocks, policy.targets[row].metric(metric))
                    .map(|p| (row, p))
            })
            .collect();
        for (position, (row, urgent)) in promised.iter().enumerate() {
            let Some((calmer_row, calmer)) = promised[position + 1..]
                .iter()
                .find(|(_, calmer)| urgent.never_before(calmer, true))
            else {
                continue;
            };
            let (urgent_target, calmer_target) =
                (&policy.targets[*row], &policy.targets[*calmer_row]);
            let label = metric.label();
            findings.push(rule.at(
                metric_path(p, *row, metric, "target"),
                format!(
                    "{} {label} ({}) is slower than {}'s ({}).",
                    row_name(plan, policy, urgent_target),
                    urgent.words(),
                    calmer_target.priority,
                    calmer.words()
                ),
                format!(
                    "Make {}'s {label} {} or less, or relax {}'s.",
                    urgent_target.priority,
                    calmer.words(),
                    calmer_target.priority
                ),
            ));
        }
    }
}

/// A contract level matched before the policy for everyone should promise at least as much.
fn check_levels(context: &Context, findings: &mut Vec<Finding>) {
    let plan = context.plan;
    let Some(everyone) = plan.sla.iter().position(|p| p.applies_to.is_everyone()) else {
        return;
    };
    let baseline = &plan.sla[everyone];
    for (p, policy) in plan.sla[..everyone].iter().enumerate() {
        for (r, target) in policy.targets.iter().enumerate() {
            let Some(base) = baseline.target_for(&target.priority) else {
                continue;
            };
            for metric in SlaMetric::ALL {
                let (Some(level), Some(base_promise)) = (
                    Promise::of(&context.clocks, target.metric(metric)),
                    Promise::of(&context.clocks, base.metric(metric)),
                ) else {
                    continue;
                };
                if !level.never_before(&base_promise, true) {
                    continue;
                }
                findings.push(LEVEL_SLOWER.at(
                    metric_path(p, r, metric, "target"),
                    format!(
                        "\"{}\" promises {} {} in {}, but everyone else (\"{}\") gets it in {}.",
                        policy.name.trim(),
                        target.priority,
                        metric.label(),
                        level.words(),
                        baseline.name.trim(),
                        base_promise.words()
                    ),
                    format!(
                        "Make \"{}\" {} {} or faster.",
                        policy.name.trim(),
                        metric.label(),
                        base_promise.words()
                    ),
                ));
            }
        }
    }
}

/// "64 hours, e.g. from Fri 17:00": how long the longest gap in cover is, and where it starts.
fn describe(gap: WeekHours) -> String {
    let (hours, start) = gap.longest_run();
    let day = crate::plan::Weekday::from_index(start / 24);
    format!(
        "for up to {hours} hours at a stretch, e.g. from {} {:02}:00",
        day.short_name(),
        start % 24
    )
}

/// When each priority is handled and customers can reach support, by hour of the week; each
/// policy is judged by the channels its customers may use and the tiers behind them.
struct Coverage<'a> {
    hours_of: Map<&'a str, WeekHours>,
    /// Tiers handling each priority through its categories (every policy's customers).
    handlers: Map<&'a str, Vec<&'a Tier>>,
    tiers: Map<&'a str, &'a Tier>,
}

/// What the customers of one policy can reach: the tiers handling a priority, with the hours
/// each is on shift, and the hours some channel is staffed for them.
struct Reach<'a> {
    handling: Vec<(&'a Tier, Option<WeekHours>)>,
    /// `None` when a channel's calendar is unknown.
    channels: Option<WeekHours>,
    /// Channels offered to other policies only, with their hours (to name in a finding).
    withheld: Vec<(&'a crate::plan::Channel, WeekHours)>,
}

impl<'a> Coverage<'a> {
    fn of(plan: &'a Plan) -> Coverage<'a> {
        // Each calendar in use, once, as the hours of the week it is open.
        let mut hours_of: Map<&str, WeekHours> = Map::default();
        let targets = plan.sla.iter().flat_map(|policy| &policy.targets);
        for name in plan
            .tiers
            .iter()
            .map(|t| t.hours.as_str())
            .chain(plan.channels.iter().map(|c| c.hours.as_str()))
            .chain(
                plan.channels
                    .iter()
                    .filter_map(|c| c.rotation().map(|o| o.hours.as_str())),
            )
            .chain(targets.flat_map(|t| SlaMetric::ALL.map(|m| t.metric(m).calendar.as_str())))
        {
            if !hours_of.contains_key(name) {
                if let Some(calendar) = plan.calendar(name) {
                    hours_of.insert(name, WeekHours::of(&calendar));
                }
            }
        }
        let tiers: Map<&str, &Tier> = plan.tiers.iter().map(|t| (t.name.as_str(), t)).collect();
        // A plan has a handful of tiers, so a list per priority is enough.
        let mut handlers: Map<&str, Vec<&Tier>> = Map::default();
        for category in &plan.taxonomy {
            if let Some(&tier) = tiers.get(category.route_to.as_str()) {
                add_tier(
                    handlers.entry(category.priority.as_str()).or_default(),
                    tier,
                );
            }
        }
        Coverage {
            hours_of,
            handlers,
            tiers,
        }
    }

    /// The channels and tiers the customers of `policy` reach for `priority`. A channel's
    /// default priority makes its tier a handler; its on-call rotation, when a tier is on it,
    /// puts that tier on shift for the rotation's hours.
    fn reach(&self, plan: &'a Plan, policy: &SlaPolicy, priority: &str) -> Reach<'a> {
        let mut tiers: Vec<&Tier> = self.handlers.get(priority).cloned().unwrap_or_default();
        let mut on_call: Vec<(&str, WeekHours)> = Vec::new();
        let mut channels = Some(WeekHours::default());
        let mut withheld = Vec::new();
        for channel in &plan.channels {
            let hours = self.hours_of.get(channel.hours.as_str()).copied();
            if !channel.offered_to(&policy.name) {
                if let Some(hours) = hours {
                    withheld.push((channel, hours));
                }
                continue;
            }
            channels = channels.zip(hours).map(|(open, hours)| open.union(hours));
            if channel.default_priority == priority {
                if let Some(&tier) = self.tiers.get(channel.route_to.as_str()) {
                    add_tier(&mut tiers, tier);
                }
            }
            if let (Some(rotation), Some(hours)) = (channel.rotation(), hours) {
                let own = rotation.hours.trim();
                let covered = match self.hours_of.get(own) {
                    Some(own) => hours.without(hours.without(*own)),
                    _ => hours,
                };
                on_call.push((rotation.rotation.trim(), covered));
            }
        }
        let handling = tiers
            .into_iter()
            .map(|tier| {
                let shift = self.hours_of.get(tier.hours.as_str()).map(|shift| {
                    on_call
                        .iter()
                        .filter(|(rotation, _)| *rotation == tier.name.trim())
                        .fold(*shift, |open, (_, covered)| open.union(*covered))
                });
                (tier, shift)
            })
            .collect();
        Reach {
            handling,
            channels,
            withheld,
        }
    }

    /// The tiers handling a row's priority, and the channels, must be back on shift before a
    /// target on a clock that runs while they are away is breached. One finding per row and rule,
    /// for the first metric that breaches.
    fn check(
        &self,
        context: &Context<'a>,
        (p, r): (usize, usize),
        name: &str,
        target: &SlaTarget,
        findings: &mut Vec<Finding>,
    ) {
        let plan = context.plan;
        let policy = &plan.sla[p];
        let reach = self.reach(plan, policy, &target.priority);
        let tier_hours = reach
            .handling
            .iter()
            .try_fold(WeekHours::default(), |open, (_, shift)| {
                shift.map(|hours| open.union(hours))
            });
        let mut tiers_reported = false;
        let mut channels_reported = false;
        for metric in SlaMetric::ALL {
            let metric_target = target.metric(metric);
            let Some(promise) = Promise::of(&context.clocks, metric_target) else {
                continue;
            };
            let Some(&clock) = self.hours_of.get(metric_target.calendar.as_str()) else {
                continue;
            };
            // A gap of n open hours of the clock uses n × 60 minutes of the target.
            let breaches = |gap: WeekHours| {
                let (hours, _) = gap.longest_run();
                hours > 0 && promise.minutes <= u64::from(hours) * 60
            };
            let label = metric.label();
            let at = metric_path(p, r, metric, "calendar");
            let tier_gap = tier_hours.map(|open| clock.without(open));
            if let (Some(gap), false, false) = (tier_gap, reach.handling.is_empty(), tiers_reported)
            {
                if breaches(gap) {
                    tiers_reported = true;
                    let staffed: Vec<String> = reach
                        .handling
                        .iter()
                        .map(|(t, _)| format!("{} ({})", t.name, t.hours))
                        .collect();
                    findings.push(TIERS_OFF_SHIFT.at(
                        at.clone(),
                        format!(
                            "{name} {label} ({}) runs on the \"{}\" clock, but {} {} off shift {}.",
                            promise.words(),
                            metric_target.calendar,
                            staffed.join(", "),
                            if staffed.len() == 1 { "is" } else { "are" },
                            describe(gap)
                        ),
                        format!(
                            "Staff a tier handling {} for those hours (on-call counts), make the target longer than the gap, or run it on the tiers' hours.",
                            target.priority
                        ),
                    ));
                }
            }
            let channel_gap = reach.channels.map(|open| clock.without(open));
            if let (Some(gap), false, false) =
                (channel_gap, plan.channels.is_empty(), channels_reported)
            {
                if breaches(gap) {
                    channels_reported = true;
                    findings.push(CHANNELS_CLOSED.at(
                        at,
                        closed_message(policy, name, (metric, metric_target), &promise, gap, &reach),
                        format!(
                            "Offer a channel staffed in those hours to \"{}\" customers (phone or chat for urgent cases), or run {}'s {label} on business hours.",
                            policy.name.trim(),
                            target.priority
                        ),
                    ));
                }
            }
        }
    }
}

fn add_tier<'a>(tiers: &mut Vec<&'a Tier>, tier: &'a Tier) {
    if !tiers.iter().any(|known| std::ptr::eq(*known, tier)) {
        tiers.push(tier);
    }
}

/// SLA-012's words: the clock, the stretch with no channel for these customers, and the channels
/// open then that are offered to other policies only ("the only channel open then, \"Phone\", is
/// for Enterprise only").
fn closed_message(
    policy: &SlaPolicy,
    name: &str,
    (metric, metric_target): (SlaMetric, &crate::plan::MetricTarget),
    promise: &Promise,
    gap: WeekHours,
    reach: &Reach,
) -> String {
    let open_then: Vec<String> = reach
        .withheld
        .iter()
        .filter(|(_, hours)| hours.without(hours.without(gap)).count() > 0)
        .map(|(channel, _)| {
            let to = channel.offered_policies().join(", ");
            format!("\"{}\" (offered to {to} only)", channel.name)
        })
        .collect();
    let whose = if !reach.withheld.is_empty() {
        format!(" open to \"{}\" customers", policy.name.trim())
    } else {
        String::new()
    };
    let mut message = format!(
        "{name} {} ({}) runs on the \"{}\" clock, but no channel{whose} is staffed {}.",
        metric.label(),
        promise.words(),
        metric_target.calendar,
        describe(gap)
    );
    match open_then.len() {
        0 => {}
        1 => message.push_str(&format!(" The only channel open then is {}.", open_then[0])),
        _ => message.push_str(&format!(
            " The channels open then are {}.",
            open_then.join(", ")
        )),
    }
    message
}

#[cfg(test)]
mod tests {
    use crate::plan::{Duration, PolicyScope, SlaMetric, SlaPolicy, Target, ALWAYS_OPEN};
    use crate::rules::testing::{
        assert_fires, assert_quiet, category, duration, sla, target, valid_plan,
    };

    fn row(metric: &str) -> String {
        let (row, field) = metric.split_once('.').unwrap();
        format!("sla[0].targets[{row}].{field}")
    }

    #[test]
    fn resolution_not_shorter_than_first_response() {
        let mut plan = valid_plan();
        plan.sla[0].targets[1] = sla("High", "4h", "2h", "24/7");
        let finding = assert_fires(&plan, "SLA-002", &row("1.resolution.target"));
        assert_eq!(
            finding.message,
            "High resolution (2 hours) is shorter than its first response (4 hours)."
        );
        plan.sla[0].targets[1] = sla("High", "2h", "4h", "24/7");
        assert_quiet(&plan, "SLA-002");
    }

    /// The pattern of most published SLAs' top priority: first response around the clock,
    /// resolution on business hours. 1 business day of resolution against 1 hour of first
    /// response on different clocks is not a contradiction.
    #[test]
    fn first_response_around_the_clock_and_resolution_on_business_hours() {
        let mut plan = valid_plan();
        let high = &mut plan.sla[0].targets[1];
        high.first_response = target("1h", ALWAYS_OPEN);
        high.resolution = target("1bd", "Business hours");
        assert_quiet(&plan, "SLA-002");
        // Resolution on 24/7 shorter than a business-hours first response is certainly wrong.
        let high = &mut plan.sla[0].targets[1];
        high.first_response = target("4h", "Business hours");
        high.resolution = target("2h", ALWAYS_OPEN);
        assert_fires(&plan, "SLA-002", &row("1.resolution.target"));
    }

    /// A Freshdesk import without its business hours runs targets on a calendar the plan does not
    /// define. Two targets on that one calendar still count the same open time, so a 4-hour
    /// first response and a 2-hour resolution contradict each other wherever the hours are, and
    /// an Urgent first response of 4 hours is slower than High's 2 hours. Business days there
    /// compare with nothing (only the calendar says how long one is).
    #[test]
    fn targets_on_one_undefined_calendar_still_compare() {
        let mut plan = valid_plan();
        plan.sla[0].targets[1].first_response = target("4h", "Freshdesk hours");
        plan.sla[0].targets[1].resolution = target("2h", "Freshdesk hours");
        let finding = assert_fires(&plan, "SLA-002", &row("1.resolution.target"));
        assert_eq!(
            finding.message,
            "High resolution (2 hours) is shorter than its first response (4 hours)."
        );
        assert_fires(&plan, "SLA-008", &row("1.first_response.calendar"));
        plan.sla[0].targets[1].resolution = target("1bd", "Freshdesk hours");
        assert_quiet(&plan, "SLA-002");

        let mut plan = valid_plan();
        plan.sla[0].targets[0].first_response = target("4h", "Freshdesk hours");
        plan.sla[0].targets[1].first_response = target("2h", "Freshdesk hours");
        let finding = assert_fires(&plan, "SLA-003", &row("0.first_response.target"));
        assert_eq!(
            finding.message,
            "Critical first response (4 hours) is slower than High's (2 hours)."
        );
    }

    #[test]
    fn urgent_priority_answered_at_least_as_fast() {
        let mut plan = valid_plan();
        plan.sla[0].targets[0].first_response = target("4h", ALWAYS_OPEN);
        plan.sla[0].targets[0].resolution = target("8h", ALWAYS_OPEN);
        let finding = assert_fires(&plan, "SLA-003", &row("0.first_response.target"));
        assert_eq!(
            finding.message,
            "Critical first response (4 hours) is slower than High's (2 hours)."
        );
        plan.sla[0].targets[0].first_response = target("2h", ALWAYS_OPEN);
        assert_quiet(&plan, "SLA-003");
    }

    #[test]
    fn order_follows_the_priority_list_not_the_rows() {
        let mut plan = valid_plan();
        plan.sla[0].targets.swap(0, 3);
        assert_quiet(&plan, "SLA-003");
        plan.sla[0].targets[3].first_response = target("3d", ALWAYS_OPEN);
        assert_fires(&plan, "SLA-003", &row("3.first_response.target"));
    }

    #[test]
    fn urgent_priority_resolved_at_least_as_fast() {
        let mut plan = valid_plan();
        plan.sla[0].targets[2].resolution = target("20bd", "Business hours");
        let finding = assert_fires(&plan, "SLA-004", &row("2.resolution.target"));
        assert!(finding.message.contains(
            "Normal resolution (20 business days) is slower than Low's (10 business days)"
        ));
        plan.sla[0].targets[2].resolution = target("5bd", "Business hours");
        assert_quiet(&plan, "SLA-004");
    }

    /// Ordering compares priorities within one policy, never a level's Critical with another
    /// level's Low.
    #[test]
    fn ordering_stays_within_one_policy() {
        let mut plan = valid_plan();
        let mut standard = plan.sla[0].clone();
        standard.name = "Standard".into();
        for row in &mut standard.targets {
            row.first_response = target("3bd", "Business hours");
            row.resolution = target("20bd", "Business hours");
            row.warn_before = None;
        }
        plan.sla[0].name = "Enterprise".into();
        plan.sla[0].applies_to.segments = vec!["enterprise".into()];
        plan.sla.push(standard);
        assert_quiet(&plan, "SLA-003");
        assert_quiet(&plan, "SLA-004");
        assert_quiet(&plan, "SLA-017");
    }

    /// Issue 23 item 8: with three policies each holding a row for "Urgent", the three findings
    /// said the same "SLA row 5 …"; each now names its policy.
    #[test]
    fn unknown_priority_rows_name_their_policy() {
        let mut plan = valid_plan();
        plan.sla[0].targets.push(sla("Urgent", "15m", "2h", "24/7"));
        let mut gold = plan.sla[0].clone();
        gold.name = "Gold".into();
        gold.applies_to.segments = vec!["gold".into()];
        plan.sla.insert(0, gold);
        let messages: Vec<String> = crate::rules::check(&plan)
            .into_iter()
            .filter(|f| f.rule == "SLA-005")
            .map(|f| f.message)
            .collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(messages[0].contains("of \"Gold\""), "{messages:?}");
        assert!(
            messages[1].contains(&format!("of \"{}\"", plan.sla[1].name)),
            "{messages:?}"
        );
        assert_ne!(messages[0], messages[1]);
    }

    #[test]
    fn sla_row_for_a_defined_priority() {
        let mut plan = valid_plan();
        plan.sla[0].targets.push(sla("Urgent", "15m", "2h", "24/7"));
        assert_fires(&plan, "SLA-005", &row("4.priority"));
        plan.sla[0].targets.pop();
        assert_quiet(&plan, "SLA-005");
    }

    #[test]
    fn one_sla_row_per_priority() {
        let mut plan = valid_plan();
        plan.sla[0].targets.push(sla("High", "1h", "1d", "24/7"));
        let finding = assert_fires(&plan, "SLA-006", &row("4.priority"));
        assert_eq!(finding.message, "High has two SLA rows (rows 2 and 5).");
        plan.sla[0].targets.pop();
        assert_quiet(&plan, "SLA-006");
    }

    #[test]
    fn warning_shorter_than_the_target() {
        let mut plan = valid_plan();
        plan.sla[0].targets[0].warn_before = Some(duration("30m"));
        let finding = assert_fires(&plan, "SLA-007", &row("0.warn_before"));
        assert!(finding.message.contains(
            "warns 30 min before a breach, but its first response target is only 30 min"
        ));
        plan.sla[0].targets[0].warn_before = Some(duration("10m"));
        assert_quiet(&plan, "SLA-007");
    }

    #[test]
    fn warning_shorter_than_the_next_response_too() {
        let mut plan = valid_plan();
        plan.sla[0].targets[2].next_response = target("1h", "Business hours");
        assert_fires(&plan, "SLA-007", &row("2.warn_before"));
        plan.sla[0].targets[2].warn_before = Some(duration("15m"));
        assert_quiet(&plan, "SLA-007");
    }

    /// `warn_before: 1bd` on a 09:00–17:00 calendar is one business day of 480 open minutes, the
    /// same business day the deadline counts: against a 1bd target it fires on arrival, against
    /// 3bd it does not.
    #[test]
    fn a_business_day_warning_counts_the_calendar_business_day() {
        let mut plan = valid_plan();
        let normal = &mut plan.sla[0].targets[2];
        normal.first_response = target("1bd", "Business hours");
        normal.resolution = target("3bd", "Business hours");
        normal.warn_before = Some(duration("1bd"));
        let finding = assert_fires(&plan, "SLA-007", &row("2.warn_before"));
        assert!(
            finding
                .message
                .contains("first response target is only 1 business day"),
            "{}",
            finding.message
        );
        // Eight business hours are one business day of this calendar: the same warning.
        plan.sla[0].targets[2].warn_before = Some(duration("8h"));
        assert_fires(&plan, "SLA-007", &row("2.warn_before"));
        plan.sla[0].targets[2].warn_before = Some(duration("4h"));
        assert_quiet(&plan, "SLA-007");
    }

    #[test]
    fn sla_clock_on_a_known_calendar() {
        let mut plan = valid_plan();
        plan.sla[0].targets[3].resolution.calendar = "Office hours".into();
        assert_fires(&plan, "SLA-008", &row("3.resolution.calendar"));
        plan.sla[0].targets[3].resolution.calendar = "Business hours".into();
        assert_quiet(&plan, "SLA-008");
        // A metric without a target needs no clock.
        plan.sla[0].targets[3].periodic_update.calendar = "Office hours".into();
        assert_quiet(&plan, "SLA-008");
    }

    #[test]
    fn next_response_within_resolution() {
        let mut plan = valid_plan();
        plan.sla[0].targets[0].next_response = target("6h", ALWAYS_OPEN);
        assert_fires(&plan, "SLA-009", &row("0.next_response.target"));
        plan.sla[0].targets[0].next_response = target("2h", ALWAYS_OPEN);
        assert_quiet(&plan, "SLA-009");
        plan.sla[0].targets[0].periodic_update = target("5h", ALWAYS_OPEN);
        assert_fires(&plan, "SLA-009", &row("0.periodic_update.target"));
    }

    #[test]
    fn targets_are_not_zero() {
        let mut plan = valid_plan();
        plan.sla[0].targets[1].first_response.target = Target::Within(Duration::ZERO);
        assert_fires(&plan, "SLA-010", &row("1.first_response.target"));
        plan.sla[0].targets[1].first_response.target = Target::Within(duration("1h"));
        assert_quiet(&plan, "SLA-010");
    }

    /// Published SLAs often promise a first response only, or "best effort" for resolution:
    /// that is a complete plan, not an error.
    #[test]
    fn first_response_only_checks_clean() {
        let mut plan = valid_plan();
        for row in &mut plan.sla[0].targets {
            row.resolution.target = Target::NoTarget;
            row.next_response.target = Target::NoTarget;
        }
        plan.sla[0].targets[3].resolution.target = Target::BestEffort;
        // Escalations guarding resolution now guard nothing; keep the plan's other rules quiet.
        plan.escalation
            .rules
            .retain(|rule| rule.metric == SlaMetric::FirstResponse);
        for id in ["SLA-002", "SLA-004", "SLA-009", "SLA-010", "SLA-001"] {
            assert_quiet(&plan, id);
        }
        let errors: Vec<_> = crate::rules::check(&plan)
            .into_iter()
            .filter(|f| f.severity == crate::rules::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }

    #[test]
    fn critical_around_the_clock_needs_a_tier_at_night() {
        let mut plan = valid_plan();
        plan.tiers[1].hours = "Business hours".into();
        let finding = assert_fires(&plan, "SLA-011", &row("0.first_response.calendar"));
        assert_eq!(
            finding.message,
            "Critical first response (30 min) runs on the \"24/7\" clock, but Tier 1 (Business hours) is off shift for up to 64 hours at a stretch, e.g. from Fri 17:00."
        );
        // A second tier, on shift around the clock, covers the nights for both priorities.
        plan.taxonomy
            .push(category("Security", "Critical", "Tier 2", "breach", 0.0));
        plan.taxonomy
            .push(category("Fraud", "High", "Tier 2", "fraud", 0.0));
        assert_quiet(&plan, "SLA-011");
    }

    /// The gap is weighed against the target: a 14-day resolution on a 24/7 clock with a weekday
    /// team is fine (the longest gap is the 64-hour weekend), a 1-hour first response is not.
    #[test]
    fn a_long_target_outlasts_the_weekend() {
        let mut plan = valid_plan();
        plan.tiers[1].hours = "Business hours".into();
        plan.sla[0].targets[0] = sla("Critical", "14d", "14d", ALWAYS_OPEN);
        plan.sla[0].targets[0].warn_before = None;
        plan.sla[0].targets[1] = sla("High", "14d", "14d", ALWAYS_OPEN);
        assert_quiet(&plan, "SLA-011");
        // 64 hours is the weekend gap: a 64h target is breached by a ticket at Friday 17:00.
        plan.sla[0].targets[1] = sla("High", "64h", "14d", ALWAYS_OPEN);
        assert_fires(&plan, "SLA-011", &row("1.first_response.calendar"));
        plan.sla[0].targets[1] = sla("High", "65h", "14d", ALWAYS_OPEN);
        assert_quiet(&plan, "SLA-011");
    }

    #[test]
    fn business_hours_sla_needs_no_night_shift() {
        let mut plan = valid_plan();
        plan.tiers[2].hours = "Business hours".into();
        assert_quiet(&plan, "SLA-011");
    }

    #[test]
    fn a_channels_default_priority_makes_its_tier_a_handler() {
        let mut plan = valid_plan();
        // Tier 2 answers Phone; with Phone defaulting to Critical, Tier 2 (24/7) covers nights.
        plan.tiers[1].hours = "Business hours".into();
        assert_fires(&plan, "SLA-011", &row("0.first_response.calendar"));
        plan.channels[2].default_priority = "Critical".into();
        plan.taxonomy
            .push(category("Fraud", "High", "Tier 2", "fraud", 0.0));
        assert_quiet(&plan, "SLA-011");
    }

    #[test]
    fn around_the_clock_sla_needs_a_staffed_channel() {
        let mut plan = valid_plan();
        for channel in &mut plan.channels {
            channel.hours = "Business hours".into();
        }
        let finding = assert_fires(&plan, "SLA-012", &row("0.first_response.calendar"));
        assert!(finding
            .message
            .contains("no channel is staffed for up to 64 hours at a stretch"));
        plan.channels[2].hours = "24/7".into();
        assert_quiet(&plan, "SLA-012");
    }

    /// The phone is the only 24/7 channel; offered to a premium level alone, the level for
    /// everyone else has no channel at night, and its 24/7 Critical target is a finding.
    #[test]
    fn a_channel_for_one_level_does_not_cover_the_others() {
        let mut plan = valid_plan();
        plan.channels[0].hours = "Business hours".into();
        plan.channels[1].hours = "Business hours".into();
        assert_quiet(&plan, "SLA-012");
        let mut premium = plan.sla[0].clone();
        premium.name = "Premium".into();
        premium.applies_to.segments = vec!["premium".into()];
        plan.sla.insert(0, premium);
        plan.sla[1].name = "Standard".into();
        plan.channels[2].available_to = vec!["Premium".into()];
        let finding = assert_fires(
            &plan,
            "SLA-012",
            "sla[1].targets[0].first_response.calendar",
        );
        assert!(
            finding.message.contains(
                "no channel open to \"Standard\" customers is staffed for up to 64 hours at a stretch, e.g. from Fri 17:00. The only channel open then is \"Phone\" (offered to Premium only)."
            ),
            "{}",
            finding.message
        );
        assert!(crate::rules::check(&plan)
            .iter()
            .all(|f| !(f.rule == "SLA-012" && f.path.row_in("sla") == Some(0))));
        plan.channels[2].available_to.push("Standard".into());
        assert_quiet(&plan, "SLA-012");
    }

    /// An on-call rotation of a tier puts that tier on shift for the rotation's hours, for the
    /// customers who may use the channel.
    #[test]
    fn an_on_call_tier_covers_its_rotations_hours() {
        let mut plan = valid_plan();
        for tier in &mut plan.tiers {
            tier.hours = "Business hours".into();
        }
        assert_fires(&plan, "SLA-011", &row("0.first_response.calendar"));
        plan.channels[2].route_to = "Tier 1".into();
        plan.channels[2].on_call = Some(crate::plan::OnCall {
            rotation: "Tier 1".into(),
            ..crate::plan::OnCall::default()
        });
        assert_quiet(&plan, "SLA-011");
    }

    fn four_levels() -> crate::plan::Plan {
        let mut plan = valid_plan();
        let base = plan.sla[0].clone();
        let level = |name: &str, segment: &str| SlaPolicy {
            name: name.into(),
            applies_to: PolicyScope {
                segments: vec![segment.into()],
                ..PolicyScope::default()
            },
            ..base.clone()
        };
        plan.sla = vec![
            level("Enterprise", "enterprise"),
            level("Business", "business"),
            level("Premium", "premium"),
            SlaPolicy {
                name: "Standard".into(),
                ..base
            },
        ];
        plan
    }

    #[test]
    fn four_contract_levels_check_clean() {
        let plan = four_levels();
        let errors: Vec<_> = crate::rules::check(&plan)
            .into_iter()
            .filter(|f| f.severity != crate::rules::Severity::Info)
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }

    #[test]
    fn the_policy_for_everyone_comes_last() {
        let mut plan = four_levels();
        plan.sla.swap(1, 3);
        let finding = assert_fires(&plan, "SLA-013", "sla[1].applies_to.segments");
        assert!(finding
            .message
            .contains("\"Premium\", \"Business\" after it never apply"));
        plan.sla.swap(1, 3);
        assert_quiet(&plan, "SLA-013");
        plan.sla[3].applies_to.segments = vec!["standard".into()];
        assert_fires(&plan, "SLA-014", "sla[3].applies_to.segments");
    }

    #[test]
    fn a_policy_names_channels_the_plan_has() {
        let mut plan = four_levels();
        plan.sla[0].applies_to.channels = vec!["Pigeon".into()];
        assert_fires(&plan, "SLA-015", "sla[0].applies_to.channels[0]");
        plan.sla[0].applies_to.channels = vec!["Phone".into()];
        assert_quiet(&plan, "SLA-015");
    }

    #[test]
    fn a_policy_has_targets() {
        let mut plan = four_levels();
        plan.sla[1].targets.clear();
        assert_fires(&plan, "SLA-016", "sla[1].targets");
    }

    #[test]
    fn a_paid_level_is_not_slower_than_everyone_else() {
        let mut plan = four_levels();
        plan.sla[0].targets[1].first_response = target("4h", ALWAYS_OPEN);
        plan.sla[0].targets[1].resolution = target("1d", ALWAYS_OPEN);
        let finding = assert_fires(&plan, "SLA-017", "sla[0].targets[1].first_response.target");
        assert_eq!(
            finding.message,
            "\"Enterprise\" promises High first response in 4 hours, but everyone else (\"Standard\") gets it in 2 hours."
        );
    }

    #[test]
    fn clock_days_on_business_hours_are_flagged() {
        let mut plan = valid_plan();
        plan.sla[0].targets[3].resolution = target("2d", "Business hours");
        let finding = assert_fires(&plan, "SLA-018", &row("3.resolution.target"));
        assert_eq!(
            finding.message,
            "Low resolution is 2d on the business-hours clock \"Business hours\": that counts 48 open hours, 6 of this calendar's business days."
        );
        plan.sla[0].targets[3].resolution = target("48h", "Business hours");
        assert_quiet(&plan, "SLA-018");
    }

    #[test]
    fn a_policy_covers_the_priorities_in_use() {
        let mut plan = four_levels();
        plan.sla[2].targets.remove(3);
        let finding = assert_fires(&plan, "SLA-019", "sla[2].targets");
        assert_eq!(
            finding.message,
            "The SLA policy \"Premium\" promises nothing for Low tickets."
        );
    }
}
