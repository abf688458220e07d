//! What each column of a ticket CSV means: guessed from its header and its first values, saved as
//! a `ColumnMapping` (serde) that can be reused for the next export of the same shape. Where the
//! file cannot tell (a slash date's order, the time zone of stamps without an offset), the mapping
//! names the question to ask.

use serde::{Deserialize, Serialize};

use super::timestamp::{self, DateOrder, OrderEvidence};

/// What a column holds. Times are either stamps or durations since creation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Meaning {
    TicketId,
    /// When the ticket was created (a time stamp).
    Created,
    /// When the first agent reply was sent (a time stamp).
    FirstReply,
    /// Calendar minutes from creation to the first reply (Zendesk's CSV).
    FirstReplyMinutes,
    /// Business minutes to the first reply, as the helpdesk counted them.
    FirstReplyBusinessMinutes,
    /// Hours to the first reply (Freshdesk's `First response time (in hrs)`).
    FirstReplyHours,
    /// When the ticket was resolved or solved (a time stamp).
    Resolved,
    /// When the ticket was closed (used when there is no resolved time).
    Closed,
    /// Calendar minutes from creation to the (full) resolution.
    ResolutionMinutes,
    /// Business minutes to the resolution, as the helpdesk counted them.
    ResolutionBusinessMinutes,
    /// Hours to the resolution (Freshdesk's `Resolution time (in hrs)`).
    ResolutionHours,
    Channel,
    Priority,
    /// Type or category of the ticket.
    Category,
    /// Tags, separated by spaces or commas.
    Tags,
    /// The customer's organisation or company.
    Organisation,
    /// A customer segment or contract level (read as one more tag, as SLA policies match it).
    Segment,
    /// Who asked (only hashed, during the read, to find repeat contacts; never kept).
    Requester,
    Status,
    /// Satisfaction: good/bad, a score out of 5, or survey words.
    Csat,
    Reopens,
    /// Agent replies or interactions.
    Replies,
    /// Not used.
    Ignored,
}

impl Meaning {
    /// Every meaning, in the order a column-mapping choice lists them.
    pub const ALL: [Meaning; 23] = [
        Meaning::Ignored,
        Meaning::TicketId,
        Meaning::Created,
        Meaning::FirstReply,
        Meaning::FirstReplyMinutes,
        Meaning::FirstReplyBusinessMinutes,
        Meaning::FirstReplyHours,
        Meaning::Resolved,
        Meaning::Closed,
        Meaning::ResolutionMinutes,
        Meaning::ResolutionBusinessMinutes,
        Meaning::ResolutionHours,
        Meaning::Channel,
        Meaning::Priority,
        Meaning::Category,
        Meaning::Tags,
        Meaning::Organisation,
        Meaning::Segment,
        Meaning::Requester,
        Meaning::Status,
        Meaning::Csat,
        Meaning::Reopens,
        Meaning::Replies,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Meaning::TicketId => "ticket id",
            Meaning::Created => "created time",
            Meaning::FirstReply => "first reply time",
            Meaning::FirstReplyMinutes => "minutes to first reply",
            Meaning::FirstReplyBusinessMinutes => "business minutes to first reply (helpdesk's)",
            Meaning::FirstReplyHours => "hours to first reply",
            Meaning::Resolved => "resolved time",
            Meaning::Closed => "closed time",
            Meaning::ResolutionMinutes => "minutes to resolution",
            Meaning::ResolutionBusinessMinutes => "business minutes to resolution (helpdesk's)",
            Meaning::ResolutionHours => "hours to resolution",
            Meaning::Channel => "channel",
            Meaning::Priority => "priority",
            Meaning::Category => "category or type",
            Meaning::Tags => "tags",
            Meaning::Organisation => "organisation",
            Meaning::Segment => "segment",
            Meaning::Requester => "requester (hashed, never kept)",
            Meaning::Status => "status",
            Meaning::Csat => "satisfaction (CSAT)",
            Meaning::Reopens => "reopens",
            Meaning::Replies => "agent replies",
            Meaning::Ignored => "not used",
        }
    }

    /// Whether the column's values are time stamps.
    pub fn is_stamp(self) -> bool {
        matches!(
            self,
            Meaning::Created | Meaning::FirstReply | Meaning::Resolved | Meaning::Closed
        )
    }

    /// Whether the column's values are numbers.
    fn is_number(self) -> bool {
        matches!(
            self,
            Meaning::FirstReplyMinutes
                | Meaning::FirstReplyBusinessMinutes
                | Meaning::FirstReplyHours
                | Meaning::ResolutionMinutes
                | Meaning::ResolutionBusinessMinutes
                | Meaning::ResolutionHours
                | Meaning::Reopens
                | Meaning::Replies
        )
    }
}

