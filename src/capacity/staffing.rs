//! Head-count from the plan: offered load per channel and hour of the week (168 hours from Monday
//! 00:00 in the plan's home zone), Erlang C for live channels, a workload model for deferred ones.
//!
//! Assumptions, all visible to the user:
//! - Weekly contacts = `header.monthly_volume` × `volume_share` % × 12 / 52; chat volume is reduced
//!   by the chatbot's containment, if the plan sets one.
//! - Arrivals follow the channel's own weekly pattern, else the plan's shared one, else the
//!   built-in daytime shape (busy 09:00–17:00, quiet nights, weekends at 40 %; see `profile`).
//!   Live channels (chat, phone) only receive contacts while open; deferred ones any time.
//! - Live: each channel's own answer-time target (seconds; default 20 s for phone, 30 s for
//!   chat), service level and maximum occupancy (default: the plan-wide ones). No SLA target is
//!   read. Chat concurrency c divides the handle time (an agent with c chats clears contacts c
//!   times as fast), the usual approximation; it ignores that concurrent chats each take longer.
//! - Deferred: the week's work (contacts × handle time) is spread evenly over the channel's open
//!   hours, with agents busy at most the plan-wide `max_occupancy` of the time. The arrival
//!   pattern moves their queue, not their staffing: the work can wait for an open hour.
//! - Head-count = the larger of the agents on shift at the busiest hour and the week's agent-hours
//!   over a 40-hour week, both grossed up for shrinkage: ceil(N / (1 − shrinkage)).

use crate::plan::{Calendar, Channel, ChannelKind, Date, Plan};

use super::business::{business_minutes_in_steps, Instant, MINUTES_PER_DAY};
use super::erlang::{scheduled, LiveDemand};
use super::on_call::{cover, ChannelLoad, OnCallCover};
use super::profile::{self, ProfileSource};
use super::zones::Zone;
use super::CapacityError;

pub use super::profile::WEEK_HOURS;
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
    /// Head-count the plan needs, after shrinkage: whole people for each channel's desks and for
    /// the escalation tier, as the simulated month (and the what-if) rosters them, each pool on
    /// its own; never fewer than `pooled_head_count`.
    pub head_count: u32,
    /// What the head-count would be were every agent to take every channel's and the escalation
    /// tier's work (the busiest hour or the week's hours of all of it together).
    pub pooled_head_count: u32,
    /// The tier escalated tickets go to, and what it needs.
    pub escalation: EscalationStaffing,
    /// Head-count the plan has (`header.team_size`).
    pub team_size: u32,
    /// Shrinkage used (0–0.95).
    pub shrinkage: f64,
    /// Things assumed because the plan left them open, in words.
    pub notes: Vec<String>,
}

impl StaffingPlan {
    /// The `count` busiest hours of the week (most agents on shift first, then earliest).
    pub fn peak_hours(&self, count: usize) -> Vec<usize> {
        let mut hours: Vec<usize> = (0..self.on_duty.len())
            .filter(|&h| self.on_duty[h] > 0.0)
            .collect();
        hours.sort_by(|&a, &b| self.on_duty[b].total_cmp(&self.on_duty[a]).then(a.cmp(&b)));
        hours.truncate(count);
        hours
    }

    /// How the head-count adds up, in words: "Chat 5 + Email 4 + Tier 2 (escalations) 1 = 10".
    /// Each channel's desks and the escalation tier are a pool of whole people of their own, as
    /// the simulated month and the what-if roster them.
    pub fn head_count_sum(&self) -> String {
        let mut parts: Vec<String> = self
            .channels
            .iter()
            .filter(|c| c.head_count > 0)
            .map(|c| format!("{} {}", c.name, c.head_count))
            .collect();
        if self.escalation.head_count > 0 {
            parts.push(format!(
                "{} (escalations) {}",
                self.escalation.tier, self.escalation.head_count
            ));
        }
        let sum = self
            .channels
            .iter()
            .map(|c| c.head_count)
            .fold(self.escalation.head_count, u32::saturating_add);
        if sum < self.head_count || parts.is_empty() {
            return self.head_count.to_string();
        }
        // A plan of many channels names the first few and adds up the rest.
        const NAMED: usize = 6;
        if parts.len() > NAMED + 1 {
            let named: u32 = self
                .channels
                .iter()
                .filter(|c| c.head_count > 0)
                .take(NAMED)
                .map(|c| c.head_count)
                .fold(0, u32::saturating_add);
            let others = parts.len() - NAMED;
            parts.truncate(NAMED);
            parts.push(format!("{others} more {}", sum - named));
        }
        format!("{} = {}", parts.join(" + "), self.head_count)
    }

