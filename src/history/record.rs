//! The compact per-ticket record kept after the read, so the summary and the replay can be
//! re-run after a plan edit without reading the file again. It holds times as UTC seconds and
//! small interned ids (channel, priority, category, organisation, tags), never text from the
//! ticket: no subject, description, e-mail or requester. It lives only in the worker (or the
//! CLI) and never enters the plan.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};

/// Seconds in the window within which a second ticket from the same requester is a repeat.
pub const REPEAT_WINDOW_SECONDS: i64 = 7 * 86_400;

/// The most tags kept per ticket (the rest are not counted).
pub const MOST_TAGS: usize = 32;

/// An id for a value seen in the export; 0 is "not given".
pub type Id = u16;

/// Values (channel names, priorities, …) stored once, referred to by a small id.
#[derive(Clone, Debug)]
pub struct Interner {
    names: Vec<String>,
    ids: HashMap<String, Id>,
}

impl Default for Interner {
    fn default() -> Self {
        Interner {
            names: vec![String::new()],
            ids: HashMap::new(),
        }
    }
}

/// The name given to values past the last id (an export with more than 65,534 distinct ones).
pub const OTHER: &str = "(other)";

impl Interner {
    /// The id of `name` (trimmed, any case: "Email" and "email" are one value, shown as first
    /// seen); 0 for an empty one.
    pub fn id(&mut self, name: &str) -> Id {
        let name = name.trim();
        if name.is_empty() {
            return 0;
        }
        let key: Cow<'_, str> = if name.bytes().any(|b| b.is_ascii_uppercase()) || !name.is_ascii()
        {
            Cow::Owned(name.to_lowercase())
        } else {
            Cow::Borrowed(name)
        };
        if let Some(&id) = self.ids.get(key.as_ref()) {
            return id;
        }
        let Ok(id) = Id::try_from(self.names.len()) else {
            return self.id_of_other();
        };
        if id == Id::MAX {
            return self.id_of_other();
        }
        self.names.push(name.to_string());
        self.ids.insert(key.into_owned(), id);
        id
    }

    fn id_of_other(&mut self) -> Id {
        match self.ids.get(OTHER) {
            Some(&id) => id,
            None => {
                let id = Id::MAX;
                self.ids.insert(OTHER.to_string(), id);
                id
            }
        }
    }

    /// The name of an id ("" for 0).
    pub fn name(&self, id: Id) -> &str {
        match self.names.get(usize::from(id)) {
            Some(name) => name,
            None if id == Id::MAX => OTHER,
            None => "",
        }
    }

    /// Number of ids handed out, 0 included.
    pub fn len(&self) -> usize {
        self.names.len() + usize::from(self.ids.contains_key(OTHER))
    }

    pub fn is_empty(&self) -> bool {
        self.names.len() <= 1
    }

    /// Every (id, name), 0 excluded.
    pub fn iter(&self) -> impl Iterator<Item = (Id, &str)> {
        let other = self.ids.get(OTHER).map(|&id| (id, OTHER));
        self.names
            .iter()
            .enumerate()
            .skip(1)
            .map(|(id, name)| (id as Id, name.as_str()))
            .chain(other)
    }
}

/// How satisfied the customer said they were.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Csat {
    #[default]
    NotRated,
    Good,
    Bad,
}

impl Csat {
    /// Reads Zendesk's `good`/`bad`, a score out of 5 (4–5 good, 1–3 bad) or survey words.
    pub fn read(text: &str) -> Csat {
        let key = text.trim().to_ascii_lowercase();
        match key.as_str() {
            "good" | "satisfied" | "happy" | "extremely happy" | "very happy" | "positive"
            | "yes" | "4" | "5" => Csat::Good,
            "bad" | "unsatisfied" | "dissatisfied" | "unhappy" | "extremely unhappy"
            | "very unhappy" | "negative" | "no" | "neutral" | "1" | "2" | "3" => Csat::Bad,
            _ => Csat::NotRated,
        }
    }
}

/// One ticket, as kept for the summary and the replay.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Ticket {
    /// UTC seconds since 1970.
    pub created: i64,
    pub first_reply: Option<i64>,
    pub resolved: Option<i64>,
    /// The helpdesk's own business minutes (Zendesk's metric sets or CSV columns).
    pub helpdesk_reply_business: Option<u32>,
    pub helpdesk_resolution_business: Option<u32>,
    pub channel: Id,
    pub priority: Id,
    pub category: Id,
    pub organisation: Id,
    /// Where this ticket's tag ids start in `Tickets::tag_pool`, and how many.
    pub tags_start: u32,
    pub tags_len: u8,
    pub reopens: Option<u16>,
    pub replies: Option<u16>,
    pub csat: Csat,
    /// The same requester opened another ticket within 7 days before (None: no requester known).
    pub repeat: Option<bool>,
}

/// A ticket as a source read it, before it is made compact.
#[derive(Clone, Debug, Default)]
pub struct RawTicket<'a> {
    pub created: i64,
    pub first_reply: Option<i64>,
    pub resolved: Option<i64>,
    pub helpdesk_reply_business: Option<u32>,
    pub helpdesk_resolution_business: Option<u32>,
    pub channel: Cow<'a, str>,
    pub priority: Cow<'a, str>,
    pub category: Cow<'a, str>,
    pub organisation: Cow<'a, str>,
    /// Texts holding tags, each split at spaces and commas.
    pub tags: Vec<Cow<'a, str>>,
    /// Hashed at once; the text is never kept.
    pub requester: Cow<'a, str>,
    pub reopens: Option<u16>,
    pub replies: Option<u16>,
    pub csat: Csat,
}

