//! Display forms: a message with variables and selectors as a reader sees it in the docs.
//!
//! No output shows Fluent syntax. A variable is a placeholder, `{count}` (a code span in
//! Markdown, `<var class="placeholder">` in HTML); a selector is its variants, each with its
//! condition (`one: one order / other: {count} orders`); terms and message references are
//! replaced by their text. A selector that is the whole text shows one variant per line in
//! Markdown and HTML; a selector inside a sentence, or inside another variant, stays inline,
//! in parentheses.
//!
//! Walking a text is linear in its source plus a fixed [`BUDGET`]: terms that reference each
//! other many times over are not expanded past it (the rest shows as `…`).

use super::text;
use crate::runtime::pattern::{Part, Pattern};
use crate::{Catalog, Text, Texts};
use fluent_syntax::ast;
use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;
use std::sync::OnceLock;

/// How many pattern elements and bytes of text the terms and messages a text references may add to it.
pub const BUDGET: usize = 64 * 1024;
/// How deep term and message references are followed.
const MAX_DEPTH: usize = 16;

/// One piece of a display form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece {
    /// Text as the message writes it (it may use the inline Markdown of [`text`]).
    Text(String),
    /// A variable, by name.
    Placeholder(String),
    /// A selector: each variant's condition (its key) and its pieces.
    Select(Vec<(String, Vec<Piece>)>),
}

/// A text read for display: its pieces, its variables and the terms and messages it uses.
#[derive(Debug, Default)]
pub struct Displayed {
    /// The pieces; one [`Piece::Text`] for plain text.
    pub pieces: Vec<Piece>,
    /// Every variable the text reads (placeholders and selectors), sorted.
    pub variables: BTreeSet<String>,
    /// Ids of the terms (`-brand`) and messages it references, directly or not, sorted.
    pub references: BTreeSet<String>,
}

/// The terms and messages of every locale, parsed on first need from the Fluent sources the
/// catalog keeps for its complex patterns.
pub struct References<'c> {
    catalog: &'c Catalog,
    locales: Vec<OnceLock<HashMap<String, ast::Entry<&'c str>>>>,
}

impl<'c> References<'c> {
    /// Nothing parsed yet.
    pub fn new(catalog: &'c Catalog) -> References<'c> {
        References { catalog, locales: (0..catalog.locale_tags().len()).map(|_| OnceLock::new()).collect() }
    }

    fn entries(&self, locale: usize) -> &HashMap<String, ast::Entry<&'c str>> {
        self.locales[locale].get_or_init(|| {
            let mut entries = HashMap::new();
            let Some(complex) = self.catalog.locales.get(locale).and_then(|l| l.complex.as_ref()) else {
                return entries;
            };
            for source in &complex.sources {
                let resource = fluent_syntax::parser::parse(source.as_ref()).unwrap_or_else(|(resource, _)| resource);
                for entry in resource.body {
                    match &entry {
                        ast::Entry::Message(m) => entries.insert(m.id.name.to_string(), entry),
                        ast::Entry::Term(t) => entries.insert(format!("-{}", t.id.name), entry),
                        _ => None,
                    };
                }
            }
            entries
        })
    }

    /// The Fluent source of the entry `id` (`-brand` for a term) of the locale, if it has one.
    pub fn source(&self, locale: usize, id: &str) -> Option<String> {
        let entry = self.entries(locale).get(id)?.clone();
        Some(fluent_syntax::serializer::serialize(&ast::Resource { body: vec![entry] }))
    }

    /// `text` of the locale with index `locale`, read for display.
    pub fn display(&self, locale: usize, text: &Text) -> Displayed {
        let mut displayed = self.pieces(locale, text);
        trim(&mut displayed.pieces);
        displayed
    }

