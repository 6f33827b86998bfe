//! The runtime: what a service links to answer failed requests. It reads catalogs (from files or
//! compiled in), negotiates languages and builds error bodies, and depends on nothing of the tooling
//! (renderers, checks, importers, CLI), which sits above it behind Cargo features.
//!
//! Layers, each using only those before it: `code`, `hygiene`, `diagnostic`, `keys`, `pattern` and
//! `wire` (the vocabulary); `metadata` (`catalog.toml`); `model` (entries and texts); `index` and
//! `negotiate` (lookup structures); `catalog` (the `Catalog` and its lookups); `response` (bodies);
//! `web` (HTTP, feature `http`); `load` (files to a catalog); `compiled` (static data to a catalog:
//! what generated modules hold); `shipped` (the module generated for the shipped catalog) and
//! `embedded` (its entry points).
//! Public items are re-exported at the crate root; the module paths are not part of the API.

pub(crate) mod catalog;
pub(crate) mod code;
pub mod compiled;
pub(crate) mod diagnostic;
pub(crate) mod embedded;
pub mod hygiene;
pub(crate) mod index;
pub(crate) mod keys;
pub(crate) mod load;
pub(crate) mod metadata;
pub(crate) mod model;
pub mod negotiate;
pub(crate) mod pattern;
pub(crate) mod response;
#[cfg(feature = "http")]
pub(crate) mod web;
pub(crate) mod wire;
#[rustfmt::skip]
pub(crate) mod shipped;
