//! `catalog.toml`: the facts about codes that are not translated.
//!
//! ```toml
//! name = "CSBS"
//! source_locale = "zh-CN"
//! fallback_locale = "en-US"
//! default_status = 400
//! families = ["policy", "backup"]   # display order; optional
//!
//! [status]            # only codes whose status is not default_status
//! "CSBS.1001" = 500
//!
//! [family]            # only codes whose family is not the file they are in
//! "CSBS.6000" = "backup"
//!
//! [retired]           # tombstones: codes no longer returned, kept documented
//! "CSBS.0003" = "Merged into CSBS.0002 in v2."
//! ```
//!
//! Optional, for services (see [`BodyFormat`] and [`DocsUrl`]):
//!
//! ```toml
//! docs_url = "https://docs.example.com/errors/{locale}/#{code}"   # one page per code
//!
//! [response]          # the catalog's default body; a service may choose another in code
//! format = "problem"  # csbs (the default), problem (RFC 9457) or openstack
//! doc_url = true      # csbs bodies: add "doc_url" (needs docs_url); default false
//! ```
//!
//! `allow_bidi_controls = true` (top level, default false) lets texts hold bidi embeddings,
//! overrides and isolates (U+202A–U+202E, U+2066–U+2069) without `errcat check` reporting them;
//! control characters are always reported (see [`crate::hygiene`]).

use super::code::is_valid_code;
use super::diagnostic::{Diagnostic, Kind, LineIndex};
use super::wire::{BodyFormat, BodyOptions, DocsUrl};
use serde::Deserialize;
use std::collections::BTreeMap;
use toml::Spanned;
use unic_langid::LanguageIdentifier;

/// The file name of the metadata, at the root of a catalog directory.
pub const METADATA_FILE: &str = "catalog.toml";

/// Untranslatable catalog metadata, read from [`METADATA_FILE`].
#[derive(Clone, Debug, PartialEq)]
pub struct Metadata {
    /// Short catalog name, e.g. `CSBS`.
    pub name: String,
    /// The locale translations are made from.
    pub source_locale: LanguageIdentifier,
    /// The locale used when no requested language is available.
    pub fallback_locale: LanguageIdentifier,
    /// HTTP status of codes not listed in `status`.
    pub default_status: u16,
    /// Family ids in display order; empty means alphabetical.
    pub families: Vec<String>,
    /// HTTP status per code, for codes that differ from `default_status`.
    pub status: BTreeMap<String, u16>,
    /// Family per code, for codes whose family is not the name of their source file.
    pub family: BTreeMap<String, String>,
    /// Retired codes and why they were retired.
    pub retired: BTreeMap<String, String>,
    /// The template of each code's documentation URL (`docs_url`), if the catalog has one.
    pub docs_url: Option<DocsUrl>,
    /// The default shape of error bodies (`[response]`).
    pub response: BodyOptions,
    /// Whether texts may hold bidi controls (`allow_bidi_controls`, default false).
    pub allow_bidi_controls: bool,
    /// Where each code is mentioned, for diagnostics.
    pub(crate) code_lines: BTreeMap<String, u32>,
}

