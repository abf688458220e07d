//! Reading chosen export files in chunks (`File.slice`, one megabyte at a time), yielding to the
//! browser between chunks so the page keeps answering, with progress and Cancel. The reading
//! itself is `history::HistoryReader`; this only moves bytes and says how far it is.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::history::{History, HistoryReader, ReadError, ReadOptions};

/// Bytes read per step.
pub const CHUNK_BYTES: f64 = 1_048_576.0;

/// How far a read has come.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Progress {
    pub bytes_done: f64,
    pub bytes_total: f64,
    pub rows_read: usize,
    pub rows_set_aside: u64,
    /// Seconds since the read began.
    pub elapsed: f64,
    /// The file being read.
    pub file: String,
}

impl Progress {
    /// "12,345 rows read · 3 set aside · about 4 s left".
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
            thousands(self.rows_read),
            thousands(self.rows_set_aside as usize)
        )
    }
}

/// Why a read ended without a history.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    Cancelled,
    /// The browser could not hand over a file's bytes.
    Unreadable(String),
    Read {
        file: String,
        error: ReadError,
    },
}

impl Failure {
    pub fn words(&self) -> String {
        match self {
            Failure::Cancelled => "Reading was cancelled; the plan is unchanged.".to_string(),
            Failure::Unreadable(file) => format!(
                "The browser could not read {file}; the plan is unchanged. Choose the file again."
            ),
            Failure::Read { file, error } => format!("{file}: {error}. The plan is unchanged."),
        }
    }
}

/// The bytes of `file` from `start` to `end`.
pub async fn slice_bytes(file: &web_sys::File, start: f64, end: f64) -> Option<Vec<u8>> {
    let blob = file.slice_with_f64_and_f64(start, end).ok()?;
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Lets the browser paint and handle input before the next step.
pub async fn yield_to_browser() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

fn now_seconds() -> f64 {
    js_sys::Date::now() / 1000.0
}

/// Reads every file in turn, chunk by chunk, until the end or until `cancel` is set.
pub async fn read_all(
    files: Vec<web_sys::File>,
    options: ReadOptions,
    progress: RwSignal<Option<Progress>>,
    cancel: RwSignal<bool>,
) -> Result<History, Failure> {
    let started = now_seconds();
    let bytes_total: f64 = files.iter().map(|f| f.size()).sum();
    let mut done_before = 0.0;
    let mut reader = HistoryReader::new(options);
    for file in &files {
        let name = file.name();
        let failed = |error: ReadError| Failure::Read {
            file: name.clone(),
            error,
        };
        reader.begin_file(&name).map_err(failed)?;
        let size = file.size();
        let mut at = 0.0;
        while at < size {
            if cancel.get_untracked() {
                return Err(Failure::Cancelled);
            }
            let end = (at + CHUNK_BYTES).min(size);
            let bytes = slice_bytes(file, at, end)
                .await
                .ok_or_else(|| Failure::Unreadable(name.clone()))?;
            reader.feed(&bytes).map_err(failed)?;
            at = end;
            progress.set(Some(Progress {
                bytes_done: done_before + at,
                bytes_total,
                rows_read: reader.tickets_read(),
                rows_set_aside: reader.rows_set_aside(),
                elapsed: now_seconds() - started,
                file: name.clone(),
            }));
            yield_to_browser().await;
        }
        reader.end_file().map_err(failed)?;
        done_before += size;
    }
    if cancel.get_untracked() {
        return Err(Failure::Cancelled);
    }
    reader.finish().map_err(|error| Failure::Read {
        file: "the files".to_string(),
        error,
    })
}
