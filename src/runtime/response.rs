//! The service's wire formats: an [`ErrorResponse`] holds everything a failed request is answered
//! with, and [`ErrorResponse::to_body`] gives its body in the chosen [`BodyFormat`]:
//!
//! | format | body | `Content-Type` |
//! |---|---|---|
//! | `csbs` | `{"error_code": "CSBS.0001", "error_msg": "..."}` (+ `"doc_url"` when asked) | `application/json` |
//! | `problem` | `{"type": URL or "about:blank", "title", "status", "detail", "code"}` | `application/problem+json` |
//! | `openstack` | `{"badRequest": {"code": 400, "message": "..."}}` | `application/json` |

use super::catalog::{Catalog, FormatError, Localized, LookupError};
use super::pattern::Arg;
use super::wire::{openstack_fault, BodyFormat, BodyOptions, DocUrl};
use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};
use std::borrow::Cow;

/// The JSON body of a failed request in the `csbs` shape, without `doc_url`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ErrorBody<'a> {
    /// The error code, e.g. `CSBS.0001`.
    pub error_code: &'a str,
    /// The localized message.
    pub error_msg: Cow<'a, str>,
}

/// Everything a service needs to answer a failed request.
///
/// Built by [`Catalog::error_response`] with the catalog's default [`BodyOptions`]
/// (`[response]` in `catalog.toml`; `csbs` without `doc_url` when absent); choose another shape
/// with [`ErrorResponse::with_format`] or [`ErrorResponse::with_options`].
#[derive(Clone, Debug, PartialEq)]
pub struct ErrorResponse<'a> {
    /// The HTTP status to answer with.
    pub status: u16,
    /// The value of the `Content-Language` header: the locale the message is in.
    pub content_language: &'a str,
    /// The code and message in the `csbs` shape; [`ErrorResponse::to_body`] gives the body in
    /// the response's format.
    pub body: ErrorBody<'a>,
    /// Problems met while formatting, if any.
    pub errors: Vec<FormatError>,
    /// What the user can do about it, if the catalog says (used as `detail` of problem bodies).
    pub suggestion: Option<Cow<'a, str>>,
    /// The code's documentation URL in this locale, when the catalog has a `docs_url` template.
    pub doc_url: Option<DocUrl<'a>>,
    /// The body's shape.
    pub options: BodyOptions,
}

/// An error body in one of the [`BodyFormat`]s, borrowed from its [`ErrorResponse`]; serialize it
/// (serde, members in a fixed order) and send it with [`Body::content_type`].
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Body<'r> {
    /// [`BodyFormat::Csbs`].
    Csbs(CsbsBody<'r>),
    /// [`BodyFormat::Problem`].
    Problem(ProblemBody<'r>),
    /// [`BodyFormat::OpenStack`].
    OpenStack(OpenStackBody<'r>),
}

/// `{"error_code": ..., "error_msg": ..., "doc_url": ...}`, `doc_url` only when set.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CsbsBody<'r> {
    /// The error code.
    pub error_code: &'r str,
    /// The localized message.
    pub error_msg: &'r str,
    /// The code's documentation URL (Stripe's member name).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_url: Option<DocUrl<'r>>,
}

/// RFC 9457 problem details: `{"type", "title", "status", "detail", "code"}`.
///
/// `title` is the localized message: it names the problem and does not change from one occurrence
/// to the next except for the values of its variables. `detail` is what the user can do (the
/// catalog's suggestion) or, for codes without one, the message again, so that clients showing
/// only `detail` show something useful. `type` is the code's documentation URL, or `about:blank`
/// when the catalog has no `docs_url`; RFC 9457 then suggests the status phrase as `title`, but
/// errcat keeps the message there so that the members mean the same whatever the catalog's
/// configuration (the extension member `code` tells problems apart either way).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ProblemBody<'r> {
    /// The problem type: the code's documentation URL; `None` is written `about:blank`.
    #[serde(rename = "type", serialize_with = "about_blank_or")]
    pub problem_type: Option<DocUrl<'r>>,
    /// The localized message.
    pub title: &'r str,
    /// The HTTP status.
    pub status: u16,
    /// The suggestion, or the message when the code has none.
    pub detail: &'r str,
    /// The error code (an extension member).
    pub code: &'r str,
}

fn about_blank_or<S: Serializer>(url: &Option<DocUrl<'_>>, serializer: S) -> Result<S::Ok, S::Error> {
    match url {
        Some(url) => url.serialize(serializer),
        None => serializer.serialize_str("about:blank"),
    }
}

