//! The history against the plan: every ticket's first reply and resolution measured in business
//! time on the plan's calendars, run through the plan's SLA policies (matched by segment tag,
//! organisation and channel as `applies_to` says, in the plan's order; export priorities mapped
//! through the plan's helpdesk mapping) for attainment per policy × priority × metric, breaches by
//! hour of the week, the plan's business minutes beside the helpdesk's own, and how much of the
//! history the taxonomy's keywords would classify. Runs from the compact tickets alone, so it is
//! re-run after every plan edit without reading the file again.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use crate::capacity::business::open_minutes;
use crate::capacity::Zone;
use crate::plan::{ChannelKind, Plan, SlaMetric, SlaPolicy};

use super::clock::Clock;
use super::histogram::Histogram;
use super::reader::History;
use super::record::{Id, Ticket, Tickets};
use super::summary::{local_time, round1, spread_of, top, Count, Share, Spread, HOURS_PER_WEEK};

/// What the history would have scored under the plan.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Replay {
    /// The calendar business times are counted on (the plan's first).
    pub calendar: Option<String>,
    pub first_reply_business: Option<Spread>,
    pub resolution_business: Option<Spread>,
    /// The plan's business minutes beside the helpdesk's, per metric.
    pub helpdesk_comparison: Vec<Comparison>,
    pub taxonomy: Option<Coverage>,
    pub attainment: Vec<Attainment>,
    /// Tickets with at least one breached target, by the hour of the week they arrived.
    pub breaches_by_hour: Vec<u64>,
    /// What could not be replayed, in words.
    pub notes: Vec<String>,
}

/// One row of the replay table: "Enterprise · Urgent · first response within 30m: 1,203 of 1,316".
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Attainment {
    pub policy: String,
    pub priority: String,
    pub metric: SlaMetric,
    /// The target as the plan writes it (`30m`, `2bd`).
    pub target: String,
    pub calendar: String,
    /// Tickets with a time measured for this metric.
    pub measured: u64,
    pub met: u64,
    pub percent: f64,
    /// Tickets of this policy and priority without a time for it (never replied, still open).
    pub without_time: u64,
}

/// The plan's business minutes beside the helpdesk's own for the same tickets.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub metric: SlaMetric,
    pub tickets: u64,
    pub plan_median_minutes: u64,
    pub helpdesk_median_minutes: u64,
    /// Plan minus helpdesk, averaged over the tickets.
    pub mean_difference_minutes: f64,
    /// Tickets on which the two agree within 5 minutes.
    pub agree: Share,
}

/// How much of the history the taxonomy's keywords would classify.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Coverage {
    pub classified: Share,
    /// The most frequent tags on tickets no keyword classifies.
    pub top_unclassified: Vec<Count>,
    /// The most frequent words in the types (categories) of those tickets: candidates for new
    /// keywords. An export keeps no subject or description, so a type's name is all the words.
    #[serde(default)]
    pub top_unclassified_words: Vec<Count>,
}

/// Agreement within this many minutes counts as the same measurement.
pub const AGREE_MINUTES: i64 = 5;

/// The measured metrics: an export has the first reply and the resolution, not every reply.
const MEASURED: [SlaMetric; 2] = [SlaMetric::FirstResponse, SlaMetric::Resolution];

/// The plan channel an export's channel name means: the same name, else the same kind.
pub fn plan_channel(plan: &Plan, name: &str) -> Option<usize> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    if let Some(index) = plan
        .channels
        .iter()
        .position(|c| c.name.eq_ignore_ascii_case(name))
    {
        return Some(index);
    }
    let kind = channel_kind(name)?;
    plan.channels.iter().position(|c| c.kind == kind)
}

/// The kind of channel an export's name for it means (Zendesk's `via.channel`, Freshdesk's source).
pub fn channel_kind(name: &str) -> Option<ChannelKind> {
    let key = name.trim().to_ascii_lowercase().replace(['_', '-'], " ");
    let kind = match key.as_str() {
        "email" | "mail" | "e mail" | "outbound email" => ChannelKind::Email,
        "chat" | "live chat" | "messaging" | "native messaging" | "chat widget" | "whatsapp"
        | "sms" => ChannelKind::Chat,
        "voice" | "phone" | "call" | "telephone" => ChannelKind::Phone,
        "web" | "web form" | "portal" | "feedback widget" | "widget" | "help center" | "form" => {
            ChannelKind::Portal
        }
        "twitter" | "facebook" | "instagram" | "social" | "x" => ChannelKind::Social,
        "community" | "forum" => ChannelKind::Community,
        "api" | "other" | "mobile" | "mobile sdk" => ChannelKind::Other,
        _ => return None,
    };
    Some(kind)
}

