//! The `errcat` command: dispatches to one module per subcommand in `cmd/`.

use clap::Parser;
use std::process::ExitCode;

mod cmd;

fn main() -> ExitCode {
    let cli = cmd::Cli::parse();
    match cli.command.run() {
        Ok(code) => code,
        Err(error) => {
            eprintln!("error: {error}");
            cmd::exit_usage()
        }
    }
}
