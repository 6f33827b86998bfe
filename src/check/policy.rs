//! The severity policy: which kinds of problem fail `errcat check` (errors) and which are only shown (warnings).
//!
//! | kind | severity | why |
//! |---|---|---|
//! | `io`, `encoding`, `syntax`, `too-deep`, `metadata`, `locale` | error | the catalog cannot be read as written |
//! | `duplicate-message`, `duplicate-attribute`, `duplicate-term`, `invalid-id`, `id-collision`, `missing-value`, `unknown-code`, `unknown-reference` | error | ambiguous or dangling entries |
//! | `unknown-function`, `cyclic-reference`, `too-many-placeables`, `family-title` | error | the text cannot be formatted (or shown) as written |
//! | `missing-message`, `obsolete-message`, `missing-attribute`, `obsolete-attribute` | error | a locale is out of step with the source |
//! | `empty-text`, `variable-mismatch`, `untranslated` | error | users would see wrong text |
//! | `misplaced-review` | error | review records inside a locale folder, where translation tools take them for a translation |
//! | `stale` | error | the source changed after the translation was reviewed (or it was never reviewed) |
//! | `control-character`, `bidi-control` | error | the text is not what readers see: terminals act on it, pages reorder it (`bidi-control` is not reported when `catalog.toml` has `allow_bidi_controls = true`) |
//! | `punctuation`, `whitespace`, `terminology` | warning | style: worth fixing, never blocks a release |
//! | `missing-plural-category` | warning | some counts fall to the default variant, as compare-locales warns |

use crate::runtime::diagnostic::{Kind, Severity};

/// The severity of every problem of `kind` reported by `errcat check` (see the module table).
pub fn severity(kind: Kind) -> Severity {
    match kind {
        Kind::Punctuation | Kind::Whitespace | Kind::Terminology | Kind::MissingPluralCategory => Severity::Warning,
        Kind::Io
        | Kind::Encoding
        | Kind::Syntax
        | Kind::TooDeep
        | Kind::Metadata
        | Kind::Locale
        | Kind::DuplicateMessage
        | Kind::DuplicateAttribute
        | Kind::DuplicateTerm
        | Kind::InvalidId
        | Kind::IdCollision
        | Kind::MissingValue
        | Kind::UnknownCode
        | Kind::MissingMessage
        | Kind::ObsoleteMessage
        | Kind::MissingAttribute
        | Kind::ObsoleteAttribute
        | Kind::EmptyText
        | Kind::VariableMismatch
        | Kind::Untranslated
        | Kind::Stale
        | Kind::MisplacedReview
        | Kind::UnknownReference
        | Kind::UnknownFunction
        | Kind::CyclicReference
        | Kind::TooManyPlaceables
        | Kind::FamilyTitle
        | Kind::ControlCharacter
        | Kind::BidiControl => Severity::Error,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_style_kinds_are_warnings() {
        let warnings: Vec<_> =
            Kind::ALL.iter().filter(|k| severity(**k) == Severity::Warning).map(|k| k.name()).collect();
        assert_eq!(warnings, ["punctuation", "whitespace", "terminology", "missing-plural-category"]);
    }
}
