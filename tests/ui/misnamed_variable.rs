#[allow(dead_code, deprecated)]
mod orders {
    include!("../fixtures/codegen/orders.rs");
}

fn main() {
    let _ = orders::Message::Orders0002 { max_item: 3.into() }.localize("en-US");
}
