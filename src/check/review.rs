//! Review records: what each translation was last reviewed against, so that a
//! translation whose source text changed afterwards is reported as stale.
//!
//! Each target locale keeps `reviews/<locale>.toml` in the catalog root, beside the locale
//! folders, not in them: translation tools (compare-locales, Pontoon) take every file of a
//! locale folder for a translation. Older catalogs kept `<locale>/reviewed.toml`; `check`
//! reports such a file and `errcat review --migrate` moves it (see [`super::migrate`]).
//! One table per code, one line per text (`value`, `.suggestion`, ...): the hash of the source
//! text and the text itself, so that `errcat check` can show what changed.
//!
//! ```toml
//! ["CSBS.0001"]
//! value = { hash = "9c1185a5c5e9fc54", source = "备份策略数量达到上限。" }
//! ".suggestion" = { hash = "…", source = "请删除其他备份策略后重试。" }
//! ```
//!
//! The hash is the first 16 hex digits of the SHA-256 of [`Text::source`](crate::Text::source),
//! Fluent's canonical form of the text, so reformatting a file does not make translations stale.
//! `errcat review` writes the file (sorted, deterministic); nobody edits it by hand.

use super::compare::{quote, shared_texts, text_name};
use super::SourceLines;
use crate::runtime::diagnostic::{Diagnostic, Kind, LineIndex, Location};
use crate::Catalog;
use crate::SourceFile;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fmt::Write;
use std::sync::Arc;
use toml::Spanned;

/// The directory of the catalog root that holds the review records, one `<locale>.toml` each.
pub const REVIEWS_DIR: &str = "reviews";

/// Where review records were kept before [`REVIEWS_DIR`]: `<locale>/reviewed.toml`.
pub const OLD_REVIEW_FILE: &str = "reviewed.toml";

/// The path of the review records of `locale`, relative to the catalog root: `reviews/en-US.toml`.
pub fn review_path(locale: &str) -> String {
    format!("{REVIEWS_DIR}/{locale}.toml")
}

/// The path of the review records of `locale` in the old place: `en-US/reviewed.toml`.
pub fn old_review_path(locale: &str) -> String {
    format!("{locale}/{OLD_REVIEW_FILE}")
}

/// The locale a review records file is for, from its path (new or old place), as written there.
pub fn review_locale(path: &str) -> Option<&str> {
    match path.split_once('/') {
        Some((REVIEWS_DIR, file)) => file.strip_suffix(".toml"),
        Some((locale, OLD_REVIEW_FILE)) => Some(locale),
        _ => None,
    }
}

/// The short, stable hash of a source text: 16 hex digits of its SHA-256.
pub fn source_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).fold(String::with_capacity(16), |mut hex, byte| {
        let _ = write!(hex, "{byte:02x}");
        hex
    })
}

/// What one text was reviewed against.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// [`source_hash`] of `source`.
    pub hash: String,
    /// The source text at review time.
    pub source: String,
}

impl Record {
    /// The record of a review against `source` now.
    pub fn of(source: &str) -> Record {
        Record { hash: source_hash(source), source: source.to_string() }
    }
}

/// The review records of one locale: code → text name (`value`, `.suggestion`) → record.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReviewLock {
    /// The records.
    pub records: BTreeMap<String, BTreeMap<String, Record>>,
    lines: BTreeMap<(String, String), u32>,
}

type RawLock = BTreeMap<String, BTreeMap<String, Spanned<Record>>>;

impl ReviewLock {
    /// Parses a review file; a malformed one is a `stale`-kind diagnostic at its place (one per file).
    pub fn parse(file: &SourceFile) -> Result<ReviewLock, Vec<Diagnostic>> {
        let index = LineIndex::new(&file.text);
        let raw: RawLock = toml::from_str(&file.text).map_err(|e| {
            let (location, line) = index.locate(&file.path, e.span().map_or(0, |s| s.start));
            vec![Diagnostic::error(
                Kind::Stale,
                format!("{} (this file is written by `errcat review`)", e.message().trim_end()),
            )
            .at(location, line)]
        })?;
        let mut lock = ReviewLock::default();
        for (code, texts) in raw {
            for (name, record) in texts {
                let line = index.line(record.span().start);
                lock.lines.insert((code.clone(), name.clone()), line);
                lock.records.entry(code.clone()).or_default().insert(name, record.into_inner());
            }
        }
        Ok(lock)
    }