    fn pieces(&self, locale: usize, text: &Text) -> Displayed {
        match &text.pattern {
            Pattern::Plain(plain) => Displayed {
                pieces: vec![Piece::Text(plain.to_string())],
                variables: BTreeSet::new(),
                references: BTreeSet::new(),
            },
            Pattern::Parts(parts) => Displayed {
                pieces: parts
                    .iter()
                    .map(|p| match p {
                        Part::Text(t) => Piece::Text(t.to_string()),
                        Part::Variable(v) => Piece::Placeholder(v.to_string()),
                    })
                    .collect(),
                variables: text.variables().map(str::to_string).collect(),
                references: BTreeSet::new(),
            },
            Pattern::Complex(source) => {
                let separator = if source.starts_with('\n') { "" } else { " " };
                let resource = format!("x ={separator}{source}\n");
                let parsed = fluent_syntax::parser::parse(resource.as_str()).unwrap_or_else(|(r, _)| r);
                let mut walk = Walk {
                    entries: self.entries(locale),
                    budget: BUDGET,
                    exhausted: false,
                    displayed: Displayed::default(),
                };
                let value = parsed.body.iter().find_map(|e| match e {
                    ast::Entry::Message(m) => m.value.as_ref(),
                    _ => None,
                });
                let mut pieces = Vec::new();
                if let Some(value) = value {
                    walk.pattern(value, &Scope::Message, 0, &mut pieces);
                }
                walk.displayed.pieces = pieces;
                walk.displayed
            }
        }
    }
}

/// Whose variables a pattern sees: the message's arguments, or a term's own.
enum Scope<'a, 's> {
    Message,
    Term(&'a [ast::NamedArgument<&'s str>]),
}

struct Walk<'e, 's> {
    entries: &'e HashMap<String, ast::Entry<&'s str>>,
    /// What references may still add; once spent, the rest of them shows as one `…`.
    budget: usize,
    exhausted: bool,
    displayed: Displayed,
}

