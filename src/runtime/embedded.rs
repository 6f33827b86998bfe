//! The shipped catalog, compiled into the binary by `build.rs`.

use super::catalog::Catalog;
use super::load::{load, SourceFile, Sources};
use std::borrow::Cow;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

/// The files of the shipped catalog, as [`Sources`].
pub fn sources() -> Sources {
    Sources {
        root: None,
        metadata: Some(SourceFile { path: super::metadata::METADATA_FILE.into(), text: Cow::Borrowed(METADATA) }),
        files: FILES
            .iter()
            .map(|(path, text)| SourceFile { path: (*path).into(), text: Cow::Borrowed(text) })
            .collect(),
    }
}

/// The shipped catalog, loaded on first use.
pub(crate) fn catalog() -> &'static Catalog {
    static CATALOG: OnceLock<Catalog> = OnceLock::new();
    // The test suite loads the shipped catalog and requires it to be clean, so a
    // load failure here means a build from modified sources; an empty catalog
    // then makes every lookup an `UnknownCode` error instead of a panic.
    CATALOG.get_or_init(|| load(&sources()).unwrap_or_else(|_| Catalog::empty()))
}

impl Catalog {
    /// The shipped catalog, compiled into the binary.
    pub fn embedded() -> &'static Catalog {
        catalog()
    }
}
