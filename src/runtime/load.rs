//! The one loader: catalog files in, [`Catalog`] or every problem out.

use super::catalog::Catalog;
use super::code::is_valid_id;
use super::diagnostic::{Diagnostic, Kind, LineIndex, Location};
use super::index::CodeIndex;
use super::metadata::{Metadata, METADATA_FILE};
use super::model::{CodeEntry, ComplexFormatter, Family, Locale, Text, Texts};
use super::negotiate::Negotiator;
use super::pattern::{self, Pattern, Terms};
use fluent_syntax::ast;
use rustc_hash::FxHashMap;
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::path::Path;
use std::sync::Arc;
use unic_langid::LanguageIdentifier;

/// Placeables nested deeper than this are refused before parsing, so hostile input cannot exhaust the stack.
pub const MAX_NESTING: usize = 32;

/// The prefix of the terms that hold family titles: `-family-policy = Backup policies`.
pub const FAMILY_TERM_PREFIX: &str = "family-";

/// One catalog file: a path relative to the catalog root (`zh-CN/policy.ftl`, `catalog.toml`) and its text.
#[derive(Clone, Debug)]
pub struct SourceFile {
    /// Relative path with `/` separators; the first component of an `.ftl` path is its locale.
    pub path: String,
    /// The text, already checked to be UTF-8.
    pub text: Cow<'static, str>,
}

/// The files of a catalog, in memory.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// The directory the files were read from, if any: diagnostics and locations name files under it.
    pub root: Option<std::path::PathBuf>,
    /// `catalog.toml`.
    pub metadata: Option<SourceFile>,
    /// Every `.ftl` file.
    pub files: Vec<SourceFile>,
}

/// Loading failed; every problem found is listed.
#[derive(Clone, Debug)]
pub struct LoadError {
    /// Errors first, then warnings, each in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        for d in &self.diagnostics {
            writeln!(f, "{d}")?;
        }
        write!(f, "the catalog could not be loaded: {errors} error{}", if errors == 1 { "" } else { "s" })
    }
}

impl std::error::Error for LoadError {}

impl SourceFile {
    /// Decodes `bytes`: must be UTF-8; a byte-order mark is dropped and CRLF becomes LF.
    // The error is a whole diagnostic on purpose: it is the cold path and callers collect it.
    #[allow(clippy::result_large_err)]
    pub fn from_bytes(path: impl Into<String>, bytes: Vec<u8>) -> Result<SourceFile, Diagnostic> {
        let path = path.into();
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let prefix = String::from_utf8_lossy(&bytes[..valid]);
            let (location, line) = LineIndex::new(&prefix).locate(&path, valid);
            Diagnostic::error(Kind::Encoding, "the file is not valid UTF-8 (save it as UTF-8)").at(location, line)
        })?;
        Ok(SourceFile { path, text: Cow::Owned(text) })
    }

    fn normalized(&self) -> Cow<'_, str> {
        let text = self.text.strip_prefix('\u{feff}').unwrap_or(&self.text);
        if text.contains('\r') {
            Cow::Owned(text.replace("\r\n", "\n"))
        } else {
            Cow::Borrowed(text)
        }
    }
}

impl Sources {
    /// The path shown for the relative path `relative`: under [`Sources::root`] when there is one.
    pub fn display_path(&self, relative: &str) -> String {
        match &self.root {
            Some(root) => root.join(relative).display().to_string(),
            None => relative.to_string(),
        }
    }

