#!/usr/bin/env bash
# Golden facts of every subprogram and inlined subroutine of the sample dSYMs and i386 objects,
# made by the EXTERNAL reference tool llvm-dwarfdump-19 (never by hagfish). Its `--debug-info`
# text goes through tools/dwarfdump-types.py --functions, which transcribes the attributes (see
# its doc for the keys). Writes:
#
#   expected/V/functions.jsonl     V = x86_64-dwarf2, x86_64-dwarf4, x86_64-dwarf5, arm64-dwarf5
#   expected/i386/functions.jsonl  the i386 objects, each line with "object"
#   expected/real/ID.functions.jsonl  real third-party files of expected/real/FILES.tsv (see
#                                  make-expected-real.sh) whose DWARF is final (no relocatable
#                                  objects: llvm-dwarfdump applies their relocations, hagfish
#                                  does not); libc: every subprogram with DW_AT_ranges and an
#                                  even spread of 300 other lines (--functions-cap)
#   expected/FUNCTIONS.md          the tool version and every command, and the fat-slice check
#
# A real file that is not installed, or whose sha256 differs from FILES.tsv, is skipped with a
# note and its golden file left as it is.
# The fat dSYM is llvm-lipo of the x86_64-dwarf4 and arm64-dwarf5 dSYMs: the script checks that
# llvm-dwarfdump-19 --arch=A of each slice gives the very same functions.jsonl as the thin
# variant (and stops if not), so the tests compare the fat slices with the thin goldens and no
# copy is stored. ProgramReaderTest compares hagfish's ProgramReader with these files.
# make-expected.sh runs this script after its own outputs; it rewrites MANIFEST.md.
# Needs llvm-19 and python3 (llvm-19 is installed here when run as root and missing).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
export LC_ALL=C TZ=UTC
OUT=expected
TOOL=llvm-dwarfdump-19
if ! command -v "$TOOL" >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q llvm-19
  else echo "make-expected-functions.sh: $TOOL is missing (apt-get install llvm-19)" >&2; exit 1; fi
fi
VARIANTS=(x86_64-dwarf2 x86_64-dwarf4 x86_64-dwarf5 arm64-dwarf5)
FAT=(x86_64:x86_64-dwarf4 arm64:arm64-dwarf5)
dsym() { echo "kernels/$1/kernel.dSYM/Contents/Resources/DWARF/kernel"; }
for v in "${VARIANTS[@]}" fat; do
  [ -f "$(dsym "$v")" ] || { echo "make-expected-functions.sh: $(dsym "$v") is missing (run build.sh)" >&2; exit 1; }
done
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
CMDS="$WORK/commands.md"
: > "$CMDS"

# dump OUT SHOWN FILE [ARGS...]: llvm-dwarfdump-19 --debug-info [ARGS] FILE | dwarfdump-types.py
# --functions OUT, logged with SHOWN in place of OUT.
dump() {
  local out=$1 shown=$2 file=$3; shift 3
  echo "$TOOL --debug-info $* $file | python3 tools/dwarfdump-types.py --functions $shown" | sed 's/  */ /g' >> "$CMDS"
  "$TOOL" --debug-info "$@" "$file" | python3 tools/dwarfdump-types.py --functions "$out"
}

for v in "${VARIANTS[@]}"; do
  mkdir -p "$OUT/$v"
  dump "$OUT/$v/functions.jsonl" "$OUT/$v/functions.jsonl" "$(dsym "$v")"
done

mkdir -p "$OUT/i386"
: > "$OUT/i386/functions.jsonl"
mapfile -t I386 < <(LC_ALL=C find kernels/i386 -name '*.o' | LC_ALL=C sort)
for o in "${I386[@]}"; do
  c="$TOOL --debug-info $o | python3 tools/dwarfdump-types.py --object $o --append --functions $OUT/i386/functions.jsonl"
  echo "$c" >> "$CMDS"
  "$TOOL" --debug-info "$o" | python3 tools/dwarfdump-types.py --object "$o" --append --functions "$OUT/i386/functions.jsonl"
