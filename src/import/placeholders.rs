//! Placeholders of every style a page uses, as Fluent variables.
//!
//! | On the page | Fluent |
//! |---|---|
//! | `%s` `%d` `%i` `%f` (flags, width, precision allowed: `%-5.2f`) | `{ $arg1 }`, `{ $arg2 }`… in order |
//! | `%2$s` | `{ $arg2 }` |
//! | `%(name)s` `%(name)d` | `{ $name }` |
//! | `{name}` `${name}` | `{ $name }` |
//! | `{0}` `{}` | `{ $arg1 }` (positions count from 1) |
//! | `%%` | `%` |
//!
//! A name that is not a Fluent identifier is made one (`user.name` → `user_name`, `1st` → `v1st`).
//! Braces that hold anything else (`{"a": 1}`, `{ x }`) stay literal text.

use super::text::{ImportedText, Piece};

/// One placeholder converted, for the import summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    /// As written on the page.
    pub from: String,
    /// As written in Fluent (`{ $arg1 }`, or `%` for `%%`).
    pub to: String,
}

/// Reads `text`, turning its placeholders into variables; returns the text and each conversion.
pub fn convert(text: &str) -> (ImportedText, Vec<Conversion>) {
    let mut pieces = Vec::new();
    let mut conversions = Vec::new();
    let mut literal = String::new();
    let mut next_position = 1;
    let mut rest = text;
    while let Some(at) = rest.find(['%', '{', '$']) {
        literal.push_str(&rest[..at]);
        let tail = &rest[at..];
        let found = match tail.as_bytes()[0] {
            b'%' => printf(tail),
            b'$' => dollar_brace(tail),
            _ => brace(tail),
        };
        match found {
            Some((length, Found::Percent)) => {
                literal.push('%');
                conversions.push(Conversion { from: tail[..length].into(), to: "%".into() });
                rest = &tail[length..];
            }
            Some((length, found)) => {
                let name = match found {
                    Found::Position(Some(n)) => format!("arg{n}"),
                    Found::Position(None) => {
                        next_position += 1;
                        format!("arg{}", next_position - 1)
                    }
                    Found::Name(name) => identifier(name),
                    Found::Percent => unreachable!("handled above"),
                };
                if !literal.is_empty() {
                    pieces.push(Piece::Text(std::mem::take(&mut literal)));
                }
                conversions.push(Conversion { from: tail[..length].into(), to: format!("{{ ${name} }}") });
                pieces.push(Piece::Variable(name));
                rest = &tail[length..];
            }
            None => {
                let c = tail.chars().next().unwrap_or('%');
                literal.push(c);
                rest = &tail[c.len_utf8()..];
            }
        }
    }
    literal.push_str(rest);
    if !literal.is_empty() {
        pieces.push(Piece::Text(literal));
    }
    (ImportedText { pieces }, conversions)
}

enum Found<'a> {
    /// `%%`.
    Percent,
    /// A positional placeholder: its 1-based position when written (`%2$s`, `{1}`), else the next.
    Position(Option<usize>),
    /// A named placeholder.
    Name(&'a str),
}

/// `%%`, `%s`, `%-5.2f`, `%2$s`, `%ld`, `%(name)s` at the start of `text`: its length and kind.
fn printf(text: &str) -> Option<(usize, Found<'_>)> {
    let bytes = text.as_bytes();
    if bytes.get(1) == Some(&b'%') {
        return Some((2, Found::Percent));
    }
    let mut i = 1;
    let mut found = Found::Position(None);
    if bytes.get(1) == Some(&b'(') {
        let close = text[2..].find(')')? + 2;
        let name = &text[2..close];
        if !is_name(name) {
            return None;
        }
        found = Found::Name(name);
        i = close + 1;
    } else {
        let digits = count(&bytes[i..], u8::is_ascii_digit);
        if digits > 0 && bytes.get(i + digits) == Some(&b'$') {
            let position: usize = text[i..i + digits].parse().ok().filter(|n| *n > 0)?;
            found = Found::Position(Some(position));
            i += digits + 1;
        }
    }
    i += count(&bytes[i..], |b| matches!(b, b'-' | b'+' | b'0' | b'#'));
    i += count(&bytes[i..], u8::is_ascii_digit);
    if bytes.get(i) == Some(&b'.') {
        let precision = count(&bytes[i + 1..], u8::is_ascii_digit);
        if precision == 0 {
            return None;
        }
        i += 1 + precision;
    }
    let long = count(&bytes[i..], |b| *b == b'l').min(2);
    i += long;
    let conversion = *bytes.get(i)?;
    let valid = if long > 0 { b"diuxX".contains(&conversion) } else { b"sdiufFxXeEgG".contains(&conversion) };
    valid.then_some((i + 1, found))
}