    /// Reads `dir/catalog.toml` and every `dir/<locale>/**/*.ftl`. Other files are ignored.
    pub fn read_dir(dir: &Path) -> Result<Sources, Vec<Diagnostic>> {
        let mut problems = Vec::new();
        let mut sources = Sources { root: Some(dir.to_path_buf()), ..Sources::default() };
        let io = |path: &Path, e: std::io::Error| {
            Diagnostic::error(Kind::Io, format!("cannot read {}: {e}", path.display()))
        };
        let read = |relative: String, full: &Path, problems: &mut Vec<Diagnostic>| -> Option<SourceFile> {
            match std::fs::read(full) {
                Ok(bytes) => SourceFile::from_bytes(relative, bytes).map_err(|d| problems.push(d)).ok(),
                Err(e) => {
                    problems.push(io(full, e));
                    None
                }
            }
        };
        let metadata_path = dir.join(METADATA_FILE);
        if metadata_path.is_file() {
            sources.metadata = read(METADATA_FILE.to_string(), &metadata_path, &mut problems);
        }
        let mut pending = vec![(dir.to_path_buf(), String::new())];
        while let Some((path, relative)) = pending.pop() {
            let entries = match std::fs::read_dir(&path) {
                Ok(entries) => entries,
                Err(e) => {
                    problems.push(io(&path, e));
                    continue;
                }
            };
            for entry in entries {
                let entry = match entry {
                    Ok(entry) => entry,
                    Err(e) => {
                        problems.push(io(&path, e));
                        continue;
                    }
                };
                let name = entry.file_name().to_string_lossy().into_owned();
                let child = if relative.is_empty() { name.clone() } else { format!("{relative}/{name}") };
                let full = entry.path();
                if full.is_dir() {
                    if !name.starts_with('.') {
                        pending.push((full, child));
                    }
                } else if name.ends_with(".ftl") {
                    if let Some(file) = read(child, &full, &mut problems) {
                        sources.files.push(file);
                    }
                }
            }
        }
        sources.files.sort_by(|a, b| a.path.cmp(&b.path));
        if problems.is_empty() {
            Ok(sources)
        } else {
            Err(problems)
        }
    }
}

struct Parsed<'s> {
    path: &'s str,
    /// `path` once for every [`Location`] in the file, instead of one copy per text.
    shared_path: Arc<str>,
    text: &'s str,
    index: LineIndex<'s>,
    resource: ast::Resource<&'s str>,
}

impl<'s> Parsed<'s> {
    fn locate(&self, slice: &str) -> (Location, Option<String>) {
        let offset = (slice.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        self.index.locate(self.path, offset)
    }

    /// Where `slice` starts, without the source line (which only diagnostics show).
    fn position(&self, slice: &str) -> Location {
        let offset = (slice.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        let (line, column) = self.index.line_col(offset);
        Location { path: Arc::clone(&self.shared_path), line, column }
    }

    fn stem(&self) -> &'s str {
        let name = self.path.rsplit('/').next().unwrap_or(self.path);
        name.strip_suffix(".ftl").unwrap_or(name)
    }
}

struct LocaleFiles<'s> {
    tag: String,
    id: LanguageIdentifier,
    files: Vec<Parsed<'s>>,
}

/// One locale's files before parsing: (path shown in diagnostics, normalised text).
struct LocaleSources<'s> {
    tag: String,
    id: LanguageIdentifier,
    files: Vec<(&'s str, &'s str)>,
}

impl<'s> LocaleSources<'s> {
    /// Parses every file; files that cannot be parsed at all are reported and left out.
    fn parse(&self, problems: &mut Vec<Diagnostic>) -> LocaleFiles<'s> {
        let files = self.files.iter().filter_map(|&(path, text)| parse_file(path, text, problems)).collect();
        LocaleFiles { tag: self.tag.clone(), id: self.id.clone(), files }
    }
}

impl Catalog {
    /// Loads the catalog in `dir` (`dir/catalog.toml`, `dir/<locale>/*.ftl`).
    pub fn from_dir(dir: impl AsRef<std::path::Path>) -> Result<Catalog, LoadError> {
        let sources = Sources::read_dir(dir.as_ref()).map_err(|diagnostics| LoadError { diagnostics })?;
        load(&sources)
    }
}

