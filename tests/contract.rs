//! Issue 11's contract: pages other pages can link to (the same ids in Markdown and HTML, ASCII
//! family ids in every locale), and a catalog name that cannot change the Markdown's structure.

mod common;

use common::copy_dir;
use errcat::render::{render, Files, Templates};
use errcat::Catalog;
use pulldown_cmark::{Event, Options, Parser, Tag};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogs").join(name)
}

fn render_dir(dir: &Path) -> Files {
    let catalog = Catalog::from_dir(dir).expect("the fixture loads");
    render(&catalog, &Templates::embedded().unwrap()).expect("the fixture renders")
}

fn text(files: &Files, path: &str) -> String {
    String::from_utf8(files[path].clone()).unwrap()
}

/// The ids of the `<a id="…">` anchors of a Markdown page, as a GFM parser reads them, in order.
fn markdown_anchors(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES)
        .filter_map(|event| match event {
            Event::InlineHtml(html) | Event::Html(html) => {
                html.strip_prefix("<a id=\"").and_then(|h| h.strip_suffix("\">")).map(str::to_string)
            }
            _ => None,
        })
        .collect()
}

/// The ids of the code articles and family sections of an HTML page, in order.
fn html_ids(html: &str) -> Vec<String> {
    let document = scraper::Html::parse_document(html);
    let selector = scraper::Selector::parse("section.family, article.code").unwrap();
    document.select(&selector).filter_map(|e| e.value().id().map(str::to_string)).collect()
}

#[test]
fn markdown_and_html_pages_share_every_anchor_in_every_locale() {
    for (files, locales) in [
        (render(Catalog::embedded(), &Templates::embedded().unwrap()).unwrap(), ["zh-CN", "en-US"]),
        (render_dir(&fixture("linkable")), ["zh-CN", "en-US"]),
    ] {
        let mut per_locale = Vec::new();
        for locale in locales {
            let markdown = markdown_anchors(&text(&files, &format!("{locale}/error-codes.md")));
            let html = html_ids(&text(&files, &format!("{locale}/index.html")));
            assert_eq!(markdown, html, "{locale}: the Markdown's anchors are the HTML page's ids");
            assert!(markdown.iter().all(|id| id.bytes().all(|b| b.is_ascii_graphic())), "{markdown:?}");
            per_locale.push(markdown);
        }
        assert_eq!(per_locale[0], per_locale[1], "the ids do not depend on the language");
    }
}

#[test]
fn anchors_are_the_codes_and_ascii_family_ids() {
    let files = render_dir(&fixture("linkable"));
    let anchors = markdown_anchors(&text(&files, "zh-CN/error-codes.md"));
    assert_eq!(
        anchors,
        ["family-payment", "LINK.card_declined", "family-~8d26~~6237~", "LINK.0001", "LINK.0002"],
        "a Chinese family name gets an ASCII id; `_` in a code is kept"
    );
    let markdown = text(&files, "en-US/error-codes.md");
    assert!(markdown.contains("`LINK.card_declined`"), "the code is shown as written, no `\\_`");
    let html = text(&files, "en-US/index.html");
    assert!(html.contains("<a href=\"#LINK.0001\">LINK.0001</a>"), "the HTML keeps its #CODE links");
    assert!(html.contains("href=\"#family-~8d26~~6237~\""), "the table of contents links the family ids");
}

#[test]
fn the_catalog_name_cannot_turn_the_intro_into_a_list() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["1. LINK", "- LINK", "+ LINK", "2) LINK", "    LINK", "=== LINK"] {
        copy_dir(&fixture("linkable"), dir.path());
        let metadata = std::fs::read_to_string(dir.path().join("catalog.toml")).unwrap();
        let metadata = metadata.replace("name = \"1. LINK\"", &format!("name = {name:?}"));
        std::fs::write(dir.path().join("catalog.toml"), metadata).unwrap();
        let files = render_dir(dir.path());
        for locale in ["zh-CN", "en-US"] {
            let markdown = text(&files, &format!("{locale}/error-codes.md"));
            let mut blocks = Vec::new();
            let mut depth = 0;
            for event in Parser::new_ext(&markdown, Options::ENABLE_TABLES) {
                match event {
                    Event::Start(tag) => {
                        if depth == 0 {
                            blocks.push(match tag {
                                Tag::Paragraph => "paragraph",
                                Tag::Heading { .. } => "heading",
                                Tag::Table(_) => "table",
                                Tag::HtmlBlock => "html",
                                _ => "other",
                            });
                        }
                        depth += 1;
                    }
                    Event::End(_) => depth -= 1,
                    Event::Html(_) if depth == 0 => blocks.push("html"),
                    Event::Rule if depth == 0 => blocks.push("rule"),
                    _ => {}
                }
            }
            let expected = ["html", "heading", "paragraph", "heading", "table", "heading", "table"];
            assert_eq!(blocks, expected, "{name:?} in {locale}");
        }
    }
}
