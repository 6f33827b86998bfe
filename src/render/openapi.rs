//! `openapi.json` and `<locale>/openapi.json`: OpenAPI 3.1 documents of reusable components that an
//! API description can `$ref`. Built from serde structs (maps are `BTreeMap`s, so keys are sorted).
//!
//! Components: the body schemas of the three wire formats, `ErrorResponse` (csbs), `ProblemDetails`
//! (RFC 9457) and `OpenStackFault` (with `OpenStackFaultDetail`), the `ErrorCode` schema (an `enum`
//! of every code, with names and descriptions in `x-enum-varnames`, `x-enum-descriptions` and
//! `x-enumDescriptions`), one `ErrorResponse<status>` schema and `Error<status>` response per HTTP
//! status in the catalog's default format (`[response]` of `catalog.toml`), a plain object whose
//! `error_code`, or `code`, is an `enum` of that status's codes (the OpenStack fault: named after
//! the status, its `code` that status), a `Content-Language` header, and an example per code and locale
//! (`CSBS.0001.zh-CN`) in that format. `openapi.json` describes the codes in the
//! fallback locale, `<locale>/openapi.json` in that locale; both carry the examples of every locale.

use super::json::{to_json, write_json};
use super::{display, generated_note, resolve, status_reason, text, Output, RenderError, Renderer, Templates};
use crate::{openstack_fault, BodyFormat, Catalog, ErrorBody, ErrorResponse};
use schema::{schema_ref, Bodies, CodeEnum, Schema};
use serde::Serialize;
use std::collections::BTreeMap;

mod schema;

/// The OpenAPI renderer.
#[derive(Clone, Copy, Debug, Default)]
pub struct OpenApi;

/// The file name of the OpenAPI documents.
pub const OPENAPI_FILE: &str = "openapi.json";

#[derive(Serialize)]
struct Document<'c> {
    openapi: &'static str,
    info: Info,
    /// `/`, the default written out: with no servers at all, `redocly lint`'s recommended rules
    /// (`no-empty-servers`) fail a document that only holds components.
    servers: [Server; 1],
    components: Components<'c>,
}

#[derive(Serialize)]
struct Server {
    url: &'static str,
}

#[derive(Serialize)]
struct Info {
    title: String,
    version: String,
    description: String,
}

#[derive(Serialize)]
struct Components<'c> {
    schemas: BTreeMap<String, Schema<'c>>,
    responses: BTreeMap<String, Response<'c>>,
    headers: BTreeMap<&'static str, Header<'c>>,
}

#[derive(Serialize)]
struct Response<'c> {
    description: String,
    headers: BTreeMap<&'static str, Reference>,
    content: BTreeMap<&'static str, MediaType<'c>>,
}

#[derive(Serialize)]
struct MediaType<'c> {
    schema: Schema<'c>,
    /// The same in every locale's document: built once.
    examples: &'c BTreeMap<String, Example<'c>>,
}

#[derive(Serialize)]
struct Reference {
    #[serde(rename = "$ref")]
    reference: String,
}

#[derive(Serialize)]
struct Header<'c> {
    description: &'c str,
    schema: Schema<'c>,
}

/// An example body: the response of one code in one locale, written in the catalog's default format.
struct Example<'c> {
    value: ErrorResponse<'c>,
}

impl Serialize for Example<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(1))?;
        map.serialize_entry("value", &self.value.to_body())?;
        map.end()
    }
}

const CONTENT_LANGUAGE: &str = "Content-Language";

