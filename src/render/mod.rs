//! `errcat build`: the catalog rendered as Markdown, HTML, OpenAPI and a JSON catalog.
//!
//! Every renderer reads the one [`Catalog`] and adds its files, in memory, to a [`Files`] map;
//! [`crate::output`] then writes them atomically. Rendering is deterministic: the same
//! catalog and templates give byte-identical files.
//!
//! ```
//! let templates = errcat::render::Templates::embedded().unwrap();
//! let files = errcat::render::render(errcat::catalog(), &templates).unwrap();
//! assert!(files.contains_key("en-US/index.html"));
//! assert!(files.contains_key("zh-CN/error-codes.md"));
//! assert!(files.contains_key("openapi.json"));
//! assert!(files.contains_key("catalog.json"));
//! ```

use crate::{Catalog, CodeEntry, SUGGESTION};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

mod html;
mod json;
mod markdown;
mod openapi;
mod page;
mod templates;
pub mod text;

pub use html::Html;
pub use json::JsonCatalog;
pub use markdown::Markdown;
pub use openapi::OpenApi;
pub use templates::{Labels, Templates, HTML_TEMPLATE, LABELS_FILE, MARKDOWN_TEMPLATE};

/// Generated files by path relative to the output directory (`/`-separated), sorted.
pub type Files = BTreeMap<String, Vec<u8>>;

/// The marker every generated file carries near its start; `errcat build` only replaces
/// an output directory whose files all carry it.
pub const GENERATED_MARKER: &str = "@generated";

/// One output format. Renderers run in parallel, so they are `Sync`.
pub trait Renderer: Sync {
    /// The format's name, for messages (`markdown`, `html`, ...).
    fn name(&self) -> &'static str;

    /// Renders `catalog` and adds this format's files to `files`.
    fn render(&self, catalog: &Catalog, templates: &Templates, files: &mut Files) -> Result<(), RenderError>;
}

/// Every format `errcat build` writes, in the order they are rendered.
pub fn renderers() -> [&'static dyn Renderer; 4] {
    [&Markdown, &Html, &OpenApi, &JsonCatalog]
}

/// Renders every format into memory, the formats in parallel (one after the other on a catalog
/// with more than [`PARALLEL_TEXT_LIMIT`] bytes of text).
pub fn render(catalog: &Catalog, templates: &Templates) -> Result<Files, RenderError> {
    let mut files = Files::new();
    for rendered in in_parallel_unless(is_large(catalog), &renderers(), |renderer| {
        let mut files = Files::new();
        renderer.render(catalog, templates, &mut files).map(|()| files)
    }) {
        files.extend(rendered?);
    }
    Ok(files)
}

/// Above this many bytes of text (all codes, all locales) the formats and pages are rendered one
/// after the other: each holds its own copies of the texts while it renders, and on a catalog
/// with a huge message rendering them side by side multiplied peak memory (BENCHMARKS.md).
pub const PARALLEL_TEXT_LIMIT: usize = 8 * 1024 * 1024;

/// Whether the catalog's texts are over [`PARALLEL_TEXT_LIMIT`].
pub(crate) fn is_large(catalog: &Catalog) -> bool {
    let mut total = 0usize;
    for entry in catalog.codes() {
        for index in 0..catalog.locale_tags().len() {
            if let Some(texts) = entry.texts(index) {
                total += texts.value().source().len();
                total += texts.attributes().map(|(_, t)| t.source().len()).sum::<usize>();
                if total > PARALLEL_TEXT_LIMIT {
                    return true;
                }
            }
        }
    }
    false
}

/// [`in_parallel`], or one item after the other on this thread when `sequential`.
pub(crate) fn in_parallel_unless<T: Sync, R: Send>(
    sequential: bool,
    items: &[T],
    work: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    if sequential {
        items.iter().map(work).collect()
    } else {
        in_parallel(items, work)
    }
}

/// `work` applied to every item, each on its own thread; results in the order of `items`.
/// A panic in `work` is re-raised here, as if it had run on this thread.
pub(crate) fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    std::thread::scope(|scope| {
        let work = &work;
        let handles: Vec<_> = items.iter().map(|item| scope.spawn(move || work(item))).collect();
        handles.into_iter().map(|h| h.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))).collect()
    })
}

