//! HTTP glue (feature `http`; the axum parts with feature `axum`): an [`ErrorResponse`] becomes an
//! `http::Response` with its status, `Content-Type`, `Content-Language`, `Vary: Accept-Language`
//! and JSON body, and [`AcceptLanguage`] reads the request's header (an axum extractor with `axum`).

use super::catalog::LookupError;
use super::response::ErrorResponse;
use ::http::header::{HeaderMap, HeaderValue, ACCEPT_LANGUAGE, CONTENT_LANGUAGE, CONTENT_TYPE, VARY};
use ::http::{Response, StatusCode};
use bytes::Bytes;
use std::fmt;
use std::ops::Deref;

/// The `Accept-Language` of a request: every header line of that name joined with `,`, as
/// RFC 9110 allows; empty when there is none or when it is not visible ASCII (then the catalog's
/// fallback locale answers). Dereferences to `&str`, so it goes wherever a language is asked for:
/// `catalog.error_response(code, &lang)`, `Message::X.error_response(&lang)`.
///
/// With feature `axum` it is an extractor that never rejects a request.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct AcceptLanguage {
    value: Repr,
}

#[derive(Clone, Default, PartialEq, Eq)]
enum Repr {
    #[default]
    None,
    /// One header line, already checked to be visible ASCII (a cheap, reference-counted copy).
    One(HeaderValue),
    Joined(Box<str>),
}

impl AcceptLanguage {
    /// A value given as text (e.g. from another framework's request type).
    pub fn new(value: &str) -> AcceptLanguage {
        match HeaderValue::from_str(value) {
            Ok(header) if header.to_str().is_ok() => AcceptLanguage { value: Repr::One(header) },
            _ => AcceptLanguage::default(),
        }
    }

    /// Reads the `Accept-Language` lines of `headers`.
    pub fn from_headers(headers: &HeaderMap) -> AcceptLanguage {
        let mut lines = headers.get_all(ACCEPT_LANGUAGE).iter().filter(|v| v.to_str().is_ok());
        let Some(first) = lines.next() else { return AcceptLanguage::default() };
        let Some(second) = lines.next() else { return AcceptLanguage { value: Repr::One(first.clone()) } };
        let mut joined = String::new();
        for line in [first, second].into_iter().chain(lines) {
            if !joined.is_empty() {
                joined.push(',');
            }
            joined.push_str(line.to_str().unwrap_or(""));
        }
        AcceptLanguage { value: Repr::Joined(joined.into_boxed_str()) }
    }

    /// The value, `""` when the request had none.
    pub fn as_str(&self) -> &str {
        match &self.value {
            Repr::None => "",
            Repr::One(header) => header.to_str().unwrap_or(""),
            Repr::Joined(joined) => joined,
        }
    }
}

impl Deref for AcceptLanguage {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for AcceptLanguage {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl fmt::Debug for AcceptLanguage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("AcceptLanguage").field(&self.as_str()).finish()
    }
}

impl ErrorResponse<'_> {
    /// The body in the response's format as JSON bytes.
    pub fn to_json(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + self.body.error_msg.len() * 2);
        // Writing strings and numbers into a Vec cannot fail.
        if serde_json::to_writer(&mut out, &self.to_body()).is_err() {
            out.clear();
        }
        out
    }

    /// The whole answer: status, `Content-Type`, `Content-Language`, `Vary: Accept-Language`
    /// and the JSON body.
    ///
    /// ```
    /// let response = errcat::error_response("CSBS.3000", "zh").unwrap().to_http();
    /// assert_eq!(response.status(), 404);
    /// assert_eq!(response.headers()["content-language"], "zh-CN");
    /// assert_eq!(response.headers()["vary"], "Accept-Language");
    /// assert_eq!(response.headers()["content-type"], "application/json");
    /// assert!(response.body().starts_with(br#"{"error_code":"CSBS.3000""#));
    /// ```
    pub fn to_http(&self) -> Response<Vec<u8>> {
        self.to_http_with(self.to_json())
    }

    fn to_http_with<B>(&self, body: B) -> Response<B> {
        let mut response = Response::new(body);
        // Catalog statuses are 400-599 (checked at load); anything else is the service's bug.
        *response.status_mut() = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let headers = response.headers_mut();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(self.content_type()));
        if let Ok(language) = HeaderValue::from_str(self.content_language) {
            headers.insert(CONTENT_LANGUAGE, language);
        }
        headers.insert(VARY, HeaderValue::from_static("Accept-Language"));
        response
    }
}

impl From<ErrorResponse<'_>> for Response<Vec<u8>> {
    fn from(response: ErrorResponse<'_>) -> Self {
        response.to_http()
    }
}