impl Renderer for OpenApi {
    fn name(&self) -> &'static str {
        "openapi"
    }

    fn render(&self, catalog: &Catalog, templates: &Templates, files: &mut dyn Output) -> Result<(), RenderError> {
        let tags: Vec<&str> = catalog.locale_tags().collect();
        // Examples of every live code in every locale, by status: `CSBS.0001.zh-CN`.
        let mut by_status: BTreeMap<u16, (Vec<&str>, BTreeMap<String, Example<'_>>)> = BTreeMap::new();
        let references = display::References::new(catalog);
        for entry in catalog.codes().filter(|e| e.retired().is_none()) {
            let (codes, examples) = by_status.entry(entry.status()).or_default();
            codes.push(entry.code());
            for (index, tag) in tags.iter().enumerate() {
                let resolved = resolve(catalog, &tags, entry, index);
                // An example shows the message as its display form: `{count}` where a value goes.
                let shown = resolved.display(&references);
                let value = ErrorResponse {
                    status: entry.status(),
                    content_language: resolved.locale,
                    body: ErrorBody {
                        error_code: entry.code(),
                        error_msg: display::plain(&shown.message.pieces).into(),
                    },
                    errors: Vec::new(),
                    suggestion: shown.suggestion.map(|s| display::plain(&s.pieces).into()),
                    doc_url: catalog.doc_url(entry.code(), resolved.locale),
                    options: catalog.metadata().response,
                };
                examples.insert(format!("{}.{tag}", entry.code()), Example { value });
            }
        }
        let shared = Shared { catalog, tags: &tags, by_status: &by_status, version: fingerprint(catalog) };
        let indexes: Vec<usize> = (0..tags.len()).collect();
        let path = |index: usize| format!("{}/{OPENAPI_FILE}", tags[index]);
        if super::is_large(catalog) {
            // One document at a time, serialized into its file as it is built.
            for index in indexes {
                files.write_with(&path(index), &mut |out| {
                    document(&shared, templates, index, &mut |document| write_json(OPENAPI_FILE, document, out))
                })?;
            }
        } else {
            // About 600 bytes of pretty JSON per code, and 200 per example: one allocation, no regrowth.
            let capacity = 8192 + catalog.codes().len() * (600 + 200 * tags.len());
            let documents = super::in_parallel(&indexes, |&index| {
                let mut bytes = Vec::new();
                document(&shared, templates, index, &mut |document| {
                    bytes = to_json(OPENAPI_FILE, document, capacity)?;
                    Ok(())
                })
                .map(|()| bytes)
            });
            for (index, bytes) in documents.into_iter().enumerate() {
                files.insert(path(index), bytes?);
            }
        }
        // The fallback locale's document is also the root one, for tools that want one file.
        files.duplicate(&path(catalog.fallback_index()), OPENAPI_FILE.to_string());
        Ok(())
    }
}

/// What every locale's document shares.
struct Shared<'c, 's> {
    catalog: &'c Catalog,
    tags: &'s [&'c str],
    /// The live codes of each status, and their examples in every locale.
    by_status: &'s BTreeMap<u16, (Vec<&'c str>, BTreeMap<String, Example<'c>>)>,
    version: String,
}

