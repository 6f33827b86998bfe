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
//!
//! # Your own catalog
//!
//! A service compiles its own catalog in, with typed codes, from its `build.rs`
//! (feature `codegen`, as a build-dependency; see `errcat::codegen` for the
//! rules and the validation, and the README for a walk-through):
//!
//! ```ignore
//! // build.rs
//! fn main() -> Result<(), errcat::codegen::Error> {
//!     errcat::codegen::compile_catalog("locales")
//! }
//!
//! // src/lib.rs
//! mod errors {
//!     errcat::include_catalog!();
//! }
//! use errors::{Code, Message};
//!
//! let response = Message::Orders0002 { max_items: 30.into() }.error_response("zh-CN,en;q=0.8");
//! assert_eq!(Code::parse("ORDERS.0002"), Some(Code::Orders0002));
//! ```
//!
//! The shipped catalog is compiled in the same way: [`csbs`] holds its typed codes.
//!
//! # Cargo features
//!
//! - `cli` (default): the `errcat` command; implies `tooling`.
//! - `tooling`: the renderers (`errcat::render`), checks (`errcat::check`),
//!   importers (`errcat::import`) and the output writer (`errcat::output`) as a library.
//! - `codegen`: `errcat::codegen`, the generator a `build.rs` calls; only build-dependencies need it.
//! - `http`: an [`ErrorResponse`] converts into `http::Response<Vec<u8>>` / `http::Response<Bytes>`
//!   (status, `Content-Type`, `Content-Language`, `Vary: Accept-Language`, JSON body), and
//!   `AcceptLanguage` reads a request's header.
//! - `axum` (implies `http`; through `axum-core` only): `AcceptLanguage` is an extractor, and
//!   `ErrorResponse` and [`LookupError`] implement `IntoResponse`, so a handler is one line:
//!
//! ```ignore
//! async fn payments(lang: errcat::AcceptLanguage) -> errcat::ErrorResponse<'static> {
//!     errors::Message::Orders0004.error_response(&lang)          // a typed, generated code
//! }
//! async fn by_code(lang: errcat::AcceptLanguage, Path(code): Path<String>)
//!     -> Result<errcat::ErrorResponse<'static>, errcat::LookupError> {
//!     errors::catalog().error_response(&code, &lang)              // a code of any catalog
//! }
//! ```
//!
//! With `default-features = false`, only the runtime is built: catalogs from files
//! ([`Catalog::from_dir`]) or compiled in ([`Catalog::from_compiled`]), lookups, negotiation and
//! response bodies.
//!
//! # Wire formats
//!
//! A response's body is one of three [`BodyFormat`]s, chosen by the service
//! ([`ErrorResponse::with_format`]) or by default in `catalog.toml` (`[response] format`):
//! `csbs` (`{"error_code", "error_msg"}`, optionally `doc_url`), `problem` (RFC 9457
//! `application/problem+json`: `type`, `title`, `status`, `detail`, `code`) and `openstack`
//! (`{"itemNotFound": {"code": 404, "message": ...}}`, the fault by [`openstack_fault`]).
//! Per-code documentation URLs come from the `docs_url` template ([`DocsUrl`]).
//!
//! ```
//! use errcat::BodyFormat;
//! let response = errcat::error_response("CSBS.3000", "en").unwrap().with_format(BodyFormat::OpenStack);
//! assert_eq!(response.content_type(), "application/json");
//! assert_eq!(
//!     serde_json::to_string(&response.to_body()).unwrap(),
//!     r#"{"itemNotFound":{"code":404,"message":"The backup policy does not exist."}}"#
//! );
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![cfg_attr(docsrs, feature(doc_cfg))]

mod runtime;

#[cfg(feature = "tooling")]
pub mod check;
#[cfg(feature = "codegen")]
pub mod codegen;
#[cfg(feature = "tooling")]
pub mod diff;
#[cfg(feature = "tooling")]
pub mod import;
#[cfg(feature = "tooling")]
pub mod output;
#[cfg(feature = "tooling")]
pub mod render;

pub use runtime::catalog::{Catalog, FormatError, Localized, LookupError};
pub use runtime::code::{code_to_id, id_to_code, is_valid_code};
pub use runtime::compiled;
pub use runtime::diagnostic::{Diagnostic, Kind, Location, Severity};
pub use runtime::hygiene;
pub use runtime::load::{load, LoadError, SourceFile, Sources, FAMILY_TERM_PREFIX, MAX_NESTING};
pub use runtime::metadata::{Metadata, METADATA_FILE};
pub use runtime::model::{CodeEntry, Family, Text, Texts, DESCRIPTION, SUGGESTION};
pub use runtime::negotiate;
pub use runtime::pattern::Arg;
pub use runtime::response::{Body, CsbsBody, ErrorBody, ErrorResponse, OpenStackBody, ProblemBody};
#[cfg(feature = "http")]
#[cfg_attr(docsrs, doc(cfg(feature = "http")))]
pub use runtime::web::AcceptLanguage;
pub use runtime::wire::{
    openstack_fault, BodyFormat, BodyOptions, DocUrl, DocsUrl, DocsUrlError, UnknownBodyFormat, JSON, PROBLEM_JSON,
};
pub use unic_langid::LanguageIdentifier;

/// The typed codes of the shipped CSBS catalog: what `errcat::codegen` generates for a catalog,
/// generated for `locales/` (see [Your own catalog](crate#your-own-catalog)).
///
/// ```
/// use errcat::csbs::{Code, Message};
///
/// assert_eq!(Code::Csbs6024.as_str(), "CSBS.6024");
/// assert_eq!(Code::parse("CSBS.3000").map(Code::status), Some(404));
/// let error = Message::Csbs6024.localize("en-US");
/// assert_eq!(error.locale, "en-US");
/// assert_eq!(error.message, errcat::localize("CSBS.6024", "en-US").unwrap().message);
/// ```
pub mod csbs {
    pub use crate::runtime::shipped::{catalog, Code, Message, COMPILED};
}

/// Includes the module `errcat::codegen` wrote in `OUT_DIR` (`errcat_catalog.rs`): use it inside a
/// module, `mod errors { errcat::include_catalog!(); }`.
#[macro_export]
macro_rules! include_catalog {
    () => {
        include!(concat!(env!("OUT_DIR"), "/errcat_catalog.rs"));
    };
}

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
