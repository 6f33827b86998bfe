//! `errcat import FILE --lang TAG [--locales DIR] [--file NAME] [--column HEADER=ROLE]... [--on-duplicate first|last] [--dry-run]`

use super::{exit_ok, CatalogArgs};
use errcat::import::{merge, summary::summary, ColumnOverride, OnDuplicate, Options};
use errcat::output::write_file_atomically;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The reference page: HTML, Markdown pipe tables or reStructuredText list-tables and grid tables.
    file: PathBuf,
    /// The locale the page is written in (e.g. zh-CN).
    #[arg(long, value_name = "TAG")]
    lang: String,
    #[command(flatten)]
    locales: CatalogArgs,
    /// The file (in the locale's folder, no path) for codes new to the catalog; default: the row's module, else imported.ftl.
    #[arg(long = "file", value_name = "NAME")]
    new_file: Option<String>,
    /// The role of a column the built-in header table does not know (repeatable): code, status, message,
    /// description, suggestion, family or ignore.
    #[arg(long = "column", value_name = "HEADER=ROLE")]
    columns: Vec<ColumnOverride>,
    /// A code on several rows: keep the first or the last row (and report the others). Default: refuse.
    #[arg(long, value_enum, value_name = "ROW")]
    on_duplicate: Option<Keep>,
    /// Print the changes as a unified diff and write nothing.
    #[arg(long)]
    dry_run: bool,
}

#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum Keep {
    First,
    Last,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let path = args.file.display().to_string();
    let bytes = std::fs::read(&args.file).map_err(|e| format!("cannot read {path}: {e}"))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        format!("{path}: not UTF-8 (byte {} is invalid): save the page as UTF-8", e.utf8_error().valid_up_to())
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text).replace("\r\n", "\n");
    let on_duplicate = match args.on_duplicate {
        None => OnDuplicate::Refuse,
        Some(Keep::First) => OnDuplicate::First,
        Some(Keep::Last) => OnDuplicate::Last,
    };
    let options = Options { columns: args.columns, on_duplicate };
    let (entries, report) = errcat::import::parse(&path, &text, &options)
        .map_err(|errors| errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?;
    // A directory that does not exist yet is an empty catalog: writing creates it.
    let dir = args.locales.target_dir();
    if dir.exists() && !dir.is_dir() {
        return Err(format!("{}: not a directory", dir.display()));
    }
    let plan = merge::plan(&dir, &entries, &args.lang, args.new_file.as_deref()).map_err(|e| e.to_string())?;
    print!("{}", summary(&report, &plan));
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
