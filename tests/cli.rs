//! The `errcat` command line: output, exit codes (0 ok, 1 problem found, 2 usage/input error), error messages.

use std::process::{Command, Output};

fn errcat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcat")).args(args).output().expect("errcat runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/catalogs/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn localize_prints_message_and_suggestion_in_the_requested_language() {
    let out = errcat(&["localize", "CSBS.6024", "--lang", "en-US"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let errcat::Localized { message, suggestion, .. } = errcat::localize("CSBS.6024", "en-US").unwrap();
    assert_eq!(stdout, format!("CSBS.6024 (HTTP 400, en-US): {message}\nsuggestion: {}\n", suggestion.unwrap()));

    let out = errcat(&["localize", "CSBS.6024", "--accept-language", "zh-CN,zh;q=0.9"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        text(&out.stdout).starts_with("CSBS.6024 (HTTP 400, zh-CN): 云服务器挂载的云硬盘的容量小于备份盘"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn localize_json_prints_the_wire_format() {
    let out = errcat(&["localize", "CSBS.3000", "--lang", "zh_CN", "--json"]);
    assert_eq!(out.status.code(), Some(0));
    let body: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(body, serde_json::json!({"error_code": "CSBS.3000", "error_msg": "备份策略不存在。"}));
}

#[test]
fn unknown_code_exits_1_and_names_it() {
    let out = errcat(&["localize", "CSBS.0000", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("unknown error code `CSBS.0000`"), "{}", text(&out.stderr));
    assert!(out.stdout.is_empty());
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["localize"][..],
        &["localize", "CSBS.0001", "--arg", "novalue"],
        &["localize", "CSBS.0001", "--lang", "en", "--accept-language", "zh"],
        &["frobnicate"],
    ] {
        let out = errcat(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", text(&out.stderr));
        assert!(!out.stderr.is_empty());
    }
}

#[test]
fn arguments_fill_variables_and_a_missing_one_exits_1() {
    let dir = fixture("fallback");
    let out =
        errcat(&["localize", "A.4", "--lang", "en", "--locales", &dir, "--arg", "limit=3", "--arg", "kind=disks"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("At most 3 disks are allowed."));
    let out = errcat(&["localize", "A.4", "--lang", "en", "--locales", &dir, "--arg", "limit=3"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("missing argument `$kind`"), "{}", text(&out.stderr));
}

#[test]
fn a_broken_catalog_is_reported_in_full_with_locations() {
    let out = errcat(&["list", "--locales", &fixture("broken")]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    for expected in [
        "broken/zh-CN/main.ftl:2:5: error[syntax]",
        "broken/zh-CN/main.ftl:3:1: error[invalid-id]",
        "broken/zh-CN/main.ftl:5:1: error[syntax]",
    ] {
        assert!(stderr.contains(expected), "{expected} not in:\n{stderr}");
    }
    assert!(stderr.contains("could not be loaded: 3 error(s)"), "{stderr}");
}

#[test]
fn a_missing_catalog_directory_exits_2() {
    let out = errcat(&["list", "--locales", "/nonexistent/errcat"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("/nonexistent/errcat: not a directory"), "{}", text(&out.stderr));
}

#[test]
fn list_shows_every_code_once() {
    let out = errcat(&["list", "--lang", "zh"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let codes: Vec<&str> = stdout.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(codes.len(), 70);
    assert_eq!(codes, errcat::catalog().codes().map(|e| e.code()).collect::<Vec<_>>());
    assert!(stdout.contains("CSBS.3000\t404\tpolicy\t备份策略不存在。"), "{stdout}");
}
