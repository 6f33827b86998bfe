//! HTML tables, read tolerantly: `<table>`, `<tr>`, `<th>`/`<td>`; inside a cell `<p>`, `<br>`,
//! `<div>` and `<li>` start a new paragraph; other tags are dropped, entities decoded, white space
//! collapsed as a browser would. Rows of `<th>` cells (or, without them, the first row) are the header.

use super::{RawRow, RawTable};
use crate::runtime::diagnostic::LineIndex;

/// Every top-level table of the page, in order.
pub(crate) fn tables(text: &str) -> Vec<RawTable> {
    let index = LineIndex::new(text);
    let mut tables = Vec::new();
    let mut table: Option<Builder> = None;
    let mut depth = 0usize;
    let mut rest = 0usize;
    while rest < text.len() {
        let Some(open) = text[rest..].find('<').map(|i| rest + i) else {
            if let Some(t) = table.as_mut() {
                t.text(&text[rest..]);
            }
            break;
        };
        if let Some(t) = table.as_mut() {
            t.text(&text[rest..open]);
        }
        if text[open..].starts_with("<!--") {
            rest = text[open..].find("-->").map_or(text.len(), |i| open + i + 3);
            continue;
        }
        // An unclosed `<` runs to the end of the text; slicing one byte short of the end could cut a character.
        let (tag, close) = match text[open..].find('>') {
            Some(i) => (&text[open + 1..open + i], open + i + 1),
            None => (&text[open + 1..], text.len()),
        };
        rest = close;
        let closing = tag.starts_with('/');
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        let line = index.line(open);
        match (name.as_str(), closing) {
            ("table", false) => {
                depth += 1;
                if depth == 1 {
                    table = Some(Builder::default());
                }
            }
            ("table", true) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some(t) = table.take() {
                        tables.push(t.finish());
                    }
                }
            }
            _ => {
                if let Some(t) = table.as_mut() {
                    t.tag(&name, closing, line);
                }
            }
        }
    }
    if let Some(t) = table.take() {
        tables.push(t.finish());
    }
    tables
}

#[derive(Default)]
struct Builder {
    rows: Vec<(RawRow, bool)>,
    row: Option<(RawRow, bool)>,
    cell: Option<Vec<String>>,
    in_head: bool,
}

impl Builder {
    fn text(&mut self, raw: &str) {
        if let Some(cell) = self.cell.as_mut() {
            let decoded = decode_entities(raw);
            match cell.last_mut() {
                Some(paragraph) => paragraph.push_str(&decoded),
                None => cell.push(decoded),
            }
        }
    }

    fn tag(&mut self, name: &str, closing: bool, line: u32) {
        match (name, closing) {
            ("thead", _) => self.in_head = !closing,
            ("tr", false) => {
                self.end_row();
                self.row = Some((RawRow { line, cells: Vec::new() }, self.in_head));
            }
            ("tr", true) => self.end_row(),
            ("td" | "th", false) => {
                self.end_cell();
                if self.row.is_none() {
                    self.row = Some((RawRow { line, cells: Vec::new() }, self.in_head));
                }
                if let Some((_, header)) = self.row.as_mut() {
                    *header |= name == "th";
                }
                self.cell = Some(vec![String::new()]);
            }
            ("td" | "th", true) => self.end_cell(),
            ("p" | "br" | "div" | "li", _) => {
                if let Some(cell) = self.cell.as_mut() {
                    cell.push(String::new());
                }
            }
            _ => {}
        }
    }

    fn end_cell(&mut self) {
        if let (Some(cell), Some((row, _))) = (self.cell.take(), self.row.as_mut()) {
            let paragraphs =
                cell.iter().map(|p| p.split_whitespace().collect::<Vec<_>>().join(" ")).filter(|p| !p.is_empty());
            row.cells.push(paragraphs.collect());
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(row) = self.row.take() {
            self.rows.push(row);
        }
    }

    fn finish(mut self) -> RawTable {
        self.end_row();
        let mut rows = self.rows.into_iter().filter(|(row, _)| !row.cells.is_empty()).peekable();
        let mut table = RawTable::default();
        let first_is_header = rows.peek().is_some_and(|(_, header)| *header);
        let mut header_rows = Vec::new();
        if first_is_header {
            while let Some((row, _)) = rows.next_if(|(_, header)| *header) {
                header_rows.push(row);
            }
        } else if let Some((row, _)) = rows.next() {
            header_rows.push(row);
        }
        // With several header rows, the last one names the columns.
        if let Some(header) = header_rows.pop() {
            table.header_line = header.line;
            table.header = header.cells.into_iter().map(|c| c.join(" ")).collect();
        }
        table.rows = rows.map(|(row, _)| row).collect();
        table
    }
}

/// Decodes the character references of HTML text (`&amp;`, `&#20320;`, `&#x4F60;`, ...).
pub(crate) fn decode_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        // Only the next 11 bytes can close an entity: searching further made `&&&…` quadratic.
        let end = after.bytes().take(11).position(|b| b == b';');
        let decoded = end.and_then(|e| {
            let name = &after[..e];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" | "#39" => '\'',
                "nbsp" => ' ',
                _ => {
                    let number = name.strip_prefix('#')?;
                    let value = match number.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                        None => number.parse().ok()?,
                    };
                    char::from_u32(value)?
                }
            };
            Some((c, e))
        });
        match decoded {
            Some((c, e)) => {
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
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ampersand_flood_is_decoded_in_one_pass() {
        // Each `&` searched the rest of the text for a `;`: a megabyte of `&` took hours.
        let flood = "&".repeat(1 << 20);
        assert_eq!(decode_entities(&flood), flood);
        assert_eq!(decode_entities(&format!("{flood}amp;")), format!("{}&", &flood[1..]));
        assert_eq!(decode_entities("&abcdefghij;&abcdefghijk;&#x4F60;"), "&abcdefghij;&abcdefghijk;你");
    }

    #[test]
    fn a_tag_flood_on_one_line_is_read_in_one_pass() {
        // Each tag's line was found by counting the characters before it on its line: quadratic.
        let page = format!("<table><tr><th>Code</th></tr><tr><td>A.1{}</td></tr></table>", "<br>".repeat(1 << 18));
        let tables = tables(&page);
        assert_eq!(tables[0].rows[0].cells, [vec!["A.1".to_string()]]);
    }

    #[test]
    fn cells_paragraphs_and_entities() {
        let page = "<p>intro</p>\n<table><thead><tr><th>Code</th><th>Description</th></tr></thead>\n<tbody>\n\
                    <tr><td><p>A.1</p></td><td><p>x &lt; y&#x4F60;</p><p>second\n  line</p></td></tr>\n</tbody></table>";
        let tables = tables(page);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].header, ["Code", "Description"]);
        assert_eq!(tables[0].header_line, 2);
        assert_eq!(tables[0].rows[0].line, 4);
        assert_eq!(tables[0].rows[0].cells, [vec!["A.1".to_string()], vec!["x < y你".into(), "second line".into()]]);
    }
}
