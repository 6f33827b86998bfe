//! Wire formats: csbs, RFC 9457 problem details and OpenStack faults, the `docs_url` template of
//! `catalog.toml`, and `errcat localize --json --body FORMAT`.

use errcat::{BodyFormat, BodyOptions, Catalog};
use serde_json::{json, Value};
use std::path::Path;
use std::process::{Command, Output};

const CATALOG_TOML: &str = "\
name = \"SHOP\"
source_locale = \"zh-CN\"
fallback_locale = \"en-US\"
docs_url = \"https://docs.example.com/errors/{locale}/#{code}\"
[status]
\"SHOP.0002\" = 409
[response]
format = \"problem\"
";

/// A two-locale catalog with a suggestion on one code, `docs_url` and a `problem` default.
fn shop(dir: &Path, catalog_toml: &str) {
    std::fs::create_dir_all(dir.join("zh-CN")).unwrap();
    std::fs::create_dir_all(dir.join("en-US")).unwrap();
    std::fs::write(dir.join("catalog.toml"), catalog_toml).unwrap();
    std::fs::write(
        dir.join("zh-CN/shop.ftl"),
        "SHOP-0001 = 商品不存在。\n    .suggestion = 请检查商品编号。\nSHOP-0002 = 订单已支付。\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("en-US/shop.ftl"),
        "SHOP-0001 = The item does not exist.\n    .suggestion = Check the item number.\nSHOP-0002 = The order is already paid.\n",
    )
    .unwrap();
}

fn body(response: &errcat::ErrorResponse<'_>) -> Value {
    serde_json::to_value(response.to_body()).unwrap()
}

