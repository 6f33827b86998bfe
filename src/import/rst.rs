//! reStructuredText tables: `.. list-table::` directives and grid tables (`+---+`).
//!
//! In a list-table, `:header-rows: N` rows are the header (without the option, the first row is);
//! a blank line inside a cell starts a new paragraph. In a grid table the rows above the `+===+`
//! line are the header (without one, the first row is); columns are found by display width (a CJK
//! character takes two columns, as docutils counts); a cell that spans columns fills the first.
//! A cell that spans rows in a grid table is refused: it has no reading that keeps every column.

use super::{Forbidden, RawRow, RawTable};

/// Every list-table and grid table of the page, in order.
pub(crate) fn tables(text: &str) -> Result<Vec<RawTable>, Forbidden> {
    let (offsets, lines) = super::lines_with_offsets(text);
    let mut tables = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let trimmed = lines[i].trim_start();
        let end = if trimmed.starts_with(".. list-table::") {
            let end = directive_end(&lines, i);
            check(&lines, &offsets, i, end)?;
            tables.push(list_table(&lines, i, end));
            end
        } else if is_border(trimmed) {
            let end = grid_end(&lines, i);
            check(&lines, &offsets, i, end)?;
            tables.push(grid_table(&lines, i, end)?);
            end
        } else {
            i + 1
        };
        i = end.max(i + 1);
    }
    Ok(tables)
}