/// The plan priority an export's priority means: the helpdesk mapping, the same name, else
/// the helpdesks' four levels (urgent, high, normal or medium, low) onto the plan's in order.
pub fn plan_priority(plan: &Plan, name: &str) -> Option<usize> {
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let mapped = plan
        .helpdesk
        .priority_map
        .iter()
        .find(|m| m.helpdesk_priority.eq_ignore_ascii_case(name))
        .and_then(|m| plan.priority_rank(&m.priority));
    let same = || {
        plan.priorities
            .iter()
            .position(|p| p.name.eq_ignore_ascii_case(name))
    };
    let level = || {
        let rank = match name.to_ascii_lowercase().as_str() {
            "urgent" | "critical" | "p1" | "1" => 0,
            "high" | "p2" | "2" => 1,
            "normal" | "medium" | "p3" | "3" => 2,
            "low" | "p4" | "4" => 3,
            _ => return None,
        };
        (!plan.priorities.is_empty()).then(|| rank.min(plan.priorities.len() - 1))
    };
    mapped.or_else(same).or_else(level)
}

/// Each SLA policy's scope resolved to the history's ids.
struct Scope {
    segments: Vec<Id>,
    organisations: Vec<Id>,
    channels: Vec<usize>,
}

impl Scope {
    fn of(policy: &SlaPolicy, tickets: &Tickets, plan: &Plan) -> Scope {
        let named = |list: &[String]| -> Vec<String> {
            list.iter()
                .map(|s| s.trim().to_lowercase())
                .filter(|s| !s.is_empty())
                .collect()
        };
        let segments = named(&policy.applies_to.segments);
        let organisations = named(&policy.applies_to.organizations);
        let channels = named(&policy.applies_to.channels);
        Scope {
            segments: tickets
                .tags
                .iter()
                .filter(|(_, n)| segments.contains(&n.to_lowercase()))
                .map(|(id, _)| id)
                .collect(),
            organisations: tickets
                .organisations
                .iter()
                .filter(|(_, n)| organisations.contains(&n.to_lowercase()))
                .map(|(id, _)| id)
                .collect(),
            channels: plan
                .channels
                .iter()
                .enumerate()
                .filter(|(_, c)| channels.contains(&c.name.trim().to_lowercase()))
                .map(|(i, _)| i)
                .collect(),
        }
        .with_wanted(
            !segments.is_empty(),
            !organisations.is_empty(),
            !channels.is_empty(),
        )
    }

    /// A list the policy names but no ticket matches still excludes everyone: marked by MAX.
    fn with_wanted(mut self, segments: bool, organisations: bool, channels: bool) -> Scope {
        if segments && self.segments.is_empty() {
            self.segments.push(Id::MAX);
        }
        if organisations && self.organisations.is_empty() {
            self.organisations.push(Id::MAX);
        }
        if channels && self.channels.is_empty() {
            self.channels.push(usize::MAX);
        }
        self
    }

    fn matches(&self, tickets: &Tickets, ticket: &Ticket, channel: Option<usize>) -> bool {
        let segment = self.segments.is_empty()
            || tickets
                .tags_of(ticket)
                .iter()
                .any(|t| self.segments.contains(t));
        let organisation =
            self.organisations.is_empty() || self.organisations.contains(&ticket.organisation);
        let on_channel =
            self.channels.is_empty() || channel.is_some_and(|c| self.channels.contains(&c));
        segment && organisation && on_channel
    }
}

/// Attainment counts of one policy × priority × metric.
#[derive(Default)]
struct Score {
    measured: u64,
    met: u64,
    without_time: u64,
}

