//! Merging imported entries into a catalog directory, never silently overwriting text.
//!
//! Rules:
//! - A code that the locale already has is updated in place when the page differs (reported as
//!   changed; when the locale is the source, its translations become stale through their review
//!   records). Equal entries are left byte for byte. The page manages the value, `.description`
//!   and `.suggestion`; messages with any other attribute are refused: edit those by hand.
//! - A code new to the locale goes to the file of its family: `<lang>/<stem>.ftl`, where `<stem>` is
//!   the name of the source-locale file that has the code; codes new to the whole catalog go to
//!   `<lang>/<file>` (`--file`; else the row's module, as a file name; else `imported.ftl`), whose
//!   name must be listed in `families` of `catalog.toml` when that list is not empty. `--file` is
//!   a file name in the locale's folder: no separators, no `..`.
//! - A target locale only takes codes that its source locale has; a status it gives that differs
//!   from the catalog's is reported as a conflict and not written (the source decides).
//! - A status from the source locale's page that differs from the catalog's goes to `[status]` of
//!   `catalog.toml`, edited with a format-preserving TOML editor so that its comments and layout
//!   stay; a directory without `catalog.toml` gets a new one whose source and fallback locale are
//!   `--lang`.
//! - The result is loaded before anything is written: if it would not load, or would not read back
//!   exactly as imported, nothing is written.

use super::{Entry, ImportedText, DESCRIPTION};
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
    /// A status a target locale's page gives that differs from the catalog's: reported, not written.
    StatusConflict {
        /// The code.
        code: String,
        /// The catalog's status (kept).
        catalog: u16,
        /// The page's status.
        page: u16,
        /// The line of the row.
        line: u32,
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
    /// Anything else the import decided (a module used as a file name, a `.description` the source
    /// locale lacks).
    pub notes: Vec<String>,
}

/// Checks a `--file` name: a file name in the locale's folder, nothing else.
pub fn check_file_name(name: &str) -> Result<String, MergeError> {
    let refuse = |why: &str| {
        Err(MergeError::Refused(vec![format!(
            "--file `{name}`: {why}; it names a file in the locale's folder, like `quota.ftl` (nothing was written)"
        )]))
    };
    if name.is_empty() || name.trim() != name {
        return refuse("the name is empty or starts or ends with a space");
    }
    if name.contains(['/', '\\']) {
        return refuse("a path separator is not allowed");
    }
    if name == ".." || name.starts_with('.') {
        return refuse("`..` and names starting with `.` are not allowed");
    }
    if name.chars().any(|c| c.is_control() || c == ':') {
        return refuse("control characters and `:` are not allowed");
    }
    Ok(if name.ends_with(".ftl") { name.to_string() } else { format!("{name}.ftl") })
}

