//! Merging imported entries into a catalog directory, never silently overwriting text.
//!
//! Rules:
//! - A code that the locale already has is updated in place when the page differs (reported as
//!   changed; when the locale is the source, its translations become stale through their review
//!   records). Equal entries are left byte for byte. Messages with attributes other than
//!   `.suggestion` are refused: edit those by hand.
//! - A code new to the locale goes to the file of its family: `<lang>/<stem>.ftl`, where `<stem>` is
//!   the name of the source-locale file that has the code; codes new to the whole catalog go to
//!   `<lang>/<file>` (`--file`, default `imported.ftl`), whose name must be listed in `families` of
//!   `catalog.toml` when that list is not empty.
//! - A target locale only takes codes that its source locale has.
//! - A status different from the catalog's goes to `[status]` of `catalog.toml`, edited line by line
//!   so that its comments stay; a directory without `catalog.toml` gets a new one whose source and
//!   fallback locale are `--lang`.
//! - The result is loaded before anything is written: if it would not load, or would not read back
//!   exactly as imported, nothing is written.

use super::{Entry, ImportedText};
use crate::code_to_id;
use crate::runtime::diagnostic::Diagnostic;
use crate::{load, SourceFile, Sources};
use crate::{Catalog, SUGGESTION};
use crate::{Metadata, METADATA_FILE};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

/// The default file for codes new to the catalog.
pub const DEFAULT_FILE: &str = "imported.ftl";

/// Why entries could not be merged.
#[derive(Clone, Debug)]
pub enum MergeError {
    /// The catalog directory could not be read or does not load.
    Catalog(Vec<Diagnostic>),
    /// `--lang` is not a language tag.
    Lang(String),
    /// Rows the catalog cannot take; nothing was written.
    Refused(Vec<String>),
    /// The merged catalog would not load or read back as imported (a bug); nothing was written.
    Verify(Vec<String>),
}

impl fmt::Display for MergeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MergeError::Catalog(diagnostics) => {
                for d in diagnostics {
                    writeln!(f, "{d}")?;
                }
                write!(f, "the catalog must load before importing into it (see `errcat check`)")
            }
            MergeError::Lang(lang) => write!(f, "--lang `{lang}` is not a BCP 47 language tag"),
            MergeError::Refused(problems) | MergeError::Verify(problems) => write!(f, "{}", problems.join("\n")),
        }
    }
}

impl std::error::Error for MergeError {}

/// What an import does to one code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Change {
    /// A new message in `file`.
    Added {
        /// The code.
        code: String,
        /// The file it goes to, relative to the catalog.
        file: String,
    },
    /// A text that differs from the catalog's.
    Changed {
        /// The code.
        code: String,
        /// `value` or `.suggestion`.
        text: String,
        /// The catalog's text, if it had one.
        old: Option<String>,
        /// The page's text, if it has one.
        new: Option<String>,
    },
    /// A status that differs from the catalog's.
    Status {
        /// The code.
        code: String,
        /// The catalog's status.
        old: u16,
        /// The page's status.
        new: u16,
    },
    /// Nothing to do.
    Unchanged {
        /// The code.
        code: String,
    },
}

/// A file the import writes: its old text (`None` when new) and new text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileEdit {
    /// Relative to the catalog directory.
    pub path: String,
    /// The text before the import.
    pub old: Option<String>,
    /// The text after it.
    pub new: String,
}

/// The outcome of merging a page into a catalog, before anything is written.
#[derive(Clone, Debug)]
pub struct Plan {
    /// The locale imported into.
    pub locale: String,
    /// Whether it is the catalog's source locale (changed texts make translations stale).
    pub is_source: bool,
    /// One change per code and text, in page order.
    pub changes: Vec<Change>,
    /// The files that change.
    pub files: Vec<FileEdit>,
    /// Codes the locale has that the page does not: left as they are.
    pub not_on_page: Vec<String>,
}

