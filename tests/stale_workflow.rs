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
    let lock = root.join("reviews/en-US.toml");
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

/// A copy of the shipped catalog with its en-US review records moved back to the old place
/// (`en-US/reviewed.toml`), as older catalogs kept them; returns the records' text.
fn catalog_with_records_in_the_old_place(root: &Path) -> String {
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("locales"), root);
    let records = std::fs::read_to_string(root.join("reviews/en-US.toml")).unwrap();
    std::fs::rename(root.join("reviews/en-US.toml"), root.join("en-US/reviewed.toml")).unwrap();
    records
}

fn parse_records(path: &Path) -> errcat::check::ReviewLock {
    let text = std::fs::read_to_string(path).unwrap();
    errcat::check::ReviewLock::parse(&errcat::SourceFile { path: "r.toml".into(), text: text.into() }).unwrap()
}

#[test]
fn migrate_moves_records_out_of_the_locale_folder_losing_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("locales");
    let records = catalog_with_records_in_the_old_place(&root);
    let dir = root.to_str().unwrap();
    let (code, out, _) = errcat(&["check", "--locales", dir]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("error[misplaced-review]") && out.contains("errcat review --migrate"), "{out}");
    // Marking reviews would leave two files; it waits for the migration.
    let (code, _, err) = errcat(&["review", "--locales", dir]);
    assert_ne!(code, 0);
    assert!(err.contains("review --migrate"), "{err}");

    let (code, out, err) = errcat(&["review", "--migrate", "--locales", dir]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("record(s) moved to"), "{out}");
    assert!(!root.join("en-US/reviewed.toml").exists());
    assert_eq!(
        std::fs::read_to_string(root.join("reviews/en-US.toml")).unwrap(),
        records,
        "every record, byte for byte"
    );
    assert_eq!(errcat(&["check", "--locales", dir]).0, 0);
    let (code, out, _) = errcat(&["review", "--migrate", "--locales", dir]);
    assert_eq!(code, 0);
    assert!(out.contains("nothing to migrate"), "{out}");
}

#[test]
fn migrate_merges_records_kept_in_both_places() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("locales");
    catalog_with_records_in_the_old_place(&root);
    let all = parse_records(&root.join("en-US/reviewed.toml"));
    // Split the records: the first half stays in the old place, the rest goes to the new one.
    let codes: Vec<String> = all.records.keys().cloned().collect();
    let (old_codes, new_codes) = codes.split_at(codes.len() / 2);
    let part = |codes: &[String]| {
        let mut lock = errcat::check::ReviewLock::default();
        lock.records = codes.iter().map(|c| (c.clone(), all.records[c].clone())).collect();
        lock.to_toml("en-US", "zh-CN")
    };
    std::fs::write(root.join("en-US/reviewed.toml"), part(old_codes)).unwrap();
    std::fs::create_dir_all(root.join("reviews")).unwrap();
    std::fs::write(root.join("reviews/en-US.toml"), part(new_codes)).unwrap();

    let dir = root.to_str().unwrap();
    let (code, out, err) = errcat(&["review", "--migrate", "--locales", dir]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("merged into"), "{out}");
    assert!(!root.join("en-US/reviewed.toml").exists());
    assert_eq!(parse_records(&root.join("reviews/en-US.toml")).records, all.records);
    assert_eq!(errcat(&["check", "--locales", dir]).0, 0);
}

#[test]
fn migrate_refuses_records_that_disagree_and_changes_nothing() {
    let temp = tempfile::tempdir().unwrap();
    let root = temp.path().join("locales");
    let records = catalog_with_records_in_the_old_place(&root);
    // The new place records CSBS.3000 against another source text.
    let mut other = parse_records(&root.join("en-US/reviewed.toml"));
    let value = other.records.get_mut("CSBS.3000").unwrap().get_mut("value").unwrap();
    *value = errcat::check::review::Record::of("另一个原文。");
    std::fs::create_dir_all(root.join("reviews")).unwrap();
    let other_text = other.to_toml("en-US", "zh-CN");
    std::fs::write(root.join("reviews/en-US.toml"), &other_text).unwrap();

    let dir = root.to_str().unwrap();
    let (code, out, err) = errcat(&["review", "--migrate", "--locales", dir]);
    assert_ne!(code, 0, "{out}");
    assert!(err.contains("CSBS.3000 value of en-US") && err.contains("另一个原文。"), "{err}");
    assert!(err.contains("nothing was changed"), "{err}");
    assert_eq!(std::fs::read_to_string(root.join("en-US/reviewed.toml")).unwrap(), records);
    assert_eq!(std::fs::read_to_string(root.join("reviews/en-US.toml")).unwrap(), other_text);
}
