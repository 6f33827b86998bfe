//! Imported text: printf placeholders as Fluent variables, and its Fluent source form.

/// A piece of imported text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Literal text (may contain line breaks).
    Text(String),
    /// A variable, by name (`arg1`).
    Variable(String),
}

/// A description or suggestion from a page.
///
/// Placeholders become variables named by their position in the text: the first `%s`
/// (or `%d`, `%i`, `%u`, `%f`, `%x`, `%g`, `%e`) is `{ $arg1 }`, the second `{ $arg2 }`, and
/// `%2$s` is `{ $arg2 }`; `%%` is a literal `%`. Each text is numbered on its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportedText {
    /// The pieces, in order.
    pub pieces: Vec<Piece>,
}

impl ImportedText {
    /// Reads a text with printf placeholders.
    pub fn from_printf(text: &str) -> ImportedText {
        let mut pieces = Vec::new();
        let mut literal = String::new();
        let mut next = 1;
        let mut rest = text;
        while let Some(at) = rest.find('%') {
            literal.push_str(&rest[..at]);
            let after = &rest[at + 1..];
            if let Some(tail) = after.strip_prefix('%') {
                literal.push('%');
                rest = tail;
                continue;
            }
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let (position, spec) = match after[digits..].strip_prefix('$') {
                Some(spec) if digits > 0 => (after[..digits].parse::<usize>().ok(), spec),
                _ => (None, after),
            };
            match spec.chars().next() {
                Some(c) if "sdiufxXgeE".contains(c) => {
                    if !literal.is_empty() {
                        pieces.push(Piece::Text(std::mem::take(&mut literal)));
                    }
                    let number = position.unwrap_or_else(|| {
                        next += 1;
                        next - 1
                    });
                    pieces.push(Piece::Variable(format!("arg{number}")));
                    rest = &spec[c.len_utf8()..];
                }
                _ => {
                    literal.push('%');
                    rest = after;
                }
            }
        }
        literal.push_str(rest);
        if !literal.is_empty() {
            pieces.push(Piece::Text(literal));
        }
        ImportedText { pieces }
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
    fn placeholders_become_numbered_variables() {
        let text = ImportedText::from_printf("%s 的配额 %d%% 已满，见 %1$s。");
        assert_eq!(text.canonical(), "{ $arg1 } 的配额 { $arg2 }% 已满，见 { $arg1 }。");
        assert_eq!(ImportedText::from_printf("100% sure %q").canonical(), "100% sure %q");
    }

    #[test]
    fn fluent_escapes() {
        let text = ImportedText::from_printf("use {x}\n[a] and\n.b");
        assert_eq!(text.to_fluent(), "use { \"{\" }x{ \"}\" }\n    { \"[\" }a] and\n    { \".\" }b");
    }
}
