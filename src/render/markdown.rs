//! `<locale>/error-codes.md`: the reference as GitHub-flavoured Markdown, one table per family.

use super::page::{render_pages, Row, Syntax};
use super::{text, Files, Labels, RenderError, Renderer, Templates, MARKDOWN_TEMPLATE};
use crate::Catalog;

/// The Markdown renderer (template [`MARKDOWN_TEMPLATE`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Markdown;

/// The file name of each locale's Markdown page.
pub const MARKDOWN_FILE: &str = "error-codes.md";

const SYNTAX: Syntax =
    Syntax { text: text::escape_markdown_line, message: text::to_markdown, row, file_name: MARKDOWN_FILE };

/// One code as a table row: code, HTTP status, description, suggestion (or an italic "none").
/// The code cell opens with the code's explicit anchor (`error-codes.md#CSBS.6024`); the code is
/// written as it is inside its code span (a code holds no backtick or `|`, and a backslash there would show).
fn row(out: &mut String, row: &Row<'_>, labels: &Labels) {
    let label = |key: &str| labels.get(key).map_or("", String::as_str);
    out.push_str(&format!("| <a id=\"{}\"></a>`{}` | {} | ", row.anchor, row.anchor, row.status));
    if let Some(retired) = &row.retired {
        out.push_str(&format!("**{}:** {retired}<br>", label("retired")));
    }
    out.push_str(&row.message);
    match &row.suggestion {
        Some(suggestion) => out.push_str(&format!(" | {suggestion} |\n")),
        None => out.push_str(&format!(" | *{}* |\n", label("none"))),
    }
}

impl Renderer for Markdown {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn render(&self, catalog: &Catalog, templates: &Templates, files: &mut Files) -> Result<(), RenderError> {
        render_pages(catalog, templates, MARKDOWN_TEMPLATE, &SYNTAX, files)
    }
}
