//! Runs `errcat check` on every catalog under `tests/fixtures/check/<case>/` and compares the problems
//! (severity, kind, code, locale, path:line:column) and the exit code with the case's `expected.txt`.

use serde_json::Value;
use std::path::{Path, PathBuf};
mod common;

use common::errcat;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/check")
}

/// `severity kind code locale path:line:column`, `-` for what a problem does not have;
/// paths are shown relative to the catalog directory `root`.
fn summarize(problem: &Value, root: &str) -> String {
    let field = |name: &str| problem[name].as_str().unwrap_or("-").to_string();
    let place = match &problem["location"] {
        Value::Null => "-".to_string(),
        l => {
            let path = l["path"].as_str().unwrap_or("?");
            let relative = path.strip_prefix(root).and_then(|p| p.strip_prefix('/'));
            format!("{}:{}:{}", relative.unwrap_or(path), l["line"], l["column"])
        }
    };
    format!("{} {} {} {} {place}", field("severity"), field("kind"), field("code"), field("locale"))
}

#[test]
fn every_case_reports_exactly_its_problems() {
    let mut cases: Vec<PathBuf> = std::fs::read_dir(fixtures()).unwrap().map(|e| e.unwrap().path()).collect();
    cases.sort();
    assert!(cases.len() >= 20, "the corpus has one case per problem class");
    let mut failures = Vec::new();
    for case in &cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let expected = std::fs::read_to_string(case.join("expected.txt")).expect("every case has expected.txt");
        let mut lines = expected.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty());
        let exit: i32 =
            lines.next().and_then(|l| l.strip_prefix("exit ")).and_then(|n| n.parse().ok()).expect("exit N");
        let problems: Vec<String> = lines.map(str::to_string).collect();

        let dir = case.to_str().unwrap();
        let (code, json, _) = errcat(&["check", "--locales", dir, "--format", "json"]);
        let report: Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{name}: bad JSON ({e}): {json}"));
        let found: Vec<String> = report["problems"].as_array().unwrap().iter().map(|p| summarize(p, dir)).collect();
        if found != problems || code != exit {
            failures.push(format!("{name}: expected exit {exit} {problems:#?}\n  got exit {code} {found:#?}"));
        }
        let errors = found.iter().filter(|p| p.starts_with("error ")).count();
        assert_eq!(report["summary"]["errors"], errors, "{name}");

        // The text form shows the same problems, each with its place and, when located, the offending line.
        let (text_code, text, _) = errcat(&["check", "--locales", dir]);
        assert_eq!(text_code, code, "{name}");
        for problem in report["problems"].as_array().unwrap() {
            let header = format!("{}[{}]: ", problem["severity"].as_str().unwrap(), problem["kind"].as_str().unwrap());
            assert!(text.contains(&header), "{name}: {header} not in\n{text}");
            if let (Some(path), Some(line)) = (problem["location"]["path"].as_str(), problem["source_line"].as_str()) {
                assert!(text.contains(&format!("{path}:")), "{name}");
                // Control and bidi characters are shown escaped (`\u{1b}`), in the source line too.
                let line = errcat::hygiene::escape(line);
                assert!(text.contains(&format!(" | {line}")), "{name}: source line `{line}` not shown");
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn shipped_catalog_is_clean() {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let (code, out, _) = errcat(&["check", "--locales", locales.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.ends_with("0 error(s), 0 warning(s)\n"), "{out}");
}

#[test]
fn unreadable_input_exits_2() {
    let (code, _, _) = errcat(&["check", "--locales", "/nonexistent/catalog"]);
    assert_eq!(code, 2);
}

/// A catalog of one code whose message uses the first of `terms` chained terms; the last refers back
/// to the first when `circle`.
fn term_chain(dir: &Path, terms: usize, circle: bool) {
    let mut ftl = String::from("-family-orders = Orders\n");
    for i in 0..terms {
        let next = if i + 1 < terms {
            format!("{{ -t{} }}", i + 1)
        } else if circle {
            "{ -t0 }".into()
        } else {
            "end".into()
        };
        ftl.push_str(&format!("-t{i} = {next}\n"));
    }
    ftl.push_str("DEMO-0001 = The order { -t0 }.\n");
    std::fs::create_dir_all(dir.join("en-US")).unwrap();
    std::fs::write(dir.join("en-US/orders.ftl"), ftl).unwrap();
    std::fs::write(
        dir.join("catalog.toml"),
        "name = \"DEMO\"\nsource_locale = \"en-US\"\nfallback_locale = \"en-US\"\n",
    )
    .unwrap();
}

/// `(kind, code)` of every problem `errcat check` finds in `dir`, checked on a thread with a small
/// stack: walking a 10,000-term chain must not recurse once per term.
fn problems_on_small_stack(dir: &Path) -> Vec<(String, Option<String>)> {
    let dir = dir.to_path_buf();
    let worker = std::thread::Builder::new().stack_size(512 * 1024);
    let report = worker.spawn(move || errcat::check::check(&errcat::check::Inputs::read_dir(&dir).unwrap()));
    let report = report.unwrap().join().expect("check does not overflow a 512 KiB stack");
    report.diagnostics.iter().map(|d| (d.kind.name().to_string(), d.code.clone())).collect()
}

#[test]
fn a_chain_of_10000_terms_is_too_many_placeables_without_deep_recursion() {
    let dir = tempfile::tempdir().unwrap();
    term_chain(dir.path(), 10_000, false);
    let problems = problems_on_small_stack(dir.path());
    assert_eq!(problems, [("too-many-placeables".to_string(), Some("DEMO.0001".to_string()))]);
}

#[test]
fn a_circle_of_10000_terms_is_one_cycle_without_deep_recursion() {
    let dir = tempfile::tempdir().unwrap();
    term_chain(dir.path(), 10_000, true);
    let problems = problems_on_small_stack(dir.path());
    let cycle = "cyclic-reference".to_string();
    assert_eq!(problems, [(cycle.clone(), None), (cycle, Some("DEMO.0001".to_string()))]);
}
