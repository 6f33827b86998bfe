//! Message text as the outputs show it.
//!
//! A message may use a small inline subset of CommonMark: `**strong**`,
//! `*emphasis*`, `` `code` `` and line breaks. Everything else a message says
//! is shown literally, as written: raw HTML, links, headings, lists, tables
//! and every other construct become plain text. Each output gets the same
//! structure, written in its own syntax:
//!
//! - HTML: `<strong>`, `<em>`, `<code>`, `<br>`, all text escaped;
//! - Markdown: `**`, `*`, code spans and `<br>`, all other Markdown
//!   punctuation backslash-escaped, so a `|` never splits a table cell;
//! - plain text: the visible characters only (what the tests compare).
//!
//! Control characters and bidi controls ([`crate::hygiene`]) are shown in HTML and Markdown as a
//! visible marker, `<U+202E>`, instead of the character: a page shows what the text really holds,
//! and `invoice_\u{202e}fdp.exe` cannot pass for `invoice_exe.pdf`.

use super::links;
use crate::hygiene;
use pulldown_cmark::{Event, Parser, Tag, TagEnd};
use std::borrow::Cow;

/// The one place where the Markdown dialect of messages is chosen: plain CommonMark, no extensions.
pub fn markdown_options() -> pulldown_cmark::Options {
    pulldown_cmark::Options::empty()
}

/// One piece of a message's inline structure.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Inline<'a> {
    /// Literal text (may contain `\n`, shown as a line break).
    Text(Cow<'a, str>),
    /// An inline code span.
    Code(Cow<'a, str>),
    /// A line break.
    Break,
    /// Start of strong emphasis.
    StrongStart,
    /// End of strong emphasis.
    StrongEnd,
    /// Start of emphasis.
    EmphasisStart,
    /// End of emphasis.
    EmphasisEnd,
}

/// Messages longer than this are read as Markdown in pieces of about this size (see [`chunks`]).
pub const MARKDOWN_CHUNK: usize = 64 * 1024;

/// Splits a message into the inline pieces every output shows.
pub fn inlines(message: &str) -> Vec<Inline<'_>> {
    if is_plain(message) {
        return vec![Inline::Text(Cow::Borrowed(message))];
    }
    let mut pieces = Vec::new();
    for chunk in chunks(message) {
        chunk_inlines(chunk, &mut |piece| pieces.push(piece));
    }
    pieces
}

/// The message in the pieces its Markdown is read in: the whole message up to [`MARKDOWN_CHUNK`]
/// bytes; a longer one is cut about every [`MARKDOWN_CHUNK`] bytes between two letters, where no
/// Markdown construct starts or ends (no entity, escape or delimiter is split, and a piece never
/// starts a block), so that parsing needs memory for one piece, not for the whole message. Only a
/// code span or an emphasis that crosses a cut changes: its markers show as written. A message with
/// no two adjacent letters for 64 KiB after a cut point is cut there anyway.
pub fn chunks(message: &str) -> impl Iterator<Item = &str> {
    chunks_of(message, MARKDOWN_CHUNK)
}

fn chunks_of(message: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = message;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = if rest.len() <= size { rest.len() } else { cut_point(rest, size) };
        let (chunk, tail) = rest.split_at(cut);
        rest = tail;
        Some(chunk)
    })
}

