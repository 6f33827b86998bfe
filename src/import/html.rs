//! HTML tables, read in one pass over the page whatever its line layout.
//!
//! - `<table>`, `<tr>`, `<th>`/`<td>` with `rowspan` and `colspan`: a cell that spans rows is
//!   repeated in each of them (a "Module" cell over 17 rows names the module of all 17); a cell
//!   that spans columns fills the first and leaves the others empty.
//! - Inside a cell `<p>`, `<br>`, `<div>` and `<li>` start a new paragraph; other tags (`<strong>`,
//!   `<a>`, `<span>`) are dropped and their text kept; entities are decoded; white space collapses.
//! - A table inside a cell stays in that cell: each of its rows becomes a paragraph, its cells
//!   joined by ` | `.
//! - `<script>`, `<style>`, `<template>`, comments and `<!…>` declarations are skipped.
//! - Rows of `<th>` cells or in `<thead>` (or, without them, the first row) are the header; with
//!   several, the last names the columns.

use super::{Forbidden, RawRow, RawTable};
use crate::runtime::diagnostic::LineIndex;
use memchr::{memchr, memmem};

/// The most columns a row may have.
pub(crate) const MAX_COLUMNS: usize = 64;

/// Every table of the page that is not inside another table's cell, in order.
pub(crate) fn tables(text: &str) -> Result<Vec<RawTable>, Forbidden> {
    let index = LineIndex::new(text);
    let bytes = text.as_bytes();
    let mut reader = Reader { tables: Vec::new(), open: Vec::new(), budget: 4 * text.len() + (1 << 20) };
    let mut at = 0;
    while let Some(lt) = memchr(b'<', &bytes[at..]).map(|i| at + i) {
        reader.text(&text[at..lt], at)?;
        at = lt + 1;
        if bytes[lt + 1..].starts_with(b"!--") {
            at = memmem::find(&bytes[lt + 4..], b"-->").map_or(text.len(), |i| lt + 4 + i + 3);
            continue;
        }
        if matches!(bytes.get(lt + 1), Some(b'!' | b'?')) {
            at = memchr(b'>', &bytes[lt..]).map_or(text.len(), |i| lt + i + 1);
            continue;
        }
        let closing = bytes.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(closing);
        let name_len = bytes[name_start..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 || !bytes[name_start].is_ascii_alphabetic() {
            // `a < b`, `<3`: a literal `<`.
            reader.text("<", lt)?;
            continue;
        }
        let name = text[name_start..name_start + name_len].to_ascii_lowercase();
        let end = tag_end(bytes, name_start + name_len);
        // Without its `>` (the page ends inside the tag) the attributes run to the end of the page;
        // `end - 1` would then cut into the last character.
        let attributes_end = if bytes[end - 1] == b'>' { end - 1 } else { end };
        let attributes = &text[name_start + name_len..attributes_end.max(name_start + name_len)];
        at = end;
        if !closing && matches!(name.as_str(), "script" | "style" | "template" | "textarea") {
            at = raw_text_end(bytes, end, name.as_bytes());
            continue;
        }
        reader.tag(&name, closing, attributes, index.line(lt))?;
    }
    reader.text(&text[at..], at)?;
    while !reader.open.is_empty() {
        reader.close_table()?;
    }
    Ok(reader.tables)
}

/// The offset after the `>` that ends a tag whose name ends at `from` (quoted values may hold `>`).
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut quote = None;
    for (i, &b) in bytes[from..].iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), b) if b == q => quote = None,
            (None, b'>') => return from + i + 1,
            _ => {}
        }
    }
    bytes.len()
}

/// The offset after `</name …>` (any case), searching from `from`; the end of the page without one.
fn raw_text_end(bytes: &[u8], from: usize, name: &[u8]) -> usize {
    let finder = memmem::Finder::new(b"</");
    let mut at = from;
    while let Some(i) = finder.find(&bytes[at..]) {
        let start = at + i + 2;
        let candidate = bytes.get(start..start + name.len());
        if candidate.is_some_and(|c| c.eq_ignore_ascii_case(name)) {
            return memchr(b'>', &bytes[start..]).map_or(bytes.len(), |j| start + j + 1);
        }
        at = start;
    }
    bytes.len()
}

