//! Properties of the run-time API over arbitrary input: nothing panics, and the fast paths keep the
//! documented rules (case-insensitive tags, `_` as `-`, surrounding whitespace ignored).

use errcat::{Catalog, LookupError};
use proptest::prelude::*;

fn catalog() -> &'static Catalog {
    Catalog::embedded()
}

/// Language inputs: real tags, tags built from subtag alphabets, header-like text, and anything.
fn lang() -> impl Strategy<Value = String> {
    prop_oneof![
        "(zh|en|fr|ZH|En)([-_](Hans|Hant|Latn|CN|US|GB|TW|cn|us|[A-Za-z]{2}|[0-9]{3})){0,2}",
        "[a-zA-Z*;=,. _0-9-]{0,40}",
        any::<String>(),
    ]
}

proptest! {
    #[test]
    fn arbitrary_code_and_language_never_panic(code in any::<String>(), lang in lang()) {
        let catalog = catalog();
        match catalog.localize(&code, &lang) {
            Ok(found) => prop_assert_eq!(Some(found.code), catalog.get(code.trim()).map(|e| e.code())),
            Err(LookupError::EmptyCode) => prop_assert!(code.trim().is_empty()),
            Err(LookupError::UnknownCode { code: asked }) => prop_assert_eq!(asked, code.clone()),
            Err(other) => prop_assert!(false, "unexpected error {other:?}"),
        }
        let _ = catalog.error_response(&code, &lang);
        let _ = catalog.localize_with(&code, &lang, &[("n", 1.into())]);
        let chosen = catalog.negotiate(&lang);
        prop_assert!(catalog.locales().any(|l| l == chosen));
    }

    #[test]
    fn every_known_code_localizes_for_any_language(index in 0usize..70, lang in lang()) {
        let catalog = catalog();
        let entry = catalog.codes().nth(index).expect("70 codes");
        let found = catalog.localize(entry.code(), &lang).expect("a known code always localizes");
        prop_assert_eq!(found.code, entry.code());
        prop_assert_eq!(found.status, entry.status());
        prop_assert!(!found.message.is_empty());
        // Whitespace around the code does not matter.
        let padded = catalog.localize(&format!(" {}\t", entry.code()), &lang).expect("trimmed");
        prop_assert_eq!(padded, found);
    }

    #[test]
    fn tags_match_in_any_case_and_with_underscores(tag in "(zh|en|fr)(-(Hans|Hant|Latn|CN|US|GB|TW|[a-z]{2})){0,2}") {
        let catalog = catalog();
        let chosen = catalog.negotiate(&tag);
        prop_assert_eq!(catalog.negotiate(&tag.to_uppercase()), chosen);
        prop_assert_eq!(catalog.negotiate(&tag.to_lowercase()), chosen);
        prop_assert_eq!(catalog.negotiate(&tag.replace('-', "_")), chosen);
        // A single tag and the same tag as a one-entry header agree.
        prop_assert_eq!(catalog.negotiate(&format!("{tag};q=1")), chosen);
    }
}