impl<'s> Walk<'_, 's> {
    fn spend(&mut self, amount: usize) -> bool {
        match self.budget.checked_sub(amount) {
            Some(left) => {
                self.budget = left;
                true
            }
            None => false,
        }
    }

    fn pattern(&mut self, pattern: &ast::Pattern<&'s str>, scope: &Scope<'_, 's>, depth: usize, out: &mut Vec<Piece>) {
        for element in &pattern.elements {
            let size = match element {
                ast::PatternElement::TextElement { value } => value.len(),
                ast::PatternElement::Placeable { .. } => 1,
            };
            // The text's own elements are linear in its source; only what references bring is counted.
            if depth > 0 && !self.spend(size.max(1)) {
                if !self.exhausted {
                    self.exhausted = true;
                    push_text(out, "…");
                }
                return;
            }
            match element {
                ast::PatternElement::TextElement { value } => push_text(out, value),
                ast::PatternElement::Placeable { expression } => self.expression(expression, scope, depth, out),
            }
        }
    }

    fn expression(
        &mut self,
        expression: &ast::Expression<&'s str>,
        scope: &Scope<'_, 's>,
        depth: usize,
        out: &mut Vec<Piece>,
    ) {
        match expression {
            ast::Expression::Inline(inline) => self.inline(inline, scope, depth, out),
            ast::Expression::Select { selector, variants } => {
                // A term's selector on what the term was given, or on a term attribute, is decided here.
                if let Some(key) = self.known_selector(selector, scope, depth) {
                    let chosen = variants
                        .iter()
                        .find(|v| key_name(&v.key) == key)
                        .or_else(|| variants.iter().find(|v| v.default));
                    if let Some(variant) = chosen {
                        return self.pattern(&variant.value, scope, depth, out);
                    }
                }
                if let Scope::Message = scope {
                    self.variables_in(selector);
                }
                // One variant (Japanese plurals have only `other`): no condition to show.
                if let [only] = variants.as_slice() {
                    return self.pattern(&only.value, scope, depth, out);
                }
                let mut shown = Vec::with_capacity(variants.len());
                for variant in variants {
                    let mut pieces = Vec::new();
                    self.pattern(&variant.value, scope, depth, &mut pieces);
                    trim(&mut pieces);
                    shown.push((key_name(&variant.key), pieces));
                }
                out.push(Piece::Select(shown));
            }
        }
    }

    /// The value a selector has before any argument is known, if it has one.
    fn known_selector(
        &mut self,
        selector: &ast::InlineExpression<&'s str>,
        scope: &Scope<'_, 's>,
        depth: usize,
    ) -> Option<String> {
        match (selector, scope) {
            // A term sees only the arguments it is given: without one, its default variant.
            (ast::InlineExpression::VariableReference { id }, Scope::Term(arguments)) => Some(
                arguments.iter().find(|a| a.name.name == id.name).and_then(|a| literal(&a.value)).unwrap_or_default(),
            ),
            (ast::InlineExpression::TermReference { id, attribute: Some(attribute), .. }, _) if depth < MAX_DEPTH => {
                let term = format!("-{}", id.name);
                self.displayed.references.insert(term.clone());
                let ast::Entry::Term(term) = self.entries.get(&term)? else { return None };
                let value = &term.attributes.iter().find(|a| a.id.name == attribute.name)?.value;
                match value.elements.as_slice() {
                    [ast::PatternElement::TextElement { value }] => Some(value.trim().to_string()),
                    _ => None,
                }
            }
            _ => None,
        }
    }

    fn variables_in(&mut self, expression: &ast::InlineExpression<&'s str>) {
        match expression {
            ast::InlineExpression::VariableReference { id } => {
                self.displayed.variables.insert(id.name.to_string());
            }
            ast::InlineExpression::FunctionReference { arguments, .. } => {
                arguments.positional.iter().for_each(|a| self.variables_in(a));
                arguments.named.iter().for_each(|a| self.variables_in(&a.value));
            }
            ast::InlineExpression::Placeable { expression } => {
                if let ast::Expression::Inline(inline) = &**expression {
                    self.variables_in(inline);
                }
            }
            _ => {}
        }
    }

    fn inline(
        &mut self,
        inline: &ast::InlineExpression<&'s str>,
        scope: &Scope<'_, 's>,
        depth: usize,
        out: &mut Vec<Piece>,
    ) {
        match inline {
            ast::InlineExpression::StringLiteral { .. } | ast::InlineExpression::NumberLiteral { .. } => {
                push_text(out, &literal(inline).unwrap_or_default());
            }
            ast::InlineExpression::VariableReference { id } => match scope {
                Scope::Term(arguments) => match arguments.iter().find(|a| a.name.name == id.name) {
                    Some(argument) => self.inline(&argument.value, &Scope::Message, depth, out),
                    None => out.push(Piece::Placeholder(id.name.to_string())),
                },
                Scope::Message => {
                    self.displayed.variables.insert(id.name.to_string());
                    out.push(Piece::Placeholder(id.name.to_string()));
                }
            },
            // NUMBER($count), DATETIME($when): the value they format.
            ast::InlineExpression::FunctionReference { id, arguments } => match arguments.positional.first() {
                Some(first) => {
                    if let Scope::Message = scope {
                        arguments.named.iter().for_each(|a| self.variables_in(&a.value));
                    }
                    self.inline(first, scope, depth, out)
                }
                None => out.push(Piece::Placeholder(id.name.to_lowercase())),
            },
            ast::InlineExpression::MessageReference { id, attribute } => {
                let pattern = match self.entries.get(id.name) {
                    Some(ast::Entry::Message(message)) if depth < MAX_DEPTH => match attribute {
                        Some(attribute) => {
                            message.attributes.iter().find(|a| a.id.name == attribute.name).map(|a| &a.value)
                        }
                        None => message.value.as_ref(),
                    },
                    _ => None,
                };
                match pattern {
                    Some(pattern) => {
                        self.displayed.references.insert(id.name.to_string());
                        self.pattern(pattern, &Scope::Message, depth + 1, out);
                    }
                    None => out.push(Piece::Placeholder(id.name.to_string())),
                }
            }
            ast::InlineExpression::TermReference { id, attribute, arguments } => {
                let key = format!("-{}", id.name);
                let pattern = match self.entries.get(&key) {
                    Some(ast::Entry::Term(term)) if depth < MAX_DEPTH => match attribute {
                        Some(attribute) => {
                            term.attributes.iter().find(|a| a.id.name == attribute.name).map(|a| &a.value)
                        }
                        None => Some(&term.value),
                    },
                    _ => None,
                };
                match pattern {
                    Some(pattern) => {
                        self.displayed.references.insert(key);
                        let named = arguments.as_ref().map_or(&[][..], |a| a.named.as_slice());
                        self.pattern(pattern, &Scope::Term(named), depth + 1, out);
                    }
                    None => out.push(Piece::Placeholder(id.name.to_string())),
                }
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression, scope, depth, out),
        }
    }
}