/// The first place at or after byte `from` of `text` between two letters that is safe to cut at:
/// preferably where the `*`, `_` and `` ` `` runs so far are in pairs (not inside an emphasis or a
/// code span), else between any two letters, else at `from` + [`MARKDOWN_CHUNK`].
fn cut_point(text: &str, from: usize) -> usize {
    let mut limit = (from + MARKDOWN_CHUNK).min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    // Outside code spans: `*` runs and `_` runs that may delimit (not inside a word), so far.
    let (mut stars, mut underscores) = (0usize, 0usize);
    // The backtick run being read, and the length of the run that opened the current code span.
    let (mut ticks, mut code) = (0usize, None::<usize>);
    let mut previous: Option<char> = None;
    let mut any_letters = None;
    let alphanumeric = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    for (at, c) in text[..limit].char_indices() {
        if c != '`' && ticks > 0 {
            match code {
                Some(n) if n == ticks => code = None,
                None => code = Some(ticks),
                Some(_) => {}
            }
            ticks = 0;
        }
        if let Some(p) = previous.filter(|_| at >= from) {
            let letters = p.is_alphabetic() && c.is_alphabetic();
            // An entity (`&amp;`, `&#x4E2D;`) is ASCII: no cut between ASCII letters inside one.
            let ascii = p.is_ascii() && c.is_ascii();
            if letters && (!ascii || !in_entity(&text.as_bytes()[..at])) {
                if code.is_none() && stars % 2 == 0 && underscores % 2 == 0 {
                    return at;
                }
                any_letters.get_or_insert(at);
            }
        }
        match c {
            '`' => ticks += 1,
            '*' if code.is_none() && previous != Some('*') => stars += 1,
            '_' if code.is_none() && previous != Some('_') => {
                let next = text[at + 1..].chars().next();
                if !(alphanumeric(previous) && alphanumeric(next)) {
                    underscores += 1;
                }
            }
            _ => {}
        }
        previous = Some(c);
    }
    match any_letters {
        // The rest is short: read it whole rather than cut a construct.
        _ if limit == text.len() => text.len(),
        Some(at) => at,
        None if limit == 0 => text.len(),
        None => limit,
    }
}

/// Whether `before` ends inside what may be an entity reference (`&amp`, `&#x4E`).
fn in_entity(before: &[u8]) -> bool {
    let name = before.iter().rev().take(40).take_while(|b| b.is_ascii_alphanumeric() || **b == b'#').count();
    name < 40 && before.len() > name && before[before.len() - name - 1] == b'&'
}

/// Calls `emit` with the inline pieces of one piece of a message, in order.
///
/// Entities and backslashes are text, not Markdown (the module docs): the parser reads the
/// message with every `\\` doubled and every `&` written `&amp;`, so that it decodes them back to
/// themselves; what it shows as written (code spans, constructs shown literally) is undone the same way.
fn chunk_inlines<'a>(message: &'a str, emit: &mut dyn FnMut(Inline<'a>)) {
    // A piece without Markdown is its own text; at the end of a message, trailing blanks are
    // dropped as the parser drops them from a paragraph.
    if is_plain(message) && !message.ends_with(char::is_whitespace) {
        emit(Inline::Text(Cow::Borrowed(message)));
        return;
    }
    if !message.contains(['\\', '&']) {
        return parse_inlines(message, emit, &unchanged);
    }
    let mut prepared = String::with_capacity(message.len() + message.len() / 8);
    for c in message.chars() {
        match c {
            '\\' => prepared.push_str("\\\\"),
            '&' => prepared.push_str("&amp;"),
            c => prepared.push(c),
        }
    }
    parse_inlines(&prepared, &mut |piece| emit(owned(piece)), &as_written);
}

/// Source that needed no preparing, as it is.
fn unchanged(source: &str) -> Cow<'_, str> {
    Cow::Borrowed(source)
}

/// Prepared source back as the message wrote it: `\\\\` is `\\`, `&amp;` is `&`.
fn as_written(source: &str) -> Cow<'_, str> {
    Cow::Owned(source.replace("\\\\", "\\").replace("&amp;", "&"))
}