    /// Whether some hour needs more agents than the maths searches (those figures are a floor).
    pub fn capped(&self) -> bool {
        self.channels.iter().any(|c| !c.capped_hours.is_empty())
    }

    /// The channels' on-call rotations, each with its channel.
    pub fn on_call(&self) -> impl Iterator<Item = (&ChannelStaffing, &OnCallCover)> {
        self.channels
            .iter()
            .filter_map(|c| c.on_call.as_ref().map(|cover| (c, cover)))
    }

    /// People on call at once across the plan: each rotation (by name) counted once, at the most
    /// people any of its channels has on call.
    pub fn on_call_people(&self) -> u32 {
        let mut rotations: Vec<(String, u32)> = Vec::new();
        for (_, cover) in self.on_call() {
            let name = cover.rotation.trim().to_lowercase();
            match rotations.iter_mut().find(|(known, _)| *known == name) {
                Some((_, people)) => *people = (*people).max(cover.people),
                None => rotations.push((name, cover.people)),
            }
        }
        // Saturating: people typed absurdly large must not overflow the count.
        rotations
            .iter()
            .fold(0u32, |sum, (_, people)| sum.saturating_add(*people))
    }
}

/// The tier escalated tickets go to and the agents it needs for them: the escalated share of the
/// channels' work spread over the tier's open hours (the simulated month's last pool).
#[derive(Clone, Debug, PartialEq)]
pub struct EscalationStaffing {
    /// The tier's name, or "Escalations" when no tier follows the first channel's.
    pub tier: String,
    /// Share of tickets that escalate (0–1).
    pub share: f64,
    /// Agents needed on shift per hour of the week, and their week's agent-hours.
    pub required: Vec<f64>,
    pub agent_hours: f64,
    pub peak: f64,
    /// Head-count the tier needs for them, after shrinkage.
    pub head_count: u32,
}

/// What a live channel is staffed to: answer `service_level` of contacts within
/// `answer_within_seconds`, with agents busy at most `max_occupancy` of the time.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LiveTargets {
    pub answer_within_seconds: u32,
    /// Fraction (0.8 = 80 %).
    pub service_level: f64,
    /// Fraction (0.85 = 85 %).
    pub max_occupancy: f64,
}

/// The answer-time target a live channel gets when the plan sets none: the 80/20 convention of
/// phone support (20 s), a little longer for chat, where an agent greets within half a minute.
pub fn default_answer_seconds(kind: ChannelKind) -> u32 {
    match kind {
        ChannelKind::Chat => 30,
        _ => 20,
    }
}

/// The targets a live channel is staffed to: its own where set, else the defaults.
pub fn live_targets(plan: &Plan, channel: &Channel) -> LiveTargets {
    let assumptions = &plan.staffing;
    LiveTargets {
        answer_within_seconds: channel
            .answer_within_seconds
            .unwrap_or_else(|| default_answer_seconds(channel.kind)),
        service_level: percent(
            channel.service_level.unwrap_or(assumptions.service_level),
            0.8,
        ),
        max_occupancy: percent(
            channel.max_occupancy.unwrap_or(assumptions.max_occupancy),
            0.85,
        ),
    }
}

/// The plan-wide shrinkage as a fraction (0–0.95).
pub fn shrinkage(plan: &Plan) -> f64 {
    let shrinkage = plan.staffing.shrinkage;
    if shrinkage.is_finite() {
        (shrinkage / 100.0).clamp(0.0, 0.95)
    } else {
        0.3
    }
}

/// Something the staffing maths needs and the plan does not give, in words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MissingInput {
    /// The field to fill in: `header.monthly_volume`.
    pub path: crate::plan::Path,
    pub message: String,
}

