#!/usr/bin/env bash
# Issue 5 benchmark: indexing and index queries, each against named peer tools on the same file
# in the same run.
#
#   bench/index.sh [RUNS]
#
# (a) indexing (hagfish index, Lucene writes included, -Xmx$HAGFISH_XMX) of the largest thin
#     sample kernel and of Debian's cloud-amd64 vmlinux, against pahole -F dwarf FILE and
#     llvm-dwarfdump-19 --debug-info --debug-line FILE (stdout discarded); hagfish's peak heap
#     (the largest heap before a collection, from -Xlog:gc) and peak RSS; the index's size on
#     disk against the DWARF's (the .debug_* sections, llvm-dwarfdump --show-section-sizes).
#     pahole reads ELF only, so it has no figure for the Mach-O sample. When vmlinux does not
#     index within the heap, the failure is reported and the index that (b)-(d) need is built
#     again with -Xmx$HAGFISH_XMX_FALLBACK.
# (b) hagfish struct T from a cold CLI (RUNS runs, median) on vmlinux's index, for task_struct,
#     tcp_sock and virtnet_info: through the ./hagfish launcher as a user runs it (its AppCDS
#     archive, made before the timing starts, C1 only, serial GC), and as a plain java -jar for
#     reference; against pahole -F dwarf -C T and gdb -batch -ex 'ptype /o struct T' (PEER_RUNS
#     runs). The target is 0.3 s wall for every T, JVM start included.
# (c) in-process latency, p50 and p99 over 10,000 queries each, on a warm searcher: sym exact,
#     wildcard and fuzzy, and struct (bench/IndexQueryBench.java; names drawn with a fixed seed
#     from llvm-nm-19 and pahole -F btf --sizes).
# (d) addr batch throughput: 1,000,000 addresses on stdin (random offsets inside the symbol
#     table's sized functions, fixed seed), hagfish addr -v against llvm-symbolizer-19 --obj.
#
# Every process figure is wall time plus CPU time (user + system, all threads) and peak RSS from
# GNU time; on a loaded machine compare the CPU times, since wall times stretch. Ratios are
# hagfish / peer.
#
# The vmlinux is $VMLINUX, else the one bench/dwarf-parse.sh caches under
# ${HAGFISH_BENCH_CACHE:-$HOME/.cache/hagfish-bench} (extracted from the cached
# linux-image-*-cloud-amd64-dbg .deb when needed, or downloaded with apt-get download). Needs
# llvm-19, pahole, gdb, python3 and GNU time. Environment: HAGFISH_XMX (default 1500m),
# HAGFISH_XMX_FALLBACK (default 8g), PEER_RUNS (default 1), ADDRS (default 1000000).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
PEER_RUNS="${PEER_RUNS:-1}"
XMX="${HAGFISH_XMX:-1500m}"
XMX_FALLBACK="${HAGFISH_XMX_FALLBACK:-8g}"
ADDRS="${ADDRS:-1000000}"
CACHE="${HAGFISH_BENCH_CACHE:-$HOME/.cache/hagfish-bench}"
SEED=5

need() { command -v "$1" >/dev/null 2>&1 || { echo "index.sh: $1 is needed ($2)" >&2; exit 1; }; }
need /usr/bin/time "apt-get install time"
need llvm-dwarfdump-19 "apt-get install llvm-19"
need llvm-symbolizer-19 "apt-get install llvm-19"
need pahole "apt-get install pahole"
need gdb "apt-get install gdb"
need python3 "apt-get install python3"

. "$ROOT/bench/inputs.sh"
[ -n "${VMLINUX:-}" ] || find_vmlinux

