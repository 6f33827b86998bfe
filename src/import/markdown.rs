//! Markdown pipe tables: a header row, a `|---|---|` delimiter row, then one row per line.
//! `\|` is a literal pipe; `<br>` starts a new paragraph inside a cell; inline tags such as
//! `<strong>` are dropped (their text kept) and entities decoded, as in HTML.

use super::{Forbidden, RawRow, RawTable};

/// Every pipe table of the page, in order.
pub(crate) fn tables(text: &str) -> Result<Vec<RawTable>, Forbidden> {
    let (offsets, lines) = super::lines_with_offsets(text);
    let mut tables = Vec::new();
    let mut i = 0;
    while i + 1 < lines.len() {
        if !is_row(lines[i]) || !is_delimiter(lines[i + 1]) {
            i += 1;
            continue;
        }
        let mut table = RawTable {
            header: cells(lines[i], offsets[i])?.into_iter().map(|c| c.join(" ")).collect(),
            header_line: i as u32 + 1,
            rows: Vec::new(),
        };
        i += 2;
        while i < lines.len() && is_row(lines[i]) {
            table.rows.push(RawRow { line: i as u32 + 1, cells: cells(lines[i], offsets[i])? });
            i += 1;
        }
        tables.push(table);
    }
    Ok(tables)
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

fn cells(line: &str, offset: usize) -> Result<Vec<Vec<String>>, Forbidden> {
    // Characters are checked on the raw line, where their offset is known; cells are decoded after.
    super::html::decode_entities(line, offset)?;
    split(line)
        .iter()
        .map(|cell| {
            let text = super::html::decode_entities(&strip_tags(cell), offset)?;
            Ok(text
                .split('\n')
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect())
        })
        .collect()
}

/// A cell's text with `<br>` as a line break and other inline tags (`<strong>`, `</a>`) removed.
fn strip_tags(cell: &str) -> String {
    let mut out = String::with_capacity(cell.len());
    let mut at = 0;
    // The next `>` at or after `at`, found once: searching again from every `<` would be quadratic.
    let mut next_gt = None;
    while let Some(lt) = cell[at..].find('<').map(|i| at + i) {
        out.push_str(&cell[at..lt]);
        if next_gt.is_none_or(|g| g <= lt) {
            next_gt = cell[lt..].find('>').map(|i| lt + i);
        }
        let name: String =
            cell[lt + 1..].trim_start_matches('/').chars().take_while(char::is_ascii_alphanumeric).collect();
        match next_gt {
            Some(gt)
                if name.starts_with(|c: char| c.is_ascii_alphabetic())
                    && cell[lt + 1..].find('<').is_none_or(|i| lt + 1 + i > gt) =>
            {
                if name.eq_ignore_ascii_case("br") || name.eq_ignore_ascii_case("p") {
                    out.push('\n');
                }
                at = gt + 1;
            }
            _ => {
                out.push('<');
                at = lt + 1;
            }
        }
    }
    out.push_str(&cell[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipe_table() {
        let page =
            "# Errors\n\n| Code | Message |\n|:---|---|\n| `A.1` | a \\| <strong>b</strong><br>c |\n|A.2|d|\n\nafter";
        let tables = tables(page).unwrap();
        assert_eq!(tables[0].header, ["Code", "Message"]);
        assert_eq!(tables[0].header_line, 3);
        assert_eq!(tables[0].rows.len(), 2);
        assert_eq!(tables[0].rows[0].cells[1], ["a | b", "c"]);
        assert_eq!(tables[0].rows[1].line, 6);
    }
}
