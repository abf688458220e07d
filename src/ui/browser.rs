//! Small wrappers over browser APIs the app needs in several places: file download, clipboard,
//! performance marks, cross-tab locks and idle callbacks. Failures come back as messages, never panics.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

/// The file name of the whole plan in a format, after its product (`acme-analytics.md`).
pub fn plan_file_name(plan: &crate::plan::Plan, format: crate::render::Format) -> String {
    format!(
        "{}.{}",
        crate::render::file_stem(&plan.header.product),
        format.file_extension()
    )
}

/// Downloads the whole plan as JSON, named after its product (`acme-analytics.json`).
pub fn download_plan_json(plan: &crate::plan::Plan) -> Result<(), String> {
    let format = crate::render::Format::Json;
    download_text(
        &plan_file_name(plan, format),
        format.mime(),
        &crate::plan::json::to_json(plan),
    )
}

/// Offers `text` to the user as a file named `file_name` (e.g. `plan.md`).
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    let fail = |what: &str| format!("Could not start the download ({what}). Use Copy instead.");
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("the file could not be prepared"))?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("no download link"))?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no page"))?;
    let anchor = document
        .create_element("a")
        .map_err(|_| fail("no link element"))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| fail("no link element"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Ok(())
}

/// Copies `text` to the clipboard; resolves to a message for the user on failure.
pub async fn copy_text(text: String) -> Result<(), String> {
    let clipboard = web_sys::window()
        .map(|w| w.navigator().clipboard())
        .ok_or_else(|| "The clipboard is not available in this browser.".to_string())?;
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text))
        .await
        .map(|_| ())
        .map_err(|_| {
            "The browser did not allow copying. Select the text and press Ctrl+C instead."
                .to_string()
        })
}

/// Runs `work` between two performance marks and records a measure named `name`, so a profiler or
/// the benchmark can read how long it took in this browser (`performance.getEntriesByName`).
pub fn measured<R>(name: &str, work: impl FnOnce() -> R) -> R {
    let performance = web_sys::window().and_then(|w| w.performance());
    let start = format!("{name}-start");
    if let Some(p) = &performance {
        let _ = p.mark(&start);
    }
    let result = work();
    if let Some(p) = &performance {
        let _ = p.measure_with_start_mark(name, &start);
    }
    result
}

/// Work to run exactly once, whichever way the lock request ends.
type Work = Box<dyn FnOnce()>;

/// Runs `work` while this tab holds the lock `name` across every tab of this site (the Web Locks
/// API, `navigator.locks.request`), so two tabs never run it at the same moment. The lock is held
/// while `work` runs and `settle_ms` after: long enough for what `work` wrote to local storage to
/// reach the other tabs' copies of it before the next tab is let in. Where the browser has no Web
/// Locks (or refuses the request), `work` runs right away, unlocked: exactly once either way.
pub fn with_tab_lock(name: &str, settle_ms: i32, work: impl FnOnce() + 'static) {
    let work: Rc<RefCell<Option<Work>>> = Rc::new(RefCell::new(Some(Box::new(work))));
    let run = {
        let work = work.clone();
        move || {
            let pending = work.borrow_mut().take();
            if let Some(work) = pending {
                work();
            }
        }
    };
    let request = web_sys::window()
        .map(|w| JsValue::from(w.navigator()))
        .and_then(|navigator| js_sys::Reflect::get(&navigator, &JsValue::from_str("locks")).ok())
        .filter(|locks| locks.is_object())
        .and_then(|locks| {
            let request = js_sys::Reflect::get(&locks, &JsValue::from_str("request")).ok()?;
            Some((locks, request.dyn_into::<js_sys::Function>().ok()?))
        });
    let Some((locks, request)) = request else {
        run();
        return;
    };
    let locked = {
        let run = run.clone();
        Closure::once_into_js(move |_lock: JsValue| {
            run();
            // The lock is released when this promise settles.
            JsValue::from(js_sys::Promise::new(&mut |resolve, _reject| {
                if let Some(window) = web_sys::window() {
                    let _ = window
                        .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, settle_ms);
                }
            }))
        })
    };
    match request.call2(&locks, &JsValue::from_str(name), &locked) {
        Ok(promise) => {
            // Refused (the page is going away, an opaque origin): do the work unlocked.
            let refused = Closure::once_into_js(move |_error: JsValue| run());
            if let Some(catch) = js_sys::Reflect::get(&promise, &JsValue::from_str("catch"))
                .ok()
                .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            {
                let _ = catch.call1(&promise, &refused);
            }
        }
        Err(_) => run(),
    }
}

/// Runs `work` when the browser is next idle, and at the latest after `timeout_ms`
/// (`requestIdleCallback`); where that is missing, on the next turn of the event loop.
pub fn when_idle(timeout_ms: u32, work: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(move |_deadline: JsValue| work());
    let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let scheduled = idle.is_some_and(|idle| {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &options,
            &JsValue::from_str("timeout"),
            &JsValue::from(timeout_ms),
        );
        idle.call2(&window, &callback, &options).is_ok()
    });
    if !scheduled {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}

/// Runs `work` once the browser has painted what is on the page now: the next animation frame comes
/// before its paint, and a task queued from it runs after. A hidden tab has no frames: there,
/// `work` runs on the next task.
pub fn after_next_paint(work: impl FnOnce() + 'static) {
    let run = move || work();
    let hidden = web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden());
    if hidden {
        leptos::prelude::set_timeout(run, std::time::Duration::ZERO);
    } else {
        leptos::prelude::request_animation_frame(move || {
            leptos::prelude::set_timeout(run, std::time::Duration::ZERO)
        });
    }
}

/// Shows `busy` at once, lets the browser paint it, then runs `work`: a large plan takes a moment
/// to open, and the page says so rather than seeming frozen. The message stays until the page has
/// drawn the opened plan.
pub fn after_showing(
    busy: leptos::prelude::RwSignal<Option<String>>,
    message: &str,
    work: impl FnOnce() + 'static,
) {
    use leptos::prelude::Set;
    busy.set(Some(message.to_string()));
    after_next_paint(move || {
        work();
        after_next_paint(move || busy.set(None));
    });
}

/// The chosen files of a file input, emptied so the same files can be chosen again.
pub fn take_files(ev: &leptos::ev::Event) -> Vec<web_sys::File> {
    let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return Vec::new();
    };
    let files = input.files();
    let chosen = (0..files.as_ref().map_or(0, |f| f.length()))
        .filter_map(|i| files.as_ref().and_then(|f| f.get(i)))
        .collect();
    input.set_value("");
    chosen
}
