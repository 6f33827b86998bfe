//! `cargo build` of a service whose build.rs calls `errcat::codegen::compile_catalog`
//! (`tests/codegen-fixture/`, copied to a temporary directory with a catalog of
//! `tests/fixtures/codegen/` as its `locales/`): a good catalog builds and its tests pass; a broken
//! `.ftl` file and locales that disagree on variables fail the build with `path:line:column`.
//! The copies share one target directory, `target/codegen-fixture`, so errcat is compiled once.

use std::path::{Path, PathBuf};
use std::process::Command;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("readable").flatten() {
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy");
        }
    }
}

/// A copy of the fixture crate with the catalog `catalog` as its `locales/`.
fn service(catalog: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixture = root().join("tests/codegen-fixture");
    copy_dir(&fixture.join("src"), &dir.path().join("src"));
    std::fs::copy(fixture.join("build.rs"), dir.path().join("build.rs")).expect("copy");
    let manifest = std::fs::read_to_string(fixture.join("Cargo.toml")).expect("readable");
    let errcat = format!("path = {:?}", root().display().to_string());
    std::fs::write(dir.path().join("Cargo.toml"), manifest.replace("path = \"../..\"", &errcat)).expect("write");
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
