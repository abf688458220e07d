//! The page's side of the core that runs in Web Workers (`src/bin/support-ops-worker.rs`,
//! messages in `crate::messages`): the plan check and the month simulation, each a `Question` asked
//! of its own worker. The page sends the plan on every change, shows only the answer to the latest
//! revision, and restarts a worker that crashed or hung, saying so. The page never waits on one:
//! until an answer comes the view says it is working.

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::capacity::simulation::SimulationResult;
use crate::messages::{Answer, Ask, Reply, Request, WorkerCore};
use crate::plan::{Date, Plan};
use crate::rules::Finding;
use crate::shifts::ShiftPlan;

/// A worker that has not answered the latest request this long after it was sent is taken to be
/// stuck (a check of the 500-category plan takes a few milliseconds, a month well under a second).
pub(crate) const HANG_AFTER: Duration = Duration::from_secs(8);
/// How long a new worker may take to load its wasm and say it is ready.
pub(crate) const START_WITHIN: Duration = Duration::from_secs(20);
/// Restarts in a row without one answer before the page gives up and says so.
pub(crate) const RESTARTS_IN_A_ROW: u32 = 3;
/// The window event the end-to-end tests dispatch (detail `"crash"` or `"hang"`) to make the
/// workers fail as a bug would.
pub const TEST_EVENT: &str = "support-ops-worker-test";

/// What the page says of one kind of work when its worker fails.
pub struct Words {
    pub crashed: &'static str,
    pub hung: &'static str,
    pub gave_up: &'static str,
    pub no_workers: &'static str,
}

/// One kind of work asked of a worker, and how its answer is read.
pub trait Question: 'static {
    type Value: Clone + PartialEq + Send + Sync + 'static;
    /// The performance measure (request sent → answer shown) the benchmark reads, if any.
    const MEASURE: Option<&'static str>;
    const WORDS: Words;
    /// This question's value in `answer`; any other answer is given back.
    fn read(answer: Answer) -> Result<Self::Value, Answer>;
}

/// The rules' findings.
pub struct PlanCheck;

impl Question for PlanCheck {
    type Value = Vec<Finding>;
    const MEASURE: Option<&'static str> = Some("plan-check");
    const WORDS: Words = Words {
        crashed: "The plan check stopped with an error and was restarted. Nothing you typed is \
                  lost: the plan is being checked again.",
        hung: "The plan check stopped answering and was restarted. Nothing you typed is lost: \
               the plan is being checked again.",
        gave_up: "The plan check could not be started, so findings are not up to date. Your plan \
                  is saved as you type: reload the page to check it again.",
        no_workers: "This browser cannot run the plan check (Web Workers are missing or turned \
                     off), so findings are not shown. Everything else works, and your plan is \
                     saved as you type.",
    };
    fn read(answer: Answer) -> Result<Vec<Finding>, Answer> {
        match answer {
            Answer::Findings { findings } => Ok(findings),
            other => Err(other),
        }
    }
}

/// The simulated month (none: the plan cannot be simulated yet).
pub struct MonthSimulation;

impl Question for MonthSimulation {
    type Value = Option<Box<SimulationResult>>;
    const MEASURE: Option<&'static str> = Some("simulated-month");
    const WORDS: Words = Words {
        crashed: "The month simulation stopped with an error and was restarted. Nothing you typed \
                  is lost: the month is being simulated again.",
        hung: "The month simulation stopped answering and was restarted. Nothing you typed is \
               lost: the month is being simulated again.",
        gave_up: "The month simulation could not be started, so the month shown may be out of \
                  date. Your plan is saved as you type: reload the page to simulate it again.",
        no_workers: "This browser cannot simulate the month (Web Workers are missing or turned \
                     off). Head-count and everything else work, and your plan is saved as you \
                     type.",
    };
    fn read(answer: Answer) -> Result<Self::Value, Answer> {
        match answer {
            Answer::Month { month } => Ok(month),
            other => Err(other),
        }
    }
}

/// The Shifts view's shift plan (or why there is none) and roster findings.
pub struct ShiftSearch;

/// What the shift search answers: the plan or why there is none, and the roster findings.
pub type ShiftAnswer = (Result<Box<ShiftPlan>, String>, Vec<Finding>);

