//! Replays every input kept under `tests/fixtures/fuzz-regressions/<target>/` (crashes the fuzzers
//! found, once fixed, and hand-written hostile seeds) through the same checks as the fuzz targets.

#[path = "support/fuzz_cases.rs"]
mod fuzz_cases;

use std::path::Path;

fn replay(target: &str, case: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/fuzz-regressions").join(target);
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs in {}", dir.display());
    for input in inputs {
        let bytes = std::fs::read(&input).unwrap_or_else(|e| panic!("{}: {e}", input.display()));
        eprintln!("replaying {}", input.display());
        case(&bytes);
    }
}

#[test]
fn load_ftl_inputs() {
    replay("load_ftl", fuzz_cases::load_ftl);
}

#[test]
fn check_render_inputs() {
    replay("check_render", fuzz_cases::check_render);
}

#[test]
fn negotiate_inputs() {
    replay("negotiate", fuzz_cases::negotiate);
}

#[test]
fn import_inputs() {
    replay("import", fuzz_cases::import);
}

#[test]
fn error_response_inputs() {
    replay("error_response", fuzz_cases::error_response);
}
