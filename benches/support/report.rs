//! Reads the medians criterion measured in this run and prints ratios against the targets.

#![allow(dead_code)]

use std::path::PathBuf;
use std::time::SystemTime;

/// Criterion's output directory, found as criterion finds it.
fn criterion_home() -> PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return PathBuf::from(home);
    }
    if let Some(target) = std::env::var_os("CARGO_TARGET_DIR") {
        return PathBuf::from(target).join("criterion");
    }
    // The bench binary is target/<profile>/deps/<name>: its grandparent's parent is the target dir.
    std::env::current_exe()
        .ok()
        .and_then(|exe| Some(exe.parent()?.parent()?.parent()?.join("criterion")))
        .unwrap_or_else(|| PathBuf::from("target/criterion"))
}

/// The median of one benchmark in ns per iteration, if it was measured since `since`.
pub fn median_ns(group: &str, function: &str, since: SystemTime) -> Option<f64> {
    let path = criterion_home().join(group).join(function).join("new/estimates.json");
    let modified = std::fs::metadata(&path).ok()?.modified().ok()?;
    if modified < since {
        return None;
    }
    let json: serde_json::Value = serde_json::from_slice(&std::fs::read(path).ok()?).ok()?;
    json["median"]["point_estimate"].as_f64()
}

/// One line of the summary: what, our median, the baseline's median, the ratio and whether it meets `target`.
pub struct Ratio<'a> {
    pub what: &'a str,
    pub ours: (&'a str, &'a str),
    pub baseline: (&'a str, &'a str),
    /// Iterations per measured call (a batch of lookups counts as that many).
    pub per_call: f64,
    pub target: f64,
}

/// Prints every ratio whose two sides were measured in this run.
pub fn print(ratios: &[Ratio<'_>], since: SystemTime) {
    println!(
        "\n{:<58} {:>12} {:>12} {:>8} {:>8}",
        "criterion medians: ratio = ours/baseline", "ours ns", "base ns", "ratio", "target"
    );
    for r in ratios {
        let (Some(ours), Some(base)) =
            (median_ns(r.ours.0, r.ours.1, since), median_ns(r.baseline.0, r.baseline.1, since))
        else {
            println!("{:<58} (not measured in this run)", r.what);
            continue;
        };
        line(r, ours / r.per_call, base / r.per_call);
    }
}

fn line(r: &Ratio<'_>, ours: f64, base: f64) {
    line_with_ratio(r, ours, base, ours / base);
}

/// Rounds of the interleaved timer: each round times one call of each side, alternating which goes first.
const ROUNDS: usize = 101;

/// Ratios timed by alternating the two sides call by call, so that load from other processes on a
/// shared machine hits both alike; the median of the per-round ratios is printed.
/// Named cases per group, as the benches register them.
pub type Groups<'g> = [(&'g str, Vec<(&'static str, Box<dyn FnMut()>)>)];

pub fn print_interleaved(ratios: &[Ratio<'_>], groups: &mut Groups<'_>) {
    println!(
        "\n{:<58} {:>12} {:>12} {:>8} {:>8}",
        "interleaved medians: ratio = ours/baseline", "ours ns", "base ns", "ratio", "target"
    );
    for r in ratios {
        let (mut ours_times, mut base_times, mut quotients) = (Vec::new(), Vec::new(), Vec::new());
        for round in 0..ROUNDS {
            let mut timed = |side: (&str, &str)| -> Option<f64> {
                let (_, cases) = groups.iter_mut().find(|(g, _)| *g == side.0)?;
                let (_, run) = cases.iter_mut().find(|(n, _)| *n == side.1)?;
                let start = std::time::Instant::now();
                run();
                Some(start.elapsed().as_nanos() as f64 / r.per_call)
            };
            let (ours, base) = if round % 2 == 0 {
                let ours = timed(r.ours);
                (ours, timed(r.baseline))
            } else {
                let base = timed(r.baseline);
                (timed(r.ours), base)
            };
            let (Some(ours), Some(base)) = (ours, base) else { break };
            ours_times.push(ours);
            base_times.push(base);
            quotients.push(ours / base);
        }
        if quotients.is_empty() {
            continue;
        }
        let ratio = median(&mut quotients);
        line_with_ratio(r, median(&mut ours_times), median(&mut base_times), ratio);
    }
}

fn line_with_ratio(r: &Ratio<'_>, ours: f64, base: f64, ratio: f64) {
    let target = if r.target.is_finite() { format!("{:.2}x", r.target) } else { "-".into() };
    let verdict = match (r.target.is_finite(), ratio <= r.target) {
        (false, _) => "",
        (true, true) => "ok",
        (true, false) => "MISSED",
    };
    println!("{:<58} {ours:>12.2} {base:>12.2} {ratio:>8.3} {target:>8} {verdict}", r.what);
}

fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
