#!/usr/bin/env bash
# Runs the EXTERNAL reference tools over REAL third-party files (written by nobody here) and
# stores what they print as golden files in samples/expected/real/. The files themselves are
# never committed: they come from two Debian 12 packages, which .ci/run installs.
#
#   libc6-dbg        ELF DWARF 5 debug files with SHF_COMPRESSED (zlib) sections
#   golang-1.19-src  Go's debug/{dwarf,elf,macho} testdata: gcc-built darwin Mach-O with DWARF 2/4,
#                    ELF32/ELF64, big-endian objects, SHF_COMPRESSED and legacy .zdebug sections
#
# Outputs (expected/real/):
#   FILES.tsv                        id, package, version, path, encoding, container, sha256 (the
#                                    tests locate and check their inputs with it)
#   SOURCES.md                       provenance: package versions, tool versions, every command
#   <id>.units.txt                   the unit header lines of llvm-dwarfdump-19 --debug-info
#   <id>.section-sizes.txt           llvm-dwarfdump-19 --show-section-sizes (sizes in the file)
#   <id>.section-sizes-inflated.txt  the same for a copy with decompressed debug sections
#                                    (only for files with compressed sections)
#   <id>.types.jsonl                 tools/dwarfdump-types.py of --debug-info: struct/union/enum
#                                    DIEs with a byte size (libc: a deterministic sample, below)
#   <id>.nm-n.txt                    llvm-nm-19 -n (every ELF input)
#   libc6-dbg-libc.symbolizer.jsonl  llvm-symbolizer-19 --output-style=JSON over queries drawn from
#                                    llvm-nm-19 -n -S (SYMBOLIZER_STEP, below)
#   pahole/<struct>.txt              pahole -C <struct> of libc.so.6's debug file
#
# Every tool runs on a copy named <id> in a scratch directory, so the outputs name no absolute
# path. Re-running with the same package versions gives identical files. Needs llvm-19, pahole
# (pahole), binutils (GNU objcopy, for .zdebug), python3, libc6-dbg and golang-1.19-src.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
export LC_ALL=C TZ=UTC
unset DEBUGINFOD_URLS || true

OUT=expected/real
GOSRC=/usr/share/go-1.19/src
LIBC_SO=/lib/x86_64-linux-gnu/libc.so.6
LIBC_TYPES_CAP=400     # libc: an even spread of this many distinct struct/union/enum layouts
SYMBOLIZER_STEP=97     # libc: every 97th sized function and data symbol of llvm-nm -n -S is queried
PAHOLE_STRUCTS=(_IO_FILE _IO_marker stat timespec tm dirent sigaction pthread_attr_t malloc_chunk
                malloc_state link_map timex)

for t in llvm-dwarfdump-19 llvm-nm-19 llvm-symbolizer-19 llvm-objcopy-19 objcopy pahole python3 readelf sha256sum base64; do
  command -v "$t" >/dev/null 2>&1 || { echo "make-expected-real.sh: $t is missing (apt-get install llvm-19 pahole binutils python3)" >&2; exit 1; }
done
for p in libc6-dbg golang-1.19-src; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' \
    || { echo "make-expected-real.sh: package $p is not installed (apt-get install $p)" >&2; exit 1; }
done

# libc.so.6's debug file is found by the build id of the installed libc.so.6 (libc6-dbg
# depends on exactly the same libc6 version, so the two always match).
LIBC_ID="$(readelf -n "$LIBC_SO" | awk '/Build ID:/ {print $3; exit}')"
[ -n "$LIBC_ID" ] || { echo "make-expected-real.sh: no build id in $LIBC_SO" >&2; exit 1; }
debug_file() { echo "/usr/lib/debug/.build-id/${1:0:2}/${1:2}.debug"; }
# Two small debug files of the same package, found the same way.
PCPROFILE_ID="$(readelf -n /lib/x86_64-linux-gnu/libpcprofile.so | awk '/Build ID:/ {print $3; exit}')"
MEMUSAGE_ID="$(readelf -n /lib/x86_64-linux-gnu/libmemusage.so | awk '/Build ID:/ {print $3; exit}')"

