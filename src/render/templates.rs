//! The tera templates and UI labels of the Markdown and HTML pages: built into errcat,
//! each replaceable by a file of the same name in a `--templates` directory.
//!
//! Labels are Fluent, one resource per locale (`templates/labels/<tag>.ftl`, see the README
//! there); a `--templates` directory adds or replaces labels with its own `labels/<tag>.ftl`
//! files, and (the older form) a `labels.toml`.

use super::RenderError;
use std::collections::BTreeMap;
use std::path::Path;
use tera::Tera;
use unic_langid::LanguageIdentifier;

/// The Markdown reference page, one per locale.
pub const MARKDOWN_TEMPLATE: &str = "reference.md.tera";
/// The HTML page, one per locale.
pub const HTML_TEMPLATE: &str = "index.html.tera";
/// UI text of the pages per language in TOML (`[en]`, `[zh]`, or a full tag such as `[zh-TW]`):
/// the older form of a `--templates` override, applied over the Fluent labels.
pub const LABELS_FILE: &str = "labels.toml";
/// The directory of the Fluent labels, one `<tag>.ftl` per locale, in a `--templates` directory.
pub const LABELS_DIR: &str = "labels";
/// The locale whose labels fill in for locales (and keys) that have none.
pub const DEFAULT_LABELS: &str = "en-US";
/// The labels errcat ships, by locale tag.
const EMBEDDED_LABELS: &[(&str, &str)] = &[
    ("ar", include_str!("../../templates/labels/ar.ftl")),
    ("de-DE", include_str!("../../templates/labels/de-DE.ftl")),
    ("en-US", include_str!("../../templates/labels/en-US.ftl")),
    ("es-ES", include_str!("../../templates/labels/es-ES.ftl")),
    ("fr-FR", include_str!("../../templates/labels/fr-FR.ftl")),
    ("ja-JP", include_str!("../../templates/labels/ja-JP.ftl")),
    ("ko-KR", include_str!("../../templates/labels/ko-KR.ftl")),
    ("pt-BR", include_str!("../../templates/labels/pt-BR.ftl")),
    ("ru-RU", include_str!("../../templates/labels/ru-RU.ftl")),
    ("zh-CN", include_str!("../../templates/labels/zh-CN.ftl")),
    ("zh-TW", include_str!("../../templates/labels/zh-TW.ftl")),
];
/// Every variable a label may use: errcat fills them in later, so a label keeps them as `{name}`.
const LABEL_VARIABLES: &[&str] = &["catalog", "count", "locale", "shown", "total", "status", "reason", "fault"];

const EMBEDDED: &[(&str, &str)] = &[
    (MARKDOWN_TEMPLATE, include_str!("../../templates/reference.md.tera")),
    (HTML_TEMPLATE, include_str!("../../templates/index.html.tera")),
    ("style.css.tera", include_str!("../../templates/style.css.tera")),
    ("search.js.tera", include_str!("../../templates/search.js.tera")),
];

/// UI labels of one language, by key (`code`, `suggestion`, ...).
pub type Labels = BTreeMap<String, String>;

/// The templates a build uses.
pub struct Templates {
    tera: Tera,
    /// Fluent labels by locale tag, each value with its variables as `{name}`.
    labels: BTreeMap<String, Labels>,
    /// `labels.toml` of a `--templates` directory, by language or tag: applied last.
    toml_labels: BTreeMap<String, Labels>,
    uses_codes: bool,
}

impl std::fmt::Debug for Templates {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Templates").field("names", &self.tera.get_template_names().collect::<Vec<_>>()).finish()
    }
}

impl Templates {
    /// The templates built into errcat (`templates/` of its source).
    pub fn embedded() -> Result<Templates, RenderError> {
        Templates::build(Vec::new(), None, Vec::new())
    }

