# The HTML pages in a real headless Chromium (/usr/bin/chromium, driven by playwright-core):
# search narrows the rows as you type, deep links land on their row, the language switch keeps
# the code, the page works without JavaScript and on a phone. Shipped catalog and hostile fixture.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run --quiet --locked -- build --out "$tmp/shipped"
node tools/check_html.js "$tmp/shipped"
node tools/check_html.js tests/fixtures/render/out
