# The Fluent source catalog.json carries for every text formats to exactly errcat's strings with
# Python's fluent.runtime and JS's @fluent/bundle, same arguments (plural counts 0, 1, 2, 3, 5, 11,
# 21, 100 and every string selector key): the shipped catalog, the intl fixture (six locales,
# plurals, selectors, terms), the display fixture (nested selectors, message references, term
# attributes and arguments) and the render fixture (escapes, multi-line text, braces).
# Bidi isolation marks (FSI/PDI) are off everywhere: errcat formats without them.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo build --quiet --locked
errcat=target/debug/errcat
status=0
for catalog in locales tests/fixtures/catalogs/intl tests/fixtures/catalogs/display tests/fixtures/render/catalog; do
  out="$tmp/$(echo "$catalog" | tr / _)"
  "$errcat" build --locales "$catalog" --out "$out" >/dev/null 2>&1
  python3 tools/fluent_parity.py "$errcat" "$catalog" "$out" || status=1
done
exit $status
