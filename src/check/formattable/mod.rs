//! Messages that load but cannot be formatted, found before a user meets them: calls of functions
//! fluent-bundle does not have, references to messages, terms or attributes that do not exist,
//! cycles of references, patterns that visit more placeables than fluent-bundle allows, family
//! titles that need arguments, and plural selectors that lack some of their locale's CLDR
//! categories (a warning, as compare-locales gives).
//!
//! Each locale is checked as fluent-bundle sees it: the entries of all its `.ftl` files together.
//! Every walk is iterative, and every entry is visited a bounded number of times, so a catalog
//! of long chains or circles of terms is checked in linear time without deep recursion.

mod graph;
mod plural;
mod walk;

use super::SourceLines;
use crate::runtime::catalog::DATETIME_UNSUPPORTED;
use crate::runtime::diagnostic::{Diagnostic, Kind, Location};
use crate::runtime::load::FAMILY_TERM_PREFIX;
use crate::{id_to_code, SourceFile, Sources};
use fluent_syntax::ast;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;
use walk::Target;

/// The functions fluent-bundle offers errcat's messages.
const FUNCTIONS: [&str; 1] = ["NUMBER"];

/// fluent-bundle stops formatting a message after visiting this many placeables.
const MAX_PLACEABLES: u32 = 100;

/// One text of an entry: a message or term value, or one of its attributes.
struct Node<'a, 's> {
    target: Target<'s>,
    pattern: &'a ast::Pattern<&'s str>,
    file: &'s SourceFile,
    /// The lines (0-based, end excluded) the text is written on, to place what it uses.
    lines: (usize, usize),
}

impl Node<'_, '_> {
    fn code(&self) -> Option<String> {
        if self.target.term {
            None
        } else {
            id_to_code(self.target.id)
        }
    }
}

/// Every problem that would stop a message of `sources` from being formatted.
pub(super) fn check(sources: &Sources, lines: &SourceLines<'_>, out: &mut Vec<Diagnostic>) {
    let mut locales: BTreeMap<&str, Vec<&SourceFile>> = BTreeMap::new();
    for file in sources.files.iter().filter(|f| f.path.ends_with(".ftl")) {
        if let Some((locale, _)) = file.path.split_once('/') {
            locales.entry(locale).or_default().push(file);
        }
    }
    for (locale, files) in locales {
        // Syntax errors are the loader's to report; what parsed is checked.
        let resources: Vec<_> = files
            .iter()
            .map(|f| fluent_syntax::parser::parse(f.text.as_ref()).unwrap_or_else(|(resource, _)| resource))
            .collect();
        let nodes: Vec<Node> =
            files.iter().zip(&resources).flat_map(|(file, resource)| nodes(file, resource)).collect();
        Locale { name: locale, nodes: &nodes, lines, out }.check();
    }
}

/// The texts of one file's entries, with the lines each is written on.
fn nodes<'a, 's>(file: &'s SourceFile, resource: &'a ast::Resource<&'s str>) -> Vec<Node<'a, 's>> {
    let layout = layout(&file.text);
    let mut nodes = Vec::new();
    let mut add = |target: Target<'s>, pattern: &'a ast::Pattern<&'s str>| {
        let lines = layout.get(&(target.name())).copied().unwrap_or((0, 0));
        nodes.push(Node { target, pattern, file, lines });
    };
    for entry in &resource.body {
        let (term, id, value, attributes) = match entry {
            ast::Entry::Message(m) => (false, m.id.name, m.value.as_ref(), &m.attributes),
            ast::Entry::Term(t) => (true, t.id.name, Some(&t.value), &t.attributes),
            _ => continue,
        };
        if let Some(value) = value {
            add(Target { term, id, attribute: None }, value);
        }
        for attribute in attributes {
            add(Target { term, id, attribute: Some(attribute.id.name) }, &attribute.value);
        }
    }
    nodes
}