/// Loads a catalog from in-memory sources. Problems that leave the catalog usable
/// (e.g. an obsolete translation) become [`Catalog::warnings`].
pub fn load(sources: &Sources) -> Result<Catalog, LoadError> {
    let mut problems = Vec::new();
    let metadata_text = sources.metadata.as_ref().map(|m| (sources.display_path(&m.path), m.normalized()));
    let metadata = match &metadata_text {
        None => {
            problems.push(Diagnostic::error(
                Kind::Metadata,
                format!("{METADATA_FILE} is missing: it names the catalog, its source and fallback locales"),
            ));
            None
        }
        Some((path, text)) => Metadata::parse(path, text).map_err(|e| problems.extend(e)).ok(),
    };
    let texts: Vec<(&SourceFile, String, Cow<'_, str>)> =
        sources.files.iter().map(|f| (f, sources.display_path(&f.path), f.normalized())).collect();
    let mut by_locale: BTreeMap<String, LocaleSources<'_>> = BTreeMap::new();
    for (file, display_path, text) in &texts {
        let Some((dir, _)) = file.path.split_once('/') else {
            problems.push(Diagnostic::error(
                Kind::Locale,
                format!("{} is not inside a locale directory (expected <locale>/<name>.ftl)", file.path),
            ));
            continue;
        };
        let Ok(id) = dir.replace('_', "-").parse::<LanguageIdentifier>() else {
            problems.push(Diagnostic::error(
                Kind::Locale,
                format!("directory `{dir}` of {} is not a BCP 47 language tag", file.path),
            ));
            continue;
        };
        let tag = id.to_string();
        by_locale
            .entry(tag.clone())
            .or_insert_with(|| LocaleSources { tag, id, files: Vec::new() })
            .files
            .push((display_path, text));
    }
    let Some(metadata) = metadata else {
        // Still report every syntax error.
        by_locale.values().for_each(|locale| drop(locale.parse(&mut problems)));
        return Err(LoadError { diagnostics: problems });
    };
    let source_tag = metadata.source_locale.to_string();
    let fallback_tag = metadata.fallback_locale.to_string();
    for (tag, role) in [(&source_tag, "source"), (&fallback_tag, "fallback")] {
        if !by_locale.contains_key(tag) {
            problems.push(Diagnostic::error(
                Kind::Locale,
                format!("the {role} locale {tag} has no .ftl files (expected a directory {tag}/)"),
            ));
        }
    }
    // The source locale first, then the others by tag: the order every output uses.
    let mut locale_sources: Vec<LocaleSources<'_>> = Vec::with_capacity(by_locale.len());
    if let Some(source) = by_locale.remove(&source_tag) {
        locale_sources.push(source);
    }
    locale_sources.extend(by_locale.into_values());
    let locale_count = locale_sources.len();
    let mut warnings = Vec::new();
    let mut complex = Vec::with_capacity(locale_count);
    // In code order, as the source locale's messages are; `numbers` finds them by message id.
    let mut codes: Vec<CodeEntry> = Vec::new();
    let mut numbers: FxHashMap<&str, usize> = FxHashMap::default();
    let mut families: BTreeMap<String, Vec<Option<Box<str>>>> = BTreeMap::new();
    let metadata_path = metadata_text.as_ref().map_or(METADATA_FILE, |(p, _)| p.as_str());
    // One locale at a time, so that only one locale's syntax trees are in memory at once.
    for (index, sources) in locale_sources.iter().enumerate() {
        let locale = sources.parse(&mut problems);
        let messages = collect(&locale, &mut problems);
        let mut has_complex = false;
        for &(id, ref message) in &messages.messages {
            if index == 0 {
                let code = id_code(id);
                let family = metadata.family.get(&code).map_or(message.file.stem(), String::as_str);
                if !metadata.families.is_empty() && !metadata.families.iter().any(|f| f == family) {
                    let (location, line) = message.file.locate(id);
                    problems.push(
                        Diagnostic::error(
                            Kind::Metadata,
                            format!(
                                "family `{family}` (from the file name) is not listed in `families` of {METADATA_FILE}"
                            ),
                        )
                        .at(location, line)
                        .for_code(code.clone()),
                    );
                }
                if !families.contains_key(family) {
                    families.insert(family.to_string(), vec![None; locale_count]);
                }
                numbers.insert(id, codes.len());
                codes.push(CodeEntry {
                    id: id.into(),
                    status: metadata.status_of(&code),
                    family: family.into(),
                    retired: metadata.retired.get(&code).map(|r| r.as_str().into()),
                    texts: std::iter::repeat_with(|| None).take(locale_count).collect(),
                    code: code.into_boxed_str(),
                });
            }
            let Some(entry) = numbers.get(id).map(|&number| &mut codes[number]) else {
                let (location, line) = message.file.locate(id);
                warnings.push(
                    Diagnostic::warning(
                        Kind::ObsoleteMessage,
                        format!(
                            "{id} has no message in the source locale {source_tag}; remove it or add the source text"
                        ),
                    )
                    .at(location, line)
                    .for_code(id_code(id))
                    .in_locale(locale.tag.clone()),
                );
                continue;
            };
            let texts = build_texts(message, &messages.terms);
            has_complex |= std::iter::once(&texts.value)
                .chain(texts.attributes.iter().map(|(_, t)| t))
                .any(|t| matches!(t.pattern, Pattern::Complex(_)));
            entry.texts[index] = Some(texts);
        }
        for (name, term) in &messages.terms {
            if let Some(family) = name.strip_prefix(FAMILY_TERM_PREFIX).and_then(|f| families.get_mut(f)) {
                if let Pattern::Plain(title) = pattern::compile(&term.value, &messages.terms) {
                    family[index] = Some(Box::from(&*title));
                }
            }
        }
        complex.push(has_complex.then(|| ComplexFormatter {
            language: locale.id.clone(),
            sources: locale.files.iter().map(|f| Cow::Owned(f.text.to_string())).collect(),
            bundle: Default::default(),
        }));
    }
    drop(numbers);
    let metadata_index = metadata_text.as_ref().map(|(_, t)| LineIndex::new(t));
    for (code, &line) in &metadata.code_lines {
        if codes.binary_search_by(|entry| (*entry.code).cmp(code.as_str())).is_err() {
            let location = Location { path: Arc::from(metadata_path), line, column: 1 };
            let source_line = metadata_index.as_ref().map(|index| index.line_text(line));
            problems.push(
                Diagnostic::error(
                    Kind::UnknownCode,
                    format!("{METADATA_FILE} mentions {code}, which has no message in the source locale {source_tag}"),
                )
                .at(location, source_line)
                .for_code(code.clone()),
            );
        }
    }
    if problems.iter().any(Diagnostic::is_error) {
        problems.extend(warnings);
        sort_diagnostics(&mut problems);
        return Err(LoadError { diagnostics: problems });
    }
    warnings.extend(problems);
    sort_diagnostics(&mut warnings);
    let order: Vec<String> =
        if metadata.families.is_empty() { families.keys().cloned().collect() } else { metadata.families.clone() };
    let families = order
        .into_iter()
        .filter_map(|id| families.remove(&id).map(|titles| Family { id: id.into(), titles: titles.into_boxed_slice() }))
        .collect();
    let source = 0;
    let fallback = locale_sources.iter().position(|l| l.tag == fallback_tag).unwrap_or(0);
    let locales: Vec<Locale> = locale_sources
        .iter()
        .zip(complex)
        .enumerate()
        .map(|(i, (files, complex))| {
            let mut chain = vec![i as u16];
            for other in [fallback as u16, source as u16] {
                if !chain.contains(&other) {
                    chain.push(other);
                }
            }
            Locale { id: files.id.clone(), tag: files.tag.as_str().into(), chain: chain.into(), complex }
        })
        .collect();
    let negotiator = Negotiator::new(locales.iter().map(|l| l.id.clone()).collect(), fallback, source);
    let index = CodeIndex::new(codes, &locales);
    Ok(Catalog { metadata, locales, source, fallback, index, families, negotiator, warnings })
}

/// The code of a message id already checked by [`is_valid_id`] (`CSBS-0001` → `CSBS.0001`).
fn id_code(id: &str) -> String {
    id.replace('-', ".")
}

/// File order, then line and column; problems without a location last, in the order found.
fn sort_diagnostics(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| match (&a.location, &b.location) {
        (Some(a), Some(b)) => a.cmp(b),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => std::cmp::Ordering::Equal,
    });
}