/// `piece` with its own copy of its text.
fn owned(piece: Inline<'_>) -> Inline<'static> {
    match piece {
        Inline::Text(text) => Inline::Text(Cow::Owned(text.into_owned())),
        Inline::Code(code) => Inline::Code(Cow::Owned(code.into_owned())),
        Inline::Break => Inline::Break,
        Inline::StrongStart => Inline::StrongStart,
        Inline::StrongEnd => Inline::StrongEnd,
        Inline::EmphasisStart => Inline::EmphasisStart,
        Inline::EmphasisEnd => Inline::EmphasisEnd,
    }
}

/// [`chunk_inlines`] of a prepared message: `as_written` turns source the parser does not decode
/// (code spans, constructs shown literally) back into the message's text.
fn parse_inlines<'a>(
    message: &'a str,
    emit: &mut dyn FnMut(Inline<'a>),
    as_written: &dyn for<'s> Fn(&'s str) -> Cow<'s, str>,
) {
    let mut depth = 0usize;
    // Events at this depth or deeper belong to a construct shown literally.
    let mut literal_from: Option<usize> = None;
    // Source covered by top-level blocks so far; a gap (e.g. a link reference definition) is shown literally.
    let mut covered = 0usize;
    let mut blocks = 0usize;
    for (event, range) in Parser::new_ext(message, markdown_options()).into_offset_iter() {
        let top_level = depth == 0;
        match &event {
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
        if let Some(start_depth) = literal_from {
            if depth < start_depth {
                literal_from = None;
            }
            continue;
        }
        if top_level {
            let gap = &message[covered.min(range.start)..range.start];
            if !gap.trim().is_empty() {
                separate_block(emit, &mut blocks);
                emit(Inline::Text(as_written(gap.trim())));
            }
            covered = covered.max(range.end);
            if !matches!(event, Event::End(_)) {
                separate_block(emit, &mut blocks);
            }
        }
        match event {
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph) => {}
            Event::Start(Tag::Strong) => emit(Inline::StrongStart),
            Event::End(TagEnd::Strong) => emit(Inline::StrongEnd),
            Event::Start(Tag::Emphasis) => emit(Inline::EmphasisStart),
            Event::End(TagEnd::Emphasis) => emit(Inline::EmphasisEnd),
            Event::Text(text) => emit(Inline::Text(cow(text))),
            Event::Code(code) => emit(Inline::Code(match code {
                pulldown_cmark::CowStr::Borrowed(code) => as_written(code),
                code => Cow::Owned(as_written(&code).into_owned()),
            })),
            Event::SoftBreak | Event::HardBreak => emit(Inline::Break),
            Event::Start(_) => {
                literal_from = Some(depth);
                emit(Inline::Text(as_written(message[range].trim_end())));
            }
            // Raw HTML, rules and anything else: the source text, shown as text.
            _ => emit(Inline::Text(as_written(message[range].trim_end()))),
        }
    }
    let rest = &message[covered.min(message.len())..];
    if !rest.trim().is_empty() {
        separate_block(emit, &mut blocks);
        emit(Inline::Text(as_written(rest.trim())));
    }
}

fn separate_block<'a>(emit: &mut dyn FnMut(Inline<'a>), blocks: &mut usize) {
    if *blocks > 0 {
        emit(Inline::Break);
        emit(Inline::Break);
    }
    *blocks += 1;
}

fn cow(text: pulldown_cmark::CowStr<'_>) -> Cow<'_, str> {
    match text {
        pulldown_cmark::CowStr::Borrowed(s) => Cow::Borrowed(s),
        other => Cow::Owned(other.into_string()),
    }
}

/// True when the text cannot contain Markdown: no parser needed.
fn is_plain(text: &str) -> bool {
    let starts_block = text.bytes().next().is_some_and(|b| matches!(b, b'-' | b'+' | b'0'..=b'9' | b' ' | b'\t'));
    !starts_block
        && !text.bytes().any(|b| {
            matches!(b, b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'&' | b'!' | b'#' | b'\n' | b'\r')
        })
}

/// Escapes `&`, `<`, `>`, `"` and `'` for HTML text and attribute values.
pub fn escape_html(text: &str) -> Cow<'_, str> {
    if !text.bytes().any(|b| matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'')) && hygiene::find(text).is_none() {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    push_html(&mut out, text);
    Cow::Owned(out)
}

pub(super) fn push_html(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if hygiene::hazard(c).is_some() => out.push_str(&format!("&lt;U+{:04X}&gt;", c as u32)),
            _ => out.push(c),
        }
    }
}

/// The characters that have a meaning somewhere in GitHub-flavoured Markdown inline text or table cells.
fn is_markdown_special(c: char) -> bool {
    matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '|' | '~' | '!' | '#' | '$')
}

/// Escapes text for GitHub-flavoured Markdown, table cells included: Markdown punctuation gets a
/// backslash and a line break becomes `<br>`.
pub fn escape_markdown(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| is_markdown_special(c) || c == '\n' || c == '\r' || hygiene::hazard(c).is_some())
        && !links::may_autolink(text)
    {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    push_markdown(&mut out, text);
    Cow::Owned(out)
}

pub(super) fn push_markdown(out: &mut String, text: &str) {
    for (at, c) in text.char_indices() {
        match c {
            '\n' => out.push_str("<br>"),
            '\r' => {}
            c if hygiene::hazard(c).is_some() => out.push_str(&format!("\\<U+{:04X}\\>", c as u32)),
            '@' => out.push_str(links::at_sign(out)),
            c if is_markdown_special(c) || links::starts_autolink(text, at) => {
                out.push('\\');
                out.push(c);
            }
            c => out.push(c),
        }
    }
}

