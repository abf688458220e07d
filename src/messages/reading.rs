//! Reading ticket exports in the worker ("Today, measured"): the read under way, driven chunk by
//! chunk by the worker entry (which slices the files the page sent beside the message), with
//! progress, Cancel between chunks, and the tickets kept here, in the worker's memory, for the
//! replay. Only the summary, the rows set aside and the replay go back to the page; a failed read
//! answers in words and the page leaves the plan as it was.

use serde::{Deserialize, Serialize};

use crate::history::{self, History, HistoryReader, ReadOptions, Replay, SetAside};
use crate::plan::{HistorySummary, Plan};

/// Bytes read per step: a step is short enough for a Cancel (or a replay) to be read between two.
pub const CHUNK_BYTES: f64 = 1_048_576.0;

/// One file to read, as the page names it; its bytes travel beside the message (`File`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FileToRead {
    pub name: String,
    pub size: f64,
}

/// How far a read has come.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReadProgress {
    pub bytes_done: f64,
    pub bytes_total: f64,
    pub rows_read: u64,
    pub rows_set_aside: u64,
    /// Seconds since the read began.
    pub elapsed: f64,
    /// The file being read.
    pub file: String,
}

impl ReadProgress {
    /// "big.csv: 12,345 rows read · 3 set aside · about 4 s left".
    pub fn words(&self) -> String {
        use crate::plan::limits::thousands;
        let left = if self.bytes_done > 0.0 && self.elapsed > 0.5 {
            let seconds = self.elapsed * (self.bytes_total - self.bytes_done) / self.bytes_done;
            format!(" · about {} s left", seconds.ceil().max(1.0))
        } else {
            String::new()
        };
        format!(
            "{}: {} rows read · {} set aside{left}",
            self.file,
            thousands(self.rows_read as usize),
            thousands(self.rows_set_aside as usize)
        )
    }

    /// The share of the bytes read, 0 to 1.
    pub fn fraction(&self) -> f64 {
        self.bytes_done / self.bytes_total.max(1.0)
    }
}

/// What a finished read gives the page: the plan's history part, the rows set aside (counts and
/// the first examples, no ticket), and the replay against the plan sent with the read.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HistoryRead {
    pub summary: Box<HistorySummary>,
    pub set_aside: SetAside,
    pub replay: Box<Replay>,
}

/// Why a read ended without a history, in the user's words.
pub fn cancelled_words() -> String {
    "Reading was cancelled; the plan is unchanged.".to_string()
}

pub fn unreadable_words(file: &str) -> String {
    format!("The browser could not read {file}; the plan is unchanged. Choose the file again.")
}

/// The part of a file the worker entry reads next.
#[derive(Clone, Debug, PartialEq)]
pub struct Slice {
    /// The file's place among those sent.
    pub file: usize,
    pub start: f64,
    pub end: f64,
}

/// A read under way: the reader fed so far and where it stands in the files.
pub struct ReadJob {
    /// The page's revision of the read: every reply about it names it.
    pub revision: u64,
    reader: HistoryReader,
    files: Vec<FileToRead>,
    /// The replay's inputs (and the home zone the summary counts in).
    plan: Box<Plan>,
    file: usize,
    at: f64,
    opened: bool,
    done_before: f64,
    started: f64,
}

/// What the read needs next.
pub enum Next {
    Bytes(Slice),
    /// Every file is read: the history, or why there is none.
    Done(Result<HistoryRead, String>, Option<Box<History>>),
}

impl ReadJob {
    pub fn new(
        revision: u64,
        files: Vec<FileToRead>,
        options: ReadOptions,
        plan: Box<Plan>,
        now: f64,
    ) -> ReadJob {
        ReadJob {
            revision,
            reader: HistoryReader::new(options),
            files,
            plan,
            file: 0,
            at: 0.0,
            opened: false,
            done_before: 0.0,
            started: now,
        }
    }

    fn name(&self) -> String {
        self.files
            .get(self.file)
            .map_or_else(|| "the files".to_string(), |f| f.name.clone())
    }

    fn failed(&self, error: history::ReadError) -> String {
        format!("{}: {error}. The plan is unchanged.", self.name())
    }

    /// The next slice to read, opening and closing files on the way; at the end, the history.
    pub fn next_step(&mut self) -> Next {
        loop {
            let Some(file) = self.files.get(self.file) else {
                return self.done();
            };
            let (name, size) = (file.name.clone(), file.size);
            if !self.opened {
                if let Err(e) = self.reader.begin_file(&name) {
                    return Next::Done(Err(self.failed(e)), None);
                }
                self.opened = true;
            }
            if self.at < size {
                let end = (self.at + CHUNK_BYTES).min(size);
                return Next::Bytes(Slice {
                    file: self.file,
                    start: self.at,
                    end,
                });
            }
            if let Err(e) = self.reader.end_file() {
                return Next::Done(Err(self.failed(e)), None);
            }
            self.done_before += size;
            self.file += 1;
            self.at = 0.0;
            self.opened = false;
        }
    }

    fn done(&mut self) -> Next {
        let reader = std::mem::take(&mut self.reader);
        match reader.finish() {
            Ok(read) => {
                let summary = history::summarise(&read, history::writer_zone(&self.plan));
                let replay = history::replay(&read, &self.plan);
                let answer = HistoryRead {
                    summary: Box::new(summary),
                    set_aside: read.set_aside.clone(),
                    replay: Box::new(replay),
                };
                Next::Done(Ok(answer), Some(Box::new(read)))
            }
            Err(e) => Next::Done(Err(self.failed(e)), None),
        }
    }

    /// Feeds the bytes of the slice `next` asked for (`None`: the browser would not read them).
    pub fn feed(&mut self, bytes: Option<&[u8]>, now: f64) -> Result<ReadProgress, String> {
        let Some(bytes) = bytes.filter(|b| !b.is_empty()) else {
            return Err(unreadable_words(&self.name()));
        };
        self.reader.feed(bytes).map_err(|e| self.failed(e))?;
        self.at += bytes.len() as f64;
        Ok(ReadProgress {
            bytes_done: self.done_before + self.at,
            bytes_total: self.files.iter().map(|f| f.size).sum(),
            rows_read: self.reader.tickets_read() as u64,
            rows_set_aside: self.reader.rows_set_aside(),
            elapsed: (now - self.started) / 1000.0,
            file: self.name(),
        })
    }
}
