//! From table rows to entries: each cell into its role, labelled paragraphs (`描述：`, `建议：`)
//! split, statuses read, duplicates found.

use super::columns::{self, ColumnUse, MappingProblem, Role};
use super::placeholders::{self, Conversion};
use super::{Entry, ImportError, OnDuplicate, Options, RawRow, RawTable, Report};
use crate::is_valid_code;
use std::collections::BTreeMap;

/// The entries of every table that has a code column; tables without one are reported skipped.
pub(crate) fn entries(
    path: &str,
    tables: &[RawTable],
    options: &Options,
) -> Result<(Vec<Entry>, Report), Vec<ImportError>> {
    let mut report = Report::default();
    let mut problems = Vec::new();
    let mut entries = Vec::new();
    for table in tables.iter().filter(|t| !t.header.is_empty()) {
        let has_code = table.header.iter().any(|h| {
            let key = columns::fold(h);
            options.columns.iter().any(|o| columns::fold(&o.header) == key && o.role == Role::Code)
                || columns::builtin_role(h) == Some(Role::Code)
        });
        if !has_code {
            report.skipped.push((table.header_line, table.header.clone()));
            continue;
        }
        let uses = match columns::map(&table.header, &options.columns) {
            Ok(uses) => uses,
            Err(mapping) => {
                problems.extend(mapping.into_iter().map(|p| ImportError::Columns {
                    path: path.into(),
                    line: table.header_line,
                    problem: explain(&p),
                }));
                continue;
            }
        };
        for row in &table.rows {
            match entry(&uses, row, &mut report) {
                Ok(Some(entry)) => entries.push(entry),
                Ok(None) => {}
                Err(problem) => problems.push(ImportError::BadRow { path: path.into(), line: row.line, problem }),
            }
        }
        report.tables.push((table.header_line, uses));
    }
    if report.tables.is_empty() && problems.is_empty() {
        let headers: Vec<String> =
            report.skipped.iter().map(|(line, h)| format!("line {line}: {}", h.join(" | "))).collect();
        problems.push(ImportError::Columns {
            path: path.into(),
            line: report.skipped.first().map_or(1, |s| s.0),
            problem: format!(
                "no table has an error-code column (tables: {}); name it with --column 'HEADER=code'",
                headers.join("; ")
            ),
        });
    }
    let entries = resolve_duplicates(path, entries, options.on_duplicate, &mut report, &mut problems);
    if problems.is_empty() {
        Ok((entries, report))
    } else {
        Err(problems)
    }
}

fn explain(problem: &MappingProblem) -> String {
    match problem {
        MappingProblem::Unknown(header) => format!(
            "unknown column `{header}`: name its role with --column '{header}=ROLE' (ROLE: code, status, message, \
             description, suggestion, family, ignore); the known headers are listed in the README"
        ),
        MappingProblem::Twice(role, a, b) => format!(
            "columns `{a}` and `{b}` are both the {role} column: give one another role with --column '{b}=ROLE'"
        ),
        MappingProblem::Missing(role) => {
            format!("the table has no {role} column: name the column that holds it with --column 'HEADER={role}'")
        }
    }
}

/// One row as an entry; `None` for a row with no text at all.
fn entry(uses: &[ColumnUse], row: &RawRow, report: &mut Report) -> Result<Option<Entry>, String> {
    if let Some(extra) = row.cells.get(uses.len()..).filter(|extra| extra.iter().any(|c| !c.is_empty())) {
        return Err(format!(
            "this row has {} cells but the header has {}: the text `{}` has no column",
            row.cells.len(),
            uses.len(),
            extra.iter().map(|c| c.join(" ")).collect::<Vec<_>>().join(" | ")
        ));
    }
    if row.cells.iter().all(|c| c.iter().all(|p| p.trim().is_empty())) {
        return Ok(None);
    }
    let cell = |role: Role| -> Vec<String> {
        uses.iter().position(|u| u.role == role).and_then(|i| row.cells.get(i)).cloned().unwrap_or_default()
    };
    let code = cell(Role::Code).join(" ").trim().trim_matches(['`', '*']).trim().to_string();
    if code.is_empty() {
        return Err("this row has no error code".into());
    }
    if !is_valid_code(&code) {
        return Err(format!("`{code}` is not an error code (expected segments joined by `.`, like CSBS.0001)"));
    }
    let (mut message, labelled_message_suggestion) = split_labels(&cell(Role::Message));
    let (mut description, labelled_description_suggestion) = split_labels(&cell(Role::Description));
    let mut suggestion = joined(&cell(Role::Suggestion));
    for labelled in [labelled_message_suggestion, labelled_description_suggestion].into_iter().flatten() {
        suggestion = Some(match suggestion {
            Some(s) if !is_none(&s) => {
                report.notes.push((
                    row.line,
                    format!("{code}: the labelled suggestion `{labelled}` follows the suggestion column's text"),
                ));
                format!("{s}\n{labelled}")
            }
            _ => labelled,
        });
    }
    if message.as_deref().is_none_or(is_none) {
        match description.take().filter(|d| !is_none(d)) {
            Some(d) => {
                report
                    .notes
                    .push((row.line, format!("{code}: no message on the page; its description is the message")));
                message = Some(d);
            }
            None => return Err(format!("{code} has no message")),
        }
    }
    let status = match cell(Role::Status).join(" ").trim() {
        "" => None,
        value => {
            let digits: String = value.chars().take_while(char::is_ascii_digit).collect();
            match digits.parse::<u16>() {
                Ok(status) if (100..=599).contains(&status) => {
                    if digits.len() < value.len() {
                        report.notes.push((row.line, format!("{code}: status `{value}` read as {status}")));
                    }
                    Some(status)
                }
                _ => return Err(format!("status `{value}` of {code} is not an HTTP status (100-599)")),
            }
        }
    };
    let family = joined(&cell(Role::Family));
    let mut convert = |text: String| {
        let (imported, conversions) = placeholders::convert(&text);
        report.conversions.extend(conversions.into_iter().map(|c: Conversion| (code.clone(), row.line, c)));
        imported
    };
    Ok(Some(Entry {
        message: convert(message.unwrap_or_default()),
        description: description.filter(|d| !is_none(d)).map(&mut convert),
        suggestion: suggestion.filter(|s| !is_none(s)).map(&mut convert),
        status,
        family,
        line: row.line,
        code,
    }))
}