"$ROOT/hagfish" --version >/dev/null   # builds the jar and the launcher's start-up archive if needed
JAR="$ROOT/cli/target/hagfish.jar"
SAMPLE=$(for k in "$ROOT"/samples/kernels/*/kernel.dSYM/Contents/Resources/DWARF/kernel; do
  case "$k" in */fat/*) continue ;; esac   # universal: indexing it needs --arch
  echo "$(stat -c %s "$k") ${k%.dSYM/Contents/Resources/DWARF/kernel}"
done | sort -n | tail -1 | cut -d' ' -f2-)
SAMPLE_DWARF="$SAMPLE.dSYM/Contents/Resources/DWARF/kernel"

W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

# run NAME COMMAND...: runs once, stdout discarded, stderr to $W/NAME.err; sets WALL, CPU (s),
# RSS (MiB) and OK (0 or the exit status).
run() {
  local name=$1; shift
  OK=0
  /usr/bin/time -f '%e %U %S %M' -o "$W/$name.time" "$@" >/dev/null 2>"$W/$name.err" || OK=$?
  read -r WALL u s k < <(tail -1 "$W/$name.time")
  CPU=$(awk "BEGIN {printf \"%.2f\", $u + $s}")
  RSS=$((k / 1024))
}
. "$ROOT/bench/timing.sh"
row() { printf '  %-44s %9s s wall %9s s cpu %7s MiB\n' "$1" "$2" "$3" "$4"; }
dwarf_bytes() { llvm-dwarfdump-19 --show-section-sizes "$1" | awk '/Total Size:/ {print $3}'; }
peak_heap() { sed -n 's/.* \([0-9]*\)M->[0-9]*M([0-9]*M).*/\1/p' "$1" | sort -n | tail -1; }

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"
echo
echo "(a) indexing, -Xmx$XMX"
for FILE in "$SAMPLE" "$VMLINUX"; do
  DWARF=$FILE; [ "$FILE" = "$SAMPLE" ] && DWARF=$SAMPLE_DWARF
  echo "${FILE#"$ROOT"/}: DWARF $(dwarf_bytes "$DWARF") bytes"
  STORE="$W/store-$(basename "$FILE")"
  run index java -Xmx"$XMX" -Xlog:gc:file="$W/gc.log" -jar "$JAR" index "$FILE" --index "$STORE"
  H_WALL=$WALL H_CPU=$CPU
  if [ "$OK" = 0 ]; then
    row "hagfish index" "$WALL" "$CPU" "$RSS"
    echo "    peak heap $(peak_heap "$W/gc.log") MiB; index $(du -sb "$STORE" | cut -f1) bytes on disk =" \
      "$(awk "BEGIN {printf \"%.2f\", $(du -sb "$STORE" | cut -f1) / $(dwarf_bytes "$DWARF")}")x the DWARF"
  else
    row "hagfish index: FAILED (exit $OK)" "$WALL" "$CPU" "$RSS"
    echo "    $(grep -m1 -E 'Exception|Error' "$W/index.err" || tail -1 "$W/index.err")"
    echo "    peak heap $(peak_heap "$W/gc.log") MiB"
  fi
  if [ "$FILE" = "$VMLINUX" ] && [ "$OK" != 0 ]; then
    rm -rf "$STORE"
    run index java -Xmx"$XMX_FALLBACK" -Xlog:gc:file="$W/gc.log" -jar "$JAR" index "$FILE" --index "$STORE"
    [ "$OK" = 0 ] || { echo "index.sh: indexing vmlinux failed with -Xmx$XMX_FALLBACK too" >&2; cat "$W/index.err" >&2; exit 1; }
    H_WALL=$WALL H_CPU=$CPU
    row "hagfish index -Xmx$XMX_FALLBACK (for b-d)" "$WALL" "$CPU" "$RSS"
    echo "    peak heap $(peak_heap "$W/gc.log") MiB; index $(du -sb "$STORE" | cut -f1) bytes on disk =" \
      "$(awk "BEGIN {printf \"%.2f\", $(du -sb "$STORE" | cut -f1) / $(dwarf_bytes "$DWARF")}")x the DWARF"
  fi
  if [ "$FILE" = "$VMLINUX" ]; then
    median pahole "$PEER_RUNS" pahole -F dwarf "$DWARF"
    row "pahole -F dwarf" "$WALL" "$CPU" "$RSS"
    echo "    ratio: wall $(ratio "$H_WALL" "$WALL"), cpu $(ratio "$H_CPU" "$CPU")"
  else
    echo "  pahole -F dwarf: no figure (pahole reads ELF only; the sample's DWARF is a Mach-O dSYM)"
  fi
  median dwarfdump "$PEER_RUNS" llvm-dwarfdump-19 --debug-info --debug-line "$DWARF"
  row "llvm-dwarfdump-19 --debug-info --debug-line" "$WALL" "$CPU" "$RSS"
  echo "    ratio: wall $(ratio "$H_WALL" "$WALL"), cpu $(ratio "$H_CPU" "$CPU")"
done
VSTORE="$W/store-$(basename "$VMLINUX")"

echo
echo "(b) struct T from a cold CLI on vmlinux's index (hagfish: median of $RUNS; target 0.3 s wall)"
for T in task_struct tcp_sock virtnet_info; do
  median struct "$RUNS" "$ROOT/hagfish" struct "$T" --index "$VSTORE"
  H_WALL=$WALL H_CPU=$CPU
  row "hagfish struct $T (launcher)" "$WALL" "$CPU" "$RSS"
  [ "$OK" = 0 ] || echo "    exit $OK: $(head -1 "$W/struct.err")"
  echo "    target 0.3 s: $(awk "BEGIN {print ($H_WALL <= 0.3) ? \"met\" : \"missed\"}")"
  median structjar "$RUNS" java -jar "$JAR" struct "$T" --index "$VSTORE"
  row "hagfish struct $T (java -jar, no archive)" "$WALL" "$CPU" "$RSS"
  median pahole "$PEER_RUNS" pahole -F dwarf -C "$T" "$VMLINUX"
  row "pahole -F dwarf -C $T" "$WALL" "$CPU" "$RSS"
  echo "    ratio: wall $(ratio "$H_WALL" "$WALL"), cpu $(ratio "$H_CPU" "$CPU")"
  median gdb "$PEER_RUNS" gdb -nx -batch -ex "ptype /o struct $T" "$VMLINUX"
  row "gdb ptype /o struct $T" "$WALL" "$CPU" "$RSS"
  grep -q "No struct type" "$W/gdb.err" && echo "    gdb: $(grep -m1 'No struct type' "$W/gdb.err")"
  echo "    ratio: wall $(ratio "$H_WALL" "$WALL"), cpu $(ratio "$H_CPU" "$CPU")"
done

echo
echo "(c) in-process latency on a warm searcher (bench/IndexQueryBench.java)"
llvm-nm-19 -n -S --defined-only "$VMLINUX" | awk 'NF == 4 {print $4}' | sort -u > "$W/names.txt"
pahole -F btf --sizes "$VMLINUX" | cut -f1 > "$W/structs.txt"
java -Xmx"$XMX" -cp "$JAR" "$ROOT/bench/IndexQueryBench.java" "$VSTORE" "$W/names.txt" "$W/structs.txt" 10000 "$SEED" \
  | sed 's/^/  /'

echo
echo "(d) addr batch: $ADDRS addresses on stdin (vmlinux)"
llvm-nm-19 -n -S --defined-only "$VMLINUX" | python3 -c '
import random, sys
n, seed = int(sys.argv[1]), int(sys.argv[2])
funcs = []
for line in sys.stdin:
    f = line.split()
    if len(f) == 4 and f[2] in "tTW" and int(f[1], 16) > 0:
        funcs.append((int(f[0], 16), int(f[1], 16)))
r = random.Random(seed)
out = []
for _ in range(n):
    a, s = funcs[r.randrange(len(funcs))]
    out.append("0x%x\n" % (a + r.randrange(s)))
sys.stdout.write("".join(out))' "$ADDRS" "$SEED" > "$W/addrs.txt"
run addr sh -c "java -Xmx$XMX -jar '$JAR' addr -v --index '$VSTORE' < '$W/addrs.txt'"
[ "$OK" = 0 ] || { echo "index.sh: hagfish addr failed" >&2; cat "$W/addr.err" >&2; exit 1; }
H_WALL=$WALL H_CPU=$CPU
row "hagfish addr -v" "$WALL" "$CPU" "$RSS"
echo "    $(awk "BEGIN {printf \"%.0f\", $ADDRS / $WALL}") addresses/s wall"
run symbolizer sh -c "llvm-symbolizer-19 --obj='$VMLINUX' < '$W/addrs.txt'"
row "llvm-symbolizer-19" "$WALL" "$CPU" "$RSS"
echo "    $(awk "BEGIN {printf \"%.0f\", $ADDRS / $WALL}") addresses/s wall"
echo "    rate ratio hagfish/llvm-symbolizer: wall $(ratio "$WALL" "$H_WALL"), cpu $(ratio "$CPU" "$H_CPU")"
