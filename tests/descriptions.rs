//! A code's `.description` (a longer explanation for readers) in every output: the Markdown
//! message cell, its own paragraph on the HTML page, the OpenAPI per-code descriptions and
//! `catalog.json`, in the page's locale or the one its message falls back to; a code without one
//! shows none anywhere.

mod common;

use common::{copy_dir, html_codes, markdown_rows, texts};
use errcat::render::explain::DESCRIPTION;
use errcat::render::{render, Templates};
use errcat::Catalog;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn intl() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/catalogs/intl"))
}

fn rendered(catalog: &Catalog) -> BTreeMap<String, String> {
    texts(&render(catalog, &Templates::embedded().unwrap()).unwrap())
}

/// The label `key` of a locale's pages, as the built-in labels write it.
fn label_of(tag: &str, key: &str) -> String {
    let templates = Templates::embedded().unwrap();
    templates.labels(&tag.parse().unwrap())[key].clone()
}

/// What every output must show for `code` in `tag`: the description's text (the fixture's
/// descriptions are plain text, so their source is what a reader sees) and the locale it comes
/// from, read from the catalog; None when the resolved message has no description.
fn expected(catalog: &Catalog, code: &str, tag: &str) -> (Option<String>, String) {
    let entry = catalog.get(code).unwrap();
    let index = catalog.locale_index(tag).unwrap();
    let (used, texts) = catalog.resolve(entry, index).unwrap();
    let used = catalog.locale_tags().nth(used).unwrap().to_string();
    (texts.attribute(DESCRIPTION).map(|t| t.source().to_string()), used)
}

/// The HTML `<p class="description">` of `code` on `page`, its text without the label.
fn html_description(page: &str, code: &str) -> Option<String> {
    let document = scraper::Html::parse_document(page);
    let selector = scraper::Selector::parse(&format!("article.code[id=\"{code}\"] p.description")).unwrap();
    let mut found = document.select(&selector);
    let paragraph = found.next()?;
    assert!(found.next().is_none(), "{code}: one description paragraph");
    let label = scraper::Selector::parse("span.label").unwrap();
    let label = paragraph.select(&label).next().map(|l| l.text().collect::<String>()).unwrap_or_default();
    let text: String = paragraph.text().collect();
    Some(text.strip_prefix(&label).expect("the label opens the paragraph").trim().to_string())
}

