#!/usr/bin/env bash
# Issue 6 benchmark, snapshots: opening a core of several GiB, compressed and not, and finding
# its kernel and KASLR slide, against the peer tools on the same files in the same run.
#
#   bench/snapshot.sh [SIZE_GIB]
#
# bench/BigCore.java writes a core of SIZE_GIB (default 4) GiB plus the sample kernel: the
# kernel segments of samples/snapshots/x86_64-dwarf4-nonote.core without its lowGlo page, so
# that neither an LC_NOTE nor lowGlo gives the slide and hagfish must search memory for the
# version banner (twice: to match the kernel, then to find the slide), and above them a segment
# of SIZE_GIB GiB (half zero pages, half base64 text) at 0xffffff8100000000. gzip -1 makes the
# .gz copy.
#
# (a) hagfish version --core big.core.gz with an empty cache: hash + inflate + open + detect,
#     against sha256sum big.core.gz plus gzip -dc big.core.gz > file (the same work by peers);
# (b) the same again with the inflated copy cached: hash + open + detect, against sha256sum;
# (c) hagfish version --core big.core: open + match + detect by scanning, against
#     lldb-22 -b -c big.core -o 'memory read' of the banner (load the core, read 64 bytes);
# (d) the worst case: the SIZE_GIB GiB segment alone as a raw dump with no kernel in it, so both
#     scans (banner, Mach-O header) read every page before giving up (exit 5), against
#     cat FILE > /dev/null (reading every byte once).
#
# hagfish runs with -Xmx${HAGFISH_XMX:-256m} (a heap far smaller than the core). Every process
# figure is wall and CPU time (user + system) and peak RSS, from GNU time; ratios are hagfish /
# peer. Needs gzip, sha256sum, lldb-22, GNU time, and about 3 x SIZE_GIB GiB free under $TMPDIR.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SIZE="${1:-4}"
XMX="${HAGFISH_XMX:-256m}"

need() { command -v "$1" >/dev/null 2>&1 || { echo "snapshot.sh: $1 is needed ($2)" >&2; exit 1; }; }
need /usr/bin/time "apt-get install time"
need lldb-22 "apt-get install lldb-22"
need gzip "apt-get install gzip"

"$ROOT/hagfish" --version >/dev/null   # builds the jar if needed
JAR="$ROOT/cli/target/hagfish.jar"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
export HAGFISH_HOME="$W/home"

timed() {   # timed LABEL CMD...: runs CMD, appends "LABEL wall cpu rss" to $W/times, returns CMD's status
  local label=$1 rc=0; shift
  /usr/bin/time -f "%e %U %S %M" -o "$W/t" "$@" || rc=$?
  read -r wall user sys rss < <(tail -1 "$W/t")
  echo "$label $wall $(echo "$user + $sys" | bc) $rss" >> "$W/times"
  return $rc
}

echo "snapshot.sh: writing a ${SIZE} GiB core" >&2
java -cp "$JAR" "$ROOT/bench/BigCore.java" "$ROOT/samples/snapshots/x86_64-dwarf4-nonote.core" "$W/big.core" "$SIZE" "$W/fill"
echo "snapshot.sh: gzip -1" >&2
gzip -1 -c "$W/big.core" > "$W/big.core.gz"
java -jar "$JAR" index "$ROOT/samples/kernels/x86_64-dwarf4/kernel" >/dev/null
HF=(java "-Xmx$XMX" -jar "$JAR" version)
VERSION_ADDR=0x$(printf %x $((0x$(grep " _version$" "$ROOT/samples/expected/x86_64-dwarf4/nm-n.txt" | cut -c1-16) + 0x4600000)))   # version + the core's slide

echo "snapshot.sh: (a) cold" >&2
timed hagfish_gz_cold "${HF[@]}" --core "$W/big.core.gz" > "$W/a.out"
timed sha256sum sha256sum "$W/big.core.gz" > /dev/null
timed gzip_d sh -c "gzip -dc '$W/big.core.gz' > '$W/peer.core'"
rm -f "$W/peer.core"
echo "snapshot.sh: (b) cached" >&2
timed hagfish_gz_cached "${HF[@]}" --core "$W/big.core.gz" > "$W/b.out"
echo "snapshot.sh: (c) uncompressed" >&2
timed hagfish_core "${HF[@]}" --core "$W/big.core" > "$W/c.out"
timed lldb sh -c "lldb-22 -b --no-lldbinit -c '$W/big.core' -o 'memory read -c 64 $VERSION_ADDR' > '$W/lldb.out' 2>&1"
echo "snapshot.sh: (d) no kernel" >&2
UUID=$(java -jar "$JAR" kernels --json | sed -n 's/.*"uuid" : "\([^"]*\)".*/\1/p' | head -1)
rc=0
timed hagfish_noscan "${HF[@]}" --raw "$W/fill@0xffffff8100000000" --kernel "$UUID" > /dev/null 2> "$W/d.err" || rc=$?
[ $rc -eq 5 ] || { echo "snapshot.sh: (d) exit $rc, not 5:" >&2; cat "$W/d.err" >&2; exit 1; }
timed cat sh -c "cat '$W/fill' > /dev/null"
grep -q "Darwin Kernel Ve" "$W/lldb.out" || { echo "snapshot.sh: lldb did not read the banner:" >&2; cat "$W/lldb.out" >&2; exit 1; }
for f in a b c; do
  grep -q '^slide:   0x4600000 (version banner' "$W/$f.out" || { echo "snapshot.sh: ($f) wrong answer:" >&2; cat "$W/$f.out" >&2; exit 1; }
done

core_gib=$(echo "scale=2; $(stat -c %s "$W/big.core") / 1073741824" | bc)
gz_gib=$(echo "scale=2; $(stat -c %s "$W/big.core.gz") / 1073741824" | bc)
echo "core ${core_gib} GiB, gzip -1 ${gz_gib} GiB; hagfish -Xmx$XMX; wall s / CPU s / peak RSS MiB"
awk -v out="$W/report" '
  { wall[$1] = $2; cpu[$1] = $3; rss[$1] = $4 }
  function row(what, h, pw, pc, peer) {
    printf "%-44s hagfish %7.1f / %7.1f / %5d   %-28s %7.1f / %7.1f   ratio wall %.2f cpu %.2f\n",
      what, wall[h], cpu[h], rss[h] / 1024, peer, pw, pc, wall[h] / pw, cpu[h] / pc
  }
  END {
    row("(a) .gz, cold: hash + inflate + detect", "hagfish_gz_cold", wall["sha256sum"] + wall["gzip_d"],
        cpu["sha256sum"] + cpu["gzip_d"], "sha256sum + gzip -dc >file")
    row("(b) .gz, cached: hash + detect", "hagfish_gz_cached", wall["sha256sum"], cpu["sha256sum"], "sha256sum")
    row("(c) core: match + detect (2 banner scans)", "hagfish_core", wall["lldb"], cpu["lldb"], "lldb-22 -c + memory read")
    row("(d) no kernel: 2 full scans, then exit 5", "hagfish_noscan", wall["cat"], cpu["cat"], "cat FILE >/dev/null")
  }' "$W/times"
