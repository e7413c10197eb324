#!/usr/bin/env bash
# Issue 6 disassembly benchmark: hagfish's Disassembler (Capstone 4 through its JNA binding)
# against llvm-objdump-19 on the same files, in the same run.
#
#   bench/disasm.sh [RUNS]
#
# (a) every function of (__TEXT,__text), in Intel syntax, of the x86_64 sample kernel and of both
#     slices of capstone 3.1.8's universal libcapstone.dylib (2.4 MB; a real compiler's code, and
#     far more of it than the sample's): llvm-objdump-19 --macho -d --no-symbolic-operands
#     --x86-asm-syntax=intel (a process per run, stdout discarded) against hagfish in process,
#     warmed up (bench/DisasmBench.java); median of RUNS runs each, and instructions per second.
# (b) the classic check from a cold CLI: `hagfish dis AppleHDA_start` (java -jar, the index of the
#     sample kernel already built) against `lldb-22 -b -o 'disassemble -n AppleHDA_start'` on the
#     same kernel; median of RUNS runs. `hagfish sym AppleHDA_start` is timed too: the JVM and
#     index start-up that every command pays, so the difference is what disassembly costs.
# Ratios are hagfish / peer. Needs llvm-19 and lldb-22; fetches the capstone jar with Maven on
# first use (as bench/macho-symbols.sh does).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
WORK=/tmp/hagfish-bench
mkdir -p "$WORK"
. "$ROOT/bench/inputs.sh"
DYLIB="$(capstone_dylib "$WORK")"
"$ROOT/hagfish" --version >/dev/null   # builds the jar if needed
JAR="$ROOT/cli/target/hagfish.jar"
KERNEL="$ROOT/samples/kernels/x86_64-dwarf4/kernel"

ms() { # ms COMMAND...: median wall milliseconds of RUNS runs
  local times=()
  for _ in $(seq "$RUNS"); do
    local t0 t1
    t0=$(date +%s%N); "$@" >/dev/null 2>&1; t1=$(date +%s%N)
    times+=($(( (t1 - t0) / 1000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.1f", a[int((NR+1)/2)]/1000}'
}

echo "(a) every function, Intel syntax; median of $RUNS runs"
for target in "$KERNEL:x86_64" "$DYLIB:x86_64" "$DYLIB:arm64"; do
  file="${target%:*}"; arch="${target##*:}"
  insns=$(llvm-objdump-19 --macho -d --no-symbolic-operands --x86-asm-syntax=intel --arch="$arch" "$file" \
    | grep -cE '^ *[0-9a-f]+:	')
  peer=$(ms llvm-objdump-19 --macho -d --no-symbolic-operands --x86-asm-syntax=intel --arch="$arch" "$file")
  ours=$(java -cp "$JAR" "$ROOT/bench/DisasmBench.java" "$file" "$arch" "$RUNS")
  hag=$(echo "$ours" | awk '{print $1}')
  echo "  $(basename "$file") $arch: llvm-objdump-19 ${peer} ms ($insns lines, $(awk "BEGIN {printf \"%.0f\", $insns / $peer * 1000}")/s);" \
       "hagfish ${ours} = $(echo "$ours" | awk -v t="$hag" '{gsub(/\(/,""); print int($7 / t * 1000)}')/s;" \
       "ratio $(awk "BEGIN {printf \"%.2f\", $hag / $peer}")x"
done

echo "(b) dis AppleHDA_start from a cold CLI; median of $RUNS runs"
STORE="$WORK/disasm-index"
[ -d "$STORE" ] || java -jar "$JAR" index "$KERNEL" --index "$STORE" >/dev/null
cold=$(ms java -jar "$JAR" dis AppleHDA_start --index "$STORE")
sym=$(ms java -jar "$JAR" sym AppleHDA_start --index "$STORE")
lldb=$(ms lldb-22 -b -o 'disassemble -n AppleHDA_start' "$KERNEL")
echo "  hagfish dis: ${cold} ms (hagfish sym, the same start-up without disassembly: ${sym} ms);" \
     "lldb-22 disassemble -n: ${lldb} ms; ratio $(awk "BEGIN {printf \"%.2f\", $cold / $lldb}")x"
