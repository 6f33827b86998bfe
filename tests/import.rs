//! `errcat import`: the seed page round-trips to the shipped zh-CN catalog, merges never overwrite
//! silently, Markdown tables with statuses and placeholders, and a clear error for every bad page.

use errcat::{Catalog, SUGGESTION};
use std::path::{Path, PathBuf};
mod common;

use common::{copy_dir, errcat};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn seed() -> PathBuf {
    root().join("tests/fixtures/seed-csbs-zh-CN.html.txt")
}

/// Every file under `dir` with its bytes, for before/after comparisons.
fn snapshot(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
    let mut files = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        for entry in std::fs::read_dir(&d).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                files.push((path.clone(), std::fs::read(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

/// Each entry of the `.ftl` files of `dir`: its id → its lines (the first and the indented ones).
fn entries(dir: &Path) -> std::collections::BTreeMap<String, String> {
    let mut entries = std::collections::BTreeMap::new();
    for (_, bytes) in snapshot(dir) {
        let mut current: Option<String> = None;
        for line in String::from_utf8(bytes).unwrap().lines() {
            if line.starts_with(|c: char| c.is_ascii_alphabetic()) {
                let id = line.split(" =").next().unwrap().to_string();
                entries.insert(id.clone(), format!("{line}\n"));
                current = Some(id);
            } else if let (Some(id), true) = (&current, line.starts_with(' ')) {
                entries.get_mut(id).unwrap().push_str(&format!("{line}\n"));
            } else {
                current = None;
            }
        }
    }
    entries
}

#[test]
fn seed_into_empty_catalog_reproduces_shipped_zh_cn() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("catalog");
    let (code, out, err) =
        errcat(&["import", seed().to_str().unwrap(), "--lang", "zh-CN", "--locales", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(out.contains("zh-CN: 70 added, 0 changed, 0 unchanged"), "{out}");

    let imported = Catalog::from_dir(&dir).unwrap();
    let shipped = Catalog::embedded();
    let zh = shipped.locale_index("zh-CN").unwrap();
    let codes = |c: &Catalog| c.codes().map(|e| e.code().to_string()).collect::<Vec<_>>();
    assert_eq!(codes(&imported), codes(shipped));
    for entry in shipped.codes() {
        let want = entry.texts(zh).unwrap();
        let got = imported.get(entry.code()).unwrap().texts(imported.source_index()).unwrap();
        assert_eq!(got.value().source(), want.value().source(), "{}", entry.code());
        assert_eq!(
            got.attribute(SUGGESTION).map(|t| t.source()),
            want.attribute(SUGGESTION).map(|t| t.source()),
            "{}",
            entry.code()
        );
    }

    // Each entry is written as the shipped file writes it, byte for byte (comments and the split
    // into family files aside: the seed page has no Module column to carry them).
    let shipped_entries = entries(&root().join("locales/zh-CN"));
    assert_eq!(shipped_entries.len(), 70);
    assert_eq!(entries(&dir.join("zh-CN")), shipped_entries);

    // Importing again changes nothing, byte for byte.
    let before = snapshot(&dir);
    let (_, out, _) =
        errcat(&["import", seed().to_str().unwrap(), "--lang", "zh-CN", "--locales", dir.to_str().unwrap()]);
    assert!(out.contains("0 added, 0 changed, 70 unchanged"), "{out}");
    assert_eq!(snapshot(&dir), before);
    let (code, out, _) = errcat(&["check", "--locales", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
}

#[test]
fn changed_rows_are_reported_diffed_and_make_translations_stale() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("locales");
    copy_dir(&root().join("locales"), &dir);
    let d = dir.to_str().unwrap();
    let shipped = snapshot(&dir);
    let (code, out, err) = errcat(&["import", seed().to_str().unwrap(), "--lang", "zh-CN", "--locales", d]);
    assert_eq!((code, snapshot(&dir) == shipped), (0, true), "{out}{err}");
    assert!(out.contains("0 added, 0 changed, 70 unchanged"), "{out}");

    let page =
        std::fs::read_to_string(seed()).unwrap().replace("描述：备份策略不存在。", "描述：指定的备份策略不存在。");
    let page_path = temp.path().join("page.html");
    std::fs::write(&page_path, page).unwrap();
    let p = page_path.to_str().unwrap();
    let (code, out, _) = errcat(&["import", p, "--lang", "zh-CN", "--locales", d, "--dry-run"]);
    assert_eq!(code, 0);
    assert!(out.contains("changed  CSBS.3000 value: “备份策略不存在。” → “指定的备份策略不存在。”"), "{out}");
    assert!(out.contains("--- a/zh-CN/policy.ftl\n+++ b/zh-CN/policy.ftl\n"), "{out}");
    assert!(out.contains("\n-CSBS-3000 = 备份策略不存在。\n+CSBS-3000 = 指定的备份策略不存在。\n"), "{out}");
    assert_eq!(snapshot(&dir), shipped, "a dry run writes nothing");

    let (code, _, _) = errcat(&["import", p, "--lang", "zh-CN", "--locales", d]);
    assert_eq!(code, 0);
    let policy = std::fs::read_to_string(dir.join("zh-CN/policy.ftl")).unwrap();
    let original = std::fs::read_to_string(root().join("locales/zh-CN/policy.ftl")).unwrap();
    assert_eq!(policy, original.replace("CSBS-3000 = 备份策略不存在。", "CSBS-3000 = 指定的备份策略不存在。"));
    let (code, out, _) = errcat(&["check", "--locales", d]);
    assert_eq!(code, 1);
    assert!(out.contains("error[stale]: CSBS.3000 (en-US)") && out.contains("1 error(s)"), "{out}");
}

#[test]
fn markdown_with_statuses_and_placeholders() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("demo");
    copy_dir(&root().join("tests/fixtures/check/ok"), &dir);
    let page = root().join("tests/fixtures/import/quota.md");
    let (code, out, err) = errcat(&[
        "import",
        page.to_str().unwrap(),
        "--lang",
        "zh-CN",
        "--locales",
        dir.to_str().unwrap(),
        "--file",
        "quota",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("changed  DEMO.0002 value: “最多允许 { $limit } 个备份。” → “最多允许 { $arg1 } 个备份。”"),
        "{out}"
    );
    assert!(out.contains("added    DEMO.0004 (zh-CN/quota.ftl)") && out.contains("added    DEMO.0005"), "{out}");
    assert!(out.contains("not on the page (left as they are): DEMO.0003"), "{out}");
    assert!(out.contains("zh-CN: 2 added, 1 changed, 1 unchanged"), "{out}");
    let toml = std::fs::read_to_string(dir.join("catalog.toml")).unwrap();
    assert!(toml.ends_with("[status]\n\"DEMO.0003\" = 500\n\"DEMO.0004\" = 503\n"), "{toml}");
    let ftl = std::fs::read_to_string(dir.join("zh-CN/quota.ftl")).unwrap();
    assert!(
        ftl.contains(
            "\nDEMO-0004 = 服务 { $arg1 } 暂不可用，请在 { $arg2 } 秒后重试。\n    .suggestion = 请稍后重试。\n"
        ),
        "{ftl}"
    );
    assert!(ftl.contains("\nDEMO-0005 = 参数 { $name } 无效。\n    请检查输入。\n"), "{ftl}");
    let catalog = Catalog::from_dir(&dir).unwrap();
    assert_eq!(catalog.get("DEMO.0004").unwrap().status(), 503);
    let localized =
        catalog.localize_with("DEMO.0004", "zh-CN", &[("arg1", "备份".into()), ("arg2", 30.into())]).unwrap();
    assert_eq!(localized.message, "服务 备份 暂不可用，请在 30 秒后重试。");
    let localized = catalog.localize_with("DEMO.0005", "zh-CN", &[("name", "size".into())]).unwrap();
    assert_eq!(localized.message, "参数 size 无效。\n请检查输入。");
    assert!(out.contains("placeholder DEMO.0005 (line 10): `{name}` → `{ $name }`"), "{out}");
}

#[test]
fn new_codes_need_a_listed_family_and_targets_need_a_source() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("demo");
    copy_dir(&root().join("tests/fixtures/check/ok"), &dir);
    let page = root().join("tests/fixtures/import/quota.md");
    let before = snapshot(&dir);
    let (code, _, err) =
        errcat(&["import", page.to_str().unwrap(), "--lang", "zh-CN", "--locales", dir.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("DEMO.0004 would go to zh-CN/imported.ftl, but `imported` is not in `families`"), "{err}");
    let (code, _, err) =
        errcat(&["import", page.to_str().unwrap(), "--lang", "en-US", "--locales", dir.to_str().unwrap()]);
    assert_eq!(code, 2);
    assert!(err.contains("line 9: DEMO.0004 has no message in the source locale zh-CN"), "{err}");
    assert_eq!(snapshot(&dir), before);
}

#[test]
fn bad_pages_get_a_clear_error() {
    let bad = root().join("tests/fixtures/import/bad");
    let expected = std::fs::read_to_string(bad.join("expected.txt")).unwrap();
    let cases: Vec<(&str, &str)> =
        expected.lines().filter(|l| !l.starts_with('#')).filter_map(|l| l.split_once('\t')).collect();
    assert_eq!(cases.len(), std::fs::read_dir(&bad).unwrap().count() - 1, "every bad page has an expectation");
    for (file, message) in cases {
        let temp = tempfile::tempdir().unwrap();
        let page = bad.join(file);
        let (code, out, err) =
            errcat(&["import", page.to_str().unwrap(), "--lang", "zh-CN", "--locales", temp.path().to_str().unwrap()]);
        assert_eq!(code, 2, "{file}: {out}{err}");
        assert!(err.contains(message), "{file}: expected `{message}` in\n{err}");
        assert_eq!(std::fs::read_dir(temp.path()).unwrap().count(), 0, "{file}: nothing written");
    }
}
