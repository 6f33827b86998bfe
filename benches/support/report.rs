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
    println!("\n{:<58} {:>12} {:>12} {:>8} {:>8}", "ratio = ours/baseline", "ours ns", "base ns", "ratio", "target");
    for r in ratios {
        let (Some(ours), Some(base)) =
            (median_ns(r.ours.0, r.ours.1, since), median_ns(r.baseline.0, r.baseline.1, since))
        else {
            println!("{:<58} (not measured in this run)", r.what);
            continue;
        };
        let ratio = ours / base;
        let verdict = if ratio <= r.target { "ok" } else { "MISSED" };
        println!(
            "{:<58} {:>12.2} {:>12.2} {:>8.3} {:>6.2}x {verdict}",
            r.what,
            ours / r.per_call,
            base / r.per_call,
            ratio,
            r.target
        );
    }
}
