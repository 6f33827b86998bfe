//! The tera templates and UI labels of the Markdown and HTML pages: built into errcat,
//! each replaceable by a file of the same name in a `--templates` directory.

use super::RenderError;
use std::collections::BTreeMap;
use std::path::Path;
use tera::Tera;
use unic_langid::LanguageIdentifier;

/// The Markdown reference page, one per locale.
pub const MARKDOWN_TEMPLATE: &str = "reference.md.tera";
/// The HTML page, one per locale.
pub const HTML_TEMPLATE: &str = "index.html.tera";
/// UI text of the pages per language (`[en]`, `[zh]`, or a full tag such as `[zh-TW]`).
pub const LABELS_FILE: &str = "labels.toml";
/// The language whose labels fill in for languages (and keys) that `labels.toml` lacks.
const DEFAULT_LABELS: &str = "en";

const EMBEDDED: &[(&str, &str)] = &[
    (MARKDOWN_TEMPLATE, include_str!("../../templates/reference.md.tera")),
    (HTML_TEMPLATE, include_str!("../../templates/index.html.tera")),
    ("style.css.tera", include_str!("../../templates/style.css.tera")),
    ("search.js.tera", include_str!("../../templates/search.js.tera")),
];
const EMBEDDED_LABELS: &str = include_str!("../../templates/labels.toml");

/// UI labels of one language, by key (`code`, `suggestion`, ...).
pub type Labels = BTreeMap<String, String>;

/// The templates a build uses.
pub struct Templates {
    tera: Tera,
    labels: BTreeMap<String, Labels>,
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
        Templates::build(Vec::new(), None)
    }

    /// The built-in templates, with every `*.tera` file and `labels.toml` of `dir` replacing
    /// (or adding to) the one of the same name. Other files in `dir` are ignored.
    pub fn with_overrides(dir: &Path) -> Result<Templates, RenderError> {
        let io = |e: std::io::Error| RenderError::Io { path: dir.to_path_buf(), message: e.to_string() };
        let mut overrides = Vec::new();
        let mut labels = None;
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
        Templates::build(overrides, labels)
    }

    fn build(overrides: Vec<(String, String)>, labels: Option<(String, String)>) -> Result<Templates, RenderError> {
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
        let mut all = parse_labels("templates/labels.toml (built in)", EMBEDDED_LABELS)?;
        if let Some((path, text)) = labels {
            for (language, entries) in parse_labels(&path, &text)? {
                all.entry(language).or_default().extend(entries);
            }
        }
        Ok(Templates { tera, labels: all, uses_codes })
    }

    /// The labels for `locale`: its full tag's, else its language's, each key falling back to English.
    pub fn labels(&self, locale: &LanguageIdentifier) -> Labels {
        let mut labels = self.labels.get(DEFAULT_LABELS).cloned().unwrap_or_default();
        for key in [locale.language.as_str().to_string(), locale.to_string()] {
            if let Some(found) = self.labels.get(&key) {
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
}

fn parse_labels(path: &str, text: &str) -> Result<BTreeMap<String, Labels>, RenderError> {
    toml::from_str(text).map_err(|e| RenderError::Labels { path: path.to_string(), message: e.to_string() })
}
