//! A seeded, deterministic simulation of one month of tickets through the plan: arrivals by the
//! staffing profile, priorities by the taxonomy, agents by calendars and team size, escalations.
//!
//! Model, in short: each live or deferred channel is a pool of agents (the team split by what
//! each channel needs; chat agents take `concurrency` conversations at once). Agents on shift per
//! hour follow the shape of the staffing need, scaled to the agent-hours the pool really has
//! (40 paid hours a week less shrinkage), never more than the pool. Tickets are served most urgent
//! first, oldest first; first response = when an agent picks the ticket up. A share of tickets
//! escalates to the next tier (one shared pool on that tier's hours), where it is resolved;
//! the rest are resolved by the first agent. SLA clocks run on each SLA row's calendar. On a
//! holiday of a pool's calendar (its channel's hours, or the tier's) nobody in it is on shift;
//! contacts keep arriving and wait.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, VecDeque};

use serde::{Deserialize, Serialize};

use crate::plan::{Calendar, Date, Plan, ALWAYS_OPEN};

use super::business::{local_day, runs_on_elapsed_time, zone_of, Instant, Timeline};
pub use super::staffing::escalation_share;
use super::staffing::{
    escalation_tier, home_zone, priority_mix, staffing, ChannelStaffing, StaffingPlan,
    PAID_HOURS_PER_WEEK, WEEK_HOURS,
};
use super::zones::Zone;
use super::CapacityError;

/// What to simulate.
#[derive(Clone, Debug, PartialEq)]
pub struct SimulationConfig {
    /// Same seed, same month, same result.
    pub seed: u64,
    pub year: i32,
    pub month: u8,
    /// Days after the month, without new tickets, to let the queues drain.
    pub drain_days: u32,
}

impl Default for SimulationConfig {
    fn default() -> Self {
        SimulationConfig {
            seed: 2026,
            year: 2026,
            month: 3,
            drain_days: 14,
        }
    }
}

impl SimulationConfig {
    /// The plan's month: the one its `simulated_month` names, else the month after `today`
    /// (December rolls over to January of the next year).
    pub fn for_plan(plan: &Plan, today: Date) -> SimulationConfig {
        let (year, month) = match plan.staffing.simulated_month {
            Some(chosen) => (chosen.year, chosen.month),
            None if today.month == 12 => (today.year + 1, 1),
            None => (today.year, today.month + 1),
        };
        SimulationConfig {
            year,
            month,
            ..SimulationConfig::default()
        }
    }
}

/// How one priority fared.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PriorityOutcome {
    pub priority: String,
    pub tickets: u32,
    /// Tickets whose priority has a first-response target (the rest are not counted as met or
    /// missed).
    pub with_targets: u32,
    /// Tickets whose priority has a resolution target.
    pub with_resolution_target: u32,
    pub first_response_met: u32,
    pub resolution_met: u32,
    pub escalated: u32,
    /// Tickets still open when the simulation ended (the month's "never resolved" counts these).
    pub never_resolved: u32,
}

impl PriorityOutcome {
    /// Share of targeted tickets answered in time; `None` without a first-response target (or
    /// without tickets): there is nothing to attain, not 100 %.
    pub fn first_response_attainment(&self) -> Option<f64> {
        ratio(self.first_response_met, self.with_targets)
    }

    /// Share of targeted tickets resolved in time; `None` without a resolution target. A ticket
    /// never resolved counts as late, so `never_resolved` tickets are always among the misses.
    pub fn resolution_attainment(&self) -> Option<f64> {
        ratio(self.resolution_met, self.with_resolution_target)
    }
}

fn ratio(part: u32, whole: u32) -> Option<f64> {
    (whole > 0).then(|| f64::from(part) / f64::from(whole))
}

/// A pool of agents and how many of the team it got.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PoolSummary {
    pub name: String,
    /// Index into `plan.channels`; `None` for the escalation tier.
    pub channel: Option<usize>,
    pub agents: u32,
    /// Agents on shift per hour of the week (168 values), the roster the month ran with.
    pub on_shift: Vec<u32>,
}

/// What one simulated month showed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SimulationResult {
    pub tickets: u32,
    pub priorities: Vec<PriorityOutcome>,
    /// The simulated month's first day, and how many days it has (its calendar days).
    pub first_day: Date,
    pub month_days: u32,
    /// Days after the month with no new tickets, run so the queues can drain.
    pub drain_days: u32,
    /// Open tickets at the end of each local day (midnight in the home zone), from the month's
    /// first day through the drain days: `month_days + drain_days` values.
    pub backlog: Vec<u32>,
    /// The instants (UTC minutes) of those day ends.
    pub backlog_at: Vec<Instant>,
    /// Share of tickets (0–1) that escalated to the next tier, as the plan assumes.
    pub escalation_share: f64,
    pub escalations: u32,
    /// Tickets still open when the simulation ended.
    pub unresolved: u32,
    pub pools: Vec<PoolSummary>,
}

/// A small, fast, seedable generator (SplitMix64), so the library needs no `rand`.
#[derive(Clone, Debug)]
pub struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> Self {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Exponential with the given mean.
    pub fn exponential(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.unit()).ln()
    }

    /// An index drawn by cumulative weights (last value = total).
    fn pick(&mut self, cumulative: &[f64]) -> usize {
        let total = cumulative.last().copied().unwrap_or(0.0);
        let target = self.unit() * total;
        cumulative
            .partition_point(|&c| c <= target)
            .min(cumulative.len().saturating_sub(1))
    }
}

