//! Page labels are Fluent, one resource per locale: every shipped locale is complete and named in
//! itself, a locale without labels gets the English ones and a build warning, `--templates`
//! overrides work, right-to-left pages say so, and CJK/Arabic pages have no synthetic italics.

mod common;

use common::errcat;
use errcat::render::Templates;
use errcat::LanguageIdentifier;
use std::collections::BTreeSet;
use std::path::Path;

const SHIPPED: [(&str, &str); 11] = [
    ("en-US", "English"),
    ("zh-CN", "简体中文"),
    ("zh-TW", "繁體中文"),
    ("ja-JP", "日本語"),
    ("ko-KR", "한국어"),
    ("de-DE", "Deutsch"),
    ("fr-FR", "Français"),
    ("es-ES", "Español"),
    ("pt-BR", "Português"),
    ("ru-RU", "Русский"),
    ("ar", "العربية"),
];

fn id(tag: &str) -> LanguageIdentifier {
    tag.parse().unwrap()
}

fn placeholders(text: &str) -> BTreeSet<String> {
    text.split('{').skip(1).filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_string())).collect()
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/catalogs/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn every_shipped_locale_has_every_label_in_its_own_language() {
    let templates = Templates::embedded().unwrap();
    let english = templates.labels(&id("en-US"));
    assert!(english.len() >= 30, "{english:?}");
    for (tag, autonym) in SHIPPED {
        let locale = id(tag);
        assert_eq!(templates.labels_locale(&locale), Some(tag), "{tag} has its own labels");
        let source =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("templates/labels/{tag}.ftl")))
                .unwrap();
        let keys: BTreeSet<&str> = source
            .lines()
            .filter_map(|l| l.split_once(" = ").map(|(k, _)| k))
            .filter(|k| !k.starts_with('#'))
            .collect();
        assert_eq!(keys, english.keys().map(String::as_str).collect(), "{tag}: the keys of en-US, no more, no less");
        let labels = templates.labels(&locale);
        assert_eq!(labels["language_name"], autonym);
        for (key, value) in &labels {
            assert!(
                placeholders(value).is_subset(&placeholders(&english[key])),
                "{tag} {key}: variables {value:?} that en-US does not have"
            );
            if tag != "en-US" && !["code", "description", "suggestion"].contains(&key.as_str()) {
                assert_ne!(value, &english[key], "{tag} {key} is still English");
            }
        }
    }
}

#[test]
fn a_locale_finds_the_labels_of_its_script_or_language() {
    let templates = Templates::embedded().unwrap();
    for (tag, used) in [
        ("zh-HK", "zh-TW"),
        ("zh-Hant", "zh-TW"),
        ("zh-Hans-HK", "zh-CN"),
        ("zh-SG", "zh-CN"),
        ("pt-PT", "pt-BR"),
        ("ar-EG", "ar"),
        ("de-AT", "de-DE"),
    ] {
        assert_eq!(templates.labels_locale(&id(tag)), Some(used), "{tag}");
    }
    assert_eq!(templates.labels_locale(&id("pl-PL")), None);
    let polish = templates.labels(&id("pl-PL"));
    assert_eq!(polish["language_name"], "pl-PL", "a locale without labels is named by its tag, never 'English'");
    assert_eq!(polish["title"], "{catalog} error codes", "and gets the English labels");
}

