//! Lints of each text against its source: missing and obsolete messages and attributes,
//! empty text, variables, untranslated text, punctuation and whitespace.

use super::script::{is_fullwidth_punctuation, is_han, terminal_punctuation, writes_han};
use super::SourceLines;
use crate::runtime::diagnostic::{Diagnostic, Kind, Location};
use crate::Sources;
use crate::{Catalog, CodeEntry, Text, Texts};
use std::collections::BTreeSet;
use std::sync::Arc;

/// `value` or `.name`: how a text of a message is named in messages and review records.
pub(crate) fn text_name(attribute: Option<&str>) -> String {
    attribute.map_or_else(|| "value".to_string(), |a| format!(".{a}"))
}

/// The texts a translation shares with its source: the value and the common attributes, by name.
pub(crate) fn shared_texts<'t>(source: &'t Texts, target: &'t Texts) -> Vec<(String, &'t Text, &'t Text)> {
    let mut shared = vec![(text_name(None), source.value(), target.value())];
    for (name, text) in source.attributes() {
        if let Some(translated) = target.attribute(name) {
            shared.push((text_name(Some(name)), text, translated));
        }
    }
    shared
}

struct Lint<'a> {
    lines: &'a SourceLines<'a>,
    out: &'a mut Vec<Diagnostic>,
}

impl Lint<'_> {
    fn report(&mut self, kind: Kind, entry: &CodeEntry, locale: &str, location: Option<&Location>, message: String) {
        let diagnostic = Diagnostic::error(kind, message).for_code(entry.code()).in_locale(locale);
        self.out.push(match location {
            Some(location) => self.lines.place(diagnostic, location),
            None => diagnostic,
        });
    }
}

/// Every per-text lint of every locale.
pub(super) fn compare(catalog: &Catalog, lines: &SourceLines<'_>, out: &mut Vec<Diagnostic>) {
    let tags: Vec<&str> = catalog.locale_tags().collect();
    let languages: Vec<&str> = catalog.locales().map(|l| l.language.as_str()).collect();
    let source_index = catalog.source_index();
    let source_tag = tags[source_index];
    let source_han = writes_han(languages[source_index]);
    let mut lint = Lint { lines, out };
    for entry in catalog.codes() {
        let Some(source) = entry.texts(source_index) else { continue };
        for (name, text) in named_texts(source) {
            own_text(&mut lint, entry, source_tag, &name, text, true);
        }
        for (index, tag) in tags.iter().enumerate().filter(|(i, _)| *i != source_index) {
            let Some(target) = entry.texts(index) else {
                let origin = source.location();
                lint.report(
                    Kind::MissingMessage,
                    entry,
                    tag,
                    None,
                    format!(
                        "no {tag} translation: add `{}` (source text at {}:{}: {})",
                        entry.id(),
                        origin.path,
                        origin.line,
                        quote(&source.value().source())
                    ),
                );
                continue;
            };
            let han_expected = writes_han(languages[index]) || !source_han;
            for (name, text) in source.attributes() {
                if target.attribute(name).is_none() {
                    lint.report(
                        Kind::MissingAttribute,
                        entry,
                        tag,
                        Some(target.location()),
                        format!("`.{name}` is missing; the {source_tag} source has it: {}", quote(&text.source())),
                    );
                }
            }
            for (name, text) in target.attributes() {
                if source.attribute(name).is_none() {
                    lint.report(
                        Kind::ObsoleteAttribute,
                        entry,
                        tag,
                        Some(text.location()),
                        format!("`.{name}` is not in the {source_tag} source; remove it"),
                    );
                }
            }
            for (name, text) in named_texts(target) {
                own_text(&mut lint, entry, tag, &name, text, han_expected);
            }
            for (name, original, translated) in shared_texts(source, target) {
                translation(&mut lint, entry, tag, source_tag, &name, original, translated);
            }
        }
    }
}

fn named_texts(texts: &Texts) -> Vec<(String, &Text)> {
    std::iter::once((text_name(None), texts.value()))
        .chain(texts.attributes().map(|(name, text)| (text_name(Some(name)), text)))
        .collect()
}

pub(crate) fn quote(text: &str) -> String {
    format!("“{}”", text.replace('\n', "⏎"))
}

