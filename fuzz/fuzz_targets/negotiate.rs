//! Arbitrary strings as language tags, `Accept-Language` values and codes against the shipped catalog.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    errcat_fuzz_support::negotiate(data);
});

#[path = "../../tests/support/fuzz_cases.rs"]
mod errcat_fuzz_support;
