//! The run-time index: code → pre-resolved text per requested locale, in as few cache lines as possible.
//!
//! `localize` runs on every failed request of a service, so its cost is kept near one hash-map
//! probe. A generic `HashMap<Box<str>, Arc<CodeEntry>>` costs a control-byte probe, a slot, the key's
//! heap bytes, the entry, its texts and the attribute list — six dependent loads. Here a lookup reads
//! one 16-byte slot (hash check, key position), the code's bytes in one contiguous string of all codes,
//! and one [`Row`] that already holds the answer for the requested locale, per-message fallback
//! included. Rows exist only for the common case (plain text, no arguments); anything else goes the
//! general way through the [`CodeEntry`].

use crate::catalog::{CodeEntry, Locale, SUGGESTION};
use crate::pattern::Pattern;
use std::hash::Hasher;
use std::sync::Arc;

const EMPTY: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct Slot {
    /// The high half of the code's hash, to skip comparing keys that cannot match.
    hash: u32,
    /// Index into `entries`, or [`EMPTY`].
    entry: u32,
    /// The code's position in `keys`.
    start: u32,
    len: u32,
}

/// What `localize` returns for one code asked in one locale, resolved at load time.
pub(crate) struct Row {
    /// The message value; `None` when it is not plain text (it has variables or needs fluent-bundle).
    pub(crate) message: Option<Arc<str>>,
    /// The suggestion, when the code has one and it is plain text.
    pub(crate) suggestion: Option<Arc<str>>,
    /// The locale the text comes from (the requested one or a fallback).
    pub(crate) locale: u16,
    /// The code's HTTP status, copied here to spare a load.
    pub(crate) status: u16,
    /// False when the suggestion exists but is not plain text: the row cannot answer alone.
    pub(crate) complete: bool,
}

/// Code lookup for a [`Catalog`](crate::Catalog); immutable once built.
pub(crate) struct CodeIndex {
    slots: Box<[Slot]>,
    /// Every code, concatenated.
    keys: Box<str>,
    /// Sorted by code.
    entries: Box<[CodeEntry]>,
    /// `locales` rows per entry: row `entry * locales + requested`.
    rows: Box<[Row]>,
    locales: usize,
}

fn hash(code: &str) -> u64 {
    let mut hasher = rustc_hash::FxHasher::default();
    hasher.write(code.as_bytes());
    // FxHash leaves the low bits weak for short keys; fold the high half in for the slot number.
    let h = hasher.finish();
    h ^ (h >> 29)
}

impl CodeIndex {
    /// Indexes `entries`, resolving each for every requested locale along that locale's `chain`.
    pub(crate) fn new(entries: Vec<CodeEntry>, locales: &[Locale]) -> CodeIndex {
        let capacity = (entries.len() * 2).next_power_of_two().max(8);
        let mut slots = vec![Slot { hash: 0, entry: EMPTY, start: 0, len: 0 }; capacity].into_boxed_slice();
        let mut keys = String::with_capacity(entries.iter().map(|e| e.code.len()).sum());
        let mut rows = Vec::with_capacity(entries.len() * locales.len());
        for (number, entry) in entries.iter().enumerate() {
            let code: &str = &entry.code;
            let h = hash(code);
            let mut i = h as usize & (capacity - 1);
            while slots[i].entry != EMPTY {
                i = (i + 1) & (capacity - 1);
            }
            slots[i] =
                Slot { hash: (h >> 32) as u32, entry: number as u32, start: keys.len() as u32, len: code.len() as u32 };
            keys.push_str(code);
            rows.extend(locales.iter().map(|requested| Row::resolve(entry, &requested.chain)));
        }
        CodeIndex {
            slots,
            keys: keys.into_boxed_str(),
            entries: entries.into_boxed_slice(),
            rows: rows.into(),
            locales: locales.len(),
        }
    }

    /// The entry number of `code`, matched exactly, with the code borrowed from the index.
    #[inline]
    pub(crate) fn find(&self, code: &str) -> Option<(usize, &str)> {
        let h = hash(code);
        let mask = self.slots.len() - 1;
        let mut i = h as usize & mask;
        loop {
            let slot = self.slots[i];
            if slot.entry == EMPTY {
                return None;
            }
            if slot.hash == (h >> 32) as u32 {
                let key = self.keys.get(slot.start as usize..(slot.start + slot.len) as usize);
                if let Some(key) = key.filter(|&k| k == code) {
                    return Some((slot.entry as usize, key));
                }
            }
            i = (i + 1) & mask;
        }
    }

    pub(crate) fn entry(&self, number: usize) -> &CodeEntry {
        &self.entries[number]
    }

    /// Every entry, sorted by code.
    pub(crate) fn entries(&self) -> &[CodeEntry] {
        &self.entries
    }

    /// The pre-resolved answer for entry `number` asked in locale `requested`.
    #[inline]
    pub(crate) fn row(&self, number: usize, requested: usize) -> Option<&Row> {
        self.rows.get(number * self.locales + requested)
    }
}

impl Row {
    fn resolve(entry: &CodeEntry, chain: &[u16]) -> Row {
        let found = chain.iter().find_map(|&i| entry.texts.get(i as usize)?.as_ref().map(|t| (i, t)));
        let Some((locale, texts)) = found else {
            return Row { message: None, suggestion: None, locale: 0, status: entry.status, complete: false };
        };
        let plain = |pattern: &Pattern| match pattern {
            Pattern::Plain(text) => Some(Arc::clone(text)),
            _ => None,
        };
        let message = plain(&texts.value.pattern);
        let (suggestion, complete) = match texts.attribute(SUGGESTION) {
            Some(text) => {
                let suggestion = plain(&text.pattern);
                let complete = suggestion.is_some();
                (suggestion, complete)
            }
            None => (None, true),
        };
        Row { complete: complete && message.is_some(), message, suggestion, locale, status: entry.status }
    }
}
