//! A service's error module, generated from `locales/` by its build.rs.

#![deny(warnings)]

mod errors {
    errcat::include_catalog!();
}

pub use errors::{catalog, Code, Message};

/// The English text of ORDERS.0002 for `max` items.
pub fn cart_full(max: usize) -> String {
    Message::Orders0002 { max_items: max.into() }.localize("en-US").message.into_owned()
}

#[cfg(test)]
mod tests {
    use super::{Code, Message};

    #[test]
    fn typed_messages() {
        assert_eq!(super::cart_full(3), "A cart holds at most 3 items.");
        assert_eq!(Code::parse("ORDERS.0001"), Some(Code::Orders0001));
        let owned = String::from("tomorrow");
        let message = Message::Orders0003 { count: 3u32.into(), deadline: owned.into() };
        assert_eq!(message.code(), Code::Orders0003);
        assert_eq!(message.localize("en-US").message, "3 orders are unpaid.");
        assert_eq!(Code::PayType.as_str(), "PAY.type");
        let response = Message::PayType { r#type: "cash".into() }.error_response("zh-CN");
        assert_eq!(response.content_language, "zh-CN");
    }
}
