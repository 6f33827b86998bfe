//! Hostile shapes of the other untrusted inputs: catalog files (the loader) and reference pages (the
//! importers). The cost per byte must not grow with the input.
//!
//! `cargo bench --bench hostile_inputs` — each shape at 64 KiB and 1 MiB; prints the median ns per
//! byte and the ratio of 1 MiB to 64 KiB, at most 1.5 when the parse is linear. Every shape here was
//! quadratic once (see the regression tests named in `SHAPES`).

#[path = "support/report.rs"]
mod report;

use criterion::Criterion;
use std::hint::black_box;
use std::time::{Duration, SystemTime};

const SIZES: [(&str, usize); 2] = [("64KiB", 64 << 10), ("1MiB", 1 << 20)];
const TARGET: f64 = 1.5;

/// `unit` repeated to about `size` bytes, between `before` and `after`.
fn repeat(before: &str, unit: &str, after: &str, size: usize) -> String {
    let count = size.saturating_sub(before.len() + after.len()) / unit.len();
    format!("{before}{}{after}", unit.repeat(count.max(1)))
}

fn catalog(ftl: String) -> errcat::Sources {
    let metadata = "name = \"HOST\"\nsource_locale = \"en-US\"\nfallback_locale = \"en-US\"\n";
    errcat::Sources {
        root: None,
        metadata: Some(errcat::SourceFile { path: errcat::METADATA_FILE.into(), text: metadata.into() }),
        files: vec![errcat::SourceFile { path: "en-US/hostile.ftl".into(), text: ftl.into() }],
    }
}

enum Input {
    Catalog(errcat::Sources),
    Page(String),
}

/// (name, regression test that failed before the fix, input of a given size).
type Shape = (&'static str, &'static str, fn(usize) -> Input);

const SHAPES: [Shape; 6] = [
    ("ftl_many_lines", "pattern::tests::many_lines_join_in_one_pass", |size| {
        Input::Catalog(catalog(repeat("HOST-1 =\n", "    line\n", "", size)))
    }),
    ("ftl_many_attributes", "load: duplicate attributes found with a set", |size| {
        let mut ftl = String::from("HOST-1 = x\n");
        let mut i = 0;
        while ftl.len() < size {
            ftl.push_str(&format!("    .a{i} = v\n"));
            i += 1;
        }
        Input::Catalog(catalog(ftl))
    }),
    ("ftl_many_messages", "(baseline shape)", |size| {
        let mut ftl = String::new();
        let mut i = 0;
        while ftl.len() < size {
            ftl.push_str(&format!("HOST-{i} = Message {i} with {{ $v }}\n    .suggestion = Do {i}.\n"));
            i += 1;
        }
        Input::Catalog(catalog(ftl))
    }),
    ("html_ampersand_flood", "html::tests::an_ampersand_flood_is_decoded_in_one_pass", |size| {
        Input::Page(repeat(
            "<table><tr><th>Error code</th><th>Description</th></tr><tr><td>A.1</td><td>",
            "&",
            "</td></tr></table>",
            size,
        ))
    }),
    ("html_tag_flood", "html::tests::a_tag_flood_on_one_line_is_read_in_one_pass", |size| {
        Input::Page(repeat(
            "<table><tr><th>Error code</th><th>Description</th></tr><tr><td>A.1</td><td>x",
            "<br>",
            "</td></tr></table>",
            size,
        ))
    }),
    ("markdown_rows", "(baseline shape)", |size| {
        let mut page = String::from("| Error code | Description | Suggestion |\n|---|---|---|\n");
        let mut i = 0;
        while page.len() < size {
            page.push_str(&format!("| A.{i} | Text {i} with `code` and **bold** | Retry {i} |\n"));
            i += 1;
        }
        Input::Page(page)
    }),
];

fn run(input: &Input) {
    match input {
        Input::Catalog(sources) => drop(black_box(errcat::load(black_box(sources)))),
        Input::Page(page) => {
            drop(black_box(errcat::import::parse("page", black_box(page), &errcat::import::Options::default())))
        }
    }
}

fn main() {
    let since = SystemTime::now();
    let measuring = std::env::args().any(|a| a == "--bench");
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .sample_size(10)
        .configure_from_args();
    let mut lengths = Vec::new();
    for (shape, _, make) in SHAPES {
        let mut group = c.benchmark_group(format!("hostile_{shape}"));
        for (name, size) in SIZES {
            let input = make(size);
            lengths.push(match &input {
                Input::Catalog(sources) => sources.files.iter().map(|f| f.text.len()).sum(),
                Input::Page(page) => page.len(),
            });
            group.bench_function(name, |b| b.iter(|| run(&input)));
        }
        group.finish();
    }
    c.final_summary();
    if !measuring {
        return;
    }
    println!(
        "\n{:<26} {:>10} {:>10} {:>14} {:>8}  regression test",
        "ns per byte (medians)", "64KiB", "1MiB", "1MiB / 64KiB", "target"
    );
    for (i, (shape, test, _)) in SHAPES.iter().enumerate() {
        let group = format!("hostile_{shape}");
        let per_byte: Vec<Option<f64>> = SIZES
            .iter()
            .enumerate()
            .map(|(j, &(name, _))| {
                report::median_ns(&group, name, since).map(|ns| ns / lengths[i * SIZES.len() + j] as f64)
            })
            .collect();
        let [Some(small), Some(large)] = per_byte[..] else {
            println!("{shape:<26} (not measured in this run)");
            continue;
        };
        let ratio = large / small;
        let verdict = if ratio <= TARGET { "ok" } else { "MISSED" };
        println!("{shape:<26} {small:>10.2} {large:>10.2} {ratio:>14.3} {TARGET:>7.1}x {verdict}  {test}");
    }
}