/// The lines of each text of a file (`-brand`, `MSG`, `MSG.suggestion`), 0-based, end excluded.
/// Fluent puts every entry at the start of a line and every attribute first on its line.
fn layout(text: &str) -> HashMap<String, (usize, usize)> {
    let mut found = HashMap::new();
    let mut current: Option<(String, String, usize)> = None; // (entry, text name, first line)
    let lines: Vec<&str> = text.lines().collect();
    let mut close = |current: &mut Option<(String, String, usize)>, end: usize| {
        if let Some((_, name, start)) = current.take() {
            found.entry(name).or_insert((start, end));
        }
    };
    for (number, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        if line.starts_with(|c: char| c.is_ascii_alphabetic() || c == '-') {
            if let Some(id) = defined(line) {
                close(&mut current, number);
                current = Some((id.to_string(), id.to_string(), number));
            }
        } else if line.starts_with('#') {
            close(&mut current, number);
        } else if let Some(attribute) = trimmed.strip_prefix('.').filter(|_| trimmed.len() < line.len()) {
            if let (Some(name), Some((entry, _, _))) = (defined(attribute), &current) {
                let entry = entry.clone();
                close(&mut current, number);
                current = Some((entry.clone(), format!("{entry}.{name}"), number));
            }
        }
    }
    close(&mut current, lines.len());
    found
}

/// The identifier (with a term's `-`) that `line` defines with `=`, if it does.
fn defined(line: &str) -> Option<&str> {
    let body = line.strip_prefix('-').unwrap_or(line);
    let end = body.find(|c: char| !is_identifier_char(c)).unwrap_or(body.len());
    let rest = &body[end..];
    (end > 0 && rest.trim_start().starts_with('=')).then(|| &line[..line.len() - rest.len()])
}

fn is_identifier_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

struct Locale<'c, 'a, 's> {
    name: &'c str,
    nodes: &'c [Node<'a, 's>],
    lines: &'c SourceLines<'c>,
    out: &'c mut Vec<Diagnostic>,
}

