//! The run-time index: code → pre-resolved answer per requested locale, one cache line per lookup.
//!
//! `localize` runs on every failed request of a service, so its cost is kept near one hash-map
//! probe. A generic `HashMap<Box<str>, Arc<CodeEntry>>` costs a control-byte probe, a slot, the key's
//! heap bytes, the entry, its texts and the attribute list — six dependent loads. Here a lookup reads
//! one word of control bytes (a small array that stays in cache), then one 64-byte [`Row`]: the row of
//! the code for the requested locale, which holds the code's first bytes to compare, the code, the
//! message, the suggestion and the locale they come from (per-message fallback resolved at load
//! time), and the status. With 10,000 codes a lookup misses the cache at most once, where a
//! std `HashMap` misses on its bucket and again on its key's bytes. Rows answer only the common case
//! (plain text, no arguments); anything else goes the general way through the [`CodeEntry`].

use super::keys::{bytes_eq, ShortKey};
use super::model::{CodeEntry, Locale, SUGGESTION};
use super::pattern::Pattern;
use std::sync::Arc;

/// The control byte of a free slot; a used one holds 7 bits of its code's hash (high bit clear).
const EMPTY: u8 = 0x80;
/// Control bytes are read eight at a time, as one word.
const GROUP: usize = 8;
const LOW_BITS: u64 = 0x0101_0101_0101_0101;
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// What `localize` reads for one code asked in one locale, resolved at load time: one cache line.
#[repr(align(64))]
pub(crate) struct Row {
    /// The code: a `&str` borrowed from here needs no load of its bytes.
    code: Arc<str>,
    /// The message value; `None` when the row cannot answer alone: the message or its suggestion is
    /// not plain text (it has variables or needs fluent-bundle), or the code has no text at all.
    message: Option<Arc<str>>,
    /// The suggestion, empty when the code has none (see [`HAS_SUGGESTION`]): a pointer that is
    /// always there lets the answer pick `Some` or `None` without a branch, which would mispredict on
    /// every other request of a catalog where only some codes have a suggestion.
    suggestion: Arc<str>,
    /// The code's [`ShortKey`], compared instead of its bytes (its length is `code`'s).
    key_head: u64,
    key_tail: u32,
    /// The code's HTTP status.
    status: u16,
    /// The index of the locale the text comes from (the requested one or a fallback).
    locale: u8,
    flags: u8,
}

const _: () = assert!(std::mem::size_of::<Row>() == 64, "a row is one cache line");

const HAS_SUGGESTION: u8 = 1;

/// Code lookup for a [`Catalog`](crate::Catalog); immutable once built.
///
/// Open addressing with one control byte per slot, probed a group of eight at a time as hashbrown
/// does (in portable word arithmetic, not SIMD): finding a code costs one word compare whatever the
/// probe length, so that the branches a lookup takes do not depend on which code it is.
pub(crate) struct CodeIndex {
    /// One byte per slot, then the first [`GROUP`] bytes again, so that a group read never wraps.
    control: Box<[u8]>,
    /// One row per slot and requested locale, locale by locale: row `requested * capacity + slot`, so
    /// that the part of the address known before the probe is added after it, not multiplied.
    /// Rows of free slots are never read.
    rows: Box<[Row]>,
    /// The entry number of the code in each slot.
    entry_numbers: Box<[u32]>,
    /// The slot of each entry, by entry number: the inverse of `entry_numbers`, for lookups by
    /// number (the typed codes of a generated module).
    slots: Box<[u32]>,
    /// Sorted by code.
    entries: Box<[CodeEntry]>,
    /// The locales' tags, by index: a compact copy of `Locale::tag`, read by every answer.
    tags: Box<[Arc<str>]>,
}

/// A code found by [`CodeIndex::find`], with its row for the locale asked.
#[derive(Clone, Copy)]
pub(crate) struct Found<'a> {
    /// Its slot, for [`CodeIndex::entry_number`].
    pub(crate) slot: usize,
    row: &'a Row,
}

impl<'a> Found<'a> {
    /// The code as the catalog spells it.
    #[inline(always)]
    pub(crate) fn code(&self) -> &'a str {
        &self.row.code
    }
}

/// A row's answer, as [`CodeIndex::answer`] gives it.
pub(crate) struct Answer<'a> {
    pub(crate) message: &'a str,
    pub(crate) suggestion: Option<&'a str>,
    pub(crate) tag: &'a str,
    pub(crate) status: u16,
}

/// A multiply-rotate hash over 8-byte words (FxHash's constant): codes are short ASCII strings
/// chosen by the catalog, not by attackers, and an unknown code costs one failed probe sequence.
#[inline(always)]
pub(crate) fn hash(code: &str) -> u64 {
    hash_with(code.as_bytes(), ShortKey::of(code.as_bytes()))
}