done

# Real files: each runs as a copy named ID in a scratch directory, as in make-expected-real.sh.
REAL=(libc6-dbg-libc:300 libc6-dbg-libpcprofile libc6-dbg-libmemusage go-typedef-macho go-typedef-macho4
      go-gcc-amd64-darwin-exec-debug go-typedef-elf go-line-gcc-dwarf5-elf go-line-clang-dwarf5-elf
      go-rnglistx-elf go-gcc-386-freebsd-exec)
for spec in "${REAL[@]}"; do
  id=${spec%%:*} cap=; [ "$spec" = "$id" ] || cap=${spec#*:}
  row="$(awk -F'\t' -v id="$id" '$1 == id' "$OUT/real/FILES.tsv")"
  [ -n "$row" ] || { echo "make-expected-functions.sh: $id is not in $OUT/real/FILES.tsv" >&2; exit 1; }
  IFS=$'\t' read -r _ _ _ path encoding _ sha <<< "$row"
  if [ ! -f "$path" ]; then
    echo "make-expected-functions.sh: $path is not installed; $OUT/real/$id.functions.jsonl left as it is" >&2
    continue
  fi
  if [ "$encoding" = base64 ]; then base64 -d "$path" > "$WORK/$id"; else cp "$path" "$WORK/$id"; fi
  if [ "$(sha256sum "$WORK/$id" | cut -d' ' -f1)" != "$sha" ]; then
    echo "make-expected-functions.sh: $path differs from FILES.tsv; $OUT/real/$id.functions.jsonl left as it is" >&2
    continue
  fi
  args=(--functions "$HERE/$OUT/real/$id.functions.jsonl")
  [ -z "$cap" ] || args+=(--functions-cap "$cap")
  echo "(in a scratch directory, $id = a copy of $path$([ "$encoding" = base64 ] && echo ', base64-decoded'))" >> "$CMDS"
  echo "$TOOL --debug-info $id | python3 tools/dwarfdump-types.py ${args[*]}" | sed "s#$HERE/##" >> "$CMDS"
  (cd "$WORK" && "$TOOL" --debug-info "$id") | python3 tools/dwarfdump-types.py "${args[@]}"
  rm -f "$WORK/$id"
done

for pair in "${FAT[@]}"; do
  arch=${pair%%:*} thin=${pair#*:}
  dump "$WORK/fat-$arch.jsonl" "(a temporary file)" "$(dsym fat)" "--arch=$arch"
  echo "cmp (that temporary file) $OUT/$thin/functions.jsonl" >> "$CMDS"
  cmp "$WORK/fat-$arch.jsonl" "$OUT/$thin/functions.jsonl" || {
    echo "make-expected-functions.sh: the fat dSYM's $arch slice differs from $thin" >&2; exit 1; }
done

{
  echo "# Commands behind expected/*/functions.jsonl and expected/real/*.functions.jsonl"
  echo
  echo "Written by \`make-expected-functions.sh\`. Every command ran with the current directory ="
  echo "\`samples/\` and \`LC_ALL=C\`. \`tools/dwarfdump-types.py\` documents the keys."
  echo
  echo "Tool: $TOOL: $($TOOL --version | grep -m1 -i 'version' | sed 's/^ *//')"
  echo
  echo "The fat dSYM's slices gave byte-identical files to the thin variants they were made from"
  echo "(x86_64 = x86_64-dwarf4, arm64 = arm64-dwarf5), checked with \`cmp\` below; no copy is stored."
  echo
  echo '```'
  cat "$CMDS"
  echo '```'
} > "$OUT/FUNCTIONS.md"

if [ -x "$HERE/make-manifest.sh" ]; then
  "$HERE/make-manifest.sh"
fi
echo "make-expected-functions.sh: done" >&2