#[test]
fn a_locale_without_labels_gets_english_and_a_build_warning() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("out");
    let (code, _, stderr) = errcat(&["build", "--locales", &fixture("display"), "--out", target.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(
        stderr.contains("warning: no page labels for pl-PL: its pages use the en-US labels"),
        "the warning names the locale: {stderr}"
    );
    assert_eq!(stderr.matches("warning: no page labels").count(), 1, "only pl-PL lacks labels: {stderr}");
    let pl = std::fs::read_to_string(target.join("pl-PL/index.html")).unwrap();
    assert!(pl.contains("<html lang=\"pl-PL\" dir=\"ltr\">"));
    assert!(pl.contains("<title>SHOW error codes</title>"));
    assert!(pl.contains("aria-current=\"page\" lang=\"pl-PL\" dir=\"ltr\">pl-PL</span>"), "named by its tag");

    let (code, _, stderr) = errcat(&["build", "--locales", &fixture("intl"), "--out", target.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(!stderr.contains("warning"), "every intl locale has labels: {stderr}");
}

#[test]
fn right_to_left_pages_and_no_synthetic_italics() {
    let out = tempfile::tempdir().unwrap();
    let target = out.path().join("out");
    let (code, _, stderr) = errcat(&["build", "--locales", &fixture("intl"), "--out", target.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    let page = |path: &str| std::fs::read_to_string(target.join(path)).unwrap();
    assert!(page("ar/index.html").contains("<html lang=\"ar\" dir=\"rtl\">"));
    assert!(page("ja-JP/index.html").contains("<html lang=\"ja-JP\" dir=\"ltr\">"));
    // Every page's switch names each language in itself, in its own direction.
    for tag in ["en-US", "ja-JP", "ar"] {
        let html = page(&format!("{tag}/index.html"));
        assert!(html.contains("lang=\"ar\" dir=\"rtl\">العربية<"), "{tag}");
        assert!(html.contains("lang=\"ja-JP\" dir=\"ltr\">日本語<"), "{tag}");
        assert!(html.contains("lang=\"de-DE\" dir=\"ltr\">Deutsch<"), "{tag}");
    }
    // INTL.0006 has no suggestion: "none" in italics only where the script has italics.
    let none = |tag: &str| {
        let md = page(&format!("{tag}/error-codes.md"));
        md.lines()
            .find(|l| l.starts_with("| <a id=\"INTL.0006\"></a>`INTL.0006` |"))
            .unwrap()
            .rsplit('|')
            .nth(1)
            .unwrap()
            .trim()
            .to_string()
    };
    assert_eq!(none("en-US"), "*none*");
    assert_eq!(none("de-DE"), "*keine*");
    assert_eq!(none("ja-JP"), "なし");
    assert_eq!(none("zh-CN"), "无");
    assert_eq!(none("ar"), "لا شيء");
}

#[test]
fn templates_override_labels_per_locale_and_report_bad_files_with_their_position() {
    let templates = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(templates.path().join("labels")).unwrap();
    std::fs::write(templates.path().join("labels/ja-JP.ftl"), "title = { $catalog } のエラー一覧\n").unwrap();
    std::fs::write(
        templates.path().join("labels/pl-PL.ftl"),
        "language_name = Polski\ntitle = Kody błędów { $catalog }\n",
    )
    .unwrap();
    let loaded = Templates::with_overrides(templates.path()).unwrap();
    let ja = loaded.labels(&id("ja-JP"));
    assert_eq!(ja["title"], "{catalog} のエラー一覧", "the override replaces its key");
    assert_eq!(ja["search"], "検索", "and keeps the built-in others");
    let pl = loaded.labels(&id("pl-PL"));
    assert_eq!(
        (pl["language_name"].as_str(), pl["search"].as_str()),
        ("Polski", "Search"),
        "a new locale, English for the rest"
    );
    assert!(loaded.has_labels(&id("pl-PL")));

    std::fs::write(templates.path().join("labels/ja-JP.ftl"), "title = fine\nsearch = { $a ] }\n").unwrap();
    let error = Templates::with_overrides(templates.path()).unwrap_err().to_string();
    assert!(error.contains("labels/ja-JP.ftl") && error.contains("line 2, column"), "{error}");
    let out = tempfile::tempdir().unwrap();
    let (code, _, stderr) = errcat(&[
        "build",
        "--locales",
        &fixture("intl"),
        "--templates",
        templates.path().to_str().unwrap(),
        "--out",
        out.path().join("out").to_str().unwrap(),
    ]);
    assert_ne!(code, 0);
    assert!(stderr.contains("ja-JP.ftl: line 2, column"), "{stderr}");
}
