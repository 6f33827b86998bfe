#!/usr/bin/env bash
# Heavy hostile-catalog cases (100,000 codes), too slow for the debug test run: in release.
# Then peak memory of `errcat build` on a 20 MB message, inline Markdown and plain: at most 12 bytes
# of peak RSS per input byte (8.9 and 7.6 at 45/50 MB, see BENCHMARKS.md; the fixed cost of the
# process weighs more at 20 MB). About 20 seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test --locked --release --quiet --test hostile -- --ignored
scripts/render-memory.sh 20 markdown 12
scripts/render-memory.sh 20 plain 12
