//! The one rule that maps error codes to Fluent message ids and back.
//!
//! Fluent identifiers may not contain `.`, so a code's id is the code with
//! every `.` replaced by `-`: `CSBS.0001` ↔ `CSBS-0001`. A code is two or more
//! segments of ASCII letters, digits and `_`, joined by `.`, starting with a
//! letter. Because codes never contain `-`, the rule is reversible and no two
//! codes share an id.

/// Returns the Fluent message id for `code`, or `None` if `code` is not a
/// well-formed code.
///
/// ```
/// assert_eq!(errcat::code_to_id("CSBS.0001").as_deref(), Some("CSBS-0001"));
/// assert_eq!(errcat::code_to_id("CSBS-0001"), None);
/// ```
pub fn code_to_id(code: &str) -> Option<String> {
    is_valid_code(code).then(|| code.replace('.', "-"))
}

/// Returns the code a Fluent message id stands for, or `None` if the id maps
/// to no code.
///
/// ```
/// assert_eq!(errcat::id_to_code("CSBS-0001").as_deref(), Some("CSBS.0001"));
/// assert_eq!(errcat::id_to_code("welcome"), None);
/// ```
pub fn id_to_code(id: &str) -> Option<String> {
    // A `.` in the id would survive the mapping and make `CSBS.1` the id of its own code.
    if id.contains('.') {
        return None;
    }
    let code = id.replace('-', ".");
    is_valid_code(&code).then_some(code)
}

/// Whether `code` is a well-formed error code (see the module docs).
pub fn is_valid_code(code: &str) -> bool {
    valid_segments(code, '.')
}

/// Whether `id` is the message id of some code, i.e. `id_to_code(id).is_some()`, without allocating.
pub(crate) fn is_valid_id(id: &str) -> bool {
    !id.contains('.') && valid_segments(id, '-')
}

fn valid_segments(code: &str, separator: char) -> bool {
    let mut segments = 0;
    for segment in code.split(separator) {
        if segment.is_empty() || !segment.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            return false;
        }
        segments += 1;
    }
    segments >= 2 && code.as_bytes()[0].is_ascii_alphabetic()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips() {
        for code in ["CSBS.0001", "EVS.1.2", "A.b_c.9"] {
            let id = code_to_id(code).unwrap();
            assert!(!id.contains('.'));
            assert_eq!(id_to_code(&id).as_deref(), Some(code));
        }
    }

    #[test]
    fn rejects_malformed() {
        for bad in ["", "CSBS", "CSBS.", ".0001", "CSBS..1", "1CSBS.1", "CSBS-0001", "CS BS.1", "CSBS.０"] {
            assert!(!is_valid_code(bad), "{bad:?}");
        }
        for bad in ["welcome", "CSBS--1", "-CSBS-1", "CSBS.1"] {
            assert_eq!(id_to_code(bad), None, "{bad:?}");
            assert!(!is_valid_id(bad), "{bad:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn distinct_codes_have_distinct_ids(a in "[A-Z][A-Z0-9_]{0,4}(\\.[A-Za-z0-9_]{1,4}){1,3}", b in "[A-Z][A-Z0-9_]{0,4}(\\.[A-Za-z0-9_]{1,4}){1,3}") {
            let (id_a, id_b) = (code_to_id(&a).unwrap(), code_to_id(&b).unwrap());
            proptest::prop_assert_eq!(a == b, id_a == id_b);
            proptest::prop_assert!(is_valid_id(&id_a));
            proptest::prop_assert_eq!(id_to_code(&id_a), Some(a));
        }
    }
}