/// One column: its header as the file writes it, and what it means.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct MappedColumn {
    pub header: String,
    pub meaning: Meaning,
}

/// How to read one shape of ticket CSV. Saved and reused: the columns must match by header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ColumnMapping {
    /// The export it looks like ("Zendesk CSV", "Freshdesk CSV", "CSV").
    pub source: String,
    /// `,`, `;` or a tab.
    pub separator: char,
    pub columns: Vec<MappedColumn>,
    /// How slash dates are written; `None` when the file has none, or has not told yet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
    /// The IANA zone of stamps without an offset; `None` when every stamp carries its offset, or
    /// when it is still to be asked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time_zone: Option<String>,
    /// Whether the created times seen carry an offset (then no zone is needed).
    #[serde(default)]
    pub stamps_carry_offset: bool,
}

/// Something the file cannot tell, to ask the person reading it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "question", rename_all = "snake_case")]
pub enum Question {
    /// Slash dates whose numbers are all 12 or less: day or month first?
    DateOrder { column: String, example: String },
    /// Stamps without an offset: which zone were they written in?
    TimeZone { column: String, example: String },
}

impl Question {
    /// The question in words.
    pub fn words(&self) -> String {
        match self {
            Question::DateOrder { column, example } => format!(
                "Is \"{example}\" in column \"{column}\" day first or month first? No date in \
                 the first rows settles it"
            ),
            Question::TimeZone { column, example } => format!(
                "Which time zone are the times in column \"{column}\" (\"{example}\") written \
                 in? They carry no offset"
            ),
        }
    }
}

impl ColumnMapping {
    /// The column holding `meaning`, if any.
    pub fn column_of(&self, meaning: Meaning) -> Option<usize> {
        self.columns.iter().position(|c| c.meaning == meaning)
    }

    /// Every column holding `meaning`.
    pub fn columns_of(&self, meaning: Meaning) -> impl Iterator<Item = usize> + '_ {
        self.columns
            .iter()
            .enumerate()
            .filter(move |(_, c)| c.meaning == meaning)
            .map(|(index, _)| index)
    }

    /// The headers, in file order.
    pub fn headers(&self) -> Vec<&str> {
        self.columns.iter().map(|c| c.header.as_str()).collect()
    }
}

/// A header reduced to lower-case words: `First response time (in hrs)` → `first response time in hrs`.
pub fn normalise(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    for word in header
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word.to_lowercase());
    }
    out
}

/// Headers read exactly (after `normalise`), most specific first.
const EXACT: &[(&str, Meaning)] = &[
    ("id", Meaning::TicketId),
    ("ticket id", Meaning::TicketId),
    ("ticket number", Meaning::TicketId),
    ("ticket", Meaning::TicketId),
    ("number", Meaning::TicketId),
    ("issue key", Meaning::TicketId),
    ("key", Meaning::TicketId),
    ("created at", Meaning::Created),
    ("created time", Meaning::Created),
    ("created", Meaning::Created),
    ("created date", Meaning::Created),
    ("opened", Meaning::Created),
    ("opened at", Meaning::Created),
    ("date opened", Meaning::Created),
    ("submitted at", Meaning::Created),
    ("conversation started at", Meaning::Created),
    ("create date", Meaning::Created),
    ("initial response time", Meaning::FirstReply),
    ("first response", Meaning::FirstReply),
    ("first replied at", Meaning::FirstReply),
    ("first response at", Meaning::FirstReply),
    ("first reply at", Meaning::FirstReply),
    ("first reply time in minutes", Meaning::FirstReplyMinutes),
    (
        "first reply time in minutes within business hours",
        Meaning::FirstReplyBusinessMinutes,
    ),
    ("first response time in hrs", Meaning::FirstReplyHours),
    ("first response time in hours", Meaning::FirstReplyHours),
    ("solved at", Meaning::Resolved),
    ("resolved at", Meaning::Resolved),
    ("resolved time", Meaning::Resolved),
    ("resolved", Meaning::Resolved),
    ("resolution date", Meaning::Resolved),
    ("resolved date", Meaning::Resolved),
    ("closed time", Meaning::Closed),
    ("closed at", Meaning::Closed),
    ("closed", Meaning::Closed),
    ("close date", Meaning::Closed),
    (
        "full resolution time in minutes",
        Meaning::ResolutionMinutes,
    ),
    (
        "full resolution time in minutes within business hours",
        Meaning::ResolutionBusinessMinutes,
    ),
    ("resolution time in hrs", Meaning::ResolutionHours),
    ("resolution time in hours", Meaning::ResolutionHours),
    ("via", Meaning::Channel),
    ("source", Meaning::Channel),
    ("channel", Meaning::Channel),
    ("contact type", Meaning::Channel),
    ("medium", Meaning::Channel),
    ("priority", Meaning::Priority),
    ("severity", Meaning::Priority),
    ("urgency", Meaning::Priority),
    ("prio", Meaning::Priority),
    ("type", Meaning::Category),
    ("ticket type", Meaning::Category),
    ("category", Meaning::Category),
    ("issue type", Meaning::Category),
    ("request type", Meaning::Category),
    ("tags", Meaning::Tags),
    ("labels", Meaning::Tags),
    ("organization", Meaning::Organisation),
    ("organisation", Meaning::Organisation),
    ("company", Meaning::Organisation),
    ("company name", Meaning::Organisation),
    ("account", Meaning::Organisation),
    ("account name", Meaning::Organisation),
    ("segment", Meaning::Segment),
    ("customer segment", Meaning::Segment),
    ("plan", Meaning::Segment),
    ("tier", Meaning::Segment),
    ("requester id", Meaning::Requester),
    ("requester email", Meaning::Requester),
    ("requester", Meaning::Requester),
    ("contact id", Meaning::Requester),
    ("customer email", Meaning::Requester),
    ("email", Meaning::Requester),
    ("reporter", Meaning::Requester),
    ("status", Meaning::Status),
    ("state", Meaning::Status),
    ("satisfaction score", Meaning::Csat),
    ("satisfaction", Meaning::Csat),
    ("survey results", Meaning::Csat),
    ("csat", Meaning::Csat),
    ("rating", Meaning::Csat),
    ("reopens", Meaning::Reopens),
    ("reopen count", Meaning::Reopens),
    ("replies", Meaning::Replies),
    ("agent interactions", Meaning::Replies),
    ("agent replies", Meaning::Replies),
];

