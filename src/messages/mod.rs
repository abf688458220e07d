//! The messages between the page and the Web Worker that runs the core: typed, versioned JSON
//! requests and replies, and `WorkerCore`, which holds the plan the page last sent and answers.
//! Browser-free, so the protocol is tested natively; `src/bin/support-ops-worker.rs` only moves
//! strings between `postMessage` and `WorkerCore::answer`.

mod documents;
pub mod reading;
#[cfg(test)]
mod tests;

pub use documents::{Compared, DocumentParts, HelpdeskFile, HelpdeskKind, RosterAnswer};

use serde::{Deserialize, Serialize};

use crate::capacity::simulation::{simulate, SimulationConfig, SimulationResult};
use crate::capacity::staffing::ready;
use crate::history::{History, Preview, ReadOptions, Replay};
use crate::plan::{Date, Plan, Section};
use crate::render::Format;
use crate::rules::{self, Finding};
use crate::shifts::{roster_of, ShiftPlan};

/// How long (milliseconds) the Shifts view's search may run when the worker has a clock: the
/// issue's bound for a week of 168 hours and 40 templates; a search stopped then answers with its
/// best plan so far and its gap to the bound. Steps bound it too (`shifts::MOST_STEPS`).
pub const SHIFT_SEARCH_MILLISECONDS: f64 = 2_000.0;

/// The version of these messages. A page and a worker from different builds (a new version
/// published while a tab stays open) refuse each other's messages in words instead of
/// misreading them.
pub const VERSION: u32 = 3;

/// A message from the page. `revision` counts the page's changes to the plan: a reply names the
/// revision it answers, and only the latest is shown.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Request {
    pub version: u32,
    pub revision: u64,
    pub ask: Ask,
}

/// What the page asks for.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Ask {
    /// Check this plan (the first request, after a structural edit, after a restart).
    Plan {
        plan: Box<Plan>,
    },
    /// One field of the plan last sent now holds this text, as typed; check the result.
    Field {
        path: String,
        text: String,
    },
    /// Simulate the month this plan runs (`staffing.simulated_month`, else the month after
    /// `today`): the Capacity view's month and its what-if, each asked of its own worker.
    Month {
        plan: Box<Plan>,
        today: Date,
    },
    /// Search for this plan's shift plan, and list its roster findings (the Shifts view).
    Shifts {
        plan: Box<Plan>,
    },
    /// Read these ticket exports ("Today, measured"): their `File`s travel beside this message,
    /// in the same order (the worker entry slices them). `plan` is the replay's inputs only; the
    /// summary counts in its home zone. Answered by progress, then the read or why it failed.
    ReadHistory {
        files: Vec<reading::FileToRead>,
        options: ReadOptions,
        plan: Box<Plan>,
    },
    /// Stop the read under way (answered `read_failed`, saying it was cancelled).
    CancelRead,
    /// Preview a CSV from its first bytes (`head`; `whole_file`: they are all of it) with these
    /// options: the mapping step's columns, questions and first rows as understood.
    PreviewHistory {
        name: String,
        head: Vec<u8>,
        whole_file: bool,
        options: ReadOptions,
    },
    /// Replay the tickets last read against these parts of the plan (the replay's inputs).
    ReplayHistory {
        plan: Box<Plan>,
    },
    /// For the end-to-end tests of recovery: the worker stops with an error (`Crash`) or stops
    /// answering (`Hang`). The worker entry acts on these; `WorkerCore` never sees them.
    Crash,
    Hang,
    /// Lay out this plan's document (the whole plan or one section) for the preview, the
    /// stakeholder view and print, with the measured replay and the shift search's answer the
    /// page holds (`roster` none: searched here when the plan has roster inputs).
    Document {
        plan: Box<Plan>,
        section: Section,
        #[serde(default)]
        replay: Option<Box<Replay>>,
        #[serde(default)]
        roster: Option<RosterAnswer>,
    },
    /// Write this plan (or one section) as text or Markdown: an export to download or copy, or
    /// the preview's source view. `asked` numbers the page's exports and comes back in the answer.
    Export {
        plan: Box<Plan>,
        asked: u64,
        format: Format,
        section: Section,
        #[serde(default)]
        roster: Option<RosterAnswer>,
    },
    /// Compare two plans, before → after (the Compare panel), and write the comparison.
    Compare {
        before: Box<Plan>,
        after: Box<Plan>,
    },
    /// Write this plan's configuration for a helpdesk (the Share panel); `asked` comes back.
    Helpdesk {
        plan: Box<Plan>,
        asked: u64,
        helpdesk: HelpdeskKind,
    },
}

