//! `errcat import`: turns the error-code reference pages that exist into catalog entries, losing
//! no text.
//!
//! A page is HTML ([`html`]), Markdown pipe tables ([`markdown`]) or reStructuredText list-tables
//! and grid tables ([`rst`]); every table of it is read. Each column gets a [`Role`] from its header
//! ([`columns`]; `--column` for any other header); each row becomes an [`Entry`] ([`rows`]) whose
//! placeholders are Fluent variables ([`placeholders`]). [`merge`] writes the entries into a
//! catalog. What was decided on the way (column mapping, conversions, duplicates chosen, tables
//! skipped) is in the [`Report`].

pub mod columns;
pub mod html;
pub mod markdown;
pub mod merge;
pub mod placeholders;
pub mod rows;
pub mod rst;
pub mod summary;
mod text;

pub use columns::{ColumnOverride, ColumnUse, Role};
pub use placeholders::Conversion;
pub use text::{ImportedText, Piece};

use crate::runtime::diagnostic::LineIndex;
use std::fmt;

pub use crate::DESCRIPTION;

/// One row of a reference page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The error code.
    pub code: String,
    /// The text the API sends: the message's value.
    pub message: ImportedText,
    /// The longer explanation (`.description`), when the page has one.
    pub description: Option<ImportedText>,
    /// What to do about it (`.suggestion`); `None` when the page says none (`无`, `None`, `-`, empty).
    pub suggestion: Option<ImportedText>,
    /// The HTTP status, when the page has a status column.
    pub status: Option<u16>,
    /// The module the page files the code under, when it has a module column.
    pub family: Option<String>,
    /// The line of the row in the page.
    pub line: u32,
}

/// What to do with a code that is on two rows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnDuplicate {
    /// Refuse the page, listing every duplicate (the default).
    Refuse,
    /// Keep the first row, report the others.
    First,
    /// Keep the last row, report the others.
    Last,
}

/// How to read a page.
#[derive(Clone, Debug)]
pub struct Options {
    /// `--column 'HEADER=ROLE'`, for headers the built-in table does not know (or to change one).
    pub columns: Vec<ColumnOverride>,
    /// `--on-duplicate`.
    pub on_duplicate: OnDuplicate,
}

impl Default for Options {
    fn default() -> Self {
        Options { columns: Vec::new(), on_duplicate: OnDuplicate::Refuse }
    }
}

/// What reading the page decided, for the import summary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Per table imported: the line of its header and the role of each column.
    pub tables: Vec<(u32, Vec<ColumnUse>)>,
    /// Tables without an error-code column, not imported: the line of the header and its headers.
    pub skipped: Vec<(u32, Vec<String>)>,
    /// Each placeholder converted: code, line of the row, the conversion.
    pub conversions: Vec<(String, u32, Conversion)>,
    /// Rows of a duplicate code that `--on-duplicate` did not keep: the row kept's line and the row.
    pub dropped: Vec<(u32, Entry)>,
    /// Anything else worth knowing about one row: its line and the note.
    pub notes: Vec<(u32, String)>,
}

