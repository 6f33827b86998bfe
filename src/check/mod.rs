//! `errcat check`: every problem of a catalog on disk, at once, as [`Diagnostic`]s.
//!
//! The loader reports what stops a catalog from loading (syntax, duplicates, ids,
//! metadata) and a few warnings (obsolete messages). When it loads, the lints here
//! compare every target locale with the source (`compare`), check the review
//! records of stale translations ([`review`]) and the glossary ([`glossary`]).
//! Whether a kind of problem is an error or a warning is decided in one place,
//! [`severity`].

mod compare;
mod formattable;
pub mod glossary;
mod hygiene;
pub mod migrate;
mod policy;
pub mod review;
mod script;
pub mod stats;

pub use policy::severity;
pub use review::{review_path, ReviewLock, REVIEWS_DIR};

use crate::runtime::diagnostic::{Diagnostic, Kind, LineIndex, Location};
use crate::Catalog;
use crate::{load, SourceFile, Sources};
use std::collections::HashMap;
use std::path::Path;

/// The files `errcat check` reads: the catalog, the glossary and the review records.
#[derive(Clone, Debug, Default)]
pub struct Inputs {
    /// `catalog.toml` and the `.ftl` files.
    pub sources: Sources,
    /// `glossary.toml` at the catalog root, if there is one.
    pub glossary: Option<SourceFile>,
    /// `reviews/<locale>.toml`: the review records of each target locale that has them.
    pub reviews: Vec<SourceFile>,
    /// `<locale>/reviewed.toml`: review records in the old place, inside a locale folder.
    pub old_reviews: Vec<SourceFile>,
}

impl Inputs {
    /// Reads the catalog in `dir`, its `glossary.toml`, every `reviews/<locale>.toml` and any
    /// review records left in the old place (`<locale>/reviewed.toml`).
    /// Files that cannot be read or are not UTF-8 are all reported.
    pub fn read_dir(dir: &Path) -> Result<Inputs, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let sources = Sources::read_dir(dir).unwrap_or_else(|p| {
            problems.extend(p);
            Sources::default()
        });
        let mut read = |relative: String| -> Option<SourceFile> {
            let full = dir.join(&relative);
            if !full.is_file() {
                return None;
            }
            match std::fs::read(&full) {
                Ok(bytes) => SourceFile::from_bytes(relative, bytes).map_err(|d| problems.push(d)).ok(),
                Err(e) => {
                    problems.push(Diagnostic::error(Kind::Io, format!("cannot read {}: {e}", full.display())));
                    None
                }
            }
        };
        let glossary = read(glossary::GLOSSARY_FILE.to_string());
        let names = |dir: &Path, directories: bool| -> Vec<String> {
            let mut names: Vec<String> = std::fs::read_dir(dir)
                .map(|entries| {
                    entries
                        .flatten()
                        .filter(|e| e.path().is_dir() == directories)
                        .map(|e| e.file_name().to_string_lossy().into_owned())
                        .filter(|name| !name.starts_with('.'))
                        .collect()
                })
                .unwrap_or_default();
            names.sort();
            names
        };
        let reviews = names(&dir.join(REVIEWS_DIR), false)
            .into_iter()
            .filter_map(|file| file.strip_suffix(".toml").map(str::to_string))
            .filter_map(|locale| read(review_path(&locale)))
            .collect();
        let old_reviews = names(dir, true)
            .into_iter()
            .filter(|name| name != REVIEWS_DIR)
            .filter_map(|locale| read(review::old_review_path(&locale)))
            .collect();
        if problems.is_empty() {
            Ok(Inputs { sources, glossary, reviews, old_reviews })
        } else {
            Err(problems)
        }
    }
}

/// What `errcat check` found.
pub struct Report {
    /// Every problem, sorted by file, line, column and kind; problems without a place last.
    pub diagnostics: Vec<Diagnostic>,
    /// The catalog, when it could be loaded.
    pub catalog: Option<Catalog>,
}

