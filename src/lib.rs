//! errcat keeps the text of every error code in Fluent files and serves it to
//! docs, services and translators from one [`Catalog`].
//!
//! ```
//! // The shipped CSBS catalog is compiled in: no files are needed at run time.
//! let error = errcat::localize("CSBS.6024", "en-US").unwrap();
//! assert_eq!(error.status, 400);
//! assert_eq!(error.locale, "en-US");
//! println!("{}", error.message);
//! if let Some(suggestion) = &error.suggestion {
//!     println!("{suggestion}");
//! }
//!
//! // Tags in any case or with `_`, and whole Accept-Language values, are negotiated.
//! let error = errcat::localize("CSBS.0001", "en;q=0.5, zh-CN;q=0.9").unwrap();
//! assert_eq!(error.locale, "zh-CN");
//! assert_eq!(error.message, "备份策略数量达到上限。");
//!
//! // Unsupported languages fall back to en-US; unknown codes are errors, never panics.
//! assert_eq!(errcat::localize("CSBS.0001", "fr-FR").unwrap().locale, "en-US");
//! assert!(errcat::localize("CSBS.42", "en-US").is_err());
//!
//! // The service's wire format, with the Content-Language to send.
//! let response = errcat::error_response("CSBS.3000", "zh_CN").unwrap();
//! assert_eq!(response.status, 404);
//! assert_eq!(response.content_language, "zh-CN");
//! let json = serde_json::to_string(&response.body).unwrap();
//! assert_eq!(json, r#"{"error_code":"CSBS.3000","error_msg":"备份策略不存在。"}"#);
//! ```
//!
//! A catalog on disk is a directory with `catalog.toml` (untranslated
//! metadata, see [`Metadata`]) and one directory of `.ftl` files per locale.
//! Each code is one Fluent message whose id is the code with `.` written as
//! `-` ([`code_to_id`]); its value is the description and its `.suggestion`
//! attribute, when present, what the user can do:
//!
//! ```
//! # let dir = tempfile::tempdir().unwrap();
//! # let root = dir.path();
//! # std::fs::create_dir_all(root.join("en-US")).unwrap();
//! # std::fs::write(root.join("catalog.toml"), "name = \"DEMO\"\nsource_locale = \"en-US\"\nfallback_locale = \"en-US\"\n").unwrap();
//! std::fs::write(root.join("en-US/quota.ftl"), "\
//! DEMO-0001 = At most { $limit } policies are allowed.
//!     .suggestion = Delete a policy and try again.
//! ").unwrap();
//! let catalog = errcat::Catalog::from_dir(root).unwrap();
//! let error = catalog.localize_with("DEMO.0001", "en", &[("limit", 32.into())]).unwrap();
//! assert_eq!(error.message, "At most 32 policies are allowed.");
//! ```
//!
//! The `errcat` command renders the catalog as Markdown, HTML and OpenAPI
//! (`errcat build`), checks translations (`errcat check`) and imports existing
//! error-code tables (`errcat import`).

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod runtime;

#[cfg(feature = "tooling")]
pub mod check;
#[cfg(feature = "tooling")]
pub mod import;
#[cfg(feature = "tooling")]
pub mod output;
#[cfg(feature = "tooling")]
pub mod render;

pub use runtime::catalog::{Catalog, FormatError, Localized, LookupError};
pub use runtime::code::{code_to_id, id_to_code, is_valid_code};
pub use runtime::diagnostic::{Diagnostic, Kind, Location, Severity};
pub use runtime::embedded::sources as embedded_sources;
pub use runtime::hygiene;
pub use runtime::load::{load, LoadError, SourceFile, Sources, FAMILY_TERM_PREFIX, MAX_NESTING};
pub use runtime::metadata::{Metadata, METADATA_FILE};
pub use runtime::model::{CodeEntry, Family, Text, Texts, SUGGESTION};
pub use runtime::negotiate;
pub use runtime::pattern::Arg;
pub use runtime::response::{ErrorBody, ErrorResponse};
pub use unic_langid::LanguageIdentifier;

/// The shipped catalog (see [`Catalog::embedded`]).
pub fn catalog() -> &'static Catalog {
    Catalog::embedded()
}

/// The text of `code` in the shipped catalog for `lang`: a BCP 47 tag or an
/// `Accept-Language` value. Unsupported languages get the fallback locale
/// (en-US). An empty or unknown code is an `Err`, never a panic; an empty
/// `lang` means the fallback locale.
pub fn localize(code: &str, lang: &str) -> Result<Localized<'static>, LookupError> {
    catalog().localize(code, lang)
}

/// [`localize`] with values for the message's variables.
pub fn localize_with(code: &str, lang: &str, args: &[(&str, Arg<'_>)]) -> Result<Localized<'static>, LookupError> {
    catalog().localize_with(code, lang, args)
}

/// The wire-format response for `code` from the shipped catalog; see [`Catalog::error_response`].
pub fn error_response(code: &str, accept_language: &str) -> Result<ErrorResponse<'static>, LookupError> {
    catalog().error_response(code, accept_language)
}