/// Plans the import of `entries` into the catalog in `dir`, in locale `lang`; new codes go to `file`.
pub fn plan(dir: &Path, entries: &[Entry], lang: &str, file: Option<&str>) -> Result<Plan, MergeError> {
    let sources = if dir.exists() { Sources::read_dir(dir).map_err(MergeError::Catalog)? } else { Sources::default() };
    // Edits address files by their path relative to the catalog root, as the texts' locations do when loaded without one.
    let catalog = if sources.files.is_empty() {
        None
    } else {
        Some(load(&Sources { root: None, ..sources.clone() }).map_err(|e| MergeError::Catalog(e.diagnostics))?)
    };
    let tag = lang
        .replace('_', "-")
        .parse::<crate::LanguageIdentifier>()
        .map_err(|_| MergeError::Lang(lang.to_string()))?
        .to_string();
    let metadata_text = sources.metadata.as_ref().map(|m| m.text.to_string());
    let metadata = match (&catalog, &metadata_text) {
        (Some(catalog), _) => catalog.metadata().clone(),
        (None, Some(text)) => Metadata::parse(METADATA_FILE, text).map_err(MergeError::Catalog)?,
        (None, None) => Metadata { source_locale: tag.parse().unwrap_or_default(), ..Metadata::default() },
    };
    let source_tag = metadata.source_locale.to_string();
    let locale = catalog.as_ref().and_then(|c| c.locale_index(&tag));
    let is_source = tag == source_tag;
    if catalog.is_none() && !is_source {
        return Err(MergeError::Refused(vec![format!(
            "{} has no .ftl files yet: import its source locale {source_tag} first",
            dir.display()
        )]));
    }
    let new_file = file.unwrap_or(DEFAULT_FILE);
    let new_file = if new_file.ends_with(".ftl") { new_file.to_string() } else { format!("{new_file}.ftl") };
    let mut texts: BTreeMap<String, String> =
        sources.files.iter().map(|f| (f.path.clone(), f.text.replace("\r\n", "\n"))).collect();
    let mut replacements: BTreeMap<String, Vec<(u32, String)>> = BTreeMap::new();
    let mut appended: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut statuses = Vec::new();
    let mut changes = Vec::new();
    let mut refused = Vec::new();
    for entry in entries {
        let id = code_to_id(&entry.code).unwrap_or_default();
        let message = serialize(&id, &entry.description, entry.suggestion.as_ref());
        let known = catalog.as_ref().and_then(|c| c.get(&entry.code));
        let existing = known.zip(locale).and_then(|(e, i)| e.texts(i));
        match existing {
            Some(texts_now) => {
                if let Some((name, _)) = texts_now.attributes().find(|(name, _)| *name != SUGGESTION) {
                    refused.push(format!(
                        "line {}: {} has the attribute `.{name}`, which import does not manage: edit it by hand",
                        entry.line, entry.code
                    ));
                    continue;
                }
                let old_value = texts_now.value().source().into_owned();
                let old_suggestion = texts_now.attribute(SUGGESTION).map(|t| t.source().into_owned());
                let new_value = entry.description.canonical();
                let new_suggestion = entry.suggestion.as_ref().map(ImportedText::canonical);
                let before = changes.len();
                if old_value != new_value {
                    changes.push(Change::Changed {
                        code: entry.code.clone(),
                        text: "value".into(),
                        old: Some(old_value),
                        new: Some(new_value),
                    });
                }
                if old_suggestion != new_suggestion {
                    changes.push(Change::Changed {
                        code: entry.code.clone(),
                        text: format!(".{SUGGESTION}"),
                        old: old_suggestion,
                        new: new_suggestion,
                    });
                }
                if changes.len() > before {
                    let location = texts_now.location();
                    replacements.entry(location.path.to_string()).or_default().push((location.line, message));
                }
            }
            None => {
                let source_file = known.and_then(|e| e.texts(metadata_source_index(&catalog))).map(|t| {
                    let path = &t.location().path;
                    path.rsplit('/').next().unwrap_or(path).to_string()
                });
                if !is_source && source_file.is_none() {
                    refused.push(format!(
                        "line {}: {} has no message in the source locale {source_tag}: import the source first",
                        entry.line, entry.code
                    ));
                    continue;
                }
                let name = source_file.unwrap_or_else(|| new_file.clone());
                let family = name.strip_suffix(".ftl").unwrap_or(&name);
                if is_source && !metadata.families.is_empty() && !metadata.families.iter().any(|f| f == family) {
                    refused.push(format!(
                        "line {}: {} would go to {tag}/{name}, but `{family}` is not in `families` of {METADATA_FILE}: \
                         pass --file <family>.ftl or add the family",
                        entry.line, entry.code
                    ));
                    continue;
                }
                let path = format!("{tag}/{name}");
                changes.push(Change::Added { code: entry.code.clone(), file: path.clone() });
                appended.entry(path).or_default().push(message);
            }
        }
        if let Some(status) = entry.status {
            let old = metadata.status_of(&entry.code);
            if old != status && (known.is_some() || status != metadata.default_status) {
                if known.is_some() {
                    changes.push(Change::Status { code: entry.code.clone(), old, new: status });
                }
                statuses.push((entry.code.clone(), status));
            }
        }
        if changes.last().is_none_or(|c| change_code(c) != entry.code) {
            changes.push(Change::Unchanged { code: entry.code.clone() });
        }
    }
    if !refused.is_empty() {
        return Err(MergeError::Refused(refused));
    }
    let old_texts = texts.clone();
    for (path, mut edits) in replacements {
        let text = texts.entry(path).or_default();
        edits.sort_by_key(|edit| std::cmp::Reverse(edit.0));
        for (line, message) in edits {
            *text = replace_message(text, line, &message);
        }
    }
    for (path, messages) in appended {
        let text = texts.entry(path).or_default();
        for message in messages {
            if !text.is_empty() && !text.ends_with("\n\n") {
                text.push_str(if text.ends_with('\n') { "\n" } else { "\n\n" });
            }
            text.push_str(&message);
        }
    }
    let mut files: Vec<FileEdit> = texts
        .iter()
        .filter(|(path, new)| old_texts.get(*path) != Some(*new))
        .map(|(path, new)| FileEdit { path: path.clone(), old: old_texts.get(path).cloned(), new: new.clone() })
        .collect();
    let metadata_new = match &metadata_text {
        Some(text) => set_statuses(text, &statuses),
        None => new_metadata(entries, &tag, &statuses),
    };
    if metadata_text.as_ref() != Some(&metadata_new) {
        files.push(FileEdit { path: METADATA_FILE.into(), old: metadata_text.clone(), new: metadata_new.clone() });
    }
    verify(&texts, &metadata_new, entries, &tag)?;
    let on_page: std::collections::BTreeSet<&str> = entries.iter().map(|e| e.code.as_str()).collect();
    let not_on_page = match (&catalog, locale) {
        (Some(catalog), Some(index)) => catalog
            .codes()
            .filter(|e| e.texts(index).is_some() && !on_page.contains(e.code()))
            .map(|e| e.code().to_string())
            .collect(),
        _ => Vec::new(),
    };
    Ok(Plan { locale: tag, is_source, changes, files, not_on_page })
}

