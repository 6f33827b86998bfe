//! One shared catalog, many threads localizing and serializing at once: the same answers as one thread.
//! Covers plain text (pre-resolved rows), variables, and selectors (fluent-bundle, built on first use).

use errcat::{Arg, Catalog, SourceFile, Sources, METADATA_FILE};
use std::sync::Arc;

const THREADS: usize = 8;
const ROUNDS: usize = 40;
const LANGS: &[&str] =
    &["zh-CN", "en-US", "en", "zh", "en-GB", "fr", "", "zh-CN,zh;q=0.9,en;q=0.8", "en;q=0, *", "EN_us"];

fn file(path: &str, text: &str) -> SourceFile {
    SourceFile { path: path.into(), text: text.to_string().into() }
}

/// A small catalog with every kind of pattern, missing translations included.
fn mixed_catalog() -> Catalog {
    let source = "\
MIX-0001 = 纯文本。
    .suggestion = 建议。
MIX-0002 = 用户 { $name } 已有 { $count } 个策略。
MIX-0003 = { $count ->
    [one] 一个备份
   *[other] { $count } 个备份
}
MIX-0004 = 只有源语言。
";
    let target = "\
MIX-0001 = Plain text.
    .suggestion = A suggestion.
MIX-0002 = User { $name } has { $count } policies.
MIX-0003 = { $count ->
    [one] one backup
   *[other] { $count } backups
}
";
    let sources = Sources {
        metadata: Some(file(METADATA_FILE, "name = \"MIX\"\nsource_locale = \"zh-CN\"\nfallback_locale = \"en-US\"\n")),
        files: vec![file("en-US/mix.ftl", target), file("zh-CN/mix.ftl", source)],
        ..Sources::default()
    };
    errcat::load(&sources).expect("the mixed catalog loads")
}

/// Everything observable about every code in every language, with the JSON body.
fn answers(catalog: &Catalog) -> Vec<String> {
    let args: [(&str, Arg<'_>); 2] = [("name", "alice".into()), ("count", 1.into())];
    let mut out = Vec::new();
    let mut body = Vec::with_capacity(1024);
    for entry in catalog.codes() {
        for lang in LANGS {
            let localized = catalog.localize_with(entry.code(), lang, &args).expect("known code");
            body.clear();
            let response = catalog.error_response_with(entry.code(), lang, &args).expect("known code");
            serde_json::to_writer(&mut body, &response.body).expect("serializes");
            out.push(format!(
                "{} {lang:?} -> {} {} {:?} {:?} {:?} {}",
                entry.code(),
                localized.locale,
                localized.status,
                localized.message,
                localized.suggestion,
                localized.errors,
                String::from_utf8_lossy(&body)
            ));
        }
    }
    out
}

fn same_answers_from_many_threads(catalog: Arc<Catalog>) {
    // The reference is computed on a fresh catalog, so the threads below are the first to build the
    // lazily created parts (fluent-bundle bundles, region tables) of theirs, at the same time.
    let expected = answers(&catalog);
    let fresh = Arc::new(match catalog.name() {
        "MIX" => mixed_catalog(),
        _ => Catalog::from_compiled(&errcat::csbs::COMPILED),
    });
    let threads: Vec<_> = (0..THREADS)
        .map(|_| {
            let catalog = Arc::clone(&fresh);
            std::thread::spawn(move || (0..ROUNDS).map(|_| answers(&catalog)).collect::<Vec<_>>())
        })
        .collect();
    for thread in threads {
        for round in thread.join().expect("no thread panicked") {
            assert_eq!(round, expected);
        }
    }
}

#[test]
fn the_shipped_catalog_answers_the_same_from_many_threads() {
    same_answers_from_many_threads(Arc::new(Catalog::from_compiled(&errcat::csbs::COMPILED)));
}

#[test]
fn variables_and_selectors_answer_the_same_from_many_threads() {
    let catalog = Arc::new(mixed_catalog());
    let answers = answers(&catalog);
    // The reference itself is right: selectors and variables were formatted, fallback applied.
    assert!(answers.iter().any(|a| a.contains("\"one backup\"")), "{answers:#?}");
    assert!(answers.iter().any(|a| a.contains("\"User alice has 1 policies.\"")), "{answers:#?}");
    assert!(answers.iter().any(|a| a.starts_with("MIX.0004 \"en-US\" -> zh-CN")), "{answers:#?}");
    same_answers_from_many_threads(catalog);
}
