//! Compiles `locales/` (the ORDERS catalog) into typed codes: `src/lib.rs` includes the module with
//! `errcat::include_catalog!()`. A catalog problem fails the build with its `path:line:column`.

fn main() -> Result<(), errcat::codegen::Error> {
    errcat::codegen::compile_catalog("locales")
}