/// A string or number literal's value.
fn literal(expression: &ast::InlineExpression<&str>) -> Option<String> {
    match expression {
        ast::InlineExpression::StringLiteral { value } => {
            Some(fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned())
        }
        ast::InlineExpression::NumberLiteral { value } => Some(value.to_string()),
        _ => None,
    }
}

fn key_name(key: &ast::VariantKey<&str>) -> String {
    match key {
        ast::VariantKey::Identifier { name } => name.to_string(),
        ast::VariantKey::NumberLiteral { value } => value.to_string(),
    }
}

fn push_text(out: &mut Vec<Piece>, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(Piece::Text(last)) => last.push_str(text),
        _ => out.push(Piece::Text(text.to_string())),
    }
}

/// Drops the whitespace that starts and ends `pieces` (Fluent's layout, not the text's).
fn trim(pieces: &mut Vec<Piece>) {
    if let Some(Piece::Text(first)) = pieces.first_mut() {
        let kept = first.trim_start().len();
        first.drain(..first.len() - kept);
    }
    if let Some(Piece::Text(last)) = pieces.last_mut() {
        last.truncate(last.trim_end().len());
    }
    pieces.retain(|p| !matches!(p, Piece::Text(t) if t.is_empty()));
}

/// True when the pieces are one selector and nothing else: its variants go one per line.
fn is_whole_selector(pieces: &[Piece]) -> bool {
    matches!(pieces, [Piece::Select(_)])
}

/// The plain display form: `{count}` for a variable, `one: … / other: …` for a selector.
/// Text is as the message writes it (inline Markdown included).
pub fn plain(pieces: &[Piece]) -> String {
    let mut out = String::new();
    write_plain(&mut out, pieces, is_whole_selector(pieces), &|out, t| out.push_str(t));
    out
}

/// The visible text of the plain display form, inline Markdown removed (`errcat list`, `explain`).
pub fn visible(pieces: &[Piece]) -> String {
    let mut out = String::new();
    write_plain(&mut out, pieces, is_whole_selector(pieces), &|out, t| converted(out, t, text::to_plain));
    out
}

/// The plain layout of [`plain`] and [`visible`], which differ only in how a piece of text is written.
fn write_plain(out: &mut String, pieces: &[Piece], whole: bool, text: &dyn Fn(&mut String, &str)) {
    for piece in pieces {
        match piece {
            Piece::Text(t) => text(out, t),
            Piece::Placeholder(name) => {
                let _ = write!(out, "{{{name}}}");
            }
            Piece::Select(variants) => {
                out.push_str(if whole { "" } else { "(" });
                for (i, (key, pieces)) in variants.iter().enumerate() {
                    out.push_str(if i > 0 { " / " } else { "" });
                    let _ = write!(out, "{key}: ");
                    write_plain(out, pieces, false, text);
                }
                out.push_str(if whole { "" } else { ")" });
            }
        }
    }
}

/// `text` through `convert`, its leading and trailing whitespace kept as written (converters
/// read a piece as a paragraph, which would drop it between two placeholders).
fn converted(out: &mut String, piece: &str, convert: fn(&str) -> Cow<'_, str>) {
    let core = piece.trim();
    if core.is_empty() {
        out.push_str(&piece.replace('\n', " "));
        return;
    }
    let start = piece.len() - piece.trim_start().len();
    out.push_str(&piece[..start].replace('\n', " "));
    out.push_str(&convert(core));
    out.push_str(&piece[start + core.len()..].replace('\n', " "));
}

/// GitHub-flavoured Markdown, safe in a table cell: placeholders as code spans, conditions in bold.
pub fn markdown(pieces: &[Piece]) -> String {
    if let [Piece::Text(t)] = pieces {
        return text::to_markdown(t).into_owned();
    }
    let mut out = String::new();
    write_markdown(&mut out, pieces, is_whole_selector(pieces));
    out
}

fn write_markdown(out: &mut String, pieces: &[Piece], whole: bool) {
    for piece in pieces {
        match piece {
            Piece::Text(t) => converted(out, t, text::to_markdown),
            Piece::Placeholder(name) => text::push_code_span(out, &format!("{{{name}}}")),
            Piece::Select(variants) => {
                out.push_str(if whole { "" } else { "(" });
                for (i, (key, pieces)) in variants.iter().enumerate() {
                    out.push_str(match (i, whole) {
                        (0, _) => "",
                        (_, true) => "<br>",
                        (_, false) => " / ",
                    });
                    let _ = write!(out, "**{}:** ", text::escape_markdown(key));
                    write_markdown(out, pieces, false);
                }
                out.push_str(if whole { "" } else { ")" });
            }
        }
    }
}

