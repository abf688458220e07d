//! A streaming CSV reader (RFC 4180): fed UTF-8 bytes in chunks, it hands out one record at a
//! time, with quoted fields, doubled quotes, quoted newlines, CRLF or LF line ends, and the
//! separator (`,`, `;` or tab) detected from the header line. Only the unfinished record is kept
//! between chunks, so memory stays constant however long the file.

/// The longest record held while waiting for its end (a quote never closed would otherwise
/// swallow the whole file into memory).
pub const LONGEST_RECORD: usize = 1 << 20;

/// One record: its fields, unquoted, back to back.
#[derive(Clone, Debug, Default)]
pub struct Record {
    data: Vec<u8>,
    ends: Vec<usize>,
}

impl Record {
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// The bytes of field `index`; empty past the end of the record.
    pub fn field(&self, index: usize) -> &[u8] {
        let Some(&end) = self.ends.get(index) else {
            return &[];
        };
        let start = if index == 0 { 0 } else { self.ends[index - 1] };
        &self.data[start..end]
    }

    /// Field `index` as text, trimmed (invalid UTF-8 shown as replacement characters).
    pub fn text(&self, index: usize) -> std::borrow::Cow<'_, str> {
        match String::from_utf8_lossy(self.field(index)) {
            std::borrow::Cow::Borrowed(text) => std::borrow::Cow::Borrowed(text.trim()),
            std::borrow::Cow::Owned(text) => std::borrow::Cow::Owned(text.trim().to_string()),
        }
    }

    /// True for a line with nothing on it.
    pub fn is_blank(&self) -> bool {
        self.ends.len() <= 1 && self.data.iter().all(|b| b.is_ascii_whitespace())
    }

    fn clear(&mut self) {
        self.data.clear();
        self.ends.clear();
    }
}

/// Why the CSV cannot be read on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CsvError {
    /// A quoted field ran on for more than `LONGEST_RECORD` bytes.
    UnclosedQuote { record: u64 },
}

/// The streaming reader.
#[derive(Debug, Default)]
pub struct CsvReader {
    pending: Vec<u8>,
    separator: Option<u8>,
    record: Record,
    /// Records handed out so far (the header is record 1).
    records: u64,
}

enum Parsed {
    Complete(usize),
    Incomplete,
}

impl CsvReader {
    pub fn separator(&self) -> Option<u8> {
        self.separator
    }

    /// Feeds `bytes` and calls `each` with every record completed by them.
    pub fn feed(
        &mut self,
        bytes: &[u8],
        each: &mut dyn FnMut(u64, &Record),
    ) -> Result<(), CsvError> {
        self.pending.extend_from_slice(bytes);
        self.drain(false, each)
    }

    /// Reads the last record, which may lack a line end.
    pub fn finish(&mut self, each: &mut dyn FnMut(u64, &Record)) -> Result<(), CsvError> {
        self.drain(true, each)
    }

    fn drain(&mut self, eof: bool, each: &mut dyn FnMut(u64, &Record)) -> Result<(), CsvError> {
        if self.separator.is_none() {
            match first_line(&self.pending) {
                Some(line) => self.separator = Some(detect_separator(line)),
                None if eof => self.separator = Some(detect_separator(&self.pending)),
                None => return self.check_length(),
            }
        }
        let separator = self.separator.unwrap_or(b',');
        let mut start = 0;
        while start < self.pending.len() {
            match parse_record(&self.pending[start..], separator, &mut self.record, eof) {
                Parsed::Complete(used) => {
                    start += used;
                    self.records += 1;
                    each(self.records, &self.record);
                }
                Parsed::Incomplete => break,
            }
        }
        self.pending.drain(..start);
        self.check_length()
    }

    fn check_length(&self) -> Result<(), CsvError> {
        if self.pending.len() > LONGEST_RECORD {
            return Err(CsvError::UnclosedQuote {
                record: self.records + 1,
            });
        }
        Ok(())
    }
}

/// The first line (up to a newline outside quotes), if it is complete.
fn first_line(bytes: &[u8]) -> Option<&[u8]> {
    let mut quoted = false;
    for (index, &byte) in bytes.iter().enumerate() {
        match byte {
            b'"' => quoted = !quoted,
            b'\n' | b'\r' if !quoted => return Some(&bytes[..index]),
            _ => {}
        }
    }
    None
}

