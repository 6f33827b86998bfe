//! Fluent patterns compiled for fast formatting.
//!
//! Most error messages are plain text or text with variables. Those are
//! compiled at load time into [`Pattern::Plain`] (borrowed at run time, no
//! allocation) or [`Pattern::Parts`] (one allocation). Everything else
//! (selectors, functions, parameterised terms) is kept as [`Pattern::Complex`]
//! and formatted by `fluent-bundle`.

use fluent_syntax::ast;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// How deep term references may nest before a pattern is left to fluent-bundle.
const MAX_TERM_DEPTH: u8 = 8;

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Pattern {
    Plain(Arc<str>),
    Parts(Box<[Part]>),
    /// Canonical Fluent source of the pattern, as `fluent_syntax`'s serializer writes it.
    Complex(Box<str>),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Part {
    Text(Box<str>),
    Variable(Box<str>),
}

pub(crate) type Terms<'t, 's> = HashMap<&'s str, &'t ast::Term<&'s str>>;

/// How many elements inlining terms may visit per pattern, beyond the pattern's own: terms that
/// each reference the next several times would otherwise expand exponentially with the depth.
const MAX_INLINED_ELEMENTS: usize = 1024;

/// Compiles one pattern; `terms` are the locale's terms, inlined when simple.
pub(crate) fn compile(pattern: &ast::Pattern<&str>, terms: &Terms) -> Pattern {
    // Most messages are one piece of text: one allocation, no intermediate parts.
    if let [ast::PatternElement::TextElement { value }] = pattern.elements.as_slice() {
        return Pattern::Plain(Arc::from(*value));
    }
    let mut parts =
        Parts { parts: Vec::new(), text: String::new(), budget: pattern.elements.len() + MAX_INLINED_ELEMENTS };
    if parts.elements(&pattern.elements, terms, 0) {
        parts.finish()
    } else {
        Pattern::Complex(serialize(pattern).into_boxed_str())
    }
}

/// Parts being compiled: adjacent texts are gathered in `text`, so that a pattern of many lines
/// (one text element each) is joined in linear time.
struct Parts {
    parts: Vec<Part>,
    text: String,
    /// Elements left to visit before the pattern is left to fluent-bundle.
    budget: usize,
}

impl Parts {
    fn flush(&mut self) {
        if !self.text.is_empty() {
            self.parts.push(Part::Text(std::mem::take(&mut self.text).into_boxed_str()));
        }
    }

    fn finish(mut self) -> Pattern {
        if self.parts.is_empty() {
            return Pattern::Plain(Arc::from(self.text));
        }
        self.flush();
        Pattern::Parts(self.parts.into_boxed_slice())
    }

    /// Appends the elements as parts; false if something needs fluent-bundle.
    fn elements(&mut self, elements: &[ast::PatternElement<&str>], terms: &Terms, depth: u8) -> bool {
        elements.iter().all(|element| {
            let Some(budget) = self.budget.checked_sub(1) else { return false };
            self.budget = budget;
            match element {
                ast::PatternElement::TextElement { value } => {
                    self.text.push_str(value);
                    true
                }
                ast::PatternElement::Placeable { expression } => self.expression(expression, terms, depth),
            }
        })
    }

    fn expression(&mut self, expression: &ast::Expression<&str>, terms: &Terms, depth: u8) -> bool {
        let ast::Expression::Inline(inline) = expression else {
            return false;
        };
        match inline {
            ast::InlineExpression::StringLiteral { value } => {
                self.text.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value));
                true
            }
            ast::InlineExpression::NumberLiteral { value } => {
                self.text.push_str(value);
                true
            }
            ast::InlineExpression::VariableReference { id } => {
                self.flush();
                self.parts.push(Part::Variable(id.name.into()));
                true
            }
            ast::InlineExpression::TermReference { id, attribute: None, arguments: None } if depth < MAX_TERM_DEPTH => {
                match terms.get(id.name) {
                    Some(term) => self.elements(&term.value.elements, terms, depth + 1),
                    None => false,
                }
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression, terms, depth),
            _ => false,
        }
    }
}

/// The canonical Fluent source of a pattern (what follows `id = `).
pub(crate) fn serialize(pattern: &ast::Pattern<&str>) -> String {
    let resource = ast::Resource {
        body: vec![ast::Entry::Message(ast::Message {
            id: ast::Identifier { name: "x" },
            value: Some(pattern.clone()),
            attributes: Vec::new(),
            comment: None,
        })],
    };
    let text = fluent_syntax::serializer::serialize(&resource);
    let text = text.strip_prefix("x =").unwrap_or(&text);
    let text = text.strip_suffix('\n').unwrap_or(text);
    text.strip_prefix(' ').unwrap_or(text).to_string()
}

