//! `errcat explain CODE [--lang TAG]`: everything about one code, for a terminal.

use super::{exit_ok, exit_problem, CatalogArgs};
use errcat::hygiene::escape;
use errcat::render::explain::explain;
use errcat::LookupError;
use std::process::ExitCode;

#[derive(clap::Args, Debug)]
pub struct Args {
    /// The error code, e.g. CSBS.6024.
    code: String,
    /// Language: a BCP 47 tag in any case, `_` allowed, or an Accept-Language value (default: the fallback locale).
    #[arg(long, value_name = "TAG")]
    lang: Option<String>,
    #[command(flatten)]
    catalog: CatalogArgs,
}

pub fn run(args: Args) -> Result<ExitCode, String> {
    let catalog = args.catalog.load()?;
    match explain(&catalog, &args.code, args.lang.as_deref().unwrap_or("")) {
        Ok(explanation) => {
            print!("{explanation}");
            Ok(exit_ok())
        }
        Err(error @ LookupError::UnknownCode { .. }) => {
            let name = escape(catalog.name());
            eprintln!("error: {} (run `errcat list` to see the codes of {name})", escape(&error.to_string()));
            Ok(exit_problem())
        }
        Err(error) => Err(escape(&error.to_string()).into_owned()),
    }
}