/// What the plan lacks for the staffing figures to mean anything: no volume, channel shares that
/// do not add up to 100 %, no open hours. Empty when the maths can run.
pub fn missing_inputs(plan: &Plan) -> Vec<MissingInput> {
    let mut missing = Vec::new();
    use crate::plan::Path;
    let mut say = |path: Path, message: String| missing.push(MissingInput { path, message });
    if plan.header.monthly_volume == 0 {
        say(
            Path::field("header").then("monthly_volume"),
            "No monthly ticket volume yet: enter it under Overview.".to_string(),
        );
    }
    if plan.channels.is_empty() {
        say(
            Path::field("channels"),
            "No channels yet: add the ways customers reach support under Channels.".to_string(),
        );
        return missing;
    }
    let total: f64 = plan.channels.iter().map(|c| c.volume_share).sum();
    if !total.is_finite() || (total - 100.0).abs() > 0.5 {
        say(
            Path::field("channels").at(0).then("volume_share"),
            format!(
                "Channel shares of volume add up to {} %, not 100 %: fix them under Channels.",
                (total * 10.0).round() / 10.0
            ),
        );
    }
    let never_open = plan.channels.iter().all(|channel| {
        plan.calendar(&channel.hours)
            .is_some_and(|calendar| calendar.weekly_open_minutes() == 0)
    });
    if never_open {
        say(
            Path::field("channels").at(0).then("hours"),
            "No channel is ever open: give the channels' calendars opening hours.".to_string(),
        );
    }
    missing
}

/// Why the staffing figures are not worked out: the plan lacks inputs, or the maths cannot run.
#[derive(Clone, Debug, PartialEq)]
pub enum NotWorkedOut {
    /// What to fill in first (no volume, shares off 100 %, nothing open).
    Missing(Vec<MissingInput>),
    /// The maths cannot run (an unknown time zone).
    Failed(CapacityError),
}

/// The one staffing answer every view reads (Capacity, the findings, the documents): the figures
/// when the plan has what they need, else why not.
pub type Staffed = Result<StaffingPlan, NotWorkedOut>;

/// Works out the staffing only when the plan has the inputs it needs.
pub fn ready(plan: &Plan) -> Staffed {
    let missing = missing_inputs(plan);
    if !missing.is_empty() {
        return Err(NotWorkedOut::Missing(missing));
    }
    staffing(plan).map_err(NotWorkedOut::Failed)
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
    /// Live channels: the targets it is staffed to.
    pub targets: Option<LiveTargets>,
    /// Where its arrival pattern comes from.
    pub profile: ProfileSource,
    /// Hours of the week whose need reached the agent cap (the figure there is a floor).
    pub capped_hours: Vec<usize>,
    /// The on-call rotation answering some or all of its hours (no desk agents then).
    pub on_call: Option<OnCallCover>,
}

impl ChannelStaffing {
    /// Whether its head-count is set by the busiest hour (else by the week's agent-hours).
    pub fn set_by_peak(&self, shrinkage: f64) -> bool {
        scheduled(self.peak, shrinkage) >= self.head_count
    }
}

/// A Monday to start the reference week on (no DST change in it in either hemisphere).
const REFERENCE_MONDAY: (i32, u8, u8) = (2026, 1, 5);

/// The plan's home zone; an empty one reads as UTC (with a note).
pub fn home_zone(plan: &Plan, notes: &mut Vec<String>) -> Result<Zone, CapacityError> {
    if plan.header.time_zone.trim().is_empty() {
        notes.push("No home time zone set; hours are shown in UTC.".to_string());
        return Ok(Zone::UTC);
    }
    Zone::named(&plan.header.time_zone).map_err(CapacityError::UnknownZone)
}

/// Share of tickets per plan priority (same order as `plan.priorities`, sums to 1): the plan's own
/// mix where it sets one, else the taxonomy's category shares summed by default priority, else
/// equal shares.
pub fn priority_mix(plan: &Plan) -> Vec<f64> {
    let mut mix = vec![0.0; plan.priorities.len()];
    for share in &plan.staffing.priority_mix {
        if let Some(rank) = plan.priority_rank(&share.priority) {
            if share.share.is_finite() {
                mix[rank] += share.share.max(0.0);
            }
        }
    }
    if mix.iter().sum::<f64>() > 0.0 {
        return normalised(mix);
    }
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
    let week = Week {
        hours: reference_week(&zone),
        occupancy: percent(plan.staffing.max_occupancy, 0.85),
        shrinkage: shrinkage(plan),
    };
    let mut channels = Vec::with_capacity(plan.channels.len());
    // Channels mostly share a few calendars; each calendar's week is worked out once.
    let mut weeks_open: Vec<(&str, Vec<f64>)> = Vec::new();
    for (index, channel) in plan.channels.iter().enumerate() {
        let open = open_week(plan, channel, &week.hours, &mut weeks_open, &mut notes)?;
        channels.push(channel_staffing(
            plan, index, channel, open, &week, &mut notes,
        )?);
    }
    let on_duty: Vec<f64> = (0..WEEK_HOURS)
        .map(|hour| channels.iter().map(|c| c.required[hour]).sum())
        .collect();
    let (peak_on_duty, peak_hour) = peak_of(&on_duty);
    let escalation = escalation_staffing(plan, &channels, &week.hours, week.shrinkage)?;
    let pooled: Vec<f64> = on_duty
        .iter()
        .zip(&escalation.required)
        .map(|(desks, tier)| desks + tier)
        .collect();
    let pooled_head_count = head_count(peak_of(&pooled).0, pooled.iter().sum(), week.shrinkage);
    // Saturating: a plan of absurd volumes must not overflow the count.
    let per_pool = channels
        .iter()
        .map(|c| c.head_count)
        .fold(escalation.head_count, u32::saturating_add);
    Ok(StaffingPlan {
        channels,
        head_count: per_pool.max(pooled_head_count),
        pooled_head_count,
        escalation,
        on_duty,
        peak_on_duty,
        peak_hour,
        team_size: plan.header.team_size,
        shrinkage: week.shrinkage,
        notes,
    })
}

