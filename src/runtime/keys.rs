//! Short strings (codes, tags) as words, compared without reading their bytes again.

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

/// A string of at most 12 bytes as a word and a half: with equal lengths, equal keys mean equal
/// strings, so that a code or a tag is compared without reading its bytes again. Twelve bytes hold
/// every code of the shipped catalog (`CSBS.0001`) and every common tag (`zh-Hans-CN`) with room to
/// spare; longer ones are compared byte by byte.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ShortKey {
    pub(crate) len: usize,
    pub(crate) head: u64,
    pub(crate) tail: u32,
}

impl ShortKey {
    /// Equal to no key: stands for a string too long to have one.
    pub(crate) const NEVER: ShortKey = ShortKey { len: usize::MAX, head: 0, tail: 0 };

    #[inline(always)]
    pub(crate) fn of(s: &[u8]) -> Option<ShortKey> {
        let n = s.len();
        let word = |at: usize| s.get(at..at + 8).and_then(|w| w.try_into().ok()).map_or(0, u64::from_le_bytes);
        let half = |at: usize| s.get(at..at + 4).and_then(|w| w.try_into().ok()).map_or(0, u32::from_le_bytes);
        let byte = |at: usize| s.get(at).map_or(0, |&b| u64::from(b));
        let (head, tail) = match n {
            8..=12 => (word(0), half(n - 4)),
            4..=7 => (u64::from(half(0)) | u64::from(half(n - 4)) << 32, 0),
            // Bytes 0, n/2 and n-1 cover every position of a string this short.
            0..=3 => (byte(0) | byte(n / 2) << 8 | byte(n.wrapping_sub(1)) << 16, 0),
            _ => return None,
        };
        Some(ShortKey { len: n, head, tail })
    }

    /// Equality, with `&` rather than `&&`: tags of one length (`en-US`, `zh-CN`) would otherwise
    /// send every other request down a mispredicted branch.
    #[inline(always)]
    pub(crate) fn same(&self, other: &ShortKey) -> bool {
        (self.len == other.len) & (self.head == other.head) & (self.tail == other.tail)
    }
}
