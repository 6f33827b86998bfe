//! `errcat import` of the layouts real reference pages use (fixtures written by us, under
//! `tests/fixtures/import/layouts`): each layout reads the same in HTML, Markdown and
//! reStructuredText and on one line; no cell's text is lost (cells enumerated by independent
//! parsers: html5ever through scraper with rowspan/colspan laid out here, pulldown-cmark; the
//! reST pages against the HTML pages' cells);
//! duplicates, a second language into the shipped catalog, and `--file` confined to its folder.

use errcat::import::columns::{fold, Role, HEADERS};
use errcat::{Catalog, SUGGESTION};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
mod common;

use common::{copy_dir, errcat};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn layout(name: &str) -> PathBuf {
    root().join("tests/fixtures/import/layouts").join(name)
}

/// (layout, the locale its pages are written in).
const LAYOUTS: [(&str, &str); 4] =
    [("module", "en-US"), ("status", "en-US"), ("chinese", "zh-CN"), ("seed-style", "zh-CN")];

/// Every file under `dir`, relative path → bytes.
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(d) = pending.pop() {
        let Ok(entries) = std::fs::read_dir(&d) else { continue };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                pending.push(path);
            } else {
                let relative = path.strip_prefix(dir).unwrap().display().to_string();
                out.insert(relative, std::fs::read(&path).unwrap());
            }
        }
    }
    out
}

/// Imports `page` into a new catalog; (stdout, the catalog's files, its directory).
fn import_new(page: &Path, lang: &str, extra: &[&str]) -> (String, BTreeMap<String, Vec<u8>>, tempfile::TempDir) {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("catalog");
    let mut args = vec!["import", page.to_str().unwrap(), "--lang", lang, "--locales", dir.to_str().unwrap()];
    args.extend_from_slice(extra);
    let (code, out, err) = errcat(&args);
    assert_eq!(code, 0, "{}: {out}{err}", page.display());
    let (code, check, _) = errcat(&["check", "--locales", dir.to_str().unwrap()]);
    assert_eq!(code, 0, "{}: the imported catalog checks clean\n{check}", page.display());
    (out, files(&dir), temp)
}

#[test]
fn each_layout_reads_the_same_in_html_markdown_and_restructuredtext() {
    for (name, lang) in LAYOUTS {
        let (html_out, html, _keep) = import_new(&layout(&format!("{name}.html")), lang, &["--on-duplicate", "first"]);
        assert!(html.keys().any(|k| k.ends_with(".ftl")), "{name}: {html_out}");
        for format in ["md", "rst"] {
            let (out, other, _keep) =
                import_new(&layout(&format!("{name}.{format}")), lang, &["--on-duplicate", "first"]);
            assert_eq!(other, html, "{name}.{format} imports as {name}.html does\n{out}");
        }
    }
}

#[test]
fn one_line_html_reads_as_with_line_breaks() {
    let temp = tempfile::tempdir().unwrap();
    let one_line = temp.path().join("module-one-line.html");
    let page = std::fs::read_to_string(layout("module.html")).unwrap();
    std::fs::write(&one_line, page.replace('\n', "")).unwrap();
    let (_, broken, _keep) = import_new(&layout("module.html"), "en-US", &["--on-duplicate", "first"]);
    let (out, single, _keep) = import_new(&one_line, "en-US", &["--on-duplicate", "first"]);
    assert_eq!(single, broken, "{out}");
}

/// A cell's text, its placeholders converted as the report says (`conversions`, in order), as
/// pieces that must each be found: split at white space and at label colons, labels left out.
fn pieces(text: &str, conversions: &[(String, String)]) -> Vec<String> {
    const LABELS: [&str; 2] = ["描述", "建议"];
    let mut text = text.to_string();
    for (from, to) in conversions {
        text = text.replacen(from.as_str(), to, 1);
    }
    text.split(|c: char| c.is_whitespace() || ":：".contains(c))
        .filter(|p| !p.is_empty() && !LABELS.contains(p) && !NONE_WORDS.contains(p))
        .map(str::to_string)
        .collect()
}

/// Texts that mean "no suggestion" (documented): they are not imported.
const NONE_WORDS: [&str; 3] = ["None", "无", "建议：无"];