/// The clock an SLA target runs on, ready for many deadlines.
enum SlaClock {
    Elapsed,
    Business(Timeline),
}

impl SlaClock {
    /// Due instant in seconds; `i64::MAX` beyond the simulated stretch.
    fn due(&self, created_seconds: i64, target: crate::plan::Duration) -> i64 {
        let created = created_seconds.div_euclid(60) + i64::from(created_seconds % 60 != 0);
        let due: Option<Instant> = match self {
            // A business day of a calendar open all week is 24 hours.
            SlaClock::Elapsed => i64::try_from(target.open_minutes(24 * 60))
                .ok()
                .map(|minutes| created + minutes),
            SlaClock::Business(timeline) => timeline.deadline(created, target),
        };
        due.map_or(i64::MAX, |minute| minute * 60)
    }
}

/// A promised target and the clock it runs on.
struct TargetClock {
    clock: SlaClock,
    within: crate::plan::Duration,
}

impl TargetClock {
    /// The clock of a promised metric; `None` without a promise.
    fn of(
        plan: &Plan,
        target: &crate::plan::MetricTarget,
        first_day: i64,
        last_day: i64,
    ) -> Option<TargetClock> {
        let within = target.within()?;
        let calendar = plan
            .calendar(&target.calendar)
            .or_else(|| plan.calendar(ALWAYS_OPEN))?;
        let clock = if runs_on_elapsed_time(&calendar) {
            SlaClock::Elapsed
        } else {
            let zone = zone_of(&calendar).ok()?;
            SlaClock::Business(Timeline::build(&calendar, zone, first_day, last_day))
        };
        Some(TargetClock { clock, within })
    }

    fn due(&self, created_seconds: i64) -> i64 {
        self.clock.due(created_seconds, self.within)
    }
}

/// The first-response and resolution clocks of one priority: the one place the month reads SLA
/// targets, those of the default policy (the one every ticket gets unless an earlier one
/// matches it).
struct PriorityClocks {
    first_response: Option<TargetClock>,
    resolution: Option<TargetClock>,
}

