#[allow(dead_code, deprecated)]
mod orders {
    include!("../fixtures/codegen/orders.rs");
}

fn main() {
    let _ = orders::Message::Orders0010.localize("en-US");
}
