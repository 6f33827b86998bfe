#!/usr/bin/env bash
# Heavy hostile-catalog cases (100,000 codes), too slow for the debug test run: in release.
# Then peak memory of `errcat build` on a 30 MB message, inline Markdown and plain, with en-US
# translated and falling back to it: at most 10 bytes of peak RSS per input byte (issue 9; about 6-7
# measured, see BENCHMARKS.md). About 30 seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo test --locked --release --quiet --test hostile -- --ignored
for kind in markdown plain; do
  for case in translated fallback; do
    scripts/render-memory.sh 30 "$kind" 10 "$case"
  done
done
