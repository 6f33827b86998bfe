//! The shipped catalog against its seed: every code of the source document, in both
//! locales, with the zh-CN text exactly as the seed gives it.

use errcat::{Catalog, SUGGESTION};
use std::collections::BTreeMap;

struct SeedRow {
    description: String,
    suggestion: Option<String>,
}

/// The rows of the seed table: each `<tr>` holds `<p>` cells `CODE`, `描述：…`, `建议：…`.
fn seed_rows() -> BTreeMap<String, SeedRow> {
    let html = include_str!("fixtures/seed-csbs-zh-CN.html.txt");
    let mut rows = BTreeMap::new();
    for row in html.split("<tr").skip(1) {
        let row = &row[..row.find("</tr>").expect("closed row")];
        let cells: Vec<&str> = row
            .split("<p ")
            .skip(1)
            .map(|p| {
                let text = &p[..p.find("</p>").expect("closed paragraph")];
                let text = text.rsplit("</a>").next().unwrap_or(text);
                text.rsplit('>').next().unwrap_or(text)
            })
            .collect();
        if cells.first() == Some(&"错误码") {
            continue;
        }
        let [code, description, suggestion] = cells[..] else { panic!("unexpected row {cells:?}") };
        let description = description.strip_prefix("描述：").expect("描述 cell").to_string();
        let suggestion = suggestion.strip_prefix("建议：").expect("建议 cell");
        let suggestion = (!matches!(suggestion, "无" | "无。")).then(|| suggestion.to_string());
        assert!(rows.insert(code.to_string(), SeedRow { description, suggestion }).is_none(), "{code} twice");
    }
    rows
}

fn catalog() -> &'static Catalog {
    let catalog = Catalog::embedded();
    assert!(catalog.warnings().is_empty(), "{:#?}", catalog.warnings());
    catalog
}

#[test]
fn the_seed_has_seventy_codes() {
    assert_eq!(seed_rows().len(), 70);
}

#[test]
fn every_seed_code_is_in_both_locales_and_nothing_else() {
    let catalog = catalog();
    let seed = seed_rows();
    let codes: Vec<&str> = catalog.codes().map(|e| e.code()).collect();
    assert_eq!(codes, seed.keys().map(String::as_str).collect::<Vec<_>>());
    let tags: Vec<&str> = catalog.locale_tags().collect();
    assert_eq!(tags, ["zh-CN", "en-US"]);
    for entry in catalog.codes() {
        for (index, tag) in tags.iter().enumerate() {
            let texts = entry.texts(index).unwrap_or_else(|| panic!("{} missing in {tag}", entry.code()));
            assert!(texts.value().plain().is_some_and(|t| !t.trim().is_empty()), "{} empty in {tag}", entry.code());
        }
    }
}

#[test]
fn zh_cn_text_equals_the_seed() {
    let catalog = catalog();
    let source = catalog.source_index();
    for (code, row) in seed_rows() {
        let texts = catalog.get(&code).and_then(|e| e.texts(source)).expect("code in zh-CN");
        assert_eq!(texts.value().plain(), Some(row.description.as_str()), "{code} description");
        let suggestion = texts.attribute(SUGGESTION).map(|t| t.plain().expect("plain suggestion"));
        assert_eq!(suggestion, row.suggestion.as_deref(), "{code} suggestion");
    }
}

#[test]
fn en_us_has_a_suggestion_exactly_where_zh_cn_has_one() {
    let catalog = catalog();
    let en = catalog.locale_index("en-US").expect("en-US");
    for entry in catalog.codes() {
        let zh = entry.texts(catalog.source_index()).and_then(|t| t.attribute(SUGGESTION)).is_some();
        let en = entry.texts(en).and_then(|t| t.attribute(SUGGESTION)).is_some();
        assert_eq!(zh, en, "{}", entry.code());
    }
}

#[test]
fn documented_http_statuses_are_kept() {
    let catalog = catalog();
    let tsv = include_str!("fixtures/http-status.tsv");
    let mut checked = 0;
    for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let (code, status) = line.split_once('\t').expect("code<TAB>status");
        let entry = catalog.get(code).unwrap_or_else(|| panic!("{code} not in catalog"));
        assert_eq!(entry.status().to_string(), status, "{code}");
        checked += 1;
    }
    assert_eq!(checked, 47);
    for entry in catalog.codes() {
        assert!(matches!(entry.status(), 400 | 403 | 404 | 500), "{} {}", entry.code(), entry.status());
    }
}

#[test]
fn families_group_every_code_in_the_documented_order() {
    let catalog = catalog();
    let families: Vec<&str> = catalog.families().iter().map(|f| f.id()).collect();
    assert_eq!(families, ["policy", "backup", "restore", "image", "replication", "general"]);
    let en = catalog.locale_index("en-US").expect("en-US");
    for family in catalog.families() {
        assert_ne!(family.title(0), family.id(), "zh-CN title of {}", family.id());
        assert_ne!(family.title(en), family.id(), "en-US title of {}", family.id());
    }
    assert_eq!(catalog.get("CSBS.6024").map(|e| e.family()), Some("restore"));
    assert_eq!(catalog.get("CSBS.9999").map(|e| e.family()), Some("general"));
}

#[test]
fn embedded_catalog_equals_the_locales_directory() {
    let on_disk = Catalog::from_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/locales")).expect("locales/ loads");
    let embedded = catalog();
    assert_eq!(on_disk.codes().len(), embedded.codes().len());
    for (a, b) in on_disk.codes().zip(embedded.codes()) {
        assert_eq!(a.code(), b.code());
        for index in 0..2 {
            let (a, b) = (a.texts(index).expect("text"), b.texts(index).expect("text"));
            assert_eq!(a.value().source(), b.value().source());
        }
    }
}