/// `{name}`, `{0}` or `{}` at the start of `text`.
fn brace(text: &str) -> Option<(usize, Found<'_>)> {
    let close = text[1..].find(['}', '{', ' ', '\n'])? + 1;
    if text.as_bytes()[close] != b'}' {
        return None;
    }
    let inner = &text[1..close];
    let found = if inner.is_empty() {
        Found::Position(None)
    } else if inner.bytes().all(|b| b.is_ascii_digit()) {
        Found::Position(Some(inner.parse::<usize>().ok()?.checked_add(1)?))
    } else if is_name(inner) {
        Found::Name(inner)
    } else {
        return None;
    };
    Some((close + 1, found))
}

/// `${name}` at the start of `text`.
fn dollar_brace(text: &str) -> Option<(usize, Found<'_>)> {
    if !text[1..].starts_with('{') {
        return None;
    }
    let (length, found) = brace(&text[1..])?;
    match found {
        Found::Name(_) | Found::Position(Some(_)) => Some((length + 1, found)),
        _ => None,
    }
}

fn count(bytes: &[u8], wanted: impl Fn(&u8) -> bool) -> usize {
    bytes.iter().take_while(|b| wanted(b)).count()
}

/// A placeholder name as pages write them: letters, digits, `_`, `.` and `-`, not only digits.
fn is_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 64
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'-'))
        && !name.bytes().all(|b| b.is_ascii_digit())
}

/// `name` as a Fluent identifier (`[A-Za-z][A-Za-z0-9_-]*`).
fn identifier(name: &str) -> String {
    let mut out: String = name.chars().map(|c| if c == '.' { '_' } else { c }).collect();
    if !out.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.insert(0, 'v');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fluent(text: &str) -> String {
        convert(text).0.canonical()
    }

    #[test]
    fn every_style_becomes_a_variable() {
        assert_eq!(fluent("%s 的配额 %d%% 已满，见 %1$s。"), "{ $arg1 } 的配额 { $arg2 }% 已满，见 { $arg1 }。");
        assert_eq!(fluent("%i items, %.2f GB, %-5ld"), "{ $arg1 } items, { $arg2 } GB, { $arg3 }");
        assert_eq!(fluent("Plan %(plan_id)s has %(count)d items"), "Plan { $plan_id } has { $count } items");
        assert_eq!(
            fluent("Item {checkpoint_item_id} of {0} and {}"),
            "Item { $checkpoint_item_id } of { $arg1 } and { $arg1 }"
        );
        assert_eq!(fluent("Hello ${user.name}, ${1st}"), "Hello { $user_name }, { $v1st }");
        let (_, conversions) = convert("%s and %(name)s");
        assert_eq!(
            conversions,
            [
                Conversion { from: "%s".into(), to: "{ $arg1 }".into() },
                Conversion { from: "%(name)s".into(), to: "{ $name }".into() }
            ]
        );
    }

    #[test]
    fn literal_percent_braces_and_dollars_stay_text() {
        for text in ["100% sure", "{\"a\": 1}", "{ x }", "{a b}", "$5", "$ {x y}", "% s", "%q", "%0$s", "50%.", "a}b{"]
        {
            assert_eq!(fluent(text), text, "{text}");
        }
    }
}
