//! Arbitrary text as the source locale's `.ftl` file, through `errcat check` and every renderer.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    errcat_fuzz_support::check_render(data);
});

#[path = "../../tests/support/fuzz_cases.rs"]
mod errcat_fuzz_support;
