//! The one in-memory model of a catalog, read by the runtime API, the renderers and the checks.

use crate::code_index::{CodeIndex, Found};
use crate::diagnostic::{Diagnostic, Location};
use crate::metadata::Metadata;
use crate::negotiate::Negotiator;
use crate::pattern::{self, Arg, Part, Pattern};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;

use std::fmt;
use std::sync::{Arc, OnceLock};
use unic_langid::LanguageIdentifier;

/// The attribute that holds a code's suggestion.
pub const SUGGESTION: &str = "suggestion";

/// An error-code catalog: every code with its status, family and text per locale.
///
/// Build one with [`Catalog::from_dir`] or use the shipped one, [`Catalog::embedded`].
/// A catalog is immutable, `Send + Sync`, and cheap to share behind an `Arc` or a `&'static`.
pub struct Catalog {
    pub(crate) metadata: Metadata,
    pub(crate) locales: Vec<Locale>,
    pub(crate) source: usize,
    pub(crate) fallback: usize,
    pub(crate) index: CodeIndex,
    pub(crate) families: Vec<Family>,
    pub(crate) negotiator: Negotiator,
    pub(crate) warnings: Vec<Diagnostic>,
}

pub(crate) struct Locale {
    pub(crate) id: LanguageIdentifier,
    pub(crate) tag: Arc<str>,
    /// This locale, then the fallback, then the source: where a missing message is looked for.
    pub(crate) chain: Box<[u16]>,
    /// Present when some message of this locale needs fluent-bundle to format.
    pub(crate) complex: Option<ComplexFormatter>,
}

/// Formats the few patterns that are not compiled (selectors, functions), built on first use.
pub(crate) struct ComplexFormatter {
    pub(crate) language: LanguageIdentifier,
    pub(crate) sources: Vec<String>,
    pub(crate) bundle: OnceLock<Option<FluentBundle<FluentResource>>>,
}

/// One error code.
#[derive(Debug)]
pub struct CodeEntry {
    pub(crate) code: Box<str>,
    pub(crate) id: Box<str>,
    pub(crate) status: u16,
    pub(crate) family: Box<str>,
    pub(crate) retired: Option<Box<str>>,
    /// Indexed like the catalog's locales; `None` where the locale has no message.
    pub(crate) texts: Box<[Option<Texts>]>,
}

/// The message of one code in one locale: its value and attributes.
#[derive(Debug)]
pub struct Texts {
    pub(crate) value: Text,
    /// Sorted by name.
    pub(crate) attributes: Box<[(Box<str>, Text)]>,
    pub(crate) location: Location,
}

/// One translatable text: a message value or attribute.
#[derive(Debug)]
pub struct Text {
    pub(crate) pattern: Pattern,
    pub(crate) variables: Box<[Box<str>]>,
    pub(crate) location: Location,
}

/// A group of related codes (policy, backup, ...), with a title per locale.
#[derive(Debug)]
pub struct Family {
    pub(crate) id: Box<str>,
    pub(crate) titles: Box<[Option<Box<str>>]>,
}

/// A localized error: the text of one code in the best available locale.
#[derive(Clone, Debug, PartialEq)]
pub struct Localized<'a> {
    /// The error code.
    pub code: &'a str,
    /// The message (the code's description); borrowed from the catalog unless it has arguments.
    pub message: Cow<'a, str>,
    /// What the user can do about it, if the catalog says.
    pub suggestion: Option<Cow<'a, str>>,
    /// The locale the text actually came from, as a tag (`en-US`): send it as `Content-Language`.
    pub locale: &'a str,
    /// The HTTP status that goes with the code.
    pub status: u16,
    /// Problems met while formatting (e.g. a missing argument); the text is still usable.
    pub errors: Vec<FormatError>,
}

/// Why a code could not be localized.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LookupError {
    /// The code was empty or only whitespace.
    EmptyCode,
    /// No such code in the catalog.
    UnknownCode {
        /// The code asked for.
        code: String,
    },
}

impl fmt::Display for LookupError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LookupError::EmptyCode => f.write_str("no error code given"),
            LookupError::UnknownCode { code } => write!(f, "unknown error code `{code}`"),
        }
    }
}

impl std::error::Error for LookupError {}

/// A problem met while formatting a text; formatting still produces text.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FormatError {
    /// The text uses a variable that was not given; `{$name}` stands in its place.
    MissingArgument {
        /// The variable.
        name: String,
    },
    /// fluent-bundle reported a problem while resolving a complex pattern.
    Fluent {
        /// fluent-bundle's description.
        message: String,
    },
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::MissingArgument { name } => write!(f, "missing argument `${name}`"),
            FormatError::Fluent { message } => f.write_str(message),
        }
    }
}

