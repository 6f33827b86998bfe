//! `errcat review [--locales DIR] [--lang TAG]... [CODE]...`: marks translations reviewed.
//! `errcat review --migrate`: moves review records out of the locale folders.

use super::{exit_ok, CatalogArgs};
use errcat::check::review::{old_review_path, review_path};
use errcat::check::{migrate, review, Inputs, ReviewLock};
use errcat::output::write_file_atomically;
use errcat::{Catalog, SourceFile};
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    #[command(flatten)]
    locales: CatalogArgs,
    /// The target locale whose translations were reviewed; repeat for several. Default: every target locale.
    #[arg(long = "lang", value_name = "TAG")]
    langs: Vec<String>,
    /// The codes reviewed (e.g. CSBS.0001). Default: every translated code of the locale.
    codes: Vec<String>,
    /// Move review records from `<locale>/reviewed.toml`, where older catalogs kept them, to
    /// `reviews/<locale>.toml`, merging with records already there; nothing is marked reviewed.
    #[arg(long, conflicts_with_all = ["langs", "codes"])]
    migrate: bool,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let dir = args.locales.files_dir()?;
    if args.migrate {
        return run_migrate(&dir);
    }
    let catalog = Catalog::from_dir(&dir)
        .map_err(|e| format!("{}:\n{e}\n(fix these with `errcat check` before reviewing)", dir.display()))?;
    for code in &args.codes {
        if catalog.get(code).is_none() {
            return Err(format!("unknown error code `{code}` in {}", dir.display()));
        }
    }
    let source = catalog.source_index();
    let tags: Vec<String> = catalog.locale_tags().map(str::to_string).collect();
    let mut targets = Vec::new();
    for lang in &args.langs {
        match catalog.locale_index(lang) {
            Some(index) if index != source => targets.push(index),
            Some(_) => return Err(format!("{lang} is the source locale: only translations are reviewed")),
            None => return Err(format!("{lang} is not a locale of {} (it has {})", dir.display(), tags.join(", "))),
        }
    }
    if targets.is_empty() {
        targets = (0..tags.len()).filter(|&i| i != source).collect();
    }
    for index in targets {
        let tag = &tags[index];
        if dir.join(old_review_path(tag)).exists() {
            return Err(format!(
                "{}: review records in the old place; run `errcat review --migrate` first",
                dir.join(old_review_path(tag)).display()
            ));
        }
        let path = dir.join(review_path(tag));
        let mut lock = match std::fs::read(&path) {
            Ok(bytes) => {
                let file = SourceFile::from_bytes(review_path(tag), bytes).map_err(|d| d.to_string())?;
                ReviewLock::parse(&file)
                    .map_err(|d| d.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => ReviewLock::default(),
            Err(e) => return Err(format!("cannot read {}: {e}", path.display())),
        };
        let changes = review::update(&catalog, index, &args.codes, &mut lock);
        for change in &changes {
            println!("{tag}: reviewed {change}");
        }
        write_file_atomically(&path, &lock.to_toml(tag, &tags[source])).map_err(|e| e.to_string())?;
        println!("{}: {} record(s) changed", path.display(), changes.len());
    }
    Ok(exit_ok())
}

/// Writes each locale's records to the new place, then removes the old file: interrupted between
/// the two, both places hold the same records and a second run merges them.
fn run_migrate(dir: &std::path::Path) -> Result<ExitCode, String> {
    let inputs = Inputs::read_dir(dir).map_err(|d| d.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))?;
    let migrations =
        migrate::plan(&inputs).map_err(|problems| format!("{}\nnothing was changed", problems.join("\n")))?;
    for migration in &migrations {
        let (from, to) = (dir.join(&migration.from), dir.join(&migration.to));
        write_file_atomically(&to, &migration.text).map_err(|e| e.to_string())?;
        std::fs::remove_file(&from).map_err(|e| format!("cannot remove {}: {e}", from.display()))?;
        let how = if migration.merged { "merged into" } else { "moved to" };
        println!("{}: {} record(s) {how} {}", from.display(), migration.records, to.display());
    }
    if migrations.is_empty() {
        println!("{}: no review records in locale folders; nothing to migrate", dir.display());
    }
    Ok(exit_ok())
}
