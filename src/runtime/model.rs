//! The entries of a catalog: codes, their texts per locale, families. The bottom of the runtime:
//! the index, the negotiator and the [`Catalog`](super::Catalog) are built from these.

use super::diagnostic::Location;
use super::pattern::{Part, Pattern};
use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::FluentResource;
use std::borrow::Cow;
use std::sync::{Arc, OnceLock};
use unic_langid::LanguageIdentifier;

/// The attribute that holds a code's suggestion.
pub const SUGGESTION: &str = "suggestion";
/// The attribute that holds a code's longer explanation for readers, shown after its message.
pub const DESCRIPTION: &str = "description";

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
    /// Fluent sources: a locale's files when loaded from files, the complex messages (with the
    /// terms and messages they use) when compiled in.
    pub(crate) sources: Vec<Cow<'static, str>>,
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

impl ComplexFormatter {
    pub(crate) fn bundle(&self) -> Option<&FluentBundle<FluentResource>> {
        self.bundle
            .get_or_init(|| {
                let mut bundle = FluentBundle::new_concurrent(vec![self.language.clone()]);
                bundle.set_use_isolating(false);
                // NUMBER(): without it a plural selector on `NUMBER($n)` silently takes its default variant.
                let _ = bundle.add_builtins();
                for source in &self.sources {
                    // Syntax errors and duplicates were reported, and refused, by the loader.
                    let resource = FluentResource::try_new(source.to_string()).unwrap_or_else(|(resource, _)| resource);
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

    /// Its texts in the locale with index `locale` (see [`Catalog::locales`](crate::Catalog::locales)), without fallback.
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