impl Catalog {
    /// The catalog's name (`CSBS`).
    pub fn name(&self) -> &str {
        &self.metadata.name
    }

    /// The metadata read from `catalog.toml`.
    pub fn metadata(&self) -> &Metadata {
        &self.metadata
    }

    /// Every locale of the catalog, in a stable order (the source locale first).
    pub fn locales(&self) -> impl ExactSizeIterator<Item = &LanguageIdentifier> + '_ {
        self.locales.iter().map(|l| &l.id)
    }

    /// Locale tags, in the order of [`Catalog::locales`].
    pub fn locale_tags(&self) -> impl ExactSizeIterator<Item = &str> + '_ {
        self.locales.iter().map(|l| &*l.tag)
    }

    /// The index of the source locale in [`Catalog::locales`] (always 0).
    pub fn source_index(&self) -> usize {
        self.source
    }

    /// The index of the fallback locale in [`Catalog::locales`].
    pub fn fallback_index(&self) -> usize {
        self.fallback
    }

    /// The locale translations are made from.
    pub fn source_locale(&self) -> &LanguageIdentifier {
        &self.locales[self.source].id
    }

    /// The locale used when no requested language is available.
    pub fn fallback_locale(&self) -> &LanguageIdentifier {
        &self.locales[self.fallback].id
    }

    /// The index of `tag` among [`Catalog::locales`], matched exactly (case-insensitively).
    pub fn locale_index(&self, tag: &str) -> Option<usize> {
        self.locales.iter().position(|l| l.tag.eq_ignore_ascii_case(tag))
    }

    /// Every code, sorted.
    pub fn codes(&self) -> impl ExactSizeIterator<Item = &CodeEntry> + '_ {
        self.index.entries().iter()
    }

    /// The entry of `code`, if the catalog has it.
    pub fn get(&self, code: &str) -> Option<&CodeEntry> {
        self.index.find(code, 0).map(|found| self.index.entry(self.index.entry_number(found.slot)))
    }

    /// Families in display order, each with at least one code.
    pub fn families(&self) -> &[Family] {
        &self.families
    }

    /// Problems found while loading that did not stop it (e.g. messages with no code in the source).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// The locale to use for `lang`: a BCP 47 tag or a whole `Accept-Language` value.
    ///
    /// Never fails: see the [`negotiate`](crate::negotiate) module for the rules.
    pub fn negotiate(&self, lang: &str) -> &LanguageIdentifier {
        &self.locales[self.negotiate_index(lang)].id
    }

    #[inline]
    pub(crate) fn negotiate_index(&self, lang: &str) -> usize {
        match self.negotiator.exact(lang) {
            Some(exact) => exact,
            None => self.negotiator.negotiate(lang),
        }
    }

    /// The text of `code` for `lang` (a tag or an `Accept-Language` value).
    ///
    /// Borrows from the catalog; does not allocate for messages without variables.
    #[inline]
    pub fn localize(&self, code: &str, lang: &str) -> Result<Localized<'_>, LookupError> {
        self.localize_with(code, lang, &[])
    }

    /// Like [`Catalog::localize`], with values for the message's variables.
    /// Variables are inserted without Unicode bidi isolation marks.
    #[inline]
    pub fn localize_with(
        &self,
        code: &str,
        lang: &str,
        args: &[(&str, Arg<'_>)],
    ) -> Result<Localized<'_>, LookupError> {
        let requested = self.negotiate_index(lang);
        match self.index.find(code, requested) {
            Some(found) => self.localize_found(found, requested, args),
            None => self.localize_trimmed(code, requested, args),
        }
    }

    #[inline(always)]
    fn localize_found<'s>(
        &'s self,
        found: Found<'s>,
        requested: usize,
        args: &[(&str, Arg<'_>)],
    ) -> Result<Localized<'s>, LookupError> {
        // The common case, answered from the row resolved at load time: plain text needs no arguments.
        match self.index.answer(found) {
            Some(answer) => Ok(Localized {
                code: found.code(),
                message: Cow::Borrowed(answer.message),
                suggestion: answer.suggestion.map(Cow::Borrowed),
                locale: answer.tag,
                status: answer.status,
                errors: Vec::new(),
            }),
            None => self.localize_entry(self.index.entry_number(found.slot), found.code(), requested, args),
        }
    }

    /// A code not found as given: empty, unknown, or with surrounding whitespace.
    #[cold]
    #[inline(never)]
    fn localize_trimmed<'s>(
        &'s self,
        code: &str,
        requested: usize,
        args: &[(&str, Arg<'_>)],
    ) -> Result<Localized<'s>, LookupError> {
        if code.trim().is_empty() {
            return Err(LookupError::EmptyCode);
        }
        match self.index.find(code.trim(), requested) {
            Some(found) => self.localize_found(found, requested, args),
            None => Err(LookupError::UnknownCode { code: code.to_string() }),
        }
    }

    /// The general way, through the entry: formats variables, asks fluent-bundle for complex patterns.
    /// Kept out of line so that the common case above stays small enough to inline.
    #[inline(never)]
    fn localize_entry<'s>(
        &'s self,
        number: usize,
        code: &'s str,
        requested: usize,
        args: &[(&str, Arg<'_>)],
    ) -> Result<Localized<'s>, LookupError> {
        let entry = self.index.entry(number);
        let (locale, texts) =
            self.resolve(entry, requested).ok_or_else(|| LookupError::UnknownCode { code: code.to_string() })?;
        let mut errors = Vec::new();
        let message = self.format(locale, &entry.id, None, &texts.value, args, &mut errors);
        let suggestion = texts
            .attribute(SUGGESTION)
            .map(|text| self.format(locale, &entry.id, Some(SUGGESTION), text, args, &mut errors));
        if errors.len() > 1 {
            // fluent-bundle reports a missing variable once per use; report it once.
            let mut seen = Vec::with_capacity(errors.len());
            errors.retain(|e| {
                if seen.contains(e) {
                    false
                } else {
                    seen.push(e.clone());
                    true
                }
            });
        }
        let data = &self.locales[locale];
        Ok(Localized { code, message, suggestion, locale: &data.tag, status: entry.status, errors })
    }

    /// The texts of `entry` for the locale with index `requested`, falling back per
    /// message to the fallback then the source locale; with the index of the locale used.
    pub fn resolve<'e>(&self, entry: &'e CodeEntry, requested: usize) -> Option<(usize, &'e Texts)> {
        self.locales[requested].chain.iter().find_map(|&i| entry.texts[i as usize].as_ref().map(|t| (i as usize, t)))
    }

    fn format<'s>(
        &'s self,
        locale: usize,
        id: &str,
        attribute: Option<&str>,
        text: &'s Text,
        args: &[(&str, Arg<'_>)],
        errors: &mut Vec<FormatError>,
    ) -> Cow<'s, str> {
        match &text.pattern {
            Pattern::Plain(plain) => Cow::Borrowed(plain),
            Pattern::Parts(parts) => format_parts(parts, args, errors),
            Pattern::Complex(source) => {
                match self.locales[locale].complex.as_ref().and_then(ComplexFormatter::bundle) {
                    Some(bundle) => {
                        format_complex(bundle, id, attribute, args, errors).unwrap_or(Cow::Borrowed(source))
                    }
                    None => Cow::Borrowed(source),
                }
            }
        }
    }
}

