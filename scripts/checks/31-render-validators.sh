# errcat build's outputs, for the shipped catalog and the hostile fixture (tests/fixtures/render),
# read by third-party tools: openapi-spec-validator and redocly lint (OpenAPI 3.1), cmark-gfm (GFM
# Markdown: every code exactly once, cells intact) and jsonschema (catalog.json against its schema).
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run --quiet --locked -- build --out "$tmp/shipped"
fixture=tests/fixtures/render
cargo run --quiet --locked -- build --locales "$fixture/catalog" --templates "$fixture/templates" --out "$tmp/fixture"
# The fixture with a docs_url and each other default body ([response]): per-status schemas, responses
# and examples follow it.
for variant in problem openstack csbs-doc_url; do
  mkdir -p "$tmp/catalog-$variant"
  cp -r "$fixture/catalog/." "$tmp/catalog-$variant/"
  {
    echo 'docs_url = "https://docs.example.com/errors/{locale}/#{code}"'
    cat "$fixture/catalog/catalog.toml"
    printf '\n[response]\nformat = "%s"\n' "${variant%-doc_url}"
    [ "$variant" = "${variant%-doc_url}" ] || echo 'doc_url = true'
  } >"$tmp/catalog-$variant/catalog.toml"
  cargo run --quiet --locked -- build --locales "$tmp/catalog-$variant" --templates "$fixture/templates" \
    --out "$tmp/fixture-$variant"
done
for out in "$tmp/shipped" "$tmp/fixture" "$tmp/fixture-problem" "$tmp/fixture-openstack" "$tmp/fixture-csbs-doc_url"; do
  echo "--- $out"
  openapi-spec-validator "$out/openapi.json" "$out"/*/openapi.json
  (cd tools && redocly lint --config redocly.yaml --format=summary "$out/openapi.json" "$out"/*/openapi.json 2>&1 \
    | grep -Ev '^ *[╔║╚]')
  python tools/check_markdown.py "$out"
  python - "$out" <<'PY'
import json, sys, jsonschema
out = sys.argv[1]
schema = json.load(open(f"{out}/catalog.schema.json", encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.Draft202012Validator(schema).validate(json.load(open(f"{out}/catalog.json", encoding="utf-8")))
print(f"{out}/catalog.json: valid against catalog.schema.json")
PY
done
