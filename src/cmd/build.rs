//! `errcat build [--locales DIR] [--templates DIR] [--out DIR] [--check]`

use super::{exit_ok, exit_problem, CatalogArgs};
use errcat::output::{compare, OutputWriter};
use errcat::render::{render, render_into, Templates};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// Directory of templates replacing the built-in ones of the same name (*.tera, labels/<tag>.ftl, labels.toml).
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Output directory, owned by errcat: a build replaces it whole.
    #[arg(long, value_name = "DIR", default_value = "out")]
    out: PathBuf,
    /// Write nothing; exit 1 and list the files of --out that differ from a fresh build.
    #[arg(long)]
    check: bool,
    #[command(flatten)]
    catalog: CatalogArgs,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let catalog = args.catalog.load()?;
    let templates = match &args.templates {
        Some(dir) => Templates::with_overrides(dir),
        None => Templates::embedded(),
    };
    let templates = templates.map_err(|e| e.to_string())?;
    for warning in templates.label_warnings(&catalog) {
        eprintln!("{warning}");
    }
    let out = args.out.display();
    if args.check {
        let files = render(&catalog, &templates).map_err(|e| e.to_string())?;
        let stale = compare(&args.out, &files).map_err(|e| e.to_string())?;
        if stale.is_empty() {
            println!("{out}: up to date ({} files)", files.len());
            return Ok(exit_ok());
        }
        eprintln!("{out}: {} stale file(s); run `errcat build` and commit the result:", stale.len());
        for (path, how) in stale {
            eprintln!("  {out}/{path}: {how}");
        }
        return Ok(exit_problem());
    }
    // Each file goes to disk as it is rendered; a render error drops the writer, which removes
    // what it wrote, and the old output stays.
    let mut writer = OutputWriter::begin(&args.out).map_err(|e| e.to_string())?;
    render_into(&catalog, &templates, &mut writer).map_err(|e| e.to_string())?;
    let count = writer.len();
    let changed = writer.finish().map_err(|e| e.to_string())?;
    println!("{out}: {count} files {}", if changed { "written" } else { "already up to date" });
    Ok(exit_ok())
}
