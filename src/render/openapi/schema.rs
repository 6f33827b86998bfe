//! The schemas of the OpenAPI documents: the three body formats, `ErrorCode` and one plain object
//! per HTTP status, shaped so that code generators keep both the narrowing and the descriptions.
//!
//! A per-status schema repeats its body's properties with `error_code` (or `code`) restricted to an
//! `enum` of that status's codes, instead of `allOf` of the body plus sibling `properties`: that
//! shape made datamodel-code-generator lose the narrowing. Every `enum` of codes carries the codes'
//! names and descriptions in the extensions generators read: `x-enum-varnames` (openapi-generator,
//! openapi-typescript, datamodel-code-generator), `x-enum-descriptions` and `x-enumDescriptions`
//! (the same list under both spellings), each in the order of `enum`.

use crate::runtime::wire::OPENSTACK_FAULTS;
use crate::{openstack_fault, BodyFormat, Catalog};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub(super) struct Schema<'c> {
    #[serde(rename = "$ref", skip_serializing_if = "Option::is_none")]
    pub reference: Option<String>,
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub format: Option<&'static str>,
    #[serde(rename = "const", skip_serializing_if = "Option::is_none")]
    pub constant: Option<u16>,
    #[serde(rename = "enum", skip_serializing_if = "Option::is_none")]
    pub values: Option<Vec<&'c str>>,
    #[serde(rename = "x-enum-varnames", skip_serializing_if = "Option::is_none")]
    pub varnames: Option<Vec<&'c str>>,
    #[serde(rename = "x-enum-descriptions", skip_serializing_if = "Option::is_none")]
    pub value_descriptions: Option<Vec<&'c str>>,
    /// The same list as `x-enum-descriptions`, under the spelling other generators read.
    #[serde(rename = "x-enumDescriptions", skip_serializing_if = "Option::is_none")]
    pub value_descriptions_camel: Option<Vec<&'c str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required: Option<Vec<&'static str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub properties: Option<BTreeMap<&'static str, Schema<'c>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_properties: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_properties: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub property_names: Option<Box<Schema<'c>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub additional_properties: Option<Box<Schema<'c>>>,
}

pub(super) fn schema_ref(name: &str) -> Schema<'static> {
    Schema { reference: Some(format!("#/components/schemas/{name}")), ..Schema::default() }
}

/// Every code of the catalog with the name and description its enum members get, in code order.
pub(super) struct CodeEnum<'c> {
    codes: Vec<(&'c str, String, String)>,
}

impl<'c> CodeEnum<'c> {
    /// `describe` gives a code's description in the document's language.
    pub fn new(catalog: &'c Catalog, describe: impl Fn(&'c crate::CodeEntry) -> String) -> CodeEnum<'c> {
        let mut taken = HashSet::new();
        let codes =
            catalog.codes().map(|entry| (entry.code(), varname(entry.code(), &mut taken), describe(entry))).collect();
        CodeEnum { codes }
    }

    /// A string schema whose `enum` is the codes `keep` accepts, with their names and descriptions.
    pub fn schema(&self, description: Option<String>, keep: impl Fn(&str) -> bool) -> Schema<'_> {
        let kept: Vec<_> = self.codes.iter().filter(|(code, _, _)| keep(code)).collect();
        let descriptions: Vec<&str> = kept.iter().map(|(_, _, d)| d.as_str()).collect();
        Schema {
            kind: Some("string"),
            description,
            values: Some(kept.iter().map(|(code, _, _)| *code).collect()),
            varnames: Some(kept.iter().map(|(_, name, _)| name.as_str()).collect()),
            value_descriptions: Some(descriptions.clone()),
            value_descriptions_camel: Some(descriptions),
            ..Schema::default()
        }
    }
}

/// A code's enum member name: `CSBS.0001` → `CSBS_0001`; `_2`, `_3`… when another code took it
/// (`A.B_C` and `A_B.C`), so that names stay unique in the order of the codes.
fn varname(code: &str, taken: &mut HashSet<String>) -> String {
    let base = code.replace('.', "_");
    let mut name = base.clone();
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("{base}_{n}");
        n += 1;
    }
    name
}

/// Builds the body schemas from labels in the document's language.
pub(super) struct Bodies<'l> {
    pub label: &'l dyn Fn(&str) -> &'l str,
    pub catalog: &'l Catalog,
}

impl<'l> Bodies<'l> {
    fn string<'c>(&self, key: &str) -> Schema<'c> {
        Schema { kind: Some("string"), description: Some((self.label)(key).to_string()), ..Schema::default() }
    }