/// Replays `history` against `plan`.
pub fn replay(history: &History, plan: &Plan) -> Replay {
    let tickets = &history.tickets;
    let (first, last) = time_range(&tickets.list);
    let mut clocks = Clocks {
        plan,
        first,
        last,
        cache: HashMap::new(),
        notes: Vec::new(),
    };
    let main = plan.calendars.first().map(|c| c.name.clone());
    let main_clock = main.as_deref().and_then(|name| clocks.of(name));
    let (business, comparison) = business_times(tickets, main_clock.as_ref());
    let mut scoring = Scoring::new(plan, tickets, clocks);
    for ticket in &tickets.list {
        scoring.ticket(ticket);
    }
    let Scoring {
        clocks,
        scores,
        breaches,
        unplaced,
        ..
    } = scoring;
    let mut notes = clocks.notes;
    notes.extend(unplaced.words());
    Replay {
        calendar: main,
        first_reply_business: business.0,
        resolution_business: business.1,
        helpdesk_comparison: comparison,
        taxonomy: coverage(tickets, plan),
        attainment: attainment_rows(plan, &scores),
        breaches_by_hour: breaches,
        notes,
    }
}

/// The plan's calendars as clocks over the history's span, each built once when first needed;
/// a calendar that is missing or cannot be built is said once in `notes`.
struct Clocks<'p> {
    plan: &'p Plan,
    first: i64,
    last: i64,
    cache: HashMap<String, Option<Clock>>,
    notes: Vec<String>,
}

impl Clocks<'_> {
    fn of(&mut self, name: &str) -> Option<Clock> {
        if let Some(clock) = self.cache.get(name) {
            return clock.clone();
        }
        let clock = match self.plan.calendar(name) {
            Some(calendar) => match Clock::new(&calendar, self.first, self.last) {
                Ok(clock) => Some(clock),
                Err(error) => {
                    self.notes.push(format!("Calendar \"{name}\": {error}"));
                    None
                }
            },
            None => {
                self.notes.push(format!(
                    "There is no calendar called \"{name}\"; targets on it are not replayed"
                ));
                None
            }
        };
        self.cache.insert(name.to_string(), clock.clone());
        clock
    }
}

/// A policy, priority and metric, by their places in the plan.
type Cell = (usize, usize, SlaMetric);

/// The replay's running counts, and what it looked up in the plan for them.
struct Scoring<'p> {
    plan: &'p Plan,
    tickets: &'p Tickets,
    /// The plan's channel and priority for each of the export's, by the export's id.
    channels: Vec<Option<usize>>,
    priorities: Vec<Option<usize>>,
    scopes: Vec<Scope>,
    clocks: Clocks<'p>,
    /// Each cell's target in open minutes and the clock it runs on (none: no target).
    targets: HashMap<Cell, Option<(i64, Clock)>>,
    zone: Zone,
    scores: BTreeMap<Cell, Score>,
    breaches: Vec<u64>,
    unplaced: Unplaced,
}

