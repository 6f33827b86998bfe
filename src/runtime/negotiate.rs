//! Language negotiation: BCP 47 tags and `Accept-Language` values to a catalog locale.
//!
//! The input of [`Catalog::negotiate`](crate::Catalog::negotiate) may be one tag
//! (`zh`, `zh-Hans-CN`, `zh_CN`, `EN-us`) or a whole `Accept-Language` value
//! (`en;q=0.5, zh-CN;q=0.9`). The rules, in order:
//!
//! 1. Entries are split on `,`; each is a tag optionally followed by `;q=WEIGHT`.
//!    Malformed entries (bad tag, bad weight) are skipped. Tags are matched
//!    case-insensitively and `_` counts as `-`; extensions and private use
//!    (from the first one-letter subtag on: `-u-nu-hanidec`, `-x-foo`) are ignored.
//! 2. An entry with `q=0` excludes every locale its tag matches.
//! 3. Among the other entries, the highest weight wins, earlier entries
//!    winning ties. A tag matches a locale as `fluent-langneg`'s filtering
//!    strategy does: exact, then by likely subtags (`zh` → `zh-CN`,
//!    `zh-Hans-CN` → `zh-CN`), then by language alone (`en-GB` → `en-US`).
//!    `*` matches the fallback locale.
//! 4. If nothing matches, the fallback locale is used; if the header
//!    excluded it, the first locale not excluded (the source locale first).
//!
//! Once a locale is chosen, each message falls back on its own: a code
//! missing in the chosen locale is taken from the fallback locale, then from
//! the source locale ([`Localized::locale`](crate::Localized) tells which).
//!
//! Common tags are answered from a table built at load time, and `language-REGION`
//! tags of an available language (`en-GB`) from a per-language table filled on
//! first use, so negotiation does not allocate after warm-up; both tables are
//! filled by the same matcher that handles rarer tags, so all paths agree. An
//! `Accept-Language` value without `q=0` is read in one pass that only matches
//! entries able to outweigh the best so far; when its first entry has no weight
//! (the usual `zh-CN,zh;q=0.9,en;q=0.8`) and matches, nothing else can beat it,
//! and the rest is only scanned for a `q=0`.
//!
//! Every step is linear in the length of the input, whatever its shape (`benches/accept_language.rs`
//! measures `=` and `;` floods, thousands of entries and tags of 500 subtags): a service can hand
//! over any client's header without a length limit of its own.

use super::keys::{bytes_eq, ShortKey};
use fluent_langneg::{negotiate_languages, NegotiationStrategy};
use rustc_hash::FxHashMap;
use std::sync::OnceLock;
use unic_langid::LanguageIdentifier;

/// Entries longer than this are not single language tags; they take the slow path.
const MAX_FAST_TAG: usize = 48;

#[derive(Debug)]
pub(crate) struct Negotiator {
    available: Vec<LanguageIdentifier>,
    /// Lowercased primary language subtags of `available`.
    languages: Vec<String>,
    /// Lowercased tags of `available`, tried before the table: most requests name a locale exactly.
    tags: Vec<String>,
    /// The tags of `available` as written (`zh-CN`), for [`Negotiator::exact`]; a tag too long for a
    /// [`ShortKey`] never matches there.
    exact: Vec<ShortKey>,
    /// Lowercased `-`-separated tags known to match, to the index of the locale they match.
    table: FxHashMap<Box<str>, u16>,
    /// Per entry of `languages`, what `language-REGION` matches for each two-letter region
    /// (`en-GB`, `zh-TW`: common in headers, not in `table`). Filled on first use, so that a
    /// service pays the slow path once per language instead of one allocation per request.
    regions: Vec<OnceLock<Box<[Option<u16>]>>>,
    /// Locales to try, in order, when nothing in the request matches.
    defaults: Vec<u16>,
}