fn format_parts<'p>(parts: &'p [Part], args: &[(&str, Arg<'_>)], errors: &mut Vec<FormatError>) -> Cow<'p, str> {
    let mut missing = Vec::new();
    let text = pattern::format_parts(parts, args, &mut missing);
    errors.extend(missing.into_iter().map(|name| FormatError::MissingArgument { name }));
    text
}

fn format_complex<'s>(
    bundle: &FluentBundle<FluentResource>,
    id: &str,
    attribute: Option<&str>,
    args: &[(&str, Arg<'_>)],
    errors: &mut Vec<FormatError>,
) -> Option<Cow<'s, str>> {
    let message = bundle.get_message(id)?;
    let pattern = match attribute {
        Some(name) => message.get_attribute(name)?.value(),
        None => message.value()?,
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        let value = match *value {
            Arg::Str(s) => FluentValue::from(s),
            Arg::Int(n) => FluentValue::from(n),
            Arg::Float(n) => FluentValue::from(n),
        };
        fluent_args.set(*name, value);
    }
    let mut fluent_errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut fluent_errors).into_owned();
    errors.extend(fluent_errors.into_iter().map(|e| match e {
        fluent_bundle::FluentError::ResolverError(fluent_bundle::resolver::ResolverError::Reference(
            fluent_bundle::resolver::errors::ReferenceKind::Variable { id },
        )) => FormatError::MissingArgument { name: id },
        other => FormatError::Fluent { message: other.to_string() },
    }));
    Some(Cow::Owned(text))
}

impl ComplexFormatter {
    fn bundle(&self) -> Option<&FluentBundle<FluentResource>> {
        self.bundle
            .get_or_init(|| {
                let mut bundle = FluentBundle::new_concurrent(vec![self.language.clone()]);
                bundle.set_use_isolating(false);
                for source in &self.sources {
                    // Syntax errors and duplicates were reported, and refused, by the loader.
                    let resource = FluentResource::try_new(source.clone()).unwrap_or_else(|(resource, _)| resource);
                    bundle.add_resource_overriding(resource);
                }
                Some(bundle)
            })
            .as_ref()
    }
}

impl CodeEntry {
    /// The code (`CSBS.0001`).
    pub fn code(&self) -> &str {
        &self.code
    }

    /// Its Fluent message id (`CSBS-0001`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// Its HTTP status.
    pub fn status(&self) -> u16 {
        self.status
    }

    /// Its family id.
    pub fn family(&self) -> &str {
        &self.family
    }

    /// Why the code was retired, if it was: retired codes stay documented but are no longer returned.
    pub fn retired(&self) -> Option<&str> {
        self.retired.as_deref()
    }

    /// Its texts in the locale with index `locale` (see [`Catalog::locales`]), without fallback.
    pub fn texts(&self, locale: usize) -> Option<&Texts> {
        self.texts.get(locale)?.as_ref()
    }
}

impl Texts {
    /// The message value (the description).
    pub fn value(&self) -> &Text {
        &self.value
    }

    /// The attribute `name`, e.g. [`SUGGESTION`].
    pub fn attribute(&self, name: &str) -> Option<&Text> {
        self.attributes.iter().find(|(n, _)| **n == *name).map(|(_, t)| t)
    }

    /// Every attribute, sorted by name.
    pub fn attributes(&self) -> impl Iterator<Item = (&str, &Text)> + '_ {
        self.attributes.iter().map(|(n, t)| (&**n, t))
    }

    /// Where the message starts.
    pub fn location(&self) -> &Location {
        &self.location
    }
}

