//! The orders service as a real process on 127.0.0.1, asked over real HTTP (ureq): the status,
//! `Content-Language`, `Vary`, `Content-Type` and body of its errors in each wire format, for the
//! Accept-Language values clients send.

use serde_json::{json, Value};
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::Duration;

/// The running service; killed when dropped.
struct Service {
    child: Child,
    base: String,
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Service {
    let mut child = Command::new(env!("CARGO_BIN_EXE_orders-service"))
        .arg("0")
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("the service starts");
    let stdout = child.stdout.take().expect("piped stdout");
    let (send, receive) = mpsc::channel();
    std::thread::spawn(move || {
        let mut line = String::new();
        let _ = BufReader::new(stdout).read_line(&mut line);
        let _ = send.send(line);
    });
    let mut service = Service { child, base: String::new() };
    let line = receive.recv_timeout(Duration::from_secs(30)).expect("the service prints its address");
    let base = line.trim().strip_prefix("listening on ").unwrap_or_else(|| panic!("unexpected first line {line:?}"));
    assert!(base.starts_with("http://127.0.0.1:"), "{base}");
    service.base = base.to_string();
    service
}

fn agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(10)))
        .build()
        .into()
}

struct Answer {
    status: u16,
    content_language: Option<String>,
    vary: Option<String>,
    content_type: Option<String>,
    body: String,
}

fn get(agent: &ureq::Agent, url: &str, accept_language: Option<&str>) -> Answer {
    let mut request = agent.get(url);
    if let Some(value) = accept_language {
        request = request.header("Accept-Language", value);
    }
    let mut response = request.call().unwrap_or_else(|e| panic!("GET {url}: {e}"));
    let header = |name: &str| response.headers().get(name).map(|v| v.to_str().expect("ASCII header").to_string());
    let (content_language, vary, content_type) = (header("content-language"), header("vary"), header("content-type"));
    Answer {
        status: response.status().as_u16(),
        content_language,
        vary,
        content_type,
        body: response.body_mut().read_to_string().expect("a UTF-8 body"),
    }
}

/// (Accept-Language, the locale that answers, ORDERS.0001's message for order 42, its suggestion)
const LANGUAGES: [(Option<&str>, &str, &str, &str); 5] = [
    (Some("ja"), "ja-JP", "注文 42 は存在しません。", "注文番号を確認してから、もう一度お試しください。"),
    (Some("zh-Hans-CN"), "zh-CN", "订单 42 不存在。", "请检查订单号后重试。"),
    (Some("en-GB;q=0.8"), "en-US", "Order 42 does not exist.", "Check the order number and try again."),
    (Some("@@ garbage ;q=x, ,;"), "en-US", "Order 42 does not exist.", "Check the order number and try again."),
    (None, "en-US", "Order 42 does not exist.", "Check the order number and try again."),
];

#[test]
fn errors_in_every_format_and_language() {
    let service = start();
    let agent = agent();
    for (prefix, content_type) in [
        ("", "application/json"),
        ("/csbs", "application/json"),
        ("/problem", "application/problem+json"),
        ("/openstack", "application/json"),
    ] {
        for (accept_language, locale, message, suggestion) in LANGUAGES {
            let url = format!("{}{prefix}/orders/42", service.base);
            let answer = get(&agent, &url, accept_language);
            let case = format!("{url} {accept_language:?}");
            assert_eq!(answer.status, 404, "{case}");
            assert_eq!(answer.content_language.as_deref(), Some(locale), "{case}");
            assert_eq!(answer.vary.as_deref(), Some("Accept-Language"), "{case}");
            assert_eq!(answer.content_type.as_deref(), Some(content_type), "{case}");
            let expected = match prefix {
                "" | "/csbs" => json!({"error_code": "ORDERS.0001", "error_msg": message}),
                "/problem" => json!({
                    "type": format!("https://docs.example.com/orders/errors/{locale}/#ORDERS.0001"),
                    "title": message,
                    "status": 404,
                    "detail": suggestion,
                    "code": "ORDERS.0001",
                }),
                _ => json!({"itemNotFound": {"code": 404, "message": message}}),
            };
            let body: Value =
                serde_json::from_str(&answer.body).unwrap_or_else(|e| panic!("{case}: {e}: {}", answer.body));
            assert_eq!(body, expected, "{case}");
        }
    }
    // Members in a fixed order, on the wire.
    let answer = get(&agent, &format!("{}/problem/orders/42", service.base), Some("ja"));
    assert_eq!(
        answer.body,
        r#"{"type":"https://docs.example.com/orders/errors/ja-JP/#ORDERS.0001","title":"注文 42 は存在しません。","status":404,"detail":"注文番号を確認してから、もう一度お試しください。","code":"ORDERS.0001"}"#
    );
}