/// The message as HTML inline content.
pub fn to_html(message: &str) -> Cow<'_, str> {
    if is_plain(message) && !links::may_hold_url(message) {
        return escape_html(message);
    }
    let mut out = String::with_capacity(message.len() + message.len() / 2 + 32);
    let mut write = |piece: Inline<'_>| match piece {
        Inline::Text(text) => {
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    out.push_str("<br>");
                }
                links::push_html_linked(&mut out, line);
            }
        }
        Inline::Code(code) => {
            out.push_str("<code>");
            push_html(&mut out, &code);
            out.push_str("</code>");
        }
        Inline::Break => out.push_str("<br>"),
        Inline::StrongStart => out.push_str("<strong>"),
        Inline::StrongEnd => out.push_str("</strong>"),
        Inline::EmphasisStart => out.push_str("<em>"),
        Inline::EmphasisEnd => out.push_str("</em>"),
    };
    for chunk in chunks(message) {
        chunk_inlines(chunk, &mut write);
    }
    Cow::Owned(out)
}

/// The message as GitHub-flavoured Markdown inline content that is safe in a table cell.
///
/// Emphasis is written with `*` where a reader of the output is sure to see it as emphasis
/// (it encloses only text and no other delimiter run touches it); elsewhere, as in nested or
/// adjacent emphasis (`***a***`, `**a**__b__`), the text is kept and that emphasis dropped.
pub fn to_markdown(message: &str) -> Cow<'_, str> {
    if is_plain(message) && !links::may_hold_url(message) {
        return escape_markdown(message);
    }
    let mut out = String::with_capacity(message.len() + message.len() / 8 + 32);
    // Text segments, with emphasis delimiters between them decided once their neighbours are known;
    // piece by piece of the message (emphasis never crosses a piece, see `chunks`).
    let mut segments: Vec<Segment> = Vec::new();
    let mut open: Vec<usize> = Vec::new();
    for chunk in chunks(message) {
        segments.clear();
        open.clear();
        chunk_inlines(chunk, &mut |piece| {
            let mut text = String::new();
            match piece {
                Inline::Text(t) => links::push_markdown_linked(&mut text, &t),
                Inline::Code(code) => push_code_span(&mut text, &code),
                Inline::Break => text.push_str("<br>"),
                Inline::StrongStart | Inline::EmphasisStart => {
                    let run = if piece == Inline::StrongStart { "**" } else { "*" };
                    open.push(segments.len());
                    segments.push(Segment::Delimiter { run, partner: usize::MAX });
                    return;
                }
                Inline::StrongEnd | Inline::EmphasisEnd => {
                    let run = if piece == Inline::StrongEnd { "**" } else { "*" };
                    let opener = open.pop().unwrap_or(usize::MAX);
                    let closer = segments.len();
                    if let Some(Segment::Delimiter { partner, .. }) = segments.get_mut(opener) {
                        *partner = closer;
                    }
                    segments.push(Segment::Delimiter { run, partner: opener });
                    return;
                }
            }
            match segments.last_mut() {
                Some(Segment::Text(last)) => last.push_str(&text),
                _ => segments.push(Segment::Text(text)),
            }
        });
        for (index, segment) in segments.iter().enumerate() {
            match segment {
                Segment::Text(text) => out.push_str(text),
                Segment::Delimiter { run, partner } => {
                    let (opener, closer) = if index < *partner { (index, *partner) } else { (*partner, index) };
                    if emphasis_is_unambiguous(&segments, opener, closer) {
                        out.push_str(run);
                    }
                }
            }
        }
    }
    Cow::Owned(out)
}