/// Why rendering failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum RenderError {
    /// A template did not parse or failed to render.
    Template {
        /// The template (empty while the set is being parsed: the message names the file).
        name: String,
        /// tera's explanation, every cause included.
        message: String,
    },
    /// `labels.toml` is malformed.
    Labels {
        /// The file.
        path: String,
        /// What is wrong, with line and column.
        message: String,
    },
    /// A templates directory could not be read.
    Io {
        /// The path.
        path: PathBuf,
        /// The system's explanation.
        message: String,
    },
    /// A JSON document could not be serialized.
    Json {
        /// The document.
        file: String,
        /// serde_json's explanation.
        message: String,
    },
}

impl RenderError {
    fn template(name: &str, error: &tera::Error) -> RenderError {
        let mut message = error.to_string();
        let mut source = std::error::Error::source(error);
        while let Some(cause) = source {
            message.push_str(": ");
            message.push_str(&cause.to_string());
            source = cause.source();
        }
        RenderError::Template { name: name.to_string(), message }
    }

    fn json(file: &str, error: serde_json::Error) -> RenderError {
        RenderError::Json { file: file.to_string(), message: error.to_string() }
    }
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RenderError::Template { name, message } if name.is_empty() => write!(f, "template error: {message}"),
            RenderError::Template { name, message } => write!(f, "template {name}: {message}"),
            RenderError::Labels { path, message } => write!(f, "{path}: {message}"),
            RenderError::Io { path, message } => write!(f, "{}: {message}", path.display()),
            RenderError::Json { file, message } => write!(f, "{file}: cannot serialize: {message}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// The text of one code as a page in one locale shows it: per-message fallback applied.
pub(crate) struct Resolved<'c> {
    /// The locale the text came from.
    pub locale: &'c str,
    /// The description, in Fluent source form (variables as `{ $name }`).
    pub message: Cow<'c, str>,
    pub suggestion: Option<Cow<'c, str>>,
}

/// The texts of `entry` for the locale with index `locale`, with fallback; `tags` are the catalog's locale tags.
pub(crate) fn resolve<'c>(catalog: &'c Catalog, tags: &[&'c str], entry: &'c CodeEntry, locale: usize) -> Resolved<'c> {
    match catalog.resolve(entry, locale) {
        Some((used, texts)) => Resolved {
            locale: tags[used],
            message: texts.value().source(),
            suggestion: texts.attribute(SUGGESTION).map(|s| s.source()),
        },
        // Every code has a source-locale message (the loader guarantees it); stay total anyway.
        None => Resolved { locale: tags[locale], message: Cow::Borrowed(""), suggestion: None },
    }
}

/// The generated-file note, naming the catalog: fit for an HTML or Markdown comment and for JSON.
pub(crate) fn generated_note(catalog: &Catalog) -> String {
    let name: String = catalog.name().chars().filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '.')).collect();
    format!(
        "{GENERATED_MARKER} by `errcat build` from the {name} error-code catalog. \
         Do not edit: change the catalog or the templates and run `errcat build`."
    )
}

/// The reason phrase of an HTTP status (RFC 9110 and the registered extensions), if it has one.
pub fn status_reason(status: u16) -> Option<&'static str> {
    Some(match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        402 => "Payment Required",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        406 => "Not Acceptable",
        407 => "Proxy Authentication Required",
        408 => "Request Timeout",
        409 => "Conflict",
        410 => "Gone",
        411 => "Length Required",
        412 => "Precondition Failed",
        413 => "Content Too Large",
        414 => "URI Too Long",
        415 => "Unsupported Media Type",
        416 => "Range Not Satisfiable",
        417 => "Expectation Failed",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        423 => "Locked",
        424 => "Failed Dependency",
        425 => "Too Early",
        426 => "Upgrade Required",
        428 => "Precondition Required",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        451 => "Unavailable For Legal Reasons",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        505 => "HTTP Version Not Supported",
        506 => "Variant Also Negotiates",
        507 => "Insufficient Storage",
        508 => "Loop Detected",
        510 => "Not Extended",
        511 => "Network Authentication Required",
        _ => return None,
    })
}