#[test]
fn plurals_variables_statuses_and_untyped_codes() {
    let service = start();
    let agent = agent();
    let body = |path: &str, lang: &str| {
        let answer = get(&agent, &format!("{}{path}", service.base), Some(lang));
        (answer.status, serde_json::from_str::<Value>(&answer.body).unwrap_or(Value::String(answer.body)))
    };
    // Plural: English has one/other, Chinese and Japanese only other.
    let (status, one) = body("/openstack/cart/checkout?sold_out=1", "en");
    assert_eq!(
        (status, one),
        (409, json!({"conflictingRequest": {"code": 409, "message": "One item in your cart is sold out."}}))
    );
    let (_, three) = body("/openstack/cart/checkout?sold_out=3", "en-US");
    assert_eq!(three["conflictingRequest"]["message"], "3 items in your cart are sold out.");
    let (_, ja) = body("/csbs/cart/checkout?sold_out=3", "ja-JP");
    assert_eq!(ja, json!({"error_code": "ORDERS.0002", "error_msg": "カートの商品 3 点が売り切れです。"}));
    let (_, zh) = body("/problem/cart/checkout?sold_out=1", "zh");
    assert_eq!(zh["title"], "购物车中有 1 件商品已售罄。");
    assert_eq!(zh["detail"], "请移除已售罄的商品后重新下单。");
    // A variable that is a number; statuses and their fault names.
    let (status, quantity) = body("/problem/cart/add?quantity=500", "en");
    assert_eq!((status, &quantity["title"]), (400, &json!("The quantity must be a whole number from 1 to 99.")));
    assert_eq!(quantity["detail"], quantity["title"], "no suggestion: the message is the detail");
    assert_eq!(body("/openstack/orders/1/invoice", "en").1["forbidden"]["code"], 403);
    assert_eq!(
        body("/openstack/payments", "ja").1["serviceUnavailable"]["message"],
        "決済サービスは一時的に利用できません。"
    );
    // Any code by name (untyped), and an unknown one: a 500 of the service, in plain text.
    let (status, by_name) = body("/openstack/errors/ORDERS.0005", "zh-CN");
    assert_eq!((status, by_name), (500, json!({"computeFault": {"code": 500, "message": "系统内部错误。"}})));
    let answer = get(&agent, &format!("{}/errors/NOPE.1", service.base), None);
    assert_eq!((answer.status, answer.body.as_str()), (500, "internal error: unknown error code `NOPE.1`"));
    // What works still works.
    let answer = get(&agent, &format!("{}/orders/1", service.base), Some("ja"));
    assert_eq!((answer.status, answer.body.as_str()), (200, r#"{"id":1,"state":"paid"}"#));
    assert_eq!(body("/cart/checkout", "en"), (200, Value::String("checked out".into())));
}

#[test]
fn a_bad_port_is_a_usage_error() {
    let out = Command::new(env!("CARGO_BIN_EXE_orders-service")).arg("http").output().expect("runs");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("the port must be a number"), "{out:?}");
}
