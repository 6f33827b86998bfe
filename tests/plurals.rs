//! Plural selection at run time: for counts 0, 1, 2, 3, 5, 11, 21 and 100 the text of
//! `INTL.0001` (a `NUMBER($count)` selector) in every locale of the intl fixture is the variant
//! of the CLDR category written in `cldr.tsv`, a table kept by hand, not computed by the library
//! under test. The expected text is read from the locale's own `.ftl` file.

use errcat::{Arg, Catalog};
use fluent_syntax::ast;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
mod common;

fn intl() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogs/intl")
}

/// (locale, count, category) of every row of `cldr.tsv`.
fn cldr_table() -> Vec<(String, i64, String)> {
    let text = std::fs::read_to_string(intl().join("cldr.tsv")).unwrap();
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let fields: Vec<&str> = l.split('\t').collect();
            assert_eq!(fields.len(), 3, "{l}");
            (fields[0].to_string(), fields[1].parse().unwrap(), fields[2].to_string())
        })
        .collect()
}

/// The variants of the selector that is the value of `id` in `file`, by key, each with `$count`
/// written as `count`: the text a reader expects for that category.
fn variants(file: &Path, id: &str, count: i64) -> BTreeMap<String, String> {
    let source = std::fs::read_to_string(file).unwrap();
    let resource = fluent_syntax::parser::parse(source.as_str()).unwrap_or_else(|(_, e)| panic!("{e:?}"));
    let message = resource
        .body
        .iter()
        .find_map(|entry| match entry {
            ast::Entry::Message(m) if m.id.name == id => Some(m),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{id} not in {}", file.display()));
    let elements = &message.value.as_ref().unwrap().elements;
    let [ast::PatternElement::Placeable { expression: ast::Expression::Select { variants, .. } }] = elements.as_slice()
    else {
        panic!("{id} in {} is not one selector", file.display())
    };
    variants
        .iter()
        .map(|variant| {
            let key = match &variant.key {
                ast::VariantKey::Identifier { name } => name.to_string(),
                ast::VariantKey::NumberLiteral { value } => value.to_string(),
            };
            let text: String = variant
                .value
                .elements
                .iter()
                .map(|element| match element {
                    ast::PatternElement::TextElement { value } => value.to_string(),
                    ast::PatternElement::Placeable {
                        expression: ast::Expression::Inline(ast::InlineExpression::VariableReference { id }),
                    } if id.name == "count" => count.to_string(),
                    other => panic!("unexpected {other:?} in {id}"),
                })
                .collect();
            (key, text)
        })
        .collect()
}

#[test]
fn plural_text_follows_cldr_in_every_locale() {
    let catalog = Catalog::from_dir(intl()).unwrap();
    let table = cldr_table();
    let locales: Vec<&str> = catalog.locale_tags().collect();
    let counts = [0, 1, 2, 3, 5, 11, 21, 100];
    for locale in &locales {
        let rows: Vec<i64> = table.iter().filter(|(l, _, _)| l == locale).map(|(_, n, _)| *n).collect();
        assert_eq!(rows, counts, "cldr.tsv has one row per count for {locale}");
    }
    assert_eq!(table.len(), locales.len() * counts.len(), "cldr.tsv names only the catalog's locales");
    let mut failures = Vec::new();
    for (locale, count, category) in &table {
        let file = intl().join(locale).join("lockers.ftl");
        let variants = variants(&file, "INTL-0001", *count);
        let expected = variants
            .get(category)
            .unwrap_or_else(|| panic!("{locale} INTL.0001 has no [{category}] variant: {variants:?}"));
        let localized = catalog.localize_with("INTL.0001", locale, &[("count", Arg::Int(*count))]).unwrap();
        assert_eq!(localized.locale, locale, "INTL.0001 is translated in {locale}");
        assert!(localized.errors.is_empty(), "{locale} {count}: {:?}", localized.errors);
        if localized.message != *expected {
            failures.push(format!("{locale} {count} ({category}): got “{}”, want “{expected}”", localized.message));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A copy of the intl fixture whose fallback locale is ar and whose ja-JP lacks INTL-0001.
fn ja_falling_back_to_ar(dir: &Path) {
    common::copy_dir(&intl(), dir);
    let metadata = std::fs::read_to_string(dir.join("catalog.toml")).unwrap();
    std::fs::write(
        dir.join("catalog.toml"),
        metadata.replace("fallback_locale = \"en-US\"", "fallback_locale = \"ar\""),
    )
    .unwrap();
    let lockers = dir.join("ja-JP/lockers.ftl");
    let text = std::fs::read_to_string(&lockers).unwrap();
    let start = text.find("INTL-0001 =").unwrap();
    let end = text.find("INTL-0002 =").unwrap();
    std::fs::write(&lockers, format!("{}{}", &text[..start], &text[end..])).unwrap();
}

#[test]
fn a_fallback_text_uses_the_plural_rules_of_its_own_locale() {
    let dir = tempfile::tempdir().unwrap();
    ja_falling_back_to_ar(dir.path());
    let catalog = Catalog::from_dir(dir.path()).unwrap();
    // Under Japanese rules every count is `other`; the Arabic text must follow Arabic rules.
    for (count, category) in [(0, "zero"), (2, "two"), (11, "many"), (100, "other")] {
        let localized = catalog.localize_with("INTL.0001", "ja-JP", &[("count", Arg::Int(count))]).unwrap();
        assert_eq!(localized.locale, "ar");
        let expected = &variants(&intl().join("ar/lockers.ftl"), "INTL-0001", count)[category];
        assert_eq!(localized.message, *expected, "ja-JP falling back to ar, {count}");
    }
}

#[test]
fn datetime_is_a_clear_error_not_a_silent_placeholder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("en-US")).unwrap();
    std::fs::write(
        dir.path().join("catalog.toml"),
        "name = \"D\"\nsource_locale = \"en-US\"\nfallback_locale = \"en-US\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("en-US/general.ftl"), "D-1 = The locker expires on { DATETIME($when) }.\n").unwrap();
    let catalog = Catalog::from_dir(dir.path()).unwrap();
    let localized = catalog.localize_with("D.1", "en-US", &[("when", Arg::Str("2026-12-03"))]).unwrap();
    let errors: Vec<String> = localized.errors.iter().map(ToString::to_string).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(errors[0].contains("DATETIME") && errors[0].contains("not available"), "{errors:?}");
}