/// Refuses control characters and bidi controls in lines `from..to`.
fn check(lines: &[&str], offsets: &[usize], from: usize, to: usize) -> Result<(), Forbidden> {
    for i in from..to {
        if let Some((at, character, _)) = crate::runtime::hygiene::find(lines[i]) {
            return Err(Forbidden::Character { offset: offsets[i] + at, character });
        }
    }
    Ok(())
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

/// The line after a directive's body: the first non-blank line indented no deeper than it.
fn directive_end(lines: &[&str], start: usize) -> usize {
    let own = indent(lines[start]);
    (start + 1..lines.len()).find(|&i| !lines[i].trim().is_empty() && indent(lines[i]) <= own).unwrap_or(lines.len())
}

fn list_table(lines: &[&str], start: usize, end: usize) -> RawTable {
    let mut header_rows: Option<usize> = None;
    let mut rows: Vec<RawRow> = Vec::new();
    let mut row_indent = None;
    let mut cell_indent = 0;
    let mut blank = false;
    for (i, &line) in lines.iter().enumerate().take(end).skip(start + 1) {
        let trimmed = line.trim_start();
        if trimmed.is_empty() {
            blank = true;
            continue;
        }
        if rows.is_empty() && row_indent.is_none() {
            if let Some(value) = trimmed.strip_prefix(":header-rows:") {
                header_rows = value.trim().parse().ok();
                continue;
            }
            if trimmed.starts_with(':') {
                continue;
            }
        }
        let at = indent(line);
        let row_start = (trimmed == "*" || trimmed.starts_with("* ")) && row_indent.is_none_or(|r| r == at);
        let mut content = trimmed;
        if row_start {
            row_indent = Some(at);
            rows.push(RawRow { line: i as u32 + 1, cells: Vec::new() });
            content = trimmed[1..].trim_start();
            if content.is_empty() {
                continue;
            }
        }
        let content_at = line.len() - content.len();
        let Some(row) = rows.last_mut() else {
            continue;
        };
        if (content == "-" || content.starts_with("- ")) && (row.cells.is_empty() || content_at == cell_indent) {
            cell_indent = content_at;
            let text = content[1..].trim();
            row.cells.push(if text.is_empty() { Vec::new() } else { vec![text.to_string()] });
            blank = false;
            continue;
        }
        if let Some(cell) = row.cells.last_mut() {
            match cell.last_mut() {
                Some(paragraph) if !blank => {
                    paragraph.push(' ');
                    paragraph.push_str(content.trim());
                }
                _ => cell.push(content.trim().to_string()),
            }
        }
        blank = false;
    }
    let header_count = header_rows.unwrap_or(1).max(1).min(rows.len());
    let mut rest = rows.split_off(header_count);
    std::mem::swap(&mut rows, &mut rest);
    let header = rest.pop().unwrap_or_default();
    RawTable { header: header.cells.iter().map(|c| c.join(" ")).collect(), header_line: header.line, rows }
}

fn is_border(trimmed: &str) -> bool {
    (trimmed.starts_with("+-") || trimmed.starts_with("+=")) && trimmed.ends_with('+') && trimmed.len() > 2
}

fn grid_end(lines: &[&str], start: usize) -> usize {
    let own = indent(lines[start]);
    (start + 1..lines.len())
        .find(|&i| {
            let line = lines[i];
            indent(line) != own || !(line.trim_start().starts_with('|') || line.trim_start().starts_with('+'))
        })
        .unwrap_or(lines.len())
}

/// Display width: East Asian wide characters take two columns.
fn width(c: char) -> usize {
    if matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
    {
        2
    } else {
        1
    }
}

/// The characters of a line with the display column each starts at.
fn columns(line: &str) -> Vec<(usize, char)> {
    let mut at = 0;
    line.chars()
        .map(|c| {
            let start = at;
            at += width(c);
            (start, c)
        })
        .collect()
}

fn grid_table(lines: &[&str], start: usize, end: usize) -> Result<RawTable, Forbidden> {
    let bounds: Vec<usize> = columns(lines[start]).iter().filter(|(_, c)| *c == '+').map(|(at, _)| *at).collect();
    if bounds.len() > super::html::MAX_COLUMNS + 1 {
        return Err(Forbidden::TooWide { line: start as u32 + 1 });
    }
    let mut rows: Vec<RawRow> = Vec::new();
    let mut header_end = None;
    let mut open: Option<RawRow> = None;
    let mut blank: Vec<bool> = vec![false; bounds.len().saturating_sub(1)];
    for (i, &line) in lines.iter().enumerate().take(end).skip(start + 1) {
        let chars = columns(line);
        let trimmed = line.trim_start();
        if trimmed.starts_with('+') && is_border(trimmed) {
            if let Some(row) = open.take() {
                rows.push(row);
            }
            if trimmed.contains('=') && header_end.is_none() {
                header_end = Some(rows.len());
            }
            blank.iter_mut().for_each(|b| *b = false);
            continue;
        }
        let at = |column: usize| chars.iter().find(|(c, _)| *c == column).map(|(_, ch)| *ch);
        let row = open.get_or_insert_with(|| RawRow {
            line: i as u32 + 1,
            cells: vec![Vec::new(); bounds.len().saturating_sub(1)],
        });
        let mut first = 0;
        for k in 0..bounds.len().saturating_sub(1) {
            let (left, right) = (bounds[k], bounds[k + 1]);
            let segment: String = chars.iter().filter(|(c, _)| *c > left && *c < right).map(|(_, ch)| *ch).collect();
            if at(left) == Some('+')
                && at(right) == Some('+')
                && !segment.is_empty()
                && segment.chars().all(|c| c == '-' || c == '=')
            {
                return Err(Forbidden::GridRowSpan { line: i as u32 + 1 });
            }
            let text = segment.trim();
            let cell = &mut row.cells[first];
            if text.is_empty() {
                blank[first] = true;
            } else {
                match cell.last_mut() {
                    Some(paragraph) if !blank[first] => {
                        paragraph.push(' ');
                        paragraph.push_str(text);
                    }
                    _ => cell.push(text.to_string()),
                }
                blank[first] = false;
            }
            // A boundary without `|` joins the next column to this cell.
            if at(right) == Some('|') || k + 2 == bounds.len() {
                first = k + 1;
            }
        }
    }
    if let Some(row) = open.take() {
        rows.push(row);
    }
    let header_count = header_end.unwrap_or(1).max(1).min(rows.len());
    let body = rows.split_off(header_count);
    let header = rows.pop().unwrap_or_default();
    Ok(RawTable { header: header.cells.iter().map(|c| c.join(" ")).collect(), header_line: header.line, rows: body })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(table: &RawTable) -> Vec<Vec<String>> {
        table.rows.iter().map(|r| r.cells.iter().map(|c| c.join("/")).collect()).collect()
    }

    #[test]
    fn list_table_with_options_and_paragraphs() {
        let page = [
            "Intro",
            "",
            ".. list-table:: Codes",
            "   :header-rows: 1",
            "   :widths: 10 30",
            "",
            "   * - Code",
            "     - Message",
            "   * - A.1",
            "     - first line",
            "       continued",
            "",
            "       second | para",
            "   * - A.2",
            "     -",
            "",
            "after",
        ]
        .join("\n");
        let tables = tables(&page).unwrap();
        assert_eq!(tables[0].header, ["Code", "Message"]);
        assert_eq!(tables[0].header_line, 7);
        assert_eq!(texts(&tables[0]), [vec!["A.1", "first line continued/second | para"], vec!["A.2", ""]]);
        assert_eq!(tables[0].rows[1].line, 14);
    }

    #[test]
    fn grid_table_with_wide_characters_and_a_column_span() {
        let page = [
            "+------+----------+",
            "| 错误 | 说明     |",
            "+======+==========+",
            "| A.1  | 第一行   |",
            "|      | 续 | x   |",
            "+------+----------+",
            "| A.2    spans    |",
            "+------+----------+",
        ]
        .join("\n");
        let tables = tables(&page).unwrap();
        assert_eq!(tables[0].header, ["错误", "说明"]);
        assert_eq!(texts(&tables[0]), [vec!["A.1", "第一行 续 | x"], vec!["A.2 spans", ""]]);
    }

    #[test]
    fn grid_row_span_is_refused() {
        let page = "+----+----+\n| C  | M  |\n+====+====+\n| a  | b  |\n|    +----+\n|    | c  |\n+----+----+\n";
        assert_eq!(tables(page), Err(Forbidden::GridRowSpan { line: 5 }));
    }
}