/// HTML inline content: `<var class="placeholder">`, and each variant of a whole-text selector
/// on its own line, its condition in `<span class="when">`.
pub fn html(pieces: &[Piece]) -> String {
    if let [Piece::Text(t)] = pieces {
        return text::to_html(t).into_owned();
    }
    let mut out = String::new();
    write_html(&mut out, pieces, is_whole_selector(pieces));
    out
}

fn write_html(out: &mut String, pieces: &[Piece], whole: bool) {
    for piece in pieces {
        match piece {
            Piece::Text(t) => converted(out, t, text::to_html),
            Piece::Placeholder(name) => {
                let _ = write!(out, "<var class=\"placeholder\">{{{}}}</var>", text::escape_html(name));
            }
            Piece::Select(variants) => {
                let layout = if whole { "lines" } else { "inline" };
                let _ = write!(out, "<span class=\"select {layout}\">{}", if whole { "" } else { "(" });
                for (i, (key, pieces)) in variants.iter().enumerate() {
                    if i > 0 && !whole {
                        out.push_str(" / ");
                    }
                    let _ =
                        write!(out, "<span class=\"variant\"><span class=\"when\">{}</span> ", text::escape_html(key));
                    write_html(out, pieces, false);
                    out.push_str("</span>");
                }
                out.push_str(if whole { "</span>" } else { ")</span>" });
            }
        }
    }
}

/// The texts of one message as the docs show them, with the references they need.
pub struct MessageDisplay {
    /// The value.
    pub message: Displayed,
    /// The `.description` attribute: a longer explanation for readers.
    pub description: Option<Displayed>,
    /// The `.suggestion` attribute.
    pub suggestion: Option<Displayed>,
}

/// The value, description and suggestion of `texts` (of the locale with index `locale`) read for display.
pub fn message_display(references: &References<'_>, locale: usize, texts: &Texts) -> MessageDisplay {
    let attribute = |name: &str| texts.attribute(name).map(|text| references.display(locale, text));
    MessageDisplay {
        message: references.display(locale, texts.value()),
        description: attribute(crate::DESCRIPTION),
        suggestion: attribute(crate::SUGGESTION),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn select() -> Vec<Piece> {
        vec![Piece::Select(vec![
            ("one".into(), vec![Piece::Text("a <b> | c".into())]),
            ("other".into(), vec![Piece::Placeholder("n".into()), Piece::Text(" items".into())]),
        ])]
    }

    #[test]
    fn a_whole_text_selector_is_one_variant_per_line() {
        assert_eq!(plain(&select()), "one: a <b> | c / other: {n} items");
        assert_eq!(markdown(&select()), r"**one:** a \<b\> \| c<br>**other:** `{n}` items");
        assert_eq!(
            html(&select()),
            "<span class=\"select lines\"><span class=\"variant\"><span class=\"when\">one</span> a &lt;b&gt; | c</span>\
             <span class=\"variant\"><span class=\"when\">other</span> <var class=\"placeholder\">{n}</var> items</span></span>"
        );
    }

    #[test]
    fn a_selector_in_a_sentence_is_inline_and_spaces_around_placeholders_stay() {
        let mut pieces = vec![Piece::Text("Got ".into())];
        pieces.extend(select());
        pieces.push(Piece::Text(" today.".into()));
        assert_eq!(plain(&pieces), "Got (one: a <b> | c / other: {n} items) today.");
        assert_eq!(markdown(&pieces), r"Got (**one:** a \<b\> \| c / **other:** `{n}` items) today.");
        assert!(html(&pieces).starts_with("Got <span class=\"select inline\">(<span class=\"variant\">"));
        let spaced = [Piece::Text("At most ".into()), Piece::Placeholder("n".into()), Piece::Text(" **ok**".into())];
        assert_eq!(markdown(&spaced), "At most `{n}` **ok**");
        assert_eq!(html(&spaced), "At most <var class=\"placeholder\">{n}</var> <strong>ok</strong>");
        assert_eq!(visible(&spaced), "At most {n} ok");
    }
}
