//! Property: any text the importer reads (lines trimmed, no empty lines, printf placeholders)
//! written as Fluent by `ImportedText::to_fluent` loads back as exactly the same text.

use errcat::import::ImportedText;
use errcat::{load, SourceFile, Sources};
use proptest::prelude::*;
use std::borrow::Cow;

fn load_message(pattern: &str) -> Result<String, String> {
    let file = |path: &str, text: String| SourceFile { path: path.into(), text: Cow::Owned(text) };
    let sources = Sources {
        root: None,
        metadata: Some(file(
            "catalog.toml",
            "name = \"X\"\nsource_locale = \"zh-CN\"\nfallback_locale = \"zh-CN\"\n".into(),
        )),
        files: vec![file("zh-CN/x.ftl", format!("X-1 = {pattern}\n    .suggestion = {pattern}\n"))],
    };
    let catalog = load(&sources).map_err(|e| e.to_string())?;
    let texts = catalog.get("X.1").and_then(|e| e.texts(0)).ok_or("no message")?;
    let value = texts.value().source().into_owned();
    let suggestion = texts.attribute("suggestion").map(|t| t.source().into_owned());
    if suggestion.as_deref() != Some(value.as_str()) {
        return Err(format!("value {value:?} and suggestion {suggestion:?} differ"));
    }
    Ok(value)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn written_text_reads_back(lines in prop::collection::vec("[a-z{}\\[\\]*.%$#\"\\\\ 错误码：。-]{1,12}", 1..4)) {
        let lines: Vec<String> = lines.iter().map(|l| l.trim().to_string()).filter(|l| !l.is_empty()).collect();
        prop_assume!(!lines.is_empty());
        let text = ImportedText::from_printf(&lines.join("\n"));
        prop_assert_eq!(load_message(&text.to_fluent()), Ok(text.canonical()));
    }
}

#[test]
fn hand_picked_hard_cases() {
    for raw in ["{", "}", "[x]", "*x", ".x", "a\n.b", "a\n[b]\n*c", "%s%%%d", "\\u0041", "\"quoted\"", "a {$b}"] {
        let text = ImportedText::from_printf(raw);
        assert_eq!(load_message(&text.to_fluent()), Ok(text.canonical()), "{raw:?} as {}", text.to_fluent());
    }
}
