#!/usr/bin/env bash
# Heavy hostile-catalog cases (100,000 codes), too slow for the debug test run: in release.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test --locked --release --quiet --test hostile -- --ignored
