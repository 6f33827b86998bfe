//! What each fuzz target does with one input, shared by `fuzz/` (libFuzzer) and by
//! `tests/fuzz_regressions.rs`, which replays every kept input with exactly the same checks.

#![allow(dead_code)]

use errcat::{Catalog, SourceFile, Sources, METADATA_FILE};

const METADATA: &str = "name = \"FUZZ\"\nsource_locale = \"zh-CN\"\nfallback_locale = \"en-US\"\n";
const SOURCE: &str = "FUZZ-0001 = 源文本。\n    .suggestion = 建议。\n";
const TARGET: &str = "FUZZ-0001 = Target text.\n";

fn file(path: &str, text: &'static str) -> SourceFile {
    SourceFile { path: path.into(), text: text.into() }
}

/// The bytes as the source locale's only file, then as the metadata: a catalog or errors, never a panic.
pub fn load_ftl(data: &[u8]) {
    match SourceFile::from_bytes("zh-CN/x.ftl", data.to_vec()) {
        Ok(source) => {
            let sources = Sources {
                metadata: Some(file(METADATA_FILE, METADATA)),
                files: vec![file("en-US/x.ftl", TARGET), source],
                ..Sources::default()
            };
            check(errcat::load(&sources));
        }
        Err(diagnostic) => {
            assert!(diagnostic.is_error() && diagnostic.location.is_some(), "{diagnostic}");
            let _ = diagnostic.to_string();
        }
    }
    if let Ok(metadata) = SourceFile::from_bytes(METADATA_FILE, data.to_vec()) {
        let sources = Sources {
            metadata: Some(metadata),
            files: vec![file("en-US/x.ftl", TARGET), file("zh-CN/x.ftl", SOURCE)],
            ..Sources::default()
        };
        check(errcat::load(&sources));
    }
}

/// The bytes as the source locale's only file (en-US with a message of its own), through `errcat
/// check` and, when the catalog loads, every renderer in memory: problems or files, never a panic.
pub fn check_render(data: &[u8]) {
    let Ok(source) = SourceFile::from_bytes("zh-CN/x.ftl", data.to_vec()) else { return };
    let sources = Sources {
        metadata: Some(file(METADATA_FILE, METADATA)),
        files: vec![file("en-US/x.ftl", TARGET), source],
        ..Sources::default()
    };
    let report = errcat::check::check(&errcat::check::Inputs { sources, ..Default::default() });
    let _ = report.diagnostics.iter().map(ToString::to_string).count();
    if let Some(catalog) = &report.catalog {
        let templates = errcat::render::Templates::embedded().expect("the embedded templates");
        let files = errcat::render::render(catalog, &templates).expect("a loaded catalog renders");
        assert!(files.contains_key("catalog.json"));
    }
}

/// A loaded catalog answers for every code in every locale; a refusal names at least one error.
fn check(result: Result<Catalog, errcat::LoadError>) {
    match result {
        Ok(catalog) => {
            let mut body = Vec::new();
            for entry in catalog.codes() {
                for lang in ["zh-CN", "en-US", "fr", "zh;q=0.5, *;q=0"] {
                    let localized = catalog.localize_with(entry.code(), lang, &[("n", 1.into()), ("name", "x".into())]);
                    let localized = localized.expect("a code of the catalog localizes");
                    assert_eq!(localized.code, entry.code());
                    body.clear();
                    let response = catalog.error_response(entry.code(), lang).expect("and has a response");
                    serde_json::to_writer(&mut body, &response.body).expect("serializes");
                }
            }
        }
        Err(error) => {
            assert!(error.diagnostics.iter().any(|d| d.is_error()), "refused without an error: {error}");
            let _ = error.to_string();
        }
    }
}

/// The text as a language, an `Accept-Language` value and a code against the shipped catalog.
pub fn negotiate(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (first, second) = text.split_once('\n').unwrap_or((&text, &text));
    let catalog = Catalog::embedded();
    let chosen = catalog.negotiate(first);
    assert!(catalog.locales().any(|l| l == chosen));
    let known = catalog.localize("CSBS.0001", first).expect("a known code localizes for any language");
    assert_eq!(known.locale, chosen.to_string());
    let _ = catalog.localize(second, first);
    let _ = catalog.error_response(first, second);
    if let Ok(localized) = catalog.localize(first, "en-US") {
        assert_eq!(Some(localized.code), catalog.get(first.trim()).map(|e| e.code()));
    }
}

/// The text as a reference page for `errcat import`.
pub fn import(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    if let Ok((entries, _)) = errcat::import::parse("page", &text, &errcat::import::Options::default()) {
        for entry in entries {
            assert!(errcat::is_valid_code(&entry.code), "imported an invalid code {:?}", entry.code);
        }
    }
}

/// The bytes as a code and an `Accept-Language` header for `errcat::error_response` on the shipped
/// catalog: before the first line feed the code (without one, `CSBS.6024`), after it the header.
/// The response's locale is the negotiated one, its status a valid HTTP error status, the body
/// serializes, and a known code always has a response.
pub fn error_response(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let (code, header) = match text.split_once('\n') {
        Some((code, header)) => (code, header),
        None => ("CSBS.6024", &*text),
    };
    let catalog = Catalog::embedded();
    let chosen = catalog.negotiate(header);
    assert!(catalog.locales().any(|l| l == chosen));
    let known = errcat::error_response("CSBS.6024", header).expect("a known code has a response for any header");
    assert_eq!(known.content_language, chosen.to_string(), "header {header:?}");
    assert_eq!(known.status, 400);
    assert!(known.errors.is_empty());
    let mut body = Vec::with_capacity(256);
    match errcat::error_response(code, header) {
        Ok(response) => {
            assert!((400..600).contains(&response.status), "status {}", response.status);
            assert_eq!(Some(response.body.error_code), catalog.get(code.trim()).map(|e| e.code()));
            assert_eq!(response.content_language, chosen.to_string());
            serde_json::to_writer(&mut body, &response.body).expect("serializes");
            assert!(!response.body.error_msg.is_empty());
        }
        Err(error) => {
            assert!(catalog.get(code.trim()).is_none(), "{code:?} is in the catalog but: {error}");
            let _ = error.to_string();
        }
    }
}
