//! The [`Catalog`]: the model every part of errcat reads, and the lookup services call.

use super::diagnostic::Diagnostic;
use super::index::{CodeIndex, Found};
use super::metadata::Metadata;
use super::model::{CodeEntry, ComplexFormatter, Family, Locale, Text, Texts, SUGGESTION};
use super::negotiate::Negotiator;
use super::pattern::{self, Arg, Part, Pattern};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::borrow::Cow;
use std::fmt;
use unic_langid::LanguageIdentifier;

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

/// Why a `DATETIME()` call cannot be formatted: Fluent defines it, fluent-bundle 0.16 does not implement it.
pub(crate) const DATETIME_UNSUPPORTED: &str = "DATETIME() is not available: fluent-bundle, which formats the \
     messages, does not implement it; pass the date already formatted, as a string variable";

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::MissingArgument { name } => write!(f, "missing argument `${name}`"),
            FormatError::Fluent { message } => f.write_str(message),
        }
    }
}

impl std::error::Error for FormatError {}

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
    pub(crate) fn localize_found<'s>(
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
        let value = match value {
            Arg::Str(s) => FluentValue::from(*s),
            Arg::String(s) => FluentValue::from(s.as_str()),
            Arg::Int(n) => FluentValue::from(*n),
            Arg::UInt(n) => FluentValue::from(*n),
            Arg::Float(n) => FluentValue::from(*n),
        };
        fluent_args.set(*name, value);
    }
    let mut fluent_errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut fluent_errors).into_owned();
    errors.extend(fluent_errors.into_iter().map(|e| match e {
        fluent_bundle::FluentError::ResolverError(fluent_bundle::resolver::ResolverError::Reference(
            fluent_bundle::resolver::errors::ReferenceKind::Variable { id },
        )) => FormatError::MissingArgument { name: id },
        fluent_bundle::FluentError::ResolverError(fluent_bundle::resolver::ResolverError::Reference(
            fluent_bundle::resolver::errors::ReferenceKind::Function { id },
        )) if id == "DATETIME" => FormatError::Fluent { message: DATETIME_UNSUPPORTED.to_string() },
        other => FormatError::Fluent { message: other.to_string() },
    }));
    Some(Cow::Owned(text))
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
}

// A catalog is shared by every request handler of a service.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<Catalog>();
};