fn metadata_source_index(catalog: &Option<Catalog>) -> usize {
    catalog.as_ref().map_or(0, Catalog::source_index)
}

fn change_code(change: &Change) -> &str {
    match change {
        Change::Added { code, .. }
        | Change::Changed { code, .. }
        | Change::Status { code, .. }
        | Change::Unchanged { code } => code,
    }
}

/// `ID = value` and its `.suggestion`, with a final line break.
fn serialize(id: &str, description: &ImportedText, suggestion: Option<&ImportedText>) -> String {
    let mut out = format!("{id} = {}\n", description.to_fluent());
    if let Some(suggestion) = suggestion {
        out.push_str(&format!("    .{SUGGESTION} = {}\n", suggestion.to_fluent()));
    }
    out
}

/// Replaces the message that starts on 1-based `line` (its indented continuation lines included;
/// comments before it and blank lines after it stay) with `message`.
fn replace_message(text: &str, line: u32, message: &str) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let start = (line as usize).saturating_sub(1).min(lines.len());
    let mut end = start + 1;
    let mut probe = end;
    while probe < lines.len() {
        let current = lines[probe];
        if current.starts_with([' ', '\t']) && !current.trim().is_empty() {
            probe += 1;
            end = probe;
        } else if current.trim().is_empty() {
            probe += 1;
        } else {
            break;
        }
    }
    let end = end.min(lines.len());
    let mut out: String = lines[..start].concat();
    out.push_str(message);
    out.push_str(&lines[end..].concat());
    out
}

