//! The push reader of ticket exports: fed the bytes of one or several files in chunks
//! (`feed`, `end_file`, `finish`), it decides per file whether it is a Zendesk incremental export
//! page (JSON) or a CSV, reads it, and keeps the compact tickets, the rows set aside with their
//! reasons, and what each file was taken for.

use std::collections::BTreeMap;
use std::fmt;

use super::csv_source::CsvSource;
use super::decode::{Decoder, Encoding};
use super::mapping::{ColumnMapping, Question};
use super::record::Tickets;
use super::timestamp::DateOrder;
use super::zendesk::ZendeskPages;

/// How to read files whose shape leaves questions open.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ReadOptions {
    /// A saved mapping for CSVs (checked against each header); `None`: guess.
    pub mapping: Option<ColumnMapping>,
    /// The zone of stamps without an offset when the mapping names none (the plan's home zone).
    pub default_zone: String,
    /// How to read slash dates that no row settles.
    pub date_order: DateOrder,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            mapping: None,
            default_zone: "UTC".to_string(),
            date_order: DateOrder::DayFirst,
        }
    }
}

/// Why a file could not be read at all (the plan is never touched by a failed read).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    NotTickets {
        why: String,
    },
    UnclosedQuote {
        row: u64,
    },
    MappingDoesNotFit {
        expected: Vec<String>,
        found: Vec<String>,
    },
    UnknownZone {
        name: String,
    },
    BadJson {
        why: String,
    },
    /// A JSON page larger than a Zendesk page can be.
    PageTooLarge {
        bytes: usize,
    },
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => f.write_str("The file is empty: there are no tickets in it"),
            ReadError::NotTickets { why } => write!(
                f,
                "This file does not look like a ticket export: {why}. Export tickets as CSV \
                 from the helpdesk, or the JSON of Zendesk's incremental ticket export"
            ),
            ReadError::UnclosedQuote { row } => write!(
                f,
                "Row {row} opens a quote (\") that is not closed within 1 MB; the file may be \
                 cut off, or not a CSV"
            ),
            ReadError::MappingDoesNotFit { expected, found } => write!(
                f,
                "The saved column mapping is for the columns {}, but this file has {}; guess \
                 the mapping afresh or pick the right one",
                expected.join(", "),
                found.join(", ")
            ),
            ReadError::UnknownZone { name } => write!(
                f,
                "\"{name}\" is not a time zone this app knows; pick one such as Europe/Berlin \
                 or America/New_York"
            ),
            ReadError::BadJson { why } => write!(
                f,
                "This JSON is not a page of Zendesk's incremental ticket export: {why}"
            ),
            ReadError::PageTooLarge { bytes } => write!(
                f,
                "This JSON is {} MB in one piece, more than a page of Zendesk's incremental \
                 export ever is; export it page by page",
                bytes / 1_000_000
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// Why one row was set aside.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Why {
    NoCreated,
    BadTime { column: String, value: String },
    BadNumber { column: String, value: String },
    TooFewFields { found: usize, needed: usize },
    ReplyBeforeCreated,
    ResolvedBeforeCreated,
}

impl Why {
    /// The kind, to group rows set aside for the same reason.
    fn kind(&self) -> String {
        match self {
            Why::NoCreated => "no created time".into(),
            Why::BadTime { column, .. } => format!("time not read in {column}"),
            Why::BadNumber { column, .. } => format!("number not read in {column}"),
            Why::TooFewFields { .. } => "too few fields".into(),
            Why::ReplyBeforeCreated => "reply before creation".into(),
            Why::ResolvedBeforeCreated => "resolved before creation".into(),
        }
    }

    /// The reason in words.
    pub fn words(&self) -> String {
        match self {
            Why::NoCreated => "it has no created time".into(),
            Why::BadTime { column, value } => {
                format!("\"{value}\" in {column} is not a date and time this reader knows")
            }
            Why::BadNumber { column, value } => {
                format!("\"{value}\" in {column} is not a number")
            }
            Why::TooFewFields { found, needed } => {
                format!("it has {found} fields, and the created time is field {needed}")
            }
            Why::ReplyBeforeCreated => "its first reply is earlier than its creation".into(),
            Why::ResolvedBeforeCreated => "it was resolved before it was created".into(),
        }
    }
}

/// Examples kept per reason.
pub const EXAMPLES_KEPT: usize = 3;

/// Rows that could not be read, counted by reason with the first examples.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct SetAside {
    pub groups: BTreeMap<String, AsideGroup>,
}

/// Rows set aside for one reason.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct AsideGroup {
    pub count: u64,
    /// (row number in its file, reason in words), the first few.
    pub examples: Vec<(u64, String)>,
}

impl SetAside {
    pub fn add(&mut self, row: u64, why: Why) {
        let group = self.groups.entry(why.kind()).or_default();
        group.count += 1;
        if group.examples.len() < EXAMPLES_KEPT {
            group.examples.push((row, why.words()));
        }
    }

    pub fn total(&self) -> u64 {
        self.groups.values().map(|g| g.count).sum()
    }
}

/// What one file was read as.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct FileReport {
    pub name: String,
    /// "Zendesk incremental export (3 pages)", "Freshdesk CSV export", …
    pub read_as: String,
    pub encoding: Option<Encoding>,
    pub tickets: u64,
    pub mapping: Option<ColumnMapping>,
    pub questions: Vec<Question>,
    /// What was assumed where the file could not tell.
    pub assumed: Vec<String>,
}

