//! Facts about scripts and punctuation that the lints share.

/// A Han (Chinese) ideograph.
pub(crate) fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// Full-width punctuation of CJK text (`。，：！？` and the like).
pub(crate) fn is_fullwidth_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3000..=0x303F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

/// Whether a language is written with Han characters (so they are expected in its text).
pub(crate) fn writes_han(language: &str) -> bool {
    matches!(language, "zh" | "ja" | "yue" | "lzh")
}

/// The class of the punctuation a text ends with, the same in every script (`。` and `.` are both a period).
pub(crate) fn terminal_punctuation(text: &str) -> Option<&'static str> {
    let text = text.trim_end();
    if text.ends_with("...") || text.ends_with('…') {
        return Some("ellipsis");
    }
    Some(match text.chars().last()? {
        '.' | '。' | '．' | '｡' => "period",
        '!' | '！' => "exclamation mark",
        '?' | '？' => "question mark",
        ':' | '：' => "colon",
        ';' | '；' => "semicolon",
        ',' | '，' | '、' => "comma",
        _ => return None,
    })
}