impl Report {
    /// How many problems are errors.
    pub fn errors(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many problems are warnings.
    pub fn warnings(&self) -> usize {
        self.diagnostics.len() - self.errors()
    }
}

/// Checks a catalog: loader problems, then (when it loads) every lint. Never stops at the first problem.
pub fn check(inputs: &Inputs) -> Report {
    let lines = SourceLines::new(inputs);
    let mut diagnostics = Vec::new();
    compare::trailing_whitespace(&inputs.sources, &mut diagnostics);
    formattable::check(&inputs.sources, &lines, &mut diagnostics);
    // Lints address files by their path relative to the catalog root; the root is put back at the end.
    let relative = Sources { root: None, ..inputs.sources.clone() };
    let catalog = match load(&relative) {
        Err(error) => {
            diagnostics.extend(error.diagnostics);
            hygiene::check(&inputs.sources, None, &lines, &mut diagnostics);
            None
        }
        Ok(catalog) => {
            diagnostics.extend(catalog.warnings().iter().cloned());
            hygiene::check(&inputs.sources, Some(&catalog), &lines, &mut diagnostics);
            compare::compare(&catalog, &lines, &mut diagnostics);
            review::check(&catalog, &migrate::records_in_use(inputs), &lines, &mut diagnostics);
            if let Some(file) = &inputs.glossary {
                glossary::check(&catalog, file, &inputs.sources, &lines, &mut diagnostics);
            }
            Some(catalog)
        }
    };
    migrate::report_old_places(inputs, &lines, &mut diagnostics);
    finish(&mut diagnostics);
    if inputs.sources.root.is_some() {
        for location in diagnostics.iter_mut().filter_map(|d| d.location.as_mut()) {
            location.path = inputs.sources.display_path(&location.path).into();
        }
    }
    Report { diagnostics, catalog }
}

/// Applies the [`severity`] policy, names the locale of file-level problems and sorts (see [`sort`]).
/// Also for diagnostics that did not come from [`check`], e.g. of [`Inputs::read_dir`].
pub fn finish(diagnostics: &mut Vec<Diagnostic>) {
    for diagnostic in diagnostics.iter_mut() {
        diagnostic.severity = severity(diagnostic.kind);
        // The loader leaves the locale of file-level problems implicit in the path (`en-US/quota.ftl`).
        if diagnostic.locale.is_none() {
            let path = diagnostic.location.as_ref().map(|l| &*l.path);
            let dir = path.and_then(|p| review::review_locale(p).or_else(|| p.split_once('/').map(|(d, _)| d)));
            diagnostic.locale =
                dir.filter(|d| *d != REVIEWS_DIR && d.parse::<crate::LanguageIdentifier>().is_ok()).map(str::to_string);
        }
    }
    sort(diagnostics);
}

/// The stable order of every output: by place, then kind; problems with no place last, by code and locale.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| {
        let key = |d: &Diagnostic| {
            (
                d.location.is_none(),
                d.location.as_ref().map(|l| (l.path.clone(), l.line, l.column)),
                d.kind,
                d.code.clone(),
                d.locale.clone(),
            )
        };
        key(a).cmp(&key(b)).then_with(|| a.message.cmp(&b.message))
    });
    diagnostics.dedup();
}

/// The lines of every input file, to show under a diagnostic.
pub(crate) struct SourceLines<'a> {
    files: HashMap<&'a str, LineIndex<'a>>,
}

impl<'a> SourceLines<'a> {
    fn new(inputs: &'a Inputs) -> Self {
        let files = inputs
            .sources
            .files
            .iter()
            .chain(&inputs.sources.metadata)
            .chain(&inputs.glossary)
            .chain(&inputs.reviews)
            .chain(&inputs.old_reviews)
            .map(|f| (f.path.as_str(), LineIndex::new(f.text.strip_prefix('\u{feff}').unwrap_or(&f.text))))
            .collect();
        SourceLines { files }
    }

    /// The text of 1-based `line` of `path`.
    pub(crate) fn line(&self, path: &str, line: u32) -> Option<String> {
        self.files.get(path)?.get_line(line)
    }

    /// `diagnostic` placed at `location`, with its source line.
    pub(crate) fn place(&self, diagnostic: Diagnostic, location: &Location) -> Diagnostic {
        let line = self.line(&location.path, location.line);
        diagnostic.at(location.clone(), line)
    }
}
