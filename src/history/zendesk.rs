//! Zendesk's incremental ticket export (`GET /api/v2/incremental/tickets/cursor.json`, and the
//! time-based `tickets.json`): one or several pages, each `{"tickets": [...], "after_cursor": …,
//! "end_of_stream": …}`, optionally with `include=metric_sets` side-loading `"metric_sets": [...]`
//! (Zendesk's ticket metrics: `reply_time_in_minutes`, `first_resolution_time_in_minutes` and
//! `full_resolution_time_in_minutes` as `{calendar, business}`, `reopens`, `replies`, `solved_at`).
//! A page is at most 1,000 tickets, so one page is parsed whole; several pages may sit in one file
//! back to back, or in a JSON array. Only the fields below are read; subjects, descriptions and
//! people are skipped by the parser and never kept.

use std::borrow::Cow;
use std::collections::HashMap;

use serde::Deserialize;

use super::reader::{ReadError, SetAside, Why};
use super::record::{Csat, RawTicket, Tickets};
use super::timestamp;
use crate::capacity::Zone;

/// The largest JSON file taken in one piece (a 1,000-ticket page with comments is a few MB).
pub const LARGEST_PAGE: usize = 256 * 1024 * 1024;

#[derive(Debug, Deserialize)]
struct Page {
    tickets: Vec<ZendeskTicket>,
    #[serde(default)]
    metric_sets: Vec<MetricSet>,
}

#[derive(Debug, Deserialize)]
struct ZendeskTicket {
    id: Option<u64>,
    created_at: Option<String>,
    #[serde(default)]
    via: Option<Via>,
    #[serde(default)]
    priority: Option<String>,
    #[serde(default, rename = "type")]
    ticket_type: Option<String>,
    #[serde(default)]
    tags: Vec<String>,
    #[serde(default)]
    organization_id: Option<u64>,
    #[serde(default)]
    requester_id: Option<u64>,
    #[serde(default)]
    satisfaction_rating: Option<Rating>,
}

#[derive(Debug, Deserialize)]
struct Via {
    channel: Option<serde_json::Value>,
}

#[derive(Debug, Deserialize)]
struct Rating {
    score: Option<String>,
}

#[derive(Debug, Deserialize)]
struct MetricSet {
    ticket_id: Option<u64>,
    #[serde(default)]
    reopens: Option<u32>,
    #[serde(default)]
    replies: Option<u32>,
    #[serde(default)]
    reply_time_in_minutes: Option<Minutes>,
    #[serde(default)]
    full_resolution_time_in_minutes: Option<Minutes>,
    #[serde(default)]
    solved_at: Option<String>,
}

/// Zendesk's pair of counts for one metric.
#[derive(Clone, Copy, Debug, Deserialize)]
struct Minutes {
    calendar: Option<u64>,
    business: Option<u64>,
}

/// The JSON of one file, held until it ends.
#[derive(Debug, Default)]
pub struct ZendeskPages {
    bytes: Vec<u8>,
}

impl ZendeskPages {
    pub fn feed(&mut self, bytes: &[u8]) -> Result<(), ReadError> {
        self.bytes.extend_from_slice(bytes);
        if self.bytes.len() > LARGEST_PAGE {
            return Err(ReadError::PageTooLarge {
                bytes: self.bytes.len(),
            });
        }
        Ok(())
    }

    /// Reads every page of the file; returns what the file was read as.
    pub fn finish(self, tickets: &mut Tickets, aside: &mut SetAside) -> Result<String, ReadError> {
        let mut pages = 0;
        let mut with_metrics = false;
        let mut row = 0u64;
        let stream =
            serde_json::Deserializer::from_slice(&self.bytes).into_iter::<serde_json::Value>();
        for value in stream {
            let value = value.map_err(|error| ReadError::BadJson {
                why: format!("it stops being JSON at line {}", error.line()),
            })?;
            let list = match value {
                serde_json::Value::Array(items) => items,
                page => vec![page],
            };
            for page in list {
                let page = as_page(page)?;
                pages += 1;
                with_metrics |= !page.metric_sets.is_empty();
                read_page(page, &mut row, tickets, aside);
            }
        }
        if pages == 0 {
            return Err(ReadError::Empty);
        }
        Ok(format!(
            "Zendesk incremental export ({pages} page{}{})",
            if pages == 1 { "" } else { "s" },
            if with_metrics {
                ", with metric sets"
            } else {
                ""
            }
        ))
    }
}

