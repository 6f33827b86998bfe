//! The orders service: errcat's example of a real service. Its error catalog (`locales/`: the
//! ORDERS codes in zh-CN, en-US and ja-JP) is compiled in by `build.rs` through errcat's generator,
//! so handlers name codes as typed [`errors::Message`]s, and every error is answered in the
//! request's language with the status, `Content-Language`, `Vary: Accept-Language`,
//! `Content-Type` and the body in the route's wire format:
//!
//! | prefix | body |
//! |---|---|
//! | (none) | the catalog's default (`[response]` of `locales/catalog.toml`: csbs) |
//! | `/csbs` | `{"error_code", "error_msg"}` |
//! | `/problem` | RFC 9457 `application/problem+json` |
//! | `/openstack` | `{"<fault>": {"code", "message"}}` |
//!
//! Routes under each prefix: `GET /orders/{id}` (order 1 exists; any other id is `ORDERS.0001`),
//! `GET /orders/{id}/invoice` (`ORDERS.0003`), `GET /cart/checkout?sold_out=N` (`ORDERS.0002`,
//! plural), `GET /cart/add?quantity=N` (`ORDERS.0006` outside 1..=99), `GET /payments`
//! (`ORDERS.0004`) and `GET /errors/{code}` (any code of the catalog by name, untyped; an unknown
//! one is a 500).

use axum::extract::{Path, Query, State};
use axum::routing::get;
use axum::{Json, Router};
use errcat::{AcceptLanguage, BodyFormat, ErrorResponse, LookupError};
use errors::Message;
use serde::{Deserialize, Serialize};

/// The ORDERS catalog, compiled in by `build.rs`: `catalog()`, `Code`, `Message`.
pub mod errors {
    errcat::include_catalog!();
}

/// The largest quantity of one item in a cart.
pub const MAX_QUANTITY: u32 = 99;

/// The service: every route under each format prefix, and at the root in the catalog's default.
pub fn app() -> Router {
    let default = errors::catalog().metadata().response.format;
    Router::new()
        .nest("/csbs", routes(BodyFormat::Csbs))
        .nest("/problem", routes(BodyFormat::Problem))
        .nest("/openstack", routes(BodyFormat::OpenStack))
        .merge(routes(default))
}

/// The routes, answering errors in `format`.
pub fn routes(format: BodyFormat) -> Router {
    Router::new()
        .route("/orders/{id}", get(order))
        .route("/orders/{id}/invoice", get(invoice))
        .route("/cart/checkout", get(checkout))
        .route("/cart/add", get(add))
        .route("/payments", get(payments))
        .route("/errors/{code}", get(by_code))
        .with_state(format)
}

/// An order.
#[derive(Serialize, Deserialize, Debug, PartialEq, Eq)]
pub struct Order {
    /// Its number.
    pub id: u32,
    /// What it is at.
    pub state: String,
}

async fn order(
    State(format): State<BodyFormat>,
    lang: AcceptLanguage,
    Path(id): Path<String>,
) -> Result<Json<Order>, ErrorResponse<'static>> {
    match id.parse::<u32>() {
        Ok(1) => Ok(Json(Order { id: 1, state: "paid".into() })),
        _ => Err(Message::Orders0001 { id: id.as_str().into() }.error_response(&lang).with_format(format)),
    }
}

async fn invoice(State(format): State<BodyFormat>, lang: AcceptLanguage) -> ErrorResponse<'static> {
    Message::Orders0003.error_response(&lang).with_format(format)
}

#[derive(Deserialize)]
struct Checkout {
    #[serde(default)]
    sold_out: u32,
}

async fn checkout(
    State(format): State<BodyFormat>,
    lang: AcceptLanguage,
    Query(query): Query<Checkout>,
) -> Result<&'static str, ErrorResponse<'static>> {
    match query.sold_out {
        0 => Ok("checked out"),
        count => Err(Message::Orders0002 { count: count.into() }.error_response(&lang).with_format(format)),
    }
}

#[derive(Deserialize)]
struct Add {
    quantity: Option<String>,
}

async fn add(
    State(format): State<BodyFormat>,
    lang: AcceptLanguage,
    Query(query): Query<Add>,
) -> Result<&'static str, ErrorResponse<'static>> {
    match query.quantity.as_deref().map(str::parse::<u32>) {
        Some(Ok(1..=MAX_QUANTITY)) => Ok("added"),
        _ => Err(Message::Orders0006 { max: MAX_QUANTITY.into() }.error_response(&lang).with_format(format)),
    }
}

async fn payments(State(format): State<BodyFormat>, lang: AcceptLanguage) -> ErrorResponse<'static> {
    Message::Orders0004.error_response(&lang).with_format(format)
}

/// Any code of the catalog by name: the untyped way, `Catalog::error_response(&str, ...)`.
async fn by_code(
    State(format): State<BodyFormat>,
    lang: AcceptLanguage,
    Path(code): Path<String>,
) -> Result<ErrorResponse<'static>, LookupError> {
    errors::catalog().error_response(&code, &lang).map(|r| r.with_format(format))
}