/// Every variable a pattern uses, including inside selectors and call arguments, sorted.
pub(crate) fn variables(pattern: &ast::Pattern<&str>) -> Vec<String> {
    let mut out = Vec::new();
    for_each_inline(pattern, &mut |e| {
        if let ast::InlineExpression::VariableReference { id } = e {
            out.push(id.name.to_string());
        }
    });
    out.sort();
    out.dedup();
    out
}

/// Calls `visit` with every inline expression of `pattern`, outermost first: placeables, selectors
/// and the patterns of their variants, function and term arguments, nested placeables. The one
/// walk behind [`variables`] and the tooling's lists of referenced terms and messages.
pub(crate) fn for_each_inline<'p, 's>(
    pattern: &'p ast::Pattern<&'s str>,
    visit: &mut dyn FnMut(&'p ast::InlineExpression<&'s str>),
) {
    fn inline<'p, 's>(
        e: &'p ast::InlineExpression<&'s str>,
        visit: &mut dyn FnMut(&'p ast::InlineExpression<&'s str>),
    ) {
        visit(e);
        match e {
            ast::InlineExpression::FunctionReference { arguments, .. }
            | ast::InlineExpression::TermReference { arguments: Some(arguments), .. } => {
                arguments.positional.iter().for_each(|a| inline(a, visit));
                arguments.named.iter().for_each(|a| inline(&a.value, visit));
            }
            ast::InlineExpression::Placeable { expression } => expression_of(expression, visit),
            _ => {}
        }
    }
    fn expression_of<'p, 's>(
        e: &'p ast::Expression<&'s str>,
        visit: &mut dyn FnMut(&'p ast::InlineExpression<&'s str>),
    ) {
        match e {
            ast::Expression::Inline(i) => inline(i, visit),
            ast::Expression::Select { selector, variants } => {
                inline(selector, visit);
                variants.iter().for_each(|v| for_each_inline(&v.value, visit));
            }
        }
    }
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_of(expression, visit);
        }
    }
}

/// A value for a Fluent variable.
///
/// Built with `.into()` from text (`&str`, `String`, `&String`, `Cow<str>`) and from every integer
/// and float type: `("count", 3.into())`, `("name", user.name.clone().into())`.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg<'a> {
    /// Text, inserted as is.
    Str(&'a str),
    /// Owned text, inserted as is.
    String(String),
    /// An integer.
    Int(i64),
    /// An unsigned integer too large for [`Arg::Int`].
    UInt(u64),
    /// A number with a fraction.
    Float(f64),
}

impl Arg<'_> {
    /// The same value, borrowing owned text instead of copying it.
    pub fn reborrow(&self) -> Arg<'_> {
        match self {
            Arg::Str(s) => Arg::Str(s),
            Arg::String(s) => Arg::Str(s),
            Arg::Int(n) => Arg::Int(*n),
            Arg::UInt(n) => Arg::UInt(*n),
            Arg::Float(n) => Arg::Float(*n),
        }
    }

    /// The text of a text value.
    pub(crate) fn as_text(&self) -> Option<&str> {
        match self {
            Arg::Str(s) => Some(s),
            Arg::String(s) => Some(s),
            _ => None,
        }
    }
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(value: &'a str) -> Self {
        Arg::Str(value)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(value: &'a String) -> Self {
        Arg::Str(value)
    }
}

impl From<String> for Arg<'_> {
    fn from(value: String) -> Self {
        Arg::String(value)
    }
}

impl<'a> From<Cow<'a, str>> for Arg<'a> {
    fn from(value: Cow<'a, str>) -> Self {
        match value {
            Cow::Borrowed(s) => Arg::Str(s),
            Cow::Owned(s) => Arg::String(s),
        }
    }
}

macro_rules! int_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            fn from(value: $t) -> Self {
                Arg::Int(i64::from(value))
            }
        }
    )*};
}
int_args!(i8, i16, i32, i64, u8, u16, u32);

macro_rules! wide_args {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg<'_> {
            /// Exact when it fits `i64` or `u64`; beyond, the nearest `f64`.
            #[allow(clippy::cast_precision_loss)]
            fn from(value: $t) -> Self {
                if let Ok(n) = i64::try_from(value) {
                    Arg::Int(n)
                } else if let Ok(n) = u64::try_from(value) {
                    Arg::UInt(n)
                } else {
                    Arg::Float(value as f64)
                }
            }
        }
    )*};
}
wide_args!(isize, usize, i128, u128);

impl From<u64> for Arg<'_> {
    fn from(value: u64) -> Self {
        i64::try_from(value).map_or(Arg::UInt(value), Arg::Int)
    }
}

impl From<f64> for Arg<'_> {
    fn from(value: f64) -> Self {
        Arg::Float(value)
    }
}

impl From<f32> for Arg<'_> {
    fn from(value: f32) -> Self {
        Arg::Float(f64::from(value))
    }
}

