//! The runtime API: negotiation, per-message fallback, arguments, errors, the wire format.

use errcat::{Arg, Catalog, FormatError, LookupError};
use std::path::Path;

fn fixture(name: &str) -> Catalog {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogs").join(name);
    Catalog::from_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
}

#[test]
fn negotiation_cases() {
    let table = include_str!("fixtures/negotiation.tsv");
    let catalog = Catalog::embedded();
    let mut cases = 0;
    for line in table.lines().filter(|l| !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let input = fields.next().expect("input").replace("\\s", " ");
        let expected = fields.next().unwrap_or_else(|| panic!("no expected locale in {line:?}"));
        let why = fields.next().unwrap_or("");
        assert_eq!(catalog.negotiate(&input).to_string(), expected, "{input:?} ({why})");
        let localized = catalog.localize("CSBS.0001", &input).expect("known code");
        assert_eq!(localized.locale, expected, "{input:?} ({why})");
        cases += 1;
    }
    assert!(cases >= 30, "only {cases} cases");
}

#[test]
fn texts_come_from_the_negotiated_locale() {
    let en = errcat::localize("CSBS.6024", "en-US").expect("known code");
    assert!(en.message.starts_with("The capacity of the cloud disk"), "{}", en.message);
    assert!(en.suggestion.is_some());
    let zh = errcat::localize("CSBS.6024", "zh-CN,zh;q=0.9").expect("known code");
    assert_eq!(zh.message, "云服务器挂载的云硬盘的容量小于备份盘，不能执行恢复操作。");
    assert_eq!(zh.suggestion.as_deref(), Some("请将云服务器挂载盘的扩容后重试或将备份盘恢复到容量更大的挂载盘。"));
    assert_eq!((zh.status, zh.locale), (400, "zh-CN"));
    let none = errcat::localize("CSBS.3000", "en").expect("known code");
    assert_eq!(none.suggestion, None);
    assert_eq!(none.status, 404);
}

#[test]
fn argument_free_messages_are_borrowed() {
    let localized = errcat::localize("CSBS.0001", "zh").expect("known code");
    assert!(matches!(localized.message, std::borrow::Cow::Borrowed(_)));
    assert!(matches!(localized.suggestion, Some(std::borrow::Cow::Borrowed(_))));
}

#[test]
fn unknown_and_empty_codes_are_errors() {
    for code in ["", "   "] {
        assert_eq!(errcat::localize(code, "en-US"), Err(LookupError::EmptyCode));
    }
    for code in ["CSBS.0000", "csbs.0001", "CSBS-0001", "CSBS.0001\0", "💥"] {
        assert_eq!(
            errcat::localize(code, "en-US"),
            Err(LookupError::UnknownCode { code: code.to_string() }),
            "{code:?}"
        );
    }
    assert_eq!(errcat::localize(" CSBS.0001 ", "").map(|l| l.code), Ok("CSBS.0001"));
    let error = errcat::localize("CSBS.42", "en").unwrap_err();
    assert_eq!(error.to_string(), "unknown error code `CSBS.42`");
}

#[test]
fn a_message_missing_in_the_chosen_locale_falls_back_per_message() {
    // zh-CN (source) has A.1–A.4, en-US (fallback) lacks A.2, de lacks A.1 and A.2.
    let catalog = fixture("fallback");
    let cases = [
        ("A.1", "de", "en-US", "Quota exceeded."),
        ("A.2", "de", "zh-CN", "仅源语言有此消息。"),
        ("A.2", "en", "zh-CN", "仅源语言有此消息。"),
        ("A.3", "de-AT", "de", "Der Dienst ist nicht verfügbar."),
        ("A.3", "fr", "en-US", "The service is unavailable."),
    ];
    for (code, lang, locale, message) in cases {
        let localized = catalog.localize(code, lang).expect("known code");
        assert_eq!((localized.locale, &*localized.message), (locale, message), "{code} {lang}");
    }
    // The suggestion comes from the same locale as the message, never mixed.
    let localized = catalog.localize("A.1", "de").expect("known code");
    assert_eq!(localized.suggestion.as_deref(), Some("Delete a policy."));
}

#[test]
fn named_arguments_are_inserted_without_isolation_marks() {
    let catalog = fixture("fallback");
    let localized =
        catalog.localize_with("A.4", "en-US", &[("limit", Arg::Int(32)), ("kind", "policies".into())]).unwrap();
    assert_eq!(localized.message, "At most 32 policies are allowed.");
    assert_eq!(localized.suggestion.as_deref(), Some("Delete some policies and try again."));
    assert!(localized.errors.is_empty());
    assert!(!localized.message.contains(['\u{2068}', '\u{2069}']));
    let zh = catalog.localize_with("A.4", "zh", &[("limit", 5.into()), ("kind", "备份策略".into())]).unwrap();
    assert_eq!(zh.message, "最多允许 5 个备份策略。");
}

