//! Subcommands of the `errcat` command line.

use clap::{Parser, Subcommand};
use errcat::Catalog;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

mod build;
mod check;
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

/// Loads the catalog of `--locales DIR`, or the shipped one; a broken catalog is reported in full.
pub fn load_catalog(dir: Option<&Path>) -> Result<LoadedCatalog, String> {
    match dir {
        None => Ok(LoadedCatalog::Embedded(Catalog::embedded())),
        Some(dir) => {
            if !dir.is_dir() {
                return Err(format!(
                    "{}: not a directory (expected a catalog with catalog.toml and <locale>/*.ftl)",
                    dir.display()
                ));
            }
            Catalog::from_dir(dir).map(|c| LoadedCatalog::Owned(Box::new(c))).map_err(|e| {
                e.diagnostics.iter().for_each(|d| eprintln!("{d}"));
                let errors = e.diagnostics.iter().filter(|d| d.is_error()).count();
                format!("the catalog in {} could not be loaded: {errors} error(s)", dir.display())
            })
        }
    }
}

/// `--locales DIR`, shared by the subcommands that read a catalog.
#[derive(clap::Args, Debug, Clone)]
pub struct CatalogArgs {
    /// Catalog directory (catalog.toml and <locale>/*.ftl); default: the catalog built into errcat.
    #[arg(long, value_name = "DIR")]
    pub locales: Option<PathBuf>,
}

/// `--locales DIR` of the translator commands, which work on files: default `locales` in the current directory.
#[derive(clap::Args, Debug, Clone)]
pub struct LocalesDir {
    /// Catalog directory (catalog.toml, <locale>/*.ftl, <locale>/reviewed.toml, glossary.toml).
    #[arg(long, value_name = "DIR", default_value = "locales")]
    pub locales: PathBuf,
}

impl LocalesDir {
    /// The directory, if it is one.
    pub fn dir(&self) -> Result<PathBuf, String> {
        if self.locales.is_dir() {
            Ok(self.locales.clone())
        } else {
            Err(format!(
                "{}: not a directory (expected a catalog with catalog.toml and <locale>/*.ftl)",
                self.locales.display()
            ))
        }
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
