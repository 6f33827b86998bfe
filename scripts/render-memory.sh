#!/usr/bin/env bash
# Peak memory of `errcat build` on one huge message, in bytes of peak RSS per byte of the message.
#
# Usage: scripts/render-memory.sh [MEGABYTES] [markdown|plain] [MAX_BYTES_PER_BYTE] [translated|fallback]
#   MEGABYTES             size of the message (default 45)
#   markdown | plain      the message repeats inline Markdown (`**strong** *em* `code` `) or plain text
#   MAX_BYTES_PER_BYTE    when given (may be ""), exit 1 if the peak RSS per message byte is above it
#   translated | fallback en-US has a short translation of the message (default), or none, so that
#                         every en-US output shows the huge zh-CN text too (twice the copies)
#
# Builds the release binary, writes a two-locale catalog whose zh-CN source has the one huge message,
# runs `errcat build` under `/usr/bin/time -v` and prints: input size, output size, wall time, peak
# RSS, bytes of peak RSS per input byte. Each output file is written to disk as it is rendered
# (src/output/writer.rs), so peak memory is about the largest file's worth plus the catalog, not the
# whole output's (which holds the message a dozen times or more).
set -euo pipefail
cd "$(dirname "$0")/.."
mb=${1:-45}
kind=${2:-markdown}
max=${3:-}
case=${4:-translated}
cargo build --release --locked --quiet
bin=target/release/errcat
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/cat/zh-CN" "$tmp/cat/en-US"
printf 'name = "MEM"\nsource_locale = "zh-CN"\nfallback_locale = "en-US"\n' >"$tmp/cat/catalog.toml"
case $case in
  translated) printf 'MEM-0001 = Short.\nMEM-0002 = Short.\n' >"$tmp/cat/en-US/x.ftl" ;;
  fallback) printf 'MEM-0002 = Short.\n' >"$tmp/cat/en-US/x.ftl" ;;
  *) echo "unknown case $case (translated or fallback)" >&2; exit 2 ;;
esac
case $kind in
  markdown) unit='备份 **策略** 数量 *达到* `上限` 了。' ;;
  plain) unit='备份策略数量达到上限，请删除其他备份策略后重试。' ;;
  *) echo "unknown kind $kind (markdown or plain)" >&2; exit 2 ;;
esac
bytes=$((mb * 1000 * 1000))
{
  printf 'MEM-0001 = '
  # Doubling: a few writes of ever larger blocks, no per-unit loop.
  block=$unit
  while [ ${#block} -lt 65536 ]; do block=$block$block; done
  block_bytes=$(printf '%s' "$block" | wc -c)
  for _ in $(seq 1 $((bytes / block_bytes))); do printf '%s' "$block"; done
  printf '\nMEM-0002 = 短。\n'
} >"$tmp/cat/zh-CN/x.ftl"
input=$(wc -c <"$tmp/cat/zh-CN/x.ftl")
/usr/bin/time -v "$bin" build --locales "$tmp/cat" --out "$tmp/out" >"$tmp/stdout" 2>"$tmp/time" || {
  cat "$tmp/stdout" "$tmp/time" >&2
  exit 1
}
rss_kb=$(awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$tmp/time")
wall=$(awk '/Elapsed \(wall clock\)/ {print $NF}' "$tmp/time")
cpu=$(awk -F: '/User time|System time/ {s += $2} END {printf "%.2f", s}' "$tmp/time")
out_bytes=$(du -sb "$tmp/out" | cut -f1)
per_byte=$(awk -v r="$rss_kb" -v i="$input" 'BEGIN {printf "%.1f", r * 1024 / i}')
echo "render-memory: $kind message, $case, input $input bytes, output $out_bytes bytes, wall $wall, cpu ${cpu}s, peak RSS $((rss_kb / 1024)) MiB, $per_byte bytes of peak RSS per input byte"
if [ -n "$max" ] && awk -v p="$per_byte" -v m="$max" 'BEGIN {exit !(p > m)}'; then
  echo "render-memory: FAILED: $per_byte bytes per input byte is above $max" >&2
  exit 1
fi
