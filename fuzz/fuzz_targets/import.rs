//! Fuzz target: any bytes imported as a plan file. Must never panic, never build a plan over the
//! limits, and whatever opens must save and reopen as the same plan.
#![no_main]

use libfuzzer_sys::fuzz_target;
use support_ops::fuzzing::check_import;

fuzz_target!(|bytes: &[u8]| check_import(bytes));
