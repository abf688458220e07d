//! A ticket CSV read as a stream: the header, a sample of the first rows to settle the column
//! mapping (guessed, or a saved one checked against the header), then every row made a ticket
//! or set aside with its reason.

use std::borrow::Cow;

use crate::capacity::Zone;

use super::csv::{CsvError, CsvReader, Record};
use super::mapping::{self, ColumnMapping, Meaning, Question};
use super::reader::{ReadError, ReadOptions, SetAside, Why};
use super::record::{Csat, RawTicket, Tickets};
use super::timestamp::{self, DateOrder};

/// Rows looked at before the mapping is settled.
pub const SAMPLE_ROWS: usize = 50;

/// A row's fields as text: a streamed record or a sampled row.
trait Fields {
    fn text(&self, index: usize) -> Cow<'_, str>;
    fn count(&self) -> usize;
}

impl Fields for Record {
    fn text(&self, index: usize) -> Cow<'_, str> {
        Record::text(self, index)
    }
    fn count(&self) -> usize {
        self.len()
    }
}

impl Fields for Vec<String> {
    fn text(&self, index: usize) -> Cow<'_, str> {
        Cow::Borrowed(self.get(index).map_or("", |s| s.trim()))
    }
    fn count(&self) -> usize {
        self.len()
    }
}

/// The CSV being read.
#[derive(Debug, Default)]
pub struct CsvSource {
    csv: CsvReader,
    header: Option<Vec<String>>,
    sample: Vec<(u64, Vec<String>)>,
    columns: Option<Columns>,
    /// The mapping used (guessed or given), with what it assumed.
    pub mapping: Option<ColumnMapping>,
    pub questions: Vec<Question>,
    pub assumed: Vec<String>,
    failed: Option<ReadError>,
}

impl CsvSource {
    /// Reads the records completed by `bytes`.
    pub fn feed(
        &mut self,
        bytes: &[u8],
        options: &ReadOptions,
        tickets: &mut Tickets,
        aside: &mut SetAside,
    ) -> Result<(), ReadError> {
        self.run(Some(bytes), options, tickets, aside)
    }

    /// Reads the last record and settles a file shorter than the sample.
    pub fn finish(
        &mut self,
        options: &ReadOptions,
        tickets: &mut Tickets,
        aside: &mut SetAside,
    ) -> Result<(), ReadError> {
        self.run(None, options, tickets, aside)?;
        if self.columns.is_none() {
            self.settle(options)?;
            self.read_sample(tickets, aside);
        }
        Ok(())
    }

