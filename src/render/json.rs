//! `catalog.json`: every code with its status, family and text per locale, for services and
//! front ends not written in Rust. Its shape is described by `catalog.schema.json` (JSON Schema
//! 2020-12, written next to it) and in the README.

use super::display::{self, Displayed, References};
use super::{fluent_source, generated_note, resolve, Output, RenderError, Renderer, Templates};
use crate::Catalog;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::Write;

/// The JSON catalog renderer.
#[derive(Clone, Copy, Debug, Default)]
pub struct JsonCatalog;

/// The catalog file.
pub const CATALOG_FILE: &str = "catalog.json";
/// The JSON Schema of [`CATALOG_FILE`].
pub const CATALOG_SCHEMA_FILE: &str = "catalog.schema.json";
/// The version of the shape of [`CATALOG_FILE`]; raised on any incompatible change.
pub const CATALOG_FORMAT: u32 = 2;

const SCHEMA: &str = include_str!("catalog.schema.json");

// Fields are declared in alphabetical order: the file's keys are sorted.
#[derive(Serialize)]
struct Document<'c> {
    #[serde(rename = "$comment")]
    comment: String,
    #[serde(rename = "$schema")]
    schema: &'static str,
    catalog: &'c str,
    codes: BTreeMap<&'c str, Code<'c>>,
    fallback_locale: &'c str,
    families: Vec<FamilyOut<'c>>,
    format: u32,
    locales: Vec<&'c str>,
    source_locale: &'c str,
}

#[derive(Serialize)]
struct FamilyOut<'c> {
    id: &'c str,
    titles: BTreeMap<&'c str, &'c str>,
}

#[derive(Serialize)]
struct Code<'c> {
    family: &'c str,
    id: &'c str,
    retired: Option<&'c str>,
    status: u16,
    texts: BTreeMap<&'c str, TextOut<'c>>,
}

/// One locale's texts of a code: the message's Fluent source and each text's display form.
#[derive(Serialize)]
struct TextOut<'c> {
    /// The `.description` attribute.
    description: Option<Shown>,
    /// The message `id` with its value and attributes, and every term and message it uses.
    fluent: String,
    locale: &'c str,
    message: Shown,
    suggestion: Option<Shown>,
}

/// A text as the docs show it, and the variables a formatter needs.
#[derive(Serialize)]
struct Shown {
    display: String,
    variables: Vec<String>,
}

impl Shown {
    fn new(displayed: Displayed) -> Shown {
        Shown { display: display::plain(&displayed.pieces), variables: displayed.variables.into_iter().collect() }
    }
}

impl Renderer for JsonCatalog {
    fn name(&self) -> &'static str {
        "json"
    }

    fn render(&self, catalog: &Catalog, _: &Templates, files: &mut dyn Output) -> Result<(), RenderError> {
        let tags: Vec<&str> = catalog.locale_tags().collect();
        let references = References::new(catalog);
        let codes = catalog
            .codes()
            .map(|entry| {
                let texts = tags
                    .iter()
                    .enumerate()
                    .map(|(index, tag)| {
                        let resolved = resolve(catalog, &tags, entry, index);
                        let shown = resolved.display(&references);
                        let text = TextOut {
                            description: shown.description.map(Shown::new),
                            fluent: resolved
                                .texts
                                .map(|t| fluent_source::resource(&references, resolved.index, entry.id(), t))
                                .unwrap_or_default(),
                            locale: resolved.locale,
                            message: Shown::new(shown.message),
                            suggestion: shown.suggestion.map(Shown::new),
                        };
                        (*tag, text)
                    })
                    .collect();
                let code = Code {
                    family: entry.family(),
                    id: entry.id(),
                    retired: entry.retired(),
                    status: entry.status(),
                    texts,
                };
                (entry.code(), code)
            })
            .collect();
        let families = catalog
            .families()
            .iter()
            .map(|f| FamilyOut { id: f.id(), titles: tags.iter().enumerate().map(|(i, t)| (*t, f.title(i))).collect() })
            .collect();
        let document = Document {
            comment: generated_note(catalog),
            schema: CATALOG_SCHEMA_FILE,
            catalog: catalog.name(),
            codes,
            fallback_locale: tags[catalog.fallback_index()],
            families,
            format: CATALOG_FORMAT,
            locales: tags.clone(),
            source_locale: tags[catalog.source_index()],
        };
        // Serialized straight into the file: on a catalog with a huge message the document is
        // many copies of it. The buffer keeps serde's many small writes off the dynamic `Write`.
        files.write_with(CATALOG_FILE, &mut |out| write_json(CATALOG_FILE, &document, out))?;
        files.insert(CATALOG_SCHEMA_FILE.into(), SCHEMA.as_bytes().to_vec());
        Ok(())
    }
}

/// Pretty JSON with a final newline: the form of every JSON file errcat writes.
/// `value` as pretty JSON and a final line feed, serialized straight into `out` (the file named
/// `file`): a document holding a huge message many times is never held whole in memory. The
/// buffer keeps serde's many small writes off the dynamic `Write`.
pub(crate) fn write_json(file: &str, value: &impl Serialize, out: &mut dyn Write) -> Result<(), RenderError> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, value).map_err(|e| RenderError::json(file, e))?;
    out.write_all(b"\n").and_then(|()| out.flush()).map_err(|e| RenderError::json(file, serde_json::Error::io(e)))
}

pub(crate) fn to_json(file: &str, value: &impl Serialize, capacity: usize) -> Result<Vec<u8>, RenderError> {
    let mut bytes = Vec::with_capacity(capacity);
    serde_json::to_writer_pretty(&mut bytes, value).map_err(|e| RenderError::json(file, e))?;
    bytes.push(b'\n');
    Ok(bytes)
}