    /// The line of the record of `name` of `code`, when parsed from a file.
    pub fn line(&self, code: &str, name: &str) -> Option<u32> {
        self.lines.get(&(code.to_string(), name.to_string())).copied()
    }

    /// The file text: an `@generated` header, then the records sorted by code and text name.
    pub fn to_toml(&self, locale: &str, source_locale: &str) -> String {
        let mut out = format!(
            "# @generated by `errcat review`: do not edit by hand.\n\
             # What each {locale} translation was last reviewed against: per code and text, the\n\
             # hash (SHA-256, 16 hex digits) and the text of its {source_locale} source.\n\
             # `errcat check` reports a translation whose source changed since (stale).\n"
        );
        for (code, texts) in &self.records {
            let _ = write!(out, "\n[{}]\n", toml_string(code));
            for (name, record) in texts {
                let key = if name == "value" { name.clone() } else { toml_string(name) };
                let _ = writeln!(
                    out,
                    "{key} = {{ hash = {}, source = {} }}",
                    toml_string(&record.hash),
                    toml_string(&record.source)
                );
            }
        }
        out
    }
}

fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// Records the current source of the translations of `locale` in `lock`: only the codes in `codes`
/// (all when empty). Records of texts that are no longer translated are dropped. Returns what changed,
/// as `CODE name` strings.
pub fn update(catalog: &Catalog, locale: usize, codes: &[String], lock: &mut ReviewLock) -> Vec<String> {
    let source_index = catalog.source_index();
    let wanted = |code: &str| codes.is_empty() || codes.iter().any(|c| c == code);
    let mut changes = Vec::new();
    let mut records = BTreeMap::new();
    for entry in catalog.codes() {
        let previous = lock.records.remove(entry.code()).unwrap_or_default();
        let (Some(source), Some(target)) = (entry.texts(source_index), entry.texts(locale)) else {
            if !wanted(entry.code()) && !previous.is_empty() {
                records.insert(entry.code().to_string(), previous);
            }
            continue;
        };
        if !wanted(entry.code()) {
            if !previous.is_empty() {
                records.insert(entry.code().to_string(), previous);
            }
            continue;
        }
        let mut texts = BTreeMap::new();
        for (name, original, _) in shared_texts(source, target) {
            let record = Record::of(&original.source());
            if previous.get(&name) != Some(&record) {
                changes.push(format!("{} {name}", entry.code()));
            }
            texts.insert(name, record);
        }
        for name in previous.keys().filter(|n| !texts.contains_key(*n)) {
            changes.push(format!("{} {name} (removed)", entry.code()));
        }
        records.insert(entry.code().to_string(), texts);
    }
    for (code, texts) in std::mem::take(&mut lock.records) {
        if wanted(&code) {
            changes.extend(texts.keys().map(|name| format!("{code} {name} (removed)")));
        } else {
            records.insert(code, texts);
        }
    }
    lock.records = records;
    lock.lines.clear();
    changes
}

