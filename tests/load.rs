//! The loader: what a catalog directory may contain, and every way it reports problems.

use errcat::{load, Catalog, Kind, SourceFile, Sources};
use std::borrow::Cow;

const METADATA: &str = "name = \"T\"\nsource_locale = \"zh-CN\"\nfallback_locale = \"en-US\"\n";

fn sources(metadata: &str, files: &[(&str, &str)]) -> Sources {
    Sources {
        root: None,
        metadata: Some(SourceFile { path: "catalog.toml".into(), text: Cow::Owned(metadata.into()) }),
        files: files.iter().map(|(p, t)| SourceFile { path: p.to_string(), text: Cow::Owned(t.to_string()) }).collect(),
    }
}

/// (kind, path:line:column) of every diagnostic of a failed load.
fn problems(sources: &Sources) -> Vec<(Kind, String)> {
    let error = load(sources).expect_err("load fails");
    error.diagnostics.iter().map(|d| (d.kind, d.location.as_ref().map_or(String::new(), |l| l.to_string()))).collect()
}

#[test]
fn duplicates_are_reported_with_both_places() {
    let s = sources(
        METADATA,
        &[
            ("zh-CN/a.ftl", "T-1 = 一\n    .suggestion = 甲\n    .suggestion = 乙\n"),
            ("zh-CN/b.ftl", "T-2 = 二\nT-1 = 又一\n"),
            ("en-US/a.ftl", "T-1 = One\n"),
        ],
    );
    assert_eq!(
        problems(&s),
        [
            (Kind::DuplicateAttribute, "zh-CN/a.ftl:3:6".to_string()),
            (Kind::DuplicateMessage, "zh-CN/b.ftl:2:1".to_string()),
        ]
    );
    let error = load(&s).unwrap_err();
    assert!(error.diagnostics[1].message.contains("the first is at zh-CN/a.ftl:1:1"), "{}", error.diagnostics[1]);
}

#[test]
fn metadata_must_name_existing_codes_and_locales() {
    let metadata = format!("{METADATA}[status]\n\"T.9\" = 500\n");
    let s = sources(&metadata, &[("zh-CN/a.ftl", "T-1 = 一\n")]);
    assert_eq!(problems(&s), [(Kind::UnknownCode, "catalog.toml:5:1".to_string()), (Kind::Locale, String::new())]);
    let error = load(&s).unwrap_err();
    assert!(error.to_string().contains("the fallback locale en-US has no .ftl files"), "{error}");
}

#[test]
fn a_missing_metadata_file_is_an_error() {
    let s = Sources { metadata: None, ..sources(METADATA, &[("zh-CN/a.ftl", "T-1 = 一\n")]) };
    let error = load(&s).unwrap_err();
    assert_eq!(error.diagnostics[0].kind, Kind::Metadata);
    assert!(error.diagnostics[0].message.contains("catalog.toml is missing"));
}

#[test]
fn families_come_from_file_names_unless_overridden_and_must_be_listed() {
    let metadata = format!("{METADATA}families = [\"quota\", \"misc\"]\n[family]\n\"T.2\" = \"misc\"\n");
    let files = [
        ("zh-CN/quota.ftl", "-family-quota = 配额\nT-1 = 一\nT-2 = 二\n"),
        ("zh-CN/other.ftl", "T-3 = 三\n"),
        ("en-US/quota.ftl", "-family-quota = Quotas\nT-1 = One\nT-2 = Two\n"),
    ];
    assert_eq!(problems(&sources(&metadata, &files)), [(Kind::Metadata, "zh-CN/other.ftl:1:1".to_string())]);
    let files = [files[0], files[2]];
    let catalog = load(&sources(&metadata, &files)).expect("loads");
    let families: Vec<(&str, &str, &str)> =
        catalog.families().iter().map(|f| (f.id(), f.title(0), f.title(1))).collect();
    assert_eq!(families, [("quota", "配额", "Quotas"), ("misc", "misc", "misc")]);
    assert_eq!(catalog.get("T.2").map(|e| e.family()), Some("misc"));
}

#[test]
fn an_obsolete_translation_is_a_warning_not_a_failure() {
    let s = sources(METADATA, &[("zh-CN/a.ftl", "T-1 = 一\n"), ("en-US/a.ftl", "T-1 = One\nT-7 = Seven\n")]);
    let catalog = load(&s).expect("loads");
    let warnings: Vec<_> = catalog.warnings().iter().map(|d| (d.kind, d.code.clone(), d.locale.clone())).collect();
    assert_eq!(warnings, [(Kind::ObsoleteMessage, Some("T.7".to_string()), Some("en-US".to_string()))]);
    assert!(catalog.get("T.7").is_none());
}