/// Checks that the text of one cell, in the column of `role`, is in the catalog in that role or in
/// the report (`out`): for a row dropped as a duplicate (`dropped`), in its report line.
fn assert_kept(catalog: &Catalog, out: &str, role: Role, code: &str, cell: &str, dropped: bool, what: &str) {
    let cell = cell.trim();
    if cell.is_empty() || NONE_WORDS.contains(&cell) {
        return;
    }
    let report_lines: Vec<&str> = out
        .lines()
        .filter(|l| l.starts_with(&format!("placeholder {code} ")) || l.contains(&format!("{code}:")))
        .collect();
    let haystack = if dropped {
        let at =
            out.find(&format!("duplicate {code} on line")).unwrap_or_else(|| panic!("{what}: {code} dropped\n{out}"));
        out[at..].lines().take(4).collect::<Vec<_>>().join("\n")
    } else {
        let entry = catalog.get(code).unwrap_or_else(|| panic!("{what}: {code} is in the catalog\n{out}"));
        let texts = entry.texts(catalog.source_index()).unwrap();
        let attribute = |name: &str| texts.attribute(name).map(|t| t.source().into_owned()).unwrap_or_default();
        let value = texts.value().source().into_owned();
        let in_role = match role {
            Role::Code => code.to_string(),
            Role::Status => entry.status().to_string(),
            Role::Family => format!("{} {}", entry.family(), texts.location().path),
            // A description stands in for a missing message (the report says so); a paragraph
            // labelled `建议：` is the suggestion.
            Role::Message | Role::Description => {
                let labelled = if cell.contains("建议：") { attribute(SUGGESTION) } else { String::new() };
                format!("{value}\n{}\n{labelled}", attribute("description"))
            }
            Role::Suggestion => attribute(SUGGESTION),
            Role::Ignore => String::new(),
        };
        format!("{in_role}\n{}", report_lines.join("\n"))
    };
    let conversions: Vec<(String, String)> = report_lines
        .iter()
        .filter_map(|l| {
            l.split_once("): `")?
                .1
                .split_once("` → `")
                .map(|(from, to)| (from.to_string(), to.trim_end_matches('`').to_string()))
        })
        .collect();
    let haystack = haystack.to_lowercase();
    for piece in pieces(cell, &conversions) {
        assert!(
            haystack.contains(&piece.to_lowercase()),
            "{what}: `{piece}` of the {role} cell `{cell}` of {code} is neither in the catalog nor in the report:\n{haystack}"
        );
    }
}

/// Builds the table's rows from cells that may span rows and columns, as the HTML standard lays
/// them out: (cells of each row, with `None` for a column covered by a colspan).
fn lay_out(table: scraper::ElementRef<'_>) -> Vec<Vec<Option<String>>> {
    let row_selector = scraper::Selector::parse(":scope > tr, :scope > thead > tr, :scope > tbody > tr").unwrap();
    let cell_selector = scraper::Selector::parse(":scope > td, :scope > th").unwrap();
    let mut spanning: Vec<Option<(usize, Option<String>)>> = Vec::new();
    let mut rows = Vec::new();
    for tr in table.select(&row_selector) {
        let mut row: Vec<Option<String>> = Vec::new();
        let take_spanning = |row: &mut Vec<Option<String>>, spanning: &mut Vec<Option<(usize, Option<String>)>>| {
            while let Some(Some((left, text))) = spanning.get_mut(row.len()) {
                row.push(text.clone());
                *left -= 1;
                if *left == 0 {
                    spanning[row.len() - 1] = None;
                }
            }
        };
        for td in tr.select(&cell_selector) {
            take_spanning(&mut row, &mut spanning);
            let attr = |name: &str| td.value().attr(name).and_then(|v| v.parse::<usize>().ok()).unwrap_or(1);
            let text = td.text().collect::<Vec<_>>().join(" ");
            for k in 0..attr("colspan") {
                let text = (k == 0).then(|| text.clone());
                if spanning.len() <= row.len() {
                    spanning.resize(row.len() + 1, None);
                }
                if attr("rowspan") > 1 {
                    spanning[row.len()] = Some((attr("rowspan") - 1, text.clone()));
                }
                row.push(text);
            }
        }
        take_spanning(&mut row, &mut spanning);
        rows.push(row);
    }
    rows
}

fn role_of(header: &str) -> Role {
    let key = fold(header);
    HEADERS.iter().find(|(_, names)| names.iter().any(|n| fold(n) == key)).map(|(r, _)| *r).unwrap()
}

