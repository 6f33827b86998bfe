#!/usr/bin/env bash
# `errcat build` killed with SIGKILL at a random moment, 20 times, on a 10,000-code catalog (2 locales,
# about 37 MB of output): after every kill out/ is exactly one of the two known-good builds (the one
# it held or the one being written), never missing or mixed; the next build removes what the killed
# one left and leaves no temporary directory. Release binary; bounded (each build 60 s, all 150 s).
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --quiet --locked --release
cargo build --quiet --locked --release --example synthetic_catalog
errcat=$PWD/target/release/errcat
generate=$PWD/target/release/examples/synthetic_catalog
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
"$generate" a 10000
cp -r a b
sed -i 's/failed in its current state/broke in its current state/' b/en-US/*.ftl
build() { timeout 60 "$errcat" build --locales "$1" --out "$2" >/dev/null; }
build a good-a
build b good-b
same() { diff -r --no-dereference -q "$1" "$2" >/dev/null 2>&1; }
if same good-a good-b; then echo "FAIL: the two catalogs build the same output"; exit 1; fi
build a out
# The duration of a build that replaces out/ (a → b → a): the kills land within it.
start=$(date +%s%N)
build b out
build a out
duration_ms=$((($(date +%s%N) - start) / 2000000))
echo "a full build replacing out/: ${duration_ms} ms; $(du -sh out | cut -f1) of output; set up in ${SECONDS} s"
leftovers() { find . -maxdepth 1 -name '.out.errcat-*' | wc -l; }
current=a
old=0 new=0 finished=0 left_behind=0
deadline=$((SECONDS + 150))
for i in $(seq 1 20); do
  if [ "$SECONDS" -gt "$deadline" ]; then echo "FAIL: over 150 s"; exit 1; fi
  next=$([ "$current" = a ] && echo b || echo a)
  # Even kills at a random moment of the build's duration; odd ones at a random moment of the write
  # phase (0-11 ms after the new tree's directory appears), which is short and comes last.
  if [ $((i % 2)) -eq 0 ]; then
    delay_ms=$((RANDOM % (duration_ms + 1)))
    when="after $delay_ms ms"
  else
    delay_ms=$((RANDOM % 12))
    when="$delay_ms ms into the write phase"
  fi
  "$errcat" build --locales "$next" --out out >/dev/null 2>&1 &
  pid=$!
  if [ $((i % 2)) -eq 1 ]; then
    while ! compgen -G '.out.errcat-new-*' >/dev/null && kill -0 "$pid" 2>/dev/null; do :; done
  fi
  sleep "$((delay_ms / 1000)).$(printf '%03d' $((delay_ms % 1000)))"
  if kill -KILL "$pid" 2>/dev/null; then killed=yes; else killed=no; fi
  wait "$pid" 2>/dev/null || true
  [ "$killed" = yes ] || finished=$((finished + 1))
  left=$(leftovers)
  [ "$left" -eq 0 ] || left_behind=$((left_behind + 1))
  if [ ! -d out ]; then echo "FAIL: kill $i $when: out/ is missing"; ls -a; exit 1; fi
  if same out "good-$current"; then
    state=old
    old=$((old + 1))
  elif same out "good-$next"; then
    state=new
    new=$((new + 1))
  else
    echo "FAIL: kill $i $when: out/ is neither build"
    diff -rq out "good-$current" | head -5 || true
    diff -rq out "good-$next" | head -5 || true
    exit 1
  fi
  echo "kill $i $when: out/ holds the $state build ($left leftover(s)) [${SECONDS} s]"
  # The next build completes: out/ is the new build and nothing is left next to it.
  build "$next" out
  if ! same out "good-$next"; then echo "FAIL: the build after kill $i is not the good build"; exit 1; fi
  if [ "$(leftovers)" -ne 0 ]; then echo "FAIL: the build after kill $i left:"; ls -a; exit 1; fi
  current=$next
done
echo "20 kills: out/ was the old build $old times, the new one $new times ($finished builds had finished before" \
  "the kill); $left_behind kills left a temporary directory, each removed by the next build; ${SECONDS} s"