/// Builds the document of the locale with index `index` and hands it to `emit`, which serializes it
/// (the document borrows the locale's labels, so it does not outlive this call).
fn document(
    shared: &Shared<'_, '_>,
    templates: &Templates,
    index: usize,
    emit: &mut dyn FnMut(&Document<'_>) -> Result<(), RenderError>,
) -> Result<(), RenderError> {
    let Shared { catalog, tags, by_status, .. } = *shared;
    let locale = catalog.locales().nth(index).expect("an index of the catalog's locales");
    let labels = templates.labels(locale);
    let label = |key: &str| labels.get(key).map_or("", String::as_str);
    let mut schemas = BTreeMap::new();
    let references = display::References::new(catalog);
    let codes = CodeEnum::new(catalog, |entry| {
        let shown = resolve(catalog, tags, entry, index).display(&references);
        let visible = |text: &Option<display::Displayed>| text.as_ref().map(|t| display::visible(&t.pieces));
        code_description(
            &display::visible(&shown.message.pieces),
            visible(&shown.description).as_deref().map(|d| (label("details"), d)),
            visible(&shown.suggestion).as_deref().map(|s| (label("suggestion"), s)),
            entry.retired().map(|_| label("retired")),
        )
    });
    let description = text::fill(label("openapi_error_code"), &[("catalog", catalog.name())]);
    schemas.insert("ErrorCode".to_string(), codes.schema(Some(description), |_| true));
    let bodies = Bodies { label: &label, catalog };
    bodies.insert_bodies(&mut schemas);
    let options = catalog.metadata().response;
    let mut responses = BTreeMap::new();
    for (&status, (live, examples)) in by_status {
        let status_text = status.to_string();
        let reason = status_reason(status).unwrap_or("");
        let fault = openstack_fault(status);
        let values = [("status", status_text.as_str()), ("reason", reason), ("fault", fault)];
        let name = format!("ErrorResponse{status}");
        let key = match options.format {
            BodyFormat::Csbs => "openapi_status_schema",
            BodyFormat::Problem => "openapi_status_problem",
            BodyFormat::OpenStack => "openapi_status_openstack",
        };
        let live: std::collections::HashSet<&str> = live.iter().copied().collect();
        let of_status = codes.schema(None, |code| live.contains(code));
        schemas.insert(name.clone(), bodies.status_body(status, of_status, text::fill(label(key), &values)));
        let mut content = BTreeMap::new();
        content.insert(options.format.content_type(), MediaType { schema: schema_ref(&name), examples });
        let mut headers = BTreeMap::new();
        headers.insert(CONTENT_LANGUAGE, Reference { reference: format!("#/components/headers/{CONTENT_LANGUAGE}") });
        responses.insert(
            format!("Error{status}"),
            Response { description: text::fill(label("openapi_response"), &values), headers, content },
        );
    }
    let mut headers = BTreeMap::new();
    headers.insert(
        CONTENT_LANGUAGE,
        Header {
            description: label("openapi_content_language"),
            schema: Schema { kind: Some("string"), values: Some(tags.to_vec()), ..Schema::default() },
        },
    );
    let document = Document {
        openapi: "3.1.0",
        servers: [Server { url: "/" }],
        info: Info {
            title: text::fill(label("title"), &[("catalog", catalog.name())]),
            version: shared.version.clone(),
            description: generated_note(catalog),
        },
        components: Components { schemas, responses, headers },
    };
    emit(&document)
}

/// A code's text for the generated code of the API's clients (doc comments, docstrings): the
/// message, then the description and the suggestion each on its own line after its label, all
/// plain text; after "Retired:" for a retired code.
fn code_description(
    message: &str,
    description: Option<(&str, &str)>,
    suggestion: Option<(&str, &str)>,
    retired: Option<&str>,
) -> String {
    let mut out = String::new();
    if let Some(retired) = retired {
        out.push_str(retired);
        out.push_str(": ");
    }
    out.push_str(message);
    for (label, text) in [description, suggestion].into_iter().flatten() {
        out.push('\n');
        out.push_str(label);
        out.push_str(": ");
        out.push_str(text);
    }
    out
}

/// A version for `info.version` that changes exactly when the catalog's content does:
/// FNV-1a (64 bits) over every code's status, family and texts.
fn fingerprint(catalog: &Catalog) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes.iter().chain(&[0xff]) {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for tag in catalog.locale_tags() {
        feed(tag.as_bytes());
    }
    for entry in catalog.codes() {
        feed(entry.code().as_bytes());
        feed(&entry.status().to_be_bytes());
        feed(entry.family().as_bytes());
        feed(entry.retired().unwrap_or("").as_bytes());
        for index in 0..catalog.locales().len() {
            if let Some(texts) = entry.texts(index) {
                feed(texts.value().source().as_bytes());
                for (name, text) in texts.attributes() {
                    feed(name.as_bytes());
                    feed(text.source().as_bytes());
                }
            }
        }
    }
    format!("0.0.0+{hash:016x}")
}
