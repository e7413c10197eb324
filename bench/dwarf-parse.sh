#!/usr/bin/env bash
# Issue 4 benchmark: a full DWARF parse of a kernel-size ELF file, Debian's cloud-amd64 vmlinux
# (about 200 MiB of .debug_info), against pahole and llvm-dwarfdump on the same file, in the
# same run.
#
#   bench/dwarf-parse.sh [RUNS]
#
# hagfish's full parse (bench/DwarfParseBench.java, in process, -Xmx1500m) is every type
# (TypeReader) plus every unit's line program; it runs RUNS times in one JVM and the median is
# reported (the first run includes JIT warm-up). The peers are processes and run PEER_RUNS times
# (default 1: llvm-dwarfdump alone takes over a minute; 0 skips them). Each figure comes with its
# ratio hagfish/peer, the CPU time (all threads: user + system for the peers, the JVM's process
# CPU time during the parse for hagfish, so GC and JIT threads count) and the peak RSS of the
# process (/usr/bin/time -v). On a loaded machine compare the CPU times: wall times stretch.
#
# The vmlinux comes from the newest linux-image-*-cloud-amd64-dbg package apt knows, fetched with
# apt-get download into ${HAGFISH_BENCH_CACHE:-$HOME/.cache/hagfish-bench} (outside the
# repository; about 320 MB, plus 330 MB for the extracted vmlinux) on first use. Needs apt
# (run apt-get update first on a fresh machine), pahole, llvm-19 and GNU time.
#
# Environment: HAGFISH_BENCH_CACHE (cache folder), PEER_RUNS (default 1), HAGFISH_XMX (default
# 1500m), VMLINUX (use this file instead of downloading one), HAGFISH_BENCH_ARGS (extra arguments
# for DwarfParseBench, e.g. --symbolizer).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-3}"
PEER_RUNS="${PEER_RUNS:-1}"
XMX="${HAGFISH_XMX:-1500m}"
CACHE="${HAGFISH_BENCH_CACHE:-$HOME/.cache/hagfish-bench}"
mkdir -p "$CACHE"

need() { command -v "$1" >/dev/null 2>&1 || { echo "dwarf-parse.sh: $1 is needed ($2)" >&2; exit 1; }; }
need /usr/bin/time "apt-get install time"
need llvm-dwarfdump-19 "apt-get install llvm-19"
if ! command -v pahole >/dev/null 2>&1; then
  echo "dwarf-parse.sh: installing pahole" >&2
  apt-get install -y -q pahole >&2
fi

# The vmlinux: the newest linux-image-<version>-cloud-amd64-dbg (the unsigned -dbg package holds
# /usr/lib/debug/boot/vmlinux-<version>), downloaded and extracted once.
fetch_vmlinux() {
  local pkg deb
  pkg=$(apt-cache search 'linux-image.*cloud-amd64-dbg' | awk '{print $1}' \
    | grep -E '^linux-image-[0-9].*-cloud-amd64-dbg$' | sort -V | tail -1)
  if [ -z "$pkg" ]; then
    echo "dwarf-parse.sh: apt knows no linux-image-*-cloud-amd64-dbg; run apt-get update" >&2
    exit 1
  fi
  local kver=${pkg#linux-image-}
  kver=${kver%-dbg}
  VMLINUX="$CACHE/usr/lib/debug/boot/vmlinux-$kver"
  [ -f "$VMLINUX" ] && return
  deb=$(ls "$CACHE"/"${pkg}"_*.deb 2>/dev/null | tail -1 || true)
  if [ -z "$deb" ]; then
    echo "dwarf-parse.sh: downloading $pkg" >&2
    (cd "$CACHE" && apt-get download -q "$pkg" >&2)
    deb=$(ls "$CACHE"/"${pkg}"_*.deb | tail -1)
  fi
  echo "dwarf-parse.sh: extracting vmlinux-$kver" >&2
  dpkg-deb --fsys-tarfile "$deb" | tar -x -C "$CACHE" "./usr/lib/debug/boot/vmlinux-$kver"
}
if [ -z "${VMLINUX:-}" ]; then
  fetch_vmlinux
fi

JAR=$(ls "$ROOT"/analyzer/target/hagfish-analyzer-*-SNAPSHOT.jar 2>/dev/null | grep -v -- '-tests.jar' | head -1 || true)
if [ -z "$JAR" ] || [ -n "$(find "$ROOT/analyzer/src/main" -newer "$JAR" -type f -print -quit)" ]; then
  echo "dwarf-parse.sh: building the analyzer" >&2
  (cd "$ROOT" && mvn -q -B -pl analyzer -am package -DskipTests) >&2   # never install: ~/.m2 is shared
  JAR=$(ls "$ROOT"/analyzer/target/hagfish-analyzer-*-SNAPSHOT.jar | grep -v -- '-tests.jar' | head -1)
fi
ls -l "$VMLINUX" | awk '{print "file: " $NF " (" $5 " bytes)"}'

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT

# timed NAME COMMAND...: runs the command PEER_RUNS times, stdout discarded; sets SEC (median
# wall seconds) and RSS (largest peak RSS, MiB).
timed() {
  local name=$1; shift
  local times=() rss=0
  for i in $(seq "$PEER_RUNS"); do
    /usr/bin/time -v -o "$OUT/$name.$i.time" "$@" >/dev/null 2>"$OUT/$name.$i.err" \
      || { echo "dwarf-parse.sh: $name failed:" >&2; tail -5 "$OUT/$name.$i.err" >&2; exit 1; }
    times+=("$(wall "$OUT/$name.$i.time")")
    local r; r=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$OUT/$name.$i.time")
    [ "$r" -gt "$rss" ] && rss=$r
  done
  SEC=$(printf '%s\n' "${times[@]}" | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  RSS=$rss
}
# wall FILE: GNU time's "Elapsed (wall clock) time (h:mm:ss or m:ss)" in seconds.
wall() {
  awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2, p, ":"); s=0; for (i=1; i<=n; i++) s=s*60+p[i]; print s}' "$1"
}

