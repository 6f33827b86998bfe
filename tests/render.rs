//! `errcat build`: snapshots of the hostile fixture, the committed out/, determinism, escaping.

mod common;

use common::{html_codes, markdown_rows, normal, texts};
use errcat::output::compare;
use errcat::render::explain::explain;
use errcat::render::{render, Files, Templates};
use errcat::Catalog;
use serde_json::Value;
use std::path::{Path, PathBuf};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn fixture() -> PathBuf {
    root().join("tests/fixtures/render")
}

/// Codes in page order: by family, then by code.
fn by_family(catalog: &Catalog) -> Vec<&errcat::CodeEntry> {
    catalog.families().iter().flat_map(|f| catalog.codes().filter(move |e| e.family() == f.id())).collect()
}

fn render_fixture() -> (Catalog, Files) {
    let catalog = Catalog::from_dir(fixture().join("catalog")).expect("the fixture catalog loads");
    let templates = Templates::with_overrides(&fixture().join("templates")).expect("the fixture templates load");
    let files = render(&catalog, &templates).expect("the fixture renders");
    (catalog, files)
}

/// Compares `files` with the snapshot directory; `ERRCAT_BLESS=1` rewrites it instead.
fn assert_snapshot(dir: &Path, files: &Files) {
    if std::env::var_os("ERRCAT_BLESS").is_some() {
        errcat::output::write_atomically(dir, files).expect("snapshot written");
    }
    let stale = compare(dir, files).expect("snapshot readable");
    assert!(
        stale.is_empty(),
        "{} differs from a fresh render: {stale:?}\n(review, then regenerate with ERRCAT_BLESS=1 cargo test --test render)",
        dir.display()
    );
}

#[test]
fn fixture_outputs_match_their_snapshots() {
    let (_, files) = render_fixture();
    assert_snapshot(&fixture().join("out"), &files);
}

#[test]
fn committed_out_is_what_the_shipped_catalog_renders() {
    let files = render(Catalog::embedded(), &Templates::embedded().unwrap()).unwrap();
    let stale = compare(&root().join("out"), &files).unwrap();
    assert!(stale.is_empty(), "out/ is stale, run `cargo run -- build`: {stale:?}");
}

#[test]
fn builds_are_byte_identical() {
    let (_, first) = render_fixture();
    let (_, second) = render_fixture();
    assert_eq!(first, second);
    let locales = root().join("locales");
    let a = render(&Catalog::from_dir(&locales).unwrap(), &Templates::embedded().unwrap()).unwrap();
    let b = render(&Catalog::from_compiled(&errcat::csbs::COMPILED), &Templates::embedded().unwrap()).unwrap();
    assert_eq!(a, b);
}

#[test]
fn every_file_says_it_is_generated() {
    let (_, files) = render_fixture();
    for (path, bytes) in &files {
        let head = String::from_utf8_lossy(&bytes[..bytes.len().min(400)]);
        assert!(head.contains("@generated"), "{path} lacks the @generated note near its start");
    }
}

#[test]
fn markdown_cells_hold_the_hostile_text_intact() {
    let (catalog, files) = render_fixture();
    let files = texts(&files);
    let templates = Templates::with_overrides(&fixture().join("templates")).unwrap();
    let details: Vec<String> = catalog.locales().map(|l| templates.labels(l)["details"].clone()).collect();
    for (index, tag) in catalog.locale_tags().enumerate() {
        let page = &files[&format!("{tag}/error-codes.md")];
        assert!(!page.replace(r"\<", "").contains("<script"), "{tag}: raw <script> in Markdown");
        assert!(page.contains(r"\<script\>"), "{tag}: <script> is escaped");
        let rows = markdown_rows(page);
        assert_eq!(rows.len(), catalog.codes().len(), "{tag}: one row per code");
        for (row, entry) in rows.iter().zip(by_family(&catalog)) {
            assert_eq!(row.len(), 4, "{tag}: a `|` split a cell of {}: {row:?}", entry.code());
            assert_eq!(row[0], entry.code());
            assert_eq!(row[1], entry.status().to_string());
            let (mut message, _) = errcat::render::display_text(&catalog, entry, index);
            // A `.description` follows the message, after a line break and its label.
            if let Some(description) = explain(&catalog, entry.code(), tag).unwrap().description {
                message = format!("{message}\n{}: {description}", details[index]);
            }
            // A retired code's cell opens with a one-line note.
            let cell = match entry.retired() {
                Some(_) => row[2].split_once('\n').map_or(row[2].as_str(), |(_, rest)| rest),
                None => &row[2],
            };
            assert_eq!(normal(cell), normal(&message));
        }
    }
    let fr = &files["fr-FR/error-codes.md"];
    assert!(
        fr.contains(
            r"<br>**Précisions:** Levée quand la `file\|sauvegarde` est \<b\>arrêtée\</b\> \| réessayez 2 \* 3 fois. |"
        ),
        "a description follows the message in its cell, escaped like it"
    );
    let en = &files["en-US/error-codes.md"];
    assert!(en.contains(r"line two \| with pipe"), "a pipe in text is escaped");
    assert!(en.contains(r"`code \| pipe`"), "a pipe in a code span is escaped for the table");
    assert!(en.contains("The **backup** service"), "intended emphasis stays Markdown");
    assert!(en.contains(r"\*\* unmatched stars"), "stray stars are escaped");
    assert!(en.contains("Line one<br>line two"), "newlines become <br>");
}

