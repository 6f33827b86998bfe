//! Wire-format vocabulary: the body shapes a service can answer with, the OpenStack fault names, and
//! the documentation-URL template of `catalog.toml` (`docs_url`). Used by `metadata` (which reads the
//! defaults) and `response` (which builds the bodies).

use serde::Deserialize;
use std::fmt;
use std::str::FromStr;

/// The shape of an error body. A service picks one; `catalog.toml` may name a default
/// (`[response] format = "problem"`), and [`BodyFormat::Csbs`] is the default of the default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum BodyFormat {
    /// `{"error_code": "CSBS.0001", "error_msg": "..."}`, optionally with `doc_url`
    /// ([`BodyOptions::doc_url`]); `Content-Type: application/json`.
    #[default]
    Csbs,
    /// RFC 9457 problem details: `type` (the code's documentation URL, or `about:blank`), `title`
    /// (the message), `status`, `detail` (the suggestion, or the message when there is none) and
    /// the extension member `code`; `Content-Type: application/problem+json`.
    Problem,
    /// The fault body of OpenStack services, `{"itemNotFound": {"code": 404, "message": "..."}}`,
    /// the fault name chosen by status ([`openstack_fault`]); `Content-Type: application/json`.
    #[serde(rename = "openstack")]
    OpenStack,
}

/// `application/json`.
pub const JSON: &str = "application/json";
/// `application/problem+json` (RFC 9457).
pub const PROBLEM_JSON: &str = "application/problem+json";

impl BodyFormat {
    /// Every format, in declaration order.
    pub const ALL: [BodyFormat; 3] = [BodyFormat::Csbs, BodyFormat::Problem, BodyFormat::OpenStack];

    /// The name used in `catalog.toml` and on the command line: `csbs`, `problem`, `openstack`.
    pub fn name(self) -> &'static str {
        match self {
            BodyFormat::Csbs => "csbs",
            BodyFormat::Problem => "problem",
            BodyFormat::OpenStack => "openstack",
        }
    }

    /// The `Content-Type` of a body of this format.
    pub fn content_type(self) -> &'static str {
        match self {
            BodyFormat::Problem => PROBLEM_JSON,
            BodyFormat::Csbs | BodyFormat::OpenStack => JSON,
        }
    }
}

impl fmt::Display for BodyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A name that is not a [`BodyFormat`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownBodyFormat(pub String);

impl fmt::Display for UnknownBodyFormat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "unknown body format `{}` (expected csbs, problem or openstack)", self.0)
    }
}

impl std::error::Error for UnknownBodyFormat {}

impl FromStr for BodyFormat {
    type Err = UnknownBodyFormat;

    /// `csbs`, `problem` or `openstack`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        BodyFormat::ALL
            .into_iter()
            .find(|f| f.name().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| UnknownBodyFormat(s.to_string()))
    }
}

/// How a service's error bodies look: the format and, for [`BodyFormat::Csbs`], whether the
/// code's documentation URL is added as `doc_url` (Stripe's name for it). Read from the
/// `[response]` table of `catalog.toml` as the catalog's default; a service may override it per
/// response ([`ErrorResponse::with_options`](crate::ErrorResponse::with_options)).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct BodyOptions {
    /// The body's shape.
    pub format: BodyFormat,
    /// Add `doc_url` to [`BodyFormat::Csbs`] bodies when the catalog has a `docs_url` template.
    /// Problem bodies always carry the URL (as `type`); OpenStack faults have no place for it.
    pub doc_url: bool,
}

impl BodyOptions {
    /// The options with `format` and no `doc_url`.
    pub const fn new(format: BodyFormat) -> BodyOptions {
        BodyOptions { format, doc_url: false }
    }
}

/// Every OpenStack fault name with a status it is answered with (`computeFault` for 500, also the
/// name of every status not listed), in the order of their statuses.
pub(crate) const OPENSTACK_FAULTS: [(u16, &str); 11] = [
    (400, "badRequest"),
    (401, "unauthorized"),
    (403, "forbidden"),
    (404, "itemNotFound"),
    (405, "badMethod"),
    (409, "conflictingRequest"),
    (413, "overLimit"),
    (415, "badMediaType"),
    (500, "computeFault"),
    (501, "notImplemented"),
    (503, "serviceUnavailable"),
];

/// The OpenStack fault name for an HTTP status, as nova, cinder and Karbor answer:
/// 400 `badRequest`, 401 `unauthorized`, 403 `forbidden`, 404 `itemNotFound`, 405 `badMethod`,
/// 409 `conflictingRequest`, 413 `overLimit`, 415 `badMediaType`, 501 `notImplemented`,
/// 503 `serviceUnavailable`, any other `computeFault`.
pub fn openstack_fault(status: u16) -> &'static str {
    OPENSTACK_FAULTS.iter().find(|(listed, _)| *listed == status).map_or("computeFault", |(_, name)| name)
}

