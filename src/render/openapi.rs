//! `openapi.json` and `<locale>/openapi.json`: OpenAPI 3.1 documents of reusable components that an
//! API description can `$ref`. Built from serde structs (maps are `BTreeMap`s, so keys are sorted).
//!
//! Components: the `ErrorResponse` schema, the `ErrorCode` schema (`oneOf` one `const` per code
//! with its description), one `ErrorResponse<status>` schema and `Error<status>` response per HTTP
//! status (restricting `error_code` to that status's codes), a `Content-Language` header, and an
//! example per code and locale (`CSBS.0001.zh-CN`). `openapi.json` describes the codes in the
//! fallback locale, `<locale>/openapi.json` in that locale; both carry the examples of every locale.

use super::json::to_json;
use super::{generated_note, resolve, status_reason, text, Files, RenderError, Renderer, Templates};
use crate::Catalog;
use crate::ErrorBody;
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
    #[serde(rename = "const", skip_serializing_if = "Option::is_none")]
    constant: Option<&'c str>,
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

#[derive(Serialize)]
struct Example<'c> {
    value: ErrorBody<'c>,
}

const JSON: &str = "application/json";
const CONTENT_LANGUAGE: &str = "Content-Language";

fn schema_ref(name: &str) -> Schema<'static> {
    Schema { reference: Some(format!("#/components/schemas/{name}")), ..Schema::default() }
}

impl Renderer for OpenApi {
    fn name(&self) -> &'static str {
        "openapi"
    }

    fn render(&self, catalog: &Catalog, templates: &Templates, files: &mut Files) -> Result<(), RenderError> {
        let tags: Vec<&str> = catalog.locale_tags().collect();
        // Examples of every live code in every locale, by status: `CSBS.0001.zh-CN`.
        let mut by_status: BTreeMap<u16, (Vec<&str>, BTreeMap<String, Example<'_>>)> = BTreeMap::new();
        for entry in catalog.codes().filter(|e| e.retired().is_none()) {
            let (codes, examples) = by_status.entry(entry.status()).or_default();
            codes.push(entry.code());
            for (index, tag) in tags.iter().enumerate() {
                let resolved = resolve(catalog, &tags, entry, index);
                let example = Example { value: ErrorBody { error_code: entry.code(), error_msg: resolved.message } };
                examples.insert(format!("{}.{tag}", entry.code()), example);
            }
        }
        let shared = Shared { catalog, tags: &tags, by_status: &by_status, version: fingerprint(catalog) };
        let indexes: Vec<usize> = (0..tags.len()).collect();
        let documents =
            super::in_parallel_unless(super::is_large(catalog), &indexes, |&index| document(&shared, templates, index));
        for (index, bytes) in documents.into_iter().enumerate() {
            let bytes = bytes?;
            if index == catalog.fallback_index() {
                files.insert(OPENAPI_FILE.to_string(), bytes.clone());
            }
            files.insert(format!("{}/{OPENAPI_FILE}", tags[index]), bytes);
        }
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
    let codes = catalog
        .codes()
        .map(|entry| {
            let resolved = resolve(catalog, tags, entry, index);
            let mut description = text::to_markdown(&resolved.message).into_owned();
            if let Some(suggestion) = &resolved.suggestion {
                description.push_str("\n\n");
                description.push_str(&text::escape_markdown(label("suggestion")));
                description.push_str(": ");
                description.push_str(&text::to_markdown(suggestion));
            }
            Schema {
                constant: Some(entry.code()),
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
    let mut properties = BTreeMap::new();
    properties.insert("error_code", schema_ref("ErrorCode"));
    properties.insert(
        "error_msg",
        Schema { kind: Some("string"), description: Some(label("openapi_error_msg").to_string()), ..Schema::default() },
    );
    schemas.insert(
        "ErrorResponse".to_string(),
        Schema {
            kind: Some("object"),
            description: Some(label("openapi_error_response").to_string()),
            required: Some(vec!["error_code", "error_msg"]),
            properties: Some(properties),
            ..Schema::default()
        },
    );
    let mut responses = BTreeMap::new();
    for (&status, (codes, examples)) in by_status {
        let status_text = status.to_string();
        let reason = status_reason(status).unwrap_or("");
        let values = [("status", status_text.as_str()), ("reason", reason)];
        let name = format!("ErrorResponse{status}");
        let mut restricted = BTreeMap::new();
        restricted.insert("error_code", Schema { values: Some(codes.clone()), ..Schema::default() });
        schemas.insert(
            name.clone(),
            Schema {
                description: Some(text::fill(label("openapi_status_schema"), &values)),
                all_of: Some(vec![schema_ref("ErrorResponse")]),
                properties: Some(restricted),
                ..Schema::default()
            },
        );
        let mut content = BTreeMap::new();
        content.insert(JSON, MediaType { schema: schema_ref(&name), examples });
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
