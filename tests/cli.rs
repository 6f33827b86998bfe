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

/// Control characters and bidi controls: C0 except tab and line feed, DEL, C1, U+202A–U+202E, U+2066–U+2069.
fn is_hazard(c: char) -> bool {
    (c < ' ' && c != '\t' && c != '\n')
        || ('\u{7f}'..='\u{9f}').contains(&c)
        || ('\u{202a}'..='\u{202e}').contains(&c)
        || ('\u{2066}'..='\u{2069}').contains(&c)
}

fn assert_no_hazard(what: &str, output: &[u8]) {
    let output = text(output);
    assert!(!output.chars().any(is_hazard), "{what} printed a raw control or bidi character: {output:?}");
}

#[test]
fn localize_list_and_check_print_control_and_bidi_characters_escaped() {
    let dir = fixture("hostile-text");
    let out = errcat(&["localize", "HOST.0001", "--lang", "en-US", "--locales", &dir]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_no_hazard("localize", &out.stdout);
    assert_eq!(
        text(&out.stdout),
        "HOST.0001 (HTTP 400, en-US): The file invoice_\\u{202e}fdp.exe is damaged.\nsuggestion: Try again\\u{1b}[2J.\n"
    );
    let out = errcat(&["localize", "HOST.0002", "--lang", "zh-CN", "--locales", &dir]);
    assert_no_hazard("localize", &out.stdout);
    assert!(text(&out.stdout).contains("终端\\u{1b}]0;pwned\\u{7}标题。"), "{}", text(&out.stdout));

    // JSON: escaped as JSON (\u202e), and the value is exactly the text.
    let out = errcat(&["localize", "HOST.0002", "--lang", "en-US", "--locales", &dir, "--json"]);
    assert_no_hazard("localize --json", &out.stdout);
    let body: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(body["error_msg"], "Terminal \u{0}title\u{1b}]0;pwned\u{7}.");
    let out = errcat(&["localize", "HOST.0001", "--lang", "en-US", "--locales", &dir, "--json"]);
    assert_no_hazard("localize --json", &out.stdout);
    assert!(text(&out.stdout).contains("invoice_\\u202efdp.exe"), "{}", text(&out.stdout));

    let out = errcat(&["list", "--locales", &dir]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_no_hazard("list", &out.stdout);
    assert!(text(&out.stdout).contains("HOST.0002\t400\tfiles\tTerminal \\u{0}title\\u{1b}]0;pwned\\u{7}."));
    let out = errcat(&["list", "--locales", &dir, "--json"]);
    assert_no_hazard("list --json", &out.stdout);
    let rows: Vec<serde_json::Value> = text(&out.stdout).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(rows[0]["message"], "The file invoice_\u{202e}fdp.exe is damaged.");

    // check reports them, and its report (text and JSON) does not contain them raw either.
    let out = errcat(&["check", "--locales", &dir]);
    assert_eq!(out.status.code(), Some(1));
    assert_no_hazard("check", &out.stdout);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("error[bidi-control]: HOST.0001 (en-US): value contains the bidi control U+202E"),
        "{stdout}"
    );
    assert!(stdout.contains("3 | HOST-0001 = The file invoice_\\u{202e}fdp.exe is damaged."), "{stdout}");
    let out = errcat(&["check", "--locales", &dir, "--format", "json"]);
    assert_no_hazard("check --format json", &out.stdout);
}

#[test]
fn pages_show_control_and_bidi_characters_as_markers() {
    let out_dir = tempfile::tempdir().expect("temporary directory");
    let out_path = out_dir.path().join("out");
    let out_path = out_path.to_str().unwrap();
    let out = errcat(&["build", "--locales", &fixture("hostile-text"), "--out", out_path]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    for page in ["en-US/index.html", "zh-CN/index.html", "en-US/error-codes.md", "zh-CN/error-codes.md"] {
        let written = std::fs::read(format!("{out_path}/{page}")).expect("page written");
        assert_no_hazard(page, &written);
    }
    let html = std::fs::read_to_string(format!("{out_path}/en-US/index.html")).unwrap();
    assert!(html.contains("invoice_&lt;U+202E&gt;fdp.exe"), "the override is shown, not applied");
    assert!(html.contains("Try again&lt;U+001B&gt;[2J."));
    let markdown = std::fs::read_to_string(format!("{out_path}/en-US/error-codes.md")).unwrap();
    assert!(markdown.contains("invoice\\_\\<U+202E\\>fdp.exe"), "{markdown}");
}
