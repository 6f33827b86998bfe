//! `orders-service [PORT]`: serves on 127.0.0.1. The port comes from the first argument, else from
//! `ORDERS_PORT`, else 8080; `0` takes any free port. The address is printed on stdout
//! (`listening on http://127.0.0.1:PORT`) once the socket is bound.

use axum::serve::ListenerExt;
use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let port = std::env::args().nth(1).or_else(|| std::env::var("ORDERS_PORT").ok());
    let port = match port.as_deref().map(str::trim).unwrap_or("8080").parse::<u16>() {
        Ok(port) => port,
        Err(_) => {
            eprintln!("error: the port must be a number from 0 to 65535 (0: any free port), not {port:?}");
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("error: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    runtime.block_on(async {
        let listener = match tokio::net::TcpListener::bind(("127.0.0.1", port)).await {
            Ok(listener) => listener,
            Err(e) => {
                eprintln!("error: cannot listen on 127.0.0.1:{port}: {e}");
                return ExitCode::FAILURE;
            }
        };
        if let Ok(address) = listener.local_addr() {
            println!("listening on http://{address}");
            let _ = std::io::stdout().flush();
        }
        // Without TCP_NODELAY, Nagle's algorithm holds the last segment of an answer written in two
        // parts until the client's delayed ACK: tens of microseconds per request (BENCHMARKS.md).
        let listener = listener.tap_io(|stream| {
            if let Err(e) = stream.set_nodelay(true) {
                eprintln!("warning: cannot set TCP_NODELAY: {e}");
            }
        });
        match axum::serve(listener, orders_service::app()).await {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::FAILURE
            }
        }
    })
}
