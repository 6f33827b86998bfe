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
        [
            "family-payment",
            "LINK.card_declined",
            "family-~8d26~~6237~",
            "LINK.0001",
            "LINK.0002",
            "LINK.0003",
            "LINK.0004"
        ],
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

/// The hrefs of the links of an HTML fragment, in order.
fn html_links(html: &str) -> Vec<String> {
    let fragment = scraper::Html::parse_fragment(html);
    let selector = scraper::Selector::parse("a[href]").unwrap();
    fragment.select(&selector).map(|a| a.value().attr("href").unwrap_or_default().to_string()).collect()
}

/// The visible text of an HTML fragment (`<br>` as a line break).
fn html_text(html: &str) -> String {
    let fragment = scraper::Html::parse_fragment(&html.replace("<br>", "\n"));
    fragment.root_element().text().collect()
}

/// The destinations of the links of a Markdown fragment, as a CommonMark reader sees them.
fn markdown_links(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, Options::ENABLE_TABLES)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) => Some(dest_url.to_string()),
            _ => None,
        })
        .collect()
}

/// The visible text of a Markdown fragment (`<br>` as a line break).
fn markdown_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Text(text) | Event::Code(text) => out.push_str(&text),
            Event::InlineHtml(html) if &*html == "<br>" => out.push('\n'),
            Event::InlineHtml(html) if &*html == "<!-- -->" => {}
            Event::InlineHtml(html) => panic!("raw HTML {html:?} in {markdown:?}"),
            Event::SoftBreak | Event::HardBreak => out.push('\n'),
            _ => {}
        }
    }
    out
}

fn normal(text: &str) -> String {
    common::normal(text)
}

#[test]
fn entities_backslashes_and_urls_mean_the_same_everywhere() {
    use errcat::render::text::{to_html, to_markdown, to_plain};
    let message = r"&lt;script&gt; is text, so is C:\temp\* and \<b\>; see <https://evil.example/a> or https://help.example.com/frozen.";
    let expected = r"&lt;script&gt; is text, so is C:\temp\* and \<b\>; see <https://evil.example/a> or https://help.example.com/frozen.";
    assert_eq!(to_plain(message), expected, "the plain text is the text as written");
    assert_eq!(normal(&html_text(&to_html(message))), expected);
    assert_eq!(normal(&markdown_text(&to_markdown(message))), expected);
    let links = ["https://evil.example/a", "https://help.example.com/frozen"];
    assert_eq!(html_links(&to_html(message)), links);
    assert_eq!(markdown_links(&to_markdown(message)), links);
    assert!(!to_markdown(message).contains(r"a\>"), "no URL swallows the `\\>`: {}", to_markdown(message));
    // What GitHub would autolink but the HTML page does not link is escaped in the Markdown.
    let markdown = to_markdown("mail a@b.example, see www.example.com or ftp://files.example");
    assert_eq!(markdown, r"mail a<!-- -->@b.example, see www\.example.com or ftp\://files.example");
    assert_eq!(to_markdown("@team, a.b+c@d.example"), "@team, a.b+c<!-- -->@d.example");
    // Inline Markdown stays markup in both.
    assert_eq!(to_html("**bold** `a\\b`"), "<strong>bold</strong> <code>a\\b</code>");
}

/// Pieces of text with entities, backslashes and URLs, but no emphasis, code span or line break.
const LITERAL_TOKENS: &[&str] = &[
    "a",
    "b",
    " ",
    "&lt;",
    "&amp;",
    "&#x41;",
    "&#65;",
    "&",
    "lt;",
    "\\",
    "#",
    "[",
    "]",
    "<",
    ">",
    "!",
    "(",
    ")",
    ".",
    ":",
    "/",
    "@",
    "www.",
    "https://x.example/p",
    "http://y.example",
    "ftp://z.example",
    "|",
];

/// Pieces that also hold Markdown emphasis and code.
const MARKUP_TOKENS: &[&str] = &["**", "*", "_", "`", "\n", "https://x.example/a_(b)", "<https://q.example>"];

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 256, ..Default::default() })]

    /// Entities and backslashes are text: a message without emphasis or code reads as written in
    /// every output.
    #[test]
    fn literal_text_reads_as_written(tokens in proptest::collection::vec(proptest::sample::select(LITERAL_TOKENS), 0..16)) {
        use errcat::render::text::{to_html, to_markdown, to_plain};
        let message = format!("w{}", tokens.concat());
        let expected = normal(&message);
        proptest::prop_assert_eq!(normal(&to_plain(&message)), expected.clone());
        proptest::prop_assert_eq!(normal(&html_text(&to_html(&message))), expected.clone(), "HTML {}", to_html(&message));
        proptest::prop_assert_eq!(normal(&markdown_text(&to_markdown(&message))), expected.clone(), "Markdown {}", to_markdown(&message));
    }

    /// No link in one output that the other lacks, whatever the message holds.
    #[test]
    fn html_and_markdown_have_the_same_links(
        tokens in proptest::collection::vec(proptest::sample::select([LITERAL_TOKENS, MARKUP_TOKENS].concat()), 0..16)
    ) {
        use errcat::render::text::{to_html, to_markdown};
        let message = format!("w{}", tokens.concat());
        let (html, markdown) = (to_html(&message), to_markdown(&message));
        proptest::prop_assert_eq!(html_links(&html), markdown_links(&markdown), "{:?}: {} / {}", message, html, markdown);
    }
}
