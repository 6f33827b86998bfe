//! The service's router in process (tower `oneshot`, no sockets): a localized error route against a
//! route answering a constant JSON body of the same size, with the same status and headers. Prints
//! criterion's medians and the throughput ratio (localized / constant; goal ≥ 0.95), the latter also
//! from an interleaved timer that alternates the two routes batch by batch, so that load from other
//! processes hits both alike. Then the same pair over real HTTP: the router served by hyper on
//! 127.0.0.1 (port 0), asked by one keep-alive ureq client, a bounded number of requests. See
//! BENCHMARKS.md.
//!
//! `cargo bench --bench router` (in examples/orders-service)

use axum::body::{to_bytes, Body, Bytes};
use axum::http::{header, HeaderValue, Request, Response, StatusCode};
use axum::routing::get;
use axum::serve::ListenerExt;
use axum::Router;
use criterion::Criterion;
use std::hint::black_box;
use std::time::{Duration, Instant};
use tower::ServiceExt;

/// (name, path of the localized route, its route pattern under the format's prefix, Accept-Language)
const CASES: [(&str, &str, &str, &str); 3] = [
    ("problem_variable", "/problem/orders/42", "/orders/{id}", "ja,en;q=0.5"),
    ("csbs_plain", "/csbs/payments", "/payments", "zh-CN,zh;q=0.9,en;q=0.8"),
    ("openstack_plural", "/openstack/cart/checkout?sold_out=3", "/cart/checkout", "en-GB;q=0.8"),
];

/// The constant twin of a localized path: the same route pattern, nested under a prefix of its own,
/// so that both sides pay the same routing (a nested router rewrites the URI).
fn constant_path(name: &str, path: &str) -> String {
    let rest = &path[path[1..].find('/').map_or(path.len(), |i| i + 1)..];
    format!("/constant-{name}{rest}")
}

fn request(path: &str, accept_language: &'static str) -> Request<Body> {
    let mut request = Request::new(Body::empty());
    *request.uri_mut() = path.parse().expect("a valid path");
    request.headers_mut().insert(header::ACCEPT_LANGUAGE, HeaderValue::from_static(accept_language));
    request
}

async fn call(app: &Router, path: &str, accept_language: &'static str) -> Response<Body> {
    match app.clone().oneshot(request(path, accept_language)).await {
        Ok(response) => response,
        Err(never) => match never {},
    }
}

/// One request answered and its body read, as a server would.
async fn round_trip(app: &Router, path: &str, accept_language: &'static str) -> usize {
    let response = call(app, path, accept_language).await;
    to_bytes(response.into_body(), usize::MAX).await.map(|b| b.len()).unwrap_or(0)
}

/// The service's router plus `/constant-<case>/<same route>`: the localized route's answer, captured once.
fn app(runtime: &tokio::runtime::Runtime) -> Router {
    let mut app = orders_service::app();
    for (name, path, pattern, accept_language) in CASES {
        let (parts, body) = runtime.block_on(call(&app, path, accept_language)).into_parts();
        let body: Bytes = runtime.block_on(to_bytes(body, usize::MAX)).expect("a body");
        assert!(parts.status.is_client_error() || parts.status.is_server_error(), "{path}: {}", parts.status);
        // The same three headers, as values shared by every answer (cloning them does not allocate).
        let status = parts.status;
        let value = |name| parts.headers.get(&name).cloned().expect("the localized answer has it");
        let headers =
            [header::CONTENT_TYPE, header::CONTENT_LANGUAGE, header::VARY].map(|name| (name.clone(), value(name)));
        assert_eq!(parts.headers.len(), 3 + usize::from(parts.headers.contains_key(header::CONTENT_LENGTH)));
        let constant = Router::new().route(
            pattern,
            get(move || {
                let (headers, body) = (headers.clone(), body.clone());
                async move { (status, headers, body) }
            }),
        );
        app = app.nest(&format!("/constant-{name}"), constant);
    }
    app
}

