//! The CLDR plural categories of a locale, as fluent-bundle chooses its rules.

use crate::LanguageIdentifier;
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use std::collections::BTreeSet;

/// Numbers that reach every category of every CLDR locale: integers up to 1000 and a million
/// (French `many`), and decimals with and without a fraction (Russian `other`, `1.0` in English).
const SAMPLES: [&str; 16] = [
    "0.0", "0.1", "0.5", "1.0", "1.1", "1.5", "2.0", "2.1", "2.5", "3.5", "5.5", "10.1", "11.1", "21.1", "100.5",
    "1000000",
];

/// The cardinal plural categories of `language` (`one`, `other`...), in CLDR order, from the rules
/// fluent-bundle uses for it (the closest locale with rules; English when there is none).
pub(super) fn categories(language: &LanguageIdentifier) -> Vec<&'static str> {
    let english: LanguageIdentifier = "en".parse().expect("valid tag");
    let available = PluralRules::get_locales(PluralRuleType::CARDINAL);
    let chosen =
        negotiate_languages(std::slice::from_ref(language), &available, Some(&english), NegotiationStrategy::Lookup)
            .first()
            .map_or(english.clone(), |l| (*l).clone());
    let Ok(rules) = PluralRules::create(chosen, PluralRuleType::CARDINAL) else { return vec!["other"] };
    let mut found = BTreeSet::new();
    let integers = (0..=1000u32).map(|n| rules.select(n));
    for category in integers.chain(SAMPLES.iter().map(|s| rules.select(*s))).flatten() {
        found.insert(order(&category));
    }
    found.into_iter().map(|(_, name)| name).collect()
}

fn order(category: &PluralCategory) -> (u8, &'static str) {
    match category {
        PluralCategory::ZERO => (0, "zero"),
        PluralCategory::ONE => (1, "one"),
        PluralCategory::TWO => (2, "two"),
        PluralCategory::FEW => (3, "few"),
        PluralCategory::MANY => (4, "many"),
        PluralCategory::OTHER => (5, "other"),
    }
}

/// Whether `key` names a plural category of some language.
pub(super) fn is_category(key: &str) -> bool {
    matches!(key, "zero" | "one" | "two" | "few" | "many" | "other")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn categories_of_languages_with_known_sets() {
        let of = |tag: &str| categories(&tag.parse().unwrap());
        assert_eq!(of("ar"), ["zero", "one", "two", "few", "many", "other"]);
        assert_eq!(of("ru-RU"), ["one", "few", "many", "other"]);
        assert_eq!(of("ja-JP"), ["other"]);
        assert_eq!(of("en-US"), ["one", "other"]);
        assert_eq!(of("de"), ["one", "other"]);
    }
}