/// The shape a file turned out to have.
#[derive(Debug)]
enum Source {
    Undecided(Vec<u8>),
    Csv(Box<CsvSource>),
    Zendesk(Box<ZendeskPages>),
}

/// The file being read.
#[derive(Debug)]
struct OpenFile {
    name: String,
    decoder: Decoder,
    source: Source,
    utf8: Vec<u8>,
    tickets_before: usize,
}

/// Everything read from the files: the compact tickets and the report of each file.
#[derive(Clone, Debug, Default)]
pub struct History {
    pub tickets: Tickets,
    pub files: Vec<FileReport>,
    pub set_aside: SetAside,
}

/// The push reader.
#[derive(Debug, Default)]
pub struct HistoryReader {
    options: ReadOptions,
    history: History,
    open: Option<OpenFile>,
}

impl HistoryReader {
    pub fn new(options: ReadOptions) -> HistoryReader {
        HistoryReader {
            options,
            ..HistoryReader::default()
        }
    }

    /// Starts the next file (ending the one before, if any).
    pub fn begin_file(&mut self, name: &str) -> Result<(), ReadError> {
        if self.open.is_some() {
            self.end_file()?;
        }
        self.open = Some(OpenFile {
            name: name.to_string(),
            decoder: Decoder::default(),
            source: Source::Undecided(Vec::new()),
            utf8: Vec::new(),
            tickets_before: self.history.tickets.list.len(),
        });
        Ok(())
    }

    /// Rows read so far (the progress bar's count).
    pub fn tickets_read(&self) -> usize {
        self.history.tickets.list.len()
    }

    pub fn rows_set_aside(&self) -> u64 {
        self.history.set_aside.total()
    }

    /// Feeds the next chunk of the open file (a file named "file" is opened if none is).
    pub fn feed(&mut self, chunk: &[u8]) -> Result<(), ReadError> {
        if self.open.is_none() {
            self.begin_file("file")?;
        }
        let Some(open) = self.open.as_mut() else {
            return Ok(());
        };
        open.utf8.clear();
        open.decoder.decode(chunk, &mut open.utf8);
        let bytes = std::mem::take(&mut open.utf8);
        let result = self.push_text(&bytes);
        if let Some(open) = self.open.as_mut() {
            open.utf8 = bytes;
        }
        result
    }

    /// Ends the open file and reports what it was read as.
    pub fn end_file(&mut self) -> Result<FileReport, ReadError> {
        let Some(mut open) = self.open.take() else {
            return Err(ReadError::Empty);
        };
        let mut rest = Vec::new();
        open.decoder.finish(&mut rest);
        self.open = Some(open);
        self.push_text(&rest)?;
        let Some(open) = self.open.take() else {
            return Err(ReadError::Empty);
        };
        // Still undecided at the end: nothing but white space came.
        if let Source::Undecided(_) = open.source {
            return Err(ReadError::Empty);
        }
        let report = self.close(open)?;
        self.history.files.push(report.clone());
        Ok(report)
    }

    /// Ends reading: the tickets of every file, the requesters forgotten.
    pub fn finish(mut self) -> Result<History, ReadError> {
        if self.open.is_some() {
            self.end_file()?;
        }
        self.history.tickets.forget_requesters();
        Ok(self.history)
    }

    /// Hands decoded text to the file's source, deciding the source on the first bytes.
    fn push_text(&mut self, bytes: &[u8]) -> Result<(), ReadError> {
        let Some(open) = self.open.as_mut() else {
            return Ok(());
        };
        let History {
            tickets, set_aside, ..
        } = &mut self.history;
        match &mut open.source {
            Source::Undecided(seen) => {
                seen.extend_from_slice(bytes);
                if seen.iter().any(|b| !b.is_ascii_whitespace()) {
                    let seen = std::mem::take(seen);
                    open.source = decide(&seen);
                    return self.push_text(&seen);
                }
                Ok(())
            }
            Source::Csv(csv) => csv.feed(bytes, &self.options, tickets, set_aside),
            Source::Zendesk(pages) => pages.feed(bytes),
        }
    }

    fn close(&mut self, open: OpenFile) -> Result<FileReport, ReadError> {
        let History {
            tickets, set_aside, ..
        } = &mut self.history;
        let before = open.tickets_before;
        let encoding = open.decoder.encoding();
        let mut report = FileReport {
            name: open.name,
            read_as: String::new(),
            encoding,
            tickets: 0,
            mapping: None,
            questions: Vec::new(),
            assumed: Vec::new(),
        };
        match open.source {
            Source::Csv(mut csv) => {
                csv.finish(&self.options, tickets, set_aside)?;
                report.read_as = csv
                    .mapping
                    .as_ref()
                    .map_or("CSV".into(), |m| m.source.clone());
                report.mapping = csv.mapping.take();
                report.questions = std::mem::take(&mut csv.questions);
                report.assumed = std::mem::take(&mut csv.assumed);
            }
            Source::Zendesk(pages) => {
                report.read_as = pages.finish(tickets, set_aside)?;
            }
            Source::Undecided(_) => return Err(ReadError::Empty),
        }
        report.tickets = (tickets.list.len() - before) as u64;
        Ok(report)
    }
}

/// JSON if the first character is `{` or `[`, else CSV.
fn decide(start: &[u8]) -> Source {
    match start.iter().find(|b| !b.is_ascii_whitespace()) {
        Some(b'{') | Some(b'[') => Source::Zendesk(Box::default()),
        _ => Source::Csv(Box::default()),
    }
}
