//! Characters that make a text lie about itself: control characters and bidi controls.
//!
//! - **Control characters**: C0 (U+0000–U+001F) other than tab and line feed, DEL (U+007F) and C1
//!   (U+0080–U+009F). In a terminal `ESC` starts an escape sequence (colours, cursor moves, window
//!   titles), `CR` and `BS` overwrite what was printed, `BEL` rings; `NUL` cuts C strings short.
//! - **Bidi controls**: the embeddings, overrides and isolates U+202A–U+202E and U+2066–U+2069.
//!   They reorder how the text after them is displayed, up to the end of the paragraph:
//!   `invoice_\u{202e}fdp.exe` is shown as `invoice_exe.pdf` (the "Trojan Source" characters).
//!
//! The bidi *marks* U+200E LEFT-TO-RIGHT MARK, U+200F RIGHT-TO-LEFT MARK and U+061C ARABIC LETTER
//! MARK are not among them: they are invisible strong characters with no scope, which can only change
//! the side that neutral characters next to them (spaces, punctuation, digits) attach to. Arabic and
//! Hebrew text needs them, and they cannot turn `exe.pdf` into `pdf.exe`; they are left alone.
//!
//! `errcat check` reports both kinds (bidi controls unless `catalog.toml` says
//! `allow_bidi_controls = true`); the command line prints them escaped ([`escape`]); the HTML and
//! Markdown pages show them as visible markers (`<U+202E>`).

use std::borrow::Cow;

/// What is wrong with a character, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hazard {
    /// A control character (C0 other than tab and line feed, DEL, C1).
    Control,
    /// A bidi embedding, override or isolate.
    Bidi,
}

/// The hazard of `c`: tab, line feed and every other character are `None`.
pub fn hazard(c: char) -> Option<Hazard> {
    match c {
        '\t' | '\n' => None,
        '\u{0}'..='\u{1f}' | '\u{7f}'..='\u{9f}' => Some(Hazard::Control),
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Some(Hazard::Bidi),
        _ => None,
    }
}

/// True when `text` may hold a hazardous character: a byte-level pre-check, exact for ASCII; a
/// `true` only means the characters have to be looked at.
pub fn may_contain_hazard(text: &str) -> bool {
    // C0 and DEL are single bytes; C1 is 0xC2 0x80..=0x9F; the bidi controls start with 0xE2.
    text.bytes().any(|b| (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f || b == 0xc2 || b == 0xe2)
}

/// The first hazardous character of `text`: its byte offset, the character and the hazard.
pub fn find(text: &str) -> Option<(usize, char, Hazard)> {
    if !may_contain_hazard(text) {
        return None;
    }
    text.char_indices().find_map(|(i, c)| hazard(c).map(|h| (i, c, h)))
}

/// The name of a hazardous character, for messages: `U+001B ESCAPE`, `U+202E RIGHT-TO-LEFT OVERRIDE`.
pub fn describe(c: char) -> String {
    const C0: [&str; 32] = [
        "NULL",
        "START OF HEADING",
        "START OF TEXT",
        "END OF TEXT",
        "END OF TRANSMISSION",
        "ENQUIRY",
        "ACKNOWLEDGE",
        "BELL",
        "BACKSPACE",
        "CHARACTER TABULATION",
        "LINE FEED",
        "LINE TABULATION",
        "FORM FEED",
        "CARRIAGE RETURN",
        "SHIFT OUT",
        "SHIFT IN",
        "DATA LINK ESCAPE",
        "DEVICE CONTROL ONE",
        "DEVICE CONTROL TWO",
        "DEVICE CONTROL THREE",
        "DEVICE CONTROL FOUR",
        "NEGATIVE ACKNOWLEDGE",
        "SYNCHRONOUS IDLE",
        "END OF TRANSMISSION BLOCK",
        "CANCEL",
        "END OF MEDIUM",
        "SUBSTITUTE",
        "ESCAPE",
        "FILE SEPARATOR",
        "GROUP SEPARATOR",
        "RECORD SEPARATOR",
        "UNIT SEPARATOR",
    ];
    let name = match c as u32 {
        n @ 0..=0x1f => C0[n as usize],
        0x7f => "DELETE",
        0x80..=0x9f => "C1 CONTROL",
        0x202a => "LEFT-TO-RIGHT EMBEDDING",
        0x202b => "RIGHT-TO-LEFT EMBEDDING",
        0x202c => "POP DIRECTIONAL FORMATTING",
        0x202d => "LEFT-TO-RIGHT OVERRIDE",
        0x202e => "RIGHT-TO-LEFT OVERRIDE",
        0x2066 => "LEFT-TO-RIGHT ISOLATE",
        0x2067 => "RIGHT-TO-LEFT ISOLATE",
        0x2068 => "FIRST STRONG ISOLATE",
        0x2069 => "POP DIRECTIONAL ISOLATE",
        _ => return format!("U+{:04X}", c as u32),
    };
    format!("U+{:04X} {name}", c as u32)
}

/// `text` with every hazardous character written as a Rust-style escape (`\u{1b}`, `\u{202e}`), for
/// a terminal or a log: what the text really holds, and nothing a terminal would act on. Tab and line
/// feed stay; a backslash is not escaped, so a text that already says `\u{1b}` looks the same.
pub fn escape(text: &str) -> Cow<'_, str> {
    let Some((first, _, _)) = find(text) else { return Cow::Borrowed(text) };
    let mut out = String::with_capacity(text.len() + 16);
    out.push_str(&text[..first]);
    for c in text[first..].chars() {
        push_escaped(&mut out, c);
    }
    Cow::Owned(out)
}

