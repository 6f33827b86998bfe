//! A catalog compiled in by `errcat::codegen` against the same catalog read from files (see BENCHMARKS.md).
//!
//! `cargo bench --bench codegen` — prints criterion's output, then `ratio = ours/baseline` per line.
//!
//! What the generated side runs: the 10,000-code × 2-locale synthetic catalog is compiled in this
//! process by `errcat::codegen::compile_sources`, which builds the very `Compiled` value the
//! generator renders as Rust (`tests/codegen.rs` checks that the data is the module's), and the bench
//! calls what a generated module calls: `Catalog::from_compiled` in `catalog()`, and
//! `errcat::compiled::localize` in `Message::localize`. The 70-code cases run the real generated
//! module of the shipped catalog, `errcat::csbs::Code::localize` (the same call as `Message::localize`
//! of a message without variables).
//!
//! - `startup/*`: from nothing to the first `localize` answered: `Catalog::from_dir` (read and parse
//!   the files) against `Catalog::from_compiled` (the static data to the same catalog).
//! - `localize_*/*`: a batch of lookups of argument-free codes in random order and locale, by code
//!   string (`Catalog::localize`, today's lookup, on the catalog from files and on the compiled one)
//!   against by typed code (generated module).

#[path = "support/report.rs"]
mod report;
#[path = "support/synthetic.rs"]
mod synthetic;

use criterion::Criterion;
use errcat::Catalog;
use std::hint::black_box;
use std::time::{Duration, SystemTime};

const LARGE: usize = 10_000;
const BATCH: usize = 16_384;
const TAGS: [&str; 2] = ["en-US", "zh-CN"];

type Run = Box<dyn FnMut()>;

fn startup_cases(dir: &'static std::path::Path, data: &'static errcat::compiled::Compiled) -> Vec<(&'static str, Run)> {
    let first = synthetic::code(0);
    let first: &'static str = Box::leak(first.into_boxed_str());
    vec![
        (
            "from_dir",
            Box::new(move || {
                let catalog = Catalog::from_dir(black_box(dir)).expect("loads");
                let _ = black_box(catalog.localize(first, "en-US"));
            }) as Run,
        ),
        (
            "from_compiled",
            Box::new(move || {
                let catalog = Catalog::from_compiled(black_box(data));
                let _ = black_box(errcat::compiled::localize(&catalog, 0, first, "en-US", &[]));
            }),
        ),
    ]
}

