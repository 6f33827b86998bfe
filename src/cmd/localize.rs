//! `errcat localize CODE [--lang TAG | --accept-language VALUE] [--arg NAME=VALUE]... [--json [--body FORMAT] [--doc-url]]`

use super::{exit_ok, exit_problem, CatalogArgs};
use errcat::hygiene::{escape, escape_json};
use errcat::{Arg, LookupError};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The error code, e.g. CSBS.6024.
    code: String,
    /// Language: a BCP 47 tag in any case, `_` allowed (zh, zh_CN, EN-us).
    #[arg(long, value_name = "TAG", conflicts_with = "accept_language")]
    lang: Option<String>,
    /// A whole Accept-Language header value, e.g. 'zh-CN,zh;q=0.9,en;q=0.8'.
    #[arg(long, value_name = "VALUE")]
    accept_language: Option<String>,
    /// A value for a message variable; repeat for several.
    #[arg(long = "arg", value_name = "NAME=VALUE", value_parser = parse_arg)]
    args: Vec<(String, String)>,
    /// Print the service's JSON error body instead of text.
    #[arg(long)]
    json: bool,
    /// The body's shape with --json (default: the catalog's, `[response]` in catalog.toml).
    #[arg(long, value_name = "FORMAT", requires = "json",
          value_parser = clap::builder::PossibleValuesParser::new(["csbs", "problem", "openstack"]))]
    body: Option<String>,
    /// With --json: add `doc_url` to csbs bodies (needs `docs_url` in catalog.toml).
    #[arg(long, requires = "json")]
    doc_url: bool,
    #[command(flatten)]
    catalog: CatalogArgs,
}

fn parse_arg(value: &str) -> Result<(String, String), String> {
    match value.split_once('=') {
        Some((name, value)) if !name.is_empty() => Ok((name.to_string(), value.to_string())),
        _ => Err(format!("`{value}` is not NAME=VALUE")),
    }
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let catalog = args.catalog.load()?;
    let lang = args.lang.as_deref().or(args.accept_language.as_deref()).unwrap_or("");
    let values: Vec<(&str, Arg<'_>)> = args.args.iter().map(|(n, v)| (n.as_str(), number_or_text(v))).collect();
    let localized = match catalog.localize_with(&args.code, lang, &values) {
        Ok(localized) => localized,
        Err(error @ LookupError::UnknownCode { .. }) => {
            eprintln!("error: {} (run `errcat list` to see the codes of {})", term(&error), escape(catalog.name()));
            return Ok(exit_problem());
        }
        Err(error) => return Err(term(&error)),
    };
    if args.json {
        let mut response = catalog.response_for(localized.clone());
        if let Some(format) = &args.body {
            response = response.with_format(format.parse::<errcat::BodyFormat>().map_err(|e| e.to_string())?);
        }
        if args.doc_url && catalog.metadata().docs_url.is_none() {
            return Err(format!("--doc-url: the catalog {} has no `docs_url` in catalog.toml", catalog.name()));
        }
        response.options.doc_url |= args.doc_url;
        println!("{}", escape_json(serde_json::to_string(&response.to_body()).map_err(|e| e.to_string())?));
    } else {
        let message = escape(&localized.message);
        println!("{} (HTTP {}, {}): {message}", escape(localized.code), localized.status, localized.locale);
        if let Some(suggestion) = &localized.suggestion {
            println!("suggestion: {}", escape(suggestion));
        }
    }
    for error in &localized.errors {
        eprintln!("warning: {}: {}", escape(localized.code), term(error));
    }
    Ok(if localized.errors.is_empty() { exit_ok() } else { exit_problem() })
}

/// `--arg limit=5` is a number to Fluent (plural selection, number formatting); anything else is text.
fn number_or_text(value: &str) -> Arg<'_> {
    if let Ok(n) = value.parse::<i64>() {
        Arg::Int(n)
    } else {
        match value.parse::<f64>() {
            Ok(n) if n.is_finite() && value.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b'-') => {
                Arg::Float(n)
            }
            _ => Arg::Str(value),
        }
    }
}

/// `value` as text for a terminal: control characters and bidi controls escaped.
fn term(value: &impl std::fmt::Display) -> String {
    escape(&value.to_string()).into_owned()
}
