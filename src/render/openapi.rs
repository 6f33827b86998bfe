//! `openapi.json` and `<locale>/openapi.json`: OpenAPI 3.1 documents of reusable components that an
//! API description can `$ref`. Built from serde structs (maps are `BTreeMap`s, so keys are sorted).
//!
//! Components: the body schemas of the three wire formats, `ErrorResponse` (csbs), `ProblemDetails`
//! (RFC 9457) and `OpenStackFault` (with `OpenStackFaultDetail`), the `ErrorCode` schema (`oneOf`
//! one `const` per code with its description), one `ErrorResponse<status>` schema and
//! `Error<status>` response per HTTP status in the catalog's default format (`[response]` of
//! `catalog.toml`: `error_code`, or `code`, restricted to that status's codes; the OpenStack fault
//! name of that status), a `Content-Language` header, and an example per code and locale
//! (`CSBS.0001.zh-CN`) in that format. `openapi.json` describes the codes in the
//! fallback locale, `<locale>/openapi.json` in that locale; both carry the examples of every locale.

use super::json::to_json;
use super::{display, generated_note, resolve, status_reason, text, Output, RenderError, Renderer, Templates};
use crate::runtime::wire::OPENSTACK_FAULTS;
use crate::{openstack_fault, BodyFormat, Catalog, ErrorBody, ErrorResponse};
use serde::Serialize;
use std::collections::BTreeMap;

/// The OpenAPI renderer.
#[derive(Clone, Copy, Debug, Default)]
pub struct OpenApi;

/// The file name of the OpenAPI documents.
pub const OPENAPI_FILE: &str = "openapi.json";