/// Lookups of the argument-free codes of `catalog` (by number and code), in random order and locale.
fn requests(catalog: &'static Catalog) -> Vec<(usize, &'static str, &'static str)> {
    let plain: Vec<(usize, &'static str)> = catalog
        .codes()
        .enumerate()
        .filter(|(_, e)| e.texts(0).is_some_and(|t| t.value().plain().is_some()))
        .map(|(i, e)| (i, e.code()))
        .collect();
    // The codes asked for sit together in one buffer, as a service's literals do (see benches/lookup.rs).
    let literals: &'static str = Box::leak(plain.iter().map(|(_, c)| *c).collect::<String>().into_boxed_str());
    let mut at = 0;
    let plain: Vec<(usize, &'static str)> = plain
        .iter()
        .map(|&(i, code)| {
            at += code.len();
            (i, &literals[at - code.len()..at])
        })
        .collect();
    synthetic::shuffled_indexes(plain.len() * TAGS.len(), BATCH)
        .into_iter()
        .map(|i| (plain[i / TAGS.len()].0, plain[i / TAGS.len()].1, TAGS[i % TAGS.len()]))
        .collect()
}

fn large_lookup_cases(files: &'static Catalog, compiled: &'static Catalog) -> Vec<(&'static str, Run)> {
    let by_string = requests(files);
    let by_number = requests(compiled);
    for &(number, code, tag) in by_number.iter().take(256) {
        assert_eq!(errcat::compiled::localize(compiled, number, code, tag, &[]), files.localize(code, tag).unwrap());
    }
    let same_catalog = by_number.clone();
    vec![
        (
            "by_code_string",
            Box::new(move || {
                for &(_, code, tag) in &by_string {
                    let _ = black_box(files.localize(black_box(code), black_box(tag)));
                }
            }) as Run,
        ),
        (
            "by_code_string_compiled_catalog",
            Box::new(move || {
                for &(_, code, tag) in &same_catalog {
                    let _ = black_box(compiled.localize(black_box(code), black_box(tag)));
                }
            }),
        ),
        (
            "generated",
            Box::new(move || {
                for &(number, code, tag) in &by_number {
                    black_box(errcat::compiled::localize(compiled, black_box(number), code, black_box(tag), &[]));
                }
            }),
        ),
    ]
}

fn shipped_lookup_cases() -> Vec<(&'static str, Run)> {
    use errcat::csbs::Code;
    let order = synthetic::shuffled_indexes(Code::ALL.len() * TAGS.len(), BATCH);
    let typed: Vec<(Code, &str)> = order.iter().map(|&i| (Code::ALL[i / TAGS.len()], TAGS[i % TAGS.len()])).collect();
    let strings: Vec<(&str, &str)> = typed.iter().map(|(code, tag)| (code.as_str(), *tag)).collect();
    vec![
        (
            "by_code_string",
            Box::new(move || {
                for &(code, tag) in &strings {
                    let _ = black_box(errcat::localize(black_box(code), black_box(tag)));
                }
            }) as Run,
        ),
        (
            "generated",
            Box::new(move || {
                for &(code, tag) in &typed {
                    black_box(black_box(code).localize(black_box(tag)));
                }
            }),
        ),
    ]
}

fn main() {
    let since = SystemTime::now();
    let measuring = std::env::args().any(|a| a == "--bench");
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
        .configure_from_args();
    let codes = if measuring { LARGE } else { 200 };
    let dir: &'static tempfile::TempDir = Box::leak(Box::new(tempfile::tempdir().expect("temporary directory")));
    synthetic::write_dir(dir.path(), codes).expect("write the synthetic catalog");
    let data = errcat::codegen::compile_sources(&synthetic::sources(codes)).expect("the synthetic catalog compiles");
    let files: &'static Catalog = Box::leak(Box::new(Catalog::from_dir(dir.path()).expect("loads")));
    let compiled: &'static Catalog = Box::leak(Box::new(Catalog::from_compiled(data)));
    let mut groups: Vec<(&str, Vec<(&'static str, Run)>)> = vec![
        ("startup", startup_cases(dir.path(), data)),
        ("localize_10000", large_lookup_cases(files, compiled)),
        ("localize_70", shipped_lookup_cases()),
    ];
    for (name, cases) in &mut groups {
        let mut group = c.benchmark_group(*name);
        if *name == "startup" {
            group.sample_size(10).measurement_time(Duration::from_secs(5));
        }
        for (case, run) in cases.iter_mut() {
            group.bench_function(*case, |b| b.iter(&mut *run));
        }
        group.finish();
    }
    c.final_summary();
    if !measuring {
        return;
    }
    let n = BATCH as f64;
    let ratio = |what, ours, baseline, per_call, target| report::Ratio { what, ours, baseline, per_call, target };
    let ratios = [
        ratio(
            "startup to first localize: from_compiled / from_dir",
            ("startup", "from_compiled"),
            ("startup", "from_dir"),
            1.0,
            f64::INFINITY,
        ),
        ratio(
            "localize (10,000 codes): generated / by code string",
            ("localize_10000", "generated"),
            ("localize_10000", "by_code_string"),
            n,
            1.0,
        ),
        ratio(
            "localize (10,000, one catalog): generated / by code string",
            ("localize_10000", "generated"),
            ("localize_10000", "by_code_string_compiled_catalog"),
            n,
            1.0,
        ),
        ratio(
            "localize (70, shipped module): generated / by code string",
            ("localize_70", "generated"),
            ("localize_70", "by_code_string"),
            n,
            1.0,
        ),
    ];
    report::print(&ratios, since);
    report::print_interleaved(&ratios, &mut groups);
}
