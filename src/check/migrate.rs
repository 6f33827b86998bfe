//! Review records out of the locale folders: `<locale>/reviewed.toml`, where older catalogs kept
//! them, to `reviews/<locale>.toml`. Until a catalog is migrated, `check` reports each file in the
//! old place and still goes by its records, so no review is forgotten on the way.

use super::review::{old_review_path, review_locale, review_path, ReviewLock};
use super::{Inputs, SourceLines};
use crate::runtime::diagnostic::{Diagnostic, Kind, Location};
use crate::{Metadata, SourceFile};
use std::sync::Arc;

/// The review records `check` goes by: those in `reviews/`, and for a locale that has none there
/// yet, those in the old place.
pub(super) fn records_in_use(inputs: &Inputs) -> Vec<SourceFile> {
    let migrated = |file: &SourceFile| {
        let locale = review_locale(&file.path);
        inputs.reviews.iter().any(|new| review_locale(&new.path) == locale)
    };
    inputs.reviews.iter().chain(inputs.old_reviews.iter().filter(|f| !migrated(f))).cloned().collect()
}

/// One `misplaced-review` error for each review records file in the old place.
pub(super) fn report_old_places(inputs: &Inputs, lines: &SourceLines<'_>, out: &mut Vec<Diagnostic>) {
    for file in &inputs.old_reviews {
        let locale = review_locale(&file.path).unwrap_or_default();
        let new = review_path(locale);
        let message = if inputs.reviews.iter().any(|f| f.path == new) {
            format!(
                "review records in the old place, inside the locale folder, and in {new} too: run \
                 `errcat review --migrate` to merge them into {new}"
            )
        } else {
            format!(
                "review records in the old place, inside the locale folder, where translation tools \
                 (compare-locales, Pontoon) take every file for a translation: run `errcat review --migrate` \
                 to move them to {new}"
            )
        };
        let at = Location { path: Arc::from(file.path.as_str()), line: 1, column: 1 };
        out.push(lines.place(Diagnostic::error(Kind::MisplacedReview, message).in_locale(locale), &at));
    }
}

/// The move of one locale's review records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Migration {
    /// The locale.
    pub locale: String,
    /// The file in the old place, relative to the catalog root (to remove once `to` is written).
    pub from: String,
    /// The file in the new place, relative to the catalog root.
    pub to: String,
    /// The text to write to `to`: every record of both places.
    pub text: String,
    /// How many texts are recorded in `text`.
    pub records: usize,
    /// Whether `to` existed and its records were merged with those of `from`.
    pub merged: bool,
}

/// The moves of every review records file in the old place. Refused, with every reason, when a
/// file cannot be parsed or when the two places record one text differently: then nothing may be
/// written, since either record could be the one to keep.
pub fn plan(inputs: &Inputs) -> Result<Vec<Migration>, Vec<String>> {
    let source_locale = inputs
        .sources
        .metadata
        .as_ref()
        .and_then(|m| Metadata::parse(&m.path, &m.text).ok())
        .map_or_else(|| "source".to_string(), |m| m.source_locale.to_string());
    let parse = |file: &SourceFile| {
        ReviewLock::parse(file).map_err(|d| d.iter().map(ToString::to_string).collect::<Vec<String>>())
    };
    let mut problems: Vec<String> = Vec::new();
    let mut migrations = Vec::new();
    for old_file in &inputs.old_reviews {
        let locale = review_locale(&old_file.path).unwrap_or_default().to_string();
        let to = review_path(&locale);
        let new_file = inputs.reviews.iter().find(|f| f.path == to);
        let (old, new) = match (parse(old_file), new_file.map(parse).transpose()) {
            (Ok(old), Ok(new)) => (old, new),
            (old, new) => {
                problems.extend(old.err().into_iter().chain(new.err()).flatten());
                continue;
            }
        };
        let merged = new.is_some();
        let mut lock = new.unwrap_or_default();
        for (code, texts) in old.records {
            for (name, record) in texts {
                let kept = lock.records.entry(code.clone()).or_default();
                match kept.get(&name) {
                    Some(existing) if *existing != record => problems.push(format!(
                        "{code} {name} of {locale}: reviewed against “{}” in {} but “{}” in {to}; keep the right \
                         record in one file and delete it from the other, then run `errcat review --migrate` again",
                        record.source, old_file.path, existing.source
                    )),
                    Some(_) => {}
                    None => {
                        kept.insert(name, record);
                    }
                }
            }
        }
        let records = lock.records.values().map(|texts| texts.len()).sum();
        let text = lock.to_toml(&locale, &source_locale);
        migrations.push(Migration { from: old_review_path(&locale), locale, to, text, records, merged });
    }
    if problems.is_empty() {
        Ok(migrations)
    } else {
        Err(problems)
    }
}