#[test]
fn html_never_lets_message_markup_through_as_html() {
    let (catalog, files) = render_fixture();
    let files = texts(&files);
    let page = &files["en-US/index.html"];
    assert!(!page.contains("<script>alert"), "a message's <script> reached the page");
    assert!(!page.contains("<img"), "a message's <img> reached the page");
    assert!(page.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(page.contains("The <strong>backup</strong> service"), "intended strong emphasis is rendered");
    assert!(page.contains("<code>code | pipe</code>"));
    assert!(page.contains(r#"<html lang="en-US" dir="ltr">"#));
    assert!(page.contains(r#"<link rel="alternate" hreflang="fr-FR" href="../fr-FR/index.html">"#));
    assert!(page.contains(r#"<a href="../fr-FR/index.html" hreflang="fr-FR" lang="fr-FR" dir="ltr">Français</a>"#));
    assert!(!page.contains("http://") && !page.contains("https://"), "the page makes no external request");
    let codes = html_codes(page);
    let ids: Vec<&str> = codes.iter().map(|c| c.id.as_str()).collect();
    let expected: Vec<&str> = by_family(&catalog).iter().map(|e| e.code()).collect();
    assert_eq!(ids, expected, "one article per code, with the code as its id");
    let fr = &files["fr-FR/index.html"];
    assert!(
        fr.contains(r#"<div class="text" lang="en-US" dir="ltr" data-note="Pas encore traduit : affiché en en-US.">"#),
        "an untranslated text is marked with its language, and says so with the labels of --templates"
    );
    assert!(page.contains(
        "<p class=\"description\"><span class=\"label\">Details:</span> Raised while the <code>backup|queue</code> \
         is &lt;b&gt;down&lt;/b&gt; | retry 2 * 3 times.</p>"
    ));
    let fallback = html_codes(fr).into_iter().find(|c| c.id == "DEMO.0004").unwrap();
    assert_eq!(
        fallback.description.as_deref(),
        Some("Each region | zone has its own_queue_name; # see the status page.")
    );
    assert!(fr.contains("<span class=\"label\">Précisions:</span> Each region"), "English text, French label");
    assert!(html_codes(page).iter().filter(|c| c.description.is_none()).count() == catalog.codes().len() - 2);
}

#[test]
fn json_catalog_carries_every_text_raw() {
    let (catalog, files) = render_fixture();
    let json: Value = serde_json::from_slice(&files["catalog.json"]).unwrap();
    assert_eq!(json["format"], 2);
    assert_eq!(json["locales"], serde_json::json!(["en-US", "fr-FR"]));
    assert_eq!(json["codes"].as_object().unwrap().len(), catalog.codes().len());
    let fr = &json["codes"]["DEMO.0003"]["texts"]["fr-FR"];
    assert_eq!(fr["message"]["display"], r#"<script>alert("fr")</script> introuvable."#);
    assert_eq!(fr["locale"], "fr-FR");
    let fallback = &json["codes"]["DEMO.0004"]["texts"]["fr-FR"];
    assert_eq!(fallback["locale"], "en-US", "the locale actually used");
    assert_eq!(
        fallback["message"]["display"],
        "Line one\nline two | with pipe\nline three with `code | pipe` and *emphasis*"
    );
    assert_eq!(json["codes"]["DEMO.0002"]["texts"]["fr-FR"]["suggestion"], Value::Null);
    assert_eq!(
        json["codes"]["DEMO.0002"]["texts"]["fr-FR"]["description"]["display"],
        "Levée quand la `file|sauvegarde` est <b>arrêtée</b> | réessayez 2 * 3 fois.",
        "a description as written, inline Markdown kept"
    );
    assert_eq!(fallback["description"]["display"], "Each region | zone has its own_queue_name; # see the status page.");
    assert_eq!(json["codes"]["DEMO.0001"]["texts"]["en-US"]["description"], Value::Null);
    assert_eq!(json["codes"]["DEMO.0002"]["status"], 503);
    assert_eq!(json["codes"]["DEMO.0009"]["retired"], "Merged into **DEMO.0001** | see <there>.");
    let en = &json["codes"]["DEMO.0001"]["texts"]["en-US"];
    assert_eq!(en["message"]["display"], "At most {limit} policies | per project are allowed.");
    assert_eq!(en["message"]["variables"], serde_json::json!(["limit"]));
    assert!(
        en["fluent"]
            .as_str()
            .unwrap()
            .starts_with("DEMO-0001 = At most { $limit } policies | per project are allowed.\n"),
        "{}",
        en["fluent"]
    );
}

#[test]
fn openapi_has_the_components_an_api_refs() {
    let (catalog, files) = render_fixture();
    let doc: Value = serde_json::from_slice(&files["openapi.json"]).unwrap();
    assert_eq!(doc["openapi"], "3.1.0");
    let schemas = &doc["components"]["schemas"];
    assert_eq!(schemas["ErrorResponse"]["required"], serde_json::json!(["error_code", "error_msg"]));
    let codes: Vec<&str> =
        schemas["ErrorCode"]["enum"].as_array().unwrap().iter().map(|c| c.as_str().unwrap()).collect();
    assert_eq!(codes, catalog.codes().map(|e| e.code()).collect::<Vec<_>>());
    assert_eq!(schemas["ErrorCode"]["x-enum-varnames"][0], "DEMO_0001");
    let retired = schemas["ErrorCode"]["x-enum-descriptions"][6].as_str().unwrap();
    assert!(retired.starts_with("Retired: "), "the retired code says so: {retired}");
    assert_eq!(schemas["ErrorResponse503"]["properties"]["error_code"]["enum"], serde_json::json!(["DEMO.0002"]));
    assert_eq!(
        schemas["ErrorResponse400"]["properties"]["error_code"]["enum"],
        serde_json::json!(["DEMO.0001", "DEMO.0004", "DEMO.0005", "DEMO.0006"]),
        "a status's codes, without the retired one"
    );
    let response = &doc["components"]["responses"]["Error404"];
    assert_eq!(response["content"]["application/json"]["schema"]["$ref"], "#/components/schemas/ErrorResponse404");
    let examples = &response["content"]["application/json"]["examples"];
    assert_eq!(examples.as_object().unwrap().len(), 2, "one example per locale: {examples}");
    assert_eq!(examples["DEMO.0003.fr-FR"]["value"]["error_msg"], r#"<script>alert("fr")</script> introuvable."#);
    assert_eq!(examples["DEMO.0003.en-US"]["value"]["error_code"], "DEMO.0003");
    assert_eq!(response["headers"]["Content-Language"]["$ref"], "#/components/headers/Content-Language");
    let description = schemas["ErrorCode"]["x-enum-descriptions"][3].as_str().unwrap();
    assert!(description.contains("<img src=x"), "descriptions are the plain text, raw HTML as written: {description}");
    assert_eq!(schemas["ErrorCode"]["x-enumDescriptions"], schemas["ErrorCode"]["x-enum-descriptions"]);
    let fr: Value = serde_json::from_slice(&files["fr-FR/openapi.json"]).unwrap();
    assert_eq!(
        fr["components"]["schemas"]["ErrorCode"]["x-enum-descriptions"][1],
        "Le service de sauvegarde est indisponible.\n\
         Précisions: Levée quand la file|sauvegarde est <b>arrêtée</b> | réessayez 2 * 3 fois.",
        "the description after the message, as visible text (code span markers dropped, raw HTML as written)"
    );
    for (name, schema) in schemas
        .as_object()
        .unwrap()
        .iter()
        .filter(|(name, _)| name.starts_with("ErrorResponse4") || name.starts_with("ErrorResponse5"))
    {
        assert!(schema.get("allOf").is_none(), "{name} is a plain object");
        assert_eq!(schema["type"], "object", "{name}");
        let codes = &schema["properties"]["error_code"];
        let count = codes["enum"].as_array().unwrap().len();
        for extension in ["x-enum-varnames", "x-enum-descriptions", "x-enumDescriptions"] {
            assert_eq!(codes[extension].as_array().map(Vec::len), Some(count), "{name}: {extension} follows enum");
        }
    }
    assert_eq!(doc["servers"], serde_json::json!([{"url": "/"}]), "redocly's recommended rules want a server");
    for (name, response) in doc["components"]["responses"].as_object().unwrap() {
        let examples = &response["content"]["application/json"]["examples"];
        assert_eq!(examples, &fr["components"]["responses"][name]["content"]["application/json"]["examples"]);
        assert!(examples.as_object().unwrap().keys().any(|k| k.ends_with(".fr-FR")), "every file has every language");
    }
}