/// What every channel's staffing shares: the reference week's hours, the plan's occupancy cap
/// and its shrinkage.
struct Week {
    hours: Vec<Instant>,
    occupancy: f64,
    shrinkage: f64,
}

/// How open `channel`'s calendar is in each hour of the reference week (a calendar the plan does
/// not define counts as 24/7, said in a note for each channel on it); each calendar's week is
/// worked out once.
fn open_week<'p>(
    plan: &'p Plan,
    channel: &'p Channel,
    week: &[Instant],
    weeks_open: &mut Vec<(&'p str, Vec<f64>)>,
    notes: &mut Vec<String>,
) -> Result<Vec<f64>, CapacityError> {
    let calendar = match plan.calendar(&channel.hours) {
        Some(calendar) => calendar,
        None => {
            notes.push(format!(
                "Channel \"{}\" uses calendar \"{}\", which the plan does not define; counted as 24/7.",
                channel.name, channel.hours
            ));
            std::borrow::Cow::Owned(Calendar::always_open())
        }
    };
    if let Some((_, open)) = weeks_open.iter().find(|(name, _)| *name == channel.hours) {
        return Ok(open.clone());
    }
    let open = open_hours(&calendar, week)?;
    weeks_open.push((&channel.hours, open.clone()));
    Ok(open)
}

/// Contacts a week on `channel`: its share of the monthly volume, less what the chatbot
/// contains on chat.
fn weekly_contacts(plan: &Plan, channel: &Channel) -> f64 {
    let monthly = f64::from(plan.header.monthly_volume);
    let mut weekly = monthly * channel.volume_share.max(0.0) / 100.0 / WEEKS_PER_MONTH;
    if channel.kind == ChannelKind::Chat {
        if let Some(contained) = plan.automation.chatbot_containment {
            weekly *= 1.0 - (contained / 100.0).clamp(0.0, 1.0);
        }
    }
    weekly
}

/// The share of the week's contacts arriving in each hour. A live channel's arrivals fall in
/// its open hours (spread evenly over them when its profile has none then, said in a note).
fn channel_arrivals(
    plan: &Plan,
    channel: &Channel,
    open: &[f64],
    weekly_contacts: f64,
    notes: &mut Vec<String>,
) -> (Vec<f64>, ProfileSource) {
    let (base, profile) = profile::for_channel(plan, channel);
    if !channel.kind.is_live() {
        return (normalised(base), profile);
    }
    let weighted: Vec<f64> = base.iter().zip(open).map(|(b, o)| b * o).collect();
    if weighted.iter().sum::<f64>() > 0.0 {
        return (normalised(weighted), profile);
    }
    if open.iter().any(|o| *o > 0.0) && weekly_contacts > 0.0 {
        notes.push(format!(
            "Channel \"{}\" follows {}, which has no arrivals while it is open; its contacts are spread evenly over its open hours.",
            channel.name,
            profile.label()
        ));
    }
    (normalised(open.to_vec()), profile)
}