# id | package | path | encoding (raw/base64) | container | goldens (t=types, i=inflated sizes,
# z=inflated sizes through GNU objcopy). Types are recorded only for files that have struct, union
# or enum DIEs and whose DWARF is final (linked files, debug files, Mach-O objects); every file
# gets units.txt and section-sizes.txt.
INPUTS=(
  "libc6-dbg-libc|libc6-dbg|$(debug_file "$LIBC_ID")|raw|elf|ti"
  "libc6-dbg-libpcprofile|libc6-dbg|$(debug_file "$PCPROFILE_ID")|raw|elf|ti"
  "libc6-dbg-libmemusage|libc6-dbg|$(debug_file "$MEMUSAGE_ID")|raw|elf|ti"
  "go-typedef-macho|golang-1.19-src|$GOSRC/debug/dwarf/testdata/typedef.macho|raw|macho|t"
  "go-typedef-macho4|golang-1.19-src|$GOSRC/debug/dwarf/testdata/typedef.macho4|raw|macho|t"
  "go-gcc-amd64-darwin-exec-debug|golang-1.19-src|$GOSRC/debug/macho/testdata/gcc-amd64-darwin-exec-debug.base64|base64|macho|"
  "go-typedef-elf|golang-1.19-src|$GOSRC/debug/dwarf/testdata/typedef.elf|raw|elf|t"
  "go-line-gcc-dwarf5-elf|golang-1.19-src|$GOSRC/debug/dwarf/testdata/line-gcc-dwarf5.elf|raw|elf|"
  "go-line-clang-dwarf5-elf|golang-1.19-src|$GOSRC/debug/dwarf/testdata/line-clang-dwarf5.elf|raw|elf|"
  "go-rnglistx-elf|golang-1.19-src|$GOSRC/debug/dwarf/testdata/rnglistx.elf|raw|elf|"
  "go-gcc-386-freebsd-exec|golang-1.19-src|$GOSRC/debug/elf/testdata/gcc-386-freebsd-exec|raw|elf|"
  "go-gcc-amd64-linux-exec|golang-1.19-src|$GOSRC/debug/elf/testdata/gcc-amd64-linux-exec|raw|elf|"
  "go-compressed-32-obj|golang-1.19-src|$GOSRC/debug/elf/testdata/compressed-32.obj|raw|elf|i"
  "go-compressed-64-obj|golang-1.19-src|$GOSRC/debug/elf/testdata/compressed-64.obj|raw|elf|i"
  "go-zdebug-gcc484-x86-64-obj|golang-1.19-src|$GOSRC/debug/elf/testdata/zdebug-test-gcc484-x86-64.obj|raw|elf|z"
  "go-gcc540-mips-obj|golang-1.19-src|$GOSRC/debug/elf/testdata/go-relocation-test-gcc540-mips.obj|raw|elf|"
  "go-gcc5-ppc-obj|golang-1.19-src|$GOSRC/debug/elf/testdata/go-relocation-test-gcc5-ppc.obj|raw|elf|"
  "go-gcc620-sparc64-obj|golang-1.19-src|$GOSRC/debug/elf/testdata/go-relocation-test-gcc620-sparc64.obj|raw|elf|"
)

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
rm -rf "$OUT"
mkdir -p "$OUT/pahole"
CMDS="$WORK/commands.md"
: > "$CMDS"
cmd() { printf '    %s\n' "$*" >> "$CMDS"; }

# The libc sample: the first DIE of every distinct layout (tag, name, byte size, member or
# enumerator names), then LIBC_TYPES_CAP of those spread evenly in DIE order.
read -r -d '' FILTER_PY <<'PY' || true
import json, sys
cap = int(sys.argv[1]) if len(sys.argv) > 1 else 0
rows = [json.loads(l) for l in sys.stdin]
keep, seen = [], set()
for r in rows:
    if r['tag'] not in ('DW_TAG_structure_type', 'DW_TAG_union_type', 'DW_TAG_enumeration_type'):
        continue
    if not isinstance(r['byte_size'], int) or r['declaration']:
        continue
    key = (r['tag'], r['name'], r['byte_size'], tuple(m['name'] for m in r.get('members', [])),
           tuple(e['name'] for e in r.get('enumerators', [])))
    if cap and key in seen:
        continue
    seen.add(key)
    keep.append(r)
