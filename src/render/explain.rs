//! `errcat explain CODE`: everything about one code, for a person at a terminal, like
//! `rustc --explain`: message, description, suggestion, status, family, documentation link and
//! the body a service answers with.
//!
//! ```
//! let explanation = errcat::render::explain::explain(errcat::catalog(), "CSBS.3000", "en").unwrap();
//! let text = explanation.to_string();
//! assert!(text.starts_with("CSBS.3000: The backup policy does not exist.\n"));
//! assert!(text.contains("HTTP status  404 Not Found"));
//! ```

use super::{display, status_reason, text};
use crate::hygiene::{escape, escape_json};
use crate::{Catalog, LookupError, Text};
use std::borrow::Cow;
use std::fmt;

pub use crate::DESCRIPTION;

/// One code explained in one locale; [`fmt::Display`] writes it for a terminal, every text with
/// control characters and bidi controls escaped (`\u{1b}`), as `errcat localize` does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Explanation<'c> {
    /// The code.
    pub code: &'c str,
    /// The HTTP status it is answered with.
    pub status: u16,
    /// The family's id and its title in the locale.
    pub family: (&'c str, &'c str),
    /// The locale asked for (negotiated), and the one the text came from when that differs.
    pub locale: (&'c str, Option<&'c str>),
    /// The message, as a reader sees it (see [`shown`]).
    pub message: String,
    /// The `.description` attribute, when the code has one.
    pub description: Option<String>,
    /// The suggestion, when the code has one.
    pub suggestion: Option<String>,
    /// Why the code was retired, if it was.
    pub retired: Option<&'c str>,
    /// The documentation URL, when the catalog has a `docs_url`.
    pub doc_url: Option<String>,
    /// The `Content-Type` of the example body.
    pub content_type: &'static str,
    /// The body a service answers with, pretty JSON, in the catalog's default format.
    pub example: String,
}

/// A text's source as one line of visible text (inline Markdown read, Fluent placeables as
/// written): what `errcat diff` compares and shows, where the change to the source is the point.
/// `explain` itself shows display forms (`{count}`, `one: … / other: …`).
pub fn shown(text: &Text) -> String {
    text::to_plain(&text.source()).into_owned()
}

/// Explains `code` in the locale negotiated for `lang` (a tag or an `Accept-Language` value).
pub fn explain<'c>(catalog: &'c Catalog, code: &str, lang: &str) -> Result<Explanation<'c>, LookupError> {
    let trimmed = code.trim();
    if trimmed.is_empty() {
        return Err(LookupError::EmptyCode);
    }
    let entry = catalog.get(trimmed).ok_or_else(|| LookupError::UnknownCode { code: code.to_string() })?;
    let tags: Vec<&'c str> = catalog.locale_tags().collect();
    let requested = catalog.locale_index(&catalog.negotiate(lang).to_string()).unwrap_or(catalog.fallback_index());
    let (used, texts) =
        catalog.resolve(entry, requested).ok_or_else(|| LookupError::UnknownCode { code: code.to_string() })?;
    let family = catalog.families().iter().find(|f| f.id() == entry.family());
    let references = display::References::new(catalog);
    let shown = display::message_display(&references, used, texts);
    let visible = |text: &display::Displayed| display::visible(&text.pieces);
    // The example carries display forms, as the OpenAPI examples do: `{count}` where a value goes,
    // not the `{$count}` that formatting without arguments leaves.
    let example_text = |text: &display::Displayed| Cow::Owned(display::plain(&text.pieces));
    let mut localized = catalog.localize(entry.code(), tags[used])?;
    localized.message = example_text(&shown.message);
    localized.suggestion = shown.suggestion.as_ref().map(example_text);
    localized.errors.clear();
    let response = catalog.response_for(localized);
    let example = serde_json::to_string_pretty(&response.to_body()).unwrap_or_default();
    Ok(Explanation {
        code: entry.code(),
        status: entry.status(),
        family: (entry.family(), family.map_or(entry.family(), |f| f.title(requested))),
        locale: (tags[requested], (used != requested).then_some(tags[used])),
        message: visible(&shown.message),
        description: shown.description.as_ref().map(visible),
        suggestion: shown.suggestion.as_ref().map(visible),
        retired: entry.retired(),
        doc_url: response.doc_url.as_ref().map(|url| url.to_string()),
        content_type: response.content_type(),
        example: escape_json(example),
    })
}

impl fmt::Display for Explanation<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let e = |text: &str| -> String { escape(text).into_owned() };
        writeln!(f, "{}: {}", self.code, e(&self.message))?;
        if let Some(retired) = self.retired {
            writeln!(f, "\nRetired: {}", e(retired))?;
        }
        if let Some(description) = &self.description {
            writeln!(f, "\n{}", e(description))?;
        }
        writeln!(f)?;
        let reason = status_reason(self.status).map_or(Cow::Borrowed(""), |r| Cow::Owned(format!(" {r}")));
        writeln!(f, "  HTTP status  {}{reason}", self.status)?;
        let (id, title) = self.family;
        if id == title {
            writeln!(f, "  family       {}", e(id))?;
        } else {
            writeln!(f, "  family       {} ({})", e(title), e(id))?;
        }
        match self.locale {
            (asked, Some(used)) => writeln!(f, "  locale       {asked} (not translated: shown in {used})")?,
            (asked, None) => writeln!(f, "  locale       {asked}")?,
        }
        if let Some(url) = &self.doc_url {
            writeln!(f, "  docs         {}", e(url))?;
        }
        if let Some(suggestion) = &self.suggestion {
            writeln!(f, "\nSuggestion: {}", e(suggestion))?;
        }
        let language = self.locale.1.unwrap_or(self.locale.0);
        writeln!(f, "\nExample response: HTTP {}, {}, Content-Language: {language}", self.status, self.content_type)?;
        writeln!(f, "{}", self.example)
    }
}