#[test]
fn a_missing_argument_is_reported_and_shown_as_a_placeholder() {
    let catalog = fixture("fallback");
    let localized = catalog.localize_with("A.4", "en-US", &[("limit", Arg::Int(3))]).unwrap();
    assert_eq!(localized.message, "At most 3 {$kind} are allowed.");
    assert_eq!(localized.errors[0], FormatError::MissingArgument { name: "kind".into() });
}

#[test]
fn selectors_are_formatted_by_fluent() {
    let catalog = fixture("fallback");
    let one = catalog.localize_with("A.5", "en-US", &[("count", Arg::Int(1))]).unwrap();
    assert_eq!(one.message, "1 disk could not be backed up.");
    let many = catalog.localize_with("A.5", "en-US", &[("count", Arg::Int(4))]).unwrap();
    assert_eq!(many.message, "4 disks could not be backed up.");
    assert!(many.errors.is_empty(), "{:?}", many.errors);
    let missing = catalog.localize("A.5", "en-US").unwrap();
    assert_eq!(missing.errors, [FormatError::MissingArgument { name: "count".into() }]);
}

#[test]
fn error_response_is_the_wire_format() {
    let response = errcat::error_response("CSBS.9009", "en-US,en;q=0.9").expect("known code");
    assert_eq!((response.status, response.content_language), (403, "en-US"));
    let json = serde_json::to_value(&response.body).unwrap();
    assert_eq!(json["error_code"], "CSBS.9009");
    assert_eq!(json.as_object().map(|o| o.len()), Some(2));
    assert_eq!(json["error_msg"], errcat::localize("CSBS.9009", "en").unwrap().message.as_ref());
}

#[test]
fn the_catalog_is_shared_across_threads() {
    let catalog = std::sync::Arc::new(fixture("fallback"));
    let handles: Vec<_> = (0..4)
        .map(|i| {
            let catalog = catalog.clone();
            std::thread::spawn(move || {
                catalog.localize_with("A.5", "en", &[("count", Arg::Int(i))]).unwrap().message.into_owned()
            })
        })
        .collect();
    let texts: Vec<String> = handles.into_iter().map(|h| h.join().unwrap()).collect();
    assert_eq!(texts[1], "1 disk could not be backed up.");
    assert_eq!(texts[3], "3 disks could not be backed up.");
}

/// The code index against the obvious implementation: codes of every length up to 40 bytes, sharing
/// long prefixes, enough of them to fill many probe groups; each is found with its own text and
/// suggestion (present on some codes only), and near misses are not.
#[test]
fn every_code_is_found_and_near_misses_are_not() {
    use errcat::{SourceFile, Sources, METADATA_FILE};
    let file = |path: &str, text: String| SourceFile { path: path.into(), text: text.into() };
    let mut codes = Vec::new();
    for length in 3..=40usize {
        for variant in b'a'..=b'y' {
            codes.push(format!("A.{}{}", "b".repeat(length - 3), char::from(variant)));
        }
    }
    let mut source = String::new();
    for (i, code) in codes.iter().enumerate() {
        source.push_str(&format!("{} = text {i}\n", code.replace('.', "-")));
        if i % 3 == 0 {
            source.push_str(&format!("    .suggestion = hint {i}\n"));
        }
    }
    let metadata = "name = \"IDX\"\nsource_locale = \"zh-CN\"\nfallback_locale = \"en-US\"\n".to_string();
    let catalog = errcat::load(&Sources {
        metadata: Some(file(METADATA_FILE, metadata)),
        files: vec![file("zh-CN/x.ftl", source), file("en-US/x.ftl", String::new())],
        ..Sources::default()
    })
    .expect("loads");
    assert_eq!(catalog.codes().len(), codes.len());
    for (i, code) in codes.iter().enumerate() {
        for lang in ["en-US", "zh-CN"] {
            let found = catalog.localize(code, lang).unwrap_or_else(|e| panic!("{code}: {e}"));
            assert_eq!((found.code, found.message.as_ref()), (code.as_str(), format!("text {i}").as_str()));
            assert_eq!(found.suggestion.as_deref(), (i % 3 == 0).then(|| format!("hint {i}")).as_deref(), "{code}");
            assert_eq!(found.locale, "zh-CN", "the only text is the source's");
        }
        for miss in [format!("{code}x"), code[..code.len() - 1].to_string(), code.to_lowercase(), format!("x{code}")] {
            if !codes.contains(&miss) {
                let error = catalog.localize(&miss, "en-US").map(|found| found.code.to_string());
                assert!(matches!(error, Err(LookupError::UnknownCode { .. } | LookupError::EmptyCode)), "{miss}");
            }
        }
    }
}