fn main() {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
    let app = app(&runtime);
    for (name, path, _, accept_language) in CASES {
        let a = runtime.block_on(call(&app, path, accept_language));
        let b = runtime.block_on(call(&app, &constant_path(name, path), accept_language));
        assert_eq!((a.status(), a.headers()), (b.status(), b.headers()), "{name}: same status and headers");
        assert_ne!(a.status(), StatusCode::OK);
    }
    let mut c = Criterion::default().configure_from_args();
    let measuring = !std::env::args().any(|a| a == "--test" || a == "--list");
    let mut medians = Vec::new();
    for (name, path, _, accept_language) in CASES {
        let constant = constant_path(name, path);
        let mut group = c.benchmark_group(name);
        group.measurement_time(Duration::from_secs(3)).warm_up_time(Duration::from_secs(1));
        group.bench_function("localized", |b| {
            b.to_async(&runtime).iter(|| async { black_box(round_trip(&app, black_box(path), accept_language).await) })
        });
        group.bench_function("constant", |b| {
            b.to_async(&runtime)
                .iter(|| async { black_box(round_trip(&app, black_box(&constant), accept_language).await) })
        });
        group.finish();
        if measuring {
            medians.push((name, interleaved(&runtime, &app, path, &constant, accept_language)));
        }
    }
    c.final_summary();
    if measuring {
        let table = |title: &str, rows: &[(&str, (f64, f64, f64))]| {
            println!(
                "\n{title:<22} {:>13} {:>12} {:>17} {:>5}",
                "localized ns", "constant ns", "throughput ratio", "goal"
            );
            for (name, (localized, constant, ratio)) in rows {
                println!("{name:<22} {localized:>13.0} {constant:>12.0} {ratio:>17.3} {:>5}", "0.95");
            }
        };
        table("oneshot (in process)", &medians);
        println!("(interleaved medians of {ROUNDS} rounds of {BATCH} requests; ratio = constant ns / localized ns)");
        let over_http = loopback(app);
        table("HTTP on 127.0.0.1", &over_http);
        println!("(medians of {HTTP_REQUESTS} single requests per route, in turn, on one keep-alive connection; TCP_NODELAY set)");
    }
}

const HTTP_REQUESTS: usize = 4000;

/// The pair of routes of every case over real HTTP on 127.0.0.1; the server stops with the process.
fn loopback(app: Router) -> Vec<(&'static str, (f64, f64, f64))> {
    let listener = std::net::TcpListener::bind(("127.0.0.1", 0)).expect("a free port");
    let address = listener.local_addr().expect("bound");
    listener.set_nonblocking(true).expect("non-blocking");
    std::thread::spawn(move || {
        let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().expect("a runtime");
        runtime.block_on(async move {
            let listener = tokio::net::TcpListener::from_std(listener).expect("a tokio listener");
            // As the service's main does: without it Nagle's algorithm delays answers written in parts.
            let listener = listener.tap_io(|stream| {
                let _ = stream.set_nodelay(true);
            });
            let _ = axum::serve(listener, app).await;
        })
    });
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into();
    let base = format!("http://{address}");
    let get = |path: &str, accept_language: &str| {
        let mut response =
            agent.get(&format!("{base}{path}")).header("Accept-Language", accept_language).call().expect("an answer");
        response.body_mut().read_to_vec().map(|b| b.len()).unwrap_or(0)
    };
    CASES
        .iter()
        .map(|&(name, path, _, accept_language)| {
            let constant = constant_path(name, path);
            assert_eq!(get(path, accept_language), get(&constant, accept_language), "{name}: bodies of one size");
            // One request at a time, the two routes in turn: batches swung 0.67-1.15 under load,
            // medians of single round trips hold still.
            let once = |p: &str| {
                let start = Instant::now();
                black_box(get(black_box(p), accept_language));
                start.elapsed().as_nanos() as f64
            };
            let (mut localized, mut constants) = (Vec::new(), Vec::new());
            for round in 0..HTTP_REQUESTS {
                if round % 2 == 0 {
                    localized.push(once(path));
                    constants.push(once(&constant));
                } else {
                    constants.push(once(&constant));
                    localized.push(once(path));
                }
            }
            let (localized, constants) = (median(localized), median(constants));
            (name, (localized, constants, constants / localized))
        })
        .collect()
}

const ROUNDS: usize = 41;
const BATCH: usize = 2000;

/// Median ns per request of each side and median of the per-round throughput ratios.
fn interleaved(
    runtime: &tokio::runtime::Runtime,
    app: &Router,
    path: &str,
    constant: &str,
    accept_language: &'static str,
) -> (f64, f64, f64) {
    let time = |p: &str| {
        let start = Instant::now();
        runtime.block_on(async {
            for _ in 0..BATCH {
                black_box(round_trip(app, black_box(p), accept_language).await);
            }
        });
        start.elapsed().as_nanos() as f64 / BATCH as f64
    };
    let (mut localized, mut constants, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..ROUNDS {
        let (l, k) = if round % 2 == 0 {
            let l = time(path);
            (l, time(constant))
        } else {
            let k = time(constant);
            (time(path), k)
        };
        localized.push(l);
        constants.push(k);
        ratios.push(k / l);
    }
    (median(localized), median(constants), median(ratios))
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}