impl Negotiator {
    pub(crate) fn new(available: Vec<LanguageIdentifier>, fallback: usize, source: usize) -> Self {
        let languages = available.iter().map(|l| l.language.as_str().to_ascii_lowercase()).collect();
        let mut defaults = vec![fallback as u16];
        if source != fallback {
            defaults.push(source as u16);
        }
        let rest: Vec<u16> = (0..available.len() as u16).filter(|i| !defaults.contains(i)).collect();
        defaults.extend(rest);
        let tags = available.iter().map(|l| l.to_string().to_ascii_lowercase()).collect();
        let regions = available.iter().map(|_| OnceLock::new()).collect();
        let exact =
            available.iter().map(|l| ShortKey::of(l.to_string().as_bytes()).unwrap_or(ShortKey::NEVER)).collect();
        let mut negotiator =
            Negotiator { available, languages, tags, exact, table: FxHashMap::default(), regions, defaults };
        let mut candidates = Vec::new();
        for locale in &negotiator.available {
            let mut maximized = locale.clone();
            maximized.maximize();
            for l in [locale, &maximized] {
                let language = l.language.as_str();
                candidates.push(language.to_string());
                if let Some(region) = l.region {
                    candidates.push(format!("{language}-{region}"));
                }
                if let Some(script) = l.script {
                    candidates.push(format!("{language}-{script}"));
                    if let Some(region) = l.region {
                        candidates.push(format!("{language}-{script}-{region}"));
                    }
                }
                candidates.push(l.to_string());
            }
        }
        for candidate in candidates {
            let key = candidate.to_ascii_lowercase();
            if let Some(index) = negotiator.slow_match(&key) {
                negotiator.table.insert(key.into_boxed_str(), index);
            }
        }
        negotiator
    }

    /// The index of the locale to use for `input` (a tag or an `Accept-Language` value).
    pub(crate) fn negotiate(&self, input: &str) -> usize {
        let input = trim(input);
        // A byte loop, not `memchr`: headers are a few dozen bytes, shorter than its set-up pays for.
        match input.bytes().position(|b| b == b',' || b == b';') {
            None => match input {
                "" | "*" => self.defaults[0] as usize,
                tag => self.match_tag(tag).unwrap_or(self.defaults[0]) as usize,
            },
            Some(comma) if input.as_bytes()[comma] == b',' => {
                self.first_entry_wins(input, comma).unwrap_or_else(|| self.negotiate_list(input))
            }
            Some(_) => self.negotiate_list(input),
        }
    }

    /// The usual header (`zh-CN,zh;q=0.9,en;q=0.8`) without reading it all: a first entry with no
    /// weight has the highest weight there is, and ties go to the earlier entry, so if it matches it
    /// wins, unless a later entry excludes locales with `q=0`. `None` when that cannot be ruled out.
    fn first_entry_wins(&self, input: &str, comma: usize) -> Option<usize> {
        let tag = trim(input.get(..comma)?);
        if tag == "*" || !is_tag(tag) || may_exclude(&input.as_bytes()[comma..]) {
            return None;
        }
        self.exact(tag).or_else(|| self.match_tag(tag).map(usize::from))
    }

    /// The index of the locale whose tag is exactly `tag` as written, if any: by far the most common
    /// input, tried before anything else. Tags of up to 12 bytes; longer ones go the general way.
    #[inline(always)]
    pub(crate) fn exact(&self, tag: &str) -> Option<usize> {
        let key = ShortKey::of(tag.as_bytes())?;
        // Without an early return, so that a service mixing languages does not pay a mispredicted
        // branch per request; backwards, so that the first match wins.
        let mut exact = None;
        for (i, known) in self.exact.iter().enumerate().rev() {
            exact = if known.same(&key) { Some(i) } else { exact };
        }
        exact
    }

    /// One pass for the usual header, with no `q=0` entry: the first entry of the highest weight
    /// that matches wins, so entries that cannot outweigh the best so far are not even matched.
    fn negotiate_list(&self, input: &str) -> usize {
        let mut best: Option<(u16, u16)> = None; // (weight, locale)
        for entry in pieces(input, b',') {
            // The tag is checked only when the entry can matter: a malformed entry and one that
            // cannot outweigh the best so far are both skipped.
            let Some((tag, weight)) = split_entry(entry) else { continue };
            if best.is_some_and(|(w, _)| w >= weight) && weight != 0 {
                continue;
            }
            if !is_tag(tag) {
                continue;
            }
            if weight == 0 {
                return self.negotiate_with_exclusions(input);
            }
            let matched = if tag == "*" { Some(self.defaults[0]) } else { self.match_tag(tag) };
            if let Some(index) = matched {
                best = Some((weight, index));
            }
        }
        best.map_or(self.defaults[0], |(_, i)| i) as usize
    }

