fn main() -> Result<(), errcat::codegen::Error> {
    errcat::codegen::compile_catalog("locales")
}