impl Question for ShiftSearch {
    type Value = ShiftAnswer;
    const MEASURE: Option<&'static str> = Some("shift-search");
    const WORDS: Words = Words {
        crashed: "The shift search stopped with an error and was restarted. Nothing you typed is \
                  lost: the shifts are being searched again.",
        hung: "The shift search stopped answering and was restarted. Nothing you typed is lost: \
               the shifts are being searched again.",
        gave_up: "The shift search could not be started, so the shift plan shown may be out of \
                  date. Your plan is saved as you type: reload the page to search again.",
        no_workers: "This browser cannot search for a shift plan (Web Workers are missing or \
                     turned off). Head-count and everything else work, and your plan is saved as \
                     you type.",
    };
    fn read(answer: Answer) -> Result<ShiftAnswer, Answer> {
        match answer {
            Answer::Shifts { roster, findings } => Ok((roster, findings)),
            other => Err(other),
        }
    }
}

/// Searches for the shift plan of the plan `input` gives in a worker, again whenever it changes;
/// `None` from `input` asks nothing (nothing shows a shift plan).
pub fn search_shifts(input: impl Fn() -> Option<Plan> + 'static) -> Answered<ShiftAnswer> {
    let request = move |revision| input().map(|plan| Request::shifts_json(revision, &plan));
    ask::<ShiftSearch>(request, Signal::from(true), false)
}

/// A question's answer as the page shows it.
pub struct Answered<T: Send + Sync + 'static> {
    /// The answer to the latest revision answered; none until the first.
    pub value: Memo<Option<T>>,
    /// A request is out and its answer not in yet.
    pub working: Signal<bool>,
    /// A restart, an error, or why there is no answer, in words.
    pub notice: Signal<Option<String>>,
    /// The work is not being done (no workers, or the worker would not start).
    pub given_up: Signal<bool>,
}

impl<T: Send + Sync + 'static> Clone for Answered<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Answered<T> {}

/// What the designer shows of the check.
#[derive(Clone, Copy)]
pub struct Checks {
    /// The findings of the latest plan answered; none until the first answer.
    pub findings: Memo<Vec<Finding>>,
    /// False until the first answer: the panel says it is checking.
    pub checked: Signal<bool>,
    /// A restart, an error, or why there are no findings, in words.
    pub notice: Signal<Option<String>>,
    /// The plan is not being checked (no workers, or the worker would not start).
    pub given_up: Signal<bool>,
}

type Answerer = Box<dyn FnMut(&str) -> Option<String>>;
type Factory = Rc<dyn Fn() -> Answerer>;

/// A core on the page in place of the workers: the component tests provide one (the test page
/// has no worker files), each question getting a core of its own as it would a worker. The app
/// itself never does, so its wasm holds no rules for it.
#[derive(Clone, Copy)]
pub struct InPageCore(StoredValue<Factory, LocalStorage>);

/// Makes the designers mounted under the current owner work in the page (component tests).
pub fn provide_in_page_core() {
    let factory: Factory = Rc::new(|| {
        let mut core = WorkerCore::new();
        Box::new(move |message: &str| core.answer(message))
    });
    provide_context(InPageCore(StoredValue::new_local(factory)));
}

/// Checks `plan` in a worker from the moment `start` is true, and on every change after.
pub fn check_plan(plan: RwSignal<Plan>, start: Signal<bool>) -> Checks {
    let request = move |revision| Some(plan.with(|plan| Request::plan_json(revision, plan)));
    let answered = ask::<PlanCheck>(request, start, true);
    let value = answered.value;
    Checks {
        findings: Memo::new(move |_| value.get().unwrap_or_default()),
        checked: Signal::derive(move || value.with(Option::is_some)),
        notice: answered.notice,
        given_up: answered.given_up,
    }
}

/// Simulates the month of the plan `input` gives (with today's date) in a worker, again whenever
/// it changes; `None` from `input` asks nothing (the plan cannot be staffed yet).
pub fn simulate_month(
    input: impl Fn() -> Option<(Plan, Date)> + 'static,
) -> Answered<Option<Box<SimulationResult>>> {
    let request =
        move |revision| input().map(|(plan, today)| Request::month_json(revision, &plan, today));
    ask::<MonthSimulation>(request, Signal::from(true), false)
}