    /// The general rules, for headers that exclude locales with `q=0`.
    fn negotiate_with_exclusions(&self, input: &str) -> usize {
        let mut excluded = 0u128;
        for entry in pieces(input, b',') {
            if let Some((tag, 0)) = parse_entry(entry) {
                if tag == "*" {
                    excluded = u128::MAX;
                } else if let Some(index) = self.match_tag(tag) {
                    excluded |= bit(index);
                }
            }
        }
        let mut best: Option<(u16, u16)> = None; // (weight, locale)
        for entry in pieces(input, b',') {
            let Some((tag, weight)) = parse_entry(entry) else { continue };
            if weight == 0 || best.is_some_and(|(w, _)| w >= weight) {
                continue;
            }
            let matched = if tag == "*" { self.first_allowed(excluded) } else { self.match_tag(tag) };
            if let Some(index) = matched.filter(|&i| excluded & bit(i) == 0) {
                best = Some((weight, index));
            }
        }
        best.map(|(_, i)| i).or_else(|| self.first_allowed(excluded)).unwrap_or(self.defaults[0]) as usize
    }

    fn first_allowed(&self, excluded: u128) -> Option<u16> {
        self.defaults.iter().copied().find(|&i| excluded & bit(i) == 0)
    }

    /// The locale one tag matches, if any.
    fn match_tag(&self, tag: &str) -> Option<u16> {
        let tag = without_extensions(tag);
        let mut buffer = [0u8; MAX_FAST_TAG];
        if tag.len() <= MAX_FAST_TAG && tag.is_ascii() {
            let key = &mut buffer[..tag.len()];
            for (out, b) in key.iter_mut().zip(tag.bytes()) {
                *out = if b == b'_' { b'-' } else { b.to_ascii_lowercase() };
            }
            if let Some(index) = self.tags.iter().position(|t| bytes_eq(t.as_bytes(), key)) {
                return Some(index as u16);
            }
            // Only ASCII was copied, so this cannot fail.
            let key = std::str::from_utf8(key).ok()?;
            if let Some(&index) = self.table.get(key) {
                return Some(index);
            }
            let language = key.split('-').next().unwrap_or(key);
            let known = self.languages.iter().position(|l| l == language)?;
            if let Some(region) = two_letter_region(key.as_bytes(), language.len()) {
                let regions = self.regions[known].get_or_init(|| self.match_regions(language));
                return regions.get(region).copied().flatten();
            }
        }
        // A long tag of a language no locale has cannot match: not worth parsing its subtags.
        let language = tag.split(['-', '_']).next().unwrap_or(tag);
        if !self.languages.iter().any(|l| l.eq_ignore_ascii_case(language)) {
            return None;
        }
        self.slow_match(tag)
    }

    /// What `language-XX` matches for every two-letter region XX, by the slow path, once.
    fn match_regions(&self, language: &str) -> Box<[Option<u16>]> {
        let letters = b'a'..=b'z';
        letters
            .clone()
            .flat_map(|a| letters.clone().map(move |b| [a, b]))
            .map(|region| self.slow_match(&format!("{language}-{}", String::from_utf8_lossy(&region))))
            .collect()
    }

    fn slow_match(&self, tag: &str) -> Option<u16> {
        let requested: LanguageIdentifier = tag.replace('_', "-").parse().ok()?;
        let matches = negotiate_languages(&[requested], &self.available, None, NegotiationStrategy::Filtering);
        let first = *matches.first()?;
        self.available.iter().position(|l| std::ptr::eq(l, first)).map(|i| i as u16)
    }
}