enum Segment {
    Text(String),
    Delimiter { run: &'static str, partner: usize },
}

/// True when the `*` runs at `opener` and `closer` can open and close, enclose only text and touch no other run.
fn emphasis_is_unambiguous(segments: &[Segment], opener: usize, closer: usize) -> bool {
    let text = |i: usize| match segments.get(i) {
        Some(Segment::Text(t)) => Some(t.as_str()),
        _ => None,
    };
    let neighbour_is_text_or_edge = |i: Option<usize>| i.is_none_or(|i| i >= segments.len() || text(i).is_some());
    if closer >= segments.len() || closer != opener + 2 {
        // Nested emphasis (another run inside) or unmatched: keep only the text.
        return false;
    }
    let (Some(content), true, true) = (
        text(opener + 1),
        neighbour_is_text_or_edge(opener.checked_sub(1)),
        neighbour_is_text_or_edge(Some(closer + 1)),
    ) else {
        return false;
    };
    let before = opener.checked_sub(1).and_then(text).and_then(|t| t.chars().next_back());
    let after = text(closer + 1).and_then(|t| t.chars().next());
    let (first, last) = (content.chars().next(), content.chars().next_back());
    let kind = |c: Option<char>| match c {
        None => Flank::Space,
        Some(c) if c.is_whitespace() => Flank::Space,
        Some(c) if c.is_ascii_punctuation() || (!c.is_alphanumeric() && !c.is_ascii()) => Flank::Punctuation,
        Some(_) => Flank::Other,
    };
    let (before, first, last, after) = (kind(before), kind(first), kind(last), kind(after));
    // CommonMark: a run is left-flanking when not followed by whitespace, and not followed by
    // punctuation unless preceded by whitespace or punctuation; right-flanking mirrors it.
    let left = |b: Flank, a: Flank| a != Flank::Space && (a != Flank::Punctuation || b != Flank::Other);
    let right = |b: Flank, a: Flank| b != Flank::Space && (b != Flank::Punctuation || a != Flank::Other);
    // Runs that can both open and close are fine: the pairs do not nest or touch, and equal
    // lengths never meet CommonMark's "multiple of 3" rule, so each run pairs with its partner.
    left(before, first) && right(last, after)
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Flank {
    Space,
    Punctuation,
    Other,
}

/// `code` as a Markdown code span, safe in a table cell: shown as written, `_` and all.
pub fn code_span(code: &str) -> Cow<'_, str> {
    let mut out = String::with_capacity(code.len() + 2);
    push_code_span(&mut out, code);
    Cow::Owned(out)
}

/// A code span whose fence is longer than any backtick run inside; `|` escaped for table cells
/// (GFM removes that backslash before reading the span).
pub(crate) fn push_code_span(out: &mut String, code: &str) {
    let longest = code.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = code.starts_with(['`', ' ']) || code.ends_with(['`', ' ']);
    out.push_str(&fence);
    if pad {
        out.push(' ');
    }
    for c in code.chars() {
        if c == '|' {
            out.push('\\');
        }
        if hygiene::hazard(c).is_some() {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        } else {
            out.push(c);
        }
    }
    if pad {
        out.push(' ');
    }
    out.push_str(&fence);
}

/// The visible text of a message: what a reader sees, without markup; breaks are `\n`.
pub fn to_plain(message: &str) -> Cow<'_, str> {
    if is_plain(message) {
        return Cow::Borrowed(message);
    }
    let mut out = String::with_capacity(message.len());
    for chunk in chunks(message) {
        chunk_inlines(chunk, &mut |piece| match piece {
            Inline::Text(text) | Inline::Code(text) => out.push_str(&text),
            Inline::Break => out.push('\n'),
            _ => {}
        });
    }
    Cow::Owned(out)
}