impl Locale<'_, '_, '_> {
    fn check(&mut self) {
        let index: HashMap<Target, usize> = self.nodes.iter().enumerate().rev().map(|(i, n)| (n.target, i)).collect();
        let entries: HashMap<(bool, &str), bool> = self
            .nodes
            .iter()
            .map(|n| ((n.target.term, n.target.id), n.target.attribute.is_none()))
            .fold(HashMap::new(), |mut has_value, (entry, value)| {
                *has_value.entry(entry).or_default() |= value;
                has_value
            });
        let categories = self.name.parse().map(|l| plural::categories(&l)).unwrap_or_else(|_| vec!["other"]);
        let mut edges = vec![Vec::new(); self.nodes.len()];
        for (number, node) in self.nodes.iter().enumerate() {
            let uses = walk::uses(node.pattern);
            for function in uses.functions.iter().filter(|f| !FUNCTIONS.contains(f)) {
                let message = if *function == "DATETIME" {
                    format!("{} cannot be formatted: {DATETIME_UNSUPPORTED}", describe(node))
                } else {
                    format!(
                        "{} calls the unknown function `{function}()`: the functions available are {}",
                        describe(node),
                        FUNCTIONS.map(|f| format!("`{f}()`")).join(", ")
                    )
                };
                self.report(Kind::UnknownFunction, message, node, function);
            }
            for target in &uses.references {
                match index.get(target) {
                    Some(&to) => edges[number].push(to),
                    None => {
                        let message = match (entries.get(&(target.term, target.id)), target.attribute) {
                            (None, _) => format!(
                                "{} refers to the unknown {} `{}`",
                                describe(node),
                                if target.term { "term" } else { "message" },
                                Target { attribute: None, ..*target }.name()
                            ),
                            (Some(_), Some(attribute)) => format!(
                                "{} refers to `{}`, but `{}` has no attribute `.{attribute}`",
                                describe(node),
                                target.name(),
                                Target { attribute: None, ..*target }.name()
                            ),
                            (Some(_), None) => format!(
                                "{} refers to `{}`, which has no value (only attributes)",
                                describe(node),
                                target.name()
                            ),
                        };
                        let needle = Target { attribute: None, ..*target }.name();
                        self.report(Kind::UnknownReference, message, node, &needle);
                    }
                }
            }
            if node.target.term && node.target.attribute.is_none() {
                if let Some(family) = node.target.id.strip_prefix(FAMILY_TERM_PREFIX) {
                    let needs = uses.variables.first().map(|v| (format!("the variable `${v}`"), format!("${v}")));
                    let needs = needs.or_else(|| uses.functions.first().map(|f| (format!("`{f}()`"), f.to_string())));
                    if let Some((what, needle)) = needs {
                        let message = format!(
                            "the title of family `{family}` uses {what}: titles are shown without arguments, so \
                             it would be dropped for the family id; write the title as plain text"
                        );
                        self.report(Kind::FamilyTitle, message, node, &needle);
                    }
                }
            }
            for select in &uses.selects {
                let plural = select.function == Some("NUMBER")
                    || (select.variable.is_some()
                        && select.keys.iter().all(|k| plural::is_category(k))
                        && select.keys.iter().any(|k| *k != "other"));
                let missing: Vec<&str> = categories.iter().copied().filter(|c| !select.keys.contains(c)).collect();
                if plural && !missing.is_empty() {
                    let (selector, needle) = match (select.function, select.variable) {
                        (Some(function), _) => (format!("`{function}(…)`"), function.to_string()),
                        (_, Some(variable)) => (format!("`${variable}`"), format!("${variable}")),
                        _ => ("a number".to_string(), "->".to_string()),
                    };
                    let message = format!(
                        "{} selects on {selector} without the {} plural {} {}: the CLDR categories of {} are {}",
                        describe(node),
                        self.name,
                        if missing.len() == 1 { "category" } else { "categories" },
                        missing.iter().map(|c| format!("[{c}]")).collect::<Vec<_>>().join(", "),
                        self.name,
                        categories.join(", ")
                    );
                    self.report(Kind::MissingPluralCategory, message, node, &needle);
                }
            }
        }
        self.cycles_and_placeables(&index, &edges);
    }

    /// Reports every cycle once, each code message that uses one, and code messages that visit more
    /// than [`MAX_PLACEABLES`]. Components come after everything they use, so one pass suffices.
    fn cycles_and_placeables(&mut self, index: &HashMap<Target, usize>, edges: &[Vec<usize>]) {
        let mut counts = vec![0u32; self.nodes.len()];
        // The first node of a cycle each node reaches, if it reaches one.
        let mut reaches_cycle: Vec<Option<usize>> = vec![None; self.nodes.len()];
        for component in graph::components(edges) {
            let first = component[0];
            if component.len() > 1 || edges[first].contains(&first) {
                self.cycle(&component, edges);
                for &member in &component {
                    reaches_cycle[member] = Some(first);
                }
                continue;
            }
            let node = &self.nodes[first];
            if let Some(&through) = edges[first].iter().find(|&&to| reaches_cycle[to].is_some()) {
                reaches_cycle[first] = reaches_cycle[through];
                if node.code().is_some() {
                    let cycle = &self.nodes[reaches_cycle[through].unwrap_or(through)];
                    let used = Target { attribute: None, ..self.nodes[through].target }.name();
                    let message = format!(
                        "{} cannot be formatted: it uses `{used}`, which leads into the cycle through `{}`",
                        describe(node),
                        cycle.target.name()
                    );
                    self.report(Kind::CyclicReference, message, node, &used);
                }
                continue;
            }
            counts[first] = walk::placeable_count(node.pattern, |t| index.get(&t).map_or(0, |&i| counts[i]));
            if counts[first] > MAX_PLACEABLES && node.code().is_some() {
                let count =
                    if counts[first] == u32::MAX { "billions of".to_string() } else { counts[first].to_string() };
                let message = format!(
                    "{} visits {count} placeables through the terms and messages it uses: fluent-bundle stops \
                     after {MAX_PLACEABLES} and shows the rest as an error; flatten the chain",
                    describe(node)
                );
                self.report(Kind::TooManyPlaceables, message, node, "{");
            }
        }
    }

    /// Reports a cycle at its first entry, and at every code message in it: each of them fails.
    fn cycle(&mut self, component: &[usize], edges: &[Vec<usize>]) {
        // Long cycles are named by their first entries only, so a report stays linear in their size.
        const SHOWN: usize = 6;
        let first = component[0];
        let cycle = graph::cycle_from(first, component, edges);
        let mut names: Vec<String> =
            cycle.iter().chain([&first]).take(SHOWN).map(|&n| format!("`{}`", self.nodes[n].target.name())).collect();
        if cycle.len() + 1 > SHOWN {
            names.push(format!("… ({} entries in all)", cycle.len()));
        }
        let path = names.join(" → ");
        for (position, &member) in component.iter().enumerate() {
            let node = &self.nodes[member];
            if position > 0 && node.code().is_none() {
                continue;
            }
            // What the member refers to next on the way round: the path's next entry, else any in the cycle.
            let next = match cycle.iter().position(|&n| n == member) {
                Some(at) => cycle[(at + 1) % cycle.len()],
                None => edges[member].iter().copied().find(|to| component.binary_search(to).is_ok()).unwrap_or(member),
            };
            let message = if component.len() == 1 {
                format!("{} refers to itself, so fluent-bundle cannot format it", describe(node))
            } else {
                format!(
                    "{} is part of a cycle of references ({path}), so fluent-bundle cannot format it",
                    describe(node)
                )
            };
            let needle = Target { attribute: None, ..self.nodes[next].target }.name();
            self.report(Kind::CyclicReference, message, node, &needle);
        }
    }

    /// Reports a problem of `node` at the first place its text writes `needle`, else where it starts.
    fn report(&mut self, kind: Kind, message: String, node: &Node, needle: &str) {
        let (line, column) = find(&node.file.text, node.lines, needle).unwrap_or((node.lines.0, 0));
        let location = Location { path: Arc::from(node.file.path.as_str()), line: line as u32 + 1, column: column + 1 };
        let mut diagnostic = Diagnostic::error(kind, message).in_locale(self.name);
        if let Some(code) = node.code() {
            diagnostic = diagnostic.for_code(code);
        }
        self.out.push(self.lines.place(diagnostic, &location));
    }
}

