//! Walks over one Fluent pattern with an explicit stack: how deeply placeables nest is the
//! input's choice, so a recursive walk could be made to overflow the stack.

use fluent_syntax::ast;

/// A reference from a pattern to a message or term of the same locale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Target<'s> {
    /// A term (`-brand`) rather than a message.
    pub(super) term: bool,
    /// The id, without the `-` of a term.
    pub(super) id: &'s str,
    /// The attribute referred to (`-brand.gender`), if any.
    pub(super) attribute: Option<&'s str>,
}

impl Target<'_> {
    /// As written in Fluent: `-brand.gender`, `SHOP-404`.
    pub(super) fn name(&self) -> String {
        let dash = if self.term { "-" } else { "" };
        match self.attribute {
            Some(attribute) => format!("{dash}{}.{attribute}", self.id),
            None => format!("{dash}{}", self.id),
        }
    }
}

/// A select expression: what it selects on and the names of its variants.
pub(super) struct Select<'s> {
    /// The function called by the selector (`NUMBER`), if it is a call.
    pub(super) function: Option<&'s str>,
    /// The variable the selector reads (`count`), if it is a bare variable.
    pub(super) variable: Option<&'s str>,
    /// The identifier keys of the variants (`one`, `other`); number keys are left out.
    pub(super) keys: Vec<&'s str>,
}

/// What a pattern uses, in source order.
#[derive(Default)]
pub(super) struct Uses<'s> {
    pub(super) references: Vec<Target<'s>>,
    pub(super) functions: Vec<&'s str>,
    pub(super) variables: Vec<&'s str>,
    pub(super) selects: Vec<Select<'s>>,
}

enum Item<'a, 's> {
    Pattern(&'a ast::Pattern<&'s str>),
    Expression(&'a ast::Expression<&'s str>),
    Inline(&'a ast::InlineExpression<&'s str>),
}

/// Everything `pattern` refers to, calls, reads and selects on.
pub(super) fn uses<'s>(pattern: &ast::Pattern<&'s str>) -> Uses<'s> {
    let mut uses = Uses::default();
    let mut stack = vec![Item::Pattern(pattern)];
    while let Some(item) = stack.pop() {
        match item {
            Item::Pattern(pattern) => stack.extend(placeables(pattern).rev().map(Item::Expression)),
            Item::Expression(ast::Expression::Inline(inline)) => stack.push(Item::Inline(inline)),
            Item::Expression(ast::Expression::Select { selector, variants }) => {
                uses.selects.push(Select {
                    function: match selector {
                        ast::InlineExpression::FunctionReference { id, .. } => Some(id.name),
                        _ => None,
                    },
                    variable: match selector {
                        ast::InlineExpression::VariableReference { id } => Some(id.name),
                        _ => None,
                    },
                    keys: variants
                        .iter()
                        .filter_map(|v| match &v.key {
                            ast::VariantKey::Identifier { name } => Some(*name),
                            ast::VariantKey::NumberLiteral { .. } => None,
                        })
                        .collect(),
                });
                stack.extend(variants.iter().rev().map(|v| Item::Pattern(&v.value)));
                stack.push(Item::Inline(selector));
            }
            Item::Inline(inline) => match inline {
                ast::InlineExpression::StringLiteral { .. } | ast::InlineExpression::NumberLiteral { .. } => {}
                ast::InlineExpression::VariableReference { id } => uses.variables.push(id.name),
                ast::InlineExpression::FunctionReference { id, arguments } => {
                    uses.functions.push(id.name);
                    stack.extend(call_arguments(arguments).rev().map(Item::Inline));
                }
                ast::InlineExpression::MessageReference { id, attribute } => uses.references.push(Target {
                    term: false,
                    id: id.name,
                    attribute: attribute.as_ref().map(|a| a.name),
                }),
                ast::InlineExpression::TermReference { id, attribute, arguments } => {
                    uses.references.push(Target {
                        term: true,
                        id: id.name,
                        attribute: attribute.as_ref().map(|a| a.name),
                    });
                    if let Some(arguments) = arguments {
                        stack.extend(call_arguments(arguments).rev().map(Item::Inline));
                    }
                }
                ast::InlineExpression::Placeable { expression } => stack.push(Item::Expression(expression)),
            },
        }
    }
    uses
}

fn placeables<'a, 's>(
    pattern: &'a ast::Pattern<&'s str>,
) -> impl DoubleEndedIterator<Item = &'a ast::Expression<&'s str>> + 'a {
    pattern.elements.iter().filter_map(|element| match element {
        ast::PatternElement::Placeable { expression } => Some(expression),
        ast::PatternElement::TextElement { .. } => None,
    })
}

fn call_arguments<'a, 's>(
    arguments: &'a ast::CallArguments<&'s str>,
) -> impl DoubleEndedIterator<Item = &'a ast::InlineExpression<&'s str>> + 'a {
    arguments.positional.iter().chain(arguments.named.iter().map(|n| &n.value))
}

/// One step of [`placeable_count`]: visit something, or combine the counts of the last `n` visits.
enum Step<'a, 's> {
    Visit(Item<'a, 's>),
    Sum { n: usize, plus: u32 },
    Max { n: usize },
}