/// Words a header may contain, for headers no exact entry knows ("Date Created (UTC)").
const CONTAINS: &[(&str, Meaning)] = &[
    ("business", Meaning::Ignored),
    ("first resolution", Meaning::Ignored),
    ("created", Meaning::Created),
    ("opened", Meaning::Created),
    ("first response", Meaning::FirstReply),
    ("first reply", Meaning::FirstReply),
    ("answered", Meaning::FirstReply),
    ("resolved", Meaning::Resolved),
    ("solved", Meaning::Resolved),
    ("closed", Meaning::Closed),
    ("channel", Meaning::Channel),
    ("priority", Meaning::Priority),
    ("category", Meaning::Category),
    ("tags", Meaning::Tags),
    ("organization", Meaning::Organisation),
    ("organisation", Meaning::Organisation),
    ("company", Meaning::Organisation),
    ("segment", Meaning::Segment),
    ("requester", Meaning::Requester),
    ("satisfaction", Meaning::Csat),
    ("csat", Meaning::Csat),
    ("reopen", Meaning::Reopens),
];

/// The meaning a header names, before looking at values.
fn by_header(header: &str) -> Option<(Meaning, bool)> {
    let key = normalise(header);
    if let Some(&(_, meaning)) = EXACT.iter().find(|(name, _)| *name == key) {
        return Some((meaning, true));
    }
    let padded = format!(" {key} ");
    CONTAINS
        .iter()
        .find(|(word, _)| padded.contains(&format!(" {word} ")) || key.contains(word))
        .map(|&(_, meaning)| (meaning, false))
}

/// Whether the sample values of a column fit a meaning: at least half of the non-empty values
/// read when the header names the meaning exactly, four in five when it only contains a word.
fn values_fit(meaning: Meaning, values: &[&str], exact: bool) -> bool {
    let filled: Vec<&&str> = values.iter().filter(|v| !v.trim().is_empty()).collect();
    if filled.is_empty() {
        return true;
    }
    let fits = |v: &str| {
        if meaning.is_stamp() {
            timestamp::parse(v, None).is_some()
                || timestamp::parse(v, Some(DateOrder::MonthFirst)).is_some()
        } else if meaning.is_number() {
            number(v).is_some()
        } else {
            true
        }
    };
    let needed = if exact { 5 } else { 8 };
    filled.iter().filter(|v| fits(v)).count() * 10 >= filled.len() * needed
}