/// `MSG`, `MSG.suggestion` or `term -brand`: a text as the diagnostics name it.
fn describe(node: &Node) -> String {
    if node.target.term {
        format!("term `{}`", node.target.name())
    } else {
        format!("`{}`", node.target.name())
    }
}

/// The first (0-based line, 0-based column in characters) of `lines` where `needle` stands as a
/// whole token: not inside a longer identifier.
fn find(text: &str, lines: (usize, usize), needle: &str) -> Option<(usize, u32)> {
    for (number, line) in text.lines().enumerate().take(lines.1).skip(lines.0) {
        // The first line starts with the definition (`-loop =`, `.suggestion =`), not a use.
        let mut from = if number == lines.0 { line.find('=').map_or(0, |e| e + 1) } else { 0 };
        while let Some(offset) = line[from..].find(needle) {
            let start = from + offset;
            let end = start + needle.len();
            let before = line[..start].chars().next_back();
            let after = line[end..].chars().next();
            let token_start = !needle.starts_with(is_identifier_char)
                || before.is_none_or(|c| !(is_identifier_char(c) || c == '$' || c == '.'));
            let token_end = !needle.ends_with(is_identifier_char) || after.is_none_or(|c| !is_identifier_char(c));
            if token_start && token_end {
                return Some((number, line[..start].chars().count() as u32));
            }
            from = end;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layout_finds_entries_and_attributes() {
        let text = "# c\n-brand = B\nMSG =\n    { -brand }\n    .suggestion = s\n\nOTHER = o\n";
        let found = layout(text);
        assert_eq!(found["-brand"], (1, 2));
        assert_eq!(found["MSG"], (2, 4));
        assert_eq!(found["MSG.suggestion"], (4, 6));
        assert_eq!(found["OTHER"], (6, 7));
    }

    #[test]
    fn find_matches_whole_tokens() {
        let text = "A = { -brandx } { -brand }\n";
        assert_eq!(find(text, (0, 1), "-brand"), Some((0, 18)));
        assert_eq!(find(text, (0, 1), "-nope"), None);
    }
}
