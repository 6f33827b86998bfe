//! `errcat stats [--locales DIR] [--format text|json]`

use super::{exit_ok, CatalogArgs, Format};
use errcat::check::{self, stats, Inputs};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    locales: CatalogArgs,
    /// `text`: a table; `json`: an array with one object per locale.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let dir = args.locales.files_dir()?;
    let inputs = Inputs::read_dir(&dir).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        format!("{}:\n{}", dir.display(), lines.join("\n"))
    })?;
    let report = check::check(&inputs);
    let stats = stats::stats(&report).ok_or_else(|| {
        format!(
            "{}: the catalog does not load ({} errors): run `errcat check` to see them",
            dir.display(),
            report.errors()
        )
    })?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&stats).map_err(|e| e.to_string())?),
        Format::Text => print!("{}", stats::table(&stats)),
    }
    Ok(exit_ok())
}