# cputime NAME: median user + system seconds of NAME's runs.
cputime() {
  for f in "$OUT/$1".*.time; do
    awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {printf "%.2f\n", u + s}' "$f"
  done | sort -g | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'
}

if [ "$PEER_RUNS" -gt 0 ]; then
  timed pahole pahole -F dwarf "$VMLINUX"
  PAHOLE_S=$SEC PAHOLE_RSS=$RSS PAHOLE_CPU=$(cputime pahole)
  timed dwarfdump llvm-dwarfdump-19 --debug-info --debug-line "$VMLINUX"
  DUMP_S=$SEC DUMP_RSS=$RSS DUMP_CPU=$(cputime dwarfdump)
fi

# DwarfParseBench exits with 3 after an OutOfMemoryError, having printed where it happened.
set +e
# shellcheck disable=SC2086
/usr/bin/time -v -o "$OUT/hagfish.time" java -Xmx"$XMX" -cp "$JAR" "$ROOT/bench/DwarfParseBench.java" \
  "$VMLINUX" "$RUNS" ${HAGFISH_BENCH_ARGS:-} >"$OUT/hagfish.out" 2>&1
HAG_STATUS=$?
set -e
sed 's/^/  hagfish: /' "$OUT/hagfish.out" >&2
HAG_RSS=$(awk -F': ' '/Maximum resident set size/ {print int($2 / 1024)}' "$OUT/hagfish.time")
HEAP=$(sed -n 's/^heap: //p' "$OUT/hagfish.out")

ratio() { awk "BEGIN {printf \"%.2f\", $1 / $2}"; }
row() { printf '%-48s %8.2f s   cpu %7.2f s   peak RSS %5d MiB%s\n' "$@"; }
if [ "$PEER_RUNS" -gt 0 ]; then
  row "pahole -F dwarf (median of $PEER_RUNS)" "$PAHOLE_S" "$PAHOLE_CPU" "$PAHOLE_RSS" ""
  row "llvm-dwarfdump-19 --debug-info --debug-line" "$DUMP_S" "$DUMP_CPU" "$DUMP_RSS" ""
fi
if [ "$HAG_STATUS" -ne 0 ]; then
  echo "hagfish full parse (-Xmx$XMX): FAILED, $(grep -m1 -E 'OutOfMemoryError|Exception' "$OUT/hagfish.out" || echo "exit $HAG_STATUS")"
  echo "hagfish heap: $HEAP   peak RSS ${HAG_RSS} MiB"
  exit 1
fi
HAG_S=$(awk '/^median:/ {print $2 / 1000}' "$OUT/hagfish.out")
HAG_CPU=$(awk '/^median:/ {print $(NF - 1) / 1000}' "$OUT/hagfish.out")
row "hagfish full parse (median of $RUNS, in process)" "$HAG_S" "$HAG_CPU" "$HAG_RSS" "   (-Xmx$XMX; RSS of the JVM)"
echo "hagfish heap: $HEAP"
echo "hagfish parsed: $(sed -n 's/^parsed: //p' "$OUT/hagfish.out")"
if [ "$PEER_RUNS" -gt 0 ]; then
  echo "ratio hagfish/pahole:         wall $(ratio "$HAG_S" "$PAHOLE_S")x   cpu $(ratio "$HAG_CPU" "$PAHOLE_CPU")x"
  echo "ratio hagfish/llvm-dwarfdump: wall $(ratio "$HAG_S" "$DUMP_S")x   cpu $(ratio "$HAG_CPU" "$DUMP_CPU")x"
fi
