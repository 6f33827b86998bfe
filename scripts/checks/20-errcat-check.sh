# errcat's own translator gate on the shipped catalog: every lint, stale translations, glossary.
cargo run -q --locked -- check --locales locales
