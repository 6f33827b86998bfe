//! `<locale>/error-codes.md`: the reference as GitHub-flavoured Markdown, one table per family.

use super::page::{render_pages, Row, Syntax};
use super::{display, text, Labels, Output, RenderError, Renderer, Templates, MARKDOWN_TEMPLATE};
use crate::Catalog;
use std::borrow::Cow;

/// The Markdown renderer (template [`MARKDOWN_TEMPLATE`]).
#[derive(Clone, Copy, Debug, Default)]
pub struct Markdown;

/// The file name of each locale's Markdown page.
pub const MARKDOWN_FILE: &str = "error-codes.md";

const SYNTAX: Syntax = Syntax {
    text: escape_markdown_line,
    code: text::code_span,
    message: display::markdown,
    row,
    file_name: MARKDOWN_FILE,
};

/// One code as a table row: code, HTTP status, description, suggestion (or "none", in italics
/// where the script has them). The description cell holds the message, then the `.description`
/// after a line break and a bold "Details:", when the code has one: a fifth column would be empty
/// for most codes and squeeze the others. The code cell opens with the code's explicit anchor
/// (`error-codes.md#CSBS.6024`); the code is written as it is inside its code span.
fn row(out: &mut String, row: &Row<'_>, labels: &Labels) {
    let label = |key: &str| labels.get(key).map_or("", String::as_str);
    out.push_str(&format!("| <a id=\"{}\"></a>{} | {} | ", row.anchor, row.code, row.status));
    if let Some(retired) = &row.retired {
        out.push_str(&format!("**{}:** {retired}<br>", label("retired")));
    }
    out.push_str(&row.message);
    if let Some(description) = &row.description {
        out.push_str(&format!("<br>**{}:** {description}", label("details")));
    }
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

/// [`text::escape_markdown`] for text that may open a line of the page (the intro, written after a blank
/// line): a leading `-`, `+`, `=`, `1.` or `1)` and leading blanks are escaped too, so that a catalog
/// named `- x` or `1. x` does not turn the line into a list, a rule or a code block.
pub fn escape_markdown_line(text: &str) -> Cow<'_, str> {
    let escaped = text::escape_markdown(text);
    let digits = escaped.bytes().take_while(u8::is_ascii_digit).count();
    let opens_block = match escaped.as_bytes().first() {
        Some(b'-' | b'+' | b'=' | b' ' | b'\t') => true,
        Some(b'0'..=b'9') => matches!(escaped.as_bytes().get(digits), Some(b'.' | b')')),
        _ => false,
    };
    if !opens_block {
        return escaped;
    }
    let mut out = String::with_capacity(escaped.len() + 8);
    let rest = escaped.trim_start_matches([' ', '\t']);
    // Leading blanks as character references: Markdown would otherwise drop them or start a code block.
    for c in escaped[..escaped.len() - rest.len()].chars() {
        out.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    match rest.as_bytes().first() {
        Some(b'-' | b'+' | b'=') => {
            out.push('\\');
            out.push_str(rest);
        }
        Some(b'0'..=b'9') if matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) => {
            out.push_str(&rest[..digits]);
            out.push('\\');
            out.push_str(&rest[digits..]);
        }
        _ => out.push_str(rest),
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_of_text_never_opens_a_block() {
        assert_eq!(escape_markdown_line("- x codes"), "\\- x codes");
        assert_eq!(escape_markdown_line("+ x"), "\\+ x");
        assert_eq!(escape_markdown_line("=== x"), "\\=== x");
        assert_eq!(escape_markdown_line("1. x"), "1\\. x");
        assert_eq!(escape_markdown_line("12) x"), "12\\) x");
        assert_eq!(escape_markdown_line("    code"), "&#32;&#32;&#32;&#32;code");
        assert_eq!(escape_markdown_line("2024 codes"), "2024 codes");
        assert_eq!(escape_markdown_line("x - y"), "x - y");
        assert_eq!(escape_markdown_line("# x"), "\\# x");
    }
}
