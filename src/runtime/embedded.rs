//! The shipped catalog (`locales/`), compiled in by `errcat::codegen` as `shipped.rs`: no files
//! and no Fluent parsing at run time.

use super::catalog::Catalog;

/// The shipped catalog, built on first use.
pub(crate) fn catalog() -> &'static Catalog {
    super::shipped::catalog()
}

impl Catalog {
    /// The shipped catalog, compiled into the binary.
    pub fn embedded() -> &'static Catalog {
        catalog()
    }
}