/// Checks every row: the header's roles, the code's column, each cell kept.
fn assert_rows_kept(what: &str, rows: &[Vec<Option<String>>], catalog: &Catalog, out: &str) {
    let roles: Vec<Role> = rows[0].iter().map(|h| role_of(h.as_deref().unwrap_or_default().trim())).collect();
    let code_column = roles.iter().position(|r| *r == Role::Code).unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for row in &rows[1..] {
        let code = row[code_column].as_deref().unwrap().trim().to_string();
        let dropped = !seen.insert(code.clone());
        for (role, cell) in roles.iter().zip(row) {
            if let Some(cell) = cell {
                assert_kept(catalog, out, *role, &code, cell, dropped, what);
            }
        }
    }
}

#[test]
fn no_cell_text_is_lost() {
    for (name, lang) in LAYOUTS {
        let page = std::fs::read_to_string(layout(&format!("{name}.html"))).unwrap();
        let (out, _, temp) = import_new(&layout(&format!("{name}.html")), lang, &["--on-duplicate", "first"]);
        let catalog = Catalog::from_dir(temp.path().join("catalog")).unwrap();
        let document = scraper::Html::parse_document(&page);
        let tables = scraper::Selector::parse("table").unwrap();
        let mut error_tables = Vec::new();
        for table in document.select(&tables) {
            let rows = lay_out(table);
            let nested = table.ancestors().any(|a| a.value().as_element().is_some_and(|e| e.name() == "td"));
            let header = rows.first().map(|r| r.iter().flatten().map(|h| h.trim().to_string()).collect::<Vec<_>>());
            if nested || !header.is_some_and(|h| h.iter().any(|h| HEADERS[0].1.iter().any(|n| fold(n) == fold(h)))) {
                continue;
            }
            assert_rows_kept(&format!("{name}.html"), &rows, &catalog, &out);
            error_tables.push(rows);
        }
        let [rows] = &error_tables[..] else { panic!("{name}.html: one error-code table") };
        assert!(rows.len() > 4, "{name}.html: {} rows checked", rows.len() - 1);

        // No reST reader to test against is at hand in Rust, so the reST page is checked against
        // the cells of the HTML page: each cell's words are in the .rst file (the two pages hold
        // the same table; headers may use other names of the same role), and each is in what
        // importing the .rst wrote or reported.
        let rst = std::fs::read_to_string(layout(&format!("{name}.rst"))).unwrap();
        for cell in rows[1..].iter().flatten().flatten() {
            for word in cell.split_whitespace() {
                assert!(rst.contains(word), "{name}.rst: `{word}` of the HTML cell `{cell}` is not on the page");
            }
        }
        let (out, _, temp) = import_new(&layout(&format!("{name}.rst")), lang, &["--on-duplicate", "first"]);
        let catalog = Catalog::from_dir(temp.path().join("catalog")).unwrap();
        assert_rows_kept(&format!("{name}.rst"), rows, &catalog, &out);

        let markdown = std::fs::read_to_string(layout(&format!("{name}.md"))).unwrap();
        let (out, _, temp) = import_new(&layout(&format!("{name}.md")), lang, &["--on-duplicate", "first"]);
        let catalog = Catalog::from_dir(temp.path().join("catalog")).unwrap();
        assert_rows_kept(&format!("{name}.md"), &markdown_table(&markdown), &catalog, &out);
    }
}

/// The header and rows of the page's one GFM table, by pulldown-cmark (inline HTML dropped).
fn markdown_table(markdown: &str) -> Vec<Vec<Option<String>>> {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
    let mut rows: Vec<Vec<Option<String>>> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(markdown, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableHead | Tag::TableRow) => rows.push(Vec::new()),
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => rows.last_mut().unwrap().push(cell.take()),
            Event::Text(text) | Event::Code(text) => cell.iter_mut().for_each(|c| c.push_str(&text)),
            Event::InlineHtml(_) => cell.iter_mut().for_each(|c| c.push(' ')),
            _ => {}
        }
    }
    rows
}

