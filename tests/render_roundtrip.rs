//! Property: for any catalog, even one full of Markdown and HTML, re-parsing each rendered
//! format (Markdown with pulldown-cmark's GFM tables, HTML with html5ever, JSON with serde_json)
//! finds every code exactly once with its text intact.

mod common;

use common::{html_codes, markdown_rows, normal, texts};
use errcat::render::{render, text, Templates};
use errcat::{SourceFile, Sources};
use proptest::prelude::*;
use serde_json::Value;
use std::borrow::Cow;
use std::collections::BTreeMap;

const LOCALES: [&str; 2] = ["en-US", "de-DE"];

/// Pieces of text that mean something to Markdown, HTML, JSON or Fluent.
const TOKENS: &[&str] = &[
    "a",
    "word",
    "Fehler",
    "错误",
    " ",
    " ",
    "|",
    "||",
    "<script>",
    "</script>",
    "<b>",
    "<br>",
    "**",
    "*",
    "_",
    "__",
    "`",
    "``",
    "\\",
    "&amp;",
    "&",
    "\"",
    "'",
    "[x](y)",
    "[",
    "]",
    "(",
    ")",
    "#",
    "~",
    "$",
    "-",
    "1.",
    ">",
    "{",
    "}",
    "CSBS.0001",
    "=",
    "&lt;",
    "\\*",
    "https://x.example/a",
    "<https://y.example>",
    "www.z.example",
    "a@b.example",
];

/// A text of one to three lines; each line starts with a letter so that Fluent reads it as text.
fn text_strategy() -> impl Strategy<Value = String> {
    let line = prop::collection::vec(prop::sample::select(TOKENS), 0..12).prop_map(|t| format!("w{}", t.concat()));
    prop::collection::vec(line, 1..4).prop_map(|lines| lines.join("\n"))
}

#[derive(Debug, Clone)]
struct Message {
    value: String,
    suggestion: Option<String>,
}

fn message_strategy() -> impl Strategy<Value = Message> {
    (text_strategy(), prop::option::of(text_strategy())).prop_map(|(value, suggestion)| Message { value, suggestion })
}

/// Codes with an en-US message each and, for some, a de-DE one.
fn catalog_strategy() -> impl Strategy<Value = Vec<(Message, Option<Message>)>> {
    prop::collection::vec((message_strategy(), prop::option::of(message_strategy())), 1..8)
}

/// `text` as a Fluent pattern: braces as string literals, lines after the first indented.
fn fluent(text: &str) -> String {
    text.replace('{', "\u{0}").replace('}', "{\"}\"}").replace('\u{0}', "{\"{\"}").replace('\n', "\n    ")
}

fn sources(codes: &[(Message, Option<Message>)]) -> Sources {
    let mut files: BTreeMap<String, String> = BTreeMap::new();
    for (i, (en, de)) in codes.iter().enumerate() {
        let family = if i % 2 == 0 { "even" } else { "odd" };
        for (locale, message) in LOCALES.iter().zip([Some(en), de.as_ref()]) {
            let Some(message) = message else { continue };
            let file = files.entry(format!("{locale}/{family}.ftl")).or_default();
            file.push_str(&format!("T-{i:04} = {}\n", fluent(&message.value)));
            if let Some(suggestion) = &message.suggestion {
                file.push_str(&format!("    .suggestion = {}\n", fluent(suggestion)));
            }
        }
    }
    let metadata =
        "name = \"T\"\nsource_locale = \"en-US\"\nfallback_locale = \"en-US\"\nfamilies = [\"even\", \"odd\"]\n";
    Sources {
        root: None,
        metadata: Some(SourceFile { path: "catalog.toml".into(), text: Cow::Owned(metadata.into()) }),
        files: files.into_iter().map(|(path, text)| SourceFile { path, text: Cow::Owned(text) }).collect(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn every_format_reads_back_every_code_and_text(codes in catalog_strategy()) {
        let catalog = errcat::load(&sources(&codes)).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(catalog.codes().len(), codes.len());
        let templates = Templates::embedded().unwrap();
        let files = texts(&render(&catalog, &templates).unwrap());
        let json: Value = serde_json::from_str(&files["catalog.json"]).unwrap();
        for (index, tag) in catalog.locale_tags().enumerate() {
            let mut expected = BTreeMap::new();
            for entry in catalog.codes() {
                let (used, texts) = catalog.resolve(entry, index).unwrap();
                let message = texts.value().source().into_owned();
                let suggestion = texts.attribute("suggestion").map(|s| s.source().into_owned());
                let in_json = &json["codes"][entry.code()]["texts"][tag];
                prop_assert_eq!(in_json["message"]["display"].as_str(), Some(message.as_str()));
                prop_assert_eq!(in_json["suggestion"]["display"].as_str(), suggestion.as_deref());
                prop_assert_eq!(in_json["locale"].as_str(), catalog.locale_tags().nth(used));
                expected.insert(entry.code().to_string(), (message, suggestion));
            }
            let visible = |text: &str| normal(&text::to_plain(text));

            let mut seen = BTreeMap::new();
            for row in markdown_rows(&files[&format!("{tag}/error-codes.md")]) {
                prop_assert_eq!(row.len(), 4, "a cell was split: {:?}", row);
                let (message, suggestion) = &expected[&row[0]];
                *seen.entry(row[0].clone()).or_insert(0) += 1;
                prop_assert_eq!(normal(&row[2]), visible(message), "Markdown description of {}", row[0]);
                let none = || templates.labels(&tag.parse().unwrap())["none"].clone();
                let shown = suggestion.as_deref().map_or_else(none, visible);
                prop_assert_eq!(normal(&row[3]), shown, "Markdown suggestion of {}", row[0]);
            }
            prop_assert!(seen.len() == expected.len() && seen.values().all(|&n| n == 1), "Markdown: {:?}", seen);

            let mut seen = BTreeMap::new();
            for code in html_codes(&files[&format!("{tag}/index.html")]) {
                let (message, suggestion) = &expected[&code.id];
                *seen.entry(code.id.clone()).or_insert(0) += 1;
                prop_assert_eq!(normal(&code.message), visible(message), "HTML description of {}", code.id);
                prop_assert_eq!(code.suggestion.as_deref().map(normal), suggestion.as_deref().map(visible));
            }
            prop_assert!(seen.len() == expected.len() && seen.values().all(|&n| n == 1), "HTML: {:?}", seen);
        }
    }

    #[test]
    fn plain_text_is_shown_exactly(words in prop::collection::vec("[a-zA-Z0-9 ,.;:'\"()?/=+-]{1,12}", 1..6)) {
        let message = format!("x{}", words.concat());
        prop_assert_eq!(text::to_plain(&message), message.as_str());
        prop_assert_eq!(text::to_markdown(&message).replace('\\', ""), message.as_str());
    }
}