/// The value of attribute `wanted` in the text of a tag after its name.
fn attribute<'a>(attributes: &'a str, wanted: &str) -> Option<&'a str> {
    let mut rest = attributes.trim_start_matches([' ', '\t', '\n', '/']);
    while !rest.is_empty() {
        let name_len = rest.find(|c: char| c.is_whitespace() || c == '=' || c == '/').unwrap_or(rest.len());
        let name = &rest[..name_len];
        rest = rest[name_len..].trim_start();
        let mut value = "";
        if let Some(after) = rest.strip_prefix('=') {
            let after = after.trim_start();
            let (v, tail) = match after.chars().next() {
                Some(q @ ('"' | '\'')) => after[1..].split_once(q).unwrap_or((&after[1..], "")),
                _ => after.split_at(after.find(char::is_whitespace).unwrap_or(after.len())),
            };
            value = v;
            rest = tail;
        }
        if name.eq_ignore_ascii_case(wanted) {
            return Some(value);
        }
        rest = rest.trim_start_matches([' ', '\t', '\n', '/']);
    }
    None
}

/// A span attribute as a count: at least 1, at most `max` (`rowspan="0"`, "to the end of the
/// table", is `max`).
fn span(attributes: &str, name: &str, max: usize) -> usize {
    match attribute(attributes, name).map(|v| v.trim().parse::<usize>()) {
        Some(Ok(0)) => max,
        Some(Ok(n)) => n.clamp(1, max),
        _ => 1,
    }
}

struct Reader {
    tables: Vec<RawTable>,
    /// The tables being read, innermost last.
    open: Vec<Grid>,
    /// How many more bytes merged cells may repeat: keeps a page of spans linear in its size.
    budget: usize,
}

impl Reader {
    fn text(&mut self, raw: &str, offset: usize) -> Result<(), Forbidden> {
        let Some(cell) = self.open.last_mut().and_then(|g| g.cell.as_mut()) else {
            return Ok(());
        };
        let decoded = decode_entities(raw, offset)?;
        match cell.paragraphs.last_mut() {
            Some(paragraph) => paragraph.push_str(&decoded),
            None => cell.paragraphs.push(decoded),
        }
        Ok(())
    }

    fn tag(&mut self, name: &str, closing: bool, attributes: &str, line: u32) -> Result<(), Forbidden> {
        if name == "table" {
            if closing {
                return self.close_table();
            }
            self.open.push(Grid::default());
            return Ok(());
        }
        let Some(grid) = self.open.last_mut() else {
            return Ok(());
        };
        match (name, closing) {
            ("thead", _) => grid.in_head = !closing,
            ("tr", false) => {
                grid.end_row(&mut self.budget)?;
                grid.row = Some(RowBuilder { line, cells: Vec::new(), header: grid.in_head });
            }
            ("tr", true) => grid.end_row(&mut self.budget)?,
            ("td" | "th", false) => {
                grid.end_cell();
                if grid.row.is_none() {
                    grid.row = Some(RowBuilder { line, cells: Vec::new(), header: grid.in_head });
                }
                grid.cell = Some(CellBuilder {
                    paragraphs: vec![String::new()],
                    colspan: span(attributes, "colspan", MAX_COLUMNS),
                    rowspan: span(attributes, "rowspan", 65534),
                    header: name == "th",
                });
            }
            ("td" | "th", true) => grid.end_cell(),
            ("p" | "br" | "div" | "li" | "ul" | "ol" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "pre", _) => {
                if let Some(cell) = grid.cell.as_mut() {
                    cell.paragraphs.push(String::new());
                }
            }
            _ => {}
        }
        Ok(())
    }

    /// Ends the innermost table: into the cell that holds it, else into the page's tables.
    fn close_table(&mut self) -> Result<(), Forbidden> {
        let Some(mut grid) = self.open.pop() else {
            return Ok(());
        };
        grid.end_row(&mut self.budget)?;
        match self.open.last_mut().and_then(|outer| outer.cell.as_mut()) {
            Some(cell) => {
                for row in grid.rows {
                    let texts: Vec<String> = row.cells.iter().map(|c| c.join(" ")).filter(|c| !c.is_empty()).collect();
                    cell.paragraphs.push(texts.join(" | "));
                }
                cell.paragraphs.push(String::new());
            }
            None => self.tables.push(grid.finish()),
        }
        Ok(())
    }
}

#[derive(Default)]
struct Grid {
    rows: Vec<GridRow>,
    row: Option<RowBuilder>,
    cell: Option<CellBuilder>,
    in_head: bool,
    /// Per column, a cell of an earlier row that still spans: rows left and its text.
    spanning: Vec<Option<(usize, Vec<String>)>>,
}

struct GridRow {
    line: u32,
    cells: Vec<Vec<String>>,
    header: bool,
}