/// A placeholder of a [`DocsUrl`] template.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Placeholder {
    Code,
    Locale,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Segment {
    /// Literal text, already percent-encoded where it needed to be.
    Literal(Box<str>),
    Placeholder(Placeholder),
}

/// The per-code documentation URL template of `catalog.toml`:
/// `docs_url = "https://docs.example.com/errors/{locale}/#{code}"`.
///
/// Placeholders: `{code}` (required) and `{locale}` (the tag of the response's locale). Substituted
/// values are percent-encoded except for RFC 3986 unreserved characters (letters, digits, `-._~`;
/// codes and tags consist of those, so they appear as written). In the literal text, characters
/// a URI cannot hold (non-ASCII, `"<>\^`|`) are percent-encoded; spaces, control characters, stray
/// braces and malformed `%` escapes are errors.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocsUrl {
    source: Box<str>,
    segments: Box<[Segment]>,
}

/// Why a `docs_url` template was refused: what is wrong and the byte offset in the template.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocsUrlError {
    /// Byte offset in the template where the problem is.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for DocsUrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (at byte {})", self.message, self.offset)
    }
}

impl std::error::Error for DocsUrlError {}

impl DocsUrl {
    /// Parses a template; see [`DocsUrl`] for the rules.
    pub fn parse(template: &str) -> Result<DocsUrl, DocsUrlError> {
        let err = |offset: usize, message: String| Err(DocsUrlError { offset, message });
        let scheme_end = template.find(':').unwrap_or(0);
        let scheme = &template[..scheme_end];
        let valid_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
        if !valid_scheme {
            return err(0, "docs_url must be an absolute URL such as `https://docs.example.com/errors/{code}`".into());
        }
        let mut segments = Vec::new();
        let mut literal = String::new();
        let mut has_code = false;
        let mut chars = template.char_indices().peekable();
        while let Some((at, c)) = chars.next() {
            match c {
                '{' => {
                    let rest = &template[at + 1..];
                    let Some(end) = rest.find('}') else {
                        return err(
                            at,
                            "`{` opens a placeholder that is not closed (placeholders: {code}, {locale})".into(),
                        );
                    };
                    let name = &rest[..end];
                    let placeholder = match name {
                        "code" => Placeholder::Code,
                        "locale" => Placeholder::Locale,
                        _ => {
                            return err(
                                at,
                                format!(
                                    "unknown placeholder `{{{name}}}` in docs_url (placeholders: {{code}}, {{locale}})"
                                ),
                            )
                        }
                    };
                    has_code |= placeholder == Placeholder::Code;
                    if !literal.is_empty() {
                        segments.push(Segment::Literal(std::mem::take(&mut literal).into_boxed_str()));
                    }
                    segments.push(Segment::Placeholder(placeholder));
                    // Skip the name and the closing brace (all ASCII when valid).
                    for _ in 0..=name.len() {
                        chars.next();
                    }
                }
                '}' => return err(at, "`}` without a `{` in docs_url (a literal brace is written %7D)".into()),
                '%' => {
                    let hex = template.as_bytes().get(at + 1..at + 3);
                    if !hex.is_some_and(|h| h.iter().all(u8::is_ascii_hexdigit)) {
                        return err(at, "`%` must start an escape of two hex digits (write a literal % as %25)".into());
                    }
                    literal.push('%');
                }
                c if c.is_whitespace() || c.is_control() => {
                    return err(at, format!("docs_url contains {c:?}, which a URL cannot hold (write it %-encoded)"));
                }
                c if c.is_ascii() && !matches!(c, '"' | '<' | '>' | '\\' | '^' | '`' | '|') => literal.push(c),
                c => percent_encode(&mut literal, c),
            }
        }
        if !has_code {
            return err(template.len(), "docs_url must contain `{code}`, or every code would share one page".into());
        }
        if !literal.is_empty() {
            segments.push(Segment::Literal(literal.into_boxed_str()));
        }
        Ok(DocsUrl { source: template.into(), segments: segments.into_boxed_slice() })
    }

    /// The template as written in `catalog.toml`.
    pub fn as_str(&self) -> &str {
        &self.source
    }

    /// The URL of `code`'s documentation in `locale`.
    pub fn url<'a>(&'a self, code: &'a str, locale: &'a str) -> DocUrl<'a> {
        DocUrl { template: self, code, locale }
    }
}

fn percent_encode(out: &mut String, c: char) {
    let mut buffer = [0; 4];
    for byte in c.encode_utf8(&mut buffer).bytes() {
        out.push('%');
        out.push(char::from(b"0123456789ABCDEF"[usize::from(byte >> 4)]));
        out.push(char::from(b"0123456789ABCDEF"[usize::from(byte & 15)]));
    }
}