/// `tag` without its BCP 47 extensions and private-use part: everything from the first singleton
/// subtag on (`zh-CN-u-nu-hanidec` → `zh-CN`, `zh-x-foo` → `zh`, `x-foo` → empty). They refine
/// formatting, not the language, and unic-langid rejects them.
fn without_extensions(tag: &str) -> &str {
    let bytes = tag.as_bytes();
    let mut start = 0;
    for (i, b) in bytes.iter().copied().enumerate().chain([(bytes.len(), b'-')]) {
        if b == b'-' || b == b'_' {
            if i == start + 1 {
                return tag[..start.saturating_sub(1)].trim_end_matches(['-', '_']);
            }
            start = i + 1;
        }
    }
    tag
}

fn bit(index: u16) -> u128 {
    1u128.checked_shl(index as u32).unwrap_or(0)
}

/// Whether some entry of `rest` might have weight 0, erring towards yes: after an `=`, the first
/// digit is `0` and no nonzero digit follows the decimal point. Anything but plain ASCII counts as yes,
/// since trimming Unicode spaces could turn it into a `0`.
///
/// One pass: every `=` before the same digit, `,` or `;` has the same answer, so a run of them is
/// decided once (rescanning the rest of the header per `=` made `en,====...` quadratic).
fn may_exclude(rest: &[u8]) -> bool {
    if !rest.is_ascii() {
        return true;
    }
    let mut after_equals = false;
    for (i, &b) in rest.iter().enumerate() {
        if b == b'=' {
            after_equals = true;
        } else if after_equals && (b.is_ascii_digit() || b == b',' || b == b';') {
            after_equals = false;
            if b == b'0' {
                // The digits after `0.` end before the next `=`, so each byte is read at most twice.
                let zero = match rest.get(i + 1) {
                    Some(b'.') => !rest[i + 2..].iter().take_while(|b| b.is_ascii_digit()).any(|&b| b != b'0'),
                    _ => true,
                };
                if zero {
                    return true;
                }
            }
        }
    }
    false
}

/// Splits `tag;q=0.8` into the tag and its weight in thousandths; `None` if malformed.
fn parse_entry(entry: &str) -> Option<(&str, u16)> {
    split_entry(entry).filter(|(tag, _)| is_tag(tag))
}

/// Whether the tag part of an entry is well-formed: `*`, or letters, digits, `-` and `_`.
fn is_tag(tag: &str) -> bool {
    !tag.is_empty() && (tag == "*" || tag.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
}

/// [`parse_entry`] without checking the tag.
fn split_entry(entry: &str) -> Option<(&str, u16)> {
    let mut pieces = pieces(entry, b';');
    let tag = trim(pieces.next()?);
    let mut weight = 1000;
    for parameter in pieces {
        let equals = parameter.bytes().position(|b| b == b'=')?;
        let (name, value) = (&parameter[..equals], &parameter[equals + 1..]);
        if trim(name).eq_ignore_ascii_case("q") {
            weight = parse_weight(trim(value))?;
        }
    }
    Some((tag, weight))
}

/// The index of `xx` in `key` = `language-xx` among the 26 × 26 two-letter regions, if `key` has that shape.
fn two_letter_region(key: &[u8], language: usize) -> Option<usize> {
    match key.get(language..)? {
        [b'-', a @ b'a'..=b'z', b @ b'a'..=b'z'] => Some((a - b'a') as usize * 26 + (b - b'a') as usize),
        _ => None,
    }
}

/// `s.split(separator)` for an ASCII separator, without the generic searcher (headers are short).
fn pieces(s: &str, separator: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let current = rest?;
        match current.bytes().position(|b| b == separator) {
            Some(i) => {
                rest = current.get(i + 1..);
                current.get(..i)
            }
            None => {
                rest = None;
                Some(current)
            }
        }
    })
}

/// `str::trim`, skipping the Unicode tables when both ends are plain ASCII.
fn trim(s: &str) -> &str {
    match (s.as_bytes().first(), s.as_bytes().last()) {
        (Some(first), Some(last)) if is_ascii_text(*first) && is_ascii_text(*last) => s,
        _ => s.trim(),
    }
}

fn is_ascii_text(b: u8) -> bool {
    b.is_ascii() && !b.is_ascii_whitespace() && !matches!(b, 0x0b | 0x1c..=0x1f)
}

