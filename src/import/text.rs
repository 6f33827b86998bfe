//! Imported text: literal pieces and variables, and its Fluent source form.

/// A piece of imported text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text (may contain line breaks).
    Text(String),
    /// A variable, by name (`arg1`).
    Variable(String),
}

/// A text from a page, its placeholders as variables (see [`super::placeholders`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedText {
    /// The pieces, in order.
    pub pieces: Vec<Piece>,
}

impl ImportedText {
    /// Reads a text with placeholders of any style (the conversions are not kept).
    pub fn from_printf(text: &str) -> ImportedText {
        super::placeholders::convert(text).0
    }

    /// The text as [`Text::source`](crate::Text::source) writes it, to compare with a catalog's text.
    pub fn canonical(&self) -> String {
        self.pieces
            .iter()
            .map(|p| match p {
                Piece::Text(t) => t.clone(),
                Piece::Variable(v) => format!("{{ ${v} }}"),
            })
            .collect()
    }

    /// The text as a Fluent pattern, to follow `id = ` or `.attribute = `: braces and line-initial
    /// `[`, `*`, `.` escaped as string literals, lines after the first indented by four spaces.
    pub fn to_fluent(&self) -> String {
        let mut out = String::new();
        let mut at_line_start = true;
        for piece in &self.pieces {
            match piece {
                Piece::Variable(v) => {
                    out.push_str(&format!("{{ ${v} }}"));
                    at_line_start = false;
                }
                Piece::Text(text) => {
                    for c in text.chars() {
                        match c {
                            '\n' => {
                                out.push_str("\n    ");
                                at_line_start = true;
                                continue;
                            }
                            '{' | '}' => out.push_str(&format!("{{ \"{c}\" }}")),
                            '[' | '*' | '.' if at_line_start => out.push_str(&format!("{{ \"{c}\" }}")),
                            c if at_line_start && c.is_whitespace() => out.push_str(&format!("{{ \"{c}\" }}")),
                            c => out.push(c),
                        }
                        at_line_start = false;
                    }
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fluent_escapes() {
        let text = ImportedText::from_printf("use {x y}\n[a] and\n.b");
        assert_eq!(text.to_fluent(), "use { \"{\" }x y{ \"}\" }\n    { \"[\" }a] and\n    { \".\" }b");
    }
}