/// Reports stale, never-reviewed and orphaned records of every target locale.
pub(super) fn check(catalog: &Catalog, files: &[SourceFile], lines: &SourceLines<'_>, out: &mut Vec<Diagnostic>) {
    let source_index = catalog.source_index();
    let source_tag = catalog.locale_tags().nth(source_index).unwrap_or_default().to_string();
    let mut locks: BTreeMap<usize, (&SourceFile, ReviewLock)> = BTreeMap::new();
    for file in files {
        let dir = review_locale(&file.path).unwrap_or_default();
        let index = dir.replace('_', "-").parse::<crate::LanguageIdentifier>().ok().and_then(|id| {
            let tag = id.to_string();
            catalog.locale_index(&tag)
        });
        match (index, ReviewLock::parse(file)) {
            (_, Err(diagnostics)) => out.extend(diagnostics),
            (Some(index), Ok(lock)) if index != source_index => {
                locks.insert(index, (file, lock));
            }
            (_, Ok(_)) => out.push(
                Diagnostic::error(
                    Kind::Stale,
                    format!("{} belongs to no target locale of the catalog; remove it", file.path),
                )
                .at(Location { path: Arc::from(file.path.as_str()), line: 1, column: 1 }, lines.line(&file.path, 1)),
            ),
        }
    }
    for (index, tag) in catalog.locale_tags().enumerate().filter(|(i, _)| *i != source_index) {
        let Some((file, lock)) = locks.get(&index) else {
            if catalog.codes().any(|e| e.texts(index).is_some()) {
                out.push(
                    Diagnostic::error(
                        Kind::Stale,
                        format!(
                            "{tag} has no review records ({}): once its translations are checked, run \
                             `errcat review --lang {tag}`",
                            review_path(tag)
                        ),
                    )
                    .in_locale(tag),
                );
            }
            continue;
        };
        // A problem of the record itself, shown at its line of the review file.
        let record_problem = |code: &str, name: &str, message: String| {
            let at =
                Location { path: Arc::from(file.path.as_str()), line: lock.line(code, name).unwrap_or(1), column: 1 };
            lines.place(Diagnostic::error(Kind::Stale, message).for_code(code).in_locale(tag), &at)
        };
        for entry in catalog.codes() {
            let (Some(source), Some(target)) = (entry.texts(source_index), entry.texts(index)) else { continue };
            for (name, original, translated) in shared_texts(source, target) {
                let current = original.source();
                let record = lock.records.get(entry.code()).and_then(|texts| texts.get(&name));
                let problem = match record {
                    None => format!(
                        "{name} has not been reviewed against the {source_tag} source {}: check it, then run \
                         `errcat review --lang {tag} {}`",
                        quote(&current),
                        entry.code()
                    ),
                    Some(record) if record.hash != source_hash(&record.source) => {
                        out.push(record_problem(
                            entry.code(),
                            &name,
                            format!(
                                "the record of {name} was edited by hand (its hash does not match its text); \
                                 run `errcat review --lang {tag} {}`",
                                entry.code()
                            ),
                        ));
                        continue;
                    }
                    Some(record) if record.hash == source_hash(&current) => continue,
                    Some(record) => format!(
                        "{name} is stale: the {source_tag} source changed after this translation was reviewed\n  \
                         was: {}\n  now: {}\nupdate the translation, then run `errcat review --lang {tag} {}`",
                        quote(&record.source),
                        quote(&current),
                        entry.code()
                    ),
                };
                out.push(lines.place(
                    Diagnostic::error(Kind::Stale, problem).for_code(entry.code()).in_locale(tag),
                    translated.location(),
                ));
            }
        }
        // A record stays meaningful while its source text exists, even if the translation is missing for now.
        let has_source = |code: &str, name: &str| {
            catalog.get(code).and_then(|e| e.texts(source_index)).is_some_and(|texts| {
                name == text_name(None) || name.strip_prefix('.').is_some_and(|a| texts.attribute(a).is_some())
            })
        };
        for (code, texts) in &lock.records {
            for name in texts.keys().filter(|n| !has_source(code, n)) {
                out.push(record_problem(
                    code,
                    name,
                    format!(
                        "record of {name} of {code}, which the {source_tag} source no longer has: \
                         run `errcat review --lang {tag}` to drop it"
                    ),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hash_is_sha256_prefix() {
        // sha256("abc") = ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad
        assert_eq!(source_hash("abc"), "ba7816bf8f01cfea");
    }

    #[test]
    fn file_round_trips() {
        let mut lock = ReviewLock::default();
        lock.records.entry("X.1".into()).or_default().insert("value".into(), Record::of("多行\n\"引号\""));
        lock.records.entry("X.1".into()).or_default().insert(".suggestion".into(), Record::of("请重试。"));
        let text = lock.to_toml("en-US", "zh-CN");
        assert!(text.starts_with("# @generated"));
        let parsed = ReviewLock::parse(&SourceFile { path: review_path("en-US"), text: text.clone().into() }).unwrap();
        assert_eq!(parsed.records, lock.records);
        assert_eq!(parsed.line("X.1", ".suggestion"), Some(7));
        assert_eq!(parsed.to_toml("en-US", "zh-CN"), text);
    }
}