#[derive(Serialize)]
struct Document<'c> {
    openapi: &'static str,
    info: Info,
    components: Components<'c>,
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

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
struct Schema<'c> {
    #[serde(rename = "$ref", skip_serializing_if = "Option::is_none")]
    reference: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'c str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(rename = "const", skip_serializing_if = "Option::is_none")]
    constant: Option<Const<'c>>,
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    values: Option<Vec<&'c str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deprecated: Option<bool>,
    #[serde(rename = "x-http-status", skip_serializing_if = "Option::is_none")]
    status: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    all_of: Option<Vec<Schema<'c>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    one_of: Option<Vec<Schema<'c>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    required: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    properties: Option<BTreeMap<&'static str, Schema<'c>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min_properties: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_properties: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    property_names: Option<Box<Schema<'c>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    additional_properties: Option<Box<Schema<'c>>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Const<'c> {
    Str(&'c str),
    Int(u16),
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

fn schema_ref(name: &str) -> Schema<'static> {
    Schema { reference: Some(format!("#/components/schemas/{name}")), ..Schema::default() }
}

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
            for index in indexes {
                files.insert(path(index), document(&shared, templates, index)?);
            }
        } else {
            let documents = super::in_parallel(&indexes, |&index| document(&shared, templates, index));
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

/// The document of the locale with index `index`, serialized.
fn document(shared: &Shared<'_, '_>, templates: &Templates, index: usize) -> Result<Vec<u8>, RenderError> {
    let Shared { catalog, tags, by_status, .. } = *shared;
    let locale = catalog.locales().nth(index).expect("an index of the catalog's locales");
    let labels = templates.labels(locale);
    let label = |key: &str| labels.get(key).map_or("", String::as_str);
    let mut schemas = BTreeMap::new();
    let references = display::References::new(catalog);
    let codes = catalog
        .codes()
        .map(|entry| {
            let shown = resolve(catalog, tags, entry, index).display(&references);
            let mut description = display::markdown(&shown.message.pieces);
            if let Some(suggestion) = &shown.suggestion {
                description.push_str("\n\n");
                description.push_str(&text::escape_markdown(label("suggestion")));
                description.push_str(": ");
                description.push_str(&display::markdown(&suggestion.pieces));
            }
            Schema {
                constant: Some(Const::Str(entry.code())),
                description: Some(description),
                status: Some(entry.status()),
                deprecated: entry.retired().map(|_| true),
                ..Schema::default()
            }
        })
        .collect();
    schemas.insert(
        "ErrorCode".to_string(),
        Schema {
            kind: Some("string"),
            description: Some(text::fill(label("openapi_error_code"), &[("catalog", catalog.name())])),
            one_of: Some(codes),
            ..Schema::default()
        },
    );
    body_schemas(catalog, &label, &mut schemas);
    let options = catalog.metadata().response;
    let mut responses = BTreeMap::new();
    for (&status, (codes, examples)) in by_status {
        let status_text = status.to_string();
        let reason = status_reason(status).unwrap_or("");
        let fault = openstack_fault(status);
        let values = [("status", status_text.as_str()), ("reason", reason), ("fault", fault)];
        let name = format!("ErrorResponse{status}");
        let mut restricted = BTreeMap::new();
        let (base, description, required) = match options.format {
            BodyFormat::Csbs => {
                restricted.insert("error_code", Schema { values: Some(codes.clone()), ..Schema::default() });
                ("ErrorResponse", "openapi_status_schema", None)
            }
            BodyFormat::Problem => {
                restricted.insert("code", Schema { values: Some(codes.clone()), ..Schema::default() });
                restricted.insert("status", Schema { constant: Some(Const::Int(status)), ..Schema::default() });
                ("ProblemDetails", "openapi_status_problem", None)
            }
            BodyFormat::OpenStack => {
                let mut code = BTreeMap::new();
                code.insert("code", Schema { constant: Some(Const::Int(status)), ..Schema::default() });
                let detail = Schema {
                    all_of: Some(vec![schema_ref("OpenStackFaultDetail")]),
                    properties: Some(code),
                    ..Schema::default()
                };
                restricted.insert(fault, detail);
                ("OpenStackFault", "openapi_status_openstack", Some(vec![fault]))
            }
        };
        schemas.insert(
            name.clone(),
            Schema {
                description: Some(text::fill(label(description), &values)),
                all_of: Some(vec![schema_ref(base)]),
                required,
                properties: Some(restricted),
                ..Schema::default()
            },
        );
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
        info: Info {
            title: text::fill(label("title"), &[("catalog", catalog.name())]),
            version: shared.version.clone(),
            description: generated_note(catalog),
        },
        components: Components { schemas, responses, headers },
    };
    // About 600 bytes of pretty JSON per code, and 200 per example: one allocation, no regrowth.
    let capacity = 8192 + catalog.codes().len() * (600 + 200 * tags.len());
    to_json(OPENAPI_FILE, &document, capacity)
}

/// The schemas of the three body formats: `ErrorResponse` (csbs; with `doc_url` when the catalog
/// has a `docs_url`, required when its default bodies carry it), `ProblemDetails`, `OpenStackFault`
/// and `OpenStackFaultDetail`.
fn body_schemas<'c>(catalog: &'c Catalog, label: &dyn Fn(&str) -> &'c str, schemas: &mut BTreeMap<String, Schema<'c>>) {
    let string =
        |key: &str| Schema { kind: Some("string"), description: Some(label(key).to_string()), ..Schema::default() };
    let uri = |key: &str| Schema { format: Some("uri"), ..string(key) };
    let integer =
        |key: &str| Schema { kind: Some("integer"), description: Some(label(key).to_string()), ..Schema::default() };
    let object = |key: &str, required: Vec<&'static str>, properties: BTreeMap<&'static str, Schema<'c>>| Schema {
        kind: Some("object"),
        description: Some(label(key).to_string()),
        required: Some(required),
        properties: Some(properties),
        ..Schema::default()
    };
    let options = catalog.metadata().response;
    let has_docs = catalog.metadata().docs_url.is_some();
    let mut properties = BTreeMap::new();
    properties.insert("error_code", schema_ref("ErrorCode"));
    properties.insert("error_msg", string("openapi_error_msg"));
    let mut required = vec!["error_code", "error_msg"];
    if has_docs {
        properties.insert("doc_url", uri("openapi_doc_url"));
        if options.doc_url {
            required.push("doc_url");
        }
    }
    schemas.insert("ErrorResponse".to_string(), object("openapi_error_response", required, properties));
    let mut properties = BTreeMap::new();
    properties.insert("type", uri("openapi_problem_type"));
    properties.insert("title", string("openapi_problem_title"));
    properties.insert("status", integer("openapi_problem_status"));
    properties.insert("detail", string("openapi_problem_detail"));
    properties.insert("code", schema_ref("ErrorCode"));
    let required = vec!["type", "title", "status", "detail", "code"];
    schemas.insert("ProblemDetails".to_string(), object("openapi_problem", required, properties));
    let mut properties = BTreeMap::new();
    properties.insert("code", integer("openapi_problem_status"));
    properties.insert("message", string("openapi_error_msg"));
    schemas.insert(
        "OpenStackFaultDetail".to_string(),
        object("openapi_fault_detail", vec!["code", "message"], properties),
    );
    schemas.insert(
        "OpenStackFault".to_string(),
        Schema {
            kind: Some("object"),
            description: Some(label("openapi_fault").to_string()),
            min_properties: Some(1),
            max_properties: Some(1),
            property_names: Some(Box::new(Schema {
                values: Some(OPENSTACK_FAULTS.iter().map(|(_, name)| *name).collect()),
                ..Schema::default()
            })),
            additional_properties: Some(Box::new(schema_ref("OpenStackFaultDetail"))),
            ..Schema::default()
        },
    );
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