/// Asks `Q` of a worker from the moment `start` is true: `request(revision)` builds the message
/// (reactively: asked again whenever what it reads changes; `None` asks nothing). `test_hooks`:
/// this worker obeys the end-to-end tests' crash and hang events.
pub fn ask<Q: Question>(
    request: impl Fn(u64) -> Option<String> + 'static,
    start: Signal<bool>,
    test_hooks: bool,
) -> Answered<Q::Value> {
    let received = RwSignal::new(None::<Q::Value>);
    let working = RwSignal::new(false);
    let notice = RwSignal::new(None::<String>);
    let given_up = RwSignal::new(false);
    let link = Rc::new(RefCell::new(Link::<Q> {
        worker: None,
        in_page: use_context::<InPageCore>().map(|InPageCore(f)| f.with_value(|f| f())),
        ready: false,
        revision: 0,
        latest: None,
        in_flight: None,
        watchdog: None,
        restarts: 0,
        started: false,
        stopped: false,
        received,
        working,
        notice,
        given_up,
    }));
    {
        let link = link.clone();
        Effect::new(move |_| {
            if !start.get() {
                return;
            }
            let revision = link.borrow().revision + 1;
            let Some(message) = request(revision) else {
                return;
            };
            link.borrow_mut().revision = revision;
            Link::send(&link, message);
        });
    }
    if test_hooks {
        listen_for_test_hooks(link.clone());
    }
    let stop = send_wrapper::SendWrapper::new(link);
    on_cleanup(move || Link::stop(&stop));
    Answered {
        value: Memo::new(move |_| received.get()),
        working: working.into(),
        notice: notice.into(),
        given_up: given_up.into(),
    }
}

/// The connection to one worker, replaced whole when it is restarted.
struct Link<Q: Question> {
    worker: Option<Running>,
    /// The core answering in the page in place of a worker (component tests).
    in_page: Option<Answerer>,
    /// The worker has said it reads messages (one posted before is lost).
    ready: bool,
    /// The revision of the latest request: only its answer is shown.
    revision: u64,
    /// The latest request, sent again to a restarted worker.
    latest: Option<String>,
    /// The revision posted and not answered yet. One request is out at a time: edits made while
    /// it is worked on wait as `latest`, so a slow search is never queued once per keystroke.
    in_flight: Option<u64>,
    /// Set while an answer is awaited; fires `HUNG`.
    watchdog: Option<TimeoutHandle>,
    restarts: u32,
    /// A worker has been started (it is, lazily, at the first request).
    started: bool,
    /// The designer is gone: nothing is restarted.
    stopped: bool,
    received: RwSignal<Option<Q::Value>>,
    working: RwSignal<bool>,
    notice: RwSignal<Option<String>>,
    given_up: RwSignal<bool>,
}

/// A started worker and the handlers it calls (kept alive as long as it is).
pub(crate) struct Running {
    pub(crate) worker: web_sys::Worker,
    _on_message: Closure<dyn FnMut(web_sys::MessageEvent)>,
    _on_error: Closure<dyn FnMut(web_sys::ErrorEvent)>,
}

impl<Q: Question> Link<Q> {
    /// Starts a worker (or readies the in-page core); the latest request follows once it is ready.
    fn start(link: &Rc<RefCell<Self>>) {
        link.borrow_mut().started = true;
        if link.borrow().in_page.is_some() {
            link.borrow_mut().ready = true;
            Self::post_latest(link);
            return;
        }
        match spawn(link) {
            Ok(running) => {
                link.borrow_mut().worker = Some(running);
                Self::arm(link, START_WITHIN);
            }
            Err(message) => Self::give_up(link, message),
        }
    }

    fn give_up(link: &Rc<RefCell<Self>>, message: String) {
        let state = link.borrow();
        state.notice.set(Some(message));
        state.given_up.set(true);
        state.working.set(false);
    }

    /// Sends `request` now, or when the worker is ready (starting it at the first request).
    fn send(link: &Rc<RefCell<Self>>, request: String) {
        let (ready, started, given_up) = {
            let mut state = link.borrow_mut();
            state.latest = Some(request.clone());
            (state.ready, state.started, state.given_up.get_untracked())
        };
        if given_up {
            return;
        }
        link.borrow().working.set(true);
        if let Some(name) = Q::MEASURE {
            mark(&format!("{name}-start"));
        }
        let idle = link.borrow().in_flight.is_none();
        if ready && idle {
            Self::post(link, request);
        } else if !started {
            Self::start(link);
        }
    }

