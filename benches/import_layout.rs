//! Import time per MB of the same reference table written on one line and with a line break after
//! every tag: the HTML reader must not care about the line layout (it once was quadratic on one
//! line: 150 s for 100,000 rows against 2.7 s with line breaks).
//!
//! `cargo bench --bench import_layout` — 100,000 rows of the "Module | HTTP Status Code | Error
//! Code | Description | Error Message | Measure" layout, a Module cell spanning 17 rows; prints ms
//! per MB of each layout and the ratio one-line / line breaks (target at most 1.5).

#[path = "support/report.rs"]
mod report;

use criterion::Criterion;
use std::hint::black_box;
use std::time::{Duration, SystemTime};

const ROWS: usize = 100_000;
const TARGET: f64 = 1.5;

/// The page, with `break_` between tags.
fn page(break_: &str) -> String {
    let mut page = String::with_capacity(ROWS * 330);
    page.push_str("<html><body><table><thead><tr><th>Module</th><th>HTTP Status Code</th><th>Error Code</th>");
    page.push_str(&format!("<th>Description</th><th>Error Message</th><th>Measure</th></tr></thead>{break_}<tbody>"));
    for i in 0..ROWS {
        page.push_str("<tr>");
        page.push_str(break_);
        if i % 17 == 0 {
            page.push_str(&format!("<td rowspan=\"17\"><p>Module {}</p></td>{break_}", i / 17));
        }
        page.push_str(&format!(
            "<td>400</td>{break_}<td><p>BENCH.{i}</p></td>{break_}\
             <td><p>The item <strong>{i}</strong> cannot be used &amp; was skipped.</p></td>{break_}\
             <td>Item %s is invalid: %(reason)s.</td>{break_}<td><p>Check item {{item_id}} and retry.</p></td>{break_}</tr>{break_}"
        ));
    }
    page.push_str("</tbody></table></body></html>");
    page
}

fn main() {
    let since = SystemTime::now();
    let measuring = std::env::args().any(|a| a == "--bench");
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(8))
        .sample_size(10)
        .configure_from_args();
    let layouts = [("one_line", page("")), ("line_breaks", page("\n"))];
    let options = errcat::import::Options::default();
    let mut group = c.benchmark_group("import_layout");
    for (name, page) in &layouts {
        let (entries, _) = errcat::import::parse("page.html", page, &options).expect("the generated page imports");
        assert_eq!(entries.len(), ROWS, "{name}");
        group.bench_function(*name, |b| {
            b.iter(|| black_box(errcat::import::parse("page.html", black_box(page), &options)))
        });
    }
    group.finish();
    c.final_summary();
    if !measuring {
        return;
    }
    let per_mb: Vec<Option<f64>> = layouts
        .iter()
        .map(|(name, page)| {
            report::median_ns("import_layout", name, since).map(|ns| ns / 1e6 / (page.len() as f64 / 1e6))
        })
        .collect();
    let [Some(one_line), Some(breaks)] = per_mb[..] else {
        println!("import_layout: not measured in this run");
        return;
    };
    let ratio = one_line / breaks;
    let verdict = if ratio <= TARGET { "ok" } else { "MISSED" };
    println!("\nimport_layout at {ROWS} rows (ms per MB, criterion medians)");
    println!("one line     {one_line:>10.1}  ({:.1} MB)", layouts[0].1.len() as f64 / 1e6);
    println!("line breaks  {breaks:>10.1}  ({:.1} MB)", layouts[1].1.len() as f64 / 1e6);
    println!("ratio        {ratio:>10.3}  target {TARGET} {verdict}");
}
