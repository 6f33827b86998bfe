# `errcat import` of the seed page into an empty catalog, then Mozilla's reference Fluent parser
# (fluent.syntax) on what it wrote, and Python's TOML parser on the generated catalog.toml and the
# review records: the importer's and reviewer's output is valid for third-party tools too.
set -euo pipefail
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
cargo run -q --locked -- import tests/fixtures/seed-csbs-zh-CN.html.txt --lang zh-CN --locales "$out/catalog" >/dev/null
python tools/check_ftl.py "$out/catalog"
# Braces, a multi-line cell and printf placeholders: the escapes the importer writes.
cargo run -q --locked -- import tests/fixtures/import/quota.md --lang zh-CN --locales "$out/markdown" >/dev/null
python tools/check_ftl.py "$out/markdown"
python - "$out/catalog/catalog.toml" locales/reviews/en-US.toml <<'PY'
import sys, tomllib
for path in sys.argv[1:]:
    with open(path, "rb") as f:
        data = tomllib.load(f)
    print(f"tomllib: {path}: {len(data)} top-level keys")
PY
