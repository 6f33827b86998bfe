//! `errcat diff OLD NEW`: one fixture pair per change class (tests/fixtures/diff/<case>/new against
//! tests/fixtures/diff/base) with the expected output in each format and the expected exit code;
//! git revisions read without writing anything; the shipped catalog against itself.
//!
//! After an intended change of the output, regenerate the expected files and review the diff:
//! `ERRCAT_BLESS=1 cargo test --test diff` (the `exit` files are written by hand).

mod common;

use common::{copy_dir, errcat};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/diff")
}

const FORMATS: [(&str, &str); 3] = [("text", "expected.txt"), ("markdown", "expected.md"), ("json", "expected.json")];

#[test]
fn every_change_class_gives_its_expected_output_and_exit_code() {
    let base = fixtures().join("base");
    let mut cases: Vec<PathBuf> =
        std::fs::read_dir(fixtures()).unwrap().map(|e| e.unwrap().path()).filter(|p| p.join("new").is_dir()).collect();
    cases.sort();
    assert!(cases.len() >= 10, "one case per change class: {cases:?}");
    let bless = std::env::var_os("ERRCAT_BLESS").is_some();
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy();
        let exit: i32 = std::fs::read_to_string(case.join("exit")).unwrap().trim().parse().unwrap();
        for (format, file) in FORMATS {
            let new = case.join("new");
            let (code, stdout, stderr) =
                errcat(&["diff", base.to_str().unwrap(), new.to_str().unwrap(), "--format", format]);
            if code != exit {
                failures.push(format!("{name} --format {format}: exit {code}, expected {exit}: {stderr}"));
            }
            if bless {
                std::fs::write(case.join(file), &stdout).unwrap();
            }
            let expected = std::fs::read_to_string(case.join(file)).unwrap_or_default();
            if stdout != expected {
                failures.push(format!("{name} --format {format}:\n--- expected\n{expected}\n--- got\n{stdout}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}\n(review, then ERRCAT_BLESS=1 cargo test --test diff)", failures.join("\n"));
}

#[test]
fn the_json_report_says_what_breaks() {
    let (code, stdout, _) = errcat(&[
        "diff",
        fixtures().join("base").to_str().unwrap(),
        fixtures().join("status/new").to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let report: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    assert_eq!(report["breaking"], true);
    assert_eq!(
        report["changes"],
        serde_json::json!([{"kind": "status_changed", "code": "SHIP.0002", "old": 422, "new": 400, "breaking": true}])
    );
}

#[test]
fn the_shipped_catalog_against_itself_reports_nothing() {
    let locales = concat!(env!("CARGO_MANIFEST_DIR"), "/locales");
    for format in ["text", "markdown"] {
        let (code, stdout, _) = errcat(&["diff", locales, locales, "--format", format]);
        assert_eq!((code, stdout.as_str()), (0, ""), "{format}");
    }
    let (code, stdout, _) = errcat(&["diff", locales, locales, "--format", "json"]);
    assert_eq!(code, 0);
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&stdout).unwrap(),
        serde_json::json!({"breaking": false, "changes": []})
    );
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args(["-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(status.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&status.stderr));
}

/// Every path under `dir` with its contents (`.git` left out): what a command may have written.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(path) = pending.pop() {
        for entry in std::fs::read_dir(&path).unwrap() {
            let path = entry.unwrap().path();
            if path.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            if path.is_dir() {
                pending.push(path.clone());
                out.push((path, Vec::new()));
            } else {
                out.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn git_revisions_are_read_as_blobs_and_nothing_is_written() {
    let repo = tempfile::tempdir().unwrap();
    let root = repo.path();
    git(root, &["init", "-q"]);
    copy_dir(&fixtures().join("base"), &root.join("locales"));
    // Hidden folders and non-catalog files are not read, as on disk.
    std::fs::create_dir_all(root.join("locales/en-US/.drafts")).unwrap();
    std::fs::write(root.join("locales/en-US/.drafts/broken.ftl"), "SHIP-0001 = { broken\n").unwrap();
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "base"]);
    std::fs::remove_dir_all(root.join("locales")).unwrap();
    copy_dir(&fixtures().join("status/new"), &root.join("locales"));
    git(root, &["add", "-A"]);
    git(root, &["commit", "-q", "-m", "status"]);
    // The working tree holds a third version: the revisions, not the files, are compared.
    std::fs::write(root.join("locales/catalog.toml"), "not toml [").unwrap();
    let before = snapshot(root);

    let run = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_errcat")).args(args).current_dir(root).output().unwrap();
        (output.status.code(), String::from_utf8_lossy(&output.stdout).into_owned())
    };
    let expected = std::fs::read_to_string(fixtures().join("status/expected.txt")).unwrap();
    assert_eq!(run(&["diff", "HEAD~1", "HEAD"]), (Some(1), expected.clone()));
    assert_eq!(run(&["diff", "HEAD~1:locales", "HEAD:locales/"]), (Some(1), expected));
    assert_eq!(run(&["diff", "HEAD", "HEAD"]), (Some(0), String::new()));
    let fixture = fixtures().join("status/new");
    assert_eq!(run(&["diff", "HEAD", fixture.to_str().unwrap()]).0, Some(0), "a revision against a directory");
    assert_eq!(run(&["diff", "no-such-rev", "HEAD"]).0, Some(2));
    assert_eq!(run(&["diff", "HEAD", "HEAD:missing"]).0, Some(2));
    assert_eq!(snapshot(root), before, "nothing was written");
}