/// [`hash`], given the [`ShortKey`] of `bytes`: up to 12 bytes (every real code) it mixes the two
/// words of the key, straight-line code with no loop and no second read of the bytes.
#[inline(always)]
fn hash_with(bytes: &[u8], short: Option<ShortKey>) -> u64 {
    const K: u64 = 0xf135_7aea_2e62_a9c5;
    let n = bytes.len();
    let mix = |h: u64, w: u64| (h.rotate_left(26) ^ w).wrapping_mul(K);
    let h = match short {
        Some(key) => mix(mix(n as u64, key.head), u64::from(key.tail)),
        None => {
            let word = |at: usize| bytes.get(at..at + 8).and_then(|w| w.try_into().ok()).map_or(0, u64::from_le_bytes);
            let mut h = n as u64;
            let mut at = 0;
            while at + 8 <= n {
                h = mix(h, word(at));
                at += 8;
            }
            mix(h, word(n - 8))
        }
    };
    // Codes share long prefixes and differ in a few bytes: finish with a full avalanche
    // (MurmurHash3's fmix64) so that every bit of the slot number depends on every byte.
    let h = (h ^ (h >> 33)).wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^ (h >> 33)
}

impl CodeIndex {
    /// Indexes `entries`, resolving each for every requested locale along that locale's `chain`.
    pub(crate) fn new(entries: Vec<CodeEntry>, locales: &[Locale]) -> CodeIndex {
        // At most seven eighths full, as hashbrown: a group almost always has a free byte to stop at.
        let capacity = (entries.len() * 8 / 7 + 1).next_power_of_two().max(GROUP);
        let mut control = vec![EMPTY; capacity + GROUP].into_boxed_slice();
        let empty: Arc<str> = Arc::from("");
        let unused = || Row {
            code: Arc::clone(&empty),
            message: None,
            suggestion: Arc::clone(&empty),
            key_head: 0,
            key_tail: 0,
            status: 0,
            locale: 0,
            flags: 0,
        };
        let mut rows: Vec<Row> = (0..capacity * locales.len()).map(|_| unused()).collect();
        let mut entry_numbers = vec![0; capacity].into_boxed_slice();
        let mut slots = vec![0; entries.len()].into_boxed_slice();
        for (number, entry) in entries.iter().enumerate() {
            let code: &str = &entry.code;
            let h = hash(code);
            let mut group = h as usize & (capacity - 1);
            let i = loop {
                let free = group_word(&control, group) & HIGH_BITS;
                if free != 0 {
                    break (group + free.trailing_zeros() as usize / 8) & (capacity - 1);
                }
                group = (group + GROUP) & (capacity - 1);
            };
            control[i] = control_byte(h);
            if i < GROUP {
                control[capacity + i] = control_byte(h);
            }
            entry_numbers[i] = number as u32;
            slots[number] = i as u32;
            let code: Arc<str> = Arc::from(code);
            for (r, requested) in locales.iter().enumerate() {
                rows[r * capacity + i] = Row::resolve(entry, &code, &requested.chain, locales.len(), &empty);
            }
        }
        CodeIndex {
            control,
            rows: rows.into(),
            entry_numbers,
            slots,
            entries: entries.into_boxed_slice(),
            tags: locales.iter().map(|l| Arc::clone(&l.tag)).collect(),
        }
    }

