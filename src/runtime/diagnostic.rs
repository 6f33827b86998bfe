//! Problems found in a catalog, reported all at once as `path:line:column: message`.

use super::hygiene::{escape, hazard};
use serde::Serialize;
use std::fmt;
use std::sync::Arc;

/// How bad a [`Diagnostic`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Worth a look; does not fail `errcat check`.
    Warning,
    /// The catalog is wrong; loading or `errcat check` fails.
    Error,
}

macro_rules! kinds {
    ($($(#[doc = $doc:literal])* $variant:ident => $name:literal,)*) => {
        /// The class of a problem; stable names for bots (`kind` in JSON output).
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Kind {
            $($(#[doc = $doc])* $variant,)*
        }

        impl Kind {
            /// Every kind, in declaration order.
            pub const ALL: &'static [Kind] = &[$(Kind::$variant,)*];

            /// The stable kebab-case name used in JSON and text output.
            pub fn name(self) -> &'static str {
                match self {
                    $(Kind::$variant => $name,)*
                }
            }
        }
    };
}

kinds! {
    /// A file or directory could not be read.
    Io => "io",
    /// The text is not UTF-8.
    Encoding => "encoding",
    /// Fluent syntax error.
    Syntax => "syntax",
    /// Placeables nested deeper than the loader accepts.
    TooDeep => "too-deep",
    /// `catalog.toml` is malformed or inconsistent.
    Metadata => "metadata",
    /// A locale directory name is not a language tag, or a required locale is missing.
    Locale => "locale",
    /// The same message id twice in one locale.
    DuplicateMessage => "duplicate-message",
    /// The same attribute twice on one message.
    DuplicateAttribute => "duplicate-attribute",
    /// The same term twice in one locale.
    DuplicateTerm => "duplicate-term",
    /// A message id that maps to no code.
    InvalidId => "invalid-id",
    /// Two codes that map to one id.
    IdCollision => "id-collision",
    /// A message without a value (only attributes).
    MissingValue => "missing-value",
    /// Metadata for a code that has no message in the source locale.
    UnknownCode => "unknown-code",
    /// A code of the source locale missing from a target locale.
    MissingMessage => "missing-message",
    /// A message of a target locale whose code is not in the source locale.
    ObsoleteMessage => "obsolete-message",
    /// An attribute of the source missing from a translation.
    MissingAttribute => "missing-attribute",
    /// An attribute of a translation that the source does not have.
    ObsoleteAttribute => "obsolete-attribute",
    /// A value or attribute that is empty or only whitespace.
    EmptyText => "empty-text",
    /// Variables differ between the source and a translation.
    VariableMismatch => "variable-mismatch",
    /// A translation equal to the source, or source-script text left in it.
    Untranslated => "untranslated",
    /// The source changed after the translation was last reviewed.
    Stale => "stale",
    /// Terminal punctuation differs from the source.
    Punctuation => "punctuation",
    /// Leading, trailing or doubled whitespace.
    Whitespace => "whitespace",
    /// A term of the glossary rendered inconsistently.
    Terminology => "terminology",
    /// A reference to a message, term or attribute that does not exist.
    UnknownReference => "unknown-reference",
    /// A call of a function that fluent-bundle does not offer.
    UnknownFunction => "unknown-function",
    /// A message or term that refers to itself, directly or through others.
    CyclicReference => "cyclic-reference",
    /// A message whose formatting visits more placeables than fluent-bundle allows.
    TooManyPlaceables => "too-many-placeables",
    /// A family title that needs arguments (a variable or a function), so cannot be shown.
    FamilyTitle => "family-title",
    /// Review records in the old place, inside a locale folder (`<locale>/reviewed.toml`).
    MisplacedReview => "misplaced-review",
    /// A plural selector without some of its locale's CLDR plural categories.
    MissingPluralCategory => "missing-plural-category",
    /// A control character (C0 other than tab and line feed, DEL, C1) in a text.
    ControlCharacter => "control-character",
    /// A bidi embedding, override or isolate (U+202A–U+202E, U+2066–U+2069) in a text.
    BidiControl => "bidi-control",
}

impl Serialize for Kind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

/// A place in a source file; lines and columns start at 1, columns count characters.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Location {
    /// The file, as given to the loader (relative to the catalog root when loaded from a directory).
    pub path: Arc<str>,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, in characters.
    pub column: u32,
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}:{}", self.path, self.line, self.column)
    }
}

/// One problem in a catalog.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The class of problem.
    pub kind: Kind,
    /// Where it is, when it is in a file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// The error code concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// The locale concerned, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locale: Option<String>,
    /// What is wrong, for a person.
    pub message: String,
    /// The offending source line, without its line break.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_line: Option<String>,
}