if cap and len(keep) > cap:
    keep = [keep[i * len(keep) // cap] for i in range(cap)]
for r in keep:
    sys.stdout.write(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n')
PY

# The libc symbolizer queries, from llvm-nm -n -S lines (address, size, letter, name).
read -r -d '' SYMQ_PY <<'PY' || true
import sys
step = int(sys.argv[1])
code, data, nf, nd = [], [], 0, 0
for line in sys.stdin:
    f = line.split()
    if len(f) != 4 or int(f[1], 16) == 0:
        continue
    mid = int(f[0], 16) + int(f[1], 16) // 2
    if f[2] in 'tTWi':
        if nf % step == 0:
            code.append('0x%x' % mid)
        nf += 1
    elif f[2] in 'bBdDrRV':
        if nd % step == 0:
            data.append('DATA 0x%x' % mid)
        nd += 1
sys.stdout.write(''.join(q + '\n' for q in code + data))
PY

printf 'id\tpackage\tversion\tpath\tencoding\tcontainer\tsha256\n' > "$OUT/FILES.tsv"
for spec in "${INPUTS[@]}"; do
  IFS='|' read -r id pkg path enc container goldens <<< "$spec"
  [ -f "$path" ] || { echo "make-expected-real.sh: $path is missing" >&2; exit 1; }
  ver="$(dpkg-query -W -f='${Version}' "$pkg")"
  if [ "$enc" = base64 ]; then base64 -d "$path" > "$WORK/$id"; else cp "$path" "$WORK/$id"; fi
  sha="$(sha256sum "$WORK/$id" | cut -d' ' -f1)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$id" "$pkg" "$ver" "$path" "$enc" "$container" "$sha" >> "$OUT/FILES.tsv"
  echo "make-expected-real.sh: $id" >&2

  printf '\n### %s\n\n`%s` from %s %s (%s), sha256 %s' "$id" "$path" "$pkg" "$ver" "$container" "$sha" >> "$CMDS"
  [ "$enc" = base64 ] && printf ', after `base64 -d`' >> "$CMDS"
  printf '; the tools ran on a copy named `%s`:\n\n' "$id" >> "$CMDS"
  src="$id"
  case "$goldens" in
    *z*)  # legacy .zdebug: llvm-dwarfdump-19 no longer reads it; GNU objcopy decompresses it
      (cd "$WORK" && llvm-dwarfdump-19 --show-section-sizes "$id") > "$OUT/$id.section-sizes.txt"
      cmd "llvm-dwarfdump-19 --show-section-sizes $id > $id.section-sizes.txt"
      (cd "$WORK" && objcopy --decompress-debug-sections "$id" "$id.inflated")
      (cd "$WORK" && llvm-dwarfdump-19 --show-section-sizes "$id.inflated") > "$OUT/$id.section-sizes-inflated.txt"
      cmd "objcopy --decompress-debug-sections $id $id.inflated"
      cmd "llvm-dwarfdump-19 --show-section-sizes $id.inflated > $id.section-sizes-inflated.txt"
      src="$id.inflated" ;;
    *i*)
      (cd "$WORK" && llvm-dwarfdump-19 --show-section-sizes "$id") > "$OUT/$id.section-sizes.txt"
      cmd "llvm-dwarfdump-19 --show-section-sizes $id > $id.section-sizes.txt"
      (cd "$WORK" && llvm-objcopy-19 --decompress-debug-sections "$id" "$id.inflated")
      (cd "$WORK" && llvm-dwarfdump-19 --show-section-sizes "$id.inflated") > "$OUT/$id.section-sizes-inflated.txt"
      cmd "llvm-objcopy-19 --decompress-debug-sections $id $id.inflated"
      cmd "llvm-dwarfdump-19 --show-section-sizes $id.inflated > $id.section-sizes-inflated.txt" ;;
    *)
      (cd "$WORK" && llvm-dwarfdump-19 --show-section-sizes "$id") > "$OUT/$id.section-sizes.txt"
      cmd "llvm-dwarfdump-19 --show-section-sizes $id > $id.section-sizes.txt" ;;
  esac

  (cd "$WORK" && llvm-dwarfdump-19 --debug-info "$src") > "$WORK/$id.info"
  grep -E '^0x[0-9a-f]+: [A-Za-z]+ Unit:' "$WORK/$id.info" > "$OUT/$id.units.txt"
  cmd "llvm-dwarfdump-19 --debug-info $src | grep -E '^0x[0-9a-f]+: [A-Za-z]+ Unit:' > $id.units.txt"

  if [ "$container" = elf ]; then
    (cd "$WORK" && llvm-nm-19 -n "$id") > "$OUT/$id.nm-n.txt"
    cmd "llvm-nm-19 -n $id > $id.nm-n.txt"
  fi
  if [ "$id" = libc6-dbg-libc ]; then
    # Queries: the middle of every SYMBOLIZER_STEP-th sized function (t, T, W, i) and, as DATA
    # queries, of every SYMBOLIZER_STEP-th sized data symbol (b, B, d, D, r, R, V), in nm -n order.
    (cd "$WORK" && llvm-nm-19 -n -S --defined-only "$id") | python3 -c "$SYMQ_PY" "$SYMBOLIZER_STEP" > "$WORK/symq.txt"
    (cd "$WORK" && llvm-symbolizer-19 --output-style=JSON "--obj=$id") < "$WORK/symq.txt" > "$OUT/$id.symbolizer.jsonl"
    [ "$(wc -l < "$WORK/symq.txt")" = "$(wc -l < "$OUT/$id.symbolizer.jsonl")" ] ||
      { echo "make-expected-real.sh: llvm-symbolizer-19 did not answer every query" >&2; exit 1; }
    cmd "llvm-nm-19 -n -S --defined-only $id | (make-expected-real.sh SYMQ_PY, step $SYMBOLIZER_STEP) > queries"
    cmd "llvm-symbolizer-19 --output-style=JSON --obj=$id < queries > $id.symbolizer.jsonl"
  fi

  if [[ $goldens == *t* ]]; then
    python3 tools/dwarfdump-types.py --types "$WORK/$id.all.jsonl" < "$WORK/$id.info"
    if [ "$id" = libc6-dbg-libc ]; then
      python3 -c "$FILTER_PY" "$LIBC_TYPES_CAP" < "$WORK/$id.all.jsonl" > "$OUT/$id.types.jsonl"
      cmd "llvm-dwarfdump-19 --debug-info $src | python3 tools/dwarfdump-types.py --types all.jsonl"
      cmd "filter (make-expected-real.sh FILTER_PY, cap $LIBC_TYPES_CAP) < all.jsonl > $id.types.jsonl"
    else
      python3 -c "$FILTER_PY" < "$WORK/$id.all.jsonl" > "$OUT/$id.types.jsonl"
      cmd "llvm-dwarfdump-19 --debug-info $src | python3 tools/dwarfdump-types.py --types all.jsonl"
      cmd "filter (make-expected-real.sh FILTER_PY, no cap) < all.jsonl > $id.types.jsonl"
    fi
  fi
  rm -f "$WORK/$id.info" "$WORK/$id.all.jsonl"
