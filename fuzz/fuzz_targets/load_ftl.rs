//! Arbitrary bytes as one source-locale `.ftl` file next to a fixed `catalog.toml`, then the same
//! bytes as the metadata: loading must give a catalog or diagnostics, never panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    errcat_fuzz_support::load_ftl(data);
});

#[path = "../../tests/support/fuzz_cases.rs"]
mod errcat_fuzz_support;
