//! The terminology glossary (`glossary.toml` at the catalog root): a source term in a
//! source text requires its rendering in the translation; forbidden variants never appear.
//!
//! ```toml
//! [[term]]
//! zh-CN = "备份策略"
//! en-US = "backup policy"
//! note = "..."
//! forbidden = ["backup strategy"]
//! ```
//!
//! Keys other than `note` and `forbidden` are locale tags. A term applies to a target
//! locale when it has both the source locale's and the target's key. Matching is
//! case-insensitive; a plural `-s`, `-es` or `-ies` form of the rendering counts; when
//! source terms overlap the longest wins. Forbidden variants are whole words, searched in
//! every line (comments too) of the target locale's files.

use super::compare::{quote, shared_texts};
use super::SourceLines;
use crate::runtime::diagnostic::{Diagnostic, Kind, LineIndex, Location};
use crate::Catalog;
use crate::{SourceFile, Sources};
use std::collections::BTreeMap;
use std::sync::Arc;
use toml::Spanned;

/// The glossary's file name, at the catalog root.
pub const GLOSSARY_FILE: &str = "glossary.toml";

/// One glossary entry: its text per locale and its forbidden renderings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Term {
    /// Locale tag → text.
    pub texts: BTreeMap<String, String>,
    /// Variants that must not appear in a translation.
    pub forbidden: Vec<String>,
}

#[derive(serde::Deserialize)]
struct RawGlossary {
    #[serde(default)]
    term: Vec<Spanned<toml::Table>>,
}

/// Parses a glossary; problems are `metadata` errors at their place.
pub fn parse(file: &SourceFile) -> Result<Vec<Term>, Vec<Diagnostic>> {
    let index = LineIndex::new(&file.text);
    let at = |offset: usize, message: String| {
        let (location, line) = index.locate(&file.path, offset);
        Diagnostic::error(Kind::Metadata, message).at(location, line)
    };
    let raw: RawGlossary =
        toml::from_str(&file.text).map_err(|e| vec![at(e.span().map_or(0, |s| s.start), e.message().to_string())])?;
    let mut problems = Vec::new();
    let mut terms = Vec::new();
    for table in raw.term {
        let offset = table.span().start;
        let mut term = Term { texts: BTreeMap::new(), forbidden: Vec::new() };
        for (key, value) in table.into_inner() {
            match (key.as_str(), value) {
                ("note", toml::Value::String(_)) => {}
                ("forbidden", toml::Value::Array(items)) => {
                    for item in items {
                        match item {
                            toml::Value::String(s) => term.forbidden.push(s),
                            other => problems.push(at(offset, format!("`forbidden` holds {other}, not a string"))),
                        }
                    }
                }
                (_, toml::Value::String(text)) if key.parse::<crate::LanguageIdentifier>().is_ok() => {
                    term.texts.insert(key, text);
                }
                (key, _) => problems.push(at(
                    offset,
                    format!("`{key}` in a [[term]] of {GLOSSARY_FILE} is neither a locale tag with a string, `note` nor `forbidden`"),
                )),
            }
        }
        terms.push(term);
    }
    if problems.is_empty() {
        Ok(terms)
    } else {
        Err(problems)
    }
}