impl Request {
    pub fn new(revision: u64, ask: Ask) -> Request {
        Request {
            version: VERSION,
            revision,
            ask,
        }
    }

    pub fn to_json(&self) -> String {
        // A plan and strings only: serialising them cannot fail.
        serde_json::to_string(self).unwrap_or_default()
    }

    /// `Request::new(revision, Ask::Plan { plan }).to_json()` without copying the plan first.
    pub fn plan_json(revision: u64, plan: &Plan) -> String {
        BorrowedAsk::Plan { plan }.to_json(revision)
    }

    /// `Request::new(revision, Ask::Shifts { plan }).to_json()` without copying the plan.
    pub fn shifts_json(revision: u64, plan: &Plan) -> String {
        BorrowedAsk::Shifts { plan }.to_json(revision)
    }

    /// `Request::new(revision, Ask::Month { plan, today }).to_json()` without copying the plan.
    pub fn month_json(revision: u64, plan: &Plan, today: Date) -> String {
        BorrowedAsk::Month { plan, today }.to_json(revision)
    }

    /// `Ask::Document` without copying the plan, the replay or the roster.
    pub fn document_json(
        revision: u64,
        plan: &Plan,
        section: Section,
        replay: Option<&Replay>,
        roster: Option<&RosterAnswer>,
    ) -> String {
        BorrowedAsk::Document {
            plan,
            section,
            replay,
            roster,
        }
        .to_json(revision)
    }

    /// `Ask::Compare` without copying the plans.
    pub fn compare_json(revision: u64, before: &Plan, after: &Plan) -> String {
        BorrowedAsk::Compare { before, after }.to_json(revision)
    }

    /// `Ask::Helpdesk` without copying the plan.
    pub fn helpdesk_json(revision: u64, plan: &Plan, asked: u64, helpdesk: HelpdeskKind) -> String {
        BorrowedAsk::Helpdesk {
            plan,
            asked,
            helpdesk,
        }
        .to_json(revision)
    }

    /// `Ask::Export` without copying the plan or the roster.
    pub fn export_json(revision: u64, export: &Export<'_>) -> String {
        BorrowedAsk::Export {
            plan: export.plan,
            asked: export.asked,
            format: export.format,
            section: export.section,
            roster: export.roster,
        }
        .to_json(revision)
    }
}

/// One export the page asks for (`Request::export_json`).
pub struct Export<'a> {
    pub plan: &'a Plan,
    pub asked: u64,
    pub format: Format,
    pub section: Section,
    pub roster: Option<&'a RosterAnswer>,
}

/// The asks that carry a plan, borrowing it: they serialise exactly as `Ask` does.
#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum BorrowedAsk<'a> {
    Plan {
        plan: &'a Plan,
    },
    Month {
        plan: &'a Plan,
        today: Date,
    },
    Shifts {
        plan: &'a Plan,
    },
    Document {
        plan: &'a Plan,
        section: Section,
        replay: Option<&'a Replay>,
        roster: Option<&'a RosterAnswer>,
    },
    Export {
        plan: &'a Plan,
        asked: u64,
        format: Format,
        section: Section,
        roster: Option<&'a RosterAnswer>,
    },
    Compare {
        before: &'a Plan,
        after: &'a Plan,
    },
    Helpdesk {
        plan: &'a Plan,
        asked: u64,
        helpdesk: HelpdeskKind,
    },
}

impl BorrowedAsk<'_> {
    fn to_json(&self, revision: u64) -> String {
        #[derive(Serialize)]
        struct Borrowed<'a> {
            version: u32,
            revision: u64,
            ask: &'a BorrowedAsk<'a>,
        }
        let request = Borrowed {
            version: VERSION,
            revision,
            ask: self,
        };
        // A plan and strings only: serialising them cannot fail.
        serde_json::to_string(&request).unwrap_or_default()
    }
}

/// A message from the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reply {
    pub version: u32,
    /// The request answered; none for `Ready` and for a message too broken to have one.
    pub revision: Option<u64>,
    pub answer: Answer,
}