/// Why a page could not be imported; every variant names the file and, when it has one, the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is empty.
    Empty {
        /// The page.
        path: String,
    },
    /// No table with a header row.
    NoTable {
        /// The page.
        path: String,
    },
    /// A control character or bidi control in the page.
    Character {
        /// The page.
        path: String,
        /// Its line.
        line: u32,
        /// Its column (in characters).
        column: u32,
        /// The character.
        character: char,
    },
    /// Headers that name no known column, or two columns for one role, or a missing column.
    Columns {
        /// The page.
        path: String,
        /// The line of the header row.
        line: u32,
        /// What is wrong.
        problem: String,
    },
    /// Anything wrong with one row (no code, bad code, bad status, cell count, no message).
    BadRow {
        /// The page.
        path: String,
        /// The line of the row.
        line: u32,
        /// What is wrong.
        problem: String,
    },
    /// The same code on several rows, without `--on-duplicate`.
    DuplicateCode {
        /// The page.
        path: String,
        /// The code.
        code: String,
        /// Each row's line and status.
        rows: Vec<(u32, Option<u16>)>,
    },
    /// A table the reader refuses as a whole (too wide, spans repeating too much text, a grid
    /// table's row span).
    BadTable {
        /// The page.
        path: String,
        /// The line.
        line: u32,
        /// What is wrong.
        problem: String,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty { path } => write!(f, "{path}: the file is empty"),
            ImportError::NoTable { path } => write!(
                f,
                "{path}: no table found (expected an HTML <table>, a Markdown table with a header row and a \
                 |---| line, or a reStructuredText list-table or grid table)"
            ),
            ImportError::Character { path, line, column, character } => write!(
                f,
                "{path}:{line}:{column}: {} in the page: control characters and bidi controls are not imported \
                 (remove it, or write what it stands for)",
                crate::runtime::hygiene::describe(*character)
            ),
            ImportError::Columns { path, line, problem } => write!(f, "{path}:{line}: {problem}"),
            ImportError::BadRow { path, line, problem } | ImportError::BadTable { path, line, problem } => {
                write!(f, "{path}:{line}: {problem}")
            }
            ImportError::DuplicateCode { path, code, rows } => {
                let rows: Vec<String> = rows
                    .iter()
                    .map(|(line, status)| match status {
                        Some(s) => format!("line {line} (status {s})"),
                        None => format!("line {line}"),
                    })
                    .collect();
                write!(
                    f,
                    "{path}: {code} is on {} rows: {}; pass --on-duplicate first or --on-duplicate last to keep one",
                    rows.len(),
                    rows.join(", ")
                )
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// A table as read from a page: header cells and rows of cells, each cell a list of paragraphs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RawTable {
    pub(crate) header: Vec<String>,
    pub(crate) header_line: u32,
    pub(crate) rows: Vec<RawRow>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct RawRow {
    pub(crate) line: u32,
    pub(crate) cells: Vec<Vec<String>>,
}

/// Why a reader stopped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Forbidden {
    /// A control or bidi control character at a byte offset of the page.
    Character { offset: usize, character: char },
    /// A row wider than [`html::MAX_COLUMNS`].
    TooWide { line: u32 },
    /// Merged cells that would repeat more text than the page holds several times over.
    SpanBudget,
    /// A grid-table row span, which is not read.
    GridRowSpan { line: u32 },
}

/// The format of a page, from its text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Has a `<table`.
    Html,
    /// Has a `.. list-table::` or a grid table (`+---+`).
    Rst,
    /// Otherwise.
    Markdown,
}

impl Format {
    /// Guesses the format of a page.
    pub fn of(text: &str) -> Format {
        let bytes = text.as_bytes();
        if memchr::memmem::find_iter(bytes, b"<")
            .any(|i| bytes[i + 1..].get(..5).is_some_and(|t| t.eq_ignore_ascii_case(b"table")))
        {
            Format::Html
        } else if text.contains(".. list-table::")
            || text.lines().any(|l| l.trim_start().starts_with("+-") && l.trim_end().ends_with('+'))
        {
            Format::Rst
        } else {
            Format::Markdown
        }
    }
}

/// Reads the entries of a page. Every problem is reported, nothing is guessed.
pub fn parse(path: &str, text: &str, options: &Options) -> Result<(Vec<Entry>, Report), Vec<ImportError>> {
    if text.trim().is_empty() {
        return Err(vec![ImportError::Empty { path: path.into() }]);
    }
    let read = match Format::of(text) {
        Format::Html => html::tables(text),
        Format::Rst => rst::tables(text),
        Format::Markdown => markdown::tables(text),
    };
    let tables = read.map_err(|forbidden| vec![locate(path, text, forbidden)])?;
    if tables.iter().all(|t| t.header.is_empty()) {
        return Err(vec![ImportError::NoTable { path: path.into() }]);
    }
    rows::entries(path, &tables, options)
}

fn locate(path: &str, text: &str, forbidden: Forbidden) -> ImportError {
    let path = path.to_string();
    match forbidden {
        Forbidden::Character { offset, character } => {
            let (line, column) = LineIndex::new(text).line_col(offset);
            ImportError::Character { path, line, column, character }
        }
        Forbidden::TooWide { line } => ImportError::BadTable {
            path,
            line,
            problem: format!("this row has more than {} columns", html::MAX_COLUMNS),
        },
        Forbidden::SpanBudget => ImportError::BadTable {
            path,
            line: 1,
            problem: "the merged cells (rowspan/colspan) of this page repeat more text than the page holds, \
                      several times over: it is not a reference table"
                .into(),
        },
        Forbidden::GridRowSpan { line } => ImportError::BadTable {
            path,
            line,
            problem: "a grid-table cell spans rows here, which import does not read: write the table as a \
                      `.. list-table::`"
                .into(),
        },
    }
}

/// The lines of a text-table page without their line endings, and the byte offset each starts at
/// (for the line and column of a problem): what the Markdown and reST readers walk.
pub(crate) fn lines_with_offsets(text: &str) -> (Vec<usize>, Vec<&str>) {
    let mut offsets = Vec::new();
    let mut lines = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        offsets.push(at);
        at += line.len();
        lines.push(line.trim_end_matches(['\n', '\r']));
    }
    (offsets, lines)
}
