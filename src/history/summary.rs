//! Summarising a ticket history: one pass over the compact tickets gives the aggregates of
//! `plan::HistorySummary` (all of the history a plan may hold), months and hours of the week
//! counted in the plan's home zone.

use std::collections::BTreeMap;

use crate::capacity::Zone;
use crate::plan::Date;
pub use crate::plan::{ChannelArrivals, Count, HistorySummary, Period, Share, Spread};

use super::histogram::Histogram;
use super::reader::History;
use super::record::{Csat, Id, Interner, Ticket};

/// Hours in a week: arrivals are counted from Monday 00:00 in the plan's home zone.
pub const HOURS_PER_WEEK: usize = 168;

/// Names listed per breakdown; the rest are added up as "(all others)".
pub const MOST_LISTED: usize = 20;

/// The name of the row that adds up the rest of a breakdown.
pub const ALL_OTHERS: &str = "(all others)";

/// The name of tickets that do not say (no channel, no priority, …).
pub const NOT_GIVEN: &str = "(not given)";

/// The median and p90 of a histogram, if it holds anything.
pub fn spread_of(histogram: &Histogram) -> Option<Spread> {
    Some(Spread {
        tickets: histogram.total(),
        median_minutes: histogram.quantile(0.5)?,
        p90_minutes: histogram.quantile(0.9)?,
    })
}

/// Rounded to one decimal.
pub fn round1(value: f64) -> f64 {
    (value * 10.0).round() / 10.0
}

/// Where in the home zone's week and calendar a ticket arrived.
pub struct LocalTime {
    pub day: i64,
    pub hour_of_week: usize,
}

/// The local day and hour of the week of a UTC time in seconds.
pub fn local_time(zone: &Zone, seconds: i64) -> LocalTime {
    let local = zone.to_local(seconds.div_euclid(60));
    let day = local.div_euclid(1440);
    // 1970-01-01 was a Thursday: day 0 is weekday 3 counted from Monday.
    let weekday = (day + 3).rem_euclid(7) as usize;
    LocalTime {
        day,
        hour_of_week: weekday * 24 + (local.rem_euclid(1440) / 60) as usize,
    }
}

/// Counts gathered in one pass over the tickets.
struct Tally {
    months: BTreeMap<(i32, u8), u64>,
    channels: Vec<u64>,
    priorities: Vec<u64>,
    categories: Vec<u64>,
    organisations: Vec<u64>,
    tags: Vec<u64>,
    arrivals: Vec<Vec<u64>>,
    first_reply: Histogram,
    resolution: Histogram,
    helpdesk_reply: Histogram,
    helpdesk_resolution: Histogram,
    first_day: i64,
    last_day: i64,
    reopened: (u64, u64),
    repeats: (u64, u64),
    one_touch: (u64, u64),
    csat: (u64, u64),
}

impl Tally {
    fn new(history: &History) -> Tally {
        let t = &history.tickets;
        Tally {
            months: BTreeMap::new(),
            channels: vec![0; id_slots(&t.channels)],
            priorities: vec![0; id_slots(&t.priorities)],
            categories: vec![0; id_slots(&t.categories)],
            organisations: vec![0; id_slots(&t.organisations)],
            tags: vec![0; id_slots(&t.tags)],
            arrivals: vec![vec![0; HOURS_PER_WEEK]; id_slots(&t.channels)],
            first_reply: Histogram::default(),
            resolution: Histogram::default(),
            helpdesk_reply: Histogram::default(),
            helpdesk_resolution: Histogram::default(),
            first_day: i64::MAX,
            last_day: i64::MIN,
            reopened: (0, 0),
            repeats: (0, 0),
            one_touch: (0, 0),
            csat: (0, 0),
        }
    }

    fn count(&mut self, history: &History, ticket: &Ticket, zone: &Zone) {
        let local = local_time(zone, ticket.created);
        self.first_day = self.first_day.min(local.day);
        self.last_day = self.last_day.max(local.day);
        let date = Date::from_days_since_epoch(local.day);
        *self.months.entry((date.year, date.month)).or_default() += 1;
        self.channels[slot(ticket.channel)] += 1;
        self.priorities[slot(ticket.priority)] += 1;
        self.categories[slot(ticket.category)] += 1;
        self.organisations[slot(ticket.organisation)] += 1;
        for &tag in history.tickets.tags_of(ticket) {
            self.tags[slot(tag)] += 1;
        }
        self.arrivals[slot(ticket.channel)][local.hour_of_week] += 1;
        if let Some(reply) = ticket.first_reply {
            self.first_reply.add(((reply - ticket.created) / 60) as u64);
        }
        if let Some(resolved) = ticket.resolved {
            self.resolution
                .add(((resolved - ticket.created) / 60) as u64);
        }
        if let Some(minutes) = ticket.helpdesk_reply_business {
            self.helpdesk_reply.add(u64::from(minutes));
        }
        if let Some(minutes) = ticket.helpdesk_resolution_business {
            self.helpdesk_resolution.add(u64::from(minutes));
        }
        self.count_contacts(ticket);
    }

