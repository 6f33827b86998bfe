//! The import summary: what the page was read as and what the import does to the catalog.

use super::merge::{Change, Plan};
use super::Report;
use std::fmt::Write;

/// The summary `errcat import` prints: column mapping, tables skipped, placeholder conversions,
/// duplicate rows not kept, notes, then each change, status conflict and the totals.
pub fn summary(report: &Report, plan: &Plan) -> String {
    let mut out = String::new();
    for (line, uses) in &report.tables {
        let mapping: Vec<String> = uses
            .iter()
            .map(|u| match &u.note {
                Some(note) => format!("{} → {} ({note})", u.header, u.role),
                None => format!("{} → {}", u.header, u.role),
            })
            .collect();
        let _ = writeln!(out, "columns (table at line {line}): {}", mapping.join(", "));
    }
    for (line, headers) in &report.skipped {
        let _ = writeln!(out, "skipped  table at line {line}: no error-code column ({})", headers.join(" | "));
    }
    for (code, line, conversion) in &report.conversions {
        let _ = writeln!(out, "placeholder {code} (line {line}): `{}` → `{}`", conversion.from, conversion.to);
    }
    for (kept, entry) in &report.dropped {
        let status = entry.status.map(|s| format!(", status {s}")).unwrap_or_default();
        let _ = writeln!(
            out,
            "duplicate {} on line {}{status} not imported (kept line {kept}): “{}”",
            entry.code,
            entry.line,
            entry.message.canonical()
        );
        for (name, text) in [("description", &entry.description), ("suggestion", &entry.suggestion)] {
            if let Some(text) = text {
                let _ = writeln!(out, "    its {name}: “{}”", text.canonical());
            }
        }
        if let Some(module) = &entry.family {
            let _ = writeln!(out, "    its module: {module}");
        }
    }
    for (line, note) in &report.notes {
        let _ = writeln!(out, "note     line {line}: {note}");
    }
    for note in &plan.notes {
        let _ = writeln!(out, "note     {note}");
    }
    let (mut added, mut unchanged, mut conflicts) = (0, 0, 0);
    // A code counts once however many of its texts changed.
    let mut changed_codes = std::collections::BTreeSet::new();
    for change in &plan.changes {
        match change {
            Change::Added { code, file } => {
                added += 1;
                let _ = writeln!(out, "added    {code} ({file})");
            }
            Change::Changed { code, text, old, new } => {
                changed_codes.insert(code);
                let show = |t: &Option<String>| t.as_ref().map_or("(none)".to_string(), |t| format!("“{t}”"));
                let _ = writeln!(out, "changed  {code} {text}: {} → {}", show(old), show(new));
            }
            Change::Status { code, old, new } => {
                changed_codes.insert(code);
                let _ = writeln!(out, "changed  {code} status: {old} → {new}");
            }
            Change::StatusConflict { code, catalog, page, line } => {
                conflicts += 1;
                let _ = writeln!(
                    out,
                    "conflict {code} status: the page (line {line}) says {page}, the catalog says {catalog}: kept {catalog}"
                );
            }
            Change::Unchanged { .. } => unchanged += 1,
        }
    }
    if !plan.not_on_page.is_empty() {
        let _ = writeln!(out, "not on the page (left as they are): {}", plan.not_on_page.join(" "));
    }
    let changed = changed_codes.len();
    let _ = write!(out, "{}: {added} added, {changed} changed, {unchanged} unchanged", plan.locale);
    if conflicts > 0 {
        let _ = write!(out, ", {conflicts} status conflict(s) not written");
    }
    out.push('\n');
    if plan.is_source && changed > 0 {
        out.push_str("the translations of the changed texts are now stale: update them, then run `errcat review`\n");
    }
    out
}