/// One channel: its load, the on-call rotation's cover, and the agents its desks need each hour.
fn channel_staffing(
    plan: &Plan,
    index: usize,
    channel: &Channel,
    open: Vec<f64>,
    week: &Week,
    notes: &mut Vec<String>,
) -> Result<ChannelStaffing, CapacityError> {
    let live = channel.kind.is_live();
    let weekly_contacts = weekly_contacts(plan, channel);
    let handle_seconds = channel.handle_time.open_minutes(24 * 60) as f64 * 60.0;
    let (arrivals, profile) = channel_arrivals(plan, channel, &open, weekly_contacts, notes);
    let targets = live.then(|| live_targets(plan, channel));
    let on_call = match channel.rotation() {
        Some(on_call) => {
            let own_hours = on_call_hours(plan, channel, on_call, &week.hours, notes)?;
            let load = ChannelLoad {
                open: &open,
                arrivals: &arrivals,
                weekly_contacts,
                handle_seconds,
                max_occupancy: week.occupancy,
            };
            Some(cover(on_call, own_hours.as_deref(), &load))
        }
        None => None,
    };
    let mut capped_hours = Vec::new();
    let desks = Desks {
        open: &open,
        arrivals: &arrivals,
        on_call: on_call.as_ref(),
        weekly_contacts,
        handle_seconds,
        occupancy: week.occupancy,
    };
    let required = desks.required(channel, targets, &mut capped_hours);
    if weekly_contacts > 0.0 && open.iter().all(|o| *o <= 0.0) {
        notes.push(format!(
            "Channel \"{}\" is never open, so its contacts are never answered.",
            channel.name
        ));
    }
    let (peak, peak_hour) = peak_of(&required);
    let agent_hours: f64 = required.iter().sum();
    Ok(ChannelStaffing {
        index,
        name: channel.name.clone(),
        kind: channel.kind,
        live,
        weekly_contacts,
        arrivals,
        open,
        scheduled_at_peak: scheduled(peak, week.shrinkage),
        head_count: head_count(peak, agent_hours, week.shrinkage),
        required,
        peak,
        peak_hour,
        agent_hours,
        targets,
        profile,
        capped_hours,
        on_call,
    })
}

/// A channel's desks: the hours no rotation covers, and the work that arrives then.
struct Desks<'a> {
    open: &'a [f64],
    arrivals: &'a [f64],
    on_call: Option<&'a OnCallCover>,
    weekly_contacts: f64,
    handle_seconds: f64,
    occupancy: f64,
}

impl Desks<'_> {
    fn covered(&self, hour: usize) -> bool {
        self.on_call.is_some_and(|cover| cover.covers(hour))
    }

    /// Agents at desks each hour: Erlang C against the targets on a live channel, the week's
    /// work spread over the open hours on a deferred one (work arriving while the rotation
    /// covers the channel is the rotation's).
    fn required(
        &self,
        channel: &Channel,
        targets: Option<LiveTargets>,
        capped_hours: &mut Vec<usize>,
    ) -> Vec<f64> {
        let desk_open: Vec<f64> = self
            .open
            .iter()
            .enumerate()
            .map(|(hour, &o)| if self.covered(hour) { 0.0 } else { o })
            .collect();
        match targets {
            Some(targets) => LiveChannel {
                weekly_contacts: self.weekly_contacts,
                handle_seconds: (self.handle_seconds / f64::from(channel.concurrency.max(1)))
                    .max(1.0),
                targets,
            }
            .required(self.arrivals, &desk_open, capped_hours),
            None => {
                let desk_share: f64 = self
                    .arrivals
                    .iter()
                    .enumerate()
                    .filter(|(hour, _)| !self.covered(*hour))
                    .map(|(_, share)| share)
                    .sum();
                let work_hours = self.weekly_contacts * desk_share * self.handle_seconds / 3600.0;
                spread_work(work_hours, &desk_open, self.occupancy)
            }
        }
    }
}

/// The hours of the week the rotation's own calendar is open, or `None` when it covers the
/// channel's hours (no calendar named, or one the plan does not define: said in a note).
fn on_call_hours(
    plan: &Plan,
    channel: &Channel,
    on_call: &crate::plan::OnCall,
    week: &[Instant],
    notes: &mut Vec<String>,
) -> Result<Option<Vec<f64>>, CapacityError> {
    let name = on_call.hours.trim();
    if name.is_empty() {
        return Ok(None);
    }
    match plan.calendar(name) {
        Some(calendar) => Ok(Some(open_hours(&calendar, week)?)),
        None => {
            notes.push(format!(
                "The on-call rotation of \"{}\" uses calendar \"{name}\", which the plan does not define; counted as all of the channel's hours.",
                channel.name
            ));
            Ok(None)
        }
    }
}