/// A number as exports write it: `12`, `1.5`, `1,5`, or a duration `01:30[:00]` (hours:minutes).
pub fn number(text: &str) -> Option<f64> {
    let text = text.trim();
    if let Some((hours, rest)) = text.split_once(':') {
        let (minutes, seconds) = rest.split_once(':').unwrap_or((rest, "0"));
        let (h, m, s): (f64, f64, f64) = (
            hours.parse().ok()?,
            minutes.parse().ok()?,
            seconds.parse().ok()?,
        );
        return Some(h + m / 60.0 + s / 3600.0);
    }
    text.replace(',', ".")
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
}

/// Guesses the mapping from the header and the first rows (`rows[i][column]`).
pub fn guess(headers: &[String], rows: &[Vec<String>], separator: u8) -> ColumnMapping {
    let column_values = |index: usize| -> Vec<&str> {
        rows.iter()
            .map(|row| row.get(index).map_or("", String::as_str))
            .collect()
    };
    let mut meanings = vec![Meaning::Ignored; headers.len()];
    // Exact headers first, then words in headers; each meaning once, first column wins.
    for exact in [true, false] {
        for (index, header) in headers.iter().enumerate() {
            if meanings[index] != Meaning::Ignored {
                continue;
            }
            let Some((meaning, is_exact)) = by_header(header) else {
                continue;
            };
            let taken = meanings.contains(&meaning) && meaning != Meaning::Ignored;
            if is_exact == exact && !taken && values_fit(meaning, &column_values(index), exact) {
                meanings[index] = meaning;
            }
        }
    }
    if !meanings.contains(&Meaning::Created) {
        // No header says it: the first column of time stamps is taken as the created time.
        let stamps = (0..headers.len()).find(|&i| {
            meanings[i] == Meaning::Ignored
                && !column_values(i).iter().all(|v| v.trim().is_empty())
                && values_fit(Meaning::Created, &column_values(i), false)
        });
        if let Some(index) = stamps {
            meanings[index] = Meaning::Created;
        }
    }
    let columns: Vec<MappedColumn> = headers
        .iter()
        .zip(meanings)
        .map(|(header, meaning)| MappedColumn {
            header: header.clone(),
            meaning,
        })
        .collect();
    let mut mapping = ColumnMapping {
        source: source_of(headers).to_string(),
        separator: char::from(separator),
        columns,
        date_order: None,
        time_zone: None,
        stamps_carry_offset: false,
    };
    settle_stamps(&mut mapping, rows);
    mapping
}

/// Which helpdesk's export the headers look like.
fn source_of(headers: &[String]) -> &'static str {
    let has = |name: &str| headers.iter().any(|h| normalise(h) == name);
    if has("first reply time in minutes") || has("via") && has("solved at") {
        "Zendesk CSV export"
    } else if has("initial response time")
        || has("first response time in hrs")
        || has("agent interactions")
    {
        "Freshdesk CSV export"
    } else {
        "CSV export"
    }
}

/// Decides the date order and whether stamps carry offsets, from the sample.
fn settle_stamps(mapping: &mut ColumnMapping, rows: &[Vec<String>]) {
    let mut evidence = OrderEvidence::default();
    let mut all_offset = true;
    let mut any = false;
    for index in (0..mapping.columns.len()).filter(|&i| mapping.columns[i].meaning.is_stamp()) {
        for row in rows {
            let value = row.get(index).map_or("", String::as_str);
            if value.trim().is_empty() {
                continue;
            }
            evidence.observe(value);
            any = true;
            all_offset &= timestamp::parse(value, None)
                .or_else(|| timestamp::parse(value, Some(DateOrder::MonthFirst)))
                .is_some_and(|stamp| stamp.offset.is_some());
        }
    }
    mapping.date_order = evidence.order();
    mapping.stamps_carry_offset = any && all_offset;
}

/// What the mapping still needs to know, with an example value from `rows`.
pub fn questions(mapping: &ColumnMapping, rows: &[Vec<String>]) -> Vec<Question> {
    let mut questions = Vec::new();
    let Some(created) = mapping.column_of(Meaning::Created) else {
        return questions;
    };
    let column = mapping.columns[created].header.clone();
    let example = rows
        .iter()
        .filter_map(|row| row.get(created))
        .find(|v| !v.trim().is_empty())
        .cloned()
        .unwrap_or_default();
    let mut evidence = OrderEvidence::default();
    for row in rows {
        evidence.observe(row.get(created).map_or("", String::as_str));
    }
    if mapping.date_order.is_none() && evidence.slashes {
        questions.push(Question::DateOrder {
            column: column.clone(),
            example: example.clone(),
        });
    }
    if !mapping.stamps_carry_offset && mapping.time_zone.is_none() {
        questions.push(Question::TimeZone { column, example });
    }
    questions
}
