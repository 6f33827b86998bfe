//! Helpers shared by the integration tests: running the `errcat` binary, and readers of
//! errcat's outputs, each format re-parsed by an independent parser (pulldown-cmark with GFM
//! tables, html5ever through scraper, serde_json).

#![allow(dead_code)]

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// Runs `errcat` with `args`: (exit code, stdout, stderr).
pub fn errcat(args: &[&str]) -> (i32, String, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_errcat")).args(args).output().expect("errcat runs");
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (output.status.code().unwrap_or(-1), text(&output.stdout), text(&output.stderr))
}

/// Copies the directory tree `from` to `to`.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &to.join(entry.file_name()));
        } else {
            std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
        }
    }
}

/// Whitespace collapsed and trimmed: every format may reflow text.
pub fn normal(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Every body row of every GFM table in `markdown`, as the visible text of its cells
/// (`<br>` read as a line break). The only other HTML allowed is the code's anchor, `<a id="CODE"></a>`,
/// opening the first cell, whose id must be the code the cell shows.
pub fn markdown_rows(markdown: &str) -> Vec<Vec<String>> {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let mut in_head = false;
    let mut cell: Option<String> = None;
    let mut anchor: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableHead) => in_head = true,
            Event::End(TagEnd::TableHead) => in_head = false,
            Event::Start(Tag::TableRow) if !in_head => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => {
                let text = cell.take().unwrap_or_default();
                if let Some(id) = anchor.take() {
                    assert_eq!(id, text, "a code's anchor is the code its cell shows");
                }
                if !in_head {
                    if let Some(row) = rows.last_mut() {
                        row.push(text);
                    }
                }
            }
            Event::Text(text) | Event::Code(text) => {
                if let Some(cell) = cell.as_mut() {
                    cell.push_str(&text);
                }
            }
            Event::InlineHtml(html) | Event::Html(html) => {
                let first_cell = rows.last().is_some_and(Vec::is_empty);
                if let Some(cell) = cell.as_mut() {
                    let id = html.strip_prefix("<a id=\"").and_then(|h| h.strip_suffix("\">"));
                    match id {
                        Some(id) if first_cell && cell.is_empty() && !in_head => anchor = Some(id.to_string()),
                        _ if &*html == "</a>" && anchor.is_some() && cell.is_empty() => {}
                        // Ends the text node before an e-mail address's `@`, so GitHub does not link it.
                        _ if &*html == "<!-- -->" => {}
                        _ => {
                            assert_eq!(
                                &*html, "<br>",
                                "the only HTML in Markdown output is <br> (and code anchors, empty comments)"
                            );
                            cell.push('\n');
                        }
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some(cell) = cell.as_mut() {
                    cell.push(' ');
                }
            }
            _ => {}
        }
    }
    rows
}

/// One code as an HTML page shows it.
#[derive(Debug)]
pub struct HtmlCode {
    pub id: String,
    pub message: String,
    /// The `.description` paragraph, without its label; None when the code has none.
    pub description: Option<String>,
    /// None when the page says there is no suggestion.
    pub suggestion: Option<String>,
}

/// Every `article.code` of an HTML page, parsed by html5ever.
pub fn html_codes(html: &str) -> Vec<HtmlCode> {
    let document = scraper::Html::parse_document(html);
    let article = scraper::Selector::parse("article.code").unwrap();
    let message = scraper::Selector::parse("p.msg").unwrap();
    let suggestion = scraper::Selector::parse("p.sug").unwrap();
    let description = scraper::Selector::parse("p.description").unwrap();
    document
        .select(&article)
        .map(|a| {
            let sug = a.select(&suggestion).next().expect("every code has a suggestion line");
            let has_none = sug.value().classes().any(|c| c == "none");
            HtmlCode {
                id: a.value().id().unwrap_or_default().to_string(),
                message: visible_text(a.select(&message).next().expect("every code has a message")),
                description: a.select(&description).next().map(|d| visible_text(d).trim_start().to_string()),
                suggestion: (!has_none).then(|| visible_text(sug)),
            }
        })
        .collect()
}

/// The text of `element` with `<br>` as a line break, leaving out `span.label`s.
fn visible_text(element: scraper::ElementRef<'_>) -> String {
    let mut out = String::new();
    for node in element.children() {
        if let Some(text) = node.value().as_text() {
            out.push_str(text);
        } else if let Some(child) = scraper::ElementRef::wrap(node) {
            match child.value().name() {
                "br" => out.push('\n'),
                "span" if child.value().classes().any(|c| c == "label") => {}
                _ => out.push_str(&visible_text(child)),
            }
        }
    }
    out
}

/// `file → bytes` as `file → text`.
pub fn texts(files: &BTreeMap<String, Vec<u8>>) -> BTreeMap<String, String> {
    files.iter().map(|(k, v)| (k.clone(), String::from_utf8(v.clone()).expect("outputs are UTF-8"))).collect()
}
