//! "Today, measured": the aggregates of a ticket history a plan may hold — period, volumes,
//! arrivals per hour of the week, first reply and resolution spreads, repeat contacts, one-touch
//! resolution, CSAT. Never a ticket, subject, e-mail or requester. `crate::history` computes it.

use serde::{Deserialize, Serialize};

use super::Date;

/// The measured figures of a ticket history.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(default)]
pub struct HistorySummary {
    /// What the files were read as ("Zendesk incremental export (3 pages)").
    pub sources: Vec<String>,
    /// The zone months and hours of the week are counted in (the plan's home zone).
    pub time_zone: String,
    pub period: Option<Period>,
    pub tickets: u64,
    /// Rows that could not be read (counted, never silently dropped).
    pub rows_set_aside: u64,
    /// Tickets per month, averaged over the period (30.44-day months).
    pub monthly_volume: f64,
    pub by_month: Vec<Count>,
    pub by_channel: Vec<Count>,
    pub by_priority: Vec<Count>,
    pub by_category: Vec<Count>,
    pub by_organisation: Vec<Count>,
    pub top_tags: Vec<Count>,
    /// Arrivals per hour of the week, all channels (168 values).
    pub arrivals: Vec<u64>,
    /// Arrivals per hour of the week of each channel, as the export names it.
    pub arrivals_by_channel: Vec<ChannelArrivals>,
    /// Calendar (elapsed) time from creation to the first reply.
    pub first_reply: Option<Spread>,
    /// Calendar time from creation to resolution.
    pub resolution: Option<Spread>,
    /// The helpdesk's own business minutes, where the export carries them.
    pub helpdesk_first_reply_business: Option<Spread>,
    pub helpdesk_resolution_business: Option<Spread>,
    /// Tickets reopened at least once, of those whose reopens are known.
    pub reopened: Option<Share>,
    /// Tickets whose requester had opened another one within 7 days before.
    pub repeat_contacts: Option<Share>,
    /// Resolved tickets with exactly one agent reply, of resolved ones whose replies are known.
    pub one_touch: Option<Share>,
    /// Good ratings of all ratings.
    pub csat: Option<Share>,
}

/// First and last day with a ticket created, in the home zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Period {
    pub from: Date,
    pub to: Date,
    pub days: u32,
}

/// Tickets with one value ("Email": 4,210).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Count {
    pub name: String,
    pub tickets: u64,
}

/// One channel's arrivals per hour of the week.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChannelArrivals {
    pub channel: String,
    pub per_hour: Vec<u64>,
}

/// The middle and the 90th percentile of a time, in minutes (from a histogram whose error is under 0.8 %; see docs/history.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Spread {
    /// Tickets measured.
    pub tickets: u64,
    pub median_minutes: u64,
    pub p90_minutes: u64,
}

/// `count` of `of`, with the percentage.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Share {
    pub count: u64,
    pub of: u64,
    pub percent: f64,
}

impl Share {
    /// `None` when nothing was counted.
    pub fn of(count: u64, of: u64) -> Option<Share> {
        (of > 0).then(|| Share {
            count,
            of,
            percent: (count as f64 * 1000.0 / of as f64).round() / 10.0,
        })
    }
}
