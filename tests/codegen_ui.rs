//! User code compiled against a generated module (`tests/fixtures/codegen/orders.rs`): a misspelt
//! code, a missing variable and a misnamed variable do not compile; correct use compiles without
//! warnings (retired codes warn only where they are used).

#[test]
fn typed_codes_catch_mistakes_at_compile_time() {
    let t = trybuild::TestCases::new();
    t.pass("tests/ui/typed_use.rs");
    t.compile_fail("tests/ui/misspelt_code.rs");
    t.compile_fail("tests/ui/missing_variable.rs");
    t.compile_fail("tests/ui/misnamed_variable.rs");
}
