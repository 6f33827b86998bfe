//! `errcat stats` counts codes per locale, on fixture catalogs whose problems are known.

use serde_json::Value;
use std::path::Path;
use std::process::Command;

fn stats(case: &str) -> Vec<Value> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(case);
    let output = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["stats", "--format", "json", "--locales", dir.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice::<Value>(&output.stdout).unwrap().as_array().unwrap().clone()
}

/// (locale, translated, missing, stale, untranslated, complete, percent)
fn row(v: &Value) -> (String, u64, u64, u64, u64, u64, f64) {
    let n = |k: &str| v[k].as_u64().unwrap();
    (
        v["locale"].as_str().unwrap().into(),
        n("translated"),
        n("missing"),
        n("stale"),
        n("untranslated"),
        n("complete"),
        v["percent_complete"].as_f64().unwrap(),
    )
}

#[test]
fn counts_each_state() {
    let shipped = stats("locales");
    assert_eq!(row(&shipped[0]), ("zh-CN".into(), 70, 0, 0, 0, 70, 100.0));
    assert_eq!(row(&shipped[1]), ("en-US".into(), 70, 0, 0, 0, 70, 100.0));
    assert_eq!(shipped[0]["source"], true);
    let en = |case: &str| row(&stats(&format!("tests/fixtures/check/{case}"))[1]);
    assert_eq!(en("stale"), ("en-US".into(), 3, 0, 1, 0, 2, 66.6));
    assert_eq!(en("missing-message"), ("en-US".into(), 2, 1, 0, 0, 2, 66.6));
    assert_eq!(en("untranslated-chinese"), ("en-US".into(), 3, 0, 0, 1, 2, 66.6));
    assert_eq!(en("no-review-file"), ("en-US".into(), 3, 0, 3, 0, 0, 0.0));
}

#[test]
fn text_table_has_a_row_per_locale() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check/stale");
    let output = Command::new(env!("CARGO_BIN_EXE_errcat"))
        .args(["stats", "--locales", dir.to_str().unwrap()])
        .output()
        .unwrap();
    let text = String::from_utf8(output.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 3, "{text}");
    assert!(lines[0].starts_with("locale") && lines[0].ends_with("complete"));
    assert!(lines[2].starts_with("en-US") && lines[2].ends_with("66.6%"), "{text}");
}
