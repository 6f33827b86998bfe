//! `errcat localize CODE [--lang TAG | --accept-language VALUE] [--arg NAME=VALUE]... [--json]`

use super::{exit_ok, exit_problem, load_catalog, CatalogArgs};
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
    let catalog = load_catalog(args.catalog.locales.as_deref())?;
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
        let body = errcat::ErrorBody { error_code: localized.code, error_msg: localized.message.clone() };
        println!("{}", escape_json(serde_json::to_string(&body).map_err(|e| e.to_string())?));
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
