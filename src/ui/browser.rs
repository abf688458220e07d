//! Small wrappers over browser APIs the app needs in several places: file download, clipboard and
//! performance marks. Failures come back as messages for the user, never panics.

use wasm_bindgen::JsCast;

/// Offers `text` to the user as a file named `file_name` (e.g. `plan.md`).
/// Downloads the whole plan in a format, named after its product (`acme-analytics.md`).
pub fn download_plan(
    plan: &crate::plan::Plan,
    format: crate::render::Format,
) -> Result<(), String> {
    download_text(
        &format!(
            "{}.{}",
            crate::render::file_stem(&plan.header.product),
            format.file_extension()
        ),
        format.mime(),
        &crate::render::render(plan, format, crate::render::Section::Full),
    )
}

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
