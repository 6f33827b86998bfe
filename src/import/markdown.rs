//! Markdown pipe tables: a header row, a `|---|---|` delimiter row, then one row per line.
//! `\|` is a literal pipe; `<br>` starts a new paragraph inside a cell.

use super::{RawRow, RawTable};

/// Every pipe table of the page, in order.
pub(crate) fn tables(text: &str) -> Vec<RawTable> {
    let lines: Vec<&str> = text.lines().collect();
    let mut tables = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        if !is_row(lines[i]) || !is_delimiter(lines[i + 1]) {
            i += 1;
            continue;
        }
        let mut table = RawTable {
            header: cells(lines[i]).into_iter().map(|c| c.join(" ")).collect(),
            header_line: i as u32 + 1,
            rows: Vec::new(),
        };
        i += 2;
        while i < lines.len() && is_row(lines[i]) {
            table.rows.push(RawRow { line: i as u32 + 1, cells: cells(lines[i]) });
            i += 1;
        }
        tables.push(table);
    }
    tables
}

fn is_row(line: &str) -> bool {
    line.trim_start().starts_with('|')
}

fn is_delimiter(line: &str) -> bool {
    let cells = split(line);
    !cells.is_empty()
        && cells.iter().all(|c| {
            let c = c.trim();
            c.contains('-') && c.chars().all(|ch| matches!(ch, '-' | ':' | ' '))
        })
}

/// The cells of a row between its outer pipes.
fn split(line: &str) -> Vec<String> {
    let line = line.trim();
    let line = line.strip_prefix('|').unwrap_or(line);
    let line = if line.ends_with('|') && !line.ends_with("\\|") { &line[..line.len() - 1] } else { line };
    let mut cells = vec![String::new()];
    let mut chars = line.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                chars.next();
                if let Some(cell) = cells.last_mut() {
                    cell.push('|');
                }
            }
            '|' => cells.push(String::new()),
            c => {
                if let Some(cell) = cells.last_mut() {
                    cell.push(c);
                }
            }
        }
    }
    cells
}

fn cells(line: &str) -> Vec<Vec<String>> {
    split(line)
        .iter()
        .map(|cell| {
            let mut text = cell.clone();
            for br in ["<br />", "<br/>", "<BR>", "<br>"] {
                text = text.replace(br, "\n");
            }
            super::html::decode_entities(&text)
                .split('\n')
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipe_table() {
        let page = "# Errors\n\n| Code | Message |\n|:---|---|\n| `A.1` | a \\| b<br>c |\n|A.2|d|\n\nafter";
        let tables = tables(page);
        assert_eq!(tables[0].header, ["Code", "Message"]);
        assert_eq!(tables[0].header_line, 3);
        assert_eq!(tables[0].rows.len(), 2);
        assert_eq!(tables[0].rows[0].cells[1], ["a | b", "c"]);
        assert_eq!(tables[0].rows[1].line, 6);
    }
}
