//! The Web Worker that runs the core off the page's thread. It moves JSON strings between
//! `postMessage` and `messages::WorkerCore` and nothing else: the protocol is in `src/messages/`,
//! the page's side in `src/ui/worker.rs` (docs/architecture.md, "The worker boundary"). A read of
//! ticket exports comes as `{request, files}`: the files are kept here and sliced as the core
//! asks, one chunk per task, so a Cancel or a replay posted meanwhile is read between two chunks.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use support_ops::messages::reading::Slice;
use support_ops::messages::{Outcome, ReadStep, Reply, WorkerCore};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

/// The worker's state: the core, the files of the read under way, and whether a step is due.
struct Entry {
    scope: DedicatedWorkerGlobalScope,
    core: RefCell<WorkerCore>,
    files: RefCell<Vec<web_sys::File>>,
    step_due: Cell<bool>,
}

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let entry = Rc::new(Entry {
        scope: scope.clone(),
        core: RefCell::new(WorkerCore::with_clock(js_sys::Date::now)),
        files: RefCell::new(Vec::new()),
        step_due: Cell::new(false),
    });
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let (text, files) = message_of(&event.data());
        if let Some(files) = files {
            *entry.files.borrow_mut() = files;
        }
        let outcome = entry.core.borrow_mut().handle(&text);
        match outcome {
            Outcome::Reply(reply) => entry.post(&reply),
            Outcome::Stale => {}
            // The end-to-end tests' way to make this worker fail as a bug would.
            Outcome::Crash => {
                wasm_bindgen::throw_str("The plan check was asked to crash (a test).")
            }
            Outcome::Hang => hang(),
        }
        Entry::schedule(&entry);
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages posted before this handler was set are lost: the page waits for this first.
    let _ = scope.post_message(&JsValue::from_str(&Reply::ready().to_json()));
}

/// A message's JSON text, and the files posted beside it (`{request, files}`), if any.
fn message_of(data: &JsValue) -> (String, Option<Vec<web_sys::File>>) {
    if let Some(text) = data.as_string() {
        return (text, None);
    }
    let field = |name: &str| js_sys::Reflect::get(data, &JsValue::from_str(name)).ok();
    let text = field("request")
        .and_then(|r| r.as_string())
        .unwrap_or_default();
    let files = field("files")
        .filter(|f| f.is_instance_of::<js_sys::Array>())
        .map(|f| {
            js_sys::Array::from(&f)
                .iter()
                .filter_map(|file| file.dyn_into::<web_sys::File>().ok())
                .collect()
        });
    (text, files)
}

impl Entry {
    fn post(&self, reply: &str) {
        let _ = self.scope.post_message(&JsValue::from_str(reply));
    }

    /// Runs the read's next step in a task of its own (once, however many messages came).
    fn schedule(entry: &Rc<Entry>) {
        if entry.step_due.replace(true) {
            return;
        }
        let next = entry.clone();
        let step = Closure::once_into_js(move || {
            next.step_due.set(false);
            Entry::step(&next);
        });
        let _ = entry
            .scope
            .set_timeout_with_callback_and_timeout_and_arguments_0(step.unchecked_ref(), 0);
    }

    /// Reads one chunk and posts the progress, or posts how the read ended.
    fn step(entry: &Rc<Entry>) {
        let step = entry.core.borrow_mut().read_step();
        match step {
            ReadStep::Idle => {}
            ReadStep::Reply(reply) => {
                entry.files.borrow_mut().clear();
                entry.post(&reply);
            }
            ReadStep::Bytes(slice) => {
                let bytes = entry
                    .files
                    .borrow()
                    .get(slice.file)
                    .and_then(|f| bytes_of(f, &slice));
                let reply = entry.core.borrow_mut().read_bytes(bytes.as_deref());
                entry.post(&reply);
                Entry::schedule(entry);
            }
        }
    }
}

/// The bytes of one slice of `file`, read synchronously (a worker may).
fn bytes_of(file: &web_sys::File, slice: &Slice) -> Option<Vec<u8>> {
    let blob = file.slice_with_f64_and_f64(slice.start, slice.end).ok()?;
    let buffer = web_sys::FileReaderSync::new()
        .ok()?
        .read_as_array_buffer(&blob)
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Busy for ten minutes, answering nothing, as a worker stuck in a loop would be.
fn hang() {
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start < 600_000.0 {
        std::hint::spin_loop();
    }
}
