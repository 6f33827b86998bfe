//! Text hygiene: control characters and bidi controls in any text of the catalog (message values,
//! attributes, terms such as family titles, comments, `catalog.toml`), see [`crate::hygiene`].
//!
//! Two passes. The files are read line by line, so a character written as itself is reported at its
//! exact `path:line:column`, with the code and the text it is in. Then the texts as the catalog
//! serves them (Fluent string literals such as `{ "\u001B" }` and TOML escapes give the character
//! without writing it): a hazard found there and not already reported for that code and locale is
//! reported at the start of its text.

use super::SourceLines;
use crate::hygiene::{self, Hazard};
use crate::runtime::diagnostic::{Diagnostic, Kind, Location};
use crate::{id_to_code, Catalog, Metadata, Sources, METADATA_FILE, SUGGESTION};
use std::collections::HashSet;
use std::sync::Arc;

/// Every hazardous character of the catalog's files and texts.
pub(super) fn check(sources: &Sources, catalog: Option<&Catalog>, lines: &SourceLines<'_>, out: &mut Vec<Diagnostic>) {
    let allow_bidi = match catalog {
        Some(catalog) => catalog.metadata().allow_bidi_controls,
        None => sources
            .metadata
            .as_ref()
            .and_then(|m| Metadata::parse(&m.path, &m.text).ok())
            .is_some_and(|m| m.allow_bidi_controls),
    };
    let reported = |h: Hazard| h == Hazard::Control || !allow_bidi;
    // (code, term or `catalog.toml`; locale or "") already reported from the files.
    let mut seen: HashSet<(String, String)> = HashSet::new();
    for file in sources.files.iter().chain(&sources.metadata) {
        let is_ftl = file.path.ends_with(".ftl");
        let locale = if is_ftl { file.path.split('/').next().unwrap_or_default() } else { "" };
        let mut entry = Entry::None;
        for (number, line) in file.text.split('\n').enumerate() {
            let line = line.strip_suffix('\r').unwrap_or(line);
            let line = if number == 0 { line.strip_prefix('\u{feff}').unwrap_or(line) } else { line };
            if is_ftl {
                entry = entry.next(line);
            }
            if !hygiene::may_contain_hazard(line) {
                continue;
            }
            for hazard in [Hazard::Control, Hazard::Bidi].into_iter().filter(|h| reported(*h)) {
                let mut found = line.chars().enumerate().filter(|(_, c)| hygiene::hazard(*c) == Some(hazard));
                let Some((column, c)) = found.next() else { continue };
                let more = found.count();
                let location = Location {
                    path: Arc::from(file.path.as_str()),
                    line: number as u32 + 1,
                    column: column as u32 + 1,
                };
                let what = if is_ftl { entry.describe() } else { "text".to_string() };
                let mut diagnostic = Diagnostic::error(kind(hazard), message(&what, c, hazard, more, false))
                    .at(location, Some(line.to_string()));
                if let Some(code) = entry.code() {
                    seen.insert((code.clone(), locale.to_string()));
                    diagnostic = diagnostic.for_code(code);
                }
                if let Entry::Term(term) = &entry {
                    seen.insert((term.clone(), locale.to_string()));
                }
                if is_ftl {
                    diagnostic = diagnostic.in_locale(locale);
                } else {
                    seen.insert((METADATA_FILE.to_string(), String::new()));
                }
                out.push(diagnostic);
            }
        }
    }
    let Some(catalog) = catalog else { return };
    let tags: Vec<&str> = catalog.locale_tags().collect();
    // `subject` is the key of `seen`: the code, the term or `catalog.toml`.
    let mut report =
        |text: &str, what: &str, subject: &str, code: Option<&str>, locale: Option<&str>, at: Option<Location>| {
            if seen.contains(&(subject.to_string(), locale.unwrap_or_default().to_string())) {
                return;
            }
            for hazard in [Hazard::Control, Hazard::Bidi].into_iter().filter(|h| reported(*h)) {
                let mut found = text.chars().filter(|c| hygiene::hazard(*c) == Some(hazard));
                let Some(c) = found.next() else { continue };
                let mut diagnostic = Diagnostic::error(kind(hazard), message(what, c, hazard, found.count(), true));
                if let Some(at) = &at {
                    diagnostic = lines.place(diagnostic, at);
                }
                if let Some(code) = code {
                    diagnostic = diagnostic.for_code(code);
                }
                if let Some(locale) = locale {
                    diagnostic = diagnostic.in_locale(locale);
                }
                out.push(diagnostic);
            }
        };
    for entry in catalog.codes() {
        for (index, tag) in tags.iter().enumerate() {
            let Some(texts) = entry.texts(index) else { continue };
            let Ok(localized) = catalog.localize(entry.code(), tag) else { continue };
            if localized.locale != *tag {
                continue;
            }
            let (code, at) = (Some(entry.code()), Some(texts.value().location().clone()));
            report(&localized.message, "value", entry.code(), code, Some(tag), at);
            if let (Some(suggestion), Some(text)) = (&localized.suggestion, texts.attribute(SUGGESTION)) {
                report(suggestion, ".suggestion", entry.code(), code, Some(tag), Some(text.location().clone()));
            }
        }
    }
    let metadata_at =
        |line: u32| sources.metadata.as_ref().map(|m| Location { path: Arc::from(m.path.as_str()), line, column: 1 });
    let line_of = |prefix: &str| {
        sources.metadata.as_ref().and_then(|m| m.text.lines().position(|l| l.trim_start().starts_with(prefix)))
    };
    let name_line = line_of("name").map_or(1, |l| l as u32 + 1);
    report(catalog.name(), "the catalog name", METADATA_FILE, None, None, metadata_at(name_line));
    for entry in catalog.codes() {
        if let Some(reason) = entry.retired() {
            let line = catalog.metadata().code_lines.get(entry.code()).copied().unwrap_or(1);
            report(reason, "the retirement note", METADATA_FILE, Some(entry.code()), None, metadata_at(line));
        }
    }
    for family in catalog.families() {
        for (index, tag) in tags.iter().enumerate() {
            let title = family.title(index);
            let term = format!("-family-{}", family.id());
            let at = sources.files.iter().filter(|f| f.path.starts_with(&format!("{tag}/"))).find_map(|f| {
                let line = f.text.lines().position(|l| l.starts_with(&term))?;
                Some(Location { path: Arc::from(f.path.as_str()), line: line as u32 + 1, column: 1 })
            });
            report(title, &format!("the title of family `{}`", family.id()), &term, None, Some(tag), at);
        }
    }
}