impl Diagnostic {
    /// A new error of `kind`.
    pub fn error(kind: Kind, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            kind,
            location: None,
            code: None,
            locale: None,
            message: message.into(),
            source_line: None,
        }
    }

    /// A new warning of `kind`.
    pub fn warning(kind: Kind, message: impl Into<String>) -> Self {
        Diagnostic { severity: Severity::Warning, ..Self::error(kind, message) }
    }

    /// Sets the location and the source line shown under the message.
    pub fn at(mut self, location: Location, source_line: Option<String>) -> Self {
        self.location = Some(location);
        self.source_line = source_line;
        self
    }

    /// Sets the code concerned.
    pub fn for_code(mut self, code: impl Into<String>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Sets the locale concerned.
    pub fn in_locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    /// Whether this is an error (not a warning).
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

/// `path:line:column: error[kind]: message`, then the source line with a caret. Control characters
/// and bidi controls are written escaped (`\u{1b}`, see [`crate::hygiene::escape`]), the caret still
/// under the column: a diagnostic about such a character must not act on the terminal showing it.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut head = String::new();
        self.write_head(&mut head)?;
        f.write_str(&escape(&head))?;
        if let (Some(line), Some(location)) = (&self.source_line, &self.location) {
            let number = location.line.to_string();
            let pad = " ".repeat(number.len());
            let caret_pad: String = line
                .chars()
                .take(location.column.saturating_sub(1) as usize)
                .map(|c| {
                    if c == '\t' {
                        "\t".to_string()
                    } else if hazard(c).is_some() {
                        " ".repeat(escape(&c.to_string()).chars().count())
                    } else if is_wide(c) {
                        "　".to_string()
                    } else {
                        " ".to_string()
                    }
                })
                .collect();
            write!(f, "\n{pad} |\n{number} | {}\n{pad} | {caret_pad}^", escape(line))?;
        }
        Ok(())
    }
}

impl Diagnostic {
    /// The first line of the text form, unescaped.
    fn write_head(&self, f: &mut impl fmt::Write) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        if let Some(location) = &self.location {
            write!(f, "{location}: ")?;
        }
        write!(f, "{severity}[{}]: ", self.kind.name())?;
        match (&self.code, &self.locale) {
            (Some(code), Some(locale)) => write!(f, "{code} ({locale}): ")?,
            (Some(code), None) => write!(f, "{code}: ")?,
            (None, Some(locale)) => write!(f, "({locale}) ")?,
            (None, None) => {}
        }
        f.write_str(&self.message)
    }
}

/// East Asian wide characters take two columns in a terminal; pad with a wide space under them.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

/// Maps byte offsets of one text to lines and columns.
pub(crate) struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> LineIndex<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        LineIndex { text, starts }
    }

    /// The 1-based line of byte `offset`: a binary search, where [`LineIndex::line_col`] also counts
    /// the characters before `offset` on its line (callers that locate every tag or entry of one long
    /// line would be quadratic with it).
    pub(crate) fn line(&self, offset: usize) -> u32 {
        self.starts.partition_point(|&s| s <= offset.min(self.text.len())) as u32
    }

    /// The 1-based line and character column of byte `offset`.
    pub(crate) fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = offset.min(self.text.len());
        let line = self.line(offset);
        let start = self.starts[line as usize - 1];
        let mut end = offset;
        while !self.text.is_char_boundary(end) {
            end -= 1;
        }
        let column = self.text[start..end].chars().count() + 1;
        (line, column as u32)
    }

    /// The text of 1-based `line`, without its line break; `None` past the last line.
    #[cfg(feature = "tooling")]
    pub(crate) fn get_line(&self, line: u32) -> Option<String> {
        let i = (line as usize).checked_sub(1)?;
        (i < self.starts.len()).then(|| self.line_text(line))
    }

    /// The text of 1-based `line`, without its line break.
    pub(crate) fn line_text(&self, line: u32) -> String {
        let i = (line as usize).saturating_sub(1).min(self.starts.len() - 1);
        let start = self.starts[i];
        let end = self.starts.get(i + 1).map_or(self.text.len(), |&e| e);
        self.text[start..end].trim_end_matches(['\n', '\r']).to_string()
    }

    /// A location with its source line for byte `offset` of the file at `path`.
    pub(crate) fn locate(&self, path: &str, offset: usize) -> (Location, Option<String>) {
        let (line, column) = self.line_col(offset);
        (Location { path: Arc::from(path), line, column }, Some(self.line_text(line)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_index_counts_characters() {
        let text = "a = 1\n描述 = x\r\nlast";
        let index = LineIndex::new(text);
        assert_eq!(index.line_col(0), (1, 1));
        assert_eq!(index.line_col(6), (2, 1));
        assert_eq!(index.line_col(6 + "描述".len() + 1), (2, 4));
        assert_eq!(index.line_text(2), "描述 = x");
        assert_eq!(index.line_col(text.len()), (3, 5));
        for offset in 0..=text.len() {
            assert_eq!(index.line(offset), index.line_col(offset).0, "{offset}");
        }
    }

    #[test]
    fn display_shows_caret_under_column() {
        let d = Diagnostic::error(Kind::Syntax, "expected `=`")
            .at(Location { path: Arc::from("zh-CN/a.ftl"), line: 3, column: 5 }, Some("key value".into()));
        assert_eq!(d.to_string(), "zh-CN/a.ftl:3:5: error[syntax]: expected `=`\n  |\n3 | key value\n  |     ^");
        assert_eq!(Kind::DuplicateMessage.name(), "duplicate-message");
    }
}
