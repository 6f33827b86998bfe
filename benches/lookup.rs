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
/// Formattings per measured call of the 2-argument cases.
const FORMATS: usize = 1024;

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
        // The codes asked for are copies in one buffer, as a service's code literals sit together in its
        // binary, not the catalog's own strings: those are one heap allocation per code, and reading the
        // input from 10,000 scattered allocations would charge a cache miss to every lookup, ours and the
        // baselines' alike, that no service pays.
        let literals: &'static str = Box::leak(plain.concat().into_boxed_str());
        let mut at = 0;
        let plain: Vec<&'static str> = plain
            .iter()
            .map(|code| {
                at += code.len();
                &literals[at - code.len()..at]
            })
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

/// One measured call: a batch of lookups, or one formatting.
type Run = Box<dyn FnMut()>;

/// The cases of one catalog size, by name, each a closure run by criterion and by the interleaved timer.
fn lookup_cases(fixture: &'static Fixture) -> Vec<(&'static str, Run)> {
    let std_map: HashMap<(&str, &str), &str> = fixture.pairs().into_iter().collect();
    let fx_map: FxHashMap<(&str, &str), &str> = fixture.pairs().into_iter().collect();
    let requests = &fixture.requests;
    let catalog = fixture.catalog;
    let mut buffer: Vec<u8> = Vec::with_capacity(4096);
    vec![
        (
            "std_hashmap",
            Box::new(move || {
                for key in requests {
                    black_box(std_map.get(black_box(key)));
                }
            }) as Run,
        ),
        (
            "fx_hashmap",
            Box::new(move || {
                for key in requests {
                    black_box(fx_map.get(black_box(key)));
                }
            }),
        ),
        (
            "localize",
            Box::new(move || {
                for &(code, tag) in requests {
                    let _ = black_box(catalog.localize(black_box(code), black_box(tag)));
                }
            }),
        ),
        (
            "error_response_header",
            Box::new(move || {
                for &(code, _) in requests {
                    let _ = black_box(catalog.error_response(black_box(code), black_box(HEADER)));
                }
            }),
        ),
        (
            "error_body_json",
            Box::new(move || {
                for &(code, tag) in requests {
                    buffer.clear();
                    if let Ok(response) = catalog.error_response(black_box(code), black_box(tag)) {
                        let _ = serde_json::to_writer(&mut buffer, &response.body);
                    }
                    black_box(&buffer);
                }
            }),
        ),
    ]
}

/// The 2-argument message: ours against fluent-bundle formatting the same message from the same file.
fn argument_cases(catalog: &'static Catalog) -> Vec<(&'static str, Run)> {
    let code: &'static str = Box::leak(synthetic::code_with_args().into_boxed_str());
    let id = code.replace('.', "-");
    let file = synthetic::files(LARGE)
        .into_iter()
        .find(|(path, text)| path.starts_with("en-US/") && text.contains(&format!("\n{id} =")))
        .expect("the synthetic catalog has a message with arguments");
    let mut bundle = FluentBundle::new(vec!["en-US".parse().expect("valid tag")]);
    bundle.set_use_isolating(false);
    bundle.add_resource(FluentResource::try_new(file.1).expect("valid Fluent")).expect("no duplicates");
    let ours = catalog.localize_with(code, "en-US", &[("name", "alice".into()), ("limit", 32.into())]);
    let mut theirs_args = FluentArgs::new();
    theirs_args.set("name", "alice");
    theirs_args.set("limit", 32);
    let message = bundle.get_message(&id).and_then(|m| m.value()).expect("message has a value");
    let theirs = bundle.format_pattern(message, Some(&theirs_args), &mut Vec::new()).into_owned();
    assert_eq!(ours.expect("code exists").message, theirs, "both format the same text");
    vec![
        (
            "fluent_bundle",
            Box::new(move || {
                for _ in 0..FORMATS {
                    let mut args = FluentArgs::with_capacity(2);
                    args.set("name", FluentValue::from(black_box("alice")));
                    args.set("limit", FluentValue::from(black_box(32)));
                    let message = bundle.get_message(black_box(&id)).and_then(|m| m.value());
                    let mut errors = Vec::new();
                    black_box(message.map(|p| bundle.format_pattern(p, Some(&args), &mut errors).into_owned()));
                }
            }) as Run,
        ),
        (
            "localize_with",
            Box::new(move || {
                for _ in 0..FORMATS {
                    let args = [("name", Arg::Str(black_box("alice"))), ("limit", Arg::Int(black_box(32)))];
                    let _ = black_box(catalog.localize_with(black_box(code), black_box("en-US"), &args));
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
    let small: &'static Fixture = Box::leak(Box::new(Fixture::new(Catalog::embedded())));
    let large_catalog: &'static Catalog =
        Box::leak(Box::new(errcat::load(&synthetic::sources(LARGE)).expect("the synthetic catalog loads")));
    let large: &'static Fixture = Box::leak(Box::new(Fixture::new(large_catalog)));
    let mut groups: Vec<(&str, Vec<(&'static str, Run)>)> = vec![
        ("codes_70", lookup_cases(small)),
        ("codes_10000", lookup_cases(large)),
        ("arguments", argument_cases(large_catalog)),
    ];
    for (name, cases) in &mut groups {
        let mut group = c.benchmark_group(*name);
        for (case, run) in cases.iter_mut() {
            group.bench_function(*case, |b| b.iter(&mut *run));
        }
        group.finish();
    }
    c.final_summary();
    let n = BATCH as f64;
    let ratio = |what, ours, baseline, per_call, target| report::Ratio { what, ours, baseline, per_call, target };
    let ratios = [
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
            FORMATS as f64,
            0.5,
        ),
    ];
    // Under `cargo test` criterion runs each case once and measures nothing.
    if measuring {
        report::print(&ratios, since);
        report::print_interleaved(&ratios, &mut groups);
    }
}