impl<'p> Scoring<'p> {
    fn new(plan: &'p Plan, tickets: &'p Tickets, clocks: Clocks<'p>) -> Scoring<'p> {
        Scoring {
            plan,
            tickets,
            channels: (0..tickets.channels.len())
                .map(|id| plan_channel(plan, tickets.channels.name(id as Id)))
                .collect(),
            priorities: (0..tickets.priorities.len())
                .map(|id| plan_priority(plan, tickets.priorities.name(id as Id)))
                .collect(),
            scopes: plan
                .sla
                .iter()
                .map(|p| Scope::of(p, tickets, plan))
                .collect(),
            clocks,
            targets: HashMap::new(),
            zone: Zone::named(&plan.header.time_zone).unwrap_or(Zone::UTC),
            scores: BTreeMap::new(),
            breaches: vec![0; HOURS_PER_WEEK],
            unplaced: Unplaced::default(),
        }
    }

    /// Scores one ticket against its policy's targets, or counts why it could not be placed.
    fn ticket(&mut self, ticket: &Ticket) {
        let channel = self
            .channels
            .get(usize::from(ticket.channel))
            .copied()
            .flatten();
        let Some(priority) = self.priority(ticket, channel) else {
            self.unplaced.no_priority += 1;
            return;
        };
        let Some(policy) = self
            .scopes
            .iter()
            .position(|s| s.matches(self.tickets, ticket, channel))
        else {
            self.unplaced.no_policy += 1;
            return;
        };
        let mut breached = false;
        for metric in MEASURED {
            breached |= self.score((policy, priority, metric), ticket);
        }
        if breached {
            self.breaches[local_time(&self.zone, ticket.created).hour_of_week] += 1;
        }
    }

    /// The ticket's priority in the plan: its own, mapped, else its channel's default.
    fn priority(&self, ticket: &Ticket, channel: Option<usize>) -> Option<usize> {
        let plan = self.plan;
        self.priorities
            .get(usize::from(ticket.priority))
            .copied()
            .flatten()
            .or_else(|| {
                channel.and_then(|c| plan.priority_rank(&plan.channels[c].default_priority))
            })
    }

    /// Counts the ticket in `cell`; true when it missed the target.
    fn score(&mut self, cell: Cell, ticket: &Ticket) -> bool {
        self.look_up_target(cell);
        let Some(Some((allowed, clock))) = self.targets.get(&cell) else {
            return false;
        };
        let score = self.scores.entry(cell).or_default();
        let at = match cell.2 {
            SlaMetric::FirstResponse => ticket.first_reply,
            _ => ticket.resolved,
        };
        let Some(at) = at else {
            score.without_time += 1;
            return false;
        };
        score.measured += 1;
        let met = clock.seconds_between(ticket.created, at) <= *allowed * 60;
        score.met += u64::from(met);
        !met
    }

    /// Looks up the cell's target in open minutes and its clock, once per cell.
    fn look_up_target(&mut self, (policy, priority, metric): Cell) {
        if self.targets.contains_key(&(policy, priority, metric)) {
            return;
        }
        let plan = self.plan;
        let found = (|| {
            let row = plan.sla[policy].target_for(&plan.priorities[priority].name)?;
            let metric_target = row.metric(metric);
            let within = metric_target.within()?;
            let calendar = plan.calendar(&metric_target.calendar)?;
            let clock = self.clocks.of(&metric_target.calendar)?;
            Some((open_minutes(within, &calendar), clock))
        })();
        self.targets.insert((policy, priority, metric), found);
    }
}

/// Tickets the replay could not place.
#[derive(Default)]
struct Unplaced {
    no_priority: u64,
    no_policy: u64,
}

impl Unplaced {
    fn words(&self) -> Vec<String> {
        let mut notes = Vec::new();
        if self.no_priority > 0 {
            notes.push(format!(
                "{} no priority the plan knows (and their channel sets none); they are not replayed",
                tickets_have(self.no_priority)
            ));
        }
        if self.no_policy > 0 {
            notes.push(format!(
                "{} no SLA policy that matches (every policy names segments, organisations or \
                 channels they are not in)",
                tickets_have(self.no_policy)
            ));
        }
        notes
    }
}

/// "1 ticket has" / "12 tickets have".
fn tickets_have(count: u64) -> String {
    match count {
        1 => "1 ticket has".to_string(),
        n => format!(
            "{} tickets have",
            crate::plan::limits::thousands(n as usize)
        ),
    }
}

fn time_range(list: &[Ticket]) -> (i64, i64) {
    let first = list.iter().map(|t| t.created).min().unwrap_or(0);
    let last = list
        .iter()
        .map(|t| {
            t.resolved
                .unwrap_or(t.created)
                .max(t.first_reply.unwrap_or(t.created))
        })
        .max()
        .unwrap_or(0);
    (first, last)
}

type BusinessSpreads = (Option<Spread>, Option<Spread>);

/// First reply and resolution in business time on `clock`, and the helpdesk comparison.
fn business_times(tickets: &Tickets, clock: Option<&Clock>) -> (BusinessSpreads, Vec<Comparison>) {
    let Some(clock) = clock else {
        return ((None, None), Vec::new());
    };
    let mut reply = Histogram::default();
    let mut resolution = Histogram::default();
    let mut compared = [Compared::default(), Compared::default()];
    for ticket in &tickets.list {
        let pairs = [
            (
                ticket.first_reply,
                ticket.helpdesk_reply_business,
                &mut reply,
            ),
            (
                ticket.resolved,
                ticket.helpdesk_resolution_business,
                &mut resolution,
            ),
        ];
        for (index, (at, helpdesk, histogram)) in pairs.into_iter().enumerate() {
            let Some(at) = at else { continue };
            let minutes = clock.minutes_between(ticket.created, at).max(0);
            histogram.add(minutes as u64);
            if let Some(theirs) = helpdesk {
                compared[index].add(minutes, i64::from(theirs));
            }
        }
    }
    let comparison = MEASURED
        .into_iter()
        .zip(compared)
        .filter_map(|(metric, compared)| compared.result(metric))
        .collect();
    ((spread_of(&reply), spread_of(&resolution)), comparison)
}

#[derive(Default)]
struct Compared {
    ours: Histogram,
    theirs: Histogram,
    difference: i64,
    agree: u64,
}

impl Compared {
    fn add(&mut self, ours: i64, theirs: i64) {
        self.ours.add(ours as u64);
        self.theirs.add(theirs.max(0) as u64);
        self.difference += ours - theirs;
        self.agree += u64::from((ours - theirs).abs() <= AGREE_MINUTES);
    }