fn parse_file<'s>(path: &'s str, text: &'s str, problems: &mut Vec<Diagnostic>) -> Option<Parsed<'s>> {
    let index = LineIndex::new(text);
    if let Some(offset) = too_deep(text) {
        let (location, line) = index.locate(path, offset);
        problems.push(
            Diagnostic::error(Kind::TooDeep, format!("placeables are nested more than {MAX_NESTING} deep"))
                .at(location, line),
        );
        return None;
    }
    if let Some(offset) = truncated_escape(text) {
        let (location, line) = index.locate(path, offset);
        problems.push(
            Diagnostic::error(
                Kind::Syntax,
                "invalid Unicode escape sequence (\\u takes 4 hex digits, \\U takes 6)".to_string(),
            )
            .at(location, line),
        );
        return None;
    }
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((resource, errors)) => {
            for error in errors {
                let (location, line) = index.locate(path, error.pos.start);
                problems.push(Diagnostic::error(Kind::Syntax, syntax_message(&error.kind)).at(location, line));
            }
            resource
        }
    };
    Some(Parsed { path, shared_path: Arc::from(path), text, index, resource })
}

fn syntax_message(kind: &fluent_syntax::parser::ErrorKind) -> String {
    use fluent_syntax::parser::ErrorKind as E;
    let hint = match kind {
        E::MissingValue => " (a message needs text after `=`; an empty attribute is not allowed either)",
        E::UnbalancedClosingBrace => " (write a literal brace as {\"}\"})",
        E::ExpectedCharRange { .. } | E::ExpectedToken(_) => "",
        _ => "",
    };
    format!("{kind}{hint}")
}

