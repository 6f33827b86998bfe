//! `errcat diff OLD NEW`: what changed between two versions of a catalog, and whether the change
//! breaks the service's clients.
//!
//! A change **breaks** clients when a code they may receive or send disappears, answers with another
//! status, or needs other variables: a code removed without a tombstone (an entry under `[retired]`
//! of `catalog.toml`), a status changed, a variable added or removed. Codes added, codes retired (a
//! tombstone kept), and texts changed, added or removed per locale are reported and do not break.
//!
//! ```
//! use errcat::diff::{diff, Change};
//! let catalog = errcat::catalog();
//! assert!(diff(catalog, catalog).is_empty(), "a catalog against itself has no changes");
//! ```

use crate::{Catalog, CodeEntry};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

mod report;
mod source;

pub use report::{render, DiffFormat};
pub use source::{load_version, Version, VersionError};

/// One change between two versions of a catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// A new code.
    Added {
        /// The code.
        code: String,
        /// Its HTTP status.
        status: u16,
    },
    /// A code that is gone without a tombstone: clients that handle it break.
    Removed {
        /// The code.
        code: String,
    },
    /// A code retired (its tombstone kept under `[retired]`), or no longer retired (`reason` none).
    Retired {
        /// The code.
        code: String,
        /// Why, from `[retired]`; none when the code is live again.
        reason: Option<String>,
    },
    /// A code that answers with another HTTP status.
    StatusChanged {
        /// The code.
        code: String,
        /// Its old status.
        old: u16,
        /// Its new status.
        new: u16,
    },
    /// A code whose texts use other variables (in any locale): clients pass other arguments.
    VariablesChanged {
        /// The code.
        code: String,
        /// Variables the new version uses and the old did not, sorted.
        added: Vec<String>,
        /// Variables the old version used and the new does not, sorted.
        removed: Vec<String>,
    },
    /// A text of a code in one locale changed, appeared or disappeared (no fallback applied).
    TextChanged {
        /// The code.
        code: String,
        /// The locale tag.
        locale: String,
        /// `message`, or the attribute's name (`suggestion`).
        text: String,
        /// The old text (Fluent source form), none when it is new.
        old: Option<String>,
        /// The new text, none when it was removed.
        new: Option<String>,
    },
}

impl Change {
    /// The code the change is about.
    pub fn code(&self) -> &str {
        match self {
            Change::Added { code, .. }
            | Change::Removed { code }
            | Change::Retired { code, .. }
            | Change::StatusChanged { code, .. }
            | Change::VariablesChanged { code, .. }
            | Change::TextChanged { code, .. } => code,
        }
    }

    /// Whether the change breaks the service's clients (see the module docs).
    pub fn is_breaking(&self) -> bool {
        matches!(self, Change::Removed { .. } | Change::StatusChanged { .. } | Change::VariablesChanged { .. })
    }
}

/// The changes from `old` to `new`, by code, then in the order of [`Change`]'s variants, texts by
/// locale and name. Deterministic: the same catalogs give the same list.
pub fn diff(old: &Catalog, new: &Catalog) -> Vec<Change> {
    let mut changes = Vec::new();
    let codes: BTreeSet<&str> = old.codes().chain(new.codes()).map(CodeEntry::code).collect();
    for code in codes {
        match (old.get(code), new.get(code)) {
            (None, Some(entry)) => changes.push(Change::Added { code: code.into(), status: entry.status() }),
            // A tombstone keeps the code's texts (the loader refuses `[retired]` entries without a
            // message): a code that is gone is gone without one.
            (Some(_), None) => changes.push(Change::Removed { code: code.into() }),
            (Some(before), Some(after)) => compare(old, before, new, after, &mut changes),
            (None, None) => {}
        }
    }
    changes
}

/// The changes of one code present in both versions.
fn compare(old: &Catalog, before: &CodeEntry, new: &Catalog, after: &CodeEntry, changes: &mut Vec<Change>) {
    let code = || before.code().to_string();
    if before.retired() != after.retired() {
        changes.push(Change::Retired { code: code(), reason: after.retired().map(str::to_string) });
    }
    if before.status() != after.status() {
        changes.push(Change::StatusChanged { code: code(), old: before.status(), new: after.status() });
    }
    let (was, is) = (variables(old, before), variables(new, after));
    if was != is {
        changes.push(Change::VariablesChanged {
            code: code(),
            added: is.difference(&was).map(|v| v.to_string()).collect(),
            removed: was.difference(&is).map(|v| v.to_string()).collect(),
        });
    }
    let (was, is) = (texts(old, before), texts(new, after));
    let keys: BTreeSet<&(String, String)> = was.keys().chain(is.keys()).collect();
    for key in keys {
        let (old_text, new_text) = (was.get(key), is.get(key));
        if old_text != new_text {
            changes.push(Change::TextChanged {
                code: code(),
                locale: key.0.clone(),
                text: key.1.clone(),
                old: old_text.cloned(),
                new: new_text.cloned(),
            });
        }
    }
}

/// Every variable any text of `entry` uses, in any locale.
fn variables<'c>(catalog: &'c Catalog, entry: &'c CodeEntry) -> BTreeSet<&'c str> {
    (0..catalog.locales().len())
        .filter_map(|index| entry.texts(index))
        .flat_map(|texts| std::iter::once(texts.value()).chain(texts.attributes().map(|(_, text)| text)))
        .flat_map(|text| text.variables())
        .collect()
}

/// Every text of `entry` by (locale, name), in source form, without fallback.
fn texts(catalog: &Catalog, entry: &CodeEntry) -> BTreeMap<(String, String), String> {
    let mut texts = BTreeMap::new();
    for (index, tag) in catalog.locale_tags().enumerate() {
        if let Some(found) = entry.texts(index) {
            texts.insert((tag.to_string(), "message".to_string()), found.value().source().into_owned());
            for (name, text) in found.attributes() {
                texts.insert((tag.to_string(), name.to_string()), text.source().into_owned());
            }
        }
    }
    texts
}
