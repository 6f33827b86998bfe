//! Writes the synthetic catalog of the benches (`benches/support/synthetic.rs`) to a directory:
//! `cargo run --release --example synthetic_catalog -- DIR [CODES]` (10,000 codes by default).
//! Used by `scripts/checks/62-kill-builds.sh`.

#[path = "../benches/support/synthetic.rs"]
mod synthetic;

fn main() -> std::process::ExitCode {
    let mut args = std::env::args_os().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: synthetic_catalog DIR [CODES]");
        return std::process::ExitCode::from(2);
    };
    let codes = match args.next().map(|a| a.to_string_lossy().parse::<usize>()) {
        None => 10_000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("CODES: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    match synthetic::write_dir(std::path::Path::new(&dir), codes) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("cannot write {}: {e}", std::path::Path::new(&dir).display());
            std::process::ExitCode::FAILURE
        }
    }
}