/// A module's name as a file name: lower-case ASCII letters and digits, other runs as `-`.
fn family_file(module: &str) -> Option<String> {
    let mut out = String::new();
    for c in module.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    (!out.is_empty()).then(|| format!("{out}.ftl"))
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
    let chosen_file = file.map(check_file_name).transpose()?;
    let mut notes = Vec::new();
    // Module → (its file, how many new codes go there), for one note per module.
    let mut modules: BTreeMap<String, (String, usize)> = BTreeMap::new();
    let mut texts: BTreeMap<String, String> =
        sources.files.iter().map(|f| (f.path.clone(), f.text.replace("\r\n", "\n"))).collect();
    let mut replacements: BTreeMap<String, Vec<(u32, String)>> = BTreeMap::new();
    let mut appended: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut statuses = Vec::new();
    let mut changes = Vec::new();
    let mut refused = Vec::new();
    for entry in entries {
        let id = code_to_id(&entry.code).unwrap_or_default();
        let message = serialize(&id, entry);
        let known = catalog.as_ref().and_then(|c| c.get(&entry.code));
        let existing = known.zip(locale).and_then(|(e, i)| e.texts(i));
        if !is_source && entry.description.is_some() {
            let source_has = known
                .and_then(|e| e.texts(metadata_source_index(&catalog)))
                .is_some_and(|t| t.attribute(DESCRIPTION).is_some());
            if !source_has {
                notes.push(format!(
                    "line {}: {} gets a .{DESCRIPTION} in {tag} that the source locale {source_tag} does not \
                     have: `errcat check` reports it until the source has one",
                    entry.line, entry.code
                ));
            }
        }
        match existing {
            Some(texts_now) => {
                if let Some((name, _)) =
                    texts_now.attributes().find(|(name, _)| ![SUGGESTION, DESCRIPTION].contains(name))
                {
                    refused.push(format!(
                        "line {}: {} has the attribute `.{name}`, which import does not manage: edit it by hand",
                        entry.line, entry.code
                    ));
                    continue;
                }
                let before = changes.len();
                let old_value = Some(texts_now.value().source().into_owned());
                let texts_compared = [
                    ("value".to_string(), old_value, Some(&entry.message)),
                    (format!(".{DESCRIPTION}"), attribute_source(texts_now, DESCRIPTION), entry.description.as_ref()),
                    (format!(".{SUGGESTION}"), attribute_source(texts_now, SUGGESTION), entry.suggestion.as_ref()),
                ];
                for (text, old, new) in texts_compared {
                    let new = new.map(ImportedText::canonical);
                    if old != new {
                        changes.push(Change::Changed { code: entry.code.clone(), text, old, new });
                    }
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
                let module_file = entry.family.as_deref().and_then(family_file);
                let name = match (source_file, &chosen_file, module_file) {
                    (Some(source), _, _) => source,
                    (None, Some(chosen), _) => chosen.clone(),
                    (None, None, Some(file)) => {
                        let module = entry.family.clone().unwrap_or_default();
                        modules.entry(module).or_insert_with(|| (file.clone(), 0)).1 += 1;
                        file
                    }
                    (None, None, None) => {
                        if let Some(module) = &entry.family {
                            notes.push(format!(
                                "line {}: {}'s module `{module}` has no ASCII letter or digit to name a file: \
                                 it goes to {DEFAULT_FILE} (or pass --file)",
                                entry.line, entry.code
                            ));
                        }
                        DEFAULT_FILE.to_string()
                    }
                };
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
            if !is_source && old != status {
                changes.push(Change::StatusConflict {
                    code: entry.code.clone(),
                    catalog: old,
                    page: status,
                    line: entry.line,
                });
            } else if old != status && (known.is_some() || status != metadata.default_status) {
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
    for (module, (file, count)) in modules {
        notes.push(format!("{count} new code(s) of module `{module}` go to {tag}/{file}"));
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
        Some(text) => set_statuses(text, &statuses)?,
        None => new_metadata(entries, &tag, &statuses)?,
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
    Ok(Plan { locale: tag, is_source, changes, files, not_on_page, notes })
}

fn metadata_source_index(catalog: &Option<Catalog>) -> usize {
    catalog.as_ref().map_or(0, Catalog::source_index)
}

fn change_code(change: &Change) -> &str {
    match change {
        Change::Added { code, .. }
        | Change::Changed { code, .. }
        | Change::Status { code, .. }
        | Change::StatusConflict { code, .. }
        | Change::Unchanged { code } => code,
    }
}

fn attribute_source(texts: &crate::Texts, name: &str) -> Option<String> {
    texts.attribute(name).map(|t| t.source().into_owned())
}

/// `ID = message`, its `.description` and `.suggestion`, with a final line break.
fn serialize(id: &str, entry: &Entry) -> String {
    let mut out = format!("{id} = {}\n", entry.message.to_fluent());
    for (name, text) in [(DESCRIPTION, &entry.description), (SUGGESTION, &entry.suggestion)] {
        if let Some(text) = text {
            out.push_str(&format!("    .{name} = {}\n", text.to_fluent()));
        }
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

/// Sets `"CODE" = status` in the `[status]` table of `catalog.toml` text with a format-preserving
/// editor: every other byte stays, the comment after a changed value too, a new key goes after
/// the table's last key; without the table, one is added at the end.
fn set_statuses(text: &str, statuses: &[(String, u16)]) -> Result<String, MergeError> {
    if statuses.is_empty() {
        return Ok(text.to_string());
    }
    let mut document: toml_edit::DocumentMut =
        text.parse().map_err(|e| MergeError::Refused(vec![format!("{METADATA_FILE}: {e}")]))?;
    if !document.contains_key("status") {
        let mut table = toml_edit::Table::new();
        table.decor_mut().set_prefix(if text.is_empty() || text.ends_with("\n\n") { "" } else { "\n" });
        document.insert("status", toml_edit::Item::Table(table));
    }
    let table = document["status"].as_table_like_mut().ok_or_else(|| {
        MergeError::Refused(vec![format!("{METADATA_FILE}: `status` is not a table of code = status")])
    })?;
    for (code, status) in statuses {
        let mut value = toml_edit::Value::from(i64::from(*status));
        if let Some(old) = table.get(code).and_then(toml_edit::Item::as_value) {
            *value.decor_mut() = old.decor().clone();
        }
        table.insert(code, toml_edit::Item::Value(value));
    }
    let mut out = document.to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    Ok(out)
}

/// `catalog.toml` of a catalog created by import.
fn new_metadata(entries: &[Entry], tag: &str, statuses: &[(String, u16)]) -> Result<String, MergeError> {
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
        let suggestion = texts.and_then(|t| attribute_source(t, SUGGESTION));
        let description = texts.and_then(|t| attribute_source(t, DESCRIPTION));
        if value.as_deref() != Some(entry.message.canonical().as_str())
            || suggestion != entry.suggestion.as_ref().map(ImportedText::canonical)
            || description != entry.description.as_ref().map(ImportedText::canonical)
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
        let edited = set_statuses(text, &[("X.1".into(), 404), ("X.2".into(), 503)]).unwrap();
        assert_eq!(edited, "name = \"X\"\n[status]\n\"X.1\" = 404  # documented\n\"X.2\" = 503\n\n# next\n[family]\n");
        assert_eq!(
            set_statuses("name = \"X\"\n", &[("X.3".into(), 500)]).unwrap(),
            "name = \"X\"\n\n[status]\n\"X.3\" = 500\n"
        );
        // A header with a comment, which line matching did not recognise (it added a second table).
        let commented = "name = \"X\"\n\n[status]  # exceptions\n\"X.1\" = 500\n";
        assert_eq!(
            set_statuses(commented, &[("X.2".into(), 404)]).unwrap(),
            "name = \"X\"\n\n[status]  # exceptions\n\"X.1\" = 500\n\"X.2\" = 404\n"
        );
    }

    #[test]
    fn file_names_stay_in_the_locale_folder() {
        for bad in ["../x.ftl", "a/b.ftl", "..", ".hidden", "a\\b.ftl", "", "c:x.ftl"] {
            assert!(check_file_name(bad).is_err(), "{bad}");
        }
        assert_eq!(check_file_name("quota").unwrap(), "quota.ftl");
        assert_eq!(family_file("Backup Policy (v2)").as_deref(), Some("backup-policy-v2.ftl"));
        assert_eq!(family_file("备份"), None);
    }
}
