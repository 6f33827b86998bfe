//! `errcat review [--locales DIR] [--lang TAG]... [CODE]...`: marks translations reviewed.

use super::{exit_ok, CatalogArgs};
use errcat::check::{review, ReviewLock, REVIEW_FILE};
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
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let dir = args.locales.files_dir()?;
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
        let path = dir.join(tag).join(REVIEW_FILE);
        let mut lock = match std::fs::read(&path) {
            Ok(bytes) => {
                let file = SourceFile::from_bytes(format!("{tag}/{REVIEW_FILE}"), bytes).map_err(|d| d.to_string())?;
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