    fn integer<'c>(&self, key: &str) -> Schema<'c> {
        Schema { kind: Some("integer"), description: Some((self.label)(key).to_string()), ..Schema::default() }
    }

    fn object<'c>(
        &self,
        key: &str,
        required: Vec<&'static str>,
        properties: BTreeMap<&'static str, Schema<'c>>,
    ) -> Schema<'c> {
        Schema {
            kind: Some("object"),
            description: Some((self.label)(key).to_string()),
            required: Some(required),
            properties: Some(properties),
            ..Schema::default()
        }
    }

    /// The csbs body (`error_code`, `error_msg`, `doc_url` when the catalog has a `docs_url`,
    /// required when its default bodies carry it), with `code` as the schema of `error_code`.
    fn csbs<'c>(&self, key: &str, code: Schema<'c>) -> Schema<'c> {
        let mut properties = BTreeMap::new();
        properties.insert("error_code", code);
        properties.insert("error_msg", self.string("openapi_error_msg"));
        let mut required = vec!["error_code", "error_msg"];
        if self.catalog.metadata().docs_url.is_some() {
            properties.insert("doc_url", Schema { format: Some("uri"), ..self.string("openapi_doc_url") });
            if self.catalog.metadata().response.doc_url {
                required.push("doc_url");
            }
        }
        self.object(key, required, properties)
    }

    /// RFC 9457 problem details with `code` as the schema of `code` and `status` of `status`.
    fn problem<'c>(&self, key: &str, code: Schema<'c>, status: Schema<'c>) -> Schema<'c> {
        let mut properties = BTreeMap::new();
        properties.insert("type", Schema { format: Some("uri"), ..self.string("openapi_problem_type") });
        properties.insert("title", self.string("openapi_problem_title"));
        properties.insert("status", status);
        properties.insert("detail", self.string("openapi_problem_detail"));
        properties.insert("code", code);
        self.object(key, vec!["type", "title", "status", "detail", "code"], properties)
    }

    /// The OpenStack fault's inner object, with `code` as the schema of its `code`.
    fn fault_detail<'c>(&self, code: Schema<'c>) -> Schema<'c> {
        let mut properties = BTreeMap::new();
        properties.insert("code", code);
        properties.insert("message", self.string("openapi_error_msg"));
        self.object("openapi_fault_detail", vec!["code", "message"], properties)
    }

    /// `ErrorResponse` (csbs), `ProblemDetails`, `OpenStackFault` and `OpenStackFaultDetail`.
    pub fn insert_bodies<'c>(&self, schemas: &mut BTreeMap<String, Schema<'c>>) {
        schemas.insert("ErrorResponse".to_string(), self.csbs("openapi_error_response", schema_ref("ErrorCode")));
        let status = self.integer("openapi_problem_status");
        schemas.insert("ProblemDetails".to_string(), self.problem("openapi_problem", schema_ref("ErrorCode"), status));
        let code = self.integer("openapi_problem_status");
        schemas.insert("OpenStackFaultDetail".to_string(), self.fault_detail(code));
        schemas.insert(
            "OpenStackFault".to_string(),
            Schema {
                kind: Some("object"),
                description: Some((self.label)("openapi_fault").to_string()),
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

    /// The body of one status in the catalog's default format, as a plain object: `codes` is the
    /// schema of that status's codes (`enum`); `description` the schema's own.
    pub fn status_body<'c>(&self, status: u16, codes: Schema<'c>, description: String) -> Schema<'c> {
        let exactly = |status: u16| Schema { kind: Some("integer"), constant: Some(status), ..Schema::default() };
        let mut schema = match self.catalog.metadata().response.format {
            BodyFormat::Csbs => self.csbs("openapi_error_response", codes),
            BodyFormat::Problem => self.problem("openapi_problem", codes, exactly(status)),
            BodyFormat::OpenStack => {
                let fault = openstack_fault(status);
                let mut properties = BTreeMap::new();
                properties.insert(fault, self.fault_detail(exactly(status)));
                self.object("openapi_fault", vec![fault], properties)
            }
        };
        schema.description = Some(description);
        schema
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn varnames_are_unique_in_code_order() {
        let mut taken = HashSet::new();
        let names: Vec<String> =
            ["A.B_C", "A_B.C", "A.B_C_2", "CSBS.0001"].iter().map(|c| varname(c, &mut taken)).collect();
        assert_eq!(names, ["A_B_C", "A_B_C_2", "A_B_C_2_2", "CSBS_0001"]);
    }
}