/// The offset of a `\u`/`\U` escape with too few hex digits followed by a non-ASCII character, in a
/// string literal. fluent-syntax 0.12 panics on such an escape (it slices its error text inside the
/// character; found by `fuzz/load_ftl`), so it is reported here instead. The same characters in plain
/// text or a comment (`"\u码`) are text, and whether a `"` opens a string literal depends on everything
/// before it as the parser sees it (placeables, escaped braces `{"{"}`, error recovery), so the parser
/// itself decides: it reads a copy in which the character after each such escape is replaced by ASCII
/// of the same length (offsets unchanged, nothing to panic on) and reports the escapes it meets in a
/// literal. Files without such an escape, all but a few, pay only a `memchr` for backslashes.
fn truncated_escape(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // (the backslash, the character after the digits)
    let escapes: Vec<(usize, usize)> = memchr::memchr_iter(b'\\', bytes)
        .filter_map(|i| {
            let needed = match bytes.get(i + 1)? {
                b'u' => 4,
                b'U' => 6,
                _ => return None,
            };
            let rest = bytes.get(i + 2..)?;
            let digits = rest.iter().take(needed).take_while(|b| b.is_ascii_hexdigit()).count();
            (digits < needed && rest.get(digits).is_some_and(|b| !b.is_ascii())).then_some((i, i + 2 + digits))
        })
        .collect();
    if escapes.is_empty() {
        return None;
    }
    let mut copy = text.to_owned();
    for &(_, at) in &escapes {
        let width = text.get(at..).and_then(|rest| rest.chars().next()).map_or(0, char::len_utf8);
        copy.replace_range(at..at + width, &"x".repeat(width));
    }
    let Err((_, errors)) = fluent_syntax::parser::parse(copy.as_str()) else { return None };
    errors.iter().find_map(|error| match error.kind {
        fluent_syntax::parser::ErrorKind::InvalidUnicodeEscapeSequence(_) => {
            escapes.iter().find(|&&(_, at)| at == error.pos.start).map(|&(backslash, _)| backslash)
        }
        _ => None,
    })
}

/// The offset where `{` nesting first exceeds [`MAX_NESTING`].
fn too_deep(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    // Braces are a small part of a catalog: jump from one to the next.
    for offset in memchr::memchr2_iter(b'{', b'}', text.as_bytes()) {
        if text.as_bytes()[offset] == b'{' {
            depth += 1;
            if depth > MAX_NESTING {
                return Some(offset);
            }
        } else {
            depth = depth.saturating_sub(1);
        }
    }
    None
}

struct MessageRef<'a, 's> {
    file: &'a Parsed<'s>,
    message: &'a ast::Message<&'s str>,
}

