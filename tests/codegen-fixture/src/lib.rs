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
    #[test]
    fn typed_messages() {
        assert_eq!(super::cart_full(3), "A cart holds at most 3 items.");
        assert_eq!(super::Code::parse("ORDERS.0001"), Some(super::Code::Orders0001));
    }
}
