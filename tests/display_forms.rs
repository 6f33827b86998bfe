//! Display forms: every output shows a message with variables and selectors for a reader (never
//! Fluent syntax), escaped for its format; catalog.json's Fluent source formats alone to errcat's
//! strings; codes with `_` are shown as written.

mod common;

use common::{markdown_rows, texts};
use errcat::render::{render, Templates};
use errcat::{Arg, Catalog};
use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;

fn fixture(name: &str) -> Catalog {
    Catalog::from_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogs").join(name)).unwrap()
}

fn rendered(catalog: &Catalog) -> BTreeMap<String, String> {
    texts(&render(catalog, &Templates::embedded().unwrap()).unwrap())
}

/// The Markdown row of `code` on `page`: code, status, description, suggestion.
fn row<'a>(page: &'a str, code: &str) -> &'a str {
    page.lines()
        .find(|l| l.starts_with(&format!("| <a id=\"{code}\"></a>`{code}` |")))
        .unwrap_or_else(|| panic!("no row for {code}"))
}

/// The `<article>` of `code` on an HTML page.
fn article<'a>(page: &'a str, code: &str) -> &'a str {
    let start = page.find(&format!("<article class=\"code\" id=\"{code}\">")).expect("the code's article");
    &page[start..start + page[start..].find("</article>").unwrap()]
}

fn json(files: &BTreeMap<String, String>) -> Value {
    serde_json::from_str(&files["catalog.json"]).unwrap()
}

#[test]
fn plain_text_and_variables() {
    let files = rendered(&fixture("display"));
    let catalog = json(&files);
    let text = &catalog["codes"]["SHOW.0005"]["texts"]["en-US"]["message"];
    assert_eq!(text["display"], "See the Tally status page.", "a term is replaced by its text");
    assert_eq!(text["variables"], serde_json::json!([]));
    let md = &files["en-US/error-codes.md"];
    assert!(row(md, "SHOW.MY_SVC").contains("in `{name_with_underscore}`."), "{}", row(md, "SHOW.MY_SVC"));
    let html = &files["en-US/index.html"];
    assert!(article(html, "SHOW.MY_SVC").contains("in <var class=\"placeholder\">{name_with_underscore}</var>."));
    let intl = rendered(&fixture("intl"));
    let text = &json(&intl)["codes"]["INTL.0002"]["texts"]["de-DE"]["message"];
    assert_eq!(text["display"], "Fach {locker} an der Parcelbox-Station {station} ist außer Betrieb.");
    assert_eq!(text["variables"], serde_json::json!(["locker", "station"]));
}

#[test]
fn a_number_selector_shows_every_variant_with_its_condition() {
    let files = rendered(&fixture("display"));
    let md = &files["en-US/error-codes.md"];
    assert!(row(md, "SHOW.0001").starts_with(
        "| <a id=\"SHOW.0001\"></a>`SHOW.0001` | 400 | **one:** One crate is left in Tally.<br>**other:** `{count}` crates are left in Tally. |"
    ));
    let pl = &json(&files)["codes"]["SHOW.0001"]["texts"]["pl-PL"]["message"];
    assert_eq!(
        pl["display"],
        "one: Została jedna skrzynka w Tally. / few: Zostały {count} skrzynki w Tally. / \
         many: Zostało {count} skrzynek w Tally. / other: Zostało {count} skrzynki w Tally."
    );
    let html = &files["pl-PL/index.html"];
    let text = article(html, "SHOW.0001");
    assert!(
        text.contains(
            "<p class=\"msg\"><span class=\"select lines\"><span class=\"variant\"><span class=\"when\">one</span> \
         Została jedna skrzynka w Tally.</span><span class=\"variant\"><span class=\"when\">few</span> Zostały \
         <var class=\"placeholder\">{count}</var> skrzynki w Tally.</span>"
        ),
        "{text}"
    );
    // Japanese has only `other`: one variant, no condition to show.
    let intl = rendered(&fixture("intl"));
    let ja = &json(&intl)["codes"]["INTL.0001"]["texts"]["ja-JP"]["message"]["display"];
    assert!(!ja.as_str().unwrap().contains("other:"), "{ja}");
    // Arabic: all six CLDR categories, one per line.
    let ar = article(&intl["ar/index.html"], "INTL.0001");
    for category in ["zero", "one", "two", "few", "many", "other"] {
        assert!(ar.contains(&format!("<span class=\"when\">{category}</span>")), "{category}: {ar}");
    }
}

