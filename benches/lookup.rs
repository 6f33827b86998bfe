//! Run-time lookup against baselines measured in the same run (see BENCHMARKS.md).
//!
//! `cargo bench --bench lookup` — prints criterion's output, then `ratio = ours/baseline` per target.

#[path = "support/report.rs"]
mod report;
#[path = "support/synthetic.rs"]
mod synthetic;

use criterion::Criterion;
use errcat::{Arg, Catalog};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};
use rustc_hash::FxHashMap;
use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, SystemTime};

/// Lookups per measured call: enough distinct codes that a 10,000-code catalog is really walked.
const BATCH: usize = 16_384;
const TAGS: [&str; 2] = ["en-US", "zh-CN"];
const HEADER: &str = "zh-CN,zh;q=0.9,en;q=0.8";
const LARGE: usize = 10_000;

/// A catalog with its argument-free codes, and a random mix of (code, tag) to look up.
struct Fixture {
    catalog: &'static Catalog,
    requests: Vec<(&'static str, &'static str)>,
}

impl Fixture {
    fn new(catalog: &'static Catalog) -> Fixture {
        let plain: Vec<&'static str> = catalog
            .codes()
            .filter(|e| (0..catalog.locales().len()).all(|l| e.texts(l).is_none_or(|t| t.value().plain().is_some())))
            .map(|e| e.code())
            .collect();
        let requests = synthetic::shuffled_indexes(plain.len() * TAGS.len(), BATCH)
            .into_iter()
            .map(|i| (plain[i / TAGS.len()], TAGS[i % TAGS.len()]))
            .collect();
        Fixture { catalog, requests }
    }

    /// The message of every (code, tag), as the baselines store it.
    fn pairs(&self) -> Vec<((&'static str, &'static str), &'static str)> {
        let mut pairs = Vec::new();
        for entry in self.catalog.codes() {
            for tag in TAGS {
                if let Ok(found) = self.catalog.localize(entry.code(), tag) {
                    if let std::borrow::Cow::Borrowed(message) = found.message {
                        pairs.push(((entry.code(), tag), message));
                    }
                }
            }
        }
        pairs
    }
}

fn bench_lookup(c: &mut Criterion, name: &str, fixture: &Fixture) {
    let mut group = c.benchmark_group(name);
    let std_map: HashMap<(&str, &str), &str> = fixture.pairs().into_iter().collect();
    let fx_map: FxHashMap<(&str, &str), &str> = fixture.pairs().into_iter().collect();
    group.bench_function("std_hashmap", |b| {
        b.iter(|| {
            for key in &fixture.requests {
                black_box(std_map.get(black_box(key)));
            }
        })
    });
    group.bench_function("fx_hashmap", |b| {
        b.iter(|| {
            for key in &fixture.requests {
                black_box(fx_map.get(black_box(key)));
            }
        })
    });
    group.bench_function("localize", |b| {
        b.iter(|| {
            for &(code, tag) in &fixture.requests {
                let _ = black_box(fixture.catalog.localize(black_box(code), black_box(tag)));
            }
        })
    });
    group.bench_function("error_response_header", |b| {
        b.iter(|| {
            for &(code, _) in &fixture.requests {
                let _ = black_box(fixture.catalog.error_response(black_box(code), black_box(HEADER)));
            }
        })
    });
    let mut buffer: Vec<u8> = Vec::with_capacity(4096);
    group.bench_function("error_body_json", |b| {
        b.iter(|| {
            for &(code, tag) in &fixture.requests {
                buffer.clear();
                if let Ok(response) = fixture.catalog.error_response(black_box(code), black_box(tag)) {
                    let _ = serde_json::to_writer(&mut buffer, &response.body);
                }
                black_box(&buffer);
            }
        })
    });
    group.finish();
}