/// What the worker says.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Answer {
    /// The worker has started and reads messages from now on (one sent before is lost).
    Ready,
    /// Every finding of the plan at this revision, in `rules::check`'s order.
    Findings { findings: Vec<Finding> },
    /// The month simulated for the plan at this revision; none when it cannot be simulated (the
    /// plan lacks what staffing needs: the Capacity view says what).
    Month {
        month: Option<Box<SimulationResult>>,
    },
    /// The shift plan searched for the plan at this revision (or why there is none, in words),
    /// and the plan's roster findings.
    Shifts {
        roster: Result<Box<ShiftPlan>, String>,
        findings: Vec<Finding>,
    },
    /// How far the read of this revision has come.
    ReadProgress { progress: reading::ReadProgress },
    /// The read of this revision is done; the tickets stay in the worker.
    HistoryRead { read: Box<reading::HistoryRead> },
    /// The read of this revision (or the one a Cancel stopped) ended without a history, in words.
    ReadFailed { message: String },
    /// The preview asked at this revision, or why the file cannot be read so (in words).
    Preview {
        preview: Result<Box<Preview>, String>,
    },
    /// The tickets held replayed against the plan of this revision; none when the worker holds
    /// no tickets (it was restarted: the page reads the files again).
    Replay { replay: Option<Box<Replay>> },
    /// The worker holds no plan to apply a field to (it was restarted, or missed an edit): the
    /// page sends the whole plan.
    NeedPlan,
    /// The request could not be answered, in the user's words.
    Error { message: String },
    /// The document of the plan at this revision, part by part.
    Document { document: Box<DocumentParts> },
    /// The export numbered `asked`, as its file holds it.
    Export { asked: u64, text: String },
    /// The comparison of the two plans at this revision.
    Comparison { compared: Box<Compared> },
    /// The helpdesk file numbered `asked`.
    Helpdesk { asked: u64, file: Box<HelpdeskFile> },
}

impl Reply {
    pub fn ready() -> Reply {
        Reply {
            version: VERSION,
            revision: None,
            answer: Answer::Ready,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a reply on the page. A reply from another version, or one that is not a reply at
    /// all, becomes an error in words.
    pub fn from_json(text: &str) -> Reply {
        let error = |message: String| Reply {
            version: VERSION,
            revision: None,
            answer: Answer::Error { message },
        };
        match serde_json::from_str::<Envelope>(text) {
            Ok(envelope) if envelope.version != VERSION => {
                error(version_mismatch(VERSION, envelope.version))
            }
            Ok(_) => serde_json::from_str(text).unwrap_or_else(|e| {
                error(format!(
                    "The plan check sent a message the page could not read ({e}). Reload the page."
                ))
            }),
            Err(e) => error(format!(
                "The plan check sent a message the page could not read ({e}). Reload the page."
            )),
        }
    }
}

/// The fields every message of every version has, read before the rest.
#[derive(Deserialize)]
struct Envelope {
    version: u32,
    #[serde(default)]
    revision: Option<u64>,
}

fn version_mismatch(here: u32, there: u32) -> String {
    format!(
        "This page and its plan check come from different versions of the app (messages version \
         {here} here, {there} there), as after a new version was published. Reload the page to \
         use one version; your plan is saved."
    )
}

/// What the worker does with a message.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Post this reply (JSON) to the page.
    Reply(String),
    /// Nothing: the request was older than one already answered.
    Stale,
    /// The tests' recovery hooks: stop with an error, or stop answering.
    Crash,
    Hang,
}

/// The worker's side: the plan last sent, and the staffing findings worked out for it (the
/// staffing maths is most of a check, and most keystrokes do not change what it reads).
#[derive(Default)]
pub struct WorkerCore {
    plan: Option<Plan>,
    /// The latest revision applied; older requests are stale and get no answer.
    revision: Option<u64>,
    staffing: Option<(Plan, Vec<Finding>)>,
    /// Milliseconds from some start, for the shift search's time limit; none: steps alone bound
    /// it (the core has no clock of its own: the worker entry gives it the browser's).
    clock: Option<fn() -> f64>,
    /// The read of ticket exports under way, and the tickets of the last one that succeeded.
    reading: Option<reading::ReadJob>,
    history: Option<History>,
    /// What the documents keep between requests.
    documents: documents::Cache,
}

/// What the worker entry does next for the read under way.
pub enum ReadStep {
    /// No read under way.
    Idle,
    /// Read this slice of a file and hand its bytes to `WorkerCore::read_bytes`.
    Bytes(reading::Slice),
    /// Post this reply (JSON): the read is over.
    Reply(String),
}

impl WorkerCore {
    pub fn new() -> WorkerCore {
        WorkerCore::default()
    }