/// The most placeables fluent-bundle can visit while formatting `pattern` once: its own, and those
/// of every entry it refers to (`count_of` gives their counts), taking the largest variant of a
/// selector. fluent-bundle stops formatting after 100. Saturates instead of overflowing.
pub(super) fn placeable_count<'s>(pattern: &ast::Pattern<&'s str>, count_of: impl Fn(Target<'s>) -> u32) -> u32 {
    let mut counts: Vec<u32> = Vec::new();
    let mut steps = vec![Step::Visit(Item::Pattern(pattern))];
    let combine = |counts: &mut Vec<u32>, n: usize, fold: fn(u32, u32) -> u32, start: u32| {
        let combined = counts.drain(counts.len() - n..).fold(start, fold);
        counts.push(combined);
    };
    while let Some(step) = steps.pop() {
        match step {
            Step::Sum { n, plus } => combine(&mut counts, n, u32::saturating_add, plus),
            Step::Max { n } => combine(&mut counts, n, u32::max, 0),
            Step::Visit(Item::Pattern(pattern)) => {
                let n = placeables(pattern).count();
                steps.push(Step::Sum { n, plus: n as u32 });
                steps.extend(placeables(pattern).map(|e| Step::Visit(Item::Expression(e))));
            }
            Step::Visit(Item::Expression(ast::Expression::Inline(inline))) => {
                steps.push(Step::Visit(Item::Inline(inline)))
            }
            Step::Visit(Item::Expression(ast::Expression::Select { selector, variants })) => {
                steps.push(Step::Sum { n: 2, plus: 0 });
                steps.push(Step::Max { n: variants.len() });
                steps.extend(variants.iter().map(|v| Step::Visit(Item::Pattern(&v.value))));
                steps.push(Step::Visit(Item::Inline(selector)));
            }
            Step::Visit(Item::Inline(inline)) => match inline {
                ast::InlineExpression::StringLiteral { .. }
                | ast::InlineExpression::NumberLiteral { .. }
                | ast::InlineExpression::VariableReference { .. } => counts.push(0),
                ast::InlineExpression::FunctionReference { arguments, .. } => {
                    steps.push(Step::Sum { n: call_arguments(arguments).count(), plus: 0 });
                    steps.extend(call_arguments(arguments).map(|a| Step::Visit(Item::Inline(a))));
                }
                ast::InlineExpression::MessageReference { id, attribute } => counts.push(count_of(Target {
                    term: false,
                    id: id.name,
                    attribute: attribute.as_ref().map(|a| a.name),
                })),
                ast::InlineExpression::TermReference { id, attribute, arguments } => {
                    let target = Target { term: true, id: id.name, attribute: attribute.as_ref().map(|a| a.name) };
                    let arguments: Vec<_> = arguments.iter().flat_map(call_arguments).collect();
                    steps.push(Step::Sum { n: arguments.len(), plus: count_of(target) });
                    steps.extend(arguments.into_iter().map(|a| Step::Visit(Item::Inline(a))));
                }
                ast::InlineExpression::Placeable { expression } => {
                    steps.push(Step::Visit(Item::Expression(expression)))
                }
            },
        }
    }
    counts.pop().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value<'s>(resource: &'s ast::Resource<&'s str>, id: &str) -> &'s ast::Pattern<&'s str> {
        resource
            .body
            .iter()
            .find_map(|e| match e {
                ast::Entry::Message(m) if m.id.name == id => m.value.as_ref(),
                ast::Entry::Term(t) if t.id.name == id => Some(&t.value),
                _ => None,
            })
            .unwrap()
    }

    #[test]
    fn uses_are_in_source_order() {
        let source =
            "m = { NUMBER($n) ->\n    [one] { -a }\n   *[other] { m2.x } { F($v, k: \"x\") } { -b(k: 1) }\n}\n";
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let uses = uses(value(&resource, "m"));
        let names: Vec<String> = uses.references.iter().map(Target::name).collect();
        assert_eq!(names, ["-a", "m2.x", "-b"]);
        assert_eq!(uses.functions, ["NUMBER", "F"]);
        assert_eq!(uses.variables, ["n", "v"]);
        assert_eq!(uses.selects.len(), 1);
        assert_eq!(uses.selects[0].function, Some("NUMBER"));
        assert_eq!(uses.selects[0].keys, ["one", "other"]);
    }

    #[test]
    fn placeables_count_the_largest_variant_and_what_is_referred_to() {
        // 1 (the selector's placeable) + max(1 + 10 for -t, 2) = 12.
        let source = "m = { $n ->\n    [one] { -t }\n   *[other] { $n } { $n }\n}\n";
        let resource = fluent_syntax::parser::parse(source).unwrap();
        let count = placeable_count(value(&resource, "m"), |t| if t.id == "t" { 10 } else { 0 });
        assert_eq!(count, 12);
        let plain = fluent_syntax::parser::parse("m = text\n").unwrap();
        assert_eq!(placeable_count(value(&plain, "m"), |_| 0), 0);
    }
}
