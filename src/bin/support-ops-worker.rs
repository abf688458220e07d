//! The Web Worker that runs the core off the page's thread. It moves JSON strings between
//! `postMessage` and `messages::WorkerCore` and nothing else: the protocol is in `src/messages/`,
//! the page's side in `src/ui/worker.rs` (docs/architecture.md, "The worker boundary").

use std::cell::RefCell;

use support_ops::messages::{Outcome, Reply, WorkerCore};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

fn main() {
    console_error_panic_hook::set_once();
    let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let core = RefCell::new(WorkerCore::with_clock(js_sys::Date::now));
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let text = event.data().as_string().unwrap_or_default();
        let outcome = core.borrow_mut().handle(&text);
        match outcome {
            Outcome::Reply(reply) => {
                let _ = reply_to.post_message(&JsValue::from_str(&reply));
            }
            Outcome::Stale => {}
            // The end-to-end tests' way to make this worker fail as a bug would.
            Outcome::Crash => {
                wasm_bindgen::throw_str("The plan check was asked to crash (a test).")
            }
            Outcome::Hang => hang(),
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages posted before this handler was set are lost: the page waits for this first.
    let _ = scope.post_message(&JsValue::from_str(&Reply::ready().to_json()));
}

/// Busy for ten minutes, answering nothing, as a worker stuck in a loop would be.
fn hang() {
    let start = js_sys::Date::now();
    while js_sys::Date::now() - start < 600_000.0 {
        std::hint::spin_loop();
    }
}