/// `template` with `{placeholder}`s replaced by `values`; unknown placeholders stay as written.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').and_then(|close| values.iter().find(|(k, _)| *k == &after[..close]).map(|v| (close, v))) {
            Some((close, (_, value))) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
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
    fn html_keeps_the_inline_subset_and_escapes_the_rest() {
        assert_eq!(
            to_html("The **policy** `p|1` is <b>bad</b>"),
            "The <strong>policy</strong> <code>p|1</code> is &lt;b&gt;bad&lt;/b&gt;"
        );
        assert_eq!(to_html("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
        assert_eq!(to_html("line one\nline two"), "line one<br>line two");
        assert_eq!(to_html("see [docs](http://x)"), "see [docs](<a href=\"http://x\">http://x</a>)");
        assert_eq!(to_html("# not a heading"), "# not a heading");
    }

    #[test]
    fn control_and_bidi_characters_show_as_markers() {
        assert_eq!(to_html("invoice_\u{202e}fdp.exe"), "invoice_&lt;U+202E&gt;fdp.exe");
        assert_eq!(to_html("**a**\u{1b}[31m"), "<strong>a</strong>&lt;U+001B&gt;[31m");
        assert_eq!(escape_html("t\u{7}"), "t&lt;U+0007&gt;");
        assert_eq!(to_markdown("invoice_\u{202e}fdp.exe"), "invoice\\_\\<U+202E\\>fdp.exe");
        assert_eq!(to_markdown("`a\u{2066}b` c"), "`a<U+2066>b` c");
        // Bidi marks are not controls: Arabic and Hebrew text needs them.
        assert_eq!(to_html("a\u{200f}b"), "a\u{200f}b");
    }

    #[test]
    fn markdown_escapes_cell_breakers() {
        assert_eq!(to_markdown("a | b"), "a \\| b");
        assert_eq!(to_markdown("**x** and `a|b`"), "**x** and `a\\|b`");
        assert_eq!(to_markdown("a\nb"), "a<br>b");
        assert_eq!(to_markdown("<br>"), "\\<br\\>");
        assert_eq!(to_markdown("2 * 3 * 4"), "2 \\* 3 \\* 4");
    }

    #[test]
    fn link_reference_definitions_are_not_swallowed() {
        assert_eq!(to_plain("[a]: /b\n\nrest"), "[a]: /b\n\nrest");
    }

    #[test]
    fn code_spans_get_a_fence_longer_than_their_backticks() {
        let mut out = String::new();
        push_code_span(&mut out, "a``b");
        assert_eq!(out, "```a``b```");
        out.clear();
        push_code_span(&mut out, "`x");
        assert_eq!(out, "`` `x ``");
    }

    /// Adjacent text pieces merged: cutting a message into pieces splits its text, nothing else.
    fn merged<'a>(pieces: impl IntoIterator<Item = Inline<'a>>) -> Vec<Inline<'static>> {
        let mut out: Vec<Inline<'static>> = Vec::new();
        for piece in pieces {
            match (out.last_mut(), piece) {
                (Some(Inline::Text(last)), Inline::Text(text)) => last.to_mut().push_str(&text),
                (_, Inline::Text(text)) => out.push(Inline::Text(Cow::Owned(text.into_owned()))),
                (_, Inline::Code(code)) => out.push(Inline::Code(Cow::Owned(code.into_owned()))),
                (_, Inline::Break) => out.push(Inline::Break),
                (_, Inline::StrongStart) => out.push(Inline::StrongStart),
                (_, Inline::StrongEnd) => out.push(Inline::StrongEnd),
                (_, Inline::EmphasisStart) => out.push(Inline::EmphasisStart),
                (_, Inline::EmphasisEnd) => out.push(Inline::EmphasisEnd),
            }
        }
        out
    }

    #[test]
    fn a_message_read_in_pieces_reads_as_a_whole() {
        for unit in [
            "备份 **策略** 数量 *达到* `上限` 了。",
            "The **policy** `p|1` has *reached* its limit & more; ",
            "line one\nline two **b** end &amp; &#x4E2D; x\\*y ",
            "a_b_c __strong__ _em_ ``code ` span`` word",
        ] {
            let message = unit.repeat(40);
            let mut whole = Vec::new();
            chunk_inlines(&message, &mut |p| whole.push(p));
            for size in [17, 64, 200] {
                let chunks: Vec<&str> = chunks_of(&message, size).collect();
                assert!(chunks.len() > 1, "{unit:?} is cut at {size}");
                assert_eq!(chunks.concat(), message);
                let mut pieces = Vec::new();
                for chunk in &chunks {
                    chunk_inlines(chunk, &mut |p| pieces.push(p));
                }
                assert_eq!(merged(pieces), merged(whole.clone()), "{unit:?} in pieces of {size}");
            }
        }
        // No letters to cut between: cut anyway, on character boundaries, never panicking.
        let stars = "*".repeat(3 * MARKDOWN_CHUNK);
        assert!(chunks(&stars).count() > 1);
        let wide = "。".repeat(MARKDOWN_CHUNK);
        assert_eq!(chunks(&wide).collect::<String>(), wide);
    }

    #[test]
    fn fill_replaces_known_placeholders_only() {
        assert_eq!(fill("{catalog} codes {x}", &[("catalog", "CSBS")]), "CSBS codes {x}");
    }
}