    /// Reopens, repeats, one-touch resolution and ratings.
    fn count_contacts(&mut self, ticket: &Ticket) {
        if let Some(reopens) = ticket.reopens {
            self.reopened.0 += u64::from(reopens > 0);
            self.reopened.1 += 1;
        }
        if let Some(repeat) = ticket.repeat {
            self.repeats.0 += u64::from(repeat);
            self.repeats.1 += 1;
        }
        if let (Some(replies), Some(_)) = (ticket.replies, ticket.resolved) {
            self.one_touch.0 += u64::from(replies == 1);
            self.one_touch.1 += 1;
        }
        match ticket.csat {
            Csat::Good => self.csat = (self.csat.0 + 1, self.csat.1 + 1),
            Csat::Bad => self.csat.1 += 1,
            Csat::NotRated => {}
        }
    }
}

/// Slots for every id an interner may hand out (`Id::MAX` is "(other)").
fn id_slots(interner: &Interner) -> usize {
    if interner.len() > usize::from(Id::MAX) {
        usize::from(Id::MAX) + 1
    } else {
        interner.len()
    }
}

fn slot(id: Id) -> usize {
    usize::from(id)
}

/// The aggregates of `history`, months and hours counted in `time_zone`.
pub fn summarise(history: &History, time_zone: &str) -> HistorySummary {
    let zone = Zone::named(time_zone).unwrap_or(Zone::UTC);
    let mut tally = Tally::new(history);
    for ticket in &history.tickets.list {
        tally.count(history, ticket, &zone);
    }
    let tickets = history.tickets.list.len() as u64;
    let period = (tickets > 0).then(|| Period {
        from: Date::from_days_since_epoch(tally.first_day),
        to: Date::from_days_since_epoch(tally.last_day),
        days: u32::try_from(tally.last_day - tally.first_day + 1).unwrap_or(u32::MAX),
    });
    let t = &history.tickets;
    HistorySummary {
        sources: history.files.iter().map(|f| f.read_as.clone()).collect(),
        time_zone: time_zone.to_string(),
        monthly_volume: period.map_or(0.0, |p| round1(tickets as f64 * 30.44 / f64::from(p.days))),
        period,
        tickets,
        rows_set_aside: history.set_aside.total(),
        by_month: tally
            .months
            .iter()
            .map(|(&(year, month), &n)| Count {
                name: format!("{year}-{month:02}"),
                tickets: n,
            })
            .collect(),
        by_channel: breakdown(&t.channels, &tally.channels),
        by_priority: breakdown(&t.priorities, &tally.priorities),
        by_category: breakdown(&t.categories, &tally.categories),
        by_organisation: breakdown(&t.organisations, &tally.organisations),
        top_tags: top(&t.tags, &tally.tags, false),
        arrivals: (0..HOURS_PER_WEEK)
            .map(|h| tally.arrivals.iter().map(|c| c[h]).sum())
            .collect(),
        arrivals_by_channel: channel_arrivals(&t.channels, &tally.arrivals),
        first_reply: spread_of(&tally.first_reply),
        resolution: spread_of(&tally.resolution),
        helpdesk_first_reply_business: spread_of(&tally.helpdesk_reply),
        helpdesk_resolution_business: spread_of(&tally.helpdesk_resolution),
        reopened: Share::of(tally.reopened.0, tally.reopened.1),
        repeat_contacts: Share::of(tally.repeats.0, tally.repeats.1),
        one_touch: Share::of(tally.one_touch.0, tally.one_touch.1),
        csat: Share::of(tally.csat.0, tally.csat.1),
    }
}

/// Counts by name, most first (ties by name), the first `MOST_LISTED` and the rest added up.
/// Empty when the export never says (every ticket "not given").
fn breakdown(names: &Interner, counts: &[u64]) -> Vec<Count> {
    if counts.iter().skip(1).all(|&n| n == 0) {
        return Vec::new();
    }
    top(names, counts, true)
}

pub(super) fn top(names: &Interner, counts: &[u64], with_rest: bool) -> Vec<Count> {
    let mut rows: Vec<Count> = counts
        .iter()
        .enumerate()
        .filter(|(_, &n)| n > 0)
        .map(|(id, &n)| Count {
            name: match names.name(id as Id) {
                "" => NOT_GIVEN.to_string(),
                name => name.to_string(),
            },
            tickets: n,
        })
        .collect();
    rows.sort_by(|a, b| b.tickets.cmp(&a.tickets).then_with(|| a.name.cmp(&b.name)));
    if rows.len() > MOST_LISTED {
        let rest: u64 = rows[MOST_LISTED..].iter().map(|r| r.tickets).sum();
        rows.truncate(MOST_LISTED);
        if with_rest {
            rows.push(Count {
                name: ALL_OTHERS.to_string(),
                tickets: rest,
            });
        }
    }
    rows
}

fn channel_arrivals(names: &Interner, arrivals: &[Vec<u64>]) -> Vec<ChannelArrivals> {
    let mut rows: Vec<ChannelArrivals> = arrivals
        .iter()
        .enumerate()
        .filter(|(_, hours)| hours.iter().any(|&n| n > 0))
        .map(|(id, hours)| ChannelArrivals {
            channel: match names.name(id as Id) {
                "" => NOT_GIVEN.to_string(),
                name => name.to_string(),
            },
            per_hour: hours.clone(),
        })
        .collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.per_hour.iter().sum::<u64>()));
    rows
}