/// The separator a header line uses most, outside quotes: `,`, `;` or tab (`,` if none).
pub fn detect_separator(line: &[u8]) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &byte in line {
        match byte {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let candidates = [b',', b';', b'\t'];
    let best = (0..3).max_by_key(|&i| (counts[i], 3 - i)).unwrap_or(0);
    candidates[best]
}

/// Reads one record from the start of `bytes` into `record`.
fn parse_record(bytes: &[u8], separator: u8, record: &mut Record, eof: bool) -> Parsed {
    record.clear();
    let len = bytes.len();
    let stops = |b: u8| b == separator || b == b'\n' || b == b'\r';
    let mut i = 0;
    loop {
        if i < len && bytes[i] == b'"' {
            match quoted_field(&bytes[i + 1..], &mut record.data, eof) {
                Some(used) => i += 1 + used,
                None => return Parsed::Incomplete,
            }
            // Anything between the closing quote and the separator is kept, as spreadsheets do.
            while i < len && !stops(bytes[i]) {
                record.data.push(bytes[i]);
                i += 1;
            }
        } else {
            let start = i;
            while i < len && !stops(bytes[i]) {
                i += 1;
            }
            record.data.extend_from_slice(&bytes[start..i]);
        }
        record.ends.push(record.data.len());
        if i == len {
            return if eof {
                Parsed::Complete(len)
            } else {
                Parsed::Incomplete
            };
        }
        match bytes[i] {
            b'\r' if i + 1 == len && !eof => return Parsed::Incomplete,
            b'\r' if bytes.get(i + 1) == Some(&b'\n') => return Parsed::Complete(i + 2),
            b'\r' | b'\n' => return Parsed::Complete(i + 1),
            _ => i += 1,
        }
    }
}

/// The inside of a quoted field (after its opening quote): appends the unquoted bytes and
/// returns how many bytes it used, closing quote included; `None` if the field may go on.
fn quoted_field(bytes: &[u8], data: &mut Vec<u8>, eof: bool) -> Option<usize> {
    let mut i = 0;
    loop {
        let Some(quote) = bytes[i..].iter().position(|&b| b == b'"') else {
            // Unclosed at the end of the file: take the rest as the field.
            data.extend_from_slice(&bytes[i..]);
            return eof.then_some(bytes.len());
        };
        data.extend_from_slice(&bytes[i..i + quote]);
        i += quote + 1;
        match bytes.get(i) {
            Some(b'"') => {
                data.push(b'"');
                i += 1;
            }
            None if !eof => return None,
            _ => return Some(i),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every record of `text` fed in chunks of `size`, as text fields.
    fn read(text: &str, size: usize) -> Vec<Vec<String>> {
        let mut reader = CsvReader::default();
        let mut rows = Vec::new();
        let mut each = |_: u64, record: &Record| {
            rows.push(
                (0..record.len())
                    .map(|i| String::from_utf8(record.field(i).to_vec()).unwrap())
                    .collect(),
            );
        };
        for chunk in text.as_bytes().chunks(size) {
            reader.feed(chunk, &mut each).unwrap();
        }
        reader.finish(&mut each).unwrap();
        rows
    }

    #[test]
    fn quoting_newlines_and_line_ends_in_any_chunking() {
        let text = "Id,Subject,Tags\r\n1,\"Login, \"\"SSO\"\"\nfails\",a b\r\n2,plain,\n3,\"\",x";
        let expected = vec![
            vec!["Id", "Subject", "Tags"],
            vec!["1", "Login, \"SSO\"\nfails", "a b"],
            vec!["2", "plain", ""],
            vec!["3", "", "x"],
        ];
        for size in [1, 2, 3, 7, 64, 4096] {
            assert_eq!(read(text, size), expected, "chunks of {size}");
        }
    }

    #[test]
    fn separators_are_detected_from_the_header() {
        assert_eq!(detect_separator(b"Id;Created;\"a,b\""), b';');
        assert_eq!(detect_separator(b"Id\tCreated\tStatus"), b'\t');
        assert_eq!(detect_separator(b"Id,Created"), b',');
        assert_eq!(detect_separator(b"Id"), b',');
        assert_eq!(
            read("Id;Created\n1;\"2025-01-02; noon\"\n", 3),
            vec![vec!["Id", "Created"], vec!["1", "2025-01-02; noon"]]
        );
    }

    #[test]
    fn a_quote_never_closed_stops_with_the_record_number() {
        let mut reader = CsvReader::default();
        let mut each = |_: u64, _: &Record| {};
        reader
            .feed(b"Id,Subject\n1,ok\n2,\"never closed", &mut each)
            .unwrap();
        let filler = vec![b'x'; LONGEST_RECORD];
        assert_eq!(
            reader.feed(&filler, &mut each),
            Err(CsvError::UnclosedQuote { record: 3 })
        );
    }
}
