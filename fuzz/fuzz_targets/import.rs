//! Arbitrary text as a reference page for `errcat import` (HTML or Markdown tables).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    errcat_fuzz_support::import(data);
});

#[path = "../../tests/support/fuzz_cases.rs"]
mod errcat_fuzz_support;
