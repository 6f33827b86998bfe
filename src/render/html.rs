//! `<locale>/index.html`: one standalone page per locale, with search and deep links.

use super::page::{render_pages, Syntax};
use super::{text, Files, RenderError, Renderer, Templates, HTML_TEMPLATE};
use crate::catalog::Catalog;

/// The HTML renderer (template [`HTML_TEMPLATE`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Html;

/// The file name of each locale's HTML page.
pub const HTML_FILE: &str = "index.html";

const SYNTAX: Syntax = Syntax { text: text::escape_html, message: text::to_html, file_name: HTML_FILE };

impl Renderer for Html {
    fn name(&self) -> &'static str {
        "html"
    }

    fn render(&self, catalog: &Catalog, templates: &Templates, files: &mut Files) -> Result<(), RenderError> {
        render_pages(catalog, templates, HTML_TEMPLATE, &SYNTAX, files)
    }
}