struct RowBuilder {
    line: u32,
    cells: Vec<CellBuilder>,
    header: bool,
}

struct CellBuilder {
    paragraphs: Vec<String>,
    colspan: usize,
    rowspan: usize,
    header: bool,
}

impl Grid {
    fn end_cell(&mut self) {
        if let (Some(mut cell), Some(row)) = (self.cell.take(), self.row.as_mut()) {
            cell.paragraphs = cell
                .paragraphs
                .iter()
                .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|p| !p.is_empty())
                .collect();
            row.cells.push(cell);
        }
    }

    /// Lays the row's cells out on the columns left free by cells spanning from rows above.
    fn end_row(&mut self, budget: &mut usize) -> Result<(), Forbidden> {
        self.end_cell();
        let Some(row) = self.row.take() else {
            return Ok(());
        };
        if row.cells.is_empty() {
            return Ok(());
        }
        let header = row.header || row.cells.iter().all(|c| c.header);
        let mut cells: Vec<Vec<String>> = Vec::new();
        let mut column = 0;
        for cell in row.cells {
            column = self.fill_spanning(&mut cells, column, false, budget)?;
            if column >= MAX_COLUMNS {
                return Err(Forbidden::TooWide { line: row.line });
            }
            let width = cell.colspan.min(MAX_COLUMNS - column);
            if self.spanning.len() < column + width {
                self.spanning.resize(column + width, None);
            }
            if cell.rowspan > 1 {
                self.spanning[column] = Some((cell.rowspan - 1, cell.paragraphs.clone()));
                for extra in 1..width {
                    self.spanning[column + extra] = Some((cell.rowspan - 1, Vec::new()));
                }
            }
            cells.resize(column, Vec::new());
            cells.push(cell.paragraphs);
            cells.resize(column + width, Vec::new());
            column += width;
        }
        self.fill_spanning(&mut cells, column, true, budget)?;
        self.rows.push(GridRow { line: row.line, cells, header });
        Ok(())
    }

    /// Copies cells spanning from above into `cells` from `column` on: up to the first free column,
    /// or (`to_end`) through every spanning column. Returns the next free column.
    fn fill_spanning(
        &mut self,
        cells: &mut Vec<Vec<String>>,
        mut column: usize,
        to_end: bool,
        budget: &mut usize,
    ) -> Result<usize, Forbidden> {
        while column < self.spanning.len() {
            let Some((left, text)) = self.spanning[column].as_mut() else {
                if to_end {
                    column += 1;
                    continue;
                }
                break;
            };
            let size = 24 + text.iter().map(String::len).sum::<usize>();
            *budget = budget.checked_sub(size).ok_or(Forbidden::SpanBudget)?;
            cells.resize(column, Vec::new());
            cells.push(text.clone());
            *left -= 1;
            if *left == 0 {
                self.spanning[column] = None;
            }
            column += 1;
        }
        Ok(column)
    }

    fn finish(self) -> RawTable {
        let mut rows = self.rows.into_iter().peekable();
        let mut table = RawTable::default();
        let mut header_rows = Vec::new();
        if rows.peek().is_some_and(|r| r.header) {
            while let Some(row) = rows.next_if(|r| r.header) {
                header_rows.push(row);
            }
        } else if let Some(row) = rows.next() {
            header_rows.push(row);
        }
        if let Some(header) = header_rows.pop() {
            table.header_line = header.line;
            table.header = header.cells.into_iter().map(|c| c.join(" ")).collect();
        }
        table.rows = rows.map(|r| RawRow { line: r.line, cells: r.cells }).collect();
        table
    }
}

