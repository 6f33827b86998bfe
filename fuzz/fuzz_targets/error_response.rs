//! Arbitrary bytes as a code and an `Accept-Language` header for `errcat::error_response` and
//! `Catalog::negotiate` on the shipped catalog (see `error_response` in `tests/support/fuzz_cases.rs`).
//!
//! Besides crashes it watches time per byte: for inputs of at least 64 bytes it keeps the largest
//! elapsed nanoseconds per input byte seen so far and prints it to stderr, with the input's shape,
//! whenever it grows, so that a super-linear path shows up as a climbing `slowest` line. One-time
//! costs are paid before timing starts, and a candidate record is the fastest of four runs.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Once;
use std::time::Instant;

/// The largest ns per byte so far, in thousandths of a nanosecond.
static SLOWEST_MILLI_NS_PER_BYTE: AtomicU64 = AtomicU64::new(0);
const MIN_LEN: usize = 64;

static WARM: Once = Once::new();

fn timed(data: &[u8]) -> u128 {
    let start = Instant::now();
    errcat_fuzz_support::error_response(data);
    start.elapsed().as_nanos()
}

fuzz_target!(|data: &[u8]| {
    // The shipped catalog is built on first use and a regional tag fills its language's cache once:
    // done before anything is timed, so that one-time costs do not count as slow inputs.
    WARM.call_once(|| {
        for header in ["\nzh-CN", "\nen-GB,en;q=0.9", "\nzh-TW;q=0.8,fr", "CSBS.0001\n*"] {
            errcat_fuzz_support::error_response(header.as_bytes());
        }
    });
    let mut elapsed = timed(data);
    if data.len() >= MIN_LEN {
        let per_byte = |ns: u128| u64::try_from(ns * 1000 / data.len() as u128).unwrap_or(u64::MAX);
        if per_byte(elapsed) > SLOWEST_MILLI_NS_PER_BYTE.load(Ordering::Relaxed) {
            // A candidate: the fastest of three more runs, so that a descheduled run is not a record.
            elapsed = (0..3).map(|_| timed(data)).min().unwrap_or(elapsed).min(elapsed);
        }
        let per_byte = per_byte(elapsed);
        if per_byte > SLOWEST_MILLI_NS_PER_BYTE.fetch_max(per_byte, Ordering::Relaxed) {
            eprintln!(
                "slowest: {}.{:03} ns/byte ({} ns for {} bytes) {}",
                per_byte / 1000,
                per_byte % 1000,
                elapsed,
                data.len(),
                shape(data)
            );
        }
    }
});

/// What the input looks like: its most frequent bytes and its start, escaped.
fn shape(data: &[u8]) -> String {
    let mut counts = [0usize; 256];
    for &b in data {
        counts[b as usize] += 1;
    }
    let mut top: Vec<(usize, u8)> = counts.iter().enumerate().filter(|(_, &n)| n > 0).map(|(b, &n)| (n, b as u8)).collect();
    top.sort_unstable_by(|a, b| b.cmp(a));
    let top: Vec<String> =
        top.iter().take(4).map(|&(n, b)| format!("{:?}x{n}", char::from(b))).collect();
    let head = String::from_utf8_lossy(&data[..data.len().min(48)]);
    format!("top [{}] head {:?}", top.join(", "), head)
}

#[path = "../../tests/support/fuzz_cases.rs"]
mod errcat_fuzz_support;
