//! One rule for finding the catalog, the same in every subcommand: `--locales DIR`; else `./locales`
//! when it holds `catalog.toml`; else, for the commands that only read, the built-in catalog. Every
//! command says on stderr which catalog it used.

mod common;

use common::copy_dir;
use std::path::Path;
use std::process::{Command, Output};

fn errcat_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_errcat")).args(args).current_dir(dir).output().expect("errcat runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A project directory whose `./locales` holds the SHOP catalog (not the shipped one).
fn shop_project() -> tempfile::TempDir {
    let project = tempfile::tempdir().unwrap();
    copy_dir(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/catalogs/shop"),
        &project.path().join("locales"),
    );
    project
}

#[test]
fn every_reading_command_uses_the_project_catalog_over_the_built_in_one() {
    let project = shop_project();
    let out = errcat_in(project.path(), &["localize", "SHOP.404", "--lang", "fr"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout), "SHOP.404 (HTTP 404, fr-FR): Le panier n’existe pas ou a expiré.\n");
    assert!(text(&out.stderr).contains("errcat: catalog SHOP from locales (2 codes)"), "{}", text(&out.stderr));

    let out = errcat_in(project.path(), &["localize", "CSBS.0001"]);
    assert_eq!(out.status.code(), Some(1), "the shipped catalog is not consulted: {}", text(&out.stdout));

    let out = errcat_in(project.path(), &["list"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("SHOP.400") && !text(&out.stdout).contains("CSBS."), "{}", text(&out.stdout));

    let out = errcat_in(project.path(), &["build"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("errcat: catalog SHOP from locales"), "{}", text(&out.stderr));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(project.path().join("out/catalog.json")).unwrap()).unwrap();
    assert_eq!(json["catalog"], "SHOP");

    for command in ["check", "stats"] {
        let out = errcat_in(project.path(), &[command]);
        assert_eq!(out.status.code(), Some(0), "{command}: {}", text(&out.stderr));
        assert!(text(&out.stderr).contains("errcat: catalog in locales"), "{command}: {}", text(&out.stderr));
    }
}

#[test]
fn without_a_project_catalog_reading_commands_use_the_built_in_one_and_file_commands_refuse() {
    let empty = tempfile::tempdir().unwrap();
    let out = errcat_in(empty.path(), &["localize", "CSBS.0001", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("errcat: built-in catalog CSBS (70 codes)"), "{}", text(&out.stderr));

    for args in [&["check"][..], &["stats"], &["review", "--lang", "en-US"]] {
        let out = errcat_in(empty.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains("no catalog found"), "{args:?}: {}", text(&out.stderr));
    }
    assert!(std::fs::read_dir(empty.path()).unwrap().next().is_none(), "nothing was written");
}

#[test]
fn a_locales_directory_without_catalog_toml_is_not_a_catalog() {
    let project = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(project.path().join("locales/en-US")).unwrap();
    std::fs::write(project.path().join("locales/en-US/app.ftl"), "welcome = Hello\n").unwrap();
    let out = errcat_in(project.path(), &["localize", "CSBS.0001"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("built-in catalog"), "{}", text(&out.stderr));
    let out = errcat_in(project.path(), &["check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("locales/catalog.toml does not exist"), "{}", text(&out.stderr));
}

#[test]
fn an_explicit_directory_wins_and_a_missing_one_is_an_error() {
    let project = shop_project();
    let shipped = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
    let out = errcat_in(project.path(), &["localize", "CSBS.0001", "--locales", shipped.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("errcat: catalog CSBS from"), "{}", text(&out.stderr));
    let out = errcat_in(project.path(), &["localize", "SHOP.404", "--locales", "no-such-dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("no-such-dir: not a directory"), "{}", text(&out.stderr));
}
