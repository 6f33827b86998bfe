//! The committed generated modules are what `errcat::codegen` generates today: the shipped
//! catalog's (`src/runtime/shipped.rs`, from `locales/`, crate path `crate`) and the orders
//! fixture's (`tests/fixtures/codegen/orders.rs`, compiled by the codegen tests). After changing a
//! catalog or the generator, `ERRCAT_BLESS=1 cargo test --test codegen_shipped` rewrites them.

use errcat::codegen::Builder;
use std::path::Path;

/// The module doc of `src/runtime/shipped.rs`.
const MODULE_DOC: &str =
    "The shipped CSBS catalog (`locales/`), compiled in by `errcat::codegen` with crate path `crate`.\n\
\n\
Regenerate with `ERRCAT_BLESS=1 cargo test --test codegen_shipped` after changing `locales/`.";

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Fails with a diff and the command to refresh `committed` unless it is `generated`; rewrites it
/// when `ERRCAT_BLESS` is set.
fn assert_fresh(committed: &str, generated: &str) {
    let path = root().join(committed);
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    if old == generated {
        return;
    }
    if std::env::var_os("ERRCAT_BLESS").is_some() {
        std::fs::write(&path, generated).unwrap_or_else(|e| panic!("cannot write {committed}: {e}"));
        return;
    }
    let diff = similar::TextDiff::from_lines(old.as_str(), generated);
    panic!(
        "{committed} is not what errcat::codegen generates; refresh it with\n\n    \
         ERRCAT_BLESS=1 cargo test --test codegen_shipped\n\n{}",
        diff.unified_diff().context_radius(2).header(&format!("{committed} (committed)"), "generated")
    );
}

#[test]
fn the_shipped_module_is_generated_from_locales() {
    let generated = Builder::new()
        .crate_path("crate")
        .module_doc(MODULE_DOC)
        .cargo_instructions(false)
        .generate(root().join("locales"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_fresh("src/runtime/shipped.rs", &generated);
}

#[test]
fn the_orders_fixture_module_is_generated_from_its_catalog() {
    let generated = Builder::new()
        .cargo_instructions(false)
        .generate(root().join("tests/fixtures/codegen/orders"))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_fresh("tests/fixtures/codegen/orders.rs", &generated);
}
