//! `<locale>/error-codes.md`: the reference as GitHub-flavoured Markdown, one table per family.

use super::page::{render_pages, Syntax};
use super::{text, Files, RenderError, Renderer, Templates, MARKDOWN_TEMPLATE};
use crate::catalog::Catalog;

/// The Markdown renderer (template [`MARKDOWN_TEMPLATE`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Markdown;

/// The file name of each locale's Markdown page.
pub const MARKDOWN_FILE: &str = "error-codes.md";

const SYNTAX: Syntax = Syntax { text: text::escape_markdown, message: text::to_markdown, file_name: MARKDOWN_FILE };

impl Renderer for Markdown {
    fn name(&self) -> &'static str {
        "markdown"
    }

    fn render(&self, catalog: &Catalog, templates: &Templates, files: &mut Files) -> Result<(), RenderError> {
        render_pages(catalog, templates, MARKDOWN_TEMPLATE, &SYNTAX, files)
    }
}
