//! `cargo build` of a service whose build.rs calls `errcat::codegen::compile_catalog`
//! (`tests/codegen-fixture/`, copied to a temporary directory with a catalog of
//! `tests/fixtures/codegen/` as its `locales/`): a good catalog builds and its tests pass; a broken
//! `.ftl` file and locales that disagree on variables fail the build with `path:line:column`.
//! User code with a misspelt code, a missing or a misnamed variable does not compile against the
//! generated module. The copies share one target directory, `target/codegen-fixture`, so errcat is
//! compiled once, with only the runtime's dependencies.

mod common;

use common::copy_dir;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// A copy of the fixture crate with the catalog `catalog` as its `locales/`.
fn service(catalog: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = root().join("tests/codegen-fixture");
    copy_dir(&fixture.join("src"), &dir.path().join("src"));
    std::fs::copy(fixture.join("build.rs"), dir.path().join("build.rs")).expect("copy");
    let manifest = std::fs::read_to_string(fixture.join("Cargo.toml")).expect("readable");
    let errcat = format!("path = {:?}", root().display().to_string());
    // A package name of its own: cargo keys a path package's build state by name and relative path, not
    // by its directory, so two copies named alike would share one fingerprint in the shared target dir
    // and a copy could be taken as built from the other's sources.
    static COPIES: AtomicUsize = AtomicUsize::new(0);
    let name = format!("errcat-codegen-fixture-{catalog}-{}", COPIES.fetch_add(1, Ordering::Relaxed));
    let manifest =
        manifest.replace("path = \"../..\"", &errcat).replace("\"errcat-codegen-fixture\"", &format!("{name:?}"));
    std::fs::write(dir.path().join("Cargo.toml"), manifest).expect("write");
    std::fs::copy(root().join("Cargo.lock"), dir.path().join("Cargo.lock")).expect("copy the lock file");
    copy_dir(&root().join("tests/fixtures/codegen").join(catalog), &dir.path().join("locales"));
    dir
}

fn cargo(dir: &Path, command: &str) -> (bool, String) {
    let target: PathBuf = root().join("target/codegen-fixture");
    let output = Command::new(std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into()))
        .args([command, "--offline", "--quiet"])
        .current_dir(dir)
        .env("CARGO_TARGET_DIR", target)
        .env_remove("RUSTFLAGS")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .expect("cargo runs");
    (output.status.success(), String::from_utf8_lossy(&output.stderr).into_owned())
}

#[test]
fn services_build_from_good_catalogs_and_fail_with_places_on_bad_ones() {
    let good = service("orders");
    let (ok, stderr) = cargo(good.path(), "test");
    assert!(ok, "the orders service builds and its tests pass:\n{stderr}");

    let broken = service("broken-syntax");
    let (ok, stderr) = cargo(broken.path(), "build");
    assert!(!ok, "a syntax error fails the build");
    assert!(stderr.contains("locales/en-US/bad.ftl:2:10: error[syntax]"), "{stderr}");
    assert!(stderr.contains("errcat::codegen: the catalog has"), "{stderr}");

    let disagree = service("variables-disagree");
    let (ok, stderr) = cargo(disagree.path(), "build");
    assert!(!ok, "variables that differ between locales fail the build");
    assert!(
        stderr.contains("locales/en-US/quota.ftl:3:1: error[variable-mismatch]: VAR.0001 (en-US): uses $max"),
        "{stderr}"
    );
    assert!(stderr.contains("zh-CN at locales/zh-CN/quota.ftl:1:1 uses $limit"), "{stderr}");
}

#[test]
fn typed_codes_catch_mistakes_at_compile_time() {
    let cases = [
        ("a misspelt code", "Message::Orders0010", "no variant or associated item named `Orders0010`"),
        ("a missing variable", "Message::Orders0003 { count: 2.into() }", "missing field `deadline`"),
        ("a misnamed variable", "Message::Orders0002 { max_item: 3.into() }", "has no field named `max_item`"),
    ];
    for (what, message, expected) in cases {
        let service = service("orders");
        let lib = service.path().join("src/lib.rs");
        let mut text = std::fs::read_to_string(&lib).expect("readable");
        text.push_str(&format!(
            "\npub fn mistake() -> String {{\n    {message}.localize(\"en-US\").message.into_owned()\n}}\n"
        ));
        std::fs::write(&lib, text).expect("write");
        let (ok, stderr) = cargo(service.path(), "build");
        assert!(!ok, "{what} compiles");
        assert!(stderr.contains(expected), "{what}: rustc says\n{stderr}");
        assert!(stderr.contains("src/lib.rs"), "{what}: the error points at the user's code:\n{stderr}");
    }
}