    /// Posts the latest request when nothing is out and it has not been answered yet.
    fn post_latest(link: &Rc<RefCell<Self>>) {
        let request = {
            let state = link.borrow();
            (state.ready && state.in_flight.is_none())
                .then(|| state.latest.clone())
                .flatten()
        };
        if let Some(request) = request {
            Self::post(link, request);
        }
    }

    fn post(link: &Rc<RefCell<Self>>, request: String) {
        {
            let mut state = link.borrow_mut();
            state.in_flight = Some(state.revision);
        }
        if link.borrow().in_page.is_some() {
            // As a worker would: the answer comes in a later task, never while the page waits.
            let link = link.clone();
            set_timeout(
                move || {
                    let reply = link
                        .borrow_mut()
                        .in_page
                        .as_mut()
                        .and_then(|answer| answer(&request));
                    if let Some(reply) = reply {
                        Self::on_reply(&link, &reply);
                    }
                },
                Duration::ZERO,
            );
            return;
        }
        let posted = link
            .borrow()
            .worker
            .as_ref()
            .map(|running| running.worker.post_message(&JsValue::from_str(&request)));
        if let Some(Err(_)) = posted {
            Self::restart(link, Q::WORDS.crashed);
            return;
        }
        Self::arm(link, HANG_AFTER);
    }

    /// (Re)starts the timer after which the worker is taken to be stuck.
    fn arm(link: &Rc<RefCell<Self>>, after: Duration) {
        Self::disarm(link);
        let stuck = link.clone();
        let handle =
            set_timeout_with_handle(move || Self::restart(&stuck, Q::WORDS.hung), after).ok();
        link.borrow_mut().watchdog = handle;
    }

    fn disarm(link: &Rc<RefCell<Self>>) {
        if let Some(handle) = link.borrow_mut().watchdog.take() {
            handle.clear();
        }
    }

    fn on_reply(link: &Rc<RefCell<Self>>, text: &str) {
        let reply = Reply::from_json(text);
        let latest = {
            let mut state = link.borrow_mut();
            if reply.revision.is_some() && reply.revision == state.in_flight {
                state.in_flight = None;
            }
            state.revision
        };
        let current = reply.revision == Some(latest);
        match Q::read(reply.answer) {
            Ok(value) if current => Self::answered(link, value),
            // An older revision's answer: the plan changed while it was worked out.
            Ok(_) => {
                Self::disarm(link);
                Self::post_latest(link);
            }
            Err(Answer::Ready) => {
                Self::disarm(link);
                {
                    let mut state = link.borrow_mut();
                    state.ready = true;
                    state.in_flight = None;
                }
                Self::post_latest(link);
            }
            Err(Answer::NeedPlan) => {
                link.borrow_mut().in_flight = None;
                Self::post_latest(link);
            }
            Err(Answer::Error { message }) => {
                link.borrow().notice.set(Some(message));
                Self::disarm(link);
                if current || reply.revision.is_none() {
                    link.borrow().working.set(false);
                } else {
                    Self::post_latest(link);
                }
            }
            // Another question's answer: never sent to this worker.
            Err(_) => {}
        }
    }

    fn answered(link: &Rc<RefCell<Self>>, value: Q::Value) {
        Self::disarm(link);
        let (received, working, notice, restarted) = {
            let mut state = link.borrow_mut();
            let restarted = std::mem::take(&mut state.restarts) > 0;
            (state.received, state.working, state.notice, restarted)
        };
        received.set(Some(value));
        working.set(false);
        if let Some(name) = Q::MEASURE {
            measure(name);
        }
        // A restart's notice stays until the next answer after it has been read.
        if !restarted {
            notice.set(None);
        }
    }

    /// Ends the worker for good: the designer is gone.
    fn stop(link: &Rc<RefCell<Self>>) {
        Self::disarm(link);
        let old = {
            let mut state = link.borrow_mut();
            state.stopped = true;
            state.worker.take()
        };
        if let Some(running) = old {
            retire(running);
        }
    }

