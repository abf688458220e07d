//! A first look at a ticket CSV before it is read whole: its columns with an example value each,
//! the mapping guessed (or given), the questions the file leaves open, and the first rows as
//! the reader understood them, so the person reading it can correct the mapping first.

use crate::capacity::Zone;
use crate::plan::Date;

use super::csv::CsvReader;
use super::decode::Decoder;
use super::reader::{FileReport, HistoryReader, ReadError, ReadOptions, SetAside};
use super::record::{Id, Interner, Ticket};

/// Rows shown as understood.
pub const ROWS_SHOWN: usize = 5;

/// What the first bytes of one CSV say.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Preview {
    pub report: FileReport,
    /// Each column's header and its first non-empty value.
    pub columns: Vec<(String, String)>,
    pub rows: Vec<Understood>,
    /// Rows of the sample that could not be read, with why.
    pub set_aside: SetAside,
}

/// One row as the reader understood it, in words (times in the zone they were read in).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Understood {
    pub created: String,
    pub first_reply: String,
    pub resolved: String,
    pub channel: String,
    pub priority: String,
    pub category: String,
}

/// The first bytes of `head` up to the last line end: a preview never reads a half row.
fn whole_lines(head: &[u8], whole_file: bool) -> &[u8] {
    if whole_file {
        return head;
    }
    match head.iter().rposition(|&b| b == b'\n') {
        Some(end) => &head[..=end],
        None => head,
    }
}

/// Previews the CSV whose first bytes are `head` (`whole_file`: they are all of it).
pub fn preview(
    name: &str,
    head: &[u8],
    whole_file: bool,
    options: &ReadOptions,
) -> Result<Preview, ReadError> {
    let head = whole_lines(head, whole_file);
    let mut reader = HistoryReader::new(options.clone());
    reader.begin_file(name)?;
    reader.feed(head)?;
    let report = reader.end_file()?;
    let history = reader.finish()?;
    let zone_name = report
        .mapping
        .as_ref()
        .and_then(|m| m.time_zone.clone())
        .unwrap_or_else(|| options.default_zone.clone());
    let zone = Zone::named(&zone_name).unwrap_or(Zone::UTC);
    let t = &history.tickets;
    let rows = t
        .list
        .iter()
        .take(ROWS_SHOWN)
        .map(|ticket| understood(ticket, t, &zone))
        .collect();
    Ok(Preview {
        report,
        columns: examples(head),
        rows,
        set_aside: history.set_aside,
    })
}

fn understood(ticket: &Ticket, t: &super::record::Tickets, zone: &Zone) -> Understood {
    let name = |names: &Interner, id: Id| match names.name(id) {
        "" => "—".to_string(),
        name => name.to_string(),
    };
    let time = |seconds: Option<i64>| seconds.map_or("—".to_string(), |s| local_words(zone, s));
    Understood {
        created: local_words(zone, ticket.created),
        first_reply: time(ticket.first_reply),
        resolved: time(ticket.resolved),
        channel: name(&t.channels, ticket.channel),
        priority: name(&t.priorities, ticket.priority),
        category: name(&t.categories, ticket.category),
    }
}

/// A UTC time in `zone` as `2025-03-06 16:00`.
pub fn local_words(zone: &Zone, seconds: i64) -> String {
    let local = zone.to_local(seconds.div_euclid(60));
    let date = Date::from_days_since_epoch(local.div_euclid(1440));
    let minute = local.rem_euclid(1440);
    format!("{date} {:02}:{:02}", minute / 60, minute % 60)
}

/// The header and the first non-empty value of each column.
fn examples(head: &[u8]) -> Vec<(String, String)> {
    let mut text = Vec::new();
    let mut decoder = Decoder::default();
    decoder.decode(head, &mut text);
    decoder.finish(&mut text);
    let mut header: Vec<String> = Vec::new();
    let mut values: Vec<String> = Vec::new();
    let mut csv = CsvReader::default();
    let mut each = |number: u64, record: &super::csv::Record| {
        if number == 1 {
            header = (0..record.len())
                .map(|i| record.text(i).into_owned())
                .collect();
            values = vec![String::new(); header.len()];
            return;
        }
        for (index, value) in values.iter_mut().enumerate() {
            if value.is_empty() {
                *value = record.text(index).into_owned();
            }
        }
    };
    // A cut-off quote only loses the examples after it.
    let _ = csv.feed(&text, &mut each);
    let _ = csv.finish(&mut each);
    header.into_iter().zip(values).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::history::Question;

    /// Three rows without offsets, written in Berlin in March (UTC+1): the zone is asked for,
    /// and once given the first row's 09:00 is shown as 09:00 (the zone they were written in).
    const OPENED: &str = "Case;Opened;First answer;Medium;Urgency\n\
        C-1;2025-03-03 09:00;2025-03-03 09:20;Email;High\n\
        C-2;2025-03-03 10:30;;Phone;Low\n\
        C-3;someday;2025-03-04 08:00;Email;Low\n";

    #[test]
    fn a_csv_without_offsets_asks_for_its_zone_and_shows_its_rows() {
        let options = ReadOptions::default();
        let seen = preview("cases.csv", OPENED.as_bytes(), true, &options).unwrap();
        assert_eq!(seen.report.read_as, "CSV export");
        assert!(matches!(
            seen.report.questions.as_slice(),
            [Question::TimeZone { column, .. }] if column == "Opened"
        ));
        assert_eq!(
            seen.columns[1],
            ("Opened".into(), "2025-03-03 09:00".into())
        );
        assert_eq!(seen.rows.len(), 2);
        assert_eq!(seen.rows[0].created, "2025-03-03 09:00");
        // No header rule knows "First answer": not used until the mapping says so.
        assert_eq!(seen.rows[0].first_reply, "—");
        assert_eq!(seen.rows[1].channel, "Phone");
        assert_eq!(seen.set_aside.total(), 1);

        let mut mapping = seen.report.mapping.clone().unwrap();
        assert_eq!(mapping.columns[2].meaning, crate::history::Meaning::Ignored);
        mapping.columns[2].meaning = crate::history::Meaning::FirstReply;
        mapping.time_zone = Some("Europe/Berlin".into());
        let given = ReadOptions {
            mapping: Some(mapping),
            ..ReadOptions::default()
        };
        let seen = preview("cases.csv", OPENED.as_bytes(), true, &given).unwrap();
        assert!(seen.report.questions.is_empty());
        assert_eq!(seen.rows[0].created, "2025-03-03 09:00");
        assert_eq!(seen.rows[0].first_reply, "2025-03-03 09:20");
        assert_eq!(seen.rows[1].first_reply, "—");
    }

    #[test]
    fn a_head_cut_mid_row_reads_only_its_whole_lines() {
        let cut = &OPENED.as_bytes()[..OPENED.find("C-2").unwrap() + 5];
        let seen = preview("cases.csv", cut, false, &ReadOptions::default()).unwrap();
        assert_eq!(seen.rows.len(), 1);
        assert_eq!(seen.set_aside.total(), 0);
    }

    #[test]
    fn a_file_that_is_not_tickets_says_so() {
        let error = preview(
            "stock.csv",
            b"Product,Price\nWidget,9.99\n",
            true,
            &ReadOptions::default(),
        )
        .unwrap_err();
        assert!(matches!(error, ReadError::NotTickets { .. }));
    }
}