    /// The built-in templates, with every `*.tera` file of `dir` replacing (or adding to) the one
    /// of the same name, and the labels of `dir/labels/<tag>.ftl` and `dir/labels.toml` replacing
    /// (or adding to) the built-in labels key by key. Other files in `dir` are ignored.
    pub fn with_overrides(dir: &Path) -> Result<Templates, RenderError> {
        let io = |e: std::io::Error| RenderError::Io { path: dir.to_path_buf(), message: e.to_string() };
        let mut overrides = Vec::new();
        let mut labels = None;
        let mut fluent = Vec::new();
        let labels_dir = dir.join(LABELS_DIR);
        if labels_dir.is_dir() {
            let io = |e: std::io::Error| RenderError::Io { path: labels_dir.clone(), message: e.to_string() };
            let mut entries: Vec<_> =
                std::fs::read_dir(&labels_dir).map_err(io)?.collect::<Result<_, _>>().map_err(io)?;
            entries.sort_by_key(|e| e.file_name());
            for entry in entries {
                let path = entry.path();
                let name = entry.file_name().to_string_lossy().into_owned();
                let Some(tag) = name.strip_suffix(".ftl").filter(|_| path.is_file()) else { continue };
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| RenderError::Io { path: path.clone(), message: e.to_string() })?;
                fluent.push((tag.to_string(), path.display().to_string(), text));
            }
        }
        let mut entries: Vec<_> = std::fs::read_dir(dir).map_err(io)?.collect::<Result<_, _>>().map_err(io)?;
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            if !path.is_file() || !(name.ends_with(".tera") || name == LABELS_FILE) {
                continue;
            }
            let text = std::fs::read_to_string(&path)
                .map_err(|e| RenderError::Io { path: path.clone(), message: e.to_string() })?;
            if name == LABELS_FILE {
                labels = Some((path.display().to_string(), text));
            } else {
                overrides.push((name, text));
            }
        }
        Templates::build(overrides, labels, fluent)
    }

    fn build(
        overrides: Vec<(String, String)>,
        labels: Option<(String, String)>,
        fluent: Vec<(String, String, String)>,
    ) -> Result<Templates, RenderError> {
        let mut sources: BTreeMap<String, String> =
            EMBEDDED.iter().map(|(name, text)| (name.to_string(), text.to_string())).collect();
        sources.extend(overrides);
        let uses_codes = sources
            .values()
            .any(|text| [".codes", "[\"codes\"]", "['codes']"].iter().any(|access| text.contains(access)));
        let mut tera = Tera::default();
        // Every value handed to a template is already escaped for its output format.
        tera.autoescape_on(Vec::new());
        tera.add_raw_templates(sources.iter().map(|(n, t)| (n.as_str(), t.as_str())))
            .map_err(|e| RenderError::template("", &e))?;
        let mut all: BTreeMap<String, Labels> = BTreeMap::new();
        for (tag, text) in EMBEDDED_LABELS {
            all.insert(
                tag.to_string(),
                parse_fluent_labels(&format!("templates/labels/{tag}.ftl (built in)"), tag, text)?,
            );
        }
        for (tag, path, text) in fluent {
            let parsed = parse_fluent_labels(&path, &tag, &text)?;
            all.entry(tag).or_default().extend(parsed);
        }
        let toml_labels = match labels {
            Some((path, text)) => parse_labels(&path, &text)?,
            None => BTreeMap::new(),
        };
        Ok(Templates { tera, labels: all, toml_labels, uses_codes })
    }

    /// The tag of the Fluent labels `locale` uses: its own tag's, else (Chinese) the one of its
    /// script, else one of its language's; `None` when there are none (the page gets English).
    pub fn labels_locale(&self, locale: &LanguageIdentifier) -> Option<&str> {
        let tag = locale.to_string();
        if let Some((found, _)) = self.labels.get_key_value(&tag) {
            return Some(found);
        }
        let language = locale.language.as_str();
        if language == "zh" {
            let traditional = locale.script.is_some_and(|s| s.as_str() == "Hant")
                || (locale.script.is_none() && locale.region.is_some_and(|r| matches!(r.as_str(), "TW" | "HK" | "MO")));
            let preferred = if traditional { "zh-TW" } else { "zh-CN" };
            if let Some((found, _)) = self.labels.get_key_value(preferred) {
                return Some(found);
            }
        }
        self.labels
            .keys()
            .find(|key| key.as_str() == language || key.split('-').next() == Some(language))
            .map(String::as_str)
    }

    /// True when the labels of `locale` come from its own language (Fluent labels or a
    /// `labels.toml` table), not from the English fallback.
    pub fn has_labels(&self, locale: &LanguageIdentifier) -> bool {
        self.labels_locale(locale).is_some()
            || self.toml_labels.contains_key(locale.language.as_str())
            || self.toml_labels.contains_key(&locale.to_string())
    }

    /// One warning per locale of `catalog` that has no labels of its own (its pages get the
    /// English ones), saying how to add them.
    pub fn label_warnings(&self, catalog: &crate::Catalog) -> Vec<String> {
        catalog
            .locales()
            .filter(|locale| !self.has_labels(locale))
            .map(|locale| {
                format!(
                    "warning: no page labels for {locale}: its pages use the {DEFAULT_LABELS} labels; \
                     add {LABELS_DIR}/{locale}.ftl to a --templates directory (see templates/labels/README.md)"
                )
            })
            .collect()
    }

    /// The labels for `locale` (see [`Templates::labels_locale`]), each key falling back to
    /// English; `{name}` marks where errcat fills in a variable. `language_name` is never
    /// English for another language: a locale without labels is named by its tag.
    pub fn labels(&self, locale: &LanguageIdentifier) -> Labels {
        let mut labels = self.labels.get(DEFAULT_LABELS).cloned().unwrap_or_default();
        match self.labels_locale(locale) {
            Some(found) if found != DEFAULT_LABELS => labels.extend(self.labels[found].clone()),
            Some(_) => {}
            None => {
                labels.insert("language_name".into(), locale.to_string());
            }
        }
        for key in [locale.language.as_str().to_string(), locale.to_string()] {
            if let Some(found) = self.toml_labels.get(&key) {
                labels.extend(found.iter().map(|(k, v)| (k.clone(), v.clone())));
            }
        }
        labels
    }

    /// True when some template reads `codes` (`family.codes`, `family["codes"]`): pages then carry every
    /// code field by field, besides the rows errcat writes (`family.rows`).
    pub fn uses_codes(&self) -> bool {
        self.uses_codes
    }

    /// Renders template `name` with `context`.
    pub fn render(&self, name: &str, context: &tera::Context) -> Result<String, RenderError> {
        self.tera.render(name, context).map_err(|e| RenderError::template(name, &e))
    }

    /// [`Templates::render`] straight into `out`, without holding the page whole in memory.
    pub fn render_to(
        &self,
        name: &str,
        context: &tera::Context,
        out: &mut dyn std::io::Write,
    ) -> Result<(), RenderError> {
        let mut out = std::io::BufWriter::with_capacity(1 << 16, out);
        self.tera.render_to(name, context, &mut out).map_err(|e| RenderError::template(name, &e))?;
        std::io::Write::flush(&mut out).map_err(|e| RenderError::template(name, &tera::Error::io_error(e)))
    }
}

