#!/usr/bin/env bash
# Issue 3 benchmark: parse capstone 3.1.8's universal libcapstone.dylib (x86_64 + arm64) and build
# the symbol table of both slices, against llvm-nm-19 -n on the same file, in the same run.
#
#   bench/macho-symbols.sh [RUNS]
#
# Prints three figures: llvm-nm's wall time per run (process, both slices), hagfish's wall time
# per run as a process (./hagfish macho symbols, both slices, JVM start-up included), and
# hagfish's in-process warmed-up time (bench/SymbolsBench.java), each with its ratio to llvm-nm.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-20}"
WORK=/tmp/hagfish-bench
mkdir -p "$WORK"
. "$ROOT/bench/inputs.sh"
FILE="$(capstone_dylib "$WORK")"
"$ROOT/hagfish" --version >/dev/null   # builds the jar if needed
JAR="$ROOT/cli/target/hagfish.jar"
ls -l "$FILE" | awk '{print "file: " $NF " (" $5 " bytes)"}'

ms() { # ms COMMAND...: median wall milliseconds of RUNS runs
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.3f", a[int((NR+1)/2)]/1000}'
}

nm=$(ms llvm-nm-19 -n --arch=all "$FILE")
both() { java -jar "$JAR" macho symbols --arch x86_64 "$FILE"; java -jar "$JAR" macho symbols --arch arm64 "$FILE"; }
proc=$(ms both)
inproc=$(java -cp "$JAR" "$ROOT/bench/SymbolsBench.java" "$FILE" "$RUNS" | awk '{print $1}')
echo "llvm-nm-19 -n (both slices):           ${nm} ms"
echo "hagfish, two processes (JVM start-up):  ${proc} ms   ratio $(awk "BEGIN {printf \"%.2f\", $proc / $nm}")x llvm-nm"
echo "hagfish, in process, warm:              ${inproc} ms   ratio $(awk "BEGIN {printf \"%.2f\", $inproc / $nm}")x llvm-nm"