fn joined(cell: &[String]) -> Option<String> {
    let paragraphs: Vec<&str> = cell.iter().map(|p| p.trim()).filter(|p| !p.is_empty()).collect();
    (!paragraphs.is_empty()).then(|| paragraphs.join("\n"))
}

/// Keeps one row of each duplicate code as `--on-duplicate` says, or reports them all.
fn resolve_duplicates(
    path: &str,
    entries: Vec<Entry>,
    policy: OnDuplicate,
    report: &mut Report,
    problems: &mut Vec<ImportError>,
) -> Vec<Entry> {
    let mut rows: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, entry) in entries.iter().enumerate() {
        rows.entry(entry.code.as_str()).or_default().push(i);
    }
    let mut drop = vec![false; entries.len()];
    let mut order: Vec<(&str, Vec<usize>)> = rows.into_iter().filter(|(_, r)| r.len() > 1).collect();
    order.sort_by_key(|(_, r)| r[0]);
    for (code, indices) in order {
        let keep = match policy {
            OnDuplicate::Refuse => {
                problems.push(ImportError::DuplicateCode {
                    path: path.into(),
                    code: code.into(),
                    rows: indices.iter().map(|&i| (entries[i].line, entries[i].status)).collect(),
                });
                continue;
            }
            OnDuplicate::First => indices[0],
            OnDuplicate::Last => indices[indices.len() - 1],
        };
        for &i in indices.iter().filter(|&&i| i != keep) {
            drop[i] = true;
            report.dropped.push((entries[keep].line, entries[i].clone()));
        }
    }
    entries.into_iter().zip(drop).filter(|(_, d)| !d).map(|(e, _)| e).collect()
}

const MESSAGE_LABELS: &[&str] = &["描述", "说明", "错误描述", "错误信息", "description", "message"];
const SUGGESTION_LABELS: &[&str] = &["建议", "处理建议", "处理措施", "解决方法", "suggestion", "solution", "measure"];

/// Splits a cell of `描述：…` / `建议：…` paragraphs: the text labelled as a suggestion, and the rest
/// (the cell's own role). An unlabelled paragraph continues the one before it (on a new line).
fn split_labels(paragraphs: &[String]) -> (Option<String>, Option<String>) {
    let mut own: Option<String> = None;
    let mut suggestion: Option<String> = None;
    let mut in_suggestion = false;
    for paragraph in paragraphs.iter().map(|p| p.trim()).filter(|p| !p.is_empty()) {
        let text = match label(paragraph) {
            Some((is_suggestion, rest)) => {
                in_suggestion = is_suggestion;
                rest
            }
            None => paragraph,
        };
        let field = if in_suggestion { &mut suggestion } else { &mut own };
        match field {
            Some(existing) => {
                existing.push('\n');
                existing.push_str(text);
            }
            None => *field = Some(text.to_string()),
        }
    }
    (own, suggestion)
}

/// `(is_suggestion, rest)` when a paragraph starts with a label and a colon.
fn label(paragraph: &str) -> Option<(bool, &str)> {
    let (head, rest) = paragraph.split_once(['：', ':'])?;
    let head = head.trim().to_lowercase();
    if MESSAGE_LABELS.contains(&head.as_str()) {
        Some((false, rest.trim()))
    } else if SUGGESTION_LABELS.contains(&head.as_str()) {
        Some((true, rest.trim()))
    } else {
        None
    }
}

/// Whether a cell means "nothing": `无`, `None`, `N/A`, `-`, empty.
pub fn is_none(text: &str) -> bool {
    let text = text.trim().trim_end_matches(['。', '.']).trim();
    matches!(text.to_lowercase().as_str(), "" | "无" | "none" | "n/a" | "-" | "—" | "/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_split_a_cell() {
        let cell = vec!["描述：备份失败。".to_string(), "原因见日志。".into(), "建议：请重试。".into()];
        assert_eq!(split_labels(&cell), (Some("备份失败。\n原因见日志。".into()), Some("请重试。".into())));
        assert_eq!(split_labels(&["plain".to_string()]), (Some("plain".into()), None));
    }
}