    /// A core whose shift search also stops after `SHIFT_SEARCH_MILLISECONDS` by `clock`.
    pub fn with_clock(clock: fn() -> f64) -> WorkerCore {
        WorkerCore {
            clock: Some(clock),
            ..WorkerCore::default()
        }
    }

    /// What to do with one message from the page.
    pub fn handle(&mut self, message: &str) -> Outcome {
        let envelope = match serde_json::from_str::<Envelope>(message) {
            Ok(envelope) => envelope,
            Err(e) => return self.error(None, unreadable(&e)),
        };
        if envelope.version != VERSION {
            let message = version_mismatch(VERSION, envelope.version);
            return self.error(envelope.revision, message);
        }
        let request = match serde_json::from_str::<Request>(message) {
            Ok(request) => request,
            Err(e) => return self.error(envelope.revision, unreadable(&e)),
        };
        match request.ask {
            Ask::Crash => return Outcome::Crash,
            Ask::Hang => return Outcome::Hang,
            _ => {}
        }
        if self.revision.is_some_and(|last| request.revision <= last) {
            return Outcome::Stale;
        }
        let answer = self.apply(request.revision, request.ask);
        Outcome::Reply(
            Reply {
                version: VERSION,
                revision: Some(request.revision),
                answer,
            }
            .to_json(),
        )
    }

    /// The reply to one message from the page, as JSON; none for a stale request (the page has
    /// sent a newer one, whose answer is the one it waits for) or a test's `Crash` / `Hang`.
    pub fn answer(&mut self, message: &str) -> Option<String> {
        match self.handle(message) {
            Outcome::Reply(reply) => Some(reply),
            _ => None,
        }
    }

    fn apply(&mut self, revision: u64, ask: Ask) -> Answer {
        match ask {
            Ask::Plan { plan } => {
                self.plan = Some(*plan);
                self.revision = Some(revision);
            }
            Ask::Field { path, text } => {
                // A field edit applies to the revision just before it; after a gap (a restart,
                // an edit lost) the page sends the whole plan instead.
                let follows = self.revision.is_some_and(|last| last + 1 == revision);
                let Some(plan) = self.plan.as_mut().filter(|_| follows) else {
                    return Answer::NeedPlan;
                };
                if let Err(message) = crate::form::node::set_text_at(plan, &path, &text) {
                    return Answer::Error { message };
                }
                self.revision = Some(revision);
            }
            Ask::Month { plan, today } => {
                self.revision = Some(revision);
                // As the Capacity view: a month only for a plan staffing can be worked out for.
                let config = SimulationConfig::for_plan(&plan, today);
                let month = ready(&plan)
                    .ok()
                    .and_then(|_| simulate(&plan, &config).ok())
                    .map(Box::new);
                return Answer::Month { month };
            }
            Ask::Shifts { plan } => {
                self.revision = Some(revision);
                return self.shifts(&plan);
            }
            Ask::ReadHistory {
                files,
                options,
                plan,
            } => {
                self.revision = Some(revision);
                let now = self.now();
                self.reading = Some(reading::ReadJob::new(revision, files, options, plan, now));
                return Answer::ReadProgress {
                    progress: reading::ReadProgress::default(),
                };
            }
            Ask::CancelRead => {
                self.revision = Some(revision);
                self.reading = None;
                return Answer::ReadFailed {
                    message: reading::cancelled_words(),
                };
            }
            Ask::PreviewHistory {
                name,
                head,
                whole_file,
                options,
            } => {
                self.revision = Some(revision);
                let preview = crate::history::preview(&name, &head, whole_file, &options)
                    .map(Box::new)
                    .map_err(|e| e.to_string());
                return Answer::Preview { preview };
            }
            Ask::ReplayHistory { plan } => {
                self.revision = Some(revision);
                let replay = self
                    .history
                    .as_ref()
                    .map(|h| Box::new(crate::history::replay(h, &plan)));
                return Answer::Replay { replay };
            }
            Ask::Document {
                plan,
                section,
                replay,
                roster,
            } => {
                self.revision = Some(revision);
                return self.document(&plan, section, replay.as_deref(), roster.as_ref());
            }
            Ask::Export {
                plan,
                asked,
                format,
                section,
                roster,
            } => {
                self.revision = Some(revision);
                return WorkerCore::export(&plan, asked, format, section, roster.as_ref());
            }
            Ask::Compare { before, after } => {
                self.revision = Some(revision);
                return Answer::Comparison {
                    compared: Box::new(Compared::of(&before, &after)),
                };
            }
            Ask::Helpdesk {
                plan,
                asked,
                helpdesk,
            } => {
                self.revision = Some(revision);
                let file = Box::new(HelpdeskFile::of(&plan, helpdesk));
                return Answer::Helpdesk { asked, file };
            }
            // Answered by `handle` before a revision is looked at.
            Ask::Crash | Ask::Hang => return Answer::NeedPlan,
        }
        Answer::Findings {
            findings: self.findings(),
        }
    }