fn kind(hazard: Hazard) -> Kind {
    match hazard {
        Hazard::Control => Kind::ControlCharacter,
        Hazard::Bidi => Kind::BidiControl,
    }
}

fn message(what: &str, c: char, hazard: Hazard, more: usize, escaped: bool) -> String {
    let name = hygiene::describe(c);
    let written = if escaped { " (written as an escape sequence)" } else { "" };
    let more = match more {
        0 => String::new(),
        1 => " and 1 more".to_string(),
        n => format!(" and {n} more"),
    };
    match hazard {
        Hazard::Control => format!(
            "{what} contains the control character {name}{written}{more}: terminals act on it and pages \
             cannot show it; remove it"
        ),
        Hazard::Bidi => format!(
            "{what} contains the bidi control {name}{written}{more}: it reorders how the text after it is \
             displayed (`invoice_\\u{{202e}}fdp.exe` shows as “invoice_exe.pdf”); remove it, or set \
             `allow_bidi_controls = true` in catalog.toml if the text needs it"
        ),
    }
}

/// The entry of an `.ftl` file a line belongs to, tracked line by line.
enum Entry {
    None,
    Comment,
    Term(String),
    Message { id: String, attribute: Option<String> },
}

impl Entry {
    fn next(self, line: &str) -> Entry {
        let Some(first) = line.chars().next() else { return self };
        if first == '#' {
            return Entry::Comment;
        }
        if first == ' ' || first == '\t' {
            let trimmed = line.trim_start();
            return match (self, trimmed.strip_prefix('.')) {
                (Entry::Message { id, .. }, Some(rest)) if identifier(rest).is_some() => {
                    Entry::Message { id, attribute: identifier(rest).map(str::to_string) }
                }
                (entry, _) => entry,
            };
        }
        match line.strip_prefix('-') {
            Some(rest) => Entry::Term(format!("-{}", identifier(rest).unwrap_or_default())),
            None => match identifier(line) {
                Some(id) => Entry::Message { id: id.to_string(), attribute: None },
                None => Entry::None,
            },
        }
    }

    fn code(&self) -> Option<String> {
        match self {
            Entry::Message { id, .. } => id_to_code(id),
            _ => None,
        }
    }

    fn describe(&self) -> String {
        match self {
            Entry::Message { attribute: Some(name), .. } => format!(".{name}"),
            Entry::Message { attribute: None, .. } => "value".to_string(),
            Entry::Term(term) => format!("term `{term}`"),
            Entry::Comment => "a comment".to_string(),
            Entry::None => "text".to_string(),
        }
    }
}

/// The Fluent identifier `text` starts with, when it is followed by `=` (after optional blanks).
fn identifier(text: &str) -> Option<&str> {
    let end = text.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_')).unwrap_or(text.len());
    let (id, rest) = text.split_at(end);
    (!id.is_empty() && id.starts_with(|c: char| c.is_ascii_alphabetic()) && rest.trim_start().starts_with('='))
        .then_some(id)
}
