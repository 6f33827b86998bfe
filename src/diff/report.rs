//! `errcat diff`'s output: text for a terminal, Markdown for a changelog, JSON for bots.

use super::Change;
use crate::hygiene::{escape, escape_json};
use crate::render::text::escape_markdown;
use std::fmt::Write;

/// How the changes are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiffFormat {
    /// One line per change, control characters escaped; nothing when there is no change.
    Text,
    /// A changelog section: breaking changes first, then added, retired and changed texts; nothing
    /// when there is no change.
    Markdown,
    /// `{"breaking": bool, "changes": [...]}`, each change with its `kind` and `breaking`.
    Json,
}

/// The changes written in `format`.
pub fn render(changes: &[Change], format: DiffFormat) -> String {
    match format {
        DiffFormat::Text => text(changes),
        DiffFormat::Markdown => markdown(changes),
        DiffFormat::Json => json(changes),
    }
}

/// A text on one line, quoted as Rust writes a string (`\n`, `\"`, `\u{1b}`), or `(none)`.
fn quoted(text: Option<&str>) -> String {
    text.map_or_else(|| "(none)".to_string(), |t| escape(&format!("{t:?}")).into_owned())
}

fn variables(added: &[String], removed: &[String], write: impl Fn(&str) -> String) -> String {
    let list = |names: &[String]| names.iter().map(|n| write(&format!("${n}"))).collect::<Vec<_>>().join(", ");
    match (added.is_empty(), removed.is_empty()) {
        (false, false) => format!("added {}; removed {}", list(added), list(removed)),
        (false, true) => format!("added {}", list(added)),
        _ => format!("removed {}", list(removed)),
    }
}

fn text(changes: &[Change]) -> String {
    let mut out = String::new();
    for change in changes {
        let code = escape(change.code());
        let line = match change {
            Change::Added { status, .. } => format!("added      {code} (HTTP {status})"),
            Change::Removed { .. } => format!("removed    {code} without a tombstone under [retired] (breaking)"),
            Change::Retired { reason: Some(reason), .. } => format!("retired    {code}: {}", escape(reason)),
            Change::Retired { reason: None, .. } => format!("unretired  {code}"),
            Change::StatusChanged { old, new, .. } => format!("status     {code}: HTTP {old} -> {new} (breaking)"),
            Change::VariablesChanged { added, removed, .. } => {
                format!("variables  {code}: {} (breaking)", variables(added, removed, |v| v.to_string()))
            }
            Change::TextChanged { locale, text, old, new, .. } => format!(
                "text       {code} {} {}: {} -> {}",
                escape(locale),
                escape(text),
                quoted(old.as_deref()),
                quoted(new.as_deref())
            ),
        };
        out.push_str(&line);
        out.push('\n');
    }
    if !changes.is_empty() {
        let breaking = changes.iter().filter(|c| c.is_breaking()).count();
        let _ = writeln!(out, "{} change(s), {breaking} breaking", changes.len());
    }
    out
}

/// The changelog sections, in order.
const SECTIONS: [&str; 4] = ["Breaking changes", "Added", "Retired", "Texts changed"];

/// A change's section (an index into [`SECTIONS`]) and its list item.
fn markdown_item(change: &Change) -> (usize, String) {
    let code = format!("`{}`", change.code());
    let md = |t: &str| escape_markdown(t).into_owned();
    match change {
        Change::Removed { .. } => (0, format!("{code}: removed without a tombstone")),
        Change::StatusChanged { old, new, .. } => (0, format!("{code}: HTTP status {old} → {new}")),
        Change::VariablesChanged { added, removed, .. } => {
            (0, format!("{code}: variables {}", variables(added, removed, |v| format!("`{v}`"))))
        }
        Change::Added { status, .. } => (1, format!("{code} (HTTP {status})")),
        Change::Retired { reason: Some(reason), .. } => (2, format!("{code}: {}", md(reason))),
        Change::Retired { reason: None, .. } => (2, format!("{code}: no longer retired")),
        Change::TextChanged { locale, text, old, new, .. } => {
            let shown = |t: &Option<String>| t.as_deref().map_or_else(|| "*(none)*".to_string(), md);
            (3, format!("{code} ({}, {}): {} → {}", md(locale), md(text), shown(old), shown(new)))
        }
    }
}

fn markdown(changes: &[Change]) -> String {
    let mut sections: [Vec<String>; 4] = Default::default();
    for change in changes {
        let (section, item) = markdown_item(change);
        sections[section].push(item);
    }
    let mut out = String::new();
    for (title, items) in SECTIONS.iter().zip(sections).filter(|(_, items)| !items.is_empty()) {
        let _ = writeln!(out, "{}### {title}\n", if out.is_empty() { "" } else { "\n" });
        for item in items {
            let _ = writeln!(out, "- {item}");
        }
    }
    out
}

#[derive(serde::Serialize)]
struct Report<'a> {
    breaking: bool,
    changes: Vec<Entry<'a>>,
}

#[derive(serde::Serialize)]
struct Entry<'a> {
    #[serde(flatten)]
    change: &'a Change,
    breaking: bool,
}

fn json(changes: &[Change]) -> String {
    let report = Report {
        breaking: changes.iter().any(Change::is_breaking),
        changes: changes.iter().map(|change| Entry { change, breaking: change.is_breaking() }).collect(),
    };
    let mut json = escape_json(serde_json::to_string_pretty(&report).unwrap_or_default());
    json.push('\n');
    json
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_texts_stay_on_one_line_and_harmless() {
        let change = Change::TextChanged {
            code: "A.1".into(),
            locale: "en-US".into(),
            text: "message".into(),
            old: Some("x\u{1b}[2J\ny".into()),
            new: Some("invoice_\u{202e}fdp.exe".into()),
        };
        let out = render(std::slice::from_ref(&change), DiffFormat::Text);
        assert_eq!(
            out.lines().next().unwrap(),
            r#"text       A.1 en-US message: "x\u{1b}[2J\ny" -> "invoice_\u{202e}fdp.exe""#
        );
        let json = render(&[change], DiffFormat::Json);
        assert!(json.contains(r"invoice_\u202efdp.exe") && json.contains(r"x\u001b[2J\ny"), "{json}");
    }
}