/// RFC 9110 `qvalue`: `0`, `0.5`, `1.000`; at most three decimals, at most 1.
fn parse_weight(value: &str) -> Option<u16> {
    let (whole, fraction) = match value.bytes().position(|b| b == b'.') {
        Some(dot) => (&value[..dot], &value[dot + 1..]),
        None => (value, ""),
    };
    if fraction.len() > 3 || !fraction.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut thousandths: u16 = 0;
    for (i, b) in fraction.bytes().enumerate() {
        thousandths += (b - b'0') as u16 * [100, 10, 1][i];
    }
    match whole {
        "0" => Some(thousandths),
        "1" if thousandths == 0 => Some(1000),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn negotiator() -> &'static Negotiator {
        static NEGOTIATOR: OnceLock<Negotiator> = OnceLock::new();
        NEGOTIATOR.get_or_init(|| Negotiator::new(vec!["en-US".parse().unwrap(), "zh-CN".parse().unwrap()], 0, 1))
    }

    #[test]
    fn weights() {
        assert_eq!(parse_weight("0"), Some(0));
        assert_eq!(parse_weight("0.5"), Some(500));
        assert_eq!(parse_weight("0.125"), Some(125));
        assert_eq!(parse_weight("1.000"), Some(1000));
        for bad in ["", "1.5", "2", "0.1234", "-1", "0.x", "abc"] {
            assert_eq!(parse_weight(bad), None, "{bad}");
        }
    }

    #[test]
    fn table_agrees_with_slow_path() {
        let n = negotiator();
        assert!(!n.table.is_empty());
        for (key, &index) in &n.table {
            assert_eq!(n.slow_match(key), Some(index), "{key}");
        }
    }

    #[test]
    fn exact_tags_are_their_own_locale_in_the_table() {
        let n = negotiator();
        for (i, tag) in n.tags.iter().enumerate() {
            assert_eq!(n.table.get(tag.as_str()), Some(&(i as u16)), "{tag}");
        }
    }

    /// Tags built from real subtag alphabets, in any case, with `-` or `_`.
    fn tag() -> impl Strategy<Value = String> {
        let language = prop_oneof!["(en|zh|fr|de|ja|pt|EN|Zh|zH)", "[a-zA-Z]{2,3}"];
        let script = proptest::option::of(prop_oneof!["(Hans|Hant|Latn|latn|HANS)", "[a-zA-Z]{4}"]);
        let region = proptest::option::of(prop_oneof!["(US|CN|GB|TW|us|cn|419)", "[a-zA-Z]{2}", "[0-9]{3}"]);
        let separator = prop_oneof![Just('-'), Just('_')];
        (language, script, region, separator).prop_map(|(language, script, region, separator)| {
            let mut tag = language;
            for subtag in [script, region].into_iter().flatten() {
                tag.push(separator);
                tag.push_str(&subtag);
            }
            tag
        })
    }

    /// `Accept-Language` values: tags, `*`, weights (some malformed), odd spacing.
    fn header() -> impl Strategy<Value = String> {
        let weight =
            prop_oneof!["", ";q=0", ";q=1", ";q=0\\.[0-9]{1,3}", ";Q=0\\.5", " ; q = 0.8", ";q=2", ";q=", ";level=1"];
        let entry = (prop_oneof![tag(), Just("*".to_string()), Just(String::new())], weight, "[ ]{0,2}")
            .prop_map(|(tag, weight, space)| format!("{space}{tag}{weight}{space}"));
        proptest::collection::vec(entry, 1..6).prop_map(|entries| entries.join(","))
    }

    proptest! {
        #[test]
        fn fast_tag_matching_agrees_with_the_slow_path(tag in tag()) {
            let n = negotiator();
            prop_assert_eq!(n.match_tag(&tag), n.slow_match(&tag), "{}", tag);
        }

        #[test]
        fn one_pass_header_agrees_with_the_general_rules(header in header()) {
            let n = negotiator();
            let input = header.trim();
            if input.contains([',', ';']) {
                prop_assert_eq!(n.negotiate_list(input), n.negotiate_with_exclusions(input), "{}", header);
            }
        }

        #[test]
        fn first_entry_shortcut_agrees_with_the_general_rules(header in header()) {
            let n = negotiator();
            let input = header.trim();
            if input.contains([',', ';']) {
                prop_assert_eq!(n.negotiate(input), n.negotiate_with_exclusions(input), "{}", header);
            }
        }

        #[test]
        fn byte_splitting_and_trimming_agree_with_str(s in "[ ,;a\t\u{a0}\u{2003}]{0,12}") {
            prop_assert_eq!(pieces(&s, b',').collect::<Vec<_>>(), s.split(',').collect::<Vec<_>>());
            prop_assert_eq!(trim(&s), s.trim());
        }
    }

    #[test]
    fn later_exclusions_defeat_the_first_entry_shortcut() {
        let n = negotiator();
        assert_eq!(n.negotiate("zh-CN,en;q=0.8"), 1);
        assert_eq!(n.negotiate("zh-CN, zh;q=0"), 0, "zh excludes zh-CN");
        assert_eq!(n.negotiate("zh-CN,zh;q=0.000"), 0);
        assert_eq!(n.negotiate("zh-CN,zh;q = 0"), 0);
        assert_eq!(n.negotiate("zh-CN,zh;q=0.001"), 1);
        assert_eq!(n.negotiate("zh-CN,*;q=0"), 0, "everything excluded: the fallback");
        for rest in ["zh;q=0", "fr;q=0.5", "zh;q=0.9", "zh;level=0", "zh;q=\u{a0}0"] {
            let header = format!("zh-CN,{rest}");
            assert_eq!(n.negotiate(&header), n.negotiate_with_exclusions(&header), "{header}");
        }
        assert!(may_exclude(b",zh;q=0"));
        assert!(may_exclude(b",zh;q=0.0"));
        assert!(may_exclude(b",zh;level=0"), "errs towards yes");
        assert!(!may_exclude(b",zh;q=0.9,en;q=0.8"));
        assert!(!may_exclude(b",en,fr"));
    }

    #[test]
    fn equals_and_separator_floods_are_read_once() {
        // Quadratic before: `may_exclude` rescanned the rest of the header per `=`, so one megabyte
        // of `=` took hours. Linear, it takes milliseconds even in a debug build.
        let n = negotiator();
        let flood = "=".repeat(1 << 20);
        assert!(!may_exclude(flood.as_bytes()));
        assert_eq!(n.negotiate(&format!("zh-CN,{flood}")), 1);
        assert!(may_exclude(format!("{flood}0").as_bytes()), "the first digit after the run is 0");
        assert_eq!(n.negotiate(&format!("zh-CN,{flood}0")), 1, "a malformed entry excludes nothing");
        assert_eq!(n.negotiate(&format!("zh-CN,{}", ";".repeat(1 << 20))), 1);
        assert_eq!(n.negotiate(&format!("en;q=0.5,{}", "zh-CN;q=0.9,".repeat(1 << 16))), 1);
        let long_tag = format!("zh{}", "-abcdefgh".repeat(500));
        assert_eq!(n.negotiate(&format!("{long_tag},en;q=0.5")), 1);
    }

    #[test]
    fn extensions_and_private_use_are_ignored_for_matching() {
        assert_eq!(without_extensions("zh-CN-u-nu-hanidec"), "zh-CN");
        assert_eq!(without_extensions("zh_x_foo"), "zh");
        assert_eq!(without_extensions("en-US-x-twain"), "en-US");
        assert_eq!(without_extensions("x-foo"), "");
        assert_eq!(without_extensions("zh-Hans-CN"), "zh-Hans-CN");
        let n = negotiator();
        assert_eq!(n.negotiate("zh-CN-u-nu-hanidec"), 1);
        assert_eq!(n.negotiate("zh-x-foo"), 1);
        assert_eq!(n.negotiate("fr, zh-TW-u-ca-roc;q=0.5"), 1);
        assert_eq!(n.negotiate("x-foo"), 0);
    }

    #[test]
    fn exclusion_of_everything_still_answers() {
        let n = negotiator();
        assert_eq!(n.negotiate("*;q=0, fr"), 0);
        assert_eq!(n.negotiate("en;q=0, fr"), 1);
    }
}
