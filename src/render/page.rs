//! The page model the Markdown and HTML templates read: one locale's codes grouped by family,
//! every text already escaped (or converted) for the page's format.

use super::templates::Templates;
use super::{generated_note, resolve, status_reason, text};
use crate::Catalog;
use serde::Serialize;
use std::borrow::Cow;

/// How a format writes text: plain text (labels, titles), message markup and a whole code.
pub(crate) struct Syntax {
    pub text: fn(&str) -> Cow<'_, str>,
    pub message: fn(&str) -> Cow<'_, str>,
    /// Appends the markup of one code (`family.rows` of the page), from already escaped parts.
    pub row: fn(&mut String, &Row<'_>, &super::Labels),
    /// The page's file name inside its locale directory.
    pub file_name: &'static str,
}

/// Everything a page template can use; see the README for the list.
#[derive(Serialize)]
pub(crate) struct Page<'c> {
    generated: String,
    catalog: String,
    title: String,
    /// The page's locale tag.
    locale: &'c str,
    /// UI labels in the page's language, escaped.
    labels: super::Labels,
    /// Every locale's page, this one included.
    alternates: Vec<Alternate<'c>>,
    families: Vec<FamilyView<'c>>,
    code_count: usize,
}

#[derive(Serialize)]
struct Alternate<'c> {
    locale: &'c str,
    name: String,
    href: String,
    current: bool,
}

#[derive(Serialize)]
struct FamilyView<'c> {
    id: Cow<'c, str>,
    /// The heading's id, ASCII in every locale ([`super::anchor::family_anchor`]): not escaped, it needs none.
    anchor: String,
    title: Cow<'c, str>,
    count: usize,
    /// Every code of the family, as markup written by errcat: the fast way to print them.
    rows: String,
    /// Every code of the family, field by field, for templates that lay codes out themselves.
    /// Only present when some template reads `codes`: on a large catalog, handing every field
    /// to tera costs more than all the rest of the page.
    #[serde(skip_serializing_if = "Option::is_none")]
    codes: Option<Vec<Row<'c>>>,
}

/// One code, every text escaped for the page's format.
#[derive(Serialize)]
pub(crate) struct Row<'c> {
    pub code: Cow<'c, str>,
    /// The entry's id ([`super::anchor::code_anchor`]), the same on every page: not escaped, it needs none.
    pub anchor: &'c str,
    pub status: u16,
    pub reason: &'static str,
    pub message: Cow<'c, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<Cow<'c, str>>,
    /// The locale the text came from, when it is not the page's (the message is not translated).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback: Option<&'c str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retired: Option<Cow<'c, str>>,
}

/// The page of the locale with index `locale`.
pub(crate) fn page<'c>(catalog: &'c Catalog, templates: &Templates, locale: usize, syntax: &Syntax) -> Page<'c> {
    let tags: Vec<&str> = catalog.locale_tags().collect();
    let ids: Vec<_> = catalog.locales().collect();
    let count = catalog.codes().len().to_string();
    let values = [("catalog", catalog.name()), ("count", count.as_str())];
    let labels: super::Labels = templates
        .labels(ids[locale])
        .into_iter()
        .map(|(key, value)| (key, (syntax.text)(&text::fill(&value, &values)).into_owned()))
        .collect();
    let alternates = tags
        .iter()
        .zip(&ids)
        .enumerate()
        .map(|(i, (tag, id))| Alternate {
            locale: tag,
            name: (syntax.text)(templates.labels(id).get("language_name").map_or(*tag, String::as_str)).into_owned(),
            href: format!("../{tag}/{}", syntax.file_name),
            current: i == locale,
        })
        .collect();
    let mut by_family: std::collections::HashMap<&str, Vec<&crate::CodeEntry>> = std::collections::HashMap::new();
    for entry in catalog.codes() {
        by_family.entry(entry.family()).or_default().push(entry);
    }
    let families = catalog
        .families()
        .iter()
        .map(|family| {
            let codes: Vec<Row<'_>> = by_family
                .remove(family.id())
                .unwrap_or_default()
                .into_iter()
                .map(|entry| {
                    let resolved = resolve(catalog, &tags, entry, locale);
                    Row {
                        code: (syntax.text)(entry.code()),
                        anchor: super::anchor::code_anchor(entry.code()),
                        status: entry.status(),
                        reason: status_reason(entry.status()).unwrap_or(""),
                        message: convert(syntax.message, resolved.message),
                        suggestion: resolved.suggestion.map(|s| convert(syntax.message, s)),
                        fallback: (resolved.locale != tags[locale]).then_some(resolved.locale),
                        retired: entry.retired().map(|r| (syntax.message)(r)),
                    }
                })
                .collect();
            let count = codes.len();
            let capacity: usize =
                codes.iter().map(|r| r.message.len() + r.suggestion.as_ref().map_or(0, |s| s.len())).sum();
            let mut rows = String::with_capacity(count * 512 + capacity);
            let codes = if templates.uses_codes() {
                codes.iter().for_each(|row| (syntax.row)(&mut rows, row, &labels));
                Some(codes)
            } else {
                // Each row's texts are freed once written: a huge message is not held twice.
                codes.into_iter().for_each(|row| (syntax.row)(&mut rows, &row, &labels));
                None
            };
            FamilyView {
                id: (syntax.text)(family.id()),
                anchor: super::anchor::family_anchor(family.id()),
                title: (syntax.text)(family.title(locale)),
                count,
                rows,
                codes,
            }
        })
        .collect();
    Page {
        generated: generated_note(catalog),
        catalog: (syntax.text)(catalog.name()).into_owned(),
        title: labels.get("title").cloned().unwrap_or_default(),
        locale: tags[locale],
        labels,
        alternates,
        families,
        code_count: catalog.codes().len(),
    }
}

/// `text` through `convert`, borrowing from the catalog when neither needed a copy.
fn convert<'c>(convert: fn(&str) -> Cow<'_, str>, text: Cow<'c, str>) -> Cow<'c, str> {
    match text {
        Cow::Borrowed(text) => convert(text),
        Cow::Owned(text) => Cow::Owned(convert(&text).into_owned()),
    }
}

/// Renders one page per locale with `template`, as `<locale>/<file_name>`.
pub(crate) fn render_pages(
    catalog: &Catalog,
    templates: &Templates,
    template: &str,
    syntax: &Syntax,
    files: &mut super::Files,
) -> Result<(), super::RenderError> {
    let tags: Vec<&str> = catalog.locale_tags().collect();
    let indexes: Vec<usize> = (0..tags.len()).collect();
    let pages = super::in_parallel_unless(super::is_large(catalog), &indexes, |&index| {
        let page = page(catalog, templates, index, syntax);
        let context = tera::Context::from_serialize(&page).map_err(|e| super::RenderError::template(template, &e))?;
        // tera has its own copy of every text now.
        drop(page);
        templates.render(template, &context)
    });
    for (tag, page) in tags.iter().zip(pages) {
        files.insert(format!("{tag}/{}", syntax.file_name), page?.into_bytes());
    }
    Ok(())
}