impl PriorityClocks {
    fn of(plan: &Plan, priority: &str, first_day: i64, last_day: i64) -> PriorityClocks {
        let sla = plan.sla_for(priority);
        let clock = |target: Option<&crate::plan::MetricTarget>| {
            TargetClock::of(plan, target?, first_day, last_day)
        };
        PriorityClocks {
            first_response: clock(sla.map(|s| &s.first_response)),
            resolution: clock(sla.map(|s| &s.resolution)),
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Ticket {
    created: i64,
    pool: u16,
    priority: u16,
    escalate: bool,
    /// 0 with the first tier, 1 with the next.
    stage: u8,
    handle: u32,
    escalated_handle: u32,
    first_due: i64,
    resolve_due: i64,
    first_response: i64,
    resolved: i64,
}

struct Pool {
    name: String,
    channel: Option<usize>,
    agents: u32,
    concurrency: u32,
    /// Agents on shift per hour of the week.
    on_shift: Vec<u32>,
    slots: u32,
    busy: u32,
    /// Per hour of the simulated stretch, whether the pool's calendar has a holiday (nobody on
    /// shift); empty when it has none.
    holiday: Vec<bool>,
    /// One queue per priority, most urgent first.
    queues: Vec<VecDeque<u32>>,
}

impl Pool {
    fn next_ticket(&mut self) -> Option<u32> {
        self.queues.iter_mut().find_map(VecDeque::pop_front)
    }
}

/// Splits the team between the pools. A team as large as the pools' head-counts together (the
/// plan's headline need) gives each pool its own first, so none is short at any hour, and the
/// rest by the work each has; a smaller one is split by the work alone.
fn split_team(total: u32, needs: &[u32], weights: &[f64]) -> Vec<u32> {
    let needed = needs.iter().copied().fold(0, u32::saturating_add);
    if total < needed {
        return split_by_work(total, weights);
    }
    let extra = split_by_work(total - needed, weights);
    needs
        .iter()
        .zip(extra)
        .map(|(need, more)| need + more)
        .collect()
}

/// Splits `total` in proportion to `weights` (largest remainder), giving each pool with work at
/// least one person while people last.
fn split_by_work(total: u32, weights: &[f64]) -> Vec<u32> {
    let sum: f64 = weights.iter().sum();
    if sum <= 0.0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<f64> = weights.iter().map(|w| w / sum * f64::from(total)).collect();
    let mut shares: Vec<u32> = exact.iter().map(|e| e.floor() as u32).collect();
    let mut left = total - shares.iter().sum::<u32>();
    let mut order: Vec<usize> = (0..weights.len()).collect();
    order.sort_by(|&a, &b| (exact[b] - exact[b].floor()).total_cmp(&(exact[a] - exact[a].floor())));
    for &index in &order {
        if left == 0 {
            break;
        }
        if weights[index] > 0.0 {
            shares[index] += 1;
            left -= 1;
        }
    }
    // Take from the largest for pools with work but nobody.
    for index in 0..shares.len() {
        if weights[index] > 0.0 && shares[index] == 0 {
            if let Some(donor) = (0..shares.len())
                .filter(|&d| shares[d] > 1)
                .max_by_key(|&d| shares[d])
            {
                shares[donor] -= 1;
                shares[index] += 1;
            }
        }
    }
    shares
}

/// The most tickets a month the simulation takes on: far beyond a real plan, small enough to
/// keep the page responsive.
pub const MAX_SIMULATED_TICKETS: u32 = 2_000_000;

/// Runs one month: the month's hours, the pools and their rosters, the SLA clocks, the arrivals,
/// the queues hour by hour, and each priority's outcome.
pub fn simulate(plan: &Plan, config: &SimulationConfig) -> Result<SimulationResult, CapacityError> {
    if plan.header.monthly_volume > MAX_SIMULATED_TICKETS {
        return Err(CapacityError::TooManyToSimulate {
            tickets: plan.header.monthly_volume,
        });
    }
    let mut notes = Vec::new();
    let zone = home_zone(plan, &mut notes)?;
    let need = staffing(plan)?;
    let span = MonthSpan::of(&zone, config);
    // Pools: one per channel with contacts, then the escalation tier.
    let channels: Vec<&ChannelStaffing> = need
        .channels
        .iter()
        .filter(|c| c.weekly_contacts > 0.0)
        .collect();
    let escalation_share = need.escalation.share;
    let mut pools = pools(plan, &channels, &need);
    for (index, pool) in pools.iter_mut().enumerate() {
        let hours = match channels.get(index) {
            Some(channel) => plan.calendar(&plan.channels[channel.index].hours),
            None => {
                escalation_tier(plan, &need.channels).and_then(|tier| plan.calendar(&tier.hours))
            }
        };
        pool.holiday = hours.map_or_else(Vec::new, |calendar| holiday_hours(&calendar, &span));
    }
    let clocks: Vec<PriorityClocks> = plan
        .priorities
        .iter()
        .map(|p| PriorityClocks::of(plan, &p.name, span.first_sla_day, span.last_sla_day))
        .collect();
    let mut tickets = arrivals(
        plan,
        &channels,
        &span,
        &clocks,
        config.seed,
        escalation_share,
    );
    let run = run_queues(&mut pools, &mut tickets, &span);
    Ok(SimulationResult {
        tickets: tickets.len() as u32,
        priorities: outcomes(plan, &tickets, &clocks),
        first_day: Date::from_days_since_epoch(span.first_day),
        month_days: span.days as u32,
        drain_days: config.drain_days,
        backlog: run.backlog,
        backlog_at: run.backlog_at,
        escalation_share,
        escalations: run.escalations,
        unresolved: tickets.len() as u32 - run.resolved,
        pools: pools
            .iter()
            .map(|p| PoolSummary {
                name: p.name.clone(),
                channel: p.channel,
                agents: p.agents,
                on_shift: p.on_shift.clone(),
            })
            .collect(),
    })
}

/// The simulated stretch: the month's local days, then the drain days, hour by hour.
struct MonthSpan {
    /// The month's first local day (days since 1970) and its number of days.
    first_day: i64,
    days: i64,
    drain_days: u32,
    /// UTC minutes of the first hour, of the end of arrivals, and of the end of the drain days.
    start: Instant,
    end: Instant,
    /// Hours of the whole stretch, and of the month (when tickets arrive).
    hours: usize,
    arrival_hours: usize,
    /// Each hour's local day and hour of the week (0 = Monday 00:00) in the home zone.
    local_days: Vec<i64>,
    hour_of_week: Vec<usize>,
    /// Local days the SLA timelines cover.
    first_sla_day: i64,
    last_sla_day: i64,
}

impl MonthSpan {
    fn of(zone: &Zone, config: &SimulationConfig) -> MonthSpan {
        let month = config.month.clamp(1, 12);
        let first_day = Date {
            year: config.year,
            month,
            day: 1,
        }
        .days_since_epoch();
        let days = i64::from(crate::plan::days_in_month(config.year, month));
        // Days are the home zone's calendar days: a month where clocks change has 743 or 745 hours.
        let start = zone.from_local(first_day * 1440);
        let arrivals_end = zone.from_local((first_day + days) * 1440);
        let end = zone.from_local((first_day + days + i64::from(config.drain_days)) * 1440);
        let hours = ((end - start) / 60) as usize;
        let local_days = (0..hours)
            .map(|k| local_day(zone, start + 60 * k as i64))
            .collect();
        let hour_of_week = (0..hours)
            .map(|k| {
                let local = zone.to_local(start + 60 * k as i64);
                let weekday = (local.div_euclid(1440) + 3).rem_euclid(7) as usize;
                weekday * 24 + (local.rem_euclid(1440) / 60) as usize
            })
            .collect();
        MonthSpan {
            first_day,
            days,
            drain_days: config.drain_days,
            start,
            end,
            hours,
            arrival_hours: ((arrivals_end - start) / 60) as usize,
            local_days,
            hour_of_week,
            first_sla_day: local_day(zone, start) - 2,
            last_sla_day: local_day(zone, end) + 60,
        }
    }

    /// UTC seconds at the start of hour `k` of the stretch.
    fn hour_start_seconds(&self, k: usize) -> i64 {
        (self.start + 60 * k as i64) * 60
    }
}

/// The pools: one per channel with contacts, in order, then the escalation tier's; the team
/// split between them (`split_team`).
fn pools(plan: &Plan, channels: &[&ChannelStaffing], need: &StaffingPlan) -> Vec<Pool> {
    let escalation = &need.escalation;
    let mut shapes: Vec<(&[f64], f64)> = channels
        .iter()
        .map(|c| (c.required.as_slice(), c.agent_hours))
        .collect();
    shapes.push((&escalation.required, escalation.agent_hours));
    let weights: Vec<f64> = shapes.iter().map(|s| s.1).collect();
    let needs: Vec<u32> = channels
        .iter()
        .map(|c| c.head_count)
        .chain([escalation.head_count])
        .collect();
    let team = split_team(plan.header.team_size, &needs, &weights);
    let shrinkage = need.shrinkage;
    let priority_count = plan.priorities.len().max(1);
    let pools = shapes
        .iter()
        .zip(&team)
        .enumerate()
        .map(|(index, (&(shape, agent_hours), &agents))| {
            let (name, channel, concurrency) = match channels.get(index) {
                Some(c) => (
                    c.name.clone(),
                    Some(c.index),
                    plan.channels[c.index].concurrency.max(1),
                ),
                None => (escalation.tier.clone(), None, 1),
            };
            let mut on_shift = roster(shape, agent_hours, agents, shrinkage);
            // An on-call rotation answers its hours with its people, not with desk agents.
            if let Some(cover) = channels.get(index).and_then(|c| c.on_call.as_ref()) {
                for (hour, people) in on_shift.iter_mut().enumerate() {
                    if cover.covers(hour) {
                        *people += cover.people;
                    }
                }
            }
            Pool {
                name,
                channel,
                agents,
                concurrency,
                on_shift,
                slots: 0,
                busy: 0,
                holiday: Vec::new(),
                queues: vec![VecDeque::new(); priority_count],
            }
        })
        .collect();
    pools
}

/// Per hour of the stretch, whether it falls on one of the calendar's holidays (its local date
/// in the calendar's zone); empty for a calendar without holidays or with an unknown zone.
fn holiday_hours(calendar: &Calendar, span: &MonthSpan) -> Vec<bool> {
    let Ok(zone) = zone_of(calendar) else {
        return Vec::new();
    };
    if calendar.holidays.is_empty() {
        return Vec::new();
    }
    (0..span.hours)
        .map(|k| {
            let date = Date::from_days_since_epoch(local_day(&zone, span.start + 60 * k as i64));
            calendar.holidays.iter().any(|h| h.falls_on(date))
        })
        .collect()
}

/// Whole agents on shift per hour of the week: the shape of the need, scaled to the agent-hours
/// the pool has (40 paid hours a week less shrinkage), carrying the fractions on so the week's
/// hours add up, never more than the pool.
fn roster(shape: &[f64], agent_hours: f64, agents: u32, shrinkage: f64) -> Vec<u32> {
    let available = f64::from(agents) * PAID_HOURS_PER_WEEK * (1.0 - shrinkage);
    let scale = if agent_hours > 0.0 {
        available / agent_hours
    } else {
        0.0
    };
    let mut carried = 0.0;
    (0..WEEK_HOURS)
        .map(|h| {
            if shape[h] <= 0.0 {
                return 0;
            }
            carried += shape[h] * scale;
            // A hair over: a pool with exactly the hours it needs must not lose an agent to
            // rounding (2 × 0.999… is still 2 people).
            let whole = ((carried + 1e-9).floor().max(0.0) as u32).min(agents);
            carried -= f64::from(whole);
            whole
        })
        .collect()
}

/// The month's tickets, in order of creation: each channel's share of the monthly volume, drawn
/// by the hour of its arrival pattern, with a priority by the mix, handle times, whether it
/// escalates, and its due times.
fn arrivals(
    plan: &Plan,
    channels: &[&ChannelStaffing],
    span: &MonthSpan,
    clocks: &[PriorityClocks],
    seed: u64,
    escalation_share: f64,
) -> Vec<Ticket> {
    let mut rng = SplitMix64::new(seed);
    let mut mix_cumulative: Vec<f64> = priority_mix(plan)
        .iter()
        .scan(0.0, |sum, share| {
            *sum += share;
            Some(*sum)
        })
        .collect();
    if mix_cumulative.is_empty() {
        mix_cumulative.push(1.0);
    }
    let share_total: f64 = channels.iter().map(|c| c.weekly_contacts).sum();
    let monthly = f64::from(plan.header.monthly_volume);
    let mut tickets: Vec<Ticket> = Vec::with_capacity(plan.header.monthly_volume as usize + 16);
    let mut hour_cumulative = vec![0.0; span.arrival_hours];
    let mut share_so_far = 0.0;
    for (pool, channel) in channels.iter().enumerate() {
        // Rounding the running total keeps the month's count exact.
        let before = (monthly * share_so_far / share_total).round();
        share_so_far += channel.weekly_contacts;
        let count = ((monthly * share_so_far / share_total).round() - before) as u32;
        let mut running = 0.0;
        for (k, slot) in hour_cumulative.iter_mut().enumerate() {
            running += channel.arrivals[span.hour_of_week[k]];
            *slot = running;
        }
        if running <= 0.0 {
            continue;
        }
        let mean = plan.channels[channel.index]
            .handle_time
            .open_minutes(24 * 60) as f64
            * 60.0;
        for _ in 0..count {
            let hour = rng.pick(&hour_cumulative);
            let created = span.hour_start_seconds(hour) + (rng.unit() * 3600.0) as i64;
            let priority = rng.pick(&mix_cumulative);
            let handle = rng.exponential(mean).max(30.0) as u32;
            let escalated_handle = rng.exponential(mean).max(30.0) as u32;
            let escalate = rng.unit() < escalation_share;
            let due = |clock: Option<&TargetClock>| clock.map_or(i64::MAX, |c| c.due(created));
            let (first_due, resolve_due) = match clocks.get(priority) {
                Some(clocks) => (
                    due(clocks.first_response.as_ref()),
                    due(clocks.resolution.as_ref()),
                ),
                None => (i64::MAX, i64::MAX),
            };
            tickets.push(Ticket {
                created,
                pool: pool as u16,
                priority: priority as u16,
                escalate,
                stage: 0,
                handle,
                escalated_handle,
                first_due,
                resolve_due,
                first_response: -1,
                resolved: -1,
            });
        }
    }
    tickets.sort_unstable_by_key(|t| t.created);
    tickets
}

/// What the queues did over the month.
struct QueueRun {
    backlog: Vec<u32>,
    backlog_at: Vec<Instant>,
    escalations: u32,
    resolved: u32,
}

/// The event loop: completions (a heap), hour changes and arrivals, in time order, until the
/// drain days end. The last pool is the escalation tier's.
fn run_queues(pools: &mut [Pool], tickets: &mut [Ticket], span: &MonthSpan) -> QueueRun {
    let mut events: BinaryHeap<Reverse<(i64, u32)>> = BinaryHeap::with_capacity(tickets.len());
    let end_seconds = span.end * 60;
    let mut next_arrival = 0;
    let mut next_hour = 0usize;
    let day_count = (span.days + i64::from(span.drain_days)) as usize;
    let mut run = QueueRun {
        backlog: Vec::with_capacity(day_count),
        backlog_at: Vec::with_capacity(day_count),
        escalations: 0,
        resolved: 0,
    };
    loop {
        let arrival_at = tickets.get(next_arrival).map_or(i64::MAX, |t| t.created);
        let event_at = events.peek().map_or(i64::MAX, |e| e.0 .0);
        let hour_at = if next_hour < span.hours {
            span.hour_start_seconds(next_hour)
        } else {
            i64::MAX
        };
        let now = arrival_at.min(event_at).min(hour_at);
        if now >= end_seconds || now == i64::MAX {
            break;
        }
        let touched = if event_at == now {
            let Some(Reverse((_, id))) = events.pop() else {
                break;
            };
            Some(finish(pools, tickets, &mut events, &mut run, id, now))
        } else if hour_at == now {
            if next_hour > 0 && span.local_days[next_hour] != span.local_days[next_hour - 1] {
                run.backlog.push(next_arrival as u32 - run.resolved);
                run.backlog_at.push(span.start + 60 * next_hour as i64);
            }
            let week_hour = span.hour_of_week[next_hour];
            for pool in pools.iter_mut() {
                let off = pool.holiday.get(next_hour).copied().unwrap_or(false);
                pool.slots = if off {
                    0
                } else {
                    pool.on_shift[week_hour] * pool.concurrency
                };
            }
            next_hour += 1;
            for pool in 0..pools.len() {
                start_work(pools, pool, tickets, &mut events, now);
            }
            None
        } else {
            let ticket = &tickets[next_arrival];
            let pool = ticket.pool as usize;
            pools[pool].queues[ticket.priority as usize].push_back(next_arrival as u32);
            next_arrival += 1;
            Some(pool)
        };
        if let Some(pool) = touched {
            start_work(pools, pool, tickets, &mut events, now);
        }
    }
    run.backlog.push(next_arrival as u32 - run.resolved);
    run.backlog_at.push(span.end);
    run
}

/// A ticket's work ends at `now`: it escalates to the last pool, or is resolved. Returns the
/// pool whose agent came free.
fn finish(
    pools: &mut [Pool],
    tickets: &mut [Ticket],
    events: &mut BinaryHeap<Reverse<(i64, u32)>>,
    run: &mut QueueRun,
    id: u32,
    now: i64,
) -> usize {
    let escalation_pool = pools.len() - 1;
    let ticket = &mut tickets[id as usize];
    let pool = if ticket.stage == 0 {
        ticket.pool as usize
    } else {
        escalation_pool
    };
    pools[pool].busy -= 1;
    if ticket.stage == 0 && ticket.escalate {
        ticket.stage = 1;
        run.escalations += 1;
        pools[escalation_pool].queues[ticket.priority as usize].push_back(id);
        start_work(pools, escalation_pool, tickets, events, now);
    } else {
        ticket.resolved = now;
        run.resolved += 1;
    }
    pool
}

/// Each priority's tickets, and how many met the targets its clocks promise.
fn outcomes(plan: &Plan, tickets: &[Ticket], clocks: &[PriorityClocks]) -> Vec<PriorityOutcome> {
    let mut priorities: Vec<PriorityOutcome> = plan
        .priorities
        .iter()
        .map(|p| PriorityOutcome {
            priority: p.name.clone(),
            tickets: 0,
            with_targets: 0,
            with_resolution_target: 0,
            first_response_met: 0,
            resolution_met: 0,
            escalated: 0,
            never_resolved: 0,
        })
        .collect();
    for ticket in tickets {
        let Some(outcome) = priorities.get_mut(ticket.priority as usize) else {
            continue;
        };
        outcome.tickets += 1;
        outcome.escalated += u32::from(ticket.escalate && ticket.stage == 1);
        outcome.never_resolved += u32::from(ticket.resolved < 0);
        let Some(clocks) = clocks.get(ticket.priority as usize) else {
            continue;
        };
        if clocks.first_response.is_some() {
            outcome.with_targets += 1;
            let answered = ticket.first_response >= 0 && ticket.first_response <= ticket.first_due;
            outcome.first_response_met += u32::from(answered);
        }
        if clocks.resolution.is_some() {
            outcome.with_resolution_target += 1;
            let resolved = ticket.resolved >= 0 && ticket.resolved <= ticket.resolve_due;
            outcome.resolution_met += u32::from(resolved);
        }
    }
    priorities
}

/// Starts as many queued tickets as the pool has free agents.
fn start_work(
    pools: &mut [Pool],
    index: usize,
    tickets: &mut [Ticket],
    events: &mut BinaryHeap<Reverse<(i64, u32)>>,
    now: i64,
) {
    let pool = &mut pools[index];
    while pool.busy < pool.slots {
        let Some(id) = pool.next_ticket() else { return };
        let ticket = &mut tickets[id as usize];
        let handle = if ticket.stage == 0 {
            ticket.first_response = now;
            ticket.handle
        } else {
            ticket.escalated_handle
        };
        pool.busy += 1;
        events.push(Reverse((now + i64::from(handle), id)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capacity::Zone;
    use crate::plan::{Channel, ChannelKind, Duration, SlaTarget, Weekday, WeeklyInterval};

    #[test]
    fn an_absurd_volume_is_refused_not_simulated() {
        let error = simulate(&plan(5, u32::MAX), &SimulationConfig::default()).unwrap_err();
        assert!(
            error.to_string().contains("more than the simulation runs"),
            "{error}"
        );
    }

    fn plan(team_size: u32, monthly_volume: u32) -> Plan {
        let mut plan = Plan::blank();
        plan.header.time_zone = "Europe/Berlin".into();
        plan.header.monthly_volume = monthly_volume;
        plan.header.team_size = team_size;
        plan.calendars.push(Calendar {
            name: "Office".into(),
            time_zone: "Europe/Berlin".into(),
            intervals: Weekday::ALL[..5]
                .iter()
                .map(|&d| {
                    WeeklyInterval::new(d, "08:00".parse().unwrap(), "18:00".parse().unwrap())
                })
                .collect(),
            holidays: vec![],
            holidays_from: String::new(),
        });
        plan.channels = vec![
            Channel {
                name: "Email".into(),
                kind: ChannelKind::Email,
                hours: "Office".into(),
                volume_share: 70.0,
                handle_time: Duration::minutes(12),
                concurrency: 1,
                route_to: "Tier 1".into(),
                ..Channel::default()
            },
            Channel {
                name: "Chat".into(),
                kind: ChannelKind::Chat,
                hours: "Office".into(),
                volume_share: 30.0,
                handle_time: Duration::minutes(10),
                concurrency: 2,
                route_to: "Tier 1".into(),
                ..Channel::default()
            },
        ];
        let mut policy = crate::plan::SlaPolicy {
            name: "Standard".into(),
            ..crate::plan::SlaPolicy::default()
        };
        let office =
            |within| crate::plan::MetricTarget::new(crate::plan::Target::Within(within), "Office");
        for (priority, first, resolution) in [
            ("Critical", Duration::minutes(30), Duration::hours(4)),
            ("High", Duration::hours(2), Duration::hours(8)),
            ("Normal", Duration::hours(8), Duration::business_days(3)),
            (
                "Low",
                Duration::business_days(1),
                Duration::business_days(5),
            ),
        ] {
            policy.targets.push(SlaTarget {
                priority: priority.into(),
                first_response: office(first),
                resolution: office(resolution),
                ..SlaTarget::default()
            });
        }
        plan.sla = vec![policy];
        plan
    }

    /// Issue #11: the simulation counted a day every 24 elapsed hours. October 2026 in Berlin has
    /// 745 hours (clocks go back on Sunday the 25th), so the backlog had a day too many: 31 days
    /// of the month and 14 drain days are 45 day-ends, not 46.
    #[test]
    fn a_month_where_clocks_go_back_has_its_calendar_days() {
        let config = SimulationConfig {
            month: 10,
            ..SimulationConfig::default()
        };
        let result = simulate(&plan(10, 3000), &config).unwrap();
        assert_eq!(result.backlog.len(), 31 + 14);
        assert_eq!((result.month_days, result.drain_days), (31, 14));
        assert_eq!(result.backlog_at.len(), result.backlog.len());
        // Every snapshot is at local midnight, before and after the change.
        let berlin = Zone::named("Europe/Berlin").unwrap();
        for (n, &at) in result.backlog_at.iter().enumerate() {
            assert_eq!(berlin.to_local(at).rem_euclid(1440), 0, "day end {n}");
            let first = Date::new(2026, 10, 1).unwrap().days_since_epoch();
            assert_eq!(local_day(&berlin, at) - 1, first + n as i64, "day end {n}");
        }
    }

    /// The month is the plan's choice, else the one after today; its holidays count: a plan
    /// closed on Monday 5 July 2027 (Independence Day, observed) leaves more tickets open at the
    /// end of that day than the same plan without the holiday.
    #[test]
    fn the_chosen_month_is_simulated_with_its_holidays() {
        let today = Date {
            year: 2026,
            month: 12,
            day: 7,
        };
        let mut plan = plan(10, 3000);
        let next = SimulationConfig::for_plan(&plan, today);
        assert_eq!((next.year, next.month), (2027, 1), "December rolls over");
        plan.staffing.simulated_month = Some(Date {
            year: 2027,
            month: 7,
            day: 20,
        });
        let config = SimulationConfig::for_plan(&plan, today);
        assert_eq!((config.year, config.month), (2027, 7));
        let open = simulate(&plan, &config).unwrap();
        assert_eq!(
            open.first_day,
            Date {
                year: 2027,
                month: 7,
                day: 1
            }
        );
        for calendar in &mut plan.calendars {
            calendar.holidays.push(crate::plan::Holiday {
                name: "Independence Day (observed)".into(),
                date: Date {
                    year: 2027,
                    month: 7,
                    day: 5,
                },
                yearly: false,
            });
        }
        let closed = simulate(&plan, &config).unwrap();
        // Backlog index 4 is the end of 5 July.
        assert!(
            closed.backlog[4] > open.backlog[4],
            "{} vs {}",
            closed.backlog[4],
            open.backlog[4]
        );
    }

    #[test]
    fn the_same_seed_gives_the_same_month() {
        let plan = plan(10, 3000);
        let config = SimulationConfig::default();
        let first = simulate(&plan, &config).unwrap();
        assert_eq!(first, simulate(&plan, &config).unwrap());
        let other = simulate(&plan, &SimulationConfig { seed: 7, ..config }).unwrap();
        assert_ne!(first.backlog, other.backlog);
        assert_eq!(first.tickets, 3000);
        assert_eq!(first.tickets, other.tickets);
    }

    #[test]
    fn ample_staff_meets_nearly_every_target() {
        let result = simulate(&plan(60, 3000), &SimulationConfig::default()).unwrap();
        for outcome in &result.priorities {
            assert!(outcome.tickets > 500, "{outcome:?}");
            assert!(
                outcome.first_response_attainment() > Some(0.97),
                "{outcome:?}"
            );
            assert!(outcome.resolution_attainment() > Some(0.95), "{outcome:?}");
        }
        assert_eq!(result.unresolved, 0);
        // Escalations: about 15 % of 3,000.
        assert!(
            (350..550).contains(&result.escalations),
            "{}",
            result.escalations
        );
    }

    #[test]
    fn one_agent_collapses() {
        let result = simulate(&plan(1, 3000), &SimulationConfig::default()).unwrap();
        let normal = &result.priorities[2];
        assert!(normal.resolution_attainment() < Some(0.3), "{normal:?}");
        assert!(result.unresolved > 1000, "{}", result.unresolved);
        // The backlog grows through the month.
        assert!(result.backlog[25] > result.backlog[5]);
    }

    #[test]
    fn urgent_tickets_go_first_when_short_staffed() {
        let result = simulate(&plan(4, 3000), &SimulationConfig::default()).unwrap();
        let critical = result.priorities[0].first_response_attainment();
        let low = result.priorities[3].first_response_attainment();
        assert!(critical >= low, "critical {critical:?} low {low:?}");
    }

    #[test]
    fn a_hundred_thousand_tickets_run() {
        let result = simulate(&plan(400, 100_000), &SimulationConfig::default()).unwrap();
        assert_eq!(result.tickets, 100_000);
    }

    /// `cargo test --release --no-default-features -- --ignored simulation_speed --nocapture`;
    /// with `SIMULATION_PLAN=plan.json` it simulates that plan (the benchmark passes the plan the
    /// browser simulates too, so the two speeds compare).
    #[test]
    #[ignore]
    fn simulation_speed() {
        let plan = match std::env::var("SIMULATION_PLAN") {
            Ok(file) => {
                crate::plan::json::from_json(&std::fs::read_to_string(file).unwrap()).unwrap()
            }
            Err(_) => plan(400, 100_000),
        };
        let tickets = plan.header.monthly_volume;
        let started = std::time::Instant::now();
        let runs = 5;
        for seed in 0..runs {
            simulate(
                &plan,
                &SimulationConfig {
                    seed,
                    ..SimulationConfig::default()
                },
            )
            .unwrap();
        }
        let seconds = started.elapsed().as_secs_f64() / runs as f64;
        println!(
            "{} tickets in {seconds:.3} s: {:.0} tickets/s",
            crate::plan::limits::thousands(tickets as usize),
            f64::from(tickets) / seconds
        );
    }

    /// FNV-1a of a text: a short fingerprint of a whole result.
    fn fingerprint(text: &str) -> u64 {
        text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
            (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    /// Every figure a month had before `simulate` was split into steps, as text.
    fn pinned_text(month: &SimulationResult) -> String {
        let priorities: Vec<_> = month
            .priorities
            .iter()
            .map(|p| {
                let counts = [
                    p.tickets,
                    p.with_targets,
                    p.with_resolution_target,
                    p.first_response_met,
                    p.resolution_met,
                    p.escalated,
                ];
                (p.priority.clone(), counts)
            })
            .collect();
        format!(
            "{} {priorities:?} {:?} {} {} {:?} {:?} {} {} {} {:?}",
            month.tickets,
            month.first_day,
            month.month_days,
            month.drain_days,
            month.backlog,
            month.backlog_at,
            month.escalation_share,
            month.escalations,
            month.unresolved,
            month.pools
        )
    }

    /// The months of two seeded plans are pinned whole (every count, backlog and roster), so
    /// that reshaping the code cannot change what it shows. The fingerprints were taken from the
    /// code before `simulate` was split into steps (and before deadlines kept seconds); a change
    /// of the model has to change them on purpose. The counts beside them say what they hold.
    /// Both changed on purpose (issue 23): the roster lost an agent in hours where the carried
    /// agent-hours summed to a whole number less a rounding error (2 × 0.999…), and now keeps
    /// it. March resolves more of Critical and High in time (712 → 737, 716 → 717); October
    /// leaves fewer tickets open (1,792 → 1,738). Both teams are smaller than the pools'
    /// head-counts together, so the team is still split by work.
    #[test]
    fn seeded_months_are_pinned() {
        assert!(staffing(&plan(8, 3000)).unwrap().head_count > 8);
        assert!(staffing(&plan(3, 4000)).unwrap().head_count > 3);
        let march = simulate(&plan(8, 3000), &SimulationConfig::default()).unwrap();
        let met: Vec<_> = march
            .priorities
            .iter()
            .map(|p| (p.tickets, p.first_response_met, p.resolution_met))
            .collect();
        assert_eq!(
            met,
            [
                (755, 669, 737),
                (727, 643, 717),
                (763, 757, 763),
                (755, 641, 755)
            ]
        );
        assert_eq!(fingerprint(&pinned_text(&march)), PIN_MARCH);
        let october = SimulationConfig {
            month: 10,
            seed: 11,
            ..SimulationConfig::default()
        };
        let short = simulate(&plan(3, 4000), &october).unwrap();
        assert_eq!(short.unresolved, 1738);
        assert_eq!(fingerprint(&pinned_text(&short)), PIN_OCTOBER);
    }

    const PIN_MARCH: u64 = 14_461_651_781_450_829_748;
    const PIN_OCTOBER: u64 = 18_433_787_682_409_472_016;

    /// Issue 23 item 4: Low promises no resolution time, so it has no resolution attainment (not
    /// a green 100 %), while its first response still has one. With one agent for 3,000 tickets
    /// many stay open: each priority's "never resolved" adds up to the month's, and every ticket
    /// never resolved under a resolution target is counted as missing it.
    #[test]
    fn a_metric_without_a_target_has_no_attainment_and_the_open_tickets_agree() {
        let mut plan = plan(1, 3000);
        plan.sla[0].targets[3].resolution.target = crate::plan::Target::NoTarget;
        let result = simulate(&plan, &SimulationConfig::default()).unwrap();
        let low = &result.priorities[3];
        assert!(low.tickets > 500, "{low:?}");
        assert_eq!(low.resolution_attainment(), None);
        assert!(low.first_response_attainment().is_some());
        let never: u32 = result.priorities.iter().map(|p| p.never_resolved).sum();
        assert!(never > 1000, "{never}");
        assert_eq!(never, result.unresolved);
        for outcome in &result.priorities[..3] {
            let late = outcome.with_resolution_target - outcome.resolution_met;
            assert!(late >= outcome.never_resolved, "{outcome:?}");
        }
    }

    /// Issue 23 item 4: the month's holidays count. With Monday 9 March 2026 a holiday of the
    /// Office calendar both channels run on, nobody is on shift that day while email keeps
    /// arriving, so more tickets are open at the end of the 9th (backlog[8]) than on an
    /// ordinary Monday, and fewer first responses are in time over the month.
    #[test]
    fn the_months_holidays_close_the_desks() {
        let ordinary = simulate(&plan(10, 3000), &SimulationConfig::default()).unwrap();
        let mut with_holiday = plan(10, 3000);
        with_holiday.calendars[0]
            .holidays
            .push(crate::plan::Holiday {
                name: "Closed".into(),
                date: Date::new(2026, 3, 9).unwrap(),
                yearly: false,
            });
        let closed = simulate(&with_holiday, &SimulationConfig::default()).unwrap();
        assert!(
            closed.backlog[8] > ordinary.backlog[8],
            "{} vs {}",
            closed.backlog[8],
            ordinary.backlog[8]
        );
        let met = |m: &SimulationResult| {
            m.priorities
                .iter()
                .map(|p| p.first_response_met)
                .sum::<u32>()
        };
        assert!(met(&closed) < met(&ordinary));
    }

    #[test]
    fn teams_split_by_need() {
        assert_eq!(split_by_work(10, &[3.0, 1.0, 0.0]), vec![8, 2, 0]);
        assert_eq!(split_by_work(3, &[100.0, 1.0, 1.0]), vec![1, 1, 1]);
        assert_eq!(split_by_work(0, &[1.0]), vec![0]);
    }
}
