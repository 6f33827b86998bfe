//! `errcat stats`: per locale, how many codes are translated, missing, stale or untranslated.

use super::Report;
use crate::runtime::diagnostic::Kind;
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt::Write;

/// The translation state of one locale. A code counts once per column, however many of its texts are affected.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct LocaleStats {
    /// The locale tag.
    pub locale: String,
    /// Whether this is the source locale (always complete).
    pub source: bool,
    /// Codes of the catalog (those of the source locale).
    pub total: usize,
    /// Codes with a message in this locale.
    pub translated: usize,
    /// Codes without one.
    pub missing: usize,
    /// Translated codes with a text whose source changed since review, or never reviewed.
    pub stale: usize,
    /// Translated codes with a text left untranslated.
    pub untranslated: usize,
    /// Translated codes that are neither stale nor untranslated.
    pub complete: usize,
    /// `complete` as a share of `total`, in percent with one decimal (100 for an empty catalog).
    pub percent_complete: f64,
}

/// The statistics of every locale, in catalog order; `None` when the catalog did not load.
pub fn stats(report: &Report) -> Option<Vec<LocaleStats>> {
    let catalog = report.catalog.as_ref()?;
    let codes_with = |kind: Kind, tag: &str| -> BTreeSet<&str> {
        report
            .diagnostics
            .iter()
            .filter(|d| d.kind == kind && d.locale.as_deref() == Some(tag))
            .filter_map(|d| d.code.as_deref())
            .collect()
    };
    let total = catalog.codes().len();
    let stats = catalog
        .locale_tags()
        .enumerate()
        .map(|(index, tag)| {
            let translated: BTreeSet<&str> =
                catalog.codes().filter(|e| e.texts(index).is_some()).map(|e| e.code()).collect();
            let whole_locale_unreviewed = report
                .diagnostics
                .iter()
                .any(|d| d.kind == Kind::Stale && d.code.is_none() && d.locale.as_deref() == Some(tag));
            let stale: BTreeSet<&str> = if whole_locale_unreviewed {
                translated.clone()
            } else {
                codes_with(Kind::Stale, tag).intersection(&translated).copied().collect()
            };
            let untranslated: BTreeSet<&str> =
                codes_with(Kind::Untranslated, tag).intersection(&translated).copied().collect();
            let complete = translated.iter().filter(|c| !stale.contains(*c) && !untranslated.contains(*c)).count();
            LocaleStats {
                locale: tag.to_string(),
                source: index == catalog.source_index(),
                total,
                translated: translated.len(),
                missing: total - translated.len(),
                stale: stale.len(),
                untranslated: untranslated.len(),
                complete,
                percent_complete: (complete * 1000).checked_div(total).map_or(100.0, |permille| permille as f64 / 10.0),
            }
        })
        .collect();
    Some(stats)
}

/// A table for people: one row per locale, numbers right-aligned.
pub fn table(stats: &[LocaleStats]) -> String {
    let header = ["locale", "total", "translated", "missing", "stale", "untranslated", "complete"];
    let rows: Vec<[String; 7]> = stats
        .iter()
        .map(|s| {
            let locale = if s.source { format!("{} (source)", s.locale) } else { s.locale.clone() };
            [
                locale,
                s.total.to_string(),
                s.translated.to_string(),
                s.missing.to_string(),
                s.stale.to_string(),
                s.untranslated.to_string(),
                format!("{:.1}%", s.percent_complete),
            ]
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| rows.iter().map(|r| r[i].chars().count()).chain([header[i].len()]).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    let mut line = |cells: Vec<&str>| {
        let mut text = String::new();
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i] - cell.chars().count();
            if i == 0 {
                let _ = write!(text, "{cell}{}", " ".repeat(pad));
            } else {
                let _ = write!(text, "  {}{cell}", " ".repeat(pad));
            }
        }
        out.push_str(&text);
        out.push('\n');
    };
    line(header.to_vec());
    for row in &rows {
        line(row.iter().map(String::as_str).collect());
    }
    out
}