impl From<ErrorResponse<'_>> for Response<Bytes> {
    fn from(response: ErrorResponse<'_>) -> Self {
        response.to_http_with(Bytes::from(response.to_json()))
    }
}

/// The answer when a service asks for a code its catalog does not have (a bug of the service):
/// `500 Internal Server Error`, the reason as plain text.
impl From<LookupError> for Response<Vec<u8>> {
    fn from(error: LookupError) -> Self {
        let mut response = Response::new(format!("internal error: {error}").into_bytes());
        *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
        response.headers_mut().insert(CONTENT_TYPE, HeaderValue::from_static("text/plain; charset=utf-8"));
        response
    }
}

#[cfg(feature = "axum")]
mod axum_glue {
    use super::{AcceptLanguage, ErrorResponse, LookupError, Response};
    use axum_core::body::Body;
    use axum_core::extract::FromRequestParts;
    use axum_core::response::IntoResponse;
    use std::convert::Infallible;

    /// Reads `Accept-Language`; never rejects.
    impl<S: Send + Sync> FromRequestParts<S> for AcceptLanguage {
        type Rejection = Infallible;

        async fn from_request_parts(parts: &mut ::http::request::Parts, _state: &S) -> Result<Self, Infallible> {
            Ok(AcceptLanguage::from_headers(&parts.headers))
        }
    }

    /// Status, `Content-Type`, `Content-Language`, `Vary: Accept-Language` and the JSON body.
    impl IntoResponse for ErrorResponse<'_> {
        fn into_response(self) -> axum_core::response::Response {
            self.to_http_with(Body::from(self.to_json()))
        }
    }

    /// `500 Internal Server Error`: the service asked for a code its catalog does not have.
    impl IntoResponse for LookupError {
        fn into_response(self) -> axum_core::response::Response {
            Response::<Vec<u8>>::from(self).map(Body::from)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BodyFormat, Catalog};

    #[test]
    fn accept_language_joins_lines_and_drops_non_ascii() {
        let mut headers = HeaderMap::new();
        assert_eq!(AcceptLanguage::from_headers(&headers).as_str(), "");
        headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("ja"));
        assert_eq!(&*AcceptLanguage::from_headers(&headers), "ja");
        headers.append(ACCEPT_LANGUAGE, HeaderValue::from_bytes(b"\xffbad").unwrap());
        headers.append(ACCEPT_LANGUAGE, HeaderValue::from_static("en;q=0.5"));
        assert_eq!(AcceptLanguage::from_headers(&headers).as_str(), "ja,en;q=0.5");
        assert_eq!(AcceptLanguage::new("zh-CN\n").as_str(), "");
        assert_eq!(format!("{:?}", AcceptLanguage::new("de")), r#"AcceptLanguage("de")"#);
    }

    #[test]
    fn responses_convert_with_headers_in_every_format() {
        let catalog = Catalog::embedded();
        for format in BodyFormat::ALL {
            let response = catalog.error_response("CSBS.3000", "zh-Hans-CN").unwrap().with_format(format);
            let json = response.to_json();
            let value: serde_json::Value = serde_json::from_slice(&json).unwrap();
            let bytes: Response<Bytes> = response.clone().into();
            let vec: Response<Vec<u8>> = response.into();
            for (status, headers, body) in
                [(bytes.status(), bytes.headers(), &bytes.body()[..]), (vec.status(), vec.headers(), &vec.body()[..])]
            {
                assert_eq!(status, StatusCode::NOT_FOUND);
                assert_eq!(headers[CONTENT_TYPE], format.content_type());
                assert_eq!(headers[CONTENT_LANGUAGE], "zh-CN");
                assert_eq!(headers[VARY], "Accept-Language");
                assert_eq!(headers.len(), 3);
                assert_eq!(body, &json[..]);
            }
            let message = "备份策略不存在。";
            let expected = match format {
                BodyFormat::Csbs => serde_json::json!({"error_code": "CSBS.3000", "error_msg": message}),
                BodyFormat::Problem => serde_json::json!({
                    "type": "about:blank", "title": message, "status": 404, "detail": message, "code": "CSBS.3000"
                }),
                BodyFormat::OpenStack => serde_json::json!({"itemNotFound": {"code": 404, "message": message}}),
            };
            assert_eq!(value, expected, "{format}");
        }
    }

    #[test]
    fn unknown_codes_are_500s() {
        let error = Catalog::embedded().error_response("NOPE.1", "en").unwrap_err();
        let response: Response<Vec<u8>> = error.into();
        assert_eq!(response.status(), 500);
        assert_eq!(response.body(), b"internal error: unknown error code `NOPE.1`");
    }
}