impl std::fmt::Display for Arg<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Arg::Str(s) => f.write_str(s),
            Arg::String(s) => f.write_str(s),
            Arg::Int(n) => write!(f, "{n}"),
            Arg::UInt(n) => write!(f, "{n}"),
            Arg::Float(n) => write!(f, "{n}"),
        }
    }
}

/// Formats compiled parts; a missing variable is written as `{$name}`, as fluent-bundle does.
pub(crate) fn format_parts<'p>(parts: &'p [Part], args: &[(&str, Arg<'_>)], missing: &mut Vec<String>) -> Cow<'p, str> {
    use std::fmt::Write;
    let mut capacity = 0;
    for part in parts {
        capacity += match part {
            Part::Text(text) => text.len(),
            Part::Variable(name) => find(args, name).and_then(Arg::as_text).map_or(16, str::len),
        };
    }
    let mut out = String::with_capacity(capacity);
    for part in parts {
        match part {
            Part::Text(text) => out.push_str(text),
            Part::Variable(name) => match find(args, name) {
                Some(arg) => match arg.as_text() {
                    Some(text) => out.push_str(text),
                    None => {
                        let _ = write!(out, "{arg}");
                    }
                },
                None => {
                    missing.push(name.to_string());
                    let _ = write!(out, "{{${name}}}");
                }
            },
        }
    }
    Cow::Owned(out)
}

fn find<'s, 'a>(args: &'s [(&str, Arg<'a>)], name: &str) -> Option<&'s Arg<'a>> {
    args.iter().find(|(n, _)| *n == name).map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first_value(source: &str) -> (Pattern, Vec<String>) {
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let mut terms = Terms::new();
        let mut value = None;
        for entry in &resource.body {
            match entry {
                ast::Entry::Term(term) => {
                    terms.insert(term.id.name, term);
                }
                ast::Entry::Message(m) if value.is_none() => value = m.value.clone(),
                _ => {}
            }
        }
        let value = value.unwrap();
        (compile(&value, &terms), variables(&value))
    }

    #[test]
    fn plain_text_literals_and_terms_compile_to_plain() {
        let (p, vars) = first_value("m = { -brand } has {\"{\"}braces{\"\\u0021\"} { 42 }\n-brand = Backup\n");
        assert_eq!(p, Pattern::Plain("Backup has {braces! 42".into()));
        assert!(vars.is_empty());
    }

    #[test]
    fn multiline_text_keeps_line_breaks() {
        let (p, _) = first_value("m =\n    first\n      second\n");
        assert_eq!(p, Pattern::Plain("first\n  second".into()));
    }

    #[test]
    fn variables_compile_to_parts_and_format() {
        let (p, vars) = first_value("m = At most { $limit } of { $kind }.\n");
        assert_eq!(vars, ["kind", "limit"]);
        let Pattern::Parts(parts) = p else { panic!("{p:?}") };
        let mut missing = Vec::new();
        let text = format_parts(&parts, &[("limit", Arg::Int(3)), ("kind", "disks".into())], &mut missing);
        assert_eq!(text, "At most 3 of disks.");
        assert!(missing.is_empty());
        let text = format_parts(&parts, &[("limit", Arg::Float(2.5))], &mut missing);
        assert_eq!(text, "At most 2.5 of {$kind}.");
        assert_eq!(missing, ["kind"]);
    }

    #[test]
    fn terms_that_multiply_are_left_to_fluent_bundle_instead_of_expanded() {
        // Seven levels of ten references each would inline 10^7 copies of `lol` (30 MB per message).
        let mut source = String::from("m = { -t0 }\n");
        for i in 0..7 {
            source.push_str(&format!("-t{i} = {}\n", format!("{{ -t{} }}", i + 1).repeat(10)));
        }
        source.push_str("-t7 = lol\n");
        let (p, _) = first_value(&source);
        assert!(matches!(p, Pattern::Complex(_)), "{:?}", p);
        // Within the budget, terms are still inlined.
        let (p, _) = first_value("m = { -a } { -a }\n-a = { -b }{ -b }\n-b = x\n");
        assert_eq!(p, Pattern::Plain("xx xx".into()));
    }

    #[test]
    fn many_lines_join_in_one_pass() {
        // Each line is a text element; joining them by copying the text so far was quadratic.
        let (p, _) = first_value(&format!("m =\n{}", "    line\n".repeat(500_000)));
        let Pattern::Plain(text) = p else { panic!() };
        assert_eq!(text.len(), "line\n".len() * 500_000 - 1);
    }

    #[test]
    fn selectors_are_complex_with_canonical_source() {
        let (p, vars) = first_value("m = { $n ->\n    [one] one disk\n   *[other] { $n } disks\n}\n");
        assert_eq!(vars, ["n"]);
        let Pattern::Complex(source) = p else { panic!("{p:?}") };
        assert!(source.contains("*[other] { $n } disks"), "{source}");
    }
}