/// Decodes the character references of HTML text (`&amp;`, `&#20320;`, `&#x4F60;`, ...); a control
/// or bidi control character, written or referenced, is refused with its offset (`base` is the
/// offset of `text` in the page).
pub(crate) fn decode_entities(text: &str, base: usize) -> Result<String, Forbidden> {
    if let Some((i, c, _)) = crate::runtime::hygiene::find(text) {
        return Err(Forbidden::Character { offset: base + i, character: c });
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        // Only the next 11 bytes can close an entity: searching further made `&&&…` quadratic.
        let end = after.bytes().take(11).position(|b| b == b';');
        let decoded = end.and_then(|e| entity(&after[..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                if crate::runtime::hygiene::hazard(c).is_some() || c == '\0' {
                    let offset = base + (text.len() - rest.len()) + at;
                    return Err(Forbidden::Character { offset, character: c });
                }
                out.push(c);
                rest = &after[e + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Ok(out)
}

fn entity(name: &str) -> Option<char> {
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "ensp" | "emsp" | "thinsp" => ' ',
        "ndash" => '–',
        "mdash" => '—',
        "hellip" => '…',
        "lsquo" => '‘',
        "rsquo" => '’',
        "ldquo" => '“',
        "rdquo" => '”',
        "middot" => '·',
        "times" => '×',
        "copy" => '©',
        "reg" => '®',
        _ => {
            let number = name.strip_prefix('#')?;
            let value = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            // `&#0;` and references to surrogates are invalid; they are refused, not replaced.
            return Some(char::from_u32(value).unwrap_or('\0'));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ampersand_flood_is_decoded_in_one_pass() {
        // Each `&` searched the rest of the text for a `;`: a megabyte of `&` took hours.
        let flood = "&".repeat(1 << 20);
        assert_eq!(decode_entities(&flood, 0).unwrap(), flood);
        assert_eq!(decode_entities(&format!("{flood}amp;"), 0).unwrap(), format!("{}&", &flood[1..]));
        assert_eq!(decode_entities("&abcdefghij;&abcdefghijk;&#x4F60;", 0).unwrap(), "&abcdefghij;&abcdefghijk;你");
    }

    #[test]
    fn control_and_bidi_characters_are_refused_with_their_offset() {
        assert_eq!(decode_entities("ab&#0;", 10), Err(Forbidden::Character { offset: 12, character: '\0' }));
        assert_eq!(decode_entities("a&#x202E;", 0), Err(Forbidden::Character { offset: 1, character: '\u{202e}' }));
        assert_eq!(decode_entities("x\u{1b}", 5), Err(Forbidden::Character { offset: 6, character: '\u{1b}' }));
        assert_eq!(decode_entities("&#xD800;", 0), Err(Forbidden::Character { offset: 0, character: '\0' }));
    }

    #[test]
    fn a_tag_flood_on_one_line_is_read_in_one_pass() {
        let page = format!("<table><tr><th>Code</th></tr><tr><td>A.1{}</td></tr></table>", "<br>".repeat(1 << 18));
        let tables = tables(&page).unwrap();
        assert_eq!(tables[0].rows[0].cells, [vec!["A.1".to_string()]]);
    }

    #[test]
    fn cells_paragraphs_and_entities() {
        let page = "<p>intro</p>\n<table><thead><tr><th>Code</th><th>Description</th></tr></thead>\n<tbody>\n\
                    <tr><td><p>A.1</p></td><td><p>x &lt; y&#x4F60;</p><p>second\n  line</p></td></tr>\n</tbody></table>";
        let tables = tables(page).unwrap();
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].header, ["Code", "Description"]);
        assert_eq!(tables[0].header_line, 2);
        assert_eq!(tables[0].rows[0].line, 4);
        assert_eq!(tables[0].rows[0].cells, [vec!["A.1".to_string()], vec!["x < y你".into(), "second line".into()]]);
    }

    fn texts(table: &RawTable) -> Vec<Vec<String>> {
        table.rows.iter().map(|r| r.cells.iter().map(|c| c.join("/")).collect()).collect()
    }

    #[test]
    fn rowspan_and_colspan_keep_columns_in_place() {
        let page = "<table><tr><th>M</th><th>S</th><th>C</th></tr>\
                    <tr><td rowspan='3'>mod</td><td rowspan=2>400</td><td>A.1</td></tr>\
                    <tr><td>A.2</td></tr>\
                    <tr><td>500</td><td>A.3</td></tr>\
                    <tr><td colspan=\"2\">wide</td><td>A.4</td></tr></table>";
        let tables = tables(page).unwrap();
        assert_eq!(
            texts(&tables[0]),
            [["mod", "400", "A.1"], ["mod", "400", "A.2"], ["mod", "500", "A.3"], ["wide", "", "A.4"]]
        );
    }

    #[test]
    fn script_style_comments_skipped_nested_table_kept_in_its_cell() {
        let page = "<style>td{x}</style><table><tr><th>C</th><th>D</th></tr><!-- <tr><td>X.1</td></tr> -->\
                    <tr><td>A.1</td><td>see<script>var s = '</td>';</SCRIPT>\
                    <table><tr><td>k</td><td>v</td></tr><tr><td>k2</td><td>v2</td></tr></table>end</td></tr></table>";
        let tables = tables(page).unwrap();
        assert_eq!(tables.len(), 1);
        assert_eq!(texts(&tables[0]), [["A.1", "see/k | v/k2 | v2/end"]]);
    }
}