struct LocaleMessages<'a, 's> {
    /// (message id, message), sorted; each id once.
    messages: Vec<(&'s str, MessageRef<'a, 's>)>,
    terms: Terms<'a, 's>,
}

/// Gathers one locale's messages and terms, reporting duplicates and ids that name no code.
fn collect<'a, 's>(locale: &'a LocaleFiles<'s>, problems: &mut Vec<Diagnostic>) -> LocaleMessages<'a, 's> {
    let mut messages: Vec<(&'s str, MessageRef<'a, 's>)> = Vec::new();
    let mut ids: FxHashMap<&str, (&Parsed<'s>, &str)> = FxHashMap::default();
    let mut terms: Terms<'a, 's> = HashMap::new();
    let mut term_files: HashMap<&str, &Parsed<'s>> = HashMap::new();
    for file in &locale.files {
        for entry in &file.resource.body {
            match entry {
                ast::Entry::Message(message) => {
                    let name = message.id.name;
                    // Located only on error: most messages have none, and locating costs allocations.
                    let error = |kind, text: String| {
                        let (location, line) = file.locate(name);
                        Diagnostic::error(kind, text).at(location, line).in_locale(locale.tag.clone())
                    };
                    if let Some((first, first_name)) = ids.get(name) {
                        let (first_location, _) = first.locate(first_name);
                        problems.push(error(
                            Kind::DuplicateMessage,
                            format!("message `{name}` is defined twice; the first is at {first_location}"),
                        ));
                        continue;
                    }
                    ids.insert(name, (file, name));
                    if !is_valid_id(name) {
                        problems.push(error(Kind::InvalidId, format!("message id `{name}` maps to no error code (ids are codes with `.` written as `-`, like `CSBS-0001`)")));
                        continue;
                    }
                    // Nothing more to check between ids and codes: `ids` holds each id once, and the id
                    // rule is a bijection (ids contain no `.`, codes no `-`), so distinct ids give distinct
                    // codes and each id is the id of its own code.
                    if message.value.is_none() {
                        problems.push(
                            error(Kind::MissingValue, format!("message `{name}` has attributes but no text"))
                                .for_code(id_code(name)),
                        );
                    }
                    for (i, attribute) in message.attributes.iter().enumerate() {
                        if message.attributes[..i].iter().any(|a| a.id.name == attribute.id.name) {
                            let (location, line) = file.locate(attribute.id.name);
                            problems.push(
                                Diagnostic::error(
                                    Kind::DuplicateAttribute,
                                    format!("attribute `.{}` appears twice on `{name}`", attribute.id.name),
                                )
                                .at(location, line)
                                .for_code(id_code(name))
                                .in_locale(locale.tag.clone()),
                            );
                        }
                    }
                    messages.push((name, MessageRef { file, message }));
                }
                ast::Entry::Term(term) => {
                    let name = term.id.name;
                    if let Some(first) = term_files.get(name) {
                        let (location, line) = file.locate(name);
                        problems.push(
                            Diagnostic::error(
                                Kind::DuplicateTerm,
                                format!("term `-{name}` is defined twice (also in {})", first.path),
                            )
                            .at(location, line)
                            .in_locale(locale.tag.clone()),
                        );
                        continue;
                    }
                    term_files.insert(name, file);
                    terms.insert(name, term);
                }
                _ => {}
            }
        }
    }
    // `-` and `.` are neighbours in ASCII and codes contain no `-`: id order is code order.
    messages.sort_unstable_by(|a, b| a.0.cmp(b.0));
    LocaleMessages { messages, terms }
}

fn build_texts(message: &MessageRef<'_, '_>, terms: &Terms) -> Texts {
    let file = message.file;
    let text = |pattern: &ast::Pattern<&str>, anchor: &str| Text {
        pattern: pattern::compile(pattern, terms),
        variables: pattern::variables(pattern).into_iter().map(String::into_boxed_str).collect(),
        location: file.position(anchor),
    };
    let name = message.message.id.name;
    let empty = ast::Pattern { elements: Vec::new() };
    let value = text(message.message.value.as_ref().unwrap_or(&empty), name);
    let mut attributes: Vec<(Box<str>, Text)> =
        message.message.attributes.iter().map(|a| (a.id.name.into(), text(&a.value, a.id.name))).collect();
    attributes.sort_by(|a, b| a.0.cmp(&b.0));
    attributes.dedup_by(|a, b| a.0 == b.0);
    // The message and its value start at the same place: the id.
    let location = value.location.clone();
    Texts { value, attributes: attributes.into_boxed_slice(), location }
}
