//! `<locale>/error-codes.md`: the reference as GitHub-flavoured Markdown, one table per family.

use super::page::{render_pages, Row, Syntax};
use super::{display, text, Labels, Output, RenderError, Renderer, Templates, MARKDOWN_TEMPLATE};
use crate::Catalog;

/// The Markdown renderer (template [`MARKDOWN_TEMPLATE`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Markdown;

/// The file name of each locale's Markdown page.
pub const MARKDOWN_FILE: &str = "error-codes.md";

const SYNTAX: Syntax = Syntax {
    text: text::escape_markdown,
    code: text::code_span,
    message: display::markdown,
    row,
    file_name: MARKDOWN_FILE,
};

/// One code as a table row: code, HTTP status, description, suggestion (or "none", in italics
/// where the script has them).
fn row(out: &mut String, row: &Row<'_>, labels: &Labels) {
    let label = |key: &str| labels.get(key).map_or("", String::as_str);
    out.push_str(&format!("| {} | {} | ", row.code, row.status));
    if let Some(retired) = &row.retired {
        out.push_str(&format!("**{}:** {retired}<br>", label("retired")));
    }
    out.push_str(&row.message);
    match &row.suggestion {
        Some(suggestion) => out.push_str(&format!(" | {suggestion} |\n")),
        None => out.push_str(&format!(" | {emphasis}{}{emphasis} |\n", label("none"), emphasis = label("emphasis"))),
    }
}

impl Renderer for Markdown {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn render(&self, catalog: &Catalog, templates: &Templates, files: &mut dyn Output) -> Result<(), RenderError> {
        render_pages(catalog, templates, MARKDOWN_TEMPLATE, &SYNTAX, files)
    }
}