    /// Where `code` is, matched exactly, with its row for the locale with index `requested`.
    #[inline(always)]
    pub(crate) fn find(&self, code: &str, requested: usize) -> Option<Found<'_>> {
        let bytes = code.as_bytes();
        let short = ShortKey::of(bytes);
        let h = hash_with(bytes, short);
        let wanted = LOW_BITS * u64::from(control_byte(h));
        let capacity = self.entry_numbers.len();
        let mask = capacity.wrapping_sub(1);
        let rows = self.rows.get(requested * capacity..)?;
        let mut group = h as usize & mask;
        loop {
            let word = group_word(&self.control, group);
            // Bytes equal to `wanted` become zero; the classic zero-byte test flags them (and, rarely,
            // a byte above one: the key comparison sorts those out).
            let equal = word ^ wanted;
            let mut candidates = equal.wrapping_sub(LOW_BITS) & !equal & HIGH_BITS;
            while candidates != 0 {
                let slot = (group + candidates.trailing_zeros() as usize / 8) & mask;
                let row = rows.get(slot)?;
                let same = match short {
                    Some(key) => key.same(&ShortKey { len: row.code.len(), head: row.key_head, tail: row.key_tail }),
                    None => bytes_eq(row.code.as_bytes(), bytes),
                };
                if same {
                    return Some(Found { slot, row });
                }
                candidates &= candidates - 1;
            }
            if word & HIGH_BITS != 0 {
                return None;
            }
            group = (group + GROUP) & mask;
        }
    }

    /// The entry with number `number`, with its row for the locale with index `requested`, if its
    /// code is `code`: no hash, and the comparison of [`CodeIndex::find`], on the row's key.
    #[inline(always)]
    pub(crate) fn nth(&self, number: usize, code: &str, requested: usize) -> Option<Found<'_>> {
        let slot = *self.slots.get(number)? as usize;
        let row = self.rows.get(requested * self.entry_numbers.len() + slot)?;
        let bytes = code.as_bytes();
        let same = match ShortKey::of(bytes) {
            Some(key) => key.same(&ShortKey { len: row.code.len(), head: row.key_head, tail: row.key_tail }),
            None => bytes_eq(row.code.as_bytes(), bytes),
        };
        same.then_some(Found { slot, row })
    }

    /// The entry number of the code in `slot`.
    pub(crate) fn entry_number(&self, slot: usize) -> usize {
        self.entry_numbers[slot] as usize
    }

    pub(crate) fn entry(&self, number: usize) -> &CodeEntry {
        &self.entries[number]
    }

    /// Every entry, sorted by code.
    pub(crate) fn entries(&self) -> &[CodeEntry] {
        &self.entries
    }

    /// The answer resolved at load time for a code found, unless the text needs formatting.
    #[inline(always)]
    pub(crate) fn answer<'a>(&'a self, found: Found<'a>) -> Option<Answer<'a>> {
        let row = found.row;
        Some(Answer {
            message: row.message.as_deref()?,
            suggestion: std::hint::select_unpredictable(row.flags & HAS_SUGGESTION != 0, Some(&*row.suggestion), None),
            tag: self.tags.get(usize::from(row.locale))?,
            status: row.status,
        })
    }
}

/// The control byte of a code with hash `h`: its top 7 bits (the slot number comes from the low bits).
#[inline(always)]
fn control_byte(h: u64) -> u8 {
    (h >> 57) as u8
}

/// The [`GROUP`] control bytes from slot `at`, as one word.
#[inline(always)]
fn group_word(control: &[u8], at: usize) -> u64 {
    control.get(at..at + GROUP).and_then(|w| w.try_into().ok()).map_or(HIGH_BITS, u64::from_le_bytes)
}

impl Row {
    fn resolve(entry: &CodeEntry, code: &Arc<str>, chain: &[u16], locales: usize, empty: &Arc<str>) -> Row {
        let key = ShortKey::of(code.as_bytes()).unwrap_or(ShortKey::NEVER);
        let mut row = Row {
            code: Arc::clone(code),
            message: None,
            suggestion: Arc::clone(empty),
            key_head: key.head,
            key_tail: key.tail,
            status: entry.status,
            locale: 0,
            flags: 0,
        };
        let found = chain.iter().find_map(|&i| entry.texts.get(i as usize)?.as_ref().map(|t| (i, t)));
        // A locale past 255 does not fit the row: such rows leave the answer to the general way.
        let Some((locale, texts)) = found.filter(|(locale, _)| (*locale as usize) < locales) else { return row };
        let Ok(locale) = u8::try_from(locale) else { return row };
        let plain = |pattern: &Pattern| match pattern {
            Pattern::Plain(text) => Some(Arc::clone(text)),
            _ => None,
        };
        let suggestion = texts.attribute(SUGGESTION).map(|text| plain(&text.pattern));
        if suggestion.as_ref().is_some_and(Option::is_none) {
            return row;
        }
        row.message = plain(&texts.value.pattern);
        row.locale = locale;
        if let Some(suggestion) = suggestion.flatten() {
            row.suggestion = suggestion;
            row.flags |= HAS_SUGGESTION;
        }
        row
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_with_shared_prefixes_spread_over_slots() {
        // Hash quality, on the simplest table: 10,000 codes like the real ones, linear probing in 32,768
        // slots. Codes that share long prefixes must still spread.
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
    fn short_keys_of_equal_length_are_equal_only_for_equal_strings() {
        // Every position matters: change one byte anywhere in strings of every length the key covers.
        for n in 0..=12 {
            let base: Vec<u8> = (0..n as u8).map(|i| b'a' + i).collect();
            let key = ShortKey::of(&base).expect("short");
            assert!(key.same(&ShortKey::of(&base).expect("short")));
            for at in 0..n {
                let mut other = base.clone();
                other[at] = b'Z';
                assert!(!key.same(&ShortKey::of(&other).expect("short")), "length {n}, byte {at}");
            }
            assert!(!key.same(&ShortKey::NEVER));
        }
        assert!(ShortKey::of(b"0123456789abc").is_none(), "13 bytes have no short key");
        // Lengths differ, words alike: `a` and `a\0` must not be taken for each other.
        assert!(!ShortKey::of(b"a").expect("short").same(&ShortKey::of(b"a\0").expect("short")));
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
