//! The URLs of a message's text: every `http://` and `https://` URL is a link, in the HTML page as
//! in the Markdown, and nothing else is a link in either (the Markdown keeps GitHub's autolinks of
//! `www.`, `ftp://` and e-mail addresses from making links the HTML page would lack).
//!
//! A URL starts with `http://` or `https://` (any case) at the start of a text or after a character
//! that is not a letter or digit, and runs over ASCII characters other than blanks, controls,
//! `<`, `>`, `"`, `\`, `` ` ``, `|`, `{`, `}`, `^` and an entity-like `&name;`; trailing
//! `.`, `,`, `:`, `;`, `!`, `?`, `'`, `*`, `_`, `~` and unbalanced `)` are not part of it (GFM's
//! rule). So `<https://example.com/a>` is the text `<`, the link `https://example.com/a` and `>`.

use super::text;

/// A piece of text: literal text or a URL to link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    /// Text shown as it is.
    Text(&'a str),
    /// A URL, shown as itself and linked.
    Url(&'a str),
}

/// Whether `text` may hold a URL: the fast path of the writers.
pub(crate) fn may_hold_url(text: &str) -> bool {
    text.as_bytes().windows(3).any(|w| w == b"://")
}

/// `text` as text and URL pieces, in order; the pieces concatenated are `text`.
pub(crate) fn pieces(text: &str) -> impl Iterator<Item = Piece<'_>> {
    let mut rest = text;
    let mut pending: Option<&str> = None;
    std::iter::from_fn(move || {
        if let Some(url) = pending.take() {
            return Some(Piece::Url(url));
        }
        if rest.is_empty() {
            return None;
        }
        match find_url(rest) {
            Some((start, end)) => {
                let (before, url, after) = (&rest[..start], &rest[start..end], &rest[end..]);
                rest = after;
                if before.is_empty() {
                    Some(Piece::Url(url))
                } else {
                    pending = Some(url);
                    Some(Piece::Text(before))
                }
            }
            None => {
                let all = rest;
                rest = "";
                Some(Piece::Text(all))
            }
        }
    })
}

/// The byte range of the first URL of `text`.
fn find_url(text: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("://") {
        let colon = from + found;
        from = colon + 3;
        let start = if ends_with_ignore_case(&bytes[..colon], b"https") {
            colon - 5
        } else if ends_with_ignore_case(&bytes[..colon], b"http") {
            colon - 4
        } else {
            continue;
        };
        if start > 0 && text[..start].chars().next_back().is_some_and(char::is_alphanumeric) {
            continue;
        }
        let mut end = colon + 3;
        while end < bytes.len() && is_url_byte(bytes[end]) && !is_entity(&bytes[end..]) {
            end += 1;
        }
        let end = start + trim_trailing(&text[start..end], colon + 3 - start);
        if bytes[colon + 3..end].iter().any(u8::is_ascii_alphanumeric) {
            return Some((start, end));
        }
    }
    None
}

