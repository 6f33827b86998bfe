//! `errcat check [--locales DIR] [--format text|json]`

use super::{exit_ok, exit_problem, exit_usage, CatalogArgs, Format};
use errcat::check::{self, Inputs};
use errcat::hygiene::escape_json;
use errcat::{Diagnostic, Kind};
use serde::Serialize;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    locales: CatalogArgs,
    /// `text` for people (with the offending line), `json` for bots.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

#[derive(Serialize)]
struct JsonReport<'a> {
    problems: &'a [Diagnostic],
    summary: Summary,
}

#[derive(Serialize)]
struct Summary {
    errors: usize,
    warnings: usize,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let dir = args.locales.files_dir()?;
    let (mut diagnostics, unreadable) = match Inputs::read_dir(&dir) {
        Ok(inputs) => (check::check(&inputs).diagnostics, false),
        // Files that exist but cannot be read stop the check (exit 2); text that is not UTF-8 is a finding.
        Err(problems) => {
            let unreadable = problems.iter().any(|d| d.kind == Kind::Io);
            (problems, unreadable)
        }
    };
    check::finish(&mut diagnostics);
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let summary = Summary { errors, warnings: diagnostics.len() - errors };
    match args.format {
        Format::Json => {
            let report = JsonReport { problems: &diagnostics, summary };
            println!("{}", escape_json(serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?));
        }
        Format::Text => {
            for d in &diagnostics {
                println!("{d}\n");
            }
            let dir = errcat::hygiene::escape(&dir.display().to_string()).into_owned();
            println!("{dir}: {} error(s), {} warning(s)", summary.errors, summary.warnings);
        }
    }
    Ok(if unreadable {
        exit_usage()
    } else if errors > 0 {
        exit_problem()
    } else {
        exit_ok()
    })
}