/// Appends `c`, escaped (`\u{1b}`) when it is hazardous.
pub fn push_escaped(out: &mut String, c: char) {
    if hazard(c).is_some() {
        out.push_str(&format!("\\u{{{:x}}}", c as u32));
    } else {
        out.push(c);
    }
}

/// JSON text with DEL, C1 controls and bidi controls inside its strings written as `\uXXXX`:
/// serde_json escapes C0 but writes those as they are. The parsed value is the same.
pub fn escape_json(json: String) -> String {
    // Outside strings JSON is ASCII, so every such character is inside a string.
    if !json.chars().any(|c| hazard(c).is_some() && c > '\u{1f}') {
        return json;
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if hazard(c).is_some() && c > '\u{1f}' {
            out.push_str(&format!("\\u{:04x}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_controls_and_bidi_controls_and_leaves_marks() {
        for c in ['\0', '\u{7}', '\u{1b}', '\r', '\u{7f}', '\u{85}', '\u{9f}'] {
            assert_eq!(hazard(c), Some(Hazard::Control), "{c:?}");
        }
        for c in ['\u{202a}', '\u{202e}', '\u{2066}', '\u{2069}'] {
            assert_eq!(hazard(c), Some(Hazard::Bidi), "{c:?}");
        }
        for c in ['\t', '\n', ' ', 'a', '好', '\u{a0}', '\u{200e}', '\u{200f}', '\u{61c}', '\u{2029}', '\u{206a}'] {
            assert_eq!(hazard(c), None, "{c:?}");
        }
    }

    #[test]
    fn the_byte_precheck_never_misses() {
        for n in 0..=0x2100u32 {
            if let Some(c) = char::from_u32(n) {
                if hazard(c).is_some() {
                    assert!(may_contain_hazard(&c.to_string()), "{c:?}");
                }
            }
        }
    }

    #[test]
    fn escapes_what_a_terminal_would_act_on() {
        assert_eq!(escape("plain\ttext\n"), "plain\ttext\n");
        assert!(matches!(escape("备份策略"), Cow::Borrowed(_)));
        assert_eq!(escape("a\u{1b}[31mred\u{7}"), "a\\u{1b}[31mred\\u{7}");
        assert_eq!(escape("invoice_\u{202e}fdp.exe"), "invoice_\\u{202e}fdp.exe");
        assert_eq!(escape("\0\r\u{85}"), "\\u{0}\\u{d}\\u{85}");
        assert_eq!(describe('\u{1b}'), "U+001B ESCAPE");
        assert_eq!(describe('\u{202e}'), "U+202E RIGHT-TO-LEFT OVERRIDE");
    }

    #[test]
    fn json_escapes_keep_the_value() {
        let json = serde_json::to_string("a\u{202e}b\u{1b}c\u{85}").unwrap();
        let escaped = escape_json(json);
        assert_eq!(escaped, r#""a\u202eb\u001bc\u0085""#);
        assert_eq!(serde_json::from_str::<String>(&escaped).unwrap(), "a\u{202e}b\u{1b}c\u{85}");
    }
}
