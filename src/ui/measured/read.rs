//! The page's side of reading ticket exports: the chosen files (a `File` is structured-cloned,
//! its bytes are not copied) go to a worker of their own with the read's options and the replay's
//! inputs; the worker reads them in chunks, says how far it is, keeps the tickets and answers the
//! summary, the rows set aside and the replay, and replays again when the page sends new inputs.
//! The link lives as long as the app, so a read goes on while another page is open. A worker that
//! crashes or hangs is restarted with the read (or, when only the replay was lost, the last
//! files read again without touching the plan), and the page says so in words.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::history::{Preview, ReadOptions, Replay};
use crate::messages::reading::{FileToRead, HistoryRead, ReadProgress};
use crate::messages::{Answer, Ask, Reply, Request};
use crate::plan::Plan;
use crate::ui::worker::{
    retire, start_worker, Running, Words, HANG_AFTER, RESTARTS_IN_A_ROW, START_WITHIN, TEST_EVENT,
};

/// What the page says when the reading worker fails.
const WORDS: Words = Words {
    crashed: "Reading the export stopped with an error and was started again from the first \
              row. The plan is unchanged until the read is done.",
    hung: "Reading the export stopped answering and was started again from the first row. The \
           plan is unchanged until the read is done.",
    gave_up: "The export could not be read: the reader stopped three times in a row. The plan is \
              unchanged; reload the page and choose the files again.",
    no_workers: "This browser cannot read ticket exports (Web Workers are missing or turned off). \
                 The plan is unchanged, and everything else works.",
};