/// The 2-argument message: ours against fluent-bundle formatting the same message from the same file.
fn bench_arguments(c: &mut Criterion, catalog: &'static Catalog) {
    let code = synthetic::code_with_args();
    let id = code.replace('.', "-");
    let file = synthetic::files(LARGE)
        .into_iter()
        .find(|(path, text)| path.starts_with("en-US/") && text.contains(&format!("\n{id} =")))
        .expect("the synthetic catalog has a message with arguments");
    let mut bundle = FluentBundle::new(vec!["en-US".parse().expect("valid tag")]);
    bundle.set_use_isolating(false);
    bundle.add_resource(FluentResource::try_new(file.1).expect("valid Fluent")).expect("no duplicates");
    let ours = catalog.localize_with(&code, "en-US", &[("name", "alice".into()), ("limit", 32.into())]);
    let mut theirs_args = FluentArgs::new();
    theirs_args.set("name", "alice");
    theirs_args.set("limit", 32);
    let message = bundle.get_message(&id).and_then(|m| m.value()).expect("message has a value");
    let theirs = bundle.format_pattern(message, Some(&theirs_args), &mut Vec::new());
    assert_eq!(ours.expect("code exists").message, theirs, "both format the same text");

    let mut group = c.benchmark_group("arguments");
    group.bench_function("fluent_bundle", |b| {
        b.iter(|| {
            let mut args = FluentArgs::with_capacity(2);
            args.set("name", FluentValue::from(black_box("alice")));
            args.set("limit", FluentValue::from(black_box(32)));
            let message = bundle.get_message(black_box(&id)).and_then(|m| m.value());
            let mut errors = Vec::new();
            black_box(message.map(|p| bundle.format_pattern(p, Some(&args), &mut errors).into_owned()))
        })
    });
    group.bench_function("localize_with", |b| {
        b.iter(|| {
            let args = [("name", Arg::Str(black_box("alice"))), ("limit", Arg::Int(black_box(32)))];
            black_box(catalog.localize_with(black_box(&code), black_box("en-US"), &args))
        })
    });
    group.finish();
}

fn main() {
    let since = SystemTime::now();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(20)
        .configure_from_args();
    let small = Fixture::new(Catalog::embedded());
    let large_catalog: &'static Catalog =
        Box::leak(Box::new(errcat::load(&synthetic::sources(LARGE)).expect("the synthetic catalog loads")));
    let large = Fixture::new(large_catalog);
    bench_lookup(&mut c, "codes_70", &small);
    bench_lookup(&mut c, "codes_10000", &large);
    bench_arguments(&mut c, large_catalog);
    c.final_summary();
    let n = BATCH as f64;
    let ratio = |what, ours, baseline, per_call, target| report::Ratio { what, ours, baseline, per_call, target };
    report::print(
        &[
            ratio("localize (70 codes) / std HashMap", ("codes_70", "localize"), ("codes_70", "std_hashmap"), n, 1.0),
            ratio(
                "localize (70 codes) / std HashMap, stretch",
                ("codes_70", "localize"),
                ("codes_70", "std_hashmap"),
                n,
                0.6,
            ),
            ratio(
                "localize (70 codes) / FxHashMap",
                ("codes_70", "localize"),
                ("codes_70", "fx_hashmap"),
                n,
                f64::INFINITY,
            ),
            ratio(
                "error_response(header) / localize (70)",
                ("codes_70", "error_response_header"),
                ("codes_70", "localize"),
                n,
                3.0,
            ),
            ratio(
                "error body JSON (70) / localize (70)",
                ("codes_70", "error_body_json"),
                ("codes_70", "localize"),
                n,
                f64::INFINITY,
            ),
            ratio(
                "localize (10,000 codes) / std HashMap",
                ("codes_10000", "localize"),
                ("codes_10000", "std_hashmap"),
                n,
                1.0,
            ),
            ratio("localize 10,000 codes / 70 codes", ("codes_10000", "localize"), ("codes_70", "localize"), n, 1.3),
            ratio(
                "error_response(header) / localize (10,000)",
                ("codes_10000", "error_response_header"),
                ("codes_10000", "localize"),
                n,
                3.0,
            ),
            ratio(
                "2-arg localize_with / fluent-bundle",
                ("arguments", "localize_with"),
                ("arguments", "fluent_bundle"),
                1.0,
                0.5,
            ),
        ],
        since,
    );
}