/// The OpenStack fault body: `{"<fault>": {"code": 404, "message": "..."}}`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OpenStackBody<'r> {
    /// The fault name, from the status ([`openstack_fault`](crate::openstack_fault)).
    pub fault: &'static str,
    /// The HTTP status.
    pub code: u16,
    /// The localized message.
    pub message: &'r str,
}

impl Serialize for OpenStackBody<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(Serialize)]
        struct Fault<'r> {
            code: u16,
            message: &'r str,
        }
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry(self.fault, &Fault { code: self.code, message: self.message })?;
        map.end()
    }
}

impl Body<'_> {
    /// The format of this body.
    pub fn format(&self) -> BodyFormat {
        match self {
            Body::Csbs(_) => BodyFormat::Csbs,
            Body::Problem(_) => BodyFormat::Problem,
            Body::OpenStack(_) => BodyFormat::OpenStack,
        }
    }

    /// The `Content-Type` to send it with.
    pub fn content_type(&self) -> &'static str {
        self.format().content_type()
    }
}

impl<'a> ErrorResponse<'a> {
    /// The same response in another format (keeping whether `csbs` bodies carry `doc_url`).
    #[must_use]
    pub fn with_format(mut self, format: BodyFormat) -> Self {
        self.options.format = format;
        self
    }

    /// The same response with other options.
    #[must_use]
    pub fn with_options(mut self, options: BodyOptions) -> Self {
        self.options = options;
        self
    }

    /// The error code.
    pub fn code(&self) -> &'a str {
        self.body.error_code
    }

    /// The `Content-Type` of the body.
    pub fn content_type(&self) -> &'static str {
        self.options.format.content_type()
    }

    /// The body in the response's format, ready to serialize.
    ///
    /// ```
    /// use errcat::BodyFormat;
    /// let response = errcat::error_response("CSBS.3000", "en").unwrap();
    /// let json = |r: &errcat::ErrorResponse| serde_json::to_string(&r.to_body()).unwrap();
    /// assert_eq!(json(&response), r#"{"error_code":"CSBS.3000","error_msg":"The backup policy does not exist."}"#);
    /// let response = response.with_format(BodyFormat::OpenStack);
    /// assert_eq!(json(&response), r#"{"itemNotFound":{"code":404,"message":"The backup policy does not exist."}}"#);
    /// let response = response.with_format(BodyFormat::Problem);
    /// assert_eq!(response.content_type(), "application/problem+json");
    /// assert!(json(&response).starts_with(r#"{"type":"about:blank","title":"The backup policy does not exist.","status":404,"#));
    /// ```
    pub fn to_body(&self) -> Body<'_> {
        let message = &*self.body.error_msg;
        match self.options.format {
            BodyFormat::Csbs => Body::Csbs(CsbsBody {
                error_code: self.body.error_code,
                error_msg: message,
                doc_url: self.doc_url.filter(|_| self.options.doc_url),
            }),
            BodyFormat::Problem => Body::Problem(ProblemBody {
                problem_type: self.doc_url,
                title: message,
                status: self.status,
                detail: self.suggestion.as_deref().unwrap_or(message),
                code: self.body.error_code,
            }),
            BodyFormat::OpenStack => {
                Body::OpenStack(OpenStackBody { fault: openstack_fault(self.status), code: self.status, message })
            }
        }
    }
}

impl Catalog {
    /// The response for `code`, localized for an `Accept-Language` value (or a single tag), in the
    /// catalog's default format.
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
        Ok(self.response_for(self.localize_with(code, accept_language, args)?))
    }

    /// The response for a text already localized by this catalog, in the catalog's default format.
    pub fn response_for<'s>(&'s self, localized: Localized<'s>) -> ErrorResponse<'s> {
        ErrorResponse {
            status: localized.status,
            content_language: localized.locale,
            doc_url: self.doc_url(localized.code, localized.locale),
            body: ErrorBody { error_code: localized.code, error_msg: localized.message },
            errors: localized.errors,
            suggestion: localized.suggestion,
            options: self.metadata.response,
        }
    }

    /// The documentation URL of `code` in `locale` (a tag), from the `docs_url` template of
    /// `catalog.toml`; `None` when the catalog has none.
    ///
    /// ```
    /// assert!(errcat::catalog().doc_url("CSBS.0001", "en-US").is_none());
    /// ```
    pub fn doc_url<'s>(&'s self, code: &'s str, locale: &'s str) -> Option<DocUrl<'s>> {
        self.metadata.docs_url.as_ref().map(|template| template.url(code, locale))
    }
}