    /// Feeds the CSV reader (`None`: the end of the file) and hands each record on.
    fn run(
        &mut self,
        bytes: Option<&[u8]>,
        options: &ReadOptions,
        tickets: &mut Tickets,
        aside: &mut SetAside,
    ) -> Result<(), ReadError> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }
        let mut csv = std::mem::take(&mut self.csv);
        let mut failure: Option<ReadError> = None;
        let mut each = |number: u64, record: &Record| {
            if failure.is_none() {
                failure = self.record(number, record, options, tickets, aside).err();
            }
        };
        let result = match bytes {
            Some(bytes) => csv.feed(bytes, &mut each),
            None => csv.finish(&mut each),
        };
        self.csv = csv;
        let result = match failure {
            Some(error) => Err(error),
            None => result.map_err(
                |CsvError::UnclosedQuote { record }| ReadError::UnclosedQuote { row: record },
            ),
        };
        if let Err(error) = &result {
            self.failed = Some(error.clone());
        }
        result
    }

    fn record(
        &mut self,
        number: u64,
        record: &Record,
        options: &ReadOptions,
        tickets: &mut Tickets,
        aside: &mut SetAside,
    ) -> Result<(), ReadError> {
        if self.header.is_none() {
            self.header = Some(
                (0..record.len())
                    .map(|i| record.text(i).into_owned())
                    .collect(),
            );
            return Ok(());
        }
        if record.is_blank() {
            return Ok(());
        }
        if let Some(columns) = &self.columns {
            columns.read(record, number, tickets, aside);
            return Ok(());
        }
        let row = (0..record.len())
            .map(|i| record.text(i).into_owned())
            .collect();
        self.sample.push((number, row));
        if self.sample.len() == SAMPLE_ROWS {
            self.settle(options)?;
            self.read_sample(tickets, aside);
        }
        Ok(())
    }

    /// Reads the rows held while the mapping was settled.
    fn read_sample(&mut self, tickets: &mut Tickets, aside: &mut SetAside) {
        if let Some(columns) = &self.columns {
            for (number, row) in std::mem::take(&mut self.sample) {
                columns.read(&row, number, tickets, aside);
            }
        }
    }

    /// Settles the mapping from the header and the sample.
    fn settle(&mut self, options: &ReadOptions) -> Result<(), ReadError> {
        let Some(header) = &self.header else {
            return Err(ReadError::Empty);
        };
        let rows: Vec<Vec<String>> = self.sample.iter().map(|(_, row)| row.clone()).collect();
        let separator = self.csv.separator().unwrap_or(b',');
        let mut mapping = match &options.mapping {
            Some(saved)
                if saved.headers() == header.iter().map(String::as_str).collect::<Vec<_>>() =>
            {
                saved.clone()
            }
            Some(saved) => {
                return Err(ReadError::MappingDoesNotFit {
                    expected: saved.headers().iter().map(|h| h.to_string()).collect(),
                    found: header.clone(),
                })
            }
            None => mapping::guess(header, &rows, separator),
        };
        if mapping.column_of(Meaning::Created).is_none() {
            return Err(ReadError::NotTickets {
                why: not_tickets_why(header),
            });
        }
        self.questions = mapping::questions(&mapping, &rows);
        let zone_name = match (&mapping.time_zone, mapping.stamps_carry_offset) {
            (Some(zone), _) => zone.clone(),
            (None, true) => "UTC".to_string(),
            (None, false) => {
                self.assumed.push(format!(
                    "times without an offset are read in {}",
                    options.default_zone
                ));
                options.default_zone.clone()
            }
        };
        let zone = Zone::named(&zone_name).map_err(|_| ReadError::UnknownZone {
            name: zone_name.clone(),
        })?;
        if mapping.date_order.is_none()
            && self
                .questions
                .iter()
                .any(|q| matches!(q, Question::DateOrder { .. }))
        {
            self.assumed.push(format!(
                "slash dates are read {}",
                options.date_order.label()
            ));
            mapping.date_order = Some(options.date_order);
        }
        self.columns = Some(Columns::of(&mapping, zone, mapping.date_order));
        self.mapping = Some(mapping);
        Ok(())
    }
}

/// Why a CSV without a created-time column is not read as tickets.
fn not_tickets_why(header: &[String]) -> String {
    let shown: Vec<&str> = header.iter().take(8).map(String::as_str).collect();
    format!(
        "no column says when each ticket was created (columns: {}{})",
        shown.join(", "),
        if header.len() > 8 { ", …" } else { "" }
    )
}

/// The mapping resolved to column indexes, ready to read rows fast.
#[derive(Clone, Debug)]
struct Columns {
    created: usize,
    first_reply: Option<usize>,
    first_reply_minutes: Option<usize>,
    first_reply_business: Option<usize>,
    first_reply_hours: Option<usize>,
    resolved: Option<usize>,
    closed: Option<usize>,
    resolution_minutes: Option<usize>,
    resolution_business: Option<usize>,
    resolution_hours: Option<usize>,
    channel: Option<usize>,
    priority: Option<usize>,
    category: Option<usize>,
    organisation: Option<usize>,
    tags: Vec<usize>,
    requester: Option<usize>,
    csat: Option<usize>,
    reopens: Option<usize>,
    replies: Option<usize>,
    headers: Vec<String>,
    zone: Zone,
    order: Option<DateOrder>,
}

impl Columns {
    fn of(mapping: &ColumnMapping, zone: Zone, order: Option<DateOrder>) -> Columns {
        let of = |meaning| mapping.column_of(meaning);
        let mut tags: Vec<usize> = mapping.columns_of(Meaning::Tags).collect();
        tags.extend(mapping.columns_of(Meaning::Segment));
        Columns {
            created: of(Meaning::Created).unwrap_or(0),
            first_reply: of(Meaning::FirstReply),
            first_reply_minutes: of(Meaning::FirstReplyMinutes),
            first_reply_business: of(Meaning::FirstReplyBusinessMinutes),
            first_reply_hours: of(Meaning::FirstReplyHours),
            resolved: of(Meaning::Resolved),
            closed: of(Meaning::Closed),
            resolution_minutes: of(Meaning::ResolutionMinutes),
            resolution_business: of(Meaning::ResolutionBusinessMinutes),
            resolution_hours: of(Meaning::ResolutionHours),
            channel: of(Meaning::Channel),
            priority: of(Meaning::Priority),
            category: of(Meaning::Category),
            organisation: of(Meaning::Organisation),
            tags,
            requester: of(Meaning::Requester),
            csat: of(Meaning::Csat),
            reopens: of(Meaning::Reopens),
            replies: of(Meaning::Replies),
            headers: mapping.columns.iter().map(|c| c.header.clone()).collect(),
            zone,
            order,
        }
    }