/// A live channel's demand: its contacts a week, the seconds one contact takes an agent, and the
/// answer-time targets it is staffed to.
struct LiveChannel {
    weekly_contacts: f64,
    handle_seconds: f64,
    targets: LiveTargets,
}

impl LiveChannel {
    /// Agents needed on shift in each hour of the week the desks are open (`desk_open`), by
    /// Erlang C; hours that reached the agent cap go to `capped_hours`.
    fn required(
        &self,
        arrivals: &[f64],
        desk_open: &[f64],
        capped_hours: &mut Vec<usize>,
    ) -> Vec<f64> {
        // Hours with the same demand (a flat pattern, a repeated day) are searched once.
        let mut known: Vec<((u64, u64), (u32, bool))> = Vec::new();
        let mut need = |contacts: f64, interval_seconds: f64| {
            let key = (contacts.to_bits(), interval_seconds.to_bits());
            if let Some((_, found)) = known.iter().find(|(k, _)| *k == key) {
                return *found;
            }
            let staffing = LiveDemand {
                contacts,
                interval_seconds,
                handle_seconds: self.handle_seconds,
                answer_within_seconds: f64::from(self.targets.answer_within_seconds),
                service_level: self.targets.service_level,
                max_occupancy: self.targets.max_occupancy,
            }
            .required();
            let found = (staffing.agents, staffing.capped);
            known.push((key, found));
            found
        };
        arrivals
            .iter()
            .zip(desk_open)
            .enumerate()
            .map(|(hour, (&share, &open_fraction))| {
                if open_fraction <= 0.0 {
                    return 0.0;
                }
                let (agents, capped) = need(self.weekly_contacts * share, 3600.0 * open_fraction);
                if capped {
                    capped_hours.push(hour);
                }
                f64::from(agents)
            })
            .collect()
    }
}

/// A deferred channel's agents on shift per hour: `work_hours` a week spread evenly over its open
/// hours, agents busy at most `occupancy` of the time.
fn spread_work(work_hours: f64, open: &[f64], occupancy: f64) -> Vec<f64> {
    let open_total: f64 = open.iter().sum();
    open.iter()
        .map(|&o| {
            if open_total > 0.0 {
                work_hours / open_total * o / occupancy
            } else {
                0.0
            }
        })
        .collect()
}

/// The tier escalations go to: the one after the first channel's tier.
pub fn escalation_tier<'a>(
    plan: &'a Plan,
    channels: &[ChannelStaffing],
) -> Option<&'a crate::plan::Tier> {
    channels
        .iter()
        .find(|c| c.weekly_contacts > 0.0)
        .and_then(|c| {
            plan.tiers
                .iter()
                .position(|t| t.name == plan.channels[c.index].route_to)
        })
        .and_then(|i| plan.tiers.get(i + 1))
}

/// Agents the escalation tier needs per hour of the week: the escalated share of the channels'
/// work, spread over the tier's open hours, at the plan's occupancy.
fn escalation_need(
    plan: &Plan,
    channels: &[ChannelStaffing],
    week: &[Instant],
    tier: Option<&crate::plan::Tier>,
    escalation_share: f64,
) -> Result<Vec<f64>, CapacityError> {
    let occupancy = if plan.staffing.max_occupancy > 0.0 {
        (plan.staffing.max_occupancy / 100.0).min(1.0)
    } else {
        0.85
    };
    let calendar = tier
        .and_then(|tier| plan.calendar(&tier.hours).map(std::borrow::Cow::into_owned))
        .unwrap_or_else(Calendar::always_open);
    let open = open_hours(&calendar, week)?;
    let work: f64 = channels
        .iter()
        .map(|c| {
            c.weekly_contacts * plan.channels[c.index].handle_time.open_minutes(24 * 60) as f64
                / 60.0
        })
        .sum::<f64>()
        * escalation_share;
    let open_total: f64 = open.iter().sum();
    Ok(open
        .iter()
        .map(|o| {
            if open_total > 0.0 {
                work / open_total * o / occupancy
            } else {
                0.0
            }
        })
        .collect())
}

/// The plan's escalation share as a fraction (0–1); a value that is not a number reads as the default.
pub fn escalation_share(plan: &Plan) -> f64 {
    let share = plan.staffing.escalation_share;
    if share.is_finite() {
        (share / 100.0).clamp(0.0, 1.0)
    } else {
        crate::plan::DEFAULT_ESCALATION_SHARE / 100.0
    }
}

