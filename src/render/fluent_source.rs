//! The self-contained Fluent source of one message, for `catalog.json`: the message (value and
//! every attribute) and each term and message it references, directly or not, so that
//! `@fluent/bundle`, `fluent.runtime` or any Fluent implementation formats it alone.

use super::display::References;
use crate::runtime::pattern::{for_each_inline, Part, Pattern};
use crate::{Text, Texts};
use fluent_syntax::ast;
use std::collections::BTreeSet;

/// The resource of message `id` with `texts`, from the locale with index `locale`.
pub fn resource(references: &References<'_>, locale: usize, id: &str, texts: &Texts) -> String {
    let mut out = String::with_capacity(64 + texts.value().source().len() * 2);
    out.push_str(id);
    out.push_str(" =");
    let mut wanted = BTreeSet::new();
    push_text(&mut out, texts.value(), "    ", &mut wanted);
    for (name, text) in texts.attributes() {
        out.push_str("\n    .");
        out.push_str(name);
        out.push_str(" =");
        push_text(&mut out, text, "        ", &mut wanted);
    }
    out.push('\n');
    if wanted.is_empty() {
        return out;
    }
    // Every entry the wanted ones reference, in turn: the closure, each entry once.
    let mut seen = BTreeSet::new();
    let mut sources = Vec::new();
    while let Some(next) = wanted.pop_first() {
        if next == id || !seen.insert(next.clone()) {
            continue;
        }
        if let Some(source) = references.source(locale, &next) {
            let parsed = fluent_syntax::parser::parse(source.as_str()).unwrap_or_else(|(r, _)| r);
            for entry in &parsed.body {
                match entry {
                    ast::Entry::Message(m) => {
                        m.value.iter().for_each(|p| referenced(p, &mut wanted));
                        m.attributes.iter().for_each(|a| referenced(&a.value, &mut wanted));
                    }
                    ast::Entry::Term(t) => {
                        referenced(&t.value, &mut wanted);
                        t.attributes.iter().for_each(|a| referenced(&a.value, &mut wanted));
                    }
                    _ => {}
                }
            }
            sources.push(source);
        }
    }
    for source in sources {
        out.push_str(&source);
    }
    out
}

/// Appends the pattern of `text` after `=`; a complex pattern's canonical source is already
/// Fluent, plain text and variables are written with Fluent's escapes.
fn push_text(out: &mut String, text: &Text, indent: &str, wanted: &mut BTreeSet<String>) {
    match &text.pattern {
        Pattern::Plain(plain) => push_pattern(out, &[Part::Text(plain.as_ref().into())], indent),
        Pattern::Parts(parts) => push_pattern(out, parts, indent),
        Pattern::Complex(source) => {
            let separator = if source.starts_with('\n') { "" } else { " " };
            let whole = format!("x ={separator}{source}\n");
            let parsed = fluent_syntax::parser::parse(whole.as_str()).unwrap_or_else(|(r, _)| r);
            for entry in &parsed.body {
                if let ast::Entry::Message(ast::Message { value: Some(value), .. }) = entry {
                    referenced(value, wanted);
                }
            }
            // The canonical source is indented for a message value; an attribute's lines need
            // only be indented deeper than its `.name` line.
            out.push_str(separator);
            out.push_str(&source.replace('\n', &format!("\n{}", &indent[4..])));
        }
    }
}

/// Writes text and variables as a Fluent pattern: multi-line text starts on its own line;
/// `{`, `}`, and what Fluent would read as syntax or layout (a line starting with `[`, `*`,
/// `.` or a space, whitespace at the end) are string literals.
fn push_pattern(out: &mut String, parts: &[Part], indent: &str) {
    let multiline = parts.iter().any(|p| matches!(p, Part::Text(t) if t.contains('\n')));
    out.push(if multiline { '\n' } else { ' ' });
    // A line's indentation is written with its first character: blank lines stay empty.
    let mut pending_indent = multiline;
    let mut line_start = true;
    let start_line = |out: &mut String, pending: &mut bool| {
        if std::mem::take(pending) {
            out.push_str(indent);
        }
    };
    let last = parts.len().saturating_sub(1);
    for (index, part) in parts.iter().enumerate() {
        match part {
            Part::Variable(name) => {
                start_line(out, &mut pending_indent);
                out.push_str("{ $");
                out.push_str(name);
                out.push_str(" }");
                line_start = false;
            }
            Part::Text(text) => {
                let trailing = if index == last { text.len() - text.trim_end().len() } else { 0 };
                let (body, tail) = text.split_at(text.len() - trailing);
                for c in body.chars() {
                    match c {
                        '\n' => {
                            out.push('\n');
                            pending_indent = true;
                            line_start = true;
                            continue;
                        }
                        '\r' => continue,
                        _ => start_line(out, &mut pending_indent),
                    }
                    match c {
                        '{' | '}' => push_literal(out, c),
                        '[' | '*' | '.' | ' ' if line_start => push_literal(out, c),
                        c => out.push(c),
                    }
                    line_start = false;
                }
                for c in tail.chars().filter(|c| *c != '\r') {
                    start_line(out, &mut pending_indent);
                    push_literal(out, c);
                }
            }
        }
    }
}

fn push_literal(out: &mut String, c: char) {
    match c {
        '\n' => out.push_str("{\"\\u000A\"}"),
        '"' => out.push_str("{\"\\\"\"}"),
        '\\' => out.push_str("{\"\\\\\"}"),
        c => {
            out.push_str("{\"");
            out.push(c);
            out.push_str("\"}");
        }
    }
}

/// Adds the ids of the terms (`-brand`) and messages `pattern` references to `wanted`.
fn referenced(pattern: &ast::Pattern<&str>, wanted: &mut BTreeSet<String>) {
    for_each_inline(pattern, &mut |e| match e {
        ast::InlineExpression::MessageReference { id, .. } => {
            wanted.insert(id.name.to_string());
        }
        ast::InlineExpression::TermReference { id, .. } => {
            wanted.insert(format!("-{}", id.name));
        }
        _ => {}
    });
}
