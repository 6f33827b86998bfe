# The ja-JP and ar pages of the intl fixture in a real headless Chromium (tools/check_locale_pages.js):
# lang and dir set (the Arabic page really laid out right to left), every language named in itself
# in the switch, no English label, no synthetic italics, variables as placeholders. Needs the Noto
# CJK and Arabic fonts (scripts/setup-tools). Screenshots stay in target/locale-pages/ to look at.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run --quiet --locked -- build --locales tests/fixtures/catalogs/intl --out "$tmp/intl"
node tools/check_locale_pages.js "$tmp/intl" target/locale-pages ja-JP ar
