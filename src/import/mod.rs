//! `errcat import`: turns an existing error-code reference page into catalog entries.
//!
//! Two layouts are read: HTML tables ([`html`], e.g. the CSBS seed page, where one
//! cell holds `描述：…` and `建议：…` paragraphs) and Markdown pipe tables
//! ([`markdown`]). Columns are recognised by their header, in Chinese or English
//! (see [`Column::from_header`]); any other header is an error. Each row becomes an
//! [`Entry`]; printf placeholders become Fluent variables ([`ImportedText`]).
//! [`merge`] writes the entries into a catalog directory.

pub mod html;
pub mod markdown;
pub mod merge;
mod text;

pub use text::{ImportedText, Piece};

use crate::is_valid_code;
use std::collections::BTreeMap;
use std::fmt;

/// One row of a reference page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The error code.
    pub code: String,
    /// What went wrong (the message value).
    pub description: ImportedText,
    /// What to do about it (`.suggestion`); `None` when the page says none (`无`, `None`, `-`, empty).
    pub suggestion: Option<ImportedText>,
    /// The HTTP status, when the page has a status column.
    pub status: Option<u16>,
    /// The line of the row in the page.
    pub line: u32,
}

/// A column of a reference table.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Column {
    /// The error code.
    Code,
    /// The description (may also hold labelled `描述：`/`建议：` paragraphs).
    Description,
    /// The suggestion.
    Suggestion,
    /// The HTTP status.
    Status,
}

const HEADERS: &[(Column, &[&str])] = &[
    (Column::Code, &["错误码", "错误代码", "error code", "error codes", "code", "error_code"]),
    (
        Column::Description,
        &[
            "说明",
            "描述",
            "错误描述",
            "错误信息",
            "错误说明",
            "description",
            "message",
            "error message",
            "error_msg",
            "meaning",
        ],
    ),
    (Column::Suggestion, &["建议", "处理建议", "处理措施", "解决方法", "suggestion", "solution", "handling"]),
    (
        Column::Status,
        &["状态码", "http状态码", "http 状态码", "status", "status code", "http status", "http status code"],
    ),
];

impl Column {
    /// The column a header names (case, spaces and a trailing colon do not matter).
    pub fn from_header(header: &str) -> Option<Column> {
        let key = header.trim().trim_end_matches([':', '：']).split_whitespace().collect::<Vec<_>>().join(" ");
        let key = key.to_lowercase();
        HEADERS.iter().find(|(_, names)| names.contains(&key.as_str())).map(|(column, _)| *column)
    }

    fn accepted() -> String {
        HEADERS.iter().flat_map(|(_, names)| names.iter()).map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
    }
}

