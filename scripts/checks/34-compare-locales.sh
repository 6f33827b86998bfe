# Mozilla's compare-locales (PyPI) with the usual l10n.toml (reference `<catalog>/<source>/**`,
# l10n `<catalog>/{locale}/**`), as a translation platform would configure it, on the shipped
# catalog and on the intl fixture: no obsolete or missing file, no error, no warning. Controls:
# a review records file planted in a locale folder is reported as obsolete (so the check would
# catch one), and a plural without a category of its locale is warned about by compare-locales
# and by `errcat check` alike.
set -euo pipefail
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo build --quiet --locked
errcat=target/debug/errcat

# Writes $3, the l10n.toml of the catalog $1 (a directory under the base directory $2): the source
# locale (from catalog.toml) is the reference, every other folder holding .ftl files a locale.
l10n_toml() {
  python - "$1" "$2" "$3" <<'PY'
import pathlib, sys, tomllib
catalog, base, out = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]).resolve(), sys.argv[3]
source = tomllib.loads((catalog / "catalog.toml").read_text())["source_locale"]
locales = sorted(d.name for d in catalog.iterdir() if d.is_dir() and d.name != source and any(d.glob("*.ftl")))
relative = catalog.resolve().relative_to(base)
pathlib.Path(out).write_text(
    f'basepath = "{base}"\n'
    f"locales = {locales!r}\n".replace("'", '"')
    + "\n[[paths]]\n"
    f'    reference = "{relative}/{source}/**"\n'
    f'    l10n = "{relative}/{{locale}}/**"\n'
)
print(f"{relative}: reference {source}, locales {', '.join(locales)}")
PY
}

# Runs compare-locales with the l10n.toml $1 and judges its JSON report: exit 1 on any obsolete or
# missing file, error or warning, each listed.
compare() {
  compare-locales --json "$tmp/report.json" "$1" "$tmp" >/dev/null
  python - "$tmp/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))[0]
problems = []
# details nests directories as {dir: {file: [findings]}} when several files share one.
def walk(tree, prefix):
    for path, value in sorted(tree.items()):
        full = f"{prefix}/{path}" if prefix else path
        if isinstance(value, dict):
            walk(value, full)
            continue
        for finding in value:
            for kind, what in finding.items():
                problems.append(f"{full}: {kind}: {what}")
walk(report["details"], "")
for locale, summary in sorted(report["summary"].items()):
    counts = {k: summary.get(k, 0) for k in ("missing", "obsolete", "errors", "warnings")}
    print(f"  {locale}: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    problems += [f"{locale}: {v} {k}" for k, v in counts.items() if v]
for problem in problems:
    print(f"  PROBLEM {problem}")
sys.exit(1 if problems else 0)
PY
}

echo "== the shipped catalog and the intl fixture: clean"
l10n_toml locales . "$tmp/shipped.toml"
compare "$tmp/shipped.toml"
l10n_toml tests/fixtures/catalogs/intl . "$tmp/intl.toml"
compare "$tmp/intl.toml"

echo "== control: review records planted in a locale folder are an obsolete file"
mkdir -p "$tmp/planted"
cp -r locales "$tmp/planted/"
cp locales/reviews/en-US.toml "$tmp/planted/locales/en-US/reviewed.toml"
l10n_toml "$tmp/planted/locales" "$tmp/planted" "$tmp/planted.toml"
if compare "$tmp/planted.toml" | tee "$tmp/planted.out"; then
  echo "FAIL: compare-locales accepted a reviewed.toml inside a locale folder"
  exit 1
fi
grep -q "locales/en-US/reviewed.toml: obsoleteFile" "$tmp/planted.out" || {
  echo "FAIL: the planted file is not the one reported"
  exit 1
}
# check exits 1 here (the planted file is an error); its report is read whole, then searched.
"$errcat" check --locales "$tmp/planted/locales" >"$tmp/planted.check" 2>&1 || true
grep -q "error\[misplaced-review\]" "$tmp/planted.check"
echo "  errcat check reports it too (misplaced-review)"

echo "== control: a ru-RU plural without [few] is warned about by compare-locales and errcat check"
mkdir -p "$tmp/plural"
cp -r tests/fixtures/catalogs/intl "$tmp/plural/"
sed -i '/\[few\] Одновременно/d' "$tmp/plural/intl/ru-RU/lockers.ftl"
l10n_toml "$tmp/plural/intl" "$tmp/plural" "$tmp/plural.toml"
if compare "$tmp/plural.toml" | tee "$tmp/plural.out"; then
  echo "FAIL: compare-locales did not warn about the missing plural category"
  exit 1
fi
grep -q "Plural categories missing: few" "$tmp/plural.out"
"$errcat" check --locales "$tmp/plural/intl" >"$tmp/plural.check" 2>&1
grep -q "warning\[missing-plural-category\]: INTL.0001 (ru-RU)" "$tmp/plural.check"
echo "  errcat check: missing-plural-category for INTL.0001 (ru-RU) as well"
echo "compare-locales: OK"
