# (and tools/check_links.py: every code links the same URLs in its Markdown row and its HTML article)
# errcat's Markdown in a doc site: mkdocs (default theme) builds the pages of both locales of a fresh
# build of the shipped catalog, and of tests/fixtures/catalogs/linkable (a Chinese family file name,
# a code with `_`), with --strict and anchor validation (mkdocs 1.6 `validation: anchors: warn`, so a
# link to a missing anchor fails the build). Another page links to codes and families; the check
# then finds each target id in the generated HTML. A link to a code that does not exist must fail
# the build, so the validation is known to be on.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run --quiet --locked -- build --out "$tmp/shipped"
cargo run --quiet --locked -- build --locales tests/fixtures/catalogs/linkable --out "$tmp/linkable"
site="$tmp/site"
mkdir -p "$site/docs/linkable"
for locale in zh-CN en-US; do
  mkdir -p "$site/docs/$locale"
  cp "$tmp/shipped/$locale/error-codes.md" "$site/docs/$locale/"
done
cp "$tmp/linkable/zh-CN/error-codes.md" "$site/docs/linkable/"
cat >"$site/mkdocs.yml" <<'YML'
site_name: errcat anchors
validation:
  anchors: warn
YML
# target page | anchor
links="en-US/error-codes.md CSBS.6024
zh-CN/error-codes.md CSBS.3000
en-US/error-codes.md family-policy
zh-CN/error-codes.md family-policy
linkable/error-codes.md LINK.card_declined
linkable/error-codes.md family-~8d26~~6237~"
{
  echo "# Links into the error-code pages"
  echo
  while read -r page anchor; do echo "- [$anchor]($page#$anchor)"; done <<<"$links"
} >"$site/docs/index.md"
(cd "$site" && mkdocs build --strict)
while read -r page anchor; do
  html="$site/site/${page%.md}/index.html"
  grep -qF "id=\"$anchor\"" "$html" || { echo "FAIL: no id=\"$anchor\" in $html"; exit 1; }
  grep -qF "href=\"${page%.md}/#$anchor\"" "$site/site/index.html" \
    || { echo "FAIL: index.html does not link ${page%.md}/#$anchor"; exit 1; }
  echo "ok: index.md -> $page#$anchor resolves"
done <<<"$links"

# The validation is on: a link to an anchor that does not exist fails --strict.
echo "- [missing](en-US/error-codes.md#CSBS.0000)" >>"$site/docs/index.md"
if (cd "$site" && mkdocs build --strict) 2>"$tmp/missing.log"; then
  echo "FAIL: mkdocs --strict accepted a link to a missing anchor"
  exit 1
fi
grep -q "does not contain an anchor '#CSBS.0000'" "$tmp/missing.log"
echo "ok: a link to a missing anchor fails mkdocs build --strict"

# The same links in both pages: GitHub's autolinks (cmark-gfm) in the Markdown, <a href> in the HTML.
python tools/check_links.py "$tmp/shipped"
python tools/check_links.py "$tmp/linkable"