    fn result(self, metric: SlaMetric) -> Option<Comparison> {
        let tickets = self.ours.total();
        Some(Comparison {
            metric,
            tickets,
            plan_median_minutes: self.ours.quantile(0.5)?,
            helpdesk_median_minutes: self.theirs.quantile(0.5)?,
            mean_difference_minutes: round1(self.difference as f64 / tickets as f64),
            agree: Share::of(self.agree, tickets)?,
        })
    }
}

fn attainment_rows(
    plan: &Plan,
    scores: &BTreeMap<(usize, usize, SlaMetric), Score>,
) -> Vec<Attainment> {
    scores
        .iter()
        .filter_map(|(&(policy, priority, metric), score)| {
            let policy = &plan.sla[policy];
            let priority = &plan.priorities[priority].name;
            let target = policy.target_for(priority)?.metric(metric);
            Some(Attainment {
                policy: policy.name.clone(),
                priority: priority.clone(),
                metric,
                target: target.target.to_string(),
                calendar: target.calendar.clone(),
                measured: score.measured,
                met: score.met,
                percent: Share::of(score.met, score.measured).map_or(0.0, |s| s.percent),
                without_time: score.without_time,
            })
        })
        .collect()
}

/// The share of tickets whose tags or type contain one of the taxonomy's keywords.
fn coverage(tickets: &Tickets, plan: &Plan) -> Option<Coverage> {
    let keywords: Vec<String> = plan
        .taxonomy
        .iter()
        .flat_map(|c| &c.keywords)
        .map(|k| k.trim().to_lowercase())
        .filter(|k| !k.is_empty())
        .collect();
    if keywords.is_empty() || tickets.list.is_empty() {
        return None;
    }
    let classifies = |name: &str| {
        let name = name.to_lowercase().replace(['_', '-'], " ");
        keywords.iter().any(|k| name.contains(k.as_str()))
    };
    let tag_hits: Vec<bool> = (0..tickets.tags.len())
        .map(|id| classifies(tickets.tags.name(id as Id)))
        .collect();
    let type_hits: Vec<bool> = (0..tickets.categories.len())
        .map(|id| classifies(tickets.categories.name(id as Id)))
        .collect();
    let mut classified = 0u64;
    let mut unclassified_tags = vec![0u64; tickets.tags.len()];
    let mut unclassified_types = vec![0u64; tickets.categories.len()];
    for ticket in &tickets.list {
        let tags = tickets.tags_of(ticket);
        let hit = type_hits
            .get(usize::from(ticket.category))
            .copied()
            .unwrap_or(false)
            || tags
                .iter()
                .any(|&t| tag_hits.get(usize::from(t)).copied().unwrap_or(false));
        if hit {
            classified += 1;
        } else {
            if let Some(n) = unclassified_types.get_mut(usize::from(ticket.category)) {
                *n += 1;
            }
            for &tag in tags {
                if let Some(n) = unclassified_tags.get_mut(usize::from(tag)) {
                    *n += 1;
                }
            }
        }
    }
    Some(Coverage {
        classified: Share::of(classified, tickets.list.len() as u64)?,
        top_unclassified: top(&tickets.tags, &unclassified_tags, false),
        top_unclassified_words: top_words(&tickets.categories, &unclassified_types),
    })
}

/// The words (three letters or more, lower-cased) of the names counted in `counts`, each
/// counted once per ticket, most first (ties by word), the first `MOST_LISTED`.
fn top_words(names: &super::record::Interner, counts: &[u64]) -> Vec<Count> {
    let mut words: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for (id, &n) in counts.iter().enumerate().filter(|(_, &n)| n > 0) {
        let name = names.name(id as Id).to_lowercase();
        let mut seen: Vec<&str> = name
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 3)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        for word in seen {
            *words.entry(word.to_string()).or_default() += n;
        }
    }
    let mut rows: Vec<Count> = words
        .into_iter()
        .map(|(name, tickets)| Count { name, tickets })
        .collect();
    rows.sort_by(|a, b| b.tickets.cmp(&a.tickets).then_with(|| a.name.cmp(&b.name)));
    rows.truncate(super::summary::MOST_LISTED);
    rows
}