impl Default for Metadata {
    fn default() -> Self {
        Metadata {
            name: "errors".into(),
            source_locale: "en-US".parse().expect("valid tag"),
            fallback_locale: "en-US".parse().expect("valid tag"),
            default_status: 400,
            families: Vec::new(),
            status: BTreeMap::new(),
            family: BTreeMap::new(),
            retired: BTreeMap::new(),
            docs_url: None,
            response: BodyOptions::default(),
            allow_bidi_controls: false,
            code_lines: BTreeMap::new(),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMetadata {
    name: String,
    source_locale: Spanned<String>,
    fallback_locale: Spanned<String>,
    #[serde(default = "default_status")]
    default_status: Spanned<u16>,
    #[serde(default)]
    families: Vec<Spanned<String>>,
    #[serde(default)]
    status: BTreeMap<String, Spanned<u16>>,
    #[serde(default)]
    family: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    retired: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    docs_url: Option<Spanned<String>>,
    #[serde(default)]
    response: RawResponse,
    #[serde(default)]
    allow_bidi_controls: bool,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawResponse {
    #[serde(default)]
    format: BodyFormat,
    #[serde(default)]
    doc_url: Option<Spanned<bool>>,
}

fn default_status() -> Spanned<u16> {
    Spanned::new(0..0, 400)
}

impl Metadata {
    /// Parses metadata text; `path` is used in diagnostics. Every problem is reported.
    pub fn parse(path: &str, text: &str) -> Result<Metadata, Vec<Diagnostic>> {
        let index = LineIndex::new(text);
        let at = |offset: usize, message: String| {
            let (location, line) = index.locate(path, offset);
            Diagnostic::error(Kind::Metadata, message).at(location, line)
        };
        let raw: RawMetadata = toml::from_str(text).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            vec![at(offset, e.message().trim_end().to_string())]
        })?;
        let mut problems = Vec::new();
        let mut locale = |value: &Spanned<String>, what: &str| match value.get_ref().parse::<LanguageIdentifier>() {
            Ok(id) => id,
            Err(_) => {
                problems
                    .push(at(value.span().start, format!("{what} `{}` is not a BCP 47 language tag", value.get_ref())));
                LanguageIdentifier::default()
            }
        };
        let source_locale = locale(&raw.source_locale, "source_locale");
        let fallback_locale = locale(&raw.fallback_locale, "fallback_locale");
        let mut code_lines = BTreeMap::new();
        // The example in the message is in the catalog's own namespace when its name can be one.
        let example =
            if is_valid_code(&format!("{}.0001", raw.name)) { format!("{}.0001", raw.name) } else { "APP.0001".into() };
        let mut check_code = |code: &str, offset: usize, problems: &mut Vec<Diagnostic>| {
            code_lines.entry(code.to_string()).or_insert(index.line(offset));
            if !is_valid_code(code) {
                problems.push(at(offset, format!("`{code}` is not a valid error code (expected segments of letters, digits and `_` joined by `.`, like `{example}`)")));
            }
        };
        let valid_status = |status: u16| (400..=599).contains(&status);
        if !valid_status(*raw.default_status.get_ref()) {
            problems.push(at(
                raw.default_status.span().start,
                format!("default_status {} is not an HTTP error status (400-599)", raw.default_status.get_ref()),
            ));
        }
        for (code, status) in &raw.status {
            check_code(code, status.span().start, &mut problems);
            if !valid_status(*status.get_ref()) {
                problems.push(
                    at(
                        status.span().start,
                        format!("status {} of {code} is not an HTTP error status (400-599)", status.get_ref()),
                    )
                    .for_code(code.clone()),
                );
            }
        }
        let families: Vec<String> = raw.families.iter().map(|f| f.get_ref().clone()).collect();
        for (code, family) in &raw.family {
            check_code(code, family.span().start, &mut problems);
            if !families.is_empty() && !families.contains(family.get_ref()) {
                problems.push(
                    at(
                        family.span().start,
                        format!("family `{}` of {code} is not listed in `families`", family.get_ref()),
                    )
                    .for_code(code.clone()),
                );
            }
        }
        for (code, reason) in &raw.retired {
            check_code(code, reason.span().start, &mut problems);
        }
        let docs_url = raw.docs_url.as_ref().and_then(|template| match DocsUrl::parse(template.get_ref()) {
            Ok(parsed) => Some(parsed),
            Err(e) => {
                // Point into the string when it is written without escapes, else at its start.
                let span = template.span();
                let literal = text.get(span.clone()).unwrap_or("");
                let inner = literal.get(1..literal.len().saturating_sub(1));
                let offset =
                    if inner == Some(template.get_ref().as_str()) { span.start + 1 + e.offset } else { span.start };
                problems.push(at(offset, e.message));
                None
            }
        });
        let doc_url = raw.response.doc_url.as_ref().is_some_and(|d| *d.get_ref());
        if let (Some(flag), None) = (&raw.response.doc_url, &raw.docs_url) {
            if *flag.get_ref() {
                problems.push(at(
                    flag.span().start,
                    "`doc_url = true` needs a `docs_url` template at the top of catalog.toml".to_string(),
                ));
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Metadata {
            name: raw.name,
            source_locale,
            fallback_locale,
            default_status: raw.default_status.into_inner(),
            families,
            status: raw.status.into_iter().map(|(k, v)| (k, v.into_inner())).collect(),
            family: raw.family.into_iter().map(|(k, v)| (k, v.into_inner())).collect(),
            retired: raw.retired.into_iter().map(|(k, v)| (k, v.into_inner())).collect(),
            docs_url,
            response: BodyOptions { format: raw.response.format, doc_url },
            allow_bidi_controls: raw.allow_bidi_controls,
            code_lines,
        })
    }

    /// The HTTP status of `code`.
    pub fn status_of(&self, code: &str) -> u16 {
        self.status.get(code).copied().unwrap_or(self.default_status)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str =
        "name = \"X\"\nsource_locale = \"zh-CN\"\nfallback_locale = \"en-US\"\n[status]\n\"X.1\" = 500\n";

    #[test]
    fn parses_defaults_and_exceptions() {
        let m = Metadata::parse("catalog.toml", GOOD).unwrap();
        assert_eq!(m.status_of("X.1"), 500);
        assert_eq!(m.status_of("X.2"), 400);
        assert_eq!(m.source_locale.to_string(), "zh-CN");
    }

    #[test]
    fn reports_every_problem_with_line() {
        let text = "name = \"X\"\nsource_locale = \"zh-CN\"\nfallback_locale = \"e n\"\n[status]\n\"X-1\" = 200\n";
        let errors = Metadata::parse("m.toml", text).unwrap_err();
        let lines: Vec<_> = errors.iter().map(|d| d.location.as_ref().unwrap().line).collect();
        assert_eq!(lines, vec![3, 5, 5], "{errors:#?}");
    }

    #[test]
    fn docs_url_and_response_defaults() {
        let m = Metadata::parse("catalog.toml", GOOD).unwrap();
        assert_eq!((m.docs_url, m.response), (None, BodyOptions::default()));
        let text = format!(
            "docs_url = \"https://d.test/{{locale}}/#{{code}}\"\n{GOOD}[response]\nformat = \"openstack\"\ndoc_url = true\n"
        );
        let m = Metadata::parse("catalog.toml", &text).unwrap();
        assert_eq!(m.docs_url.as_ref().unwrap().url("X.1", "zh-CN").to_string(), "https://d.test/zh-CN/#X.1");
        assert_eq!(m.response, BodyOptions { format: BodyFormat::OpenStack, doc_url: true });
    }

    #[test]
    fn bad_docs_url_and_response_say_where() {
        let located = |text: &str| {
            let errors = Metadata::parse("catalog.toml", text).unwrap_err();
            errors.iter().map(|d| (d.to_string(), d.location.as_ref().map(|l| (l.line, l.column)))).collect::<Vec<_>>()
        };
        // The column points at the placeholder inside the string.
        let errors = located(&format!("docs_url = 1\n{GOOD}"));
        assert_eq!(errors.len(), 1, "{errors:?}");
        let errors = located(&format!("docs_url = \"https://d.test/{{lang}}/{{code}}\"\n{GOOD}"));
        assert_eq!(errors[0].1, Some((1, 28)), "{errors:?}");
        assert!(errors[0].0.contains("catalog.toml:1:28") && errors[0].0.contains("`{lang}`"), "{errors:?}");
        // An escape in the string: the start of the string.
        let errors = located(&format!("docs_url = \"https://d.test/\\u00e9/{{x}}{{code}}\"\n{GOOD}"));
        assert_eq!(errors[0].1, Some((1, 12)), "{errors:?}");
        let errors = located(&format!("{GOOD}[response]\nformat = \"xml\"\n"));
        assert_eq!(errors[0].1.unwrap().0, 7, "{errors:?}");
        assert!(errors[0].0.contains("xml") && errors[0].0.contains("problem"), "{errors:?}");
        let errors = located(&format!("{GOOD}[response]\ndoc_url = true\n"));
        assert_eq!(errors[0].1, Some((7, 11)), "{errors:?}");
        assert!(errors[0].0.contains("needs a `docs_url`"), "{errors:?}");
    }

    #[test]
    fn unknown_keys_are_errors() {
        let errors = Metadata::parse(
            "m.toml",
            "name = \"X\"\nsource_locale = \"zh-CN\"\nfallback_locale = \"en-US\"\nstatuses = 1\n",
        )
        .unwrap_err();
        assert_eq!(errors[0].location.as_ref().unwrap().line, 4);
        assert!(errors[0].message.contains("statuses"), "{}", errors[0].message);
    }
}
