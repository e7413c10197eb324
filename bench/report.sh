#!/usr/bin/env bash
# Issue 7 benchmark: `hagfish report --all --format json` on the index of Debian's cloud-amd64
# vmlinux, against pahole printing every struct of the same file, in the same run.
#
#   bench/report.sh [RUNS]
#
# hagfish reads only its index (the layouts are stored there as JSON), as a process from a cold
# CLI (java -jar), RUNS runs, median. pahole reads the file each time: `pahole -F dwarf FILE`
# (every struct and union from the DWARF, as hagfish's index was made) and, for reference,
# `pahole FILE` (its default, which prefers the file's BTF), PEER_RUNS runs each. Each figure is
# wall time, CPU time (user + system, all threads) and peak RSS from GNU time; ratios are
# hagfish / peer, so below 1 means hagfish is faster. On a loaded machine compare CPU times.
# Also printed: how many structs each prints (hagfish counts distinct definitions, pahole one
# per name and layout), and the size of each output.
#
# The index is built once (hagfish index, -Xmx$HAGFISH_XMX_INDEX) and kept in
# ${HAGFISH_BENCH_CACHE:-~/.cache/hagfish-bench}/report-store-<vmlinux file name>, beside the
# vmlinux that bench/dwarf-parse.sh and bench/index.sh cache there (found or fetched the same
# way; VMLINUX=FILE overrides). Delete that directory to index again (e.g. after a change to the
# index format). Needs pahole, python3 and GNU time. Environment: PEER_RUNS (default 1),
# HAGFISH_XMX (default 1500m, the report's heap), HAGFISH_XMX_INDEX (default 8g).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
PEER_RUNS="${PEER_RUNS:-1}"
XMX="${HAGFISH_XMX:-1500m}"
XMX_INDEX="${HAGFISH_XMX_INDEX:-8g}"
CACHE="${HAGFISH_BENCH_CACHE:-$HOME/.cache/hagfish-bench}"

need() { command -v "$1" >/dev/null 2>&1 || { echo "report.sh: $1 is needed ($2)" >&2; exit 1; }; }
need /usr/bin/time "apt-get install time"
need pahole "apt-get install pahole"
need python3 "apt-get install python3"

. "$ROOT/bench/inputs.sh"
[ -n "${VMLINUX:-}" ] || find_vmlinux

"$ROOT/hagfish" --version >/dev/null   # builds the jar if needed
JAR="$ROOT/cli/target/hagfish.jar"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

# run NAME COMMAND...: stdout to $W/NAME.out, stderr to $W/NAME.err; sets WALL, CPU (s), RSS (MiB).
run() {
  local name=$1; shift
  /usr/bin/time -f '%e %U %S %M' -o "$W/$name.time" "$@" >"$W/$name.out" 2>"$W/$name.err" \
    || { echo "report.sh: $name failed:" >&2; tail -5 "$W/$name.err" >&2; exit 1; }
  read -r WALL u s k < <(tail -1 "$W/$name.time")
  CPU=$(awk "BEGIN {printf \"%.2f\", $u + $s}")
  RSS=$((k / 1024))
}
. "$ROOT/bench/timing.sh"
row() { printf '  %-46s %8s s wall %8s s cpu %7s MiB\n' "$1" "$2" "$3" "$4"; }

STORE="$CACHE/report-store-$(basename "$VMLINUX")"
if ! java -jar "$JAR" kernels --json --index "$STORE" 2>/dev/null | grep -q '"uuid"'; then
  echo "report.sh: indexing $VMLINUX into $STORE (-Xmx$XMX_INDEX, a few minutes, once)" >&2
  rm -rf "$STORE"
  java -Xmx"$XMX_INDEX" -jar "$JAR" index "$VMLINUX" --index "$STORE" >&2
fi

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1); $(pahole --version)"
echo "file: $VMLINUX"
echo
median hagfish "$RUNS" java -Xmx"$XMX" -jar "$JAR" report --all --format json --index "$STORE"
H_WALL=$WALL H_CPU=$CPU
row "hagfish report --all --format json (median of $RUNS)" "$WALL" "$CPU" "$RSS"
H_STRUCTS=$(python3 -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["structs"]))' "$W/hagfish.out")
echo "    $H_STRUCTS structs, unions and classes; $(stat -c %s "$W/hagfish.out") bytes of JSON"

median pahole "$PEER_RUNS" pahole -F dwarf "$VMLINUX"
row "pahole -F dwarf (every struct)" "$WALL" "$CPU" "$RSS"
echo "    $(grep -cE '^(struct|union|class) .* \{$' "$W/pahole.out") structs and unions; $(stat -c %s "$W/pahole.out") bytes of text"
echo "    ratio hagfish/pahole: wall $(ratio "$H_WALL" "$WALL"), cpu $(ratio "$H_CPU" "$CPU")"

median pahole_btf "$PEER_RUNS" pahole "$VMLINUX"
row "pahole (its default: BTF when present)" "$WALL" "$CPU" "$RSS"
echo "    $(grep -cE '^(struct|union|class) .* \{$' "$W/pahole_btf.out") structs and unions"
echo "    ratio hagfish/pahole: wall $(ratio "$H_WALL" "$WALL"), cpu $(ratio "$H_CPU" "$CPU")"