/// Why a page could not be imported; every variant names the file and, when it has one, the line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// The file is empty.
    Empty {
        /// The page.
        path: String,
    },
    /// No HTML `<table>` and no Markdown pipe table with a header row.
    NoTable {
        /// The page.
        path: String,
    },
    /// A header that names none of the known columns.
    UnknownColumn {
        /// The page.
        path: String,
        /// The line of the header.
        line: u32,
        /// The header text.
        header: String,
    },
    /// A table without a code or description column.
    MissingColumn {
        /// The page.
        path: String,
        /// The line of the header row.
        line: u32,
        /// The column that is missing.
        column: Column,
    },
    /// A row whose code cell is empty.
    RowWithoutCode {
        /// The page.
        path: String,
        /// The line of the row.
        line: u32,
    },
    /// Anything else wrong with one row (bad code, bad status, cell count, empty description).
    BadRow {
        /// The page.
        path: String,
        /// The line of the row.
        line: u32,
        /// What is wrong.
        problem: String,
    },
    /// The same code on two rows.
    DuplicateCode {
        /// The page.
        path: String,
        /// The line of the second row.
        line: u32,
        /// The code.
        code: String,
        /// The line of the first row.
        first: u32,
    },
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty { path } => write!(f, "{path}: the file is empty"),
            ImportError::NoTable { path } => write!(
                f,
                "{path}: no table found (expected an HTML <table> or a Markdown table with a header row and a |---| line)"
            ),
            ImportError::UnknownColumn { path, line, header } => write!(
                f,
                "{path}:{line}: unknown column `{header}` (known columns: {})",
                Column::accepted()
            ),
            ImportError::MissingColumn { path, line, column } => {
                write!(f, "{path}:{line}: the table has no {column:?} column (known columns: {})", Column::accepted())
            }
            ImportError::RowWithoutCode { path, line } => write!(f, "{path}:{line}: this row has no error code"),
            ImportError::BadRow { path, line, problem } => write!(f, "{path}:{line}: {problem}"),
            ImportError::DuplicateCode { path, line, code, first } => {
                write!(f, "{path}:{line}: {code} appears twice (first on line {first})")
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

/// Reads the entries of a page: HTML when it has a `<table>`, else Markdown. Every problem is reported.
pub fn parse(path: &str, text: &str) -> Result<Vec<Entry>, Vec<ImportError>> {
    let path = path.to_string();
    if text.trim().is_empty() {
        return Err(vec![ImportError::Empty { path }]);
    }
    let tables = if text.to_ascii_lowercase().contains("<table") { html::tables(text) } else { markdown::tables(text) };
    // The first table that names a code column is the catalog; other tables (layout, notes) are skipped.
    let table = tables
        .iter()
        .find(|t| t.header.iter().any(|h| Column::from_header(h) == Some(Column::Code)))
        .or(tables.first())
        .ok_or_else(|| vec![ImportError::NoTable { path: path.clone() }])?;
    entries(&path, table)
}

fn entries(path: &str, table: &RawTable) -> Result<Vec<Entry>, Vec<ImportError>> {
    let mut problems = Vec::new();
    let mut columns = Vec::new();
    for header in &table.header {
        match Column::from_header(header) {
            Some(column) => columns.push(column),
            None => problems.push(ImportError::UnknownColumn {
                path: path.into(),
                line: table.header_line,
                header: header.clone(),
            }),
        }
    }
    for required in [Column::Code, Column::Description] {
        if problems.is_empty() && !columns.contains(&required) {
            problems.push(ImportError::MissingColumn { path: path.into(), line: table.header_line, column: required });
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut seen: BTreeMap<String, u32> = BTreeMap::new();
    let mut entries = Vec::new();
    for row in &table.rows {
        let bad = |problem: String| ImportError::BadRow { path: path.into(), line: row.line, problem };
        if row.cells.len() > columns.len() {
            problems.push(bad(format!("this row has {} cells but the header has {}", row.cells.len(), columns.len())));
            continue;
        }
        let cell = |wanted: Column| -> Vec<String> {
            columns.iter().position(|c| *c == wanted).and_then(|i| row.cells.get(i)).cloned().unwrap_or_default()
        };
        let code = cell(Column::Code).join(" ").trim().trim_matches(['`', '*']).trim().to_string();
        if code.is_empty() {
            problems.push(ImportError::RowWithoutCode { path: path.into(), line: row.line });
            continue;
        }
        if !is_valid_code(&code) {
            problems
                .push(bad(format!("`{code}` is not an error code (expected segments joined by `.`, like CSBS.0001)")));
            continue;
        }
        if let Some(first) = seen.insert(code.clone(), row.line) {
            problems.push(ImportError::DuplicateCode { path: path.into(), line: row.line, code, first });
            continue;
        }
        let (description, labelled_suggestion) = split_labels(&cell(Column::Description));
        let suggestion_cell = cell(Column::Suggestion);
        let suggestion = if suggestion_cell.iter().any(|p| !p.trim().is_empty()) {
            Some(suggestion_cell.join("\n"))
        } else {
            labelled_suggestion
        };
        let Some(description) = description.filter(|d| !is_none(d)) else {
            problems.push(bad(format!("{code} has no description")));
            continue;
        };
        let status = match cell(Column::Status).join(" ").trim() {
            "" => None,
            value => match value.parse::<u16>() {
                Ok(status) if (100..=599).contains(&status) => Some(status),
                _ => {
                    problems.push(bad(format!("status `{value}` of {code} is not an HTTP status (100-599)")));
                    continue;
                }
            },
        };
        entries.push(Entry {
            code,
            description: ImportedText::from_printf(&description),
            suggestion: suggestion.filter(|s| !is_none(s)).map(|s| ImportedText::from_printf(&s)),
            status,
            line: row.line,
        });
    }
    if problems.is_empty() {
        Ok(entries)
    } else {
        Err(problems)
    }
}

const DESCRIPTION_LABELS: &[&str] = &["描述", "说明", "错误描述", "description", "message"];
const SUGGESTION_LABELS: &[&str] = &["建议", "处理建议", "处理措施", "suggestion", "solution"];

/// Splits a cell of `描述：…` / `建议：…` paragraphs; a cell without labels is all description.
/// An unlabelled paragraph continues the one before it (on a new line).
fn split_labels(paragraphs: &[String]) -> (Option<String>, Option<String>) {
    let mut description: Option<String> = None;
    let mut suggestion: Option<String> = None;
    let mut in_suggestion = false;
    for paragraph in paragraphs.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let (text, switch) = match label(paragraph) {
            Some((is_suggestion, rest)) => (rest, Some(is_suggestion)),
            None => (paragraph, None),
        };
        if let Some(is_suggestion) = switch {
            in_suggestion = is_suggestion;
            let field = if in_suggestion { &mut suggestion } else { &mut description };
            *field = Some(text.to_string());
            continue;
        }
        let field = if in_suggestion { &mut suggestion } else { &mut description };
        match field {
            Some(existing) => {
                existing.push('\n');
                existing.push_str(text);
            }
            None => *field = Some(text.to_string()),
        }
    }
    (description, suggestion)
}

/// `(is_suggestion, rest)` when a paragraph starts with a label and a colon.
fn label(paragraph: &str) -> Option<(bool, &str)> {
    let (head, rest) = paragraph.split_once(['：', ':'])?;
    let head = head.trim().to_lowercase();
    if DESCRIPTION_LABELS.contains(&head.as_str()) {
        Some((false, rest.trim()))
    } else if SUGGESTION_LABELS.contains(&head.as_str()) {
        Some((true, rest.trim()))
    } else {
        None
    }
}

/// Whether a cell means "nothing": `无`, `None`, `N/A`, `-`, empty.
fn is_none(text: &str) -> bool {
    let text = text.trim().trim_end_matches(['。', '.']).trim();
    matches!(text.to_lowercase().as_str(), "" | "无" | "none" | "n/a" | "-" | "—" | "/")
}
