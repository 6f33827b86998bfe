# errcat's OpenAPI output as API descriptions use it, read by the code generators people run on them.
# A small API description of ours (tests/fixtures/openapi-consumer/api.yaml) `$ref`s the error
# responses of a fresh build of the shipped catalog; `redocly bundle` makes one document of it, then:
#   - redocly lint with its recommended rules and no configuration: 0 errors on out/openapi.json;
#   - openapi-typescript: the 404 body's error_code type accepts a 404 code and rejects a code that
#     is only 400 (tsc --strict must fail on it), and with --enum the per-code descriptions appear;
#   - datamodel-code-generator (Pydantic v2): the 404 model accepts the 404 code, raises a
#     ValidationError on the 400 code, and the per-code descriptions appear in the models.
set -euo pipefail
root=$PWD
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cargo run --quiet --locked -- build --out "$tmp/out"

# No redocly.yaml in $tmp or above it: the recommended rules as any user gets them, on the fresh
# build and on the committed out/openapi.json. Warnings are allowed, errors are not: redocly exits
# 1 on an error, and the summary must list none.
mkdir "$tmp/committed"
cp -r "$root/out/." "$tmp/committed/"
for dir in "$tmp/out" "$tmp/committed"; do
  (cd "$dir" && redocly lint --format=summary openapi.json ./*/openapi.json) >"$tmp/redocly.log" 2>&1 \
    || { cat "$tmp/redocly.log"; echo "FAIL: redocly lint (recommended, no config) reports errors in $dir"; exit 1; }
  grep -Ev '^ *[╔║╚]' "$tmp/redocly.log"
  if grep -E '^error ' "$tmp/redocly.log"; then
    echo "FAIL: redocly lint (recommended, no config) lists errors in $dir"
    exit 1
  fi
done
echo "redocly lint, recommended rules, no configuration: 0 errors"

mkdir "$tmp/api"
cp "$tmp/out/openapi.json" "$root/tests/fixtures/openapi-consumer/api.yaml" "$tmp/api/"
cd "$tmp/api"
redocly bundle api.yaml -o bundled.json
# A code answered only with 400 and one answered with 404, with the 404 code's English message.
read -r code400 code404 <<<"$(python - <<'PY'
import json
codes = json.load(open("../out/catalog.json", encoding="utf-8"))["codes"]
live = {c: v for c, v in codes.items() if v["retired"] is None}
print(next(c for c, v in live.items() if v["status"] == 400), next(c for c, v in live.items() if v["status"] == 404))
PY
)"
message404=$(python -c "import json,sys; print(json.load(open('../out/catalog.json'))['codes'][sys.argv[1]]['texts']['en-US']['message']['display'])" "$code404")
echo "400 code: $code400, 404 code: $code404 ($message404)"

openapi-typescript bundled.json -o types.ts
openapi-typescript bundled.json --enum -o enums.ts
tsc_check() {
  printf 'import type { components } from "./types";\nconst body: components["schemas"]["ErrorResponse404"] = { error_code: "%s", error_msg: "m" };\nexport default body;\n' "$1" >"body.ts"
  tsc --strict --noEmit --target es2020 --module esnext --moduleResolution bundler body.ts
}
tsc_check "$code404"
if tsc_check "$code400" >tsc.log 2>&1; then
  echo "FAIL: the generated ErrorResponse404 accepts $code400, a 400 code"
  exit 1
fi
grep -q "is not assignable" tsc.log
echo "openapi-typescript: ErrorResponse404 accepts $code404 and rejects $code400 (tsc --strict)"
# The comment right above the enum member of the 404 code holds its message.
grep -B3 -F "= \"$code404\"" enums.ts | grep -qF "$message404" \
  || { echo "FAIL: the description of $code404 is not on its member in openapi-typescript's output"; exit 1; }
echo "openapi-typescript --enum: the per-code descriptions are on the generated enum members"

datamodel-codegen --input bundled.json --input-file-type openapi --output-model-type pydantic_v2.BaseModel \
  --formatters builtin --use-field-description --output models.py
python - "$code400" "$code404" "$message404" <<'PY'
import ast, sys
import pydantic
from models import ErrorResponse404
code400, code404, message404 = sys.argv[1:]
# The docstring right after the enum member of the 404 code holds its message.
body = [node for cls in ast.parse(open("models.py").read()).body if isinstance(cls, ast.ClassDef) for node in cls.body]
documented = [
    body[i + 1].value.value for i, node in enumerate(body[:-1])
    if isinstance(node, ast.Assign) and isinstance(node.value, ast.Constant) and node.value.value == code404
    and isinstance(body[i + 1], ast.Expr) and isinstance(body[i + 1].value, ast.Constant)
]
if not any(message404 in doc for doc in documented):
    sys.exit(f"FAIL: the description of {code404} is not on its enum member in the Pydantic models")
ErrorResponse404(error_code=code404, error_msg="m")
try:
    ErrorResponse404(error_code=code400, error_msg="m")
except pydantic.ValidationError as error:
    print(f"pydantic: ErrorResponse404 rejects {code400}: {error.errors()[0]['type']}")
else:
    sys.exit(f"FAIL: the Pydantic ErrorResponse404 accepts {code400}, a 400 code")
PY
echo "datamodel-code-generator: the per-code descriptions are on the enum members"