#[test]
fn a_string_selector_inside_a_sentence_stays_inline_in_parentheses() {
    let files = rendered(&fixture("display"));
    let md = &files["en-US/error-codes.md"];
    assert!(row(md, "SHOW.0002").contains(
        "The (**bulk:** bulk / **single:** single) order of `{who}` has (**one:** one line / **other:** `{lines}` lines)."
    ));
    let text = &json(&files)["codes"]["SHOW.0002"]["texts"]["en-US"]["message"];
    assert_eq!(text["variables"], serde_json::json!(["kind", "lines", "who"]), "selector variables count");
    let html = article(&files["en-US/index.html"], "SHOW.0002");
    assert!(html.contains(
        "The <span class=\"select inline\">(<span class=\"variant\"><span class=\"when\">bulk</span> bulk</span> / "
    ));
}

#[test]
fn nested_selectors_terms_and_message_references() {
    let files = rendered(&fixture("display"));
    let codes = &json(&files)["codes"];
    assert_eq!(
        codes["SHOW.0003"]["texts"]["en-US"]["message"]["display"],
        "eu: (one: Delivery in the EU takes one day. / other: Delivery in the EU takes {days} days.) / \
         other: Delivery takes longer outside the EU."
    );
    let en = &codes["SHOW.0004"]["texts"]["en-US"];
    // A selector on a term's attribute is decided: the term says what it is.
    assert_eq!(en["message"]["display"], "The Tally app is read-only.");
    // A term with an argument: the variant it selects; NUMBER($kg, ...): the variable.
    assert_eq!(en["suggestion"]["display"], "The weight of of a crate is {kg} kg.");
    assert_eq!(en["suggestion"]["variables"], serde_json::json!(["kg"]));
    // A message reference: the referenced message's text.
    assert_eq!(codes["SHOW.0001"]["texts"]["en-US"]["suggestion"]["display"], "See the Tally status page.");
}

#[test]
fn no_output_shows_fluent_syntax_or_leading_whitespace() {
    for name in ["display", "intl"] {
        let files = rendered(&fixture(name));
        for (path, text) in &files {
            if path.ends_with(".md") || path.ends_with(".html") || path.ends_with("openapi.json") {
                for syntax in ["{ $", "{$", " ->", "*[", "NUMBER(", "{ -"] {
                    let body = text.split("<style>").next().unwrap_or(text);
                    assert!(!body.contains(syntax), "{name}/{path} shows Fluent syntax {syntax:?}");
                }
            }
        }
        for (code, info) in json(&files)["codes"].as_object().unwrap() {
            for (tag, text) in info["texts"].as_object().unwrap() {
                let display = text["message"]["display"].as_str().unwrap();
                assert_eq!(display, display.trim(), "{code} {tag}: leading or trailing whitespace");
                assert!(!display.contains("{ $") && !display.contains("->"), "{code} {tag}: {display}");
            }
        }
    }
}

/// Writes a one-locale catalog with `ftl` as its en-US file.
fn catalog_of(ftl: &str) -> (tempfile::TempDir, Catalog) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("en-US")).unwrap();
    std::fs::write(
        dir.path().join("catalog.toml"),
        "name = \"ESC\"\nsource_locale = \"en-US\"\nfallback_locale = \"en-US\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("en-US/main.ftl"), ftl).unwrap();
    let catalog = Catalog::from_dir(dir.path()).unwrap();
    (dir, catalog)
}

#[test]
fn variants_are_escaped_in_every_format() {
    let (_dir, catalog) = catalog_of(
        "ESC-0001 = { $n ->\n    [one] a <b>|</b> & *x*\n   *[other] `c|d` <script>alert(1)</script> { $n }\n}\n",
    );
    let files = rendered(&catalog);
    let md = &files["en-US/error-codes.md"];
    let rows = markdown_rows(md);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].len(), 4, "a `|` in a variant split the table cell: {:?}", rows[0]);
    assert!(row(md, "ESC.0001").contains(r"**one:** a \<b\>\|\</b\> \& *x*<br>**other:** `c\|d` \<script\>"), "{md}");
    let html = &files["en-US/index.html"];
    let text = article(html, "ESC.0001");
    assert!(text.contains("a &lt;b&gt;|&lt;/b&gt; &amp; <em>x</em>"), "{text}");
    assert!(
        text.contains("<code>c|d</code> &lt;script&gt;alert(1)&lt;/script&gt; <var class=\"placeholder\">{n}</var>")
    );
    let openapi: Value = serde_json::from_str(&files["openapi.json"]).unwrap();
    // Per-code descriptions go to the enum extensions, which generators copy into code comments:
    // the visible text, no Markdown and no escapes.
    let descriptions = &openapi["components"]["schemas"]["ErrorCode"]["x-enum-descriptions"];
    assert_eq!(descriptions[0], "one: a <b>|</b> & x / other: c|d <script>alert(1)</script> {n}", "{descriptions}");
}

