#![deny(warnings)]

#[allow(dead_code)]
mod orders {
    include!("../fixtures/codegen/orders.rs");
}

use orders::{Code, Message};

fn main() {
    let count = 3u32;
    let owned = String::from("tomorrow");
    let message = Message::Orders0003 { count: count.into(), deadline: owned.into() };
    assert_eq!(message.code(), Code::Orders0003);
    assert_eq!(message.localize("en-US").message, "3 orders are unpaid.");
    assert_eq!(Code::PayType.as_str(), "PAY.type");
    let _ = Message::PayType { r#type: "cash".into() }.error_response("zh-CN");
}
