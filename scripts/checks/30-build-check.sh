# The committed out/ is what `errcat build` makes from the shipped catalog (the README's main job).
set -euo pipefail
cargo run --quiet --locked -- build --check --out out
