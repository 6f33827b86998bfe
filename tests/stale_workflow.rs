//! The translator workflow around stale translations, on a copy of the shipped catalog:
//! change a zh-CN text, `check` reports the en-US translation stale (old and new source),
//! `review` marks it reviewed, `check` is clean again.

use std::path::Path;
mod common;

use common::{copy_dir, errcat};

#[test]
fn changed_source_is_stale_until_reviewed() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("locales");
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales"), &root);
    let dir = root.to_str().unwrap();
    let lock = root.join("en-US/reviewed.toml");
    let reviewed_before = std::fs::read_to_string(&lock).unwrap();
    assert_eq!(errcat(&["check", "--locales", dir]).0, 0);

    let policy = root.join("zh-CN/policy.ftl");
    let text = std::fs::read_to_string(&policy).unwrap();
    let old = "CSBS-3000 = 备份策略不存在。";
    assert!(text.contains(old));
    std::fs::write(&policy, text.replace(old, "CSBS-3000 = 指定的备份策略不存在。")).unwrap();

    let (code, out, _) = errcat(&["check", "--locales", dir]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[stale]: CSBS.3000 (en-US): value is stale"), "{out}");
    assert!(out.contains("was: “备份策略不存在。”") && out.contains("now: “指定的备份策略不存在。”"), "{out}");
    assert!(out.contains("1 error(s)"), "only the changed text is stale:\n{out}");

    // Reviewing another code does not clear it.
    let (code, out, _) = errcat(&["review", "--locales", dir, "--lang", "en-US", "CSBS.0001"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("0 record(s) changed"), "{out}");
    assert_eq!(errcat(&["check", "--locales", dir]).0, 1);

    let (code, out, _) = errcat(&["review", "--locales", dir, "--lang", "en-US", "CSBS.3000"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("en-US: reviewed CSBS.3000 value"), "{out}");
    let (code, out, _) = errcat(&["check", "--locales", dir]);
    assert_eq!(code, 0, "{out}");

    // The record changed on exactly one line, and a second review changes nothing.
    let reviewed_after = std::fs::read_to_string(&lock).unwrap();
    let changed: Vec<_> = reviewed_before.lines().zip(reviewed_after.lines()).filter(|(a, b)| a != b).collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.contains("指定的备份策略不存在。"));
    errcat(&["review", "--locales", dir]);
    assert_eq!(std::fs::read_to_string(&lock).unwrap(), reviewed_after);
}

#[test]
fn review_refuses_bad_arguments() {
    let locales = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let dir = locales.to_str().unwrap();
    let (code, _, out) = errcat(&["review", "--locales", dir, "--lang", "zh-CN"]);
    assert_eq!(code, 2);
    assert!(out.contains("source locale"), "{out}");
    let (code, _, out) = errcat(&["review", "--locales", dir, "CSBS.4242"]);
    assert_eq!(code, 2);
    assert!(out.contains("unknown error code `CSBS.4242`"), "{out}");
}
