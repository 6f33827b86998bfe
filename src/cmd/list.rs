//! `errcat list [--lang TAG] [--json]`

use super::{exit_ok, CatalogArgs};
use errcat::hygiene::{escape, escape_json};
use errcat::render::display_texts;
use serde::Serialize;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Language of the messages shown (a tag or Accept-Language value); default: the fallback locale.
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,
    /// Print JSON lines instead of a table.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    catalog: CatalogArgs,
}

#[derive(Serialize)]
struct Row<'a> {
    code: &'a str,
    status: u16,
    family: &'a str,
    locale: &'a str,
    message: &'a str,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let catalog = args.catalog.load()?;
    let lang = args.lang.as_deref().unwrap_or("");
    let tags: Vec<&str> = catalog.locale_tags().collect();
    let wanted = catalog.locale_index(&catalog.negotiate(lang).to_string()).unwrap_or(catalog.fallback_index());
    // The display forms: `{count}` for a variable, `one: … / other: …` for a selector.
    for (entry, (message, _)) in catalog.codes().zip(display_texts(&catalog, wanted)) {
        let used = catalog.resolve(entry, wanted).map_or(wanted, |(used, _)| used);
        let row = Row {
            code: entry.code(),
            status: entry.status(),
            family: entry.family(),
            locale: tags[used],
            message: &message,
        };
        if args.json {
            println!("{}", escape_json(serde_json::to_string(&row).map_err(|e| e.to_string())?));
        } else {
            // One row per line: a line feed in a message is shown as `\n`, as a tab would split the row.
            let message = escape(row.message).replace('\n', "\\n").replace('\t', "\\t");
            println!("{}\t{}\t{}\t{message}", escape(row.code), row.status, escape(row.family));
        }
    }
    Ok(exit_ok())
}