#[test]
fn terms_are_inlined_and_literals_unescaped() {
    let s = sources(
        METADATA,
        &[
            ("zh-CN/a.ftl", "-svc = 云备份\nT-1 = { -svc }不可用{\"{\"}。\n"),
            ("en-US/a.ftl", "-svc = Cloud Backup\nT-1 =\n    { -svc } is unavailable.\n    Try later.\n"),
        ],
    );
    let catalog = load(&s).expect("loads");
    assert_eq!(catalog.localize("T.1", "zh").unwrap().message, "云备份不可用{。");
    assert_eq!(catalog.localize("T.1", "en").unwrap().message, "Cloud Backup is unavailable.\nTry later.");
}

#[test]
fn a_bom_and_crlf_line_endings_are_accepted() {
    let s = sources(
        METADATA,
        &[("zh-CN/a.ftl", "\u{feff}T-1 = 一\r\n    .suggestion = 甲\r\n"), ("en-US/a.ftl", "T-1 = One\r\n")],
    );
    let catalog = load(&s).expect("loads");
    let localized = catalog.localize("T.1", "zh").unwrap();
    assert_eq!((&*localized.message, localized.suggestion.as_deref()), ("一", Some("甲")));
}

#[test]
fn invalid_utf8_names_the_place() {
    let error = SourceFile::from_bytes("zh-CN/a.ftl", b"T-1 = ok\nT-2 = \xff\n".to_vec()).unwrap_err();
    assert_eq!(error.kind, Kind::Encoding);
    assert_eq!(error.location.map(|l| l.to_string()).as_deref(), Some("zh-CN/a.ftl:2:7"));
}

#[test]
fn files_outside_locale_directories_and_bad_locale_names_are_errors() {
    let s = sources(
        METADATA,
        &[
            ("stray.ftl", "T-1 = x\n"),
            ("not a tag!/a.ftl", "T-1 = x\n"),
            ("zh-CN/a.ftl", "T-1 = 一\n"),
            ("en-US/a.ftl", "T-1 = One\n"),
        ],
    );
    let kinds: Vec<Kind> = problems(&s).into_iter().map(|(k, _)| k).collect();
    assert_eq!(kinds, [Kind::Locale, Kind::Locale]);
}

#[test]
fn reading_a_directory_reports_paths_under_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("zh-CN")).unwrap();
    std::fs::create_dir_all(dir.path().join("en-US")).unwrap();
    std::fs::write(dir.path().join("catalog.toml"), METADATA).unwrap();
    std::fs::write(dir.path().join("zh-CN/a.ftl"), "T-1 = 一\n").unwrap();
    std::fs::write(dir.path().join("en-US/a.ftl"), "T-1 One\n").unwrap();
    std::fs::write(dir.path().join("en-US/notes.txt"), "not read").unwrap();
    let error = Catalog::from_dir(dir.path()).unwrap_err();
    let location = error.diagnostics[0].location.as_ref().unwrap();
    assert_eq!(&*location.path, dir.path().join("en-US/a.ftl").display().to_string());
    assert_eq!((location.line, location.column), (1, 5));
}

#[test]
fn backslash_u_in_plain_text_is_text() {
    // Only string literals (inside placeables) have escapes; in plain text `\u` is two characters.
    let s =
        sources(METADATA, &[("zh-CN/a.ftl", "T-1 = \"\\u码\" 与 \\U12\n"), ("en-US/a.ftl", "T-1 = { \"\\u0041\" }\n")]);
    let catalog = load(&s).expect("loads");
    assert_eq!(catalog.localize("T.1", "zh").unwrap().message, "\"\\u码\" 与 \\U12");
    assert_eq!(catalog.localize("T.1", "en").unwrap().message, "A");
    let bad = sources(METADATA, &[("zh-CN/a.ftl", "T-1 = { \"\\u码\" }\n"), ("en-US/a.ftl", "T-1 = x\n")]);
    let kinds: Vec<(Kind, String)> = problems(&bad).into_iter().filter(|(k, _)| *k == Kind::Syntax).collect();
    assert_eq!(kinds, [(Kind::Syntax, "zh-CN/a.ftl:1:10".to_string())]);
}