done

printf '\n### pahole\n\n' >> "$CMDS"
for s in "${PAHOLE_STRUCTS[@]}"; do
  (cd "$WORK" && pahole -C "$s" libc6-dbg-libc) > "$OUT/pahole/$s.txt"
  [ -s "$OUT/pahole/$s.txt" ] || { echo "make-expected-real.sh: pahole found no $s" >&2; exit 1; }
  cmd "pahole -C $s libc6-dbg-libc > pahole/$s.txt"
done

{
  cat <<EOF
# Real third-party inputs and their golden files

Written by \`samples/make-expected-real.sh\`; do not edit. The inputs are never committed: the
tests read them where the Debian packages install them (listed with their sha256 in
\`FILES.tsv\`), and \`.ci/run\` installs the packages. The goldens are what the reference tools
printed; hagfish's own output is never recorded here. They are checked by
\`analyzer/src/test/java/dev/hagfish/dwarf/RealDwarfTest.java\` (and the libpcprofile file is
mutated by \`RealDwarfFuzzTest.java\`); the \`nm-n.txt\` files by
\`analyzer/src/test/java/dev/hagfish/symbols/ElfSymbolTableTest.java\`, and libc's
\`symbolizer.jsonl\` and the pahole layouts by \`index/src/test/java/dev/hagfish/index/ElfIndexTest.java\`.

## Packages (Debian 12)

| package | version |
|---|---|
EOF
  for p in libc6-dbg golang-1.19-src llvm-19 pahole binutils-x86-64-linux-gnu; do
    printf '| %s | %s |\n' "$p" "$(dpkg-query -W -f='${Version}' "$p")"
  done
  cat <<EOF

## Tools

    $(llvm-dwarfdump-19 --version | grep -m1 -i version | sed 's/^ *//')
    llvm-nm-19 and llvm-symbolizer-19 of the same LLVM
    pahole $(pahole --version)
    $(objcopy --version | head -1)

## Choices

- libc.so.6's debug file is found by the build id of the installed \`$LIBC_SO\`;
  the small libpcprofile.so and libmemusage.so debug files the same way.
- A newer libc6-dbg has other files (other build ids): \`.ci/run\` then unpacks the version
  recorded here beside the build, while the Debian archive still carries it, and the tests read
  it there (\`HAGFISH_REAL_ROOT\`). Once it is gone, rerun this script and commit the goldens.
- \`<id>.types.jsonl\` keeps struct, union and enum DIEs that have a byte size and are not
  declarations. For libc (about 25,000 such DIEs over 2,000 units) it keeps the first DIE of
  every distinct layout (tag, name, byte size, member or enumerator names) and then an even
  spread of $LIBC_TYPES_CAP of those, in DIE order.
- Types are recorded only where the DWARF is final (linked files, debug files, Mach-O objects,
  REL ELF objects) and that have any: relocations are not applied by hagfish, and RELA objects
  keep 0 in place.
- \`.zdebug_*\` sections: llvm-dwarfdump-19 no longer decompresses them, so that file's unit
  headers come from a copy that GNU objcopy decompressed.

## Commands (cwd: a scratch directory holding a copy of each input named by its id)
EOF
  cat "$CMDS"
} > "$OUT/SOURCES.md"

du -sh "$OUT" >&2
