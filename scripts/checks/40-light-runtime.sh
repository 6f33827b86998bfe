# A service that depends on errcat with `default-features = false` gets the runtime only: none of the
# tooling's crates, at most 40 crates in its normal dependency tree, and it builds and answers.
set -euo pipefail
ROOT=$PWD
crate=$(mktemp -d)
trap 'rm -rf "$crate"' EXIT
mkdir -p "$crate/src"
cat >"$crate/Cargo.toml" <<TOML
[package]
name = "errcat-light-probe"
version = "0.0.0"
edition = "2021"
publish = false

[dependencies]
errcat = { path = "$ROOT", default-features = false }

[workspace]
TOML
cat >"$crate/src/main.rs" <<'RS'
fn main() {
    let response = errcat::error_response("CSBS.3000", "zh-CN,zh;q=0.9").expect("a shipped code");
    assert_eq!((response.status, response.content_language), (404, "zh-CN"));
    println!("{} {}", response.body.error_code, response.body.error_msg);
}
RS
# The runtime's versions as errcat's own lock file pins them.
cp Cargo.lock "$crate/Cargo.lock"
export CARGO_TARGET_DIR="$ROOT/target/light-probe"
tree=$(cd "$crate" && cargo tree -e normal --prefix none)
crates=$(printf '%s\n' "$tree" | sed 's/ (.*//' | sort -u | grep -v '^errcat-light-probe ')
count=$(printf '%s\n' "$crates" | wc -l)
echo "runtime dependency tree: $count crates (errcat included)"
for heavy in clap tera pulldown-cmark similar sha2; do
  if printf '%s\n' "$crates" | grep -q "^$heavy v"; then
    echo "FAIL: the runtime pulls in $heavy"
    exit 1
  fi
done
[ "$count" -le 40 ] || { echo "FAIL: $count crates > 40"; printf '%s\n' "$crates"; exit 1; }
start=$(date +%s)
(cd "$crate" && cargo build --quiet --release)
echo "clean release build of the probe: $(($(date +%s) - start)) s, binary $(stat -c %s "$CARGO_TARGET_DIR/release/errcat-light-probe") bytes"
"$CARGO_TARGET_DIR/release/errcat-light-probe"
# The library itself builds and documents without the tooling.
cargo check --quiet --locked --no-default-features --lib