#[test]
fn a_duplicate_is_reported_with_both_lines_and_nothing_is_written() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("catalog");
    let page = layout("module.html");
    let (code, out, err) =
        errcat(&["import", page.to_str().unwrap(), "--lang", "en-US", "--locales", dir.to_str().unwrap()]);
    assert_eq!(code, 2, "{out}");
    // The lines of the two `<tr>` that hold VAULT.0009.
    let text = std::fs::read_to_string(&page).unwrap();
    let lines: Vec<usize> = text
        .match_indices(">VAULT.0009<")
        .map(|(at, _)| text[..text[..at].rfind("<tr>").unwrap()].matches('\n').count() + 1)
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        err.contains(&format!(
            "VAULT.0009 is on 2 rows: line {} (status 403), line {} (status 400)",
            lines[0], lines[1]
        )),
        "{err}"
    );
    assert!(!dir.exists(), "nothing written");

    let (_, files_last, keep) = import_new(&page, "en-US", &["--on-duplicate", "last"]);
    let catalog = Catalog::from_dir(keep.path().join("catalog")).unwrap();
    let kept = catalog.get("VAULT.0009").unwrap();
    assert_eq!(kept.status(), 400);
    assert_eq!(kept.texts(0).unwrap().value().source(), "Cannot reduce space from { $arg1 } GB to { $arg2 } GB.");
    assert!(files_last.contains_key("en-US/restore.ftl"));
    let (out, _, _keep) = import_new(&page, "en-US", &["--on-duplicate", "last"]);
    assert!(
        out.contains(&format!(
            "duplicate VAULT.0009 on line {}, status 403 not imported (kept line {}): “Account {{ $arg1 }} is not verified.”",
            lines[0], lines[1]
        )),
        "{out}"
    );
}

#[test]
fn the_summary_shows_the_mapping_and_every_conversion() {
    let (out, files, _keep) = import_new(&layout("module.html"), "en-US", &["--on-duplicate", "first"]);
    assert!(
        out.contains(
            "columns (table at line 13): Module → family, HTTP Status Code → status, Error Code → code, \
         Description → description, Error Message → message, Measure → suggestion"
        ),
        "{out}"
    );
    assert!(out.contains("skipped  table at line 10: no error-code column (Navigation | Home)"), "{out}");
    for conversion in [
        "`%d` → `{ $arg1 }`",
        "`%(days)d` → `{ $days }`",
        "`{schedule}` → `{ $schedule }`",
        "`{0}` → `{ $arg1 }`",
        "`%i` → `{ $arg2 }`",
        "`%.1f` → `{ $arg1 }`",
        "`${region}` → `{ $region }`",
        "`%%` → `%`",
        "`%2$s` → `{ $arg2 }`",
        "`%(detail)s` → `{ $detail }`",
    ] {
        assert!(out.contains(conversion), "{conversion}\n{out}");
    }
    assert!(out.contains("17 new code(s) of module `Backup` go to en-US/backup.ftl"), "{out}");
    let backup = String::from_utf8(files["en-US/backup.ftl"].clone()).unwrap();
    assert!(backup.contains(
        "VAULT-0002 = Plan name { $arg1 } already exists.\n    .description = The plan name is already used by another plan.\n"
    ), "{backup}");
    assert!(backup.contains("VAULT-0012 = Mode must be a | b, got { $arg1 }.\n"), "{backup}");
    assert!(backup.contains("VAULT-0017 = Description contains <script>.\n"), "{backup}");
    assert!(!backup.contains("9999") && !backup.contains("ticket"), "script and comments are not imported");
}

#[test]
fn an_unknown_column_is_named_with_the_way_out_and_column_maps_it() {
    let page = root().join("tests/fixtures/import/bad/unknown-column.md");
    let (out, files, _keep) = import_new(&page, "zh-CN", &["--column", "Owner=ignore"]);
    assert!(out.contains("columns (table at line 1): Code → code, Description → message (the table has no message column), Owner → ignore"), "{out}");
    assert!(files.contains_key("zh-CN/imported.ftl"));
    let (_, files, _keep) = import_new(&page, "zh-CN", &["--column", "owner=suggestion"]);
    assert!(String::from_utf8_lossy(&files["zh-CN/imported.ftl"]).contains("X-1 = a\n    .suggestion = b\n"));
}