/// Lints of one text on its own: empty, Han characters in a non-Han locale, whitespace.
fn own_text(lint: &mut Lint<'_>, entry: &CodeEntry, tag: &str, name: &str, text: &Text, han_expected: bool) {
    let source = text.source();
    let location = text.location();
    if source.trim().is_empty() {
        lint.report(Kind::EmptyText, entry, tag, Some(location), format!("{name} is empty"));
        return;
    }
    if !han_expected {
        if let Some(han) = source.chars().find(|c| is_han(*c)) {
            let at = column_of(lint.lines, location, |c| c == han);
            lint.report(
                Kind::Untranslated,
                entry,
                tag,
                Some(&at),
                format!("{name} contains Chinese text ({}): translate it", quote(&source)),
            );
        } else if let Some(mark) = source.chars().find(|c| is_fullwidth_punctuation(*c)) {
            let at = column_of(lint.lines, location, |c| c == mark);
            lint.report(
                Kind::Punctuation,
                entry,
                tag,
                Some(&at),
                format!("{name} contains the full-width punctuation `{mark}`; use the {tag} form"),
            );
        }
    }
    // A selector is kept as Fluent source, laid out on indented lines by the serializer: its
    // newlines and indentation are layout, not text. Only what each line says is linted.
    let laid_out = text.plain().is_none() && source.contains('\n');
    let source: std::borrow::Cow<'_, str> = if laid_out {
        source.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n").into()
    } else {
        source
    };
    let problem = if source.starts_with(char::is_whitespace) {
        Some("starts with whitespace")
    } else if source.ends_with(char::is_whitespace) {
        Some("ends with whitespace")
    } else if source.contains("  ") {
        Some("contains doubled spaces")
    } else if source.contains('\t') {
        Some("contains a tab")
    } else if source.contains(['\u{a0}', '\u{3000}', '\u{200b}']) {
        Some("contains a no-break, ideographic or zero-width space")
    } else if [" .", " ,", " !", " ?", " :", " ;", " 。", " ，"].iter().any(|p| source.contains(p)) {
        Some("has a space before punctuation")
    } else {
        None
    };
    if let Some(problem) = problem {
        lint.report(Kind::Whitespace, entry, tag, Some(location), format!("{name} {problem}: {}", quote(&source)));
    }
}

/// Lints of a translation against its source text.
fn translation(
    lint: &mut Lint<'_>,
    entry: &CodeEntry,
    tag: &str,
    source_tag: &str,
    name: &str,
    original: &Text,
    translated: &Text,
) {
    let (source, target) = (original.source(), translated.source());
    if target.trim().is_empty() || source.trim().is_empty() {
        return;
    }
    let location = translated.location();
    let expected: BTreeSet<&str> = original.variables().collect();
    let found: BTreeSet<&str> = translated.variables().collect();
    if expected != found {
        let list = |set: &BTreeSet<&str>| {
            if set.is_empty() {
                "no variables".to_string()
            } else {
                set.iter().map(|v| format!("{{ ${v} }}")).collect::<Vec<_>>().join(", ")
            }
        };
        lint.report(
            Kind::VariableMismatch,
            entry,
            tag,
            Some(location),
            format!("{name} uses {} but the {source_tag} source uses {}", list(&found), list(&expected)),
        );
    }
    if source == target && source.chars().any(char::is_alphabetic) {
        lint.report(
            Kind::Untranslated,
            entry,
            tag,
            Some(location),
            format!("{name} is the same as the {source_tag} source ({}): translate it", quote(&source)),
        );
        return;
    }
    let (want, got) = (terminal_punctuation(ending(&source)), terminal_punctuation(ending(&target)));
    if want != got {
        let describe = |p: Option<&str>| p.map_or_else(|| "no punctuation".to_string(), |p| format!("a {p}"));
        lint.report(
            Kind::Punctuation,
            entry,
            tag,
            Some(location),
            format!("{name} ends with {} but the {source_tag} source ends with {}", describe(got), describe(want)),
        );
    }
}

/// The text whose last character is a text's closing punctuation: the text itself, or for a
/// whole-text selector (which ends with the `}` of its syntax) the lines of its default variant.
fn ending(source: &str) -> &str {
    let trimmed = source.trim();
    if !(trimmed.starts_with('{') && trimmed.ends_with('}') && trimmed.contains("->")) {
        return trimmed;
    }
    let lines: Vec<&str> = trimmed.lines().map(str::trim).collect();
    let Some(start) = lines.iter().position(|l| l.starts_with("*[")) else { return trimmed };
    let mut last = lines[start].split_once(']').map_or("", |(_, text)| text.trim());
    for line in &lines[start + 1..] {
        if line.starts_with('[') || line.starts_with("*[") || *line == "}" {
            break;
        }
        if !line.is_empty() {
            last = line;
        }
    }
    last
}

/// `location` moved to the first character of its line (from its column on) that matches.
fn column_of(lines: &SourceLines<'_>, location: &Location, matches: impl Fn(char) -> bool) -> Location {
    let mut at = location.clone();
    if let Some(line) = lines.line(&location.path, location.line) {
        let skip = location.column.saturating_sub(1) as usize;
        if let Some(offset) = line.chars().skip(skip).position(matches) {
            at.column = (skip + offset + 1) as u32;
        }
    }
    at
}

/// Spaces or tabs at the end of a line of an `.ftl` file: Fluent drops them, editors show them as noise.
pub(super) fn trailing_whitespace(sources: &Sources, out: &mut Vec<Diagnostic>) {
    for file in &sources.files {
        let locale = file.path.split('/').next().unwrap_or_default();
        for (number, line) in file.text.split('\n').enumerate() {
            let line = line.trim_end_matches('\r');
            let kept = line.trim_end_matches([' ', '\t']);
            if kept.len() != line.len() {
                let location = Location {
                    path: Arc::from(file.path.as_str()),
                    line: number as u32 + 1,
                    column: kept.chars().count() as u32 + 1,
                };
                out.push(
                    Diagnostic::error(Kind::Whitespace, "trailing whitespace at the end of the line")
                        .at(location, Some(line.to_string()))
                        .in_locale(locale),
                );
            }
        }
    }
}