#[test]
fn the_catalog_default_and_each_format_on_request() {
    let dir = tempfile::tempdir().unwrap();
    shop(dir.path(), CATALOG_TOML);
    let catalog = Catalog::from_dir(dir.path()).unwrap();
    assert_eq!(catalog.metadata().response, BodyOptions::new(BodyFormat::Problem));
    let response = catalog.error_response("SHOP.0001", "zh-Hans-CN").unwrap();
    assert_eq!(response.content_type(), "application/problem+json");
    assert_eq!(
        body(&response),
        json!({
            "type": "https://docs.example.com/errors/zh-CN/#SHOP.0001",
            "title": "商品不存在。",
            "status": 400,
            "detail": "请检查商品编号。",
            "code": "SHOP.0001",
        })
    );
    // Members in this order, always.
    let text = serde_json::to_string(&response.to_body()).unwrap();
    assert!(text.starts_with(r#"{"type":"https://docs.example.com/errors/zh-CN/#SHOP.0001","title":"#), "{text}");
    // No suggestion: the message is the detail too. The URL names the locale answered (fallback).
    let response = catalog.error_response("SHOP.0002", "fr").unwrap();
    assert_eq!(response.content_language, "en-US");
    assert_eq!(
        body(&response),
        json!({
            "type": "https://docs.example.com/errors/en-US/#SHOP.0002",
            "title": "The order is already paid.",
            "status": 409,
            "detail": "The order is already paid.",
            "code": "SHOP.0002",
        })
    );
    let csbs = response.clone().with_format(BodyFormat::Csbs);
    assert_eq!(csbs.content_type(), "application/json");
    assert_eq!(body(&csbs), json!({"error_code": "SHOP.0002", "error_msg": "The order is already paid."}));
    let csbs = csbs.with_options(BodyOptions { format: BodyFormat::Csbs, doc_url: true });
    assert_eq!(
        serde_json::to_string(&csbs.to_body()).unwrap(),
        r#"{"error_code":"SHOP.0002","error_msg":"The order is already paid.","doc_url":"https://docs.example.com/errors/en-US/#SHOP.0002"}"#
    );
    let openstack = response.with_format(BodyFormat::OpenStack);
    assert_eq!(openstack.content_type(), "application/json");
    assert_eq!(body(&openstack), json!({"conflictingRequest": {"code": 409, "message": "The order is already paid."}}));
}

#[test]
fn without_docs_url_the_type_is_about_blank_and_doc_url_is_left_out() {
    let catalog = errcat::catalog();
    assert!(catalog.metadata().docs_url.is_none());
    let response = catalog.error_response("CSBS.6024", "en").unwrap();
    assert_eq!(response.options, BodyOptions::default());
    let suggestion = response.suggestion.clone().expect("CSBS.6024 has a suggestion");
    let problem = body(&response.clone().with_format(BodyFormat::Problem));
    assert_eq!(problem["type"], "about:blank");
    assert_eq!(problem["title"], &*response.body.error_msg);
    assert_eq!(problem["detail"], &*suggestion);
    assert_eq!(problem["status"], 400);
    // Asking for doc_url without a template adds nothing.
    let csbs = response.with_options(BodyOptions { format: BodyFormat::Csbs, doc_url: true });
    assert_eq!(body(&csbs).as_object().unwrap().len(), 2);
}

#[test]
fn a_bad_docs_url_fails_the_load_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    shop(dir.path(), &CATALOG_TOML.replace("{locale}", "{lang}"));
    let error = Catalog::from_dir(dir.path()).unwrap_err();
    let text = error.to_string();
    let place = format!("{}:4:45:", dir.path().join("catalog.toml").display());
    assert!(text.contains(&place) && text.contains("unknown placeholder `{lang}`"), "{text}");
}

fn errcat(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcat")).args(args).output().expect("errcat runs")
}

fn stdout_json(out: &Output) -> Value {
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn localize_json_prints_each_body() {
    let message = "The backup policy does not exist.";
    let cases = [
        ("csbs", json!({"error_code": "CSBS.3000", "error_msg": message})),
        (
            "problem",
            json!({"type": "about:blank", "title": message, "status": 404, "detail": message, "code": "CSBS.3000"}),
        ),
        ("openstack", json!({"itemNotFound": {"code": 404, "message": message}})),
    ];
    for (format, expected) in cases {
        let out = errcat(&["localize", "CSBS.3000", "--lang", "en", "--json", "--body", format]);
        assert_eq!(stdout_json(&out), expected, "{format}");
    }
    let dir = tempfile::tempdir().unwrap();
    shop(dir.path(), CATALOG_TOML);
    let locales = dir.path().to_str().unwrap();
    let out = errcat(&["localize", "SHOP.0001", "--lang", "en", "--json", "--locales", locales]);
    assert_eq!(stdout_json(&out)["type"], "https://docs.example.com/errors/en-US/#SHOP.0001");
    let out = errcat(&[
        "localize",
        "SHOP.0001",
        "--lang",
        "en",
        "--json",
        "--body",
        "csbs",
        "--doc-url",
        "--locales",
        locales,
    ]);
    assert_eq!(stdout_json(&out)["doc_url"], "https://docs.example.com/errors/en-US/#SHOP.0001");
}

#[test]
fn bad_body_options_are_usage_errors() {
    for args in [
        &["localize", "CSBS.3000", "--json", "--body", "xml"][..],
        &["localize", "CSBS.3000", "--body", "problem"],
        &["localize", "CSBS.3000", "--json", "--doc-url"],
    ] {
        let out = errcat(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}");
    }
}

/// The OpenAPI document of a catalog: its per-status schemas and responses follow the default format.
fn openapi(catalog_toml: &str) -> Value {
    let dir = tempfile::tempdir().unwrap();
    shop(dir.path(), catalog_toml);
    let catalog = Catalog::from_dir(dir.path()).unwrap();
    let templates = errcat::render::Templates::embedded().unwrap();
    let files = errcat::render::render(&catalog, &templates).unwrap();
    serde_json::from_slice(&files["openapi.json"]).unwrap()
}

#[test]
fn openapi_describes_the_three_bodies_and_answers_in_the_default_one() {
    let problem = openapi(CATALOG_TOML);
    let schemas = &problem["components"]["schemas"];
    for name in ["ErrorResponse", "ProblemDetails", "OpenStackFault", "OpenStackFaultDetail"] {
        assert_eq!(schemas[name]["type"], "object", "{name}");
    }
    assert_eq!(schemas["ProblemDetails"]["required"], json!(["type", "title", "status", "detail", "code"]));
    assert_eq!(schemas["ErrorResponse"]["properties"]["doc_url"]["format"], "uri", "the catalog has docs_url");
    assert_eq!(schemas["ErrorResponse"]["required"], json!(["error_code", "error_msg"]), "doc_url is off by default");
    assert_eq!(schemas["ErrorResponse409"]["required"], schemas["ProblemDetails"]["required"], "a ProblemDetails");
    assert_eq!(schemas["ErrorResponse409"]["properties"]["title"], schemas["ProblemDetails"]["properties"]["title"]);
    assert_eq!(schemas["ErrorResponse409"]["properties"]["code"]["enum"], json!(["SHOP.0002"]));
    assert_eq!(schemas["ErrorResponse409"]["properties"]["status"]["const"], 409);
    let content = &problem["components"]["responses"]["Error409"]["content"];
    assert_eq!(content.as_object().unwrap().keys().collect::<Vec<_>>(), ["application/problem+json"]);
    assert_eq!(
        content["application/problem+json"]["examples"]["SHOP.0002.zh-CN"]["value"],
        json!({
            "type": "https://docs.example.com/errors/zh-CN/#SHOP.0002",
            "title": "订单已支付。",
            "status": 409,
            "detail": "订单已支付。",
            "code": "SHOP.0002",
        })
    );

    let openstack = openapi(&CATALOG_TOML.replace("\"problem\"", "\"openstack\""));
    let schemas = &openstack["components"]["schemas"];
    assert_eq!(schemas["ErrorResponse409"]["type"], "object");
    assert_eq!(schemas["ErrorResponse409"]["required"], json!(["conflictingRequest"]));
    assert_eq!(
        schemas["ErrorResponse409"]["properties"]["conflictingRequest"]["required"],
        schemas["OpenStackFaultDetail"]["required"]
    );
    assert_eq!(schemas["ErrorResponse409"]["properties"]["conflictingRequest"]["properties"]["code"]["const"], 409);
    let content = &openstack["components"]["responses"]["Error400"]["content"]["application/json"];
    assert_eq!(
        content["examples"]["SHOP.0001.en-US"]["value"],
        json!({"badRequest": {"code": 400, "message": "The item does not exist."}})
    );

    let csbs = openapi(&CATALOG_TOML.replace("format = \"problem\"", "format = \"csbs\"\ndoc_url = true"));
    let schemas = &csbs["components"]["schemas"];
    assert_eq!(schemas["ErrorResponse"]["required"], json!(["error_code", "error_msg", "doc_url"]));
    assert_eq!(schemas["ErrorResponse400"]["required"], json!(["error_code", "error_msg", "doc_url"]));
    assert_eq!(schemas["ErrorResponse400"]["properties"]["error_code"]["enum"], json!(["SHOP.0001"]));
    let content = &csbs["components"]["responses"]["Error400"]["content"]["application/json"];
    assert_eq!(
        content["examples"]["SHOP.0001.en-US"]["value"],
        json!({
            "error_code": "SHOP.0001",
            "error_msg": "The item does not exist.",
            "doc_url": "https://docs.example.com/errors/en-US/#SHOP.0001",
        })
    );
}