#[test]
fn an_english_page_fills_en_us_of_the_shipped_catalog_and_reports_status_conflicts() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("locales");
    copy_dir(&root().join("locales"), &dir);
    let before = files(&dir);
    let page = root().join("tests/fixtures/import/csbs-en.html");
    let (code, out, err) = errcat(&[
        "import",
        page.to_str().unwrap(),
        "--lang",
        "en-US",
        "--locales",
        dir.to_str().unwrap(),
        "--on-duplicate",
        "first",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("conflict CSBS.3000 status: the page (line 6) says 400, the catalog says 404: kept 404"),
        "{out}"
    );
    assert!(out.contains("en-US: 0 added, 4 changed, 0 unchanged, 1 status conflict(s) not written"), "{out}");
    assert!(out.contains("duplicate CSBS.9009 on line 9, status 400 not imported (kept line 8)"), "{out}");
    let after = files(&dir);
    for (path, bytes) in &before {
        if !path.starts_with("en-US/") {
            assert_eq!(after.get(path), Some(bytes), "{path} is not touched");
        }
    }
    let catalog = Catalog::from_dir(&dir).unwrap();
    let en = catalog.locale_index("en-US").unwrap();
    let value = |code: &str| catalog.get(code).unwrap().texts(en).unwrap().value().source().into_owned();
    assert_eq!(value("CSBS.0001"), "Policy quota of { $arg1 } reached.");
    assert_eq!(value("CSBS.9009"), "User { $user_id } is not verified.");
    assert_eq!(catalog.get("CSBS.3000").unwrap().status(), 404);
    let texts = catalog.get("CSBS.6028").unwrap().texts(en).unwrap();
    assert_eq!(texts.attribute("description").unwrap().source(), "The service could not read the quota.");
    assert!(out.contains("CSBS.6028 gets a .description in en-US that the source locale zh-CN does not have"), "{out}");
    // The zh-CN text of the codes is still the seed's.
    let zh = catalog.locale_index("zh-CN").unwrap();
    assert_eq!(catalog.get("CSBS.0001").unwrap().texts(zh).unwrap().value().source(), "备份策略数量达到上限。");
}

#[test]
fn file_outside_the_locale_folder_is_refused_and_nothing_is_written() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("catalog");
    copy_dir(&root().join("tests/fixtures/check/ok"), &dir);
    let before = files(temp.path());
    let page = root().join("tests/fixtures/import/quota.md");
    for name in ["../x.ftl", "a/b.ftl", "../../victim.ftl", ".."] {
        let (code, out, err) = errcat(&[
            "import",
            page.to_str().unwrap(),
            "--lang",
            "zh-CN",
            "--locales",
            dir.to_str().unwrap(),
            "--file",
            name,
        ]);
        assert_eq!(code, 2, "{name}: {out}{err}");
        assert!(err.contains(&format!("--file `{name}`")) && err.contains("nothing was written"), "{err}");
        assert_eq!(files(temp.path()), before, "{name}: nothing written");
    }
}

#[test]
fn a_status_header_with_a_comment_takes_the_new_statuses() {
    let temp = tempfile::tempdir().unwrap();
    let dir = temp.path().join("catalog");
    copy_dir(&root().join("tests/fixtures/check/ok"), &dir);
    let toml =
        std::fs::read_to_string(dir.join("catalog.toml")).unwrap().replace("[status]\n", "[status]  # exceptions\n");
    assert!(toml.contains("[status]  # exceptions\n"));
    std::fs::write(dir.join("catalog.toml"), &toml).unwrap();
    let page = root().join("tests/fixtures/import/quota.md");
    let (code, out, err) = errcat(&[
        "import",
        page.to_str().unwrap(),
        "--lang",
        "zh-CN",
        "--locales",
        dir.to_str().unwrap(),
        "--file",
        "quota",
    ]);
    assert_eq!(code, 0, "{out}{err}");
    let edited = std::fs::read_to_string(dir.join("catalog.toml")).unwrap();
    assert_eq!(
        edited,
        toml.replace(
            "[status]  # exceptions\n\"DEMO.0003\" = 500\n",
            "[status]  # exceptions\n\"DEMO.0003\" = 500\n\"DEMO.0004\" = 503\n"
        )
    );
}

#[test]
fn the_readme_lists_the_recognised_headers_of_the_code() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme.find("<!-- import-headers -->").expect("the README has the header table");
    let end = readme[start..].find("<!-- /import-headers -->").unwrap() + start;
    let mut documented: Vec<(String, Vec<String>)> = Vec::new();
    for line in readme[start..end].lines().filter(|l| l.starts_with("| `")) {
        let cells: Vec<&str> = line.trim_matches('|').split('|').map(str::trim).collect();
        let headers = cells[1].split(", ").map(|h| h.trim_matches('`').to_string()).collect();
        documented.push((cells[0].trim_matches('`').to_string(), headers));
    }
    let code: Vec<(String, Vec<String>)> = HEADERS
        .iter()
        .map(|(role, names)| (role.name().to_string(), names.iter().map(|n| n.to_string()).collect()))
        .collect();
    assert_eq!(documented, code);
}