/// Sets `"CODE" = status` lines in the `[status]` table of `catalog.toml` text, keeping every other
/// line (and the comment after a changed value) as it is.
fn set_statuses(text: &str, statuses: &[(String, u16)]) -> String {
    if statuses.is_empty() {
        return text.to_string();
    }
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    let header = match lines.iter().position(|l| l.trim() == "[status]") {
        Some(header) => header,
        None => {
            if lines.last().is_some_and(|l| !l.trim().is_empty()) {
                lines.push(String::new());
            }
            lines.push("[status]".into());
            lines.len() - 1
        }
    };
    for (code, status) in statuses {
        let end = lines[header + 1..]
            .iter()
            .position(|l| l.trim_start().starts_with('['))
            .map_or(lines.len(), |i| header + 1 + i);
        let key = format!("\"{code}\"");
        match lines[header + 1..end].iter().position(|l| l.trim_start().starts_with(&key)) {
            Some(i) => {
                let line = &lines[header + 1 + i];
                let comment = line.find('#').map(|at| format!("  {}", &line[at..])).unwrap_or_default();
                lines[header + 1 + i] = format!("{key} = {status}{comment}");
            }
            None => {
                let last = lines[header + 1..end]
                    .iter()
                    .rposition(|l| l.trim_start().starts_with('"'))
                    .map_or(header + 1, |i| header + 2 + i);
                lines.insert(last, format!("{key} = {status}"));
            }
        }
    }
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// `catalog.toml` of a catalog created by import.
fn new_metadata(entries: &[Entry], tag: &str, statuses: &[(String, u16)]) -> String {
    let name = entries.first().and_then(|e| e.code.split('.').next()).unwrap_or("errors");
    let mut out = format!(
        "# Metadata of the {name} error-code catalog, created by `errcat import`.\n\
         name = \"{name}\"\nsource_locale = \"{tag}\"\nfallback_locale = \"{tag}\"\ndefault_status = 400\n"
    );
    if !statuses.is_empty() {
        out.push_str("\n# Codes whose HTTP status is not 400.\n[status]\n");
    }
    set_statuses(&out, statuses)
}

/// Loads the merged files and checks that every imported entry reads back as imported.
fn verify(texts: &BTreeMap<String, String>, metadata: &str, entries: &[Entry], tag: &str) -> Result<(), MergeError> {
    let owned = |path: &str, text: &str| SourceFile { path: path.to_string(), text: Cow::Owned(text.to_string()) };
    let sources = Sources {
        root: None,
        metadata: Some(owned(METADATA_FILE, metadata)),
        files: texts.iter().map(|(path, text)| owned(path, text)).collect(),
    };
    let catalog =
        load(&sources).map_err(|e| MergeError::Verify(e.diagnostics.iter().map(|d| d.to_string()).collect()))?;
    let index =
        catalog.locale_index(tag).ok_or_else(|| MergeError::Verify(vec![format!("no locale {tag} after import")]))?;
    let mut problems = Vec::new();
    for entry in entries {
        let texts = catalog.get(&entry.code).and_then(|e| e.texts(index));
        let value = texts.map(|t| t.value().source().into_owned());
        let suggestion = texts.and_then(|t| t.attribute(SUGGESTION)).map(|t| t.source().into_owned());
        if value.as_deref() != Some(entry.description.canonical().as_str())
            || suggestion != entry.suggestion.as_ref().map(ImportedText::canonical)
        {
            problems.push(format!(
                "{} would not read back as imported (value {value:?}, suggestion {suggestion:?})",
                entry.code
            ));
        }
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(MergeError::Verify(problems))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_only_the_message_block() {
        let text = "# c\nA-1 = one\n    .suggestion = s\n\n## group\nA-2 = two\n    continued\n\nA-3 = three\n";
        assert_eq!(
            replace_message(text, 2, "A-1 = uno\n"),
            "# c\nA-1 = uno\n\n## group\nA-2 = two\n    continued\n\nA-3 = three\n"
        );
        assert_eq!(
            replace_message(text, 6, "A-2 = dos\n"),
            "# c\nA-1 = one\n    .suggestion = s\n\n## group\nA-2 = dos\n\nA-3 = three\n"
        );
        assert_eq!(
            replace_message(text, 9, "A-3 = tres\n"),
            "# c\nA-1 = one\n    .suggestion = s\n\n## group\nA-2 = two\n    continued\n\nA-3 = tres\n"
        );
    }

    #[test]
    fn statuses_keep_comments() {
        let text = "name = \"X\"\n[status]\n\"X.1\" = 500  # documented\n\n# next\n[family]\n";
        let edited = set_statuses(text, &[("X.1".into(), 404), ("X.2".into(), 503)]);
        assert_eq!(edited, "name = \"X\"\n[status]\n\"X.1\" = 404  # documented\n\"X.2\" = 503\n\n# next\n[family]\n");
        assert_eq!(set_statuses("name = \"X\"\n", &[("X.3".into(), 500)]), "name = \"X\"\n\n[status]\n\"X.3\" = 500\n");
    }
}