#[test]
fn terms_that_multiply_are_not_expanded_past_the_budget() {
    // Eight levels of ten references each would be 10^8 copies; a selector keeps it complex.
    let mut ftl = String::from("ESC-0001 = { $n ->\n    [one] { -t0 }\n   *[other] x\n}\n");
    for level in 0..8 {
        ftl.push_str(&format!("-t{level} = {}\n", format!("{{ -t{} }}", level + 1).repeat(10)));
    }
    ftl.push_str("-t8 = lol\n");
    let (_dir, catalog) = catalog_of(&ftl);
    let (message, _) = errcat::render::display_text(&catalog, catalog.get("ESC.0001").unwrap(), 0);
    assert!(message.len() < 2 * errcat::render::display::BUDGET, "{} bytes", message.len());
    assert!(message.starts_with("one: lollol") && message.ends_with("lol… / other: x"), "{message}");
    assert_eq!(message.matches('…').count(), 1);
}

#[test]
fn codes_with_underscores_are_shown_as_written_everywhere() {
    let files = rendered(&fixture("display"));
    for (path, text) in &files {
        assert!(!text.contains(r"MY\_SVC"), "{path} escapes the `_` of SHOW.MY_SVC");
    }
    let md = &files["en-US/error-codes.md"];
    assert_eq!(markdown_rows(md).iter().filter(|r| r[0] == "SHOW.MY_SVC").count(), 1);
    assert!(md.contains("| <a id=\"SHOW.MY_SVC\"></a>`SHOW.MY_SVC` |"));
    assert!(files["en-US/index.html"].contains("<article class=\"code\" id=\"SHOW.MY_SVC\">"));
    assert!(json(&files)["codes"]["SHOW.MY_SVC"].is_object());
    let intl = rendered(&fixture("intl"));
    assert!(intl["ja-JP/error-codes.md"].contains("| <a id=\"INTL.BOX_FULL\"></a>`INTL.BOX_FULL` |"));
}

/// The numbers every plural test formats with, and each string selector key.
const COUNTS: [i64; 8] = [0, 1, 2, 3, 5, 11, 21, 100];

#[test]
fn the_fluent_source_of_every_text_formats_alone_to_errcats_strings() {
    for name in ["display", "intl"] {
        let catalog = fixture(name);
        let files = rendered(&catalog);
        let document = json(&files);
        for (code, info) in document["codes"].as_object().unwrap() {
            let id = info["id"].as_str().unwrap();
            for (tag, text) in info["texts"].as_object().unwrap() {
                let source = text["fluent"].as_str().unwrap();
                let resource = FluentResource::try_new(source.to_string())
                    .unwrap_or_else(|(_, e)| panic!("{code} {tag}: {e:?}\n{source}"));
                let locale: errcat::LanguageIdentifier = text["locale"].as_str().unwrap().parse().unwrap();
                let mut bundle = FluentBundle::new(vec![locale]);
                bundle.set_use_isolating(false);
                bundle.add_builtins().unwrap();
                bundle.add_resource(resource).unwrap_or_else(|e| panic!("{code} {tag}: {e:?}"));
                let message = bundle.get_message(id).unwrap_or_else(|| panic!("{code} {tag}: no {id} in\n{source}"));
                let variables: Vec<&str> =
                    text["message"]["variables"].as_array().unwrap().iter().map(|v| v.as_str().unwrap()).collect();
                for count in COUNTS {
                    let values: Vec<(&str, Arg<'_>)> = variables.iter().map(|v| (*v, Arg::Int(count))).collect();
                    let mut args = FluentArgs::new();
                    variables.iter().for_each(|v| args.set(*v, count));
                    let mut errors = Vec::new();
                    let theirs = bundle.format_pattern(message.value().unwrap(), Some(&args), &mut errors);
                    assert!(errors.is_empty(), "{code} {tag}: {errors:?}");
                    let ours = catalog.localize_with(code, tag, &values).unwrap();
                    assert_eq!(theirs, ours.message, "{code} {tag} with {count}");
                }
            }
        }
    }
}