/// The bytes of `file` from `start` to `end` (the page reads a CSV's head for the mapping step).
pub async fn slice_bytes(file: &web_sys::File, start: f64, end: f64) -> Option<Vec<u8>> {
    let blob = file.slice_with_f64_and_f64(start, end).ok()?;
    let buffer = JsFuture::from(blob.array_buffer()).await.ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// What the page shows of the reading worker (all owned by the app, not by the page).
#[derive(Clone, Copy)]
pub struct Shown {
    /// How far the read under way has come; `None` when no read is under way.
    pub progress: RwSignal<Option<ReadProgress>>,
    /// Why the last read gave no history, in words.
    pub failure: RwSignal<Option<String>>,
    /// A restart of the worker, in words.
    pub notice: RwSignal<Option<String>>,
}

/// What to do with a finished read, and with a replay.
pub struct Handlers {
    /// A read the user asked for is done: its summary goes into the plan.
    pub read: Rc<dyn Fn(HistoryRead)>,
    /// The tickets held, replayed against the plan's inputs as they were last sent.
    pub replay: Rc<dyn Fn(Replay)>,
}

/// What is done with a preview's answer (or why there is none, in words).
pub type PreviewAnswer = Box<dyn FnOnce(Result<Box<Preview>, String>)>;

/// A preview asked and not answered yet.
struct Asked {
    revision: u64,
    request: String,
    posted: bool,
    answer: PreviewAnswer,
}

/// A read sent to the worker, kept to send again to a restarted one.
#[derive(Clone)]
struct Out {
    request: String,
    files: js_sys::Array,
    revision: u64,
    /// The user's read (its summary goes into the plan), or the files read again after a
    /// restart, for the replay only.
    to_plan: bool,
}

/// The connection to the reading worker.
pub struct Reader {
    running: Option<Running>,
    ready: bool,
    revision: u64,
    read: Option<Out>,
    /// The read has been posted to the worker running now.
    read_posted: bool,
    /// The last read that succeeded: read again when a restarted worker has lost its tickets.
    last: Option<Out>,
    /// The latest replay asked and not answered: (revision, request).
    replay: Option<(u64, String)>,
    /// The replay posted and not answered: one is out at a time, so edits made while a long
    /// replay runs wait as `replay` and only the latest is worked out next.
    replay_in_flight: Option<u64>,
    /// Previews for the mapping step, answered in turn.
    previews: Vec<Asked>,
    watchdog: Option<TimeoutHandle>,
    restarts: u32,
    given_up: bool,
    shown: Shown,
    handlers: Handlers,
}

pub type Link = Rc<RefCell<Reader>>;

impl Reader {
    /// A link that starts its worker at the first read; the tests' crash and hang events
    /// (`crash-history`, `hang-history`) reach it.
    pub fn new(shown: Shown, handlers: Handlers) -> Link {
        let link = Rc::new(RefCell::new(Reader {
            running: None,
            ready: false,
            revision: 0,
            read: None,
            read_posted: false,
            last: None,
            replay: None,
            replay_in_flight: None,
            previews: Vec::new(),
            watchdog: None,
            restarts: 0,
            given_up: false,
            shown,
            handlers,
        }));
        listen_for_test_hooks(&link);
        link
    }

    fn next_revision(link: &Link) -> u64 {
        let mut state = link.borrow_mut();
        state.revision += 1;
        state.revision
    }

    /// Reads `files` with `options`; `inputs` are the replay's parts of the plan.
    pub fn read(link: &Link, files: &[web_sys::File], options: ReadOptions, inputs: &Plan) {
        let revision = Self::next_revision(link);
        let ask = Ask::ReadHistory {
            files: files
                .iter()
                .map(|f| FileToRead {
                    name: f.name(),
                    size: f.size(),
                })
                .collect(),
            options,
            plan: Box::new(inputs.clone()),
        };
        let array = js_sys::Array::new();
        for file in files {
            array.push(file);
        }
        let out = Out {
            request: Request::new(revision, ask).to_json(),
            files: array,
            revision,
            to_plan: true,
        };
        {
            let mut state = link.borrow_mut();
            state.read = Some(out);
            state.read_posted = false;
            state.replay = None;
            state.restarts = 0;
            state.given_up = false;
            state.shown.failure.set(None);
            state.shown.notice.set(None);
            state.shown.progress.set(Some(ReadProgress::default()));
        }
        Self::send(link);
    }

    /// The worker could not be had (no Web Workers, or three restarts in a row): the page has
    /// said why in words.
    pub fn gave_up(link: &Link) -> bool {
        link.borrow().given_up
    }

    /// Stops the read under way (the worker answers that it was cancelled).
    pub fn cancel(link: &Link) {
        if link.borrow().read.is_none() {
            return;
        }
        let revision = Self::next_revision(link);
        let request = Request::new(revision, Ask::CancelRead).to_json();
        let posted = link.borrow().ready && Self::post(link, &JsValue::from_str(&request));
        if !posted {
            // Not started yet, or restarting: nothing to stop in a worker.
            link.borrow_mut().read = None;
            Self::failed(link, crate::messages::reading::cancelled_words());
        }
    }

    /// Replays the tickets held against `inputs` (the replay's parts of the plan).
    pub fn replay(link: &Link, inputs: &Plan) {
        let revision = Self::next_revision(link);
        let ask = Ask::ReplayHistory {
            plan: Box::new(inputs.clone()),
        };
        link.borrow_mut().replay = Some((revision, Request::new(revision, ask).to_json()));
        Self::send(link);
    }

    /// Previews the CSV whose first bytes are `head` with `options`; `answer` gets the preview.
    pub fn preview(
        link: &Link,
        name: &str,
        head: &[u8],
        whole_file: bool,
        options: ReadOptions,
        answer: PreviewAnswer,
    ) {
        let revision = Self::next_revision(link);
        let ask = Ask::PreviewHistory {
            name: name.to_string(),
            head: head.to_vec(),
            whole_file,
            options,
        };
        link.borrow_mut().previews.push(Asked {
            revision,
            request: Request::new(revision, ask).to_json(),
            posted: false,
            answer,
        });
        Self::send(link);
    }

    /// Posts the previews not posted yet to the worker running now.
    fn post_previews(link: &Link) {
        let waiting: Vec<(u64, String)> = link
            .borrow()
            .previews
            .iter()
            .filter(|p| !p.posted)
            .map(|p| (p.revision, p.request.clone()))
            .collect();
        for (revision, request) in waiting {
            let posted = Self::post(link, &JsValue::from_str(&request));
            if let Some(asked) = link
                .borrow_mut()
                .previews
                .iter_mut()
                .find(|p| p.revision == revision)
            {
                asked.posted = posted;
            }
        }
    }

    fn nothing_out(link: &Link) -> bool {
        let state = link.borrow();
        state.read.is_none() && state.replay.is_none() && state.previews.is_empty()
    }

    /// Watches the worker while anything is out, and stops watching when nothing is.
    fn settle(link: &Link) {
        if Self::nothing_out(link) {
            Self::disarm(link);
        } else {
            Self::arm(link, HANG_AFTER);
        }
    }

    fn previewed(link: &Link, revision: u64, preview: Result<Box<Preview>, String>) {
        let asked = {
            let mut state = link.borrow_mut();
            let at = state.previews.iter().position(|p| p.revision == revision);
            at.map(|at| state.previews.remove(at))
        };
        if let Some(asked) = asked {
            (asked.answer)(preview);
        }
        Self::settle(link);
    }

    /// Posts what is waiting, starting the worker first if there is none.
    fn send(link: &Link) {
        if link.borrow().given_up {
            return;
        }
        if link.borrow().running.is_none() {
            Self::start(link);
            return;
        }
        if !link.borrow().ready {
            return;
        }
        Self::post_previews(link);
        let (read, posted, replay) = {
            let state = link.borrow();
            (state.read.clone(), state.read_posted, state.replay.clone())
        };
        match (read, replay) {
            // A replay waits for the read under way, which answers one of its own.
            (Some(_), _) if posted => {}
            (Some(out), _) => {
                let message = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&message, &"request".into(), &out.request.into());
                let _ = js_sys::Reflect::set(&message, &"files".into(), &out.files);
                link.borrow_mut().read_posted = Self::post(link, &message);
            }
            (None, Some((revision, request))) => {
                if link.borrow().replay_in_flight.is_none()
                    && Self::post(link, &JsValue::from_str(&request))
                {
                    link.borrow_mut().replay_in_flight = Some(revision);
                }
            }
            (None, None) => {}
        }
        Self::settle(link);
    }

    fn post(link: &Link, message: &JsValue) -> bool {
        let posted = link
            .borrow()
            .running
            .as_ref()
            .map(|r| r.worker.post_message(message).is_ok());
        posted == Some(true)
    }

    fn start(link: &Link) {
        let replies = link.clone();
        let crashed = link.clone();
        let started = start_worker(
            move |text| Self::on_reply(&replies, text),
            move || Self::restart(&crashed, WORDS.crashed),
            &WORDS,
        );
        match started {
            Ok(running) => {
                link.borrow_mut().running = Some(running);
                Self::arm(link, START_WITHIN);
            }
            Err(words) => Self::give_up(link, words),
        }
    }

    fn give_up(link: &Link, words: String) {
        let previews = {
            let mut state = link.borrow_mut();
            state.given_up = true;
            state.read = None;
            state.replay = None;
            state.shown.progress.set(None);
            state.shown.failure.set(Some(words.clone()));
            std::mem::take(&mut state.previews)
        };
        for asked in previews {
            (asked.answer)(Err(words.clone()));
        }
    }

    fn arm(link: &Link, after: Duration) {
        Self::disarm(link);
        let stuck = link.clone();
        let handle = set_timeout_with_handle(move || Self::restart(&stuck, WORDS.hung), after).ok();
        link.borrow_mut().watchdog = handle;
    }

    fn disarm(link: &Link) {
        if let Some(handle) = link.borrow_mut().watchdog.take() {
            handle.clear();
        }
    }

    /// Ends the worker and starts another with what was out; the tickets went with the old one.
    fn restart(link: &Link, why: &str) {
        Self::disarm(link);
        let old = {
            let mut state = link.borrow_mut();
            state.ready = false;
            state.read_posted = false;
            state.replay_in_flight = None;
            for asked in &mut state.previews {
                asked.posted = false;
            }
            state.restarts += 1;
            state.running.take()
        };
        if let Some(running) = old {
            retire(running);
        }
        if link.borrow().restarts > RESTARTS_IN_A_ROW {
            Self::give_up(link, WORDS.gave_up.to_string());
            return;
        }
        link.borrow().shown.notice.set(Some(why.to_string()));
        if Self::nothing_out(link) {
            // Started again at the next replay, which reads the files again first.
            return;
        }
        Self::read_again_for_replay(link);
        Self::start(link);
    }

    /// Before a replay a new worker needs the tickets: the last files read, read again.
    fn read_again_for_replay(link: &Link) {
        let mut state = link.borrow_mut();
        if state.read.is_none() && state.replay.is_some() {
            state.read = state.last.clone().map(|out| Out {
                to_plan: false,
                ..out
            });
            state.read_posted = false;
        }
    }

    fn on_reply(link: &Link, text: &str) {
        let reply = Reply::from_json(text);
        let revision = reply.revision.unwrap_or(0);
        let read_revision = link.borrow().read.as_ref().map(|out| out.revision);
        let about_read = read_revision.is_some_and(|r| revision >= r);
        match reply.answer {
            Answer::Ready => {
                link.borrow_mut().ready = true;
                Self::disarm(link);
                Self::send(link);
            }
            Answer::ReadProgress { progress } if about_read => {
                if link.borrow().read.as_ref().is_some_and(|out| out.to_plan) {
                    link.borrow().shown.progress.set(Some(progress));
                }
                Self::arm(link, HANG_AFTER);
            }
            Answer::HistoryRead { read } if read_revision == Some(revision) => {
                Self::read_done(link, *read)
            }
            Answer::ReadFailed { message } if about_read => {
                link.borrow_mut().read = None;
                Self::failed(link, message);
            }
            Answer::Replay { replay } => Self::replayed(link, revision, replay),
            Answer::Preview { preview } => Self::previewed(link, revision, preview),
            Answer::Error { message } => {
                let reading = link.borrow_mut().read.take().is_some();
                link.borrow_mut().replay = None;
                link.borrow_mut().replay_in_flight = None;
                if reading {
                    Self::failed(link, message);
                } else {
                    link.borrow().shown.notice.set(Some(message));
                    Self::settle(link);
                }
            }
            // An older read's progress, or another question's answer: nothing to show.
            _ => {}
        }
    }

    fn failed(link: &Link, message: String) {
        Self::settle(link);
        let state = link.borrow();
        state.shown.progress.set(None);
        state.shown.failure.set(Some(message));
    }

    fn read_done(link: &Link, read: HistoryRead) {
        let Some(out) = link.borrow_mut().read.take() else {
            return;
        };
        {
            let mut state = link.borrow_mut();
            state.restarts = 0;
            state.last = Some(Out {
                to_plan: false,
                ..out.clone()
            });
            state.shown.progress.set(None);
        }
        if out.to_plan {
            let handler = link.borrow().handlers.read.clone();
            handler(read);
        }
        // A replay asked meanwhile (or the one a restart lost) goes now.
        Self::send(link);
    }

    fn replayed(link: &Link, revision: u64, replay: Option<Box<Replay>>) {
        if link.borrow().replay_in_flight == Some(revision) {
            link.borrow_mut().replay_in_flight = None;
        }
        let latest = link.borrow().replay.as_ref().map(|(r, _)| *r);
        if latest != Some(revision) {
            // The plan changed while it was worked out: the latest inputs go now.
            Self::send(link);
            return;
        }
        match replay {
            Some(replay) => {
                link.borrow_mut().replay = None;
                Self::settle(link);
                let handler = link.borrow().handlers.replay.clone();
                handler(*replay);
            }
            // The worker holds no tickets (it was restarted): read the last files again first.
            None => {
                Self::read_again_for_replay(link);
                if link.borrow().read.is_some() {
                    Self::send(link);
                } else {
                    link.borrow_mut().replay = None;
                    Self::settle(link);
                }
            }
        }
    }
}

/// The end-to-end tests' hooks: `window.dispatchEvent(new CustomEvent(TEST_EVENT, { detail:
/// "crash-history" }))` makes the reading worker throw, `"hang-history"` makes it stop answering.
fn listen_for_test_hooks(link: &Link) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let link = link.clone();
    let hook =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            let ask = match event.detail().as_string().as_deref() {
                Some("crash-history") => Ask::Crash,
                Some("hang-history") => Ask::Hang,
                _ => return,
            };
            let request = Request::new(0, ask).to_json();
            Reader::post(&link, &JsValue::from_str(&request));
        });
    let _ = window.add_event_listener_with_callback(TEST_EVENT, hook.as_ref().unchecked_ref());
    // One listener for the app's one reader, which lives as long as the page.
    hook.forget();
}