fn write_encoded(f: &mut fmt::Formatter<'_>, value: &str) -> fmt::Result {
    let mut rest = value;
    while !rest.is_empty() {
        let safe =
            rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')).count();
        f.write_str(&rest[..safe])?;
        rest = &rest[safe..];
        if let Some(c) = rest.chars().next() {
            let mut encoded = String::new();
            percent_encode(&mut encoded, c);
            f.write_str(&encoded)?;
            rest = &rest[c.len_utf8()..];
        }
    }
    Ok(())
}

/// The documentation URL of one code in one locale: a [`DocsUrl`] template with its values,
/// written out (percent-encoded) by `Display` and `Serialize` without an intermediate `String`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DocUrl<'a> {
    template: &'a DocsUrl,
    code: &'a str,
    locale: &'a str,
}

impl fmt::Display for DocUrl<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for segment in &self.template.segments {
            match segment {
                Segment::Literal(text) => f.write_str(text)?,
                Segment::Placeholder(Placeholder::Code) => write_encoded(f, self.code)?,
                Segment::Placeholder(Placeholder::Locale) => write_encoded(f, self.locale)?,
            }
        }
        Ok(())
    }
}

impl serde::Serialize for DocUrl<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fault_names_by_status() {
        let table = [
            (400, "badRequest"),
            (401, "unauthorized"),
            (403, "forbidden"),
            (404, "itemNotFound"),
            (405, "badMethod"),
            (409, "conflictingRequest"),
            (413, "overLimit"),
            (415, "badMediaType"),
            (501, "notImplemented"),
            (503, "serviceUnavailable"),
        ];
        for (status, name) in table {
            assert_eq!(openstack_fault(status), name, "{status}");
        }
        for (status, name) in OPENSTACK_FAULTS {
            assert_eq!(openstack_fault(status), name, "the table the OpenAPI documents list");
        }
        for other in [402, 406, 410, 422, 429, 500, 502, 504, 599] {
            assert_eq!(openstack_fault(other), "computeFault", "{other}");
        }
    }

    #[test]
    fn formats_parse_and_name_their_content_type() {
        for format in BodyFormat::ALL {
            assert_eq!(format.name().parse::<BodyFormat>(), Ok(format));
            assert_eq!(format.to_string().to_uppercase().parse::<BodyFormat>(), Ok(format));
        }
        assert_eq!(BodyFormat::Problem.content_type(), "application/problem+json");
        assert_eq!(BodyFormat::Csbs.content_type(), "application/json");
        assert_eq!(BodyFormat::OpenStack.content_type(), "application/json");
        let error = "json".parse::<BodyFormat>().unwrap_err();
        assert!(error.to_string().contains("`json`"), "{error}");
        assert_eq!(BodyFormat::default(), BodyFormat::Csbs);
    }

    #[test]
    fn templates_fill_and_encode() {
        let t = DocsUrl::parse("https://docs.example.com/errors/{locale}/#{code}").unwrap();
        assert_eq!(t.url("ORDERS.0001", "zh-CN").to_string(), "https://docs.example.com/errors/zh-CN/#ORDERS.0001");
        // Values are encoded except for unreserved characters; the literal keeps its own escapes.
        let t = DocsUrl::parse("https://x.test/a%20b/{code}?l={locale}").unwrap();
        assert_eq!(t.url("A/B C", "é").to_string(), "https://x.test/a%20b/A%2FB%20C?l=%C3%A9");
        // Characters a URI cannot hold are encoded in the literal.
        let t = DocsUrl::parse("https://例え.test/错误/{code}|x").unwrap();
        assert_eq!(t.url("E.1", "en").to_string(), "https://%E4%BE%8B%E3%81%88.test/%E9%94%99%E8%AF%AF/E.1%7Cx");
        assert_eq!(t.as_str(), "https://例え.test/错误/{code}|x");
        let json = serde_json::to_string(&t.url("E.1", "en")).unwrap();
        assert_eq!(json, r#""https://%E4%BE%8B%E3%81%88.test/%E9%94%99%E8%AF%AF/E.1%7Cx""#);
    }

    #[test]
    fn bad_templates_say_where() {
        let cases = [
            ("https://x.test/{cod}", 15, "unknown placeholder `{cod}`"),
            ("https://x.test/{code", 15, "not closed"),
            ("https://x.test/{code}}", 21, "`}` without"),
            ("https://x.test/{locale}", 23, "must contain `{code}`"),
            ("docs/{code}", 0, "absolute URL"),
            ("https://x.test/a b/{code}", 16, "' '"),
            ("https://x.test/%zz/{code}", 15, "two hex digits"),
            ("https://x.test/%2", 15, "two hex digits"),
            ("", 0, "absolute URL"),
        ];
        for (template, offset, message) in cases {
            let error = DocsUrl::parse(template).unwrap_err();
            assert_eq!(error.offset, offset, "{template}: {error}");
            assert!(error.message.contains(message), "{template}: {error}");
        }
    }
}