fn ends_with_ignore_case(bytes: &[u8], suffix: &[u8]) -> bool {
    bytes.len() >= suffix.len() && bytes[bytes.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

fn is_url_byte(b: u8) -> bool {
    b.is_ascii_graphic() && !matches!(b, b'<' | b'>' | b'"' | b'\\' | b'`' | b'|' | b'{' | b'}' | b'^')
}

/// Whether `bytes` starts with what a Markdown reader would decode as an entity: `&name;`, `&#123;`.
fn is_entity(bytes: &[u8]) -> bool {
    bytes.first() == Some(&b'&') && {
        let name = bytes[1..].iter().take(32).take_while(|b| b.is_ascii_alphanumeric() || **b == b'#').count();
        name > 0 && bytes.get(1 + name) == Some(&b';')
    }
}

/// The length of the URL `url` once trailing punctuation and unbalanced `)` are dropped; never
/// less than `min`.
fn trim_trailing(url: &str, min: usize) -> usize {
    let bytes = url.as_bytes();
    let mut end = bytes.len();
    let opened = bytes.iter().filter(|b| **b == b'(').count();
    let mut closed = bytes.iter().filter(|b| **b == b')').count();
    while end > min {
        match bytes[end - 1] {
            b'.' | b',' | b':' | b';' | b'!' | b'?' | b'\'' | b'*' | b'_' | b'~' => end -= 1,
            b')' if closed > opened => {
                closed -= 1;
                end -= 1;
            }
            _ => break,
        }
    }
    end
}

/// [`text::push_html`], with every URL ([`pieces`]) a link.
pub(super) fn push_html_linked(out: &mut String, text: &str) {
    if !may_hold_url(text) {
        return text::push_html(out, text);
    }
    for piece in pieces(text) {
        match piece {
            Piece::Text(text) => text::push_html(out, text),
            Piece::Url(url) => {
                out.push_str("<a href=\"");
                text::push_html(out, url);
                out.push_str("\">");
                text::push_html(out, url);
                out.push_str("</a>");
            }
        }
    }
}

/// [`text::push_markdown`], with every URL ([`pieces`]) an autolink, `<https://…>`: the link is exactly
/// the URL whatever follows it (a URL holds no `<`, `>`, blank or `|`).
pub(super) fn push_markdown_linked(out: &mut String, text: &str) {
    if !may_hold_url(text) {
        return text::push_markdown(out, text);
    }
    for piece in pieces(text) {
        match piece {
            Piece::Text(text) => text::push_markdown(out, text),
            Piece::Url(url) => {
                out.push('<');
                out.push_str(url);
                out.push('>');
            }
        }
    }
}

/// Whether the character at `at` is where GitHub would see an autolink that is not a URL of
/// [`pieces`] (`ftp://`, `www.`): escaped, it is plain text, as on the HTML page.
pub(super) fn starts_autolink(text: &str, at: usize) -> bool {
    match text.as_bytes()[at] {
        b':' => text[at..].starts_with("://"),
        b'.' => at >= 3 && text.as_bytes()[at - 3..at].eq_ignore_ascii_case(b"www"),
        _ => false,
    }
}

/// What the Markdown writes for an `@` after `written`: GitHub (cmark-gfm) links an e-mail address
/// found in one text node whatever its backslashes and entities, so an `@` right after a character
/// of an address's local part gets an empty comment before it, which ends the text node; the
/// address is then plain text, as on the HTML page.
pub(super) fn at_sign(written: &str) -> &'static str {
    match written.as_bytes().last() {
        Some(c) if c.is_ascii_alphanumeric() || b".+-_".contains(c) => "<!-- -->@",
        _ => "@",
    }
}

/// Whether `text` holds something [`starts_autolink`] or [`at_sign`] escapes: the fast path of [`text::escape_markdown`].
pub(super) fn may_autolink(text: &str) -> bool {
    text.contains(['@', ':', '.'])
        && (text.contains('@') || text.contains("://") || {
            let lower = text.as_bytes();
            lower.windows(4).any(|w| w[..3].eq_ignore_ascii_case(b"www") && w[3] == b'.')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls(text: &str) -> Vec<&str> {
        pieces(text).filter_map(|p| if let Piece::Url(u) = p { Some(u) } else { None }).collect()
    }

    #[test]
    fn finds_http_urls_as_gfm_does() {
        assert_eq!(urls("see https://help.example.com/frozen."), ["https://help.example.com/frozen"]);
        assert_eq!(urls("<https://evil.example/a>"), ["https://evil.example/a"]);
        assert_eq!(urls("(see http://x.example/a_(b))"), ["http://x.example/a_(b)"]);
        assert_eq!(urls("详见 https://h.example/f。"), ["https://h.example/f"]);
        assert_eq!(urls("HTTPS://A.example/?a=1&b=2"), ["HTTPS://A.example/?a=1&b=2"]);
        assert_eq!(urls("https://a.example/&lt;b"), ["https://a.example/"]);
        assert_eq!(urls("xhttps://a.example ftp://b.example https:// x: javascript:alert(1)"), Vec::<&str>::new());
        assert_eq!(urls("a|https://a.example|b"), ["https://a.example"]);
    }

    #[test]
    fn pieces_concatenate_to_the_text() {
        for text in ["", "plain", "https://a.example", "a https://a.example b http://c.example.", "://"] {
            let joined: String = pieces(text)
                .map(|p| match p {
                    Piece::Text(t) | Piece::Url(t) => t,
                })
                .collect();
            assert_eq!(joined, text);
        }
    }
}