/// Checks every code of `catalog` in every locale, in every output; returns how many
/// (code, locale) pairs showed a description.
fn check_every_output(catalog: &Catalog) -> usize {
    let files = rendered(catalog);
    let json: Value = serde_json::from_str(&files["catalog.json"]).unwrap();
    let tags: Vec<String> = catalog.locale_tags().map(str::to_string).collect();
    let mut shown = 0;
    for tag in &tags {
        let label = label_of(tag, "details");
        let rows = markdown_rows(&files[&format!("{tag}/error-codes.md")]);
        let page = &files[&format!("{tag}/index.html")];
        let articles = html_codes(page);
        let openapi: Value = serde_json::from_str(&files[&format!("{tag}/openapi.json")]).unwrap();
        let code_enum = &openapi["components"]["schemas"]["ErrorCode"];
        let codes: Vec<&str> = code_enum["enum"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
        for entry in catalog.codes() {
            let code = entry.code();
            let (description, used) = expected(catalog, code, tag);
            let text = &json["codes"][code]["texts"][tag.as_str()];
            assert_eq!(text["locale"], used.as_str(), "{code} {tag}");
            let cell = &rows.iter().find(|r| r[0] == code).unwrap_or_else(|| panic!("{code} {tag}: a row"))[2];
            let article = articles.iter().find(|a| a.id == code).unwrap();
            let position = codes.iter().position(|c| *c == code).unwrap();
            let enum_text = code_enum["x-enum-descriptions"][position].as_str().unwrap();
            assert_eq!(code_enum["x-enumDescriptions"][position], enum_text);
            // The OpenAPI text of a code: its message, its description, its suggestion, a line each.
            let lines: Vec<&str> = enum_text.split('\n').collect();
            let suggestion_line =
                lines.iter().position(|l| l.starts_with(&format!("{}: ", label_of(tag, "suggestion"))));
            assert_eq!(suggestion_line.is_some(), article.suggestion.is_some(), "{code} {tag}: {enum_text:?}");
            let details_line = format!("{label}: ");
            match &description {
                Some(description) => {
                    shown += 1;
                    let json_text = &text["description"];
                    assert_eq!(json_text["display"], description.as_str(), "{code} {tag}: catalog.json");
                    assert_eq!(json_text["variables"], serde_json::json!([]), "{code} {tag}");
                    // The fixture's descriptions are one line; a message may be several (a selector's variants).
                    let (message, rest) = cell.rsplit_once('\n').expect("a line break after the message");
                    assert!(!message.is_empty(), "{code} {tag}: the message opens the cell");
                    assert_eq!(rest, format!("{label}: {description}"), "{code} {tag}: the Markdown cell {cell:?}");
                    assert_eq!(html_description(page, code).as_deref(), Some(description.as_str()), "{code} {tag}");
                    assert_eq!(lines.get(1).copied(), Some(format!("{label}: {description}").as_str()), "{code} {tag}");
                    assert_eq!(lines.len(), 2 + usize::from(suggestion_line.is_some()), "{code} {tag}: {enum_text:?}");
                    assert!(suggestion_line.is_none_or(|at| at == 2), "{code} {tag}: the suggestion comes last");
                }
                None => {
                    assert_eq!(text["description"], Value::Null, "{code} {tag}: catalog.json");
                    assert!(
                        !cell.contains(&format!("\n{details_line}")),
                        "{code} {tag}: nothing after the message: {cell:?}"
                    );
                    assert_eq!(html_description(page, code), None, "{code} {tag}");
                    assert!(!lines.iter().any(|l| l.starts_with(&details_line)), "{code} {tag}: {enum_text:?}");
                    assert_eq!(lines.len(), 1 + usize::from(suggestion_line.is_some()), "{code} {tag}: {enum_text:?}");
                }
            }
        }
    }
    shown
}

#[test]
fn every_output_shows_a_codes_description_in_its_locale_and_none_without_one() {
    let catalog = Catalog::from_dir(intl()).unwrap();
    // Three codes with a description in each of the six locales.
    assert_eq!(check_every_output(&catalog), 3 * 6);
    let files = rendered(&catalog);
    let md = &files["ja-JP/error-codes.md"];
    assert!(
        md.contains("ロッカーを開けられません。<br>**詳細:** アカウントは契約に記載された都市でのみ使えます。 |"),
        "the Markdown cell: message, line break, bold label, description"
    );
    let html = &files["ar/index.html"];
    assert!(html.contains(
        "<p class=\"description\"><span class=\"label\">التفاصيل:</span> يُعاد لرقم تتبع لم تره الخدمة من قبل.</p>\n"
    ));
    let json: Value = serde_json::from_str(&files["catalog.json"]).unwrap();
    assert_eq!(
        json["codes"]["INTL.0006"]["texts"]["ru-RU"]["description"]["display"],
        "Возвращается для трек-номера, который сервис никогда не видел."
    );
    assert_eq!(json["codes"]["INTL.0011"]["texts"]["de-DE"]["description"], Value::Null);
}

#[test]
fn a_message_that_falls_back_shows_the_description_of_the_locale_it_comes_from() {
    let dir = tempfile::tempdir().unwrap();
    copy_dir(intl(), dir.path());
    // de-DE loses INTL-0006 (it falls back to en-US, description and all); ja-JP keeps INTL-0010's
    // message but not its description, so its page shows none (the fallback is per message).
    let parcels = dir.path().join("de-DE/parcels.ftl");
    let source = std::fs::read_to_string(&parcels).unwrap();
    let start = source.find("INTL-0006 =").unwrap();
    std::fs::write(&parcels, &source[..start]).unwrap();
    let account = dir.path().join("ja-JP/account.ftl");
    let source = std::fs::read_to_string(&account).unwrap();
    let kept: Vec<&str> = source.lines().filter(|l| !l.trim_start().starts_with(".description")).collect();
    std::fs::write(&account, kept.join("\n") + "\n").unwrap();
    let catalog = Catalog::from_dir(dir.path()).unwrap();
    assert_eq!(expected(&catalog, "INTL.0006", "de-DE").1, "en-US", "the fixture change makes de-DE fall back");
    assert_eq!(expected(&catalog, "INTL.0010", "ja-JP").0, None);
    assert_eq!(check_every_output(&catalog), 3 * 6 - 1);
    let files = rendered(&catalog);
    let english = "Returned for a tracking number the service has never seen.";
    let page = &files["de-DE/index.html"];
    let start = page.find("<article class=\"code\" id=\"INTL.0006\">").unwrap();
    let article = &page[start..start + page[start..].find("</article>").unwrap()];
    assert!(article.contains("<div class=\"text\" lang=\"en-US\""), "the text is marked as English: {article}");
    assert!(article.contains(&format!("<span class=\"label\">Erläuterung:</span> {english}</p>")), "{article}");
}
