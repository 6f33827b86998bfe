//! `<locale>/index.html`: one standalone page per locale, with search and deep links.

use super::page::{render_pages, Row, Syntax};
use super::{display, text, Labels, Output, RenderError, Renderer, Templates, HTML_TEMPLATE};
use crate::Catalog;

/// The HTML renderer (template [`HTML_TEMPLATE`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Html;

/// The file name of each locale's HTML page.
pub const HTML_FILE: &str = "index.html";

const SYNTAX: Syntax =
    Syntax { text: text::escape_html, code: text::escape_html, message: display::html, row, file_name: HTML_FILE };

/// One code as an `<article>`: its id is the code, for deep links (`index.html#CSBS.6024`); the
/// message, its `.description` when it has one, then the suggestion. The search reads the whole
/// article, so the description is searched like the message.
fn row(out: &mut String, row: &Row<'_>, labels: &Labels) {
    let label = |key: &str| labels.get(key).map_or("", String::as_str);
    let (code, anchor) = (&row.code, row.anchor);
    out.push_str(&format!(
        "<article class=\"code\" id=\"{anchor}\">\n<h3><a href=\"#{anchor}\">{code}</a></h3>\n\
         <span class=\"status\" data-status=\"{status}\" title=\"{reason}\">{status}</span>\n<div class=\"text\"",
        status = row.status,
        reason = row.reason,
    ));
    if let Some(locale) = row.fallback {
        let note = text::fill(label("fallback"), &[("locale", locale)]);
        let dir = locale.parse().map_or("ltr", |id| super::page::direction(&id));
        out.push_str(&format!(" lang=\"{locale}\" dir=\"{dir}\" data-note=\"{note}\""));
    }
    out.push_str(">\n");
    if let Some(retired) = &row.retired {
        out.push_str(&format!("<p class=\"note retired\"><strong>{}:</strong> {retired}</p>\n", label("retired")));
    }
    out.push_str(&format!("<p class=\"msg\">{}</p>\n", row.message));
    if let Some(description) = &row.description {
        out.push_str(&format!(
            "<p class=\"description\"><span class=\"label\">{}:</span> {description}</p>\n",
            label("details")
        ));
    }
    match &row.suggestion {
        Some(suggestion) => out.push_str(&format!(
            "<p class=\"sug\"><span class=\"label\">{}:</span> {suggestion}</p>\n",
            label("suggestion")
        )),
        None => out.push_str(&format!("<p class=\"sug none\">{}</p>\n", label("no_suggestion"))),
    }
    out.push_str("</div>\n</article>\n");
}

impl Renderer for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn render(&self, catalog: &Catalog, templates: &Templates, files: &mut dyn Output) -> Result<(), RenderError> {
        render_pages(catalog, templates, HTML_TEMPLATE, &SYNTAX, files)
    }
}