    /// A stamp column of `row` as UTC seconds: `Ok(None)` when empty.
    fn stamp(&self, row: &impl Fields, column: usize) -> Result<Option<i64>, Why> {
        let text = row.text(column);
        if text.is_empty() {
            return Ok(None);
        }
        match timestamp::parse(&text, self.order) {
            Some(stamp) => Ok(Some(stamp.utc(&self.zone))),
            None => Err(Why::BadTime {
                column: self.headers[column].clone(),
                value: text.chars().take(40).collect(),
            }),
        }
    }

    /// A duration column (minutes, or hours when `hours`) as seconds after `created`.
    fn after(
        &self,
        row: &impl Fields,
        column: Option<usize>,
        per_unit: f64,
        created: i64,
    ) -> Result<Option<i64>, Why> {
        let Some(column) = column else {
            return Ok(None);
        };
        let text = row.text(column);
        if text.is_empty() {
            return Ok(None);
        }
        match mapping::number(&text) {
            Some(value) if value >= 0.0 => Ok(Some(created + (value * per_unit).round() as i64)),
            _ => Err(Why::BadNumber {
                column: self.headers[column].clone(),
                value: text.chars().take(40).collect(),
            }),
        }
    }

    fn small_number(row: &impl Fields, column: Option<usize>) -> Option<u16> {
        let text = row.text(column?);
        mapping::number(&text)
            .filter(|v| *v >= 0.0)
            .map(|v| v.min(f64::from(u16::MAX)) as u16)
    }

    /// Reads one row into `tickets`, or sets it aside with its reason.
    fn read(&self, row: &impl Fields, number: u64, tickets: &mut Tickets, aside: &mut SetAside) {
        match self.ticket(row) {
            Ok(raw) => tickets.add(raw),
            Err(why) => aside.add(number, why),
        }
    }

    fn ticket<'r>(&self, row: &'r impl Fields) -> Result<RawTicket<'r>, Why> {
        if row.count() <= self.created {
            return Err(Why::TooFewFields {
                found: row.count(),
                needed: self.created + 1,
            });
        }
        let created = self.stamp(row, self.created)?.ok_or(Why::NoCreated)?;
        let first_reply = match self.first_reply {
            Some(column) => self.stamp(row, column)?,
            None => None,
        };
        let first_reply = match first_reply {
            Some(at) => Some(at),
            None => match self.after(row, self.first_reply_minutes, 60.0, created)? {
                Some(at) => Some(at),
                None => self.after(row, self.first_reply_hours, 3600.0, created)?,
            },
        };
        let resolved = match self.resolved.or(self.closed) {
            Some(column) => self.stamp(row, column)?,
            None => None,
        };
        let resolved = match (resolved, self.resolved.and(self.closed)) {
            (None, Some(_)) => self
                .closed
                .map(|c| self.stamp(row, c))
                .transpose()?
                .flatten(),
            (found, _) => found,
        };
        let resolved = match resolved {
            Some(at) => Some(at),
            None => match self.after(row, self.resolution_minutes, 60.0, created)? {
                Some(at) => Some(at),
                None => self.after(row, self.resolution_hours, 3600.0, created)?,
            },
        };
        if first_reply.is_some_and(|at| at < created) {
            return Err(Why::ReplyBeforeCreated);
        }
        if resolved.is_some_and(|at| at < created) {
            return Err(Why::ResolvedBeforeCreated);
        }
        let minutes = |column: Option<usize>| {
            Columns::small_number(row, column)
                .map(u32::from)
                .or_else(|| {
                    let text = row.text(column?);
                    mapping::number(&text)
                        .filter(|v| *v >= 0.0)
                        .map(|v| v.min(1e9) as u32)
                })
        };
        let text = |column: Option<usize>| match column {
            Some(column) => row.text(column),
            None => Cow::Borrowed(""),
        };
        Ok(RawTicket {
            created,
            first_reply,
            resolved,
            helpdesk_reply_business: minutes(self.first_reply_business),
            helpdesk_resolution_business: minutes(self.resolution_business),
            channel: text(self.channel),
            priority: text(self.priority),
            category: text(self.category),
            organisation: text(self.organisation),
            tags: self.tags.iter().map(|&column| row.text(column)).collect(),
            requester: text(self.requester),
            reopens: Columns::small_number(row, self.reopens),
            replies: Columns::small_number(row, self.replies),
            csat: Csat::read(&text(self.csat)),
        })
    }
}
