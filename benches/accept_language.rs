//! Adversarial `Accept-Language` values: the cost per byte of one `error_response` call must not grow
//! with the header's length.
//!
//! `cargo bench --bench accept_language` — for each shape (`=` flood, `;` flood, many weighted
//! entries, tags of up to 500 subtags) at 1 KiB, 16 KiB and 256 KiB, prints the median ns per byte
//! and the ratio of 256 KiB to 1 KiB, which is at most 1.5 when the parse is linear.

#[path = "support/report.rs"]
mod report;

use criterion::Criterion;
use errcat::Catalog;
use std::hint::black_box;
use std::time::{Duration, SystemTime};

const SIZES: [(&str, usize); 3] = [("1KiB", 1 << 10), ("16KiB", 16 << 10), ("256KiB", 256 << 10)];
const TARGET: f64 = 1.5;

/// `prefix` then `unit` repeated, cut to exactly `size` bytes (the units are ASCII).
fn fill(prefix: &str, unit: &str, size: usize) -> String {
    let mut s = String::with_capacity(size + unit.len());
    s.push_str(prefix);
    while s.len() < size {
        s.push_str(unit);
    }
    s.truncate(size);
    s
}

/// Many entries of known and unknown languages with rising weights, so that entry after entry can
/// outweigh the best so far and is matched; the leading `q=0` forces the two-pass rules.
fn entries(size: usize) -> String {
    let mut s = String::from("ja;q=0");
    let languages = ["fr-CA", "en-GB", "de", "zh-TW", "pt-BR", "en"];
    let mut i = 0usize;
    while s.len() < size {
        s.push_str(&format!(",{};q=0.{:03}", languages[i % languages.len()], 1 + i % 999));
        i += 1;
    }
    s.truncate(size);
    s
}

/// Comma-separated tags of an available language, each of up to 500 variant subtags.
fn long_tags(size: usize) -> String {
    let tag = format!("zh{}", "-abcdefgh".repeat(500));
    fill("", &format!("{tag},"), size)
}

/// A header of the given size, by shape.
type Shape = (&'static str, Box<dyn Fn(usize) -> String>);

fn shapes() -> Vec<Shape> {
    vec![
        ("equals_flood", Box::new(|size| fill("en,", "=", size))),
        ("semicolon_flood", Box::new(|size| fill("en", ";", size))),
        ("weighted_entries", Box::new(entries)),
        ("long_tags", Box::new(long_tags)),
    ]
}

fn main() {
    let since = SystemTime::now();
    let measuring = std::env::args().any(|a| a == "--bench");
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(20)
        .configure_from_args();
    let catalog = Catalog::embedded();
    let shapes = shapes();
    for (shape, make) in &shapes {
        let mut group = c.benchmark_group(format!("accept_language_{shape}"));
        for (name, size) in SIZES {
            let header = make(size);
            assert_eq!(header.len(), size);
            group.bench_function(name, |b| {
                b.iter(|| black_box(catalog.error_response(black_box("CSBS.0001"), black_box(&header))))
            });
        }
        group.finish();
    }
    c.final_summary();
    if !measuring {
        return;
    }
    println!(
        "\n{:<34} {:>10} {:>10} {:>10} {:>16} {:>8}",
        "ns per byte (criterion medians)", "1KiB", "16KiB", "256KiB", "256KiB / 1KiB", "target"
    );
    for (shape, _) in &shapes {
        let group = format!("accept_language_{shape}");
        let per_byte: Vec<Option<f64>> = SIZES
            .iter()
            .map(|&(name, size)| report::median_ns(&group, name, since).map(|ns| ns / size as f64))
            .collect();
        let [Some(small), Some(middle), Some(large)] = per_byte[..] else {
            println!("{shape:<34} (not measured in this run)");
            continue;
        };
        let ratio = large / small;
        let verdict = if ratio <= TARGET { "ok" } else { "MISSED" };
        println!("{shape:<34} {small:>10.3} {middle:>10.3} {large:>10.3} {ratio:>16.3} {TARGET:>7.1}x {verdict}");
    }
}
