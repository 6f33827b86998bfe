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
    /// The tag of the locale the text comes from (the requested one or a fallback), kept here
    /// so that an answer reads no other table.
    pub(crate) tag: Arc<str>,
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

/// `a == b`, inlined for the short strings of codes and tags instead of a call to `memcmp`.
#[inline]
pub(crate) fn bytes_eq(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    let word = |s: &[u8], at: usize| s.get(at..at + 8).and_then(|w| w.try_into().ok()).map(u64::from_ne_bytes);
    let half = |s: &[u8], at: usize| s.get(at..at + 4).and_then(|w| w.try_into().ok()).map(u32::from_ne_bytes);
    match n {
        // Two overlapping words cover 8 to 16 bytes.
        // `&`, not `&&`: both loads are cheaper than a branch that mispredicts.
        8..=16 => (word(a, 0) == word(b, 0)) & (word(a, n - 8) == word(b, n - 8)),
        4..=7 => (half(a, 0) == half(b, 0)) & (half(a, n - 4) == half(b, n - 4)),
        _ => a == b,
    }
}

/// A multiply-rotate hash over 8-byte words (FxHash's constant): codes are short ASCII strings
/// chosen by the catalog, not by attackers, and an unknown code costs one failed probe sequence.
/// The tail is read as one overlapping word, not copied byte by byte.
#[inline(always)]
pub(crate) fn hash(code: &str) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let bytes = code.as_bytes();
    let n = bytes.len();
    let word = |at: usize| bytes.get(at..at + 8).and_then(|w| w.try_into().ok()).map_or(0, u64::from_le_bytes);
    let half = |at: usize| bytes.get(at..at + 4).and_then(|w| w.try_into().ok()).map_or(0, u32::from_le_bytes);
    let mix = |h: u64, w: u64| (h.rotate_left(26) ^ w).wrapping_mul(K);
    let mut h = n as u64;
    let mut at = 0;
    while at + 8 <= n {
        h = mix(h, word(at));
        at += 8;
    }
    if at < n {
        let tail = match n {
            8.. => word(n - 8),
            4..=7 => (u64::from(half(0)) << 32) | u64::from(half(n - 4)),
            _ => bytes.iter().fold(0, |w, &b| (w << 8) | u64::from(b)),
        };
        h = mix(h, tail);
    }
    // Codes share long prefixes and differ in a few bytes: finish with a full avalanche
    // (MurmurHash3's fmix64) so that every bit of the slot number depends on every byte.
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

impl CodeIndex {
    /// Indexes `entries`, resolving each for every requested locale along that locale's `chain`.
    pub(crate) fn new(entries: Vec<CodeEntry>, locales: &[Locale]) -> CodeIndex {
        // At most about two thirds full: short probe sequences, and a table small enough to stay in cache.
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
            rows.extend(locales.iter().map(|requested| Row::resolve(entry, &requested.chain, locales)));
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
    #[inline(always)]
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
                let range = slot.start as usize..(slot.start + slot.len) as usize;
                if self.keys.as_bytes().get(range.clone()).is_some_and(|key| bytes_eq(key, code.as_bytes())) {
                    return self.keys.get(range).map(|key| (slot.entry as usize, key));
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
    fn resolve(entry: &CodeEntry, chain: &[u16], locales: &[Locale]) -> Row {
        let found = chain.iter().find_map(|&i| entry.texts.get(i as usize)?.as_ref().map(|t| (i, t)));
        let Some((locale, texts)) = found.filter(|(locale, _)| (*locale as usize) < locales.len()) else {
            return Row {
                message: None,
                suggestion: None,
                tag: Arc::clone(&locales[0].tag),
                status: entry.status,
                complete: false,
            };
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
        let tag = Arc::clone(&locales[locale as usize].tag);
        Row { complete: complete && message.is_some(), message, suggestion, tag, status: entry.status }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_with_shared_prefixes_spread_over_slots() {
        // 10,000 codes like the real ones in 32,768 slots: with a good hash, probe sequences stay short.
        let slots = 1usize << 15;
        let mut used = vec![false; slots];
        let mut longest = 0;
        for i in 0..10_000 {
            let mut at = hash(&format!("CSBS.{i:04}")) as usize & (slots - 1);
            let mut probes = 1;
            while used[at] {
                at = (at + 1) & (slots - 1);
                probes += 1;
            }
            used[at] = true;
            longest = longest.max(probes);
        }
        assert!(longest <= 16, "longest probe sequence {longest}");
    }

    #[test]
    fn bytes_eq_is_slice_equality() {
        let words = [
            "",
            "a",
            "ab",
            "abc",
            "abcd",
            "abcde",
            "en-US",
            "zh-CN",
            "CSBS.0001",
            "CSBS.0002",
            "0123456789abcdef",
            "0123456789abcdefg",
        ];
        for a in words {
            for b in words {
                assert_eq!(bytes_eq(a.as_bytes(), b.as_bytes()), a == b, "{a:?} {b:?}");
            }
        }
    }
}
