//! The service's wire format: `{"error_code": "CSBS.0001", "error_msg": "..."}`.

use super::catalog::{Catalog, FormatError, LookupError};
use super::pattern::Arg;
use serde::Serialize;
use std::borrow::Cow;

/// The JSON body of a failed request.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorBody<'a> {
    /// The error code, e.g. `CSBS.0001`.
    pub error_code: &'a str,
    /// The localized message.
    pub error_msg: Cow<'a, str>,
}

/// Everything a service needs to answer a failed request.
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorResponse<'a> {
    /// The HTTP status to answer with.
    pub status: u16,
    /// The value of the `Content-Language` header: the locale the message is in.
    pub content_language: &'a str,
    /// The body to serialize.
    pub body: ErrorBody<'a>,
    /// Problems met while formatting, if any.
    pub errors: Vec<FormatError>,
}

impl Catalog {
    /// The response for `code`, localized for an `Accept-Language` value (or a single tag).
    ///
    /// ```
    /// let response = errcat::catalog().error_response("CSBS.9999", "zh-CN,zh;q=0.9,en;q=0.8").unwrap();
    /// assert_eq!(response.status, 500);
    /// assert_eq!(response.content_language, "zh-CN");
    /// assert_eq!(
    ///     serde_json::to_string(&response.body).unwrap(),
    ///     r#"{"error_code":"CSBS.9999","error_msg":"系统内部错误。"}"#
    /// );
    /// ```
    pub fn error_response(&self, code: &str, accept_language: &str) -> Result<ErrorResponse<'_>, LookupError> {
        self.error_response_with(code, accept_language, &[])
    }

    /// Like [`Catalog::error_response`], with values for the message's variables.
    pub fn error_response_with(
        &self,
        code: &str,
        accept_language: &str,
        args: &[(&str, Arg<'_>)],
    ) -> Result<ErrorResponse<'_>, LookupError> {
        let localized = self.localize_with(code, accept_language, args)?;
        Ok(ErrorResponse {
            status: localized.status,
            content_language: localized.locale,
            body: ErrorBody { error_code: localized.code, error_msg: localized.message },
            errors: localized.errors,
        })
    }
}