    fn now(&self) -> f64 {
        self.clock.map_or(0.0, |now| now())
    }

    /// The read's next step (the worker entry calls this after each message and each chunk).
    pub fn read_step(&mut self) -> ReadStep {
        let Some(job) = self.reading.as_mut() else {
            return ReadStep::Idle;
        };
        let revision = job.revision;
        let answer = match job.next_step() {
            reading::Next::Bytes(slice) => return ReadStep::Bytes(slice),
            reading::Next::Done(Ok(read), history) => {
                self.history = history.map(|h| *h);
                Answer::HistoryRead {
                    read: Box::new(read),
                }
            }
            reading::Next::Done(Err(message), _) => Answer::ReadFailed { message },
        };
        self.reading = None;
        ReadStep::Reply(reply_json(revision, answer))
    }

    /// The bytes of the slice `read_step` asked for (`None`: the browser would not give them):
    /// the progress to post, or why the read failed (which ends it).
    pub fn read_bytes(&mut self, bytes: Option<&[u8]>) -> String {
        let now = self.now();
        let Some(job) = self.reading.as_mut() else {
            return String::new();
        };
        let revision = job.revision;
        let answer = match job.feed(bytes, now) {
            Ok(progress) => Answer::ReadProgress { progress },
            Err(message) => {
                self.reading = None;
                Answer::ReadFailed { message }
            }
        };
        reply_json(revision, answer)
    }

    /// The Shifts view's answer for `plan`.
    fn shifts(&self, plan: &Plan) -> Answer {
        let clock = self.clock;
        let started = clock.map(|now| now());
        let mut keep_going = move |_: &str, _: &crate::shifts::Progress| match (clock, started) {
            (Some(now), Some(start)) => now() - start < SHIFT_SEARCH_MILLISECONDS,
            _ => true,
        };
        Answer::Shifts {
            roster: roster_of(plan, &mut keep_going).map(Box::new),
            findings: rules::roster_findings(plan),
        }
    }

    /// Every finding of the plan held, the staffing ones re-worked only when their inputs changed.
    fn findings(&mut self) -> Vec<Finding> {
        let Some(plan) = &self.plan else {
            return Vec::new();
        };
        let inputs = rules::staffing_inputs(plan);
        let staffing = match self.staffing.take() {
            Some((last, findings)) if last == inputs => (last, findings),
            _ => {
                let findings = rules::check_staffing(&inputs);
                (inputs, findings)
            }
        };
        let findings = rules::combine(rules::check_without_staffing(plan), staffing.1.clone());
        self.staffing = Some(staffing);
        findings
    }

    fn error(&self, revision: Option<u64>, message: String) -> Outcome {
        let reply = Reply {
            version: VERSION,
            revision,
            answer: Answer::Error { message },
        };
        Outcome::Reply(reply.to_json())
    }
}

fn reply_json(revision: u64, answer: Answer) -> String {
    Reply {
        version: VERSION,
        revision: Some(revision),
        answer,
    }
    .to_json()
}

fn unreadable(error: &serde_json::Error) -> String {
    format!("The plan check could not read the page's message ({error}). Reload the page.")
}