    /// Ends the worker and starts another with the latest request; after `RESTARTS_IN_A_ROW`
    /// without an answer, stops and says so.
    fn restart(link: &Rc<RefCell<Self>>, why: &str) {
        if link.borrow().stopped {
            return;
        }
        Self::disarm(link);
        let old = link.borrow_mut().worker.take();
        if let Some(running) = old {
            retire(running);
        }
        let (notice, restarts) = {
            let mut state = link.borrow_mut();
            state.ready = false;
            state.in_flight = None;
            state.restarts += 1;
            (state.notice, state.restarts)
        };
        if restarts > RESTARTS_IN_A_ROW {
            Self::give_up(link, Q::WORDS.gave_up.to_string());
            return;
        }
        notice.set(Some(why.to_string()));
        Self::start(link);
    }
}

/// Ends a worker: its handlers are unhooked first, and dropped in a later task, since this may
/// run inside one of them (a restart from its error handler, a view closed from an answer).
pub(crate) fn retire(running: Running) {
    running.worker.set_onmessage(None);
    running.worker.set_onerror(None);
    running.worker.terminate();
    set_timeout(move || drop(running), Duration::ZERO);
}

/// Marks `name` in the page's performance timeline.
fn mark(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.mark(name);
    }
}

/// Records the measure `name` from the mark `name-start` (the benchmark reads it).
fn measure(name: &str) {
    if let Some(performance) = web_sys::window().and_then(|w| w.performance()) {
        let _ = performance.measure_with_start_mark(name, &format!("{name}-start"));
    }
}

/// A new worker whose messages and errors go to `link`.
fn spawn<Q: Question>(link: &Rc<RefCell<Link<Q>>>) -> Result<Running, String> {
    let replies = link.clone();
    let crashed = link.clone();
    start_worker(
        move |text| Link::on_reply(&replies, text),
        move || Link::restart(&crashed, Q::WORDS.crashed),
        &Q::WORDS,
    )
}

/// Starts a worker: each text message goes to `on_text`; an error (a crash) is answered by
/// `on_crash` in a later task. `words` says why there is none.
pub(crate) fn start_worker(
    on_text: impl Fn(&str) + 'static,
    on_crash: impl Fn() + 'static,
    words: &Words,
) -> Result<Running, String> {
    let global = js_sys::global();
    let has_workers = js_sys::Reflect::has(&global, &JsValue::from_str("Worker")).unwrap_or(false);
    if !has_workers {
        return Err(words.no_workers.to_string());
    }
    let url = worker_url().ok_or_else(|| words.gave_up.to_string())?;
    let worker = web_sys::Worker::new(&url).map_err(|_| words.no_workers.to_string())?;
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if let Some(text) = event.data().as_string() {
                on_text(&text);
            }
        });
    let on_crash = Rc::new(on_crash);
    let on_error =
        Closure::<dyn FnMut(web_sys::ErrorEvent)>::new(move |event: web_sys::ErrorEvent| {
            event.prevent_default();
            let crashed = on_crash.clone();
            set_timeout(move || crashed(), Duration::ZERO);
        });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Running {
        worker,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// The worker's loader, as the boot tag names it (Trunk.toml, scripts/hash-worker.sh).
fn worker_url() -> Option<String> {
    let document = web_sys::window()?.document()?;
    let tag = document.query_selector("script[data-worker]").ok()??;
    let loader = tag.get_attribute("data-worker")?;
    let base = document.base_uri().ok()??;
    web_sys::Url::new_with_base(&loader, &base)
        .ok()
        .map(|url| url.href())
}

/// The end-to-end tests' hooks: `window.dispatchEvent(new CustomEvent(TEST_EVENT, { detail:
/// "crash" }))` makes the worker throw, `"hang"` makes it stop answering.
fn listen_for_test_hooks<Q: Question>(link: Rc<RefCell<Link<Q>>>) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hook =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |event: web_sys::CustomEvent| {
            let ask = match event.detail().as_string().as_deref() {
                Some("crash") => Ask::Crash,
                Some("hang") => Ask::Hang,
                _ => return,
            };
            let revision = link.borrow().revision;
            let request = Request::new(revision, ask).to_json();
            if let Some(running) = &link.borrow().worker {
                let _ = running.worker.post_message(&JsValue::from_str(&request));
            }
        });
    let _ = window.add_event_listener_with_callback(TEST_EVENT, hook.as_ref().unchecked_ref());
    // One listener per designer, which lives as long as the page.
    hook.forget();
}
