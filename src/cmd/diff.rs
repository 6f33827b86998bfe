//! `errcat diff OLD NEW [--format text|markdown|json]`

use super::{exit_ok, exit_problem, DEFAULT_DIR};
use errcat::diff::{diff, load_version, render, DiffFormat, Version};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The old version: a catalog directory, a git revision (`HEAD~1`, the catalog in --locales) or `REV:PATH`.
    old: String,
    /// The new version, in the same forms.
    new: String,
    /// The output: text, markdown (a changelog section) or json.
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// The catalog directory inside the repository for revisions given without `:PATH` (default: locales).
    #[arg(long, value_name = "DIR")]
    locales: Option<String>,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum Format {
    Text,
    Markdown,
    Json,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let default = args.locales.as_deref().unwrap_or(DEFAULT_DIR);
    let (old, new) = (Version::parse(&args.old, default), Version::parse(&args.new, default));
    let old_catalog = load_version(&old).map_err(|e| e.to_string())?;
    let new_catalog = load_version(&new).map_err(|e| e.to_string())?;
    let changes = diff(&old_catalog, &new_catalog);
    let format = match args.format {
        Format::Text => DiffFormat::Text,
        Format::Markdown => DiffFormat::Markdown,
        Format::Json => DiffFormat::Json,
    };
    print!("{}", render(&changes, format));
    let breaking = changes.iter().filter(|c| c.is_breaking()).count();
    eprintln!("errcat: {old} -> {new}: {} change(s), {breaking} breaking", changes.len());
    Ok(if breaking > 0 { exit_problem() } else { exit_ok() })
}
