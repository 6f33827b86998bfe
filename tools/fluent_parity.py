"""Formats the Fluent source of every text of an errcat catalog.json with Python's fluent.runtime
and JS's @fluent/bundle (tools/fluent_parity.js), with the same arguments, and compares both with
the strings errcat itself gives (`errcat localize --json --body problem`). A `.description`
attribute, which the API body does not carry, is formatted by both and compared between them and,
when it reads no variable, with its display form in catalog.json (then the text itself).

Usage: python3 tools/fluent_parity.py ERRCAT CATALOG_DIR OUT_DIR

OUT_DIR is `errcat build --out` of CATALOG_DIR. Arguments: every variable of a text gets each
count of COUNTS (plural selection); then every variable that NUMBER() does not read gets each
variant key of the message that is not a plural category (string selectors), the others 3.
A value is a number when it reads as one, else text (errcat's `--arg` rule). Bidi isolation (FSI/PDI around placeables) is off on all three sides: errcat formats
without it, so consumers who want errcat's strings turn it off (useIsolating: false /
use_isolating=False). Exit 1 on any mismatch.
"""
import json
import re
import subprocess
import sys

from fluent.runtime import FluentBundle, FluentResource

COUNTS = [0, 1, 2, 3, 5, 11, 21, 100]
CATEGORIES = {"zero", "one", "two", "few", "many", "other"}


def value(text):
    return int(text) if re.fullmatch(r"-?[0-9]+", text) else text


def cases(entry):
    """The argument sets for one locale's texts of a code."""
    names = sorted(
        set(entry["message"]["variables"])
        | set((entry["suggestion"] or {}).get("variables", []))
        | set((entry.get("description") or {}).get("variables", []))
    )
    if not names:
        return [{}]
    numeric = set(re.findall(r"NUMBER\(\s*\$([A-Za-z][A-Za-z0-9_-]*)", entry["fluent"]))
    keys = sorted(set(re.findall(r"^\s*\*?\[([^\]\s]+)\]", entry["fluent"], re.M)) - CATEGORIES)
    numbers = [{name: str(n) for name in names} for n in COUNTS]
    if not set(names) - numeric:
        return numbers
    return numbers + [{name: "3" if name in numeric else key for name in names} for key in keys]


def errcat_strings(errcat, catalog_dir, code, tag, args):
    command = [errcat, "localize", code, "--locales", catalog_dir, "--lang", tag, "--json", "--body", "problem"]
    for name, v in args.items():
        command += ["--arg", f"{name}={v}"]
    body = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    return body["title"], body["detail"]


def python_strings(entry, code_id, args):
    bundle = FluentBundle([entry["locale"]], use_isolating=False)
    bundle.add_resource(FluentResource(entry["fluent"]))
    message = bundle.get_message(code_id)
    typed = {k: value(v) for k, v in args.items()}
    text, errors = bundle.format_pattern(message.value, typed)
    attributes = {}
    for name in ("suggestion", "description"):
        if name in message.attributes:
            attributes[name], more = bundle.format_pattern(message.attributes[name], typed)
            errors += more
    return text, attributes.get("suggestion"), attributes.get("description"), [str(e) for e in errors]


def main():
    errcat, catalog_dir, out = sys.argv[1:4]
    catalog = json.load(open(f"{out}/catalog.json", encoding="utf-8"))
    work = []
    for code, info in catalog["codes"].items():
        for tag, entry in info["texts"].items():
            for args in cases(entry):
                work.append({"code": code, "id": info["id"], "tag": tag, "entry": entry, "args": args})
    js = subprocess.run(
        ["node", "tools/fluent_parity.js"], input=json.dumps(work), check=True, capture_output=True, text=True
    )
    js_results = json.loads(js.stdout)
    mismatches = 0
    for case, js_result in zip(work, js_results):
        entry, args = case["entry"], case["args"]
        title, detail = errcat_strings(errcat, catalog_dir, case["code"], case["tag"], args)
        expected_suggestion = detail if entry["suggestion"] is not None else None
        py_text, py_suggestion, py_description, py_errors = python_strings(entry, case["id"], args)
        # errcat has no formatted description: both formatters must agree, and a description
        # without variables must read as catalog.json's display form.
        described = entry.get("description")
        expected_description = py_description
        if described is None or not described["variables"]:
            expected_description = described and described["display"]
        for side, text, suggestion, description, errors in [
            ("fluent.runtime", py_text, py_suggestion, py_description, py_errors),
            ("@fluent/bundle", js_result["message"], js_result["suggestion"], js_result["description"], js_result["errors"]),
        ]:
            if text != title or suggestion != expected_suggestion or description != expected_description or errors:
                mismatches += 1
                print(f"MISMATCH {case['code']} {case['tag']} {args} ({side}):")
                print(f"  errcat:  {title!r} / {expected_suggestion!r} / {expected_description!r}")
                print(f"  {side}: {text!r} / {suggestion!r} / {description!r} {errors or ''}")
    print(f"{out}: {len(work)} cases, each formatted by errcat, fluent.runtime and @fluent/bundle: {mismatches} mismatches")
    sys.exit(1 if mismatches else 0)


if __name__ == "__main__":
    main()
