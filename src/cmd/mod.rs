//! Subcommands of the `errcat` command line.

use clap::{Parser, Subcommand};
use errcat::{Catalog, METADATA_FILE};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod build;
mod check;
mod diff;

mod explain;
mod import;
mod list;
mod localize;
mod review;
mod stats;

/// Success.
pub fn exit_ok() -> ExitCode {
    ExitCode::SUCCESS
}

/// The input was understood but a problem was found (unknown code, lint findings, stale output).
pub fn exit_problem() -> ExitCode {
    ExitCode::from(1)
}

/// Usage or input error (bad arguments, unreadable or invalid catalog).
pub fn exit_usage() -> ExitCode {
    ExitCode::from(2)
}

/// One error-code catalog in Fluent for docs, services and translators.
#[derive(Parser)]
#[command(name = "errcat", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Print the localized message and suggestion of one code.
    Localize(localize::Args),
    /// What changed between two versions of a catalog (directories or git revisions); exit 1 if it breaks clients.
    Diff(diff::Args),
    /// Everything about one code: message, suggestion, status, family, docs link, example body.
    Explain(explain::Args),
    /// List the codes of the catalog.
    List(list::Args),
    /// Report every problem of a catalog on disk (exit 1 if any error, 2 if files cannot be read).
    Check(check::Args),
    /// Mark translations as reviewed against the current source text (clears `stale`).
    Review(review::Args),
    /// Per locale: codes translated, missing, stale and untranslated.
    Stats(stats::Args),
    /// Turn an error-code reference page (HTML or Markdown table) into catalog entries.
    Import(import::Args),
    /// Render the catalog as Markdown, HTML, OpenAPI and JSON into an output directory.
    Build(build::Args),
}

impl Command {
    pub fn run(self) -> Result<ExitCode, String> {
        match self {
            Command::Localize(args) => localize::run(args),
            Command::Diff(args) => diff::run(args),
            Command::Explain(args) => explain::run(args),
            Command::List(args) => list::run(args),
            Command::Check(args) => check::run(args),
            Command::Review(args) => review::run(args),
            Command::Stats(args) => stats::run(args),
            Command::Import(args) => import::run(args),
            Command::Build(args) => build::run(args),
        }
    }
}

/// The catalog in `dir`, or the shipped one.
pub enum LoadedCatalog {
    Embedded(&'static Catalog),
    Owned(Box<Catalog>),
}

impl std::ops::Deref for LoadedCatalog {
    type Target = Catalog;
    fn deref(&self) -> &Catalog {
        match self {
            LoadedCatalog::Embedded(c) => c,
            LoadedCatalog::Owned(c) => c,
        }
    }
}

/// The directory every subcommand looks in when `--locales` is not given.
pub const DEFAULT_DIR: &str = "locales";

/// `--locales DIR`, shared by every subcommand, and the one rule for finding the catalog:
/// `--locales DIR`; else `./locales` when it holds `catalog.toml`; else, for the commands that only
/// read a catalog, the one built into errcat. Each command says on stderr which one it used.
#[derive(clap::Args, Debug, Clone)]
pub struct CatalogArgs {
    /// Catalog directory (catalog.toml, <locale>/*.ftl); default: ./locales when it holds
    /// catalog.toml, else the catalog built into errcat (for the commands that can use it).
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
}

impl CatalogArgs {
    /// The catalog directory the rule finds, or `None` for the built-in catalog.
    pub fn find(&self) -> Result<Option<PathBuf>, String> {
        match &self.locales {
            Some(dir) if dir.is_dir() => Ok(Some(dir.clone())),
            Some(dir) => Err(format!(
                "{}: not a directory (expected a catalog with {METADATA_FILE} and <locale>/*.ftl)",
                dir.display()
            )),
            None => {
                let dir = Path::new(DEFAULT_DIR);
                Ok(dir.join(METADATA_FILE).is_file().then(|| dir.to_path_buf()))
            }
        }
    }

    /// For the commands that work on a catalog's files (check, review, stats): its directory.
    pub fn files_dir(&self) -> Result<PathBuf, String> {
        let dir = self.find()?.ok_or_else(|| {
            format!(
                "no catalog found: ./{DEFAULT_DIR}/{METADATA_FILE} does not exist; pass --locales DIR \
                 (this command works on catalog files, not on the catalog built into errcat)"
            )
        })?;
        eprintln!("errcat: catalog in {}", dir.display());
        Ok(dir)
    }

    /// For `import`, which creates a catalog: `--locales DIR`, else `./locales`, existing or not.
    pub fn target_dir(&self) -> PathBuf {
        let dir = self.locales.clone().unwrap_or_else(|| PathBuf::from(DEFAULT_DIR));
        eprintln!("errcat: catalog in {}", dir.display());
        dir
    }

    /// Loads the catalog the rule finds; a broken catalog is reported in full.
    pub fn load(&self) -> Result<LoadedCatalog, String> {
        let Some(dir) = self.find()? else {
            let catalog = Catalog::embedded();
            eprintln!("errcat: built-in catalog {} ({} codes)", catalog.name(), catalog.codes().len());
            return Ok(LoadedCatalog::Embedded(catalog));
        };
        let catalog = Catalog::from_dir(&dir).map_err(|e| {
            e.diagnostics.iter().for_each(|d| eprintln!("{d}"));
            let errors = e.diagnostics.iter().filter(|d| d.is_error()).count();
            format!("the catalog in {} could not be loaded: {errors} error(s)", dir.display())
        })?;
        eprintln!("errcat: catalog {} from {} ({} codes)", catalog.name(), dir.display(), catalog.codes().len());
        Ok(LoadedCatalog::Owned(Box::new(catalog)))
    }
}

/// Output format of the reporting commands.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// For people.
    Text,
    /// For bots.
    Json,
}