/// The escalation tier's staffing: its hourly need and the whole people it takes.
fn escalation_staffing(
    plan: &Plan,
    channels: &[ChannelStaffing],
    week: &[Instant],
    shrinkage: f64,
) -> Result<EscalationStaffing, CapacityError> {
    let tier = escalation_tier(plan, channels);
    let share = escalation_share(plan);
    let required = escalation_need(plan, channels, week, tier, share)?;
    let (peak, _) = peak_of(&required);
    let agent_hours: f64 = required.iter().sum();
    Ok(EscalationStaffing {
        tier: tier.map_or_else(|| "Escalations".to_string(), |t| t.name.clone()),
        share,
        head_count: head_count(peak, agent_hours, shrinkage),
        required,
        agent_hours,
        peak,
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
    use crate::capacity::profile::Preset;
    use crate::plan::{
        Category, Channel, Duration, MetricTarget, PriorityShare, SlaTarget, Target, Weekday,
        WeeklyInterval,
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
            holidays_from: String::new(),
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
        assert_eq!(
            phone.targets.map(|t| t.answer_within_seconds),
            Some(default_answer_seconds(ChannelKind::Phone))
        );
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
    fn the_priority_mix_is_the_plans_else_the_taxonomys() {
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
        let mix = priority_mix(&plan);
        assert!((mix[0] - 10.0 / 70.0).abs() < 1e-12 && mix[1] == 0.0);
        plan.staffing.priority_mix = vec![
            PriorityShare {
                priority: "High".into(),
                share: 30.0,
            },
            PriorityShare {
                priority: "Normal".into(),
                share: 70.0,
            },
        ];
        assert_eq!(priority_mix(&plan), vec![0.0, 0.3, 0.7, 0.0]);
        plan.staffing.priority_mix.clear();
        plan.taxonomy.clear();
        assert_eq!(priority_mix(&plan), vec![0.25; 4]);
    }

    /// A phone line open around the clock, every hour the same: `calls_per_hour` calls of 180 s.
    fn flat_phone(calls_per_hour: f64) -> Plan {
        let mut plan = phone_plan();
        plan.channels[0].hours = "24/7".into();
        plan.channels[0].handle_time = Duration::minutes(3);
        plan.staffing.arrival_profile = Preset::Flat.values();
        // Weekly calls = calls per hour × 168; the month has 52/12 weeks.
        plan.header.monthly_volume = (calls_per_hour * 168.0 * WEEKS_PER_MONTH).round() as u32;
        plan
    }

    /// The published planning case: 100 calls per 30 minutes, 180 s handle time, 80 % answered
    /// in 20 s, at most 85 % occupancy, 30 % shrinkage → 14 agents on the phones, 20 scheduled.
    ///
    /// By hand: the load is A = 100 × 180 s / 1800 s = 10 Erlangs (an hour of 200 calls is the
    /// same load). Erlang B by B(n) = A·B(n−1) / (n + A·B(n−1)) gives B(13) ≈ 0.0843 and
    /// B(14) ≈ 0.0568; the chance of waiting C = N·B / (N − A·(1 − B)) is 0.2853 for 13 agents
    /// and 0.1741 for 14. Answered within 20 s = 1 − C·e^(−(N − A)·20/180): 13 agents give
    /// 1 − 0.2853·e^(−1/3) = 79.6 % (short of 80 %), 14 give 1 − 0.1741·e^(−4/9) = 88.8 %, at
    /// 10/14 = 71 % occupancy (under 85 %). So 14 on the phones; with 30 % of paid time away,
    /// 14 / 0.7 = 20 scheduled. A flat pattern gives every hour of the week exactly that.
    #[test]
    fn a_flat_pattern_gives_the_published_case_every_hour() {
        let plan = flat_phone(200.0);
        let phone = &staffing(&plan).unwrap().channels[0];
        assert_eq!(phone.profile, ProfileSource::Shared);
        for hour in 0..WEEK_HOURS {
            assert!((phone.weekly_contacts * phone.arrivals[hour] - 200.0).abs() < 0.01);
            assert_eq!(phone.required[hour], 14.0, "{}", hour_label(hour));
        }
        assert_eq!(phone.peak, 14.0);
        assert_eq!(phone.scheduled_at_peak, 20);
        assert!(phone.capped_hours.is_empty());
    }

    /// Older plans have no pattern: they keep the built-in shape, so their numbers do not move.
    #[test]
    fn a_plan_without_a_pattern_keeps_the_built_in_shape() {
        let mut plan = phone_plan();
        let before = staffing(&plan).unwrap();
        assert_eq!(before.channels[0].profile, ProfileSource::BuiltIn);
        plan.staffing.arrival_profile = profile::built_in();
        let same = staffing(&plan).unwrap();
        assert_eq!(same.channels[0].required, before.channels[0].required);
        assert_eq!(same.head_count, before.head_count);
    }

    /// All of a week's calls in one hour (Monday 10:00): that hour needs the staffing of the
    /// whole week's calls at once, and no other hour needs anyone.
    #[test]
    fn all_volume_in_one_hour_needs_that_hours_peak_staffing() {
        let mut plan = flat_phone(200.0);
        let mut one_hour = vec![0.0; WEEK_HOURS];
        one_hour[10] = 1.0;
        plan.channels[0].arrival_profile = one_hour;
        let result = staffing(&plan).unwrap();
        let phone = &result.channels[0];
        assert_eq!(phone.profile, ProfileSource::Channel);
        let all_at_once = LiveDemand {
            contacts: phone.weekly_contacts,
            interval_seconds: 3600.0,
            handle_seconds: 180.0,
            answer_within_seconds: 20.0,
            service_level: 0.8,
            max_occupancy: 0.85,
        }
        .required();
        // 33,600 calls of 180 s in one hour are 1,680 Erlangs; at 85 % occupancy at most,
        // at least 1,680 / 0.85 = 1,977 agents.
        assert!(all_at_once.agents >= 1977, "{all_at_once:?}");
        assert_eq!(phone.required[10], f64::from(all_at_once.agents));
        assert_eq!(
            (result.peak_hour, result.peak_on_duty),
            (10, phone.required[10])
        );
        assert_eq!(phone.required.iter().filter(|n| **n > 0.0).count(), 1);
        assert_eq!(result.peak_hours(3), vec![10]);
    }

    #[test]
    fn a_preset_moves_the_hourly_requirement() {
        let mut plan = phone_plan();
        plan.staffing.arrival_profile = Preset::Flat.values();
        let flat = staffing(&plan).unwrap().channels[0].required.clone();
        plan.staffing.arrival_profile = Preset::MondayHeavy.values();
        let monday = staffing(&plan).unwrap().channels[0].required.clone();
        // Same calls a week, Monday 10:00 busier than Friday 10:00 once Monday is heavy.
        assert_eq!(flat[10], flat[4 * 24 + 10]);
        assert!(monday[10] > flat[10] && monday[4 * 24 + 10] < flat[4 * 24 + 10]);
    }

    #[test]
    fn each_live_channel_has_its_own_targets_and_reads_no_sla() {
        let plan = phone_plan();
        let base = staffing(&plan).unwrap().channels[0].peak;
        let with = |change: &dyn Fn(&mut Channel)| {
            let mut plan = phone_plan();
            change(&mut plan.channels[0]);
            staffing(&plan).unwrap().channels[0].peak
        };
        assert!(with(&|c| c.answer_within_seconds = Some(300)) < base);
        assert!(with(&|c| c.service_level = Some(95.0)) > base);
        assert!(with(&|c| c.max_occupancy = Some(50.0)) > base);
        // The SLA targets are for tickets, not for answering the phone.
        let mut plan = phone_plan();
        plan.sla.clear();
        assert_eq!(staffing(&plan).unwrap().channels[0].peak, base);
    }

    #[test]
    fn shrinkage_drives_scheduled_agents() {
        let mut plan = flat_phone(200.0);
        plan.staffing.shrinkage = 0.0;
        assert_eq!(staffing(&plan).unwrap().channels[0].scheduled_at_peak, 14);
        plan.staffing.shrinkage = 50.0;
        assert_eq!(staffing(&plan).unwrap().channels[0].scheduled_at_peak, 28);
    }

    #[test]
    fn missing_inputs_are_named_instead_of_computed() {
        let mut plan = phone_plan();
        assert!(missing_inputs(&plan).is_empty());
        plan.channels[0].volume_share = 110.0;
        let missing = missing_inputs(&plan);
        assert_eq!(missing.len(), 1);
        assert!(
            missing[0].message.contains("add up to 110 %"),
            "{missing:?}"
        );
        plan.channels[0].volume_share = 100.0;
        plan.header.monthly_volume = 0;
        plan.calendars[0].intervals.clear();
        let missing: Vec<String> = missing_inputs(&plan)
            .into_iter()
            .map(|m| m.path.into())
            .collect();
        assert_eq!(missing, ["header.monthly_volume", "channels[0].hours"]);
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
