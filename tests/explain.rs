//! `errcat explain CODE [--lang TAG]`: what it prints for the shipped catalog and for a catalog of
//! our own (fallback, retired code, description, documentation link, hostile text), and its exit codes.

mod common;

use common::errcat;
use serde_json::Value;

const LINKABLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogs/linkable");
const HOSTILE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogs/hostile-text");

/// The example body of an explanation: the JSON after its "Example response" line.
fn example(stdout: &str) -> Value {
    let (_, after) = stdout.split_once("Example response: ").expect("an example");
    let (_, json) = after.split_once('\n').unwrap();
    serde_json::from_str(json).expect("the example is JSON")
}

#[test]
fn explains_a_shipped_code_with_the_body_a_service_sends() {
    let (code, stdout, _) = errcat(&["explain", "CSBS.3000", "--lang", "en-US"]);
    assert_eq!(code, 0);
    assert!(stdout.starts_with("CSBS.3000: The backup policy does not exist.\n"), "{stdout}");
    assert!(stdout.contains("  HTTP status  404 Not Found\n"), "{stdout}");
    assert!(stdout.contains("  family       Backup policies (policy)\n"), "{stdout}");
    assert!(stdout.contains("Example response: HTTP 404, application/json, Content-Language: en-US\n"), "{stdout}");
    let (_, body, _) = errcat(&["localize", "CSBS.3000", "--lang", "en-US", "--json"]);
    assert_eq!(example(&stdout), serde_json::from_str::<Value>(&body).unwrap(), "the example is the real body");
    let (_, zh, _) = errcat(&["explain", "CSBS.0001", "--lang", "zh_CN"]);
    assert!(zh.starts_with("CSBS.0001: 备份策略数量达到上限。\n"), "{zh}");
    assert!(zh.contains("Suggestion: 请删除其他备份策略后重试。\n"), "{zh}");
    assert!(zh.contains("  family       备份策略 (policy)\n"), "{zh}");
}

#[test]
fn explains_fallback_retired_codes_descriptions_and_docs_links() {
    let (code, stdout, _) = errcat(&["explain", "LINK.0003", "--lang", "en", "--locales", LINKABLE]);
    assert_eq!(code, 0);
    assert!(
        stdout.starts_with("LINK.0003: 账户已注销。\n\n注销后的账户不能恢复。\n"),
        "the description, as text: {stdout}"
    );
    assert!(stdout.contains("  locale       en-US (not translated: shown in zh-CN)\n"), "{stdout}");
    assert!(stdout.contains("  docs         https://docs.example.com/errors/zh-CN/#LINK.0003\n"), "{stdout}");
    assert!(stdout.contains("  family       账户\n"), "a family without a title shows its id: {stdout}");
    assert!(stdout.contains("Content-Language: zh-CN\n"), "{stdout}");
    assert_eq!(example(&stdout)["error_msg"], "账户已注销。");

    let (_, retired, _) = errcat(&["explain", "LINK.0004", "--locales", LINKABLE]);
    assert!(retired.contains("\nRetired: Merged into LINK.0003.\n"), "{retired}");
    let (_, status, _) = errcat(&["explain", "LINK.card_declined", "--locales", LINKABLE]);
    assert!(status.contains("  HTTP status  402 Payment Required\n"), "{status}");
    assert!(
        status.contains("&lt;b&gt; is no tag, C:\\temp\\* is a path"),
        "entities and backslashes as written: {status}"
    );
}

#[test]
fn variables_and_plurals_are_shown_as_display_forms() {
    const INTL: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogs/intl");
    let (code, stdout, _) = errcat(&["explain", "INTL.0001", "--lang", "ru", "--locales", INTL]);
    assert_eq!(code, 0, "{stdout}");
    let first = stdout.lines().next().unwrap();
    assert!(
        first.starts_with("INTL.0001: one: ") && first.contains(" / few: ") && first.contains("{count}"),
        "{first}"
    );
    assert!(!stdout.contains("$count") && !stdout.contains("NUMBER("), "no Fluent syntax: {stdout}");
    let body = example(&stdout);
    assert_eq!(body["error_msg"].as_str().unwrap(), first.trim_start_matches("INTL.0001: "), "{stdout}");
}

#[test]
fn control_characters_are_escaped_for_the_terminal() {
    for lang in ["en-US", "zh-CN"] {
        let (code, stdout, _) = errcat(&["explain", "HOST.0002", "--lang", lang, "--locales", HOSTILE]);
        assert_eq!(code, 0);
        assert!(!stdout.chars().any(|c| errcat::hygiene::hazard(c).is_some()), "{lang}: {stdout:?}");
        assert!(stdout.contains("\\u{1b}]0;pwned\\u{7}"), "{lang}: {stdout}");
        let (_, first, _) = errcat(&["explain", "HOST.0001", "--lang", lang, "--locales", HOSTILE]);
        assert!(first.contains("invoice_\\u{202e}fdp.exe"), "{lang}: {first}");
        assert!(!first.chars().any(|c| errcat::hygiene::hazard(c).is_some()), "{lang}: {first:?}");
    }
}

#[test]
fn an_unknown_code_is_a_problem_and_an_empty_one_a_usage_error() {
    let (code, stdout, stderr) = errcat(&["explain", "CSBS.42"]);
    assert_eq!((code, stdout.as_str()), (1, ""));
    assert!(stderr.contains("unknown error code `CSBS.42`"), "{stderr}");
    let (code, _, stderr) = errcat(&["explain", " "]);
    assert_eq!(code, 2, "{stderr}");
}