/// The messages of a Fluent labels file, each formatted with its variables kept as `{name}`.
fn parse_fluent_labels(path: &str, tag: &str, text: &str) -> Result<Labels, RenderError> {
    use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
    let resource = FluentResource::try_new(text.to_string()).map_err(|(_, errors)| {
        let first = &errors[0];
        let before = &text[..first.pos.start.min(text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.len() - before.rfind('\n').map_or(0, |at| at + 1) + 1;
        RenderError::Labels { path: path.to_string(), message: format!("line {line}, column {column}: {}", first.kind) }
    })?;
    let language: LanguageIdentifier = tag.parse().unwrap_or_default();
    let mut bundle = FluentBundle::new(vec![language]);
    bundle.set_use_isolating(false);
    let ids: Vec<String> = resource
        .entries()
        .filter_map(|entry| match entry {
            fluent_syntax::ast::Entry::Message(m) => Some(m.id.name.to_string()),
            _ => None,
        })
        .collect();
    bundle
        .add_resource(resource)
        .map_err(|errors| RenderError::Labels { path: path.to_string(), message: format!("{errors:?}") })?;
    let mut args = FluentArgs::new();
    for name in LABEL_VARIABLES {
        args.set(*name, format!("{{{name}}}"));
    }
    let mut labels = Labels::new();
    for id in ids {
        let Some(value) = bundle.get_message(&id).and_then(|m| m.value()) else { continue };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(value, Some(&args), &mut errors);
        if let Some(error) = errors.first() {
            return Err(RenderError::Labels { path: path.to_string(), message: format!("{id}: {error}") });
        }
        labels.insert(id, text.into_owned());
    }
    Ok(labels)
}

fn parse_labels(path: &str, text: &str) -> Result<BTreeMap<String, Labels>, RenderError> {
    toml::from_str(text).map_err(|e| RenderError::Labels { path: path.to_string(), message: e.to_string() })
}
