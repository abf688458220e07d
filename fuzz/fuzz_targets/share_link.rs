//! Fuzz target: any text opened as a share link, raw and wrapped around any bytes as the packed
//! plan. Must never panic and never build a plan over the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use support_ops::fuzzing::{check_link_text, check_packed_plan};

fuzz_target!(|bytes: &[u8]| {
    check_link_text(&String::from_utf8_lossy(bytes));
    check_packed_plan(bytes);
});