impl Text {
    /// The text when it needs no arguments (plain text): what readers see.
    pub fn plain(&self) -> Option<&str> {
        match &self.pattern {
            Pattern::Plain(text) => Some(text),
            _ => None,
        }
    }

    /// The text in Fluent syntax, normalised: plain text as is, variables as `{ $name }`.
    /// Stable across reformatting of the file, so fit for detecting changed source text.
    pub fn source(&self) -> Cow<'_, str> {
        match &self.pattern {
            Pattern::Plain(text) => Cow::Borrowed(text),
            Pattern::Complex(source) => Cow::Borrowed(source),
            Pattern::Parts(parts) => Cow::Owned(
                parts
                    .iter()
                    .map(|p| match p {
                        Part::Text(t) => t.to_string(),
                        Part::Variable(v) => format!("{{ ${v} }}"),
                    })
                    .collect(),
            ),
        }
    }

    /// The variables the text uses, sorted.
    pub fn variables(&self) -> impl Iterator<Item = &str> + '_ {
        self.variables.iter().map(|v| &**v)
    }

    /// Where the text starts.
    pub fn location(&self) -> &Location {
        &self.location
    }
}

impl Family {
    /// The family id (`policy`).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The title in the locale with index `locale`, falling back to the id.
    pub fn title(&self, locale: usize) -> &str {
        self.titles.get(locale).and_then(|t| t.as_deref()).unwrap_or(&self.id)
    }
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("name", &self.metadata.name)
            .field("locales", &self.locale_tags().collect::<Vec<_>>())
            .field("codes", &self.index.entries().len())
            .finish_non_exhaustive()
    }
}

impl Catalog {
    /// A catalog with no codes and the single locale `en-US`.
    pub fn empty() -> Catalog {
        let id = LanguageIdentifier::from_bytes(b"en-US").unwrap_or_default();
        Catalog {
            metadata: Metadata::default(),
            locales: vec![Locale { id: id.clone(), tag: "en-US".into(), chain: Box::new([0]), complex: None }],
            source: 0,
            fallback: 0,
            index: CodeIndex::new(Vec::new(), &[]),
            families: Vec::new(),
            negotiator: Negotiator::new(vec![id], 0, 0),
            warnings: Vec::new(),
        }
    }

    /// Loads the catalog in `dir` (`dir/catalog.toml`, `dir/<locale>/*.ftl`).
    pub fn from_dir(dir: impl AsRef<std::path::Path>) -> Result<Catalog, crate::LoadError> {
        let sources = crate::Sources::read_dir(dir.as_ref()).map_err(|diagnostics| crate::LoadError { diagnostics })?;
        crate::load(&sources)
    }

    /// The shipped catalog, compiled into the binary.
    pub fn embedded() -> &'static Catalog {
        crate::embedded::catalog()
    }
}

// A catalog is shared by every request handler of a service.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<Catalog>();
};
