//! Cold start: loading a 10,000-code × 2-locale catalog from files, time and peak memory.
//!
//! `cargo bench --bench coldstart` — writes the synthetic catalog to a temporary directory, times
//! `Catalog::from_dir` (median of several runs) and measures peak RSS (`VmHWM`) in a child process
//! that only loads, next to a child that only builds the equivalent fluent-bundle bundles.
//! Without `--bench` (as under `cargo test`) it loads a small catalog once, as a smoke test.

#[path = "support/synthetic.rs"]
mod synthetic;

use fluent_bundle::{FluentBundle, FluentResource};
use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// Set in the child process to what it loads (`errcat` or `fluent-bundle`) and where.
const CHILD: &str = "ERRCAT_COLDSTART_CHILD";
const CHILD_DIR: &str = "ERRCAT_COLDSTART_DIR";
const CODES: usize = 10_000;
const RUNS: usize = 15;
const TARGET_MS: f64 = 25.0;
const TARGET_RSS_MB: f64 = 30.0;

fn main() {
    if let (Ok(what), Ok(dir)) = (std::env::var(CHILD), std::env::var(CHILD_DIR)) {
        child(&what, Path::new(&dir));
        return;
    }
    let measuring = std::env::args().any(|a| a == "--bench");
    let codes = if measuring { CODES } else { 200 };
    let dir = tempfile::tempdir().expect("temporary directory");
    synthetic::write_dir(dir.path(), codes).expect("write the synthetic catalog");
    let runs = if measuring { RUNS } else { 1 };
    let ours = median(runs, || {
        let catalog = errcat::Catalog::from_dir(dir.path()).expect("the synthetic catalog loads");
        assert_eq!(catalog.codes().len(), codes);
        catalog
    });
    let fluent = median(runs, || fluent_bundles(dir.path()));
    println!("cold start, {codes} codes x 2 locales from files (median of {runs} runs):");
    println!(
        "  errcat Catalog::from_dir   {:>8.2} ms   target <= {TARGET_MS} ms  {}",
        ms(ours),
        verdict(ms(ours) <= TARGET_MS)
    );
    println!("  fluent-bundle bundles only {:>8.2} ms   (reference)", ms(fluent));
    if !measuring {
        return;
    }
    let ((ours_peak, ours_end), (fluent_peak, fluent_end), (floor, _)) =
        (rss_mb("errcat", dir.path()), rss_mb("fluent-bundle", dir.path()), rss_mb("nothing", dir.path()));
    println!("RSS of a child process that only loads (peak = VmHWM, after = VmRSS once loaded):");
    println!(
        "  errcat                     peak {ours_peak:>6.1} MB  after {ours_end:>6.1} MB   target peak <= {TARGET_RSS_MB} MB  {}",
        verdict(ours_peak <= TARGET_RSS_MB)
    );
    println!("  fluent-bundle bundles only peak {fluent_peak:>6.1} MB  after {fluent_end:>6.1} MB   (reference)");
    println!("  process that loads nothing peak {floor:>6.1} MB   (floor)");
}

fn verdict(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "MISSED"
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The median time of `f`; what it returns is dropped outside the timing (unloading is not loading).
fn median<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            let loaded = f();
            let elapsed = start.elapsed();
            drop(loaded);
            elapsed
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// What a service without errcat would build: one fluent-bundle bundle per locale with every file.
fn fluent_bundles(dir: &Path) -> Vec<FluentBundle<FluentResource>> {
    ["zh-CN", "en-US"]
        .into_iter()
        .map(|tag| {
            let mut bundle = FluentBundle::new(vec![tag.parse().expect("valid tag")]);
            let mut paths: Vec<_> =
                std::fs::read_dir(dir.join(tag)).expect("locale dir").flatten().map(|e| e.path()).collect();
            paths.sort();
            for path in paths {
                let text = std::fs::read_to_string(path).expect("readable");
                bundle.add_resource(FluentResource::try_new(text).expect("valid Fluent")).expect("no duplicates");
            }
            bundle
        })
        .collect()
}

fn child(what: &str, dir: &Path) {
    match what {
        "errcat" => {
            let catalog = errcat::Catalog::from_dir(dir).expect("the synthetic catalog loads");
            std::hint::black_box(&catalog);
        }
        "fluent-bundle" => {
            std::hint::black_box(fluent_bundles(dir));
        }
        _ => {}
    }
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let field = |name: &str| status.lines().find_map(|l| l.strip_prefix(name)).map_or("0 kB", str::trim);
    println!("{} {}", field("VmHWM:"), field("VmRSS:"));
}

/// Peak and final RSS in MB of a fresh process that loads `what` from `dir`.
fn rss_mb(what: &str, dir: &Path) -> (f64, f64) {
    let exe = std::env::current_exe().expect("own path");
    let output = Command::new(exe).env(CHILD, what).env(CHILD_DIR, dir).output().expect("spawn self");
    let text = String::from_utf8_lossy(&output.stdout);
    let mut numbers =
        text.split_whitespace().filter(|w| *w != "kB").map(|w| w.parse::<f64>().unwrap_or(f64::NAN) / 1024.0);
    (numbers.next().unwrap_or(f64::NAN), numbers.next().unwrap_or(f64::NAN))
}
