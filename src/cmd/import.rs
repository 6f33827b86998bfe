//! `errcat import FILE --lang TAG [--locales DIR] [--file NAME] [--dry-run]`

use super::{exit_ok, CatalogArgs};
use errcat::import::merge::{self, Change};
use errcat::output::write_file_atomically;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The reference page: an HTML table (like the CSBS seed) or a Markdown pipe table.
    file: PathBuf,
    /// The locale the page is written in (e.g. zh-CN).
    #[arg(long, value_name = "TAG")]
    lang: String,
    #[command(flatten)]
    locales: CatalogArgs,
    /// The file (in the locale's directory) for codes new to the catalog; default imported.ftl.
    #[arg(long = "file", value_name = "NAME")]
    new_file: Option<String>,
    /// Print the changes as a unified diff and write nothing.
    #[arg(long)]
    dry_run: bool,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let path = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).map_err(|e| format!("cannot read {path}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("{path}: not UTF-8 (byte {} is invalid): save the page as UTF-8", e.utf8_error().valid_up_to())
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).replace("\r\n", "\n");
    let entries = errcat::import::parse(&path, &text)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?;
    // A directory that does not exist yet is an empty catalog: writing creates it.
    let dir = args.locales.target_dir();
    if dir.exists() && !dir.is_dir() {
        return Err(format!("{}: not a directory", dir.display()));
    }
    let plan = merge::plan(&dir, &entries, &args.lang, args.new_file.as_deref()).map_err(|e| e.to_string())?;
    let (mut added, mut changed, mut unchanged) = (0, 0, 0);
    for change in &plan.changes {
        match change {
            Change::Added { code, file } => {
                added += 1;
                println!("added    {code} ({file})");
            }
            Change::Changed { code, text, old, new } => {
                changed += 1;
                let show = |t: &Option<String>| t.as_ref().map_or("(none)".to_string(), |t| format!("“{t}”"));
                println!("changed  {code} {text}: {} → {}", show(old), show(new));
            }
            Change::Status { code, old, new } => {
                changed += 1;
                println!("changed  {code} status: {old} → {new}");
            }
            Change::Unchanged { .. } => unchanged += 1,
        }
    }
    if !plan.not_on_page.is_empty() {
        println!("not on the page (left as they are): {}", plan.not_on_page.join(" "));
    }
    println!("{}: {added} added, {changed} changed, {unchanged} unchanged", plan.locale);
    if plan.is_source && changed > 0 {
        println!("the translations of the changed texts are now stale: update them, then run `errcat review`");
    }
    for file in &plan.files {
        if args.dry_run {
            let old = file.old.as_deref().unwrap_or("");
            let diff = similar::TextDiff::from_lines(old, &file.new);
            let from = if file.old.is_some() { format!("a/{}", file.path) } else { "/dev/null".to_string() };
            print!("{}", diff.unified_diff().context_radius(3).header(&from, &format!("b/{}", file.path)));
        } else {
            write_file_atomically(&dir.join(&file.path), &file.new).map_err(|e| e.to_string())?;
            println!("wrote {}", dir.join(&file.path).display());
        }
    }
    if args.dry_run {
        println!("dry run: nothing written");
    }
    Ok(exit_ok())
}