/// Every glossary finding of every target locale.
pub(super) fn check(
    catalog: &Catalog,
    file: &SourceFile,
    sources: &Sources,
    lines: &SourceLines<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let terms = match parse(file) {
        Ok(terms) => terms,
        Err(problems) => return out.extend(problems),
    };
    let source_index = catalog.source_index();
    let tags: Vec<&str> = catalog.locale_tags().collect();
    let source_tag = tags[source_index];
    for (index, tag) in tags.iter().enumerate().filter(|(i, _)| *i != source_index) {
        let mut pairs: Vec<(&str, &str)> = terms
            .iter()
            .filter_map(|t| Some((t.texts.get(source_tag)?.as_str(), t.texts.get(*tag)?.as_str())))
            .collect();
        pairs.sort_by_key(|(source, _)| std::cmp::Reverse(source.chars().count()));
        for entry in catalog.codes() {
            let (Some(source), Some(target)) = (entry.texts(source_index), entry.texts(index)) else { continue };
            for (name, original, translated) in shared_texts(source, target) {
                let translation = translated.source().to_lowercase();
                for (term, rendering) in required_terms(&original.source(), &pairs) {
                    if !renders(&translation, &rendering.to_lowercase()) {
                        out.push(
                            lines.place(
                                Diagnostic::warning(
                                    Kind::Terminology,
                                    format!(
                                        "{name}: the {source_tag} source has {}, which the glossary renders {}",
                                        quote(term),
                                        quote(rendering)
                                    ),
                                )
                                .for_code(entry.code())
                                .in_locale(*tag),
                                translated.location(),
                            ),
                        );
                    }
                }
            }
        }
        let forbidden: Vec<(&str, &str)> = terms
            .iter()
            .filter(|t| t.texts.contains_key(*tag))
            .flat_map(|t| t.forbidden.iter().map(move |f| (f.as_str(), t.texts[*tag].as_str())))
            .collect();
        for file in sources.files.iter().filter(|f| f.path.split('/').next() == Some(tag)) {
            forbidden_words(file, tag, &forbidden, out);
        }
    }
}

/// The glossary terms found in `source`, longest first, overlapping shorter ones skipped.
fn required_terms<'p>(source: &str, pairs: &[(&'p str, &'p str)]) -> Vec<(&'p str, &'p str)> {
    let mut claimed: Vec<std::ops::Range<usize>> = Vec::new();
    let mut found = Vec::new();
    for &(term, rendering) in pairs {
        let mut used = false;
        for (start, _) in source.match_indices(term) {
            let span = start..start + term.len();
            if claimed.iter().all(|c| span.end <= c.start || c.end <= span.start) {
                claimed.push(span);
                used = true;
            }
        }
        if used {
            found.push((term, rendering));
        }
    }
    found
}

/// Whether `text` (lowercase) contains `rendering` (lowercase) or a plural of it.
fn renders(text: &str, rendering: &str) -> bool {
    let mut forms = vec![rendering.to_string(), format!("{rendering}s"), format!("{rendering}es")];
    if let Some(stem) = rendering.strip_suffix('y') {
        forms.push(format!("{stem}ies"));
    }
    forms.iter().any(|form| text.contains(form.as_str()))
}

fn forbidden_words(file: &SourceFile, tag: &str, forbidden: &[(&str, &str)], out: &mut Vec<Diagnostic>) {
    for (number, line) in file.text.split('\n').enumerate() {
        let lower = line.to_lowercase();
        for &(word, rendering) in forbidden {
            let Some(offset) = find_word(&lower, &word.to_lowercase()) else { continue };
            let column = lower[..offset].chars().count() as u32 + 1;
            let location = Location { path: Arc::from(file.path.as_str()), line: number as u32 + 1, column };
            out.push(
                Diagnostic::warning(
                    Kind::Terminology,
                    format!("{} is a forbidden variant in the glossary; write {}", quote(word), quote(rendering)),
                )
                .at(location, Some(line.trim_end_matches('\r').to_string()))
                .in_locale(tag),
            );
        }
    }
}

/// The byte offset of `word` in `text` as a whole word (not inside a longer word).
fn find_word(text: &str, word: &str) -> Option<usize> {
    let is_word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(word)
        .map(|(i, _)| i)
        .find(|&i| !is_word(text[..i].chars().next_back()) && !is_word(text[i + word.len()..].chars().next()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_source_term_wins() {
        let pairs = [("备份策略", "backup policy"), ("备份", "backup"), ("策略", "policy")];
        assert_eq!(required_terms("备份策略不存在", &pairs), [("备份策略", "backup policy")]);
        assert_eq!(required_terms("备份策略的备份", &pairs), [("备份策略", "backup policy"), ("备份", "backup")]);
    }

    #[test]
    fn plurals_and_whole_words() {
        assert!(renders("delete other backup policies", "backup policy"));
        assert!(!renders("delete other policies", "backup policy"));
        assert_eq!(find_word("the amount is mounted", "mount"), None);
        assert_eq!(find_word("a copy.", "copy"), Some(2));
    }
}