/// A JSON value as a page, or the reason it is not one.
fn as_page(value: serde_json::Value) -> Result<Page, ReadError> {
    let is_plan = value.get("schema_version").is_some() && value.get("header").is_some();
    if is_plan {
        return Err(ReadError::NotTickets {
            why: "it is a support plan, not tickets; open it with Import instead".into(),
        });
    }
    if value.get("tickets").is_none() {
        return Err(ReadError::BadJson {
            why: "it has no \"tickets\" list".into(),
        });
    }
    serde_json::from_value(value).map_err(|error| ReadError::BadJson {
        why: error.to_string(),
    })
}

/// Reads the tickets of one page, matching metric sets by ticket id.
fn read_page(page: Page, row: &mut u64, tickets: &mut Tickets, aside: &mut SetAside) {
    let metrics: HashMap<u64, &MetricSet> = page
        .metric_sets
        .iter()
        .filter_map(|set| Some((set.ticket_id?, set)))
        .collect();
    for ticket in &page.tickets {
        *row += 1;
        let metric = ticket.id.and_then(|id| metrics.get(&id).copied());
        match raw_ticket(ticket, metric) {
            Ok(raw) => tickets.add(raw),
            Err(why) => aside.add(*row, why),
        }
    }
}

fn raw_ticket<'a>(
    ticket: &'a ZendeskTicket,
    metric: Option<&MetricSet>,
) -> Result<RawTicket<'a>, Why> {
    let stamp = |text: &str| {
        timestamp::parse(text, None)
            .map(|s| s.utc(&Zone::UTC))
            .ok_or_else(|| Why::BadTime {
                column: "created_at".into(),
                value: text.chars().take(40).collect(),
            })
    };
    let created = stamp(ticket.created_at.as_deref().ok_or(Why::NoCreated)?)?;
    let after = |minutes: Option<Minutes>| {
        minutes
            .and_then(|m| m.calendar)
            .map(|m| created + i64::try_from(m).unwrap_or(0) * 60)
    };
    let business = |minutes: Option<Minutes>| {
        minutes
            .and_then(|m| m.business)
            .map(|m| u32::try_from(m).unwrap_or(u32::MAX))
    };
    let first_reply = metric.and_then(|m| after(m.reply_time_in_minutes));
    let solved = metric
        .and_then(|m| m.solved_at.as_deref())
        .map(stamp)
        .transpose()
        .ok()
        .flatten();
    let resolved = metric
        .and_then(|m| after(m.full_resolution_time_in_minutes))
        .or(solved);
    let channel = match ticket.via.as_ref().and_then(|v| v.channel.as_ref()) {
        Some(serde_json::Value::String(name)) => Cow::Borrowed(name.as_str()),
        Some(other) => Cow::Owned(other.to_string()),
        None => Cow::Borrowed(""),
    };
    let id_text = |id: Option<u64>| id.map_or(Cow::Borrowed(""), |id| Cow::Owned(id.to_string()));
    Ok(RawTicket {
        created,
        first_reply,
        resolved,
        helpdesk_reply_business: metric.and_then(|m| business(m.reply_time_in_minutes)),
        helpdesk_resolution_business: metric
            .and_then(|m| business(m.full_resolution_time_in_minutes)),
        channel,
        priority: Cow::Borrowed(ticket.priority.as_deref().unwrap_or("")),
        category: Cow::Borrowed(ticket.ticket_type.as_deref().unwrap_or("")),
        organisation: id_text(ticket.organization_id),
        tags: ticket
            .tags
            .iter()
            .map(|t| Cow::Borrowed(t.as_str()))
            .collect(),
        requester: id_text(ticket.requester_id),
        reopens: metric
            .and_then(|m| m.reopens)
            .map(|r| r.min(u32::from(u16::MAX)) as u16),
        replies: metric
            .and_then(|m| m.replies)
            .map(|r| r.min(u32::from(u16::MAX)) as u16),
        csat: Csat::read(
            ticket
                .satisfaction_rating
                .as_ref()
                .and_then(|r| r.score.as_deref())
                .unwrap_or(""),
        ),
    })
}
