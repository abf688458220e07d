//! What the fuzz targets (`fuzz/`) and their bounded run in the tests (`tests/fuzz_inputs.rs`)
//! check on any input: opening a stranger's file or link never panics and never builds a plan over
//! the limits, and a plan that opens saves and reopens unchanged. Each check panics on a violation.

use crate::plan::json::{from_json, from_outside, to_json};
use crate::plan::limits::{self, Limits, PLAN_FROM_OUTSIDE};
use crate::plan::Plan;
use crate::share::{decode_link, fragment_of_json};

/// `bytes` imported as a plan file (the app's Import and Paste).
pub fn check_import(bytes: &[u8]) {
    if let Ok(plan) = from_outside(bytes, &PLAN_FROM_OUTSIDE) {
        check_opened(&plan);
    }
}

/// `text` opened as a share link (the whole address or the fragment).
pub fn check_link_text(text: &str) {
    if let Ok(plan) = decode_link(text) {
        check_opened(&plan);
    }
}

/// `bytes`, as text, packed into a well-formed share link as its plan, then opened.
pub fn check_packed_plan(bytes: &[u8]) {
    let json = String::from_utf8_lossy(bytes);
    let link = fragment_of_json(&json);
    match decode_link(&link) {
        Ok(plan) => check_opened(&plan),
        // An intact link may only be refused for what is in the plan, never called damaged.
        Err(error) => assert!(
            matches!(
                error,
                crate::share::ShareError::InvalidPlan(_) | crate::share::ShareError::TooLarge(_)
            ) || json.len() > 4 * 1024 * 1024,
            "an intact link was refused as {error:?}"
        ),
    }
}

/// A plan that opened: within the limits (lists and texts), and the same after a save and reopen.
fn check_opened(plan: &Plan) {
    let saved = to_json(plan);
    let lists_and_texts = Limits {
        max_bytes: usize::MAX,
        ..PLAN_FROM_OUTSIDE
    };
    if let Err(too_large) = limits::check(&saved, &lists_and_texts) {
        panic!("a plan over the limits was opened: {too_large}");
    }
    match from_json(&saved) {
        Ok(reopened) => assert!(reopened == *plan, "the plan changed on save and reopen"),
        Err(error) => panic!("a plan that opened cannot be reopened after saving: {error}"),
    }
}
