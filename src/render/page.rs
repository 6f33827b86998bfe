//! The page model the Markdown and HTML templates read: one locale's codes grouped by family,
//! every text already escaped (or converted) for the page's format.

use super::display::{Piece, References};
use super::templates::Templates;
use super::{generated_note, resolve, status_reason, text};
use crate::Catalog;
use serde::Serialize;
use std::borrow::Cow;

/// How a format writes text: plain text (labels, titles), message markup and a whole code.
pub(crate) struct Syntax {
    pub text: fn(&str) -> Cow<'_, str>,
    /// A code, ready to print as is (Markdown: a whole code span, so `_` stays as written).
    pub code: fn(&str) -> Cow<'_, str>,
    /// A text's display form ([`super::display`]).
    pub message: fn(&[Piece]) -> String,
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
    /// The page's writing direction: `rtl` for right-to-left scripts, else `ltr`.
    dir: &'static str,
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
    /// The language's name in itself (its autonym).
    name: String,
    dir: &'static str,
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
    /// The `.description` attribute: a longer explanation, shown after the message.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<Cow<'c, str>>,
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
    let mut labels: super::Labels = templates
        .labels(ids[locale])
        .into_iter()
        .map(|(key, value)| (key, (syntax.text)(&text::fill(&value, &values)).into_owned()))
        .collect();
    // Markdown's `*none*` marker: no synthetic italics in scripts that have no italics.
    labels.insert("emphasis".into(), if has_italics(ids[locale]) { "*" } else { "" }.into());
    let alternates = tags
        .iter()
        .zip(&ids)
        .enumerate()
        .map(|(i, (tag, id))| Alternate {
            locale: tag,
            name: (syntax.text)(templates.labels(id).get("language_name").map_or(*tag, String::as_str)).into_owned(),
            dir: direction(id),
            href: format!("../{tag}/{}", syntax.file_name),
            current: i == locale,
        })
        .collect();
    let mut by_family: std::collections::HashMap<&str, Vec<&crate::CodeEntry>> = std::collections::HashMap::new();
    for entry in catalog.codes() {
        by_family.entry(entry.family()).or_default().push(entry);
    }
    let references = References::new(catalog);
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
                    let shown = resolved.display(&references);
                    Row {
                        code: (syntax.code)(entry.code()),
                        anchor: super::anchor::code_anchor(entry.code()),
                        status: entry.status(),
                        reason: status_reason(entry.status()).unwrap_or(""),
                        message: Cow::Owned((syntax.message)(&shown.message.pieces)),
                        description: shown.description.map(|d| Cow::Owned((syntax.message)(&d.pieces))),
                        suggestion: shown.suggestion.map(|s| Cow::Owned((syntax.message)(&s.pieces))),
                        fallback: (resolved.locale != tags[locale]).then_some(resolved.locale),
                        retired: entry.retired().map(|r| Cow::Owned((syntax.message)(&[Piece::Text(r.to_string())]))),
                    }
                })
                .collect();
            let count = codes.len();
            let optional = |text: &Option<Cow<'_, str>>| text.as_ref().map_or(0, |t| t.len());
            let capacity: usize =
                codes.iter().map(|r| r.message.len() + optional(&r.description) + optional(&r.suggestion)).sum();
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
        dir: direction(ids[locale]),
        labels,
        alternates,
        families,
        code_count: catalog.codes().len(),
    }
}

/// `rtl` for a language written right to left (Arabic, Hebrew, Persian, Urdu, ... or any
/// language in the Arabic, Hebrew, Syriac or Thaana script), else `ltr`.
pub fn direction(locale: &unic_langid::LanguageIdentifier) -> &'static str {
    let rtl_script = locale
        .script
        .is_some_and(|s| matches!(s.as_str(), "Arab" | "Hebr" | "Syrc" | "Thaa" | "Nkoo" | "Adlm" | "Rohg"));
    let latin_or_other = locale.script.is_some() && !rtl_script;
    let rtl_language = matches!(
        locale.language.as_str(),
        "ar" | "he" | "fa" | "ur" | "ps" | "sd" | "ug" | "yi" | "dv" | "ckb" | "syr"
    );
    if rtl_script || (rtl_language && !latin_or_other) {
        "rtl"
    } else {
        "ltr"
    }
}

/// False for the languages whose scripts have no italics (Chinese, Japanese, Korean, Arabic and
/// the other right-to-left scripts): browsers would slant the glyphs instead.
pub fn has_italics(locale: &unic_langid::LanguageIdentifier) -> bool {
    !(matches!(locale.language.as_str(), "zh" | "ja" | "ko") || direction(locale) == "rtl")
}

/// Renders one page per locale with `template`, as `<locale>/<file_name>`: in parallel, or on a
/// large catalog one after the other, each handed to `files` before the next is rendered.
pub(crate) fn render_pages(
    catalog: &Catalog,
    templates: &Templates,
    template: &str,
    syntax: &Syntax,
    files: &mut dyn super::Output,
) -> Result<(), super::RenderError> {
    let tags: Vec<&str> = catalog.locale_tags().collect();
    let context = |index: usize| {
        let page = page(catalog, templates, index, syntax);
        // tera takes its own copy of every text; the page is dropped on return.
        tera::Context::from_serialize(&page).map_err(|e| super::RenderError::template(template, &e))
    };
    let render_one = |index: usize| templates.render(template, &context(index)?);
    let path = |tag: &str| format!("{tag}/{}", syntax.file_name);
    if super::is_large(catalog) {
        // One page at a time, rendered into its file.
        for (index, tag) in tags.iter().enumerate() {
            let context = context(index)?;
            files.write_with(&path(tag), &mut |out| templates.render_to(template, &context, out))?;
        }
        return Ok(());
    }
    let indexes: Vec<usize> = (0..tags.len()).collect();
    let pages = super::in_parallel(&indexes, |&index| render_one(index));
    for (tag, page) in tags.iter().zip(pages) {
        files.insert(path(tag), page?.into_bytes());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::{direction, has_italics};

    #[test]
    fn right_to_left_languages_and_scripts() {
        let dir = |tag: &str| direction(&tag.parse().unwrap());
        for tag in ["ar", "ar-EG", "he-IL", "fa", "ur-PK", "az-Arab", "pa-Arab", "ckb"] {
            assert_eq!(dir(tag), "rtl", "{tag}");
        }
        for tag in ["en-US", "ja-JP", "zh-CN", "ru-RU", "ar-Latn", "az-Latn", "tr"] {
            assert_eq!(dir(tag), "ltr", "{tag}");
        }
        let italics = |tag: &str| has_italics(&tag.parse().unwrap());
        assert!(italics("en-US") && italics("de-DE") && italics("ru-RU"));
        assert!(!italics("zh-TW") && !italics("ja-JP") && !italics("ko-KR") && !italics("ar") && !italics("he"));
    }
}