/// Every ticket read, with the values their ids name.
#[derive(Clone, Debug, Default)]
pub struct Tickets {
    pub list: Vec<Ticket>,
    pub channels: Interner,
    pub priorities: Interner,
    pub categories: Interner,
    pub organisations: Interner,
    /// Tags, lower-cased.
    pub tags: Interner,
    pub tag_pool: Vec<Id>,
    /// Last creation time per hashed requester: only during the read (`forget_requesters`).
    requesters: HashMap<u64, i64>,
    /// Whether any ticket named its requester.
    pub requesters_known: bool,
}

impl Tickets {
    /// Makes `raw` compact and keeps it.
    pub fn add(&mut self, raw: RawTicket<'_>) {
        let tags_start = u32::try_from(self.tag_pool.len()).unwrap_or(u32::MAX);
        let mut tags_len = 0u8;
        let words = raw
            .tags
            .iter()
            .flat_map(|text| text.split([' ', ',', ';']))
            .filter(|word| !word.is_empty());
        for tag in words {
            if usize::from(tags_len) == MOST_TAGS {
                break;
            }
            let id = if tag.bytes().any(|b| b.is_ascii_uppercase()) {
                self.tags.id(&tag.to_lowercase())
            } else {
                self.tags.id(tag)
            };
            if id != 0 && !self.tag_pool[tags_start as usize..].contains(&id) {
                self.tag_pool.push(id);
                tags_len += 1;
            }
        }
        let repeat = self.repeat(&raw.requester, raw.created);
        self.list.push(Ticket {
            created: raw.created,
            first_reply: raw.first_reply,
            resolved: raw.resolved,
            helpdesk_reply_business: raw.helpdesk_reply_business,
            helpdesk_resolution_business: raw.helpdesk_resolution_business,
            channel: self.channels.id(&raw.channel),
            priority: self.priorities.id(&raw.priority),
            category: self.categories.id(&raw.category),
            organisation: self.organisations.id(&raw.organisation),
            tags_start,
            tags_len,
            reopens: raw.reopens,
            replies: raw.replies,
            csat: raw.csat,
            repeat,
        });
    }

    /// Whether `requester` opened a ticket within the repeat window before `created`.
    fn repeat(&mut self, requester: &str, created: i64) -> Option<bool> {
        let requester = requester.trim();
        if requester.is_empty() {
            return None;
        }
        self.requesters_known = true;
        let mut hasher = DefaultHasher::new();
        requester.to_lowercase().hash(&mut hasher);
        let key = hasher.finish();
        let previous = self.requesters.insert(key, created);
        Some(previous.is_some_and(|before| (created - before).abs() <= REPEAT_WINDOW_SECONDS))
    }

    /// Drops the hashed requesters once every file is read.
    pub fn forget_requesters(&mut self) {
        self.requesters = HashMap::new();
    }

    /// The tag ids of a ticket.
    pub fn tags_of(&self, ticket: &Ticket) -> &[Id] {
        let start = ticket.tags_start as usize;
        self.tag_pool
            .get(start..start + usize::from(ticket.tags_len))
            .unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_requester_within_seven_days_is_a_repeat() {
        let mut tickets = Tickets::default();
        let day = 86_400;
        for (created, requester) in [
            (0, "ana@example.com"),
            (3 * day, "ANA@example.com"),
            (20 * day, "ana@example.com"),
            (20 * day, "ben@example.com"),
            (21 * day, ""),
        ] {
            tickets.add(RawTicket {
                created,
                requester: requester.into(),
                ..RawTicket::default()
            });
        }
        let repeats: Vec<Option<bool>> = tickets.list.iter().map(|t| t.repeat).collect();
        // Day 3 is 3 days after day 0 (a repeat); day 20 is 17 days after day 3 (not one).
        assert_eq!(
            repeats,
            [Some(false), Some(true), Some(false), Some(false), None]
        );
    }

    #[test]
    fn tags_are_kept_once_in_lower_case() {
        let mut tickets = Tickets::default();
        tickets.add(RawTicket {
            tags: vec!["VIP vip".into(), "billing,".into(), "".into()],
            ..RawTicket::default()
        });
        let ticket = tickets.list[0];
        let names: Vec<&str> = tickets
            .tags_of(&ticket)
            .iter()
            .map(|&id| tickets.tags.name(id))
            .collect();
        assert_eq!(names, ["vip", "billing"]);
    }

    #[test]
    fn survey_answers_read_as_good_or_bad() {
        assert_eq!(Csat::read("Good"), Csat::Good);
        assert_eq!(Csat::read("Extremely happy"), Csat::Good);
        assert_eq!(Csat::read("unhappy"), Csat::Bad);
        assert_eq!(Csat::read("2"), Csat::Bad);
        assert_eq!(Csat::read("offered"), Csat::NotRated);
        assert_eq!(Csat::read(""), Csat::NotRated);
    }
}
