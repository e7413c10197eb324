#!/usr/bin/env bash
# Golden output of gdb's `ptype /o` for every named struct and union of the sample DWARF: the
# x86_64 DWARF 2/4/5 and arm64 DWARF 5 dSYMs, both slices of the fat dSYM, and each i386 object.
# gdb reads ELF only, so the __DWARF sections are copied into an empty ELF object of the matching
# machine (x86-64, AArch64, i386; made by clang-19 from an empty C file) with llvm-objcopy-19
# (TOOLCHAIN.md). Debian's plain gdb is built for x86-64 only and rejects an AArch64 ELF, so every
# ELF is read by gdb-multiarch (the same gdb 13.1 with every target). llvm-objcopy-19 cannot read a
# universal file, so the fat dSYM's slices are first taken out with llvm-lipo-19 -thin.
# Writes expected/gdb/<name>.ptype.txt and COMMANDS.md; <name> is a variant, fat-<arch>, or
# i386-<object>. Needs gdb-multiarch, clang-19 and llvm-19 (installed here when run as root).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
export LC_ALL=C
OUT=expected/gdb
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
. tools/dwarf-elf.sh
for t in gdb-multiarch clang-19 llvm-objcopy-19 llvm-lipo-19 python3; do
  if ! command -v "$t" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q gdb-multiarch clang-19 llvm-19 python3
    else echo "make-expected-gdb.sh: $t is missing (apt-get install gdb-multiarch clang-19 llvm-19)" >&2; exit 1; fi
  fi
done
rm -rf "$OUT" && mkdir -p "$OUT"
{
  echo "# Commands behind expected/gdb/"
  echo
  echo "gdb-multiarch: $(gdb-multiarch --version | head -1)"
  echo
  echo "Every run: the empty ELF object comes from \`clang-19 -target TRIPLE -c -x c /dev/null -o empty-TRIPLE.o\`."
  echo "The names asked for are every named, defined, top-level struct and union of the listed"
  echo "\`types.jsonl\` (llvm-dwarfdump-19 facts), sorted; each is asked as"
  echo "\`-ex 'echo ==== NAME\\n' -ex 'ptype /o NAME'\`, and gdb's stdout and stderr go to the golden."
  echo
} > "$OUT/COMMANDS.md"

# ptype_golden NAME DWARF_FILE TRIPLE TYPES_JSONL [OBJECT]: one golden from one Mach-O DWARF file.
ptype_golden() {
  local name=$1 d=$2 triple=$3 types=$4 object=${5:-} names
  dwarf_elf "$name" "$d" "$triple"
  names=$(python3 -c '
import json,sys
seen=set()
for l in open(sys.argv[1]):
    t=json.loads(l)
    if sys.argv[2] and t.get("object") != sys.argv[2]:
        continue
    if t["tag"] in ("DW_TAG_structure_type","DW_TAG_union_type") and t.get("name") and not t.get("declaration") and "::" not in t["name"]:
        seen.add(("union " if t["tag"]=="DW_TAG_union_type" else "struct ")+t["name"])
print("\n".join(sorted(seen)))' "$types" "$object")
  local gargs=()
  while read -r n; do
    [ -n "$n" ] && gargs+=(-ex "echo ==== $n\\n" -ex "ptype /o $n")
  done <<< "$names"
  gdb-multiarch -nx -batch "${gargs[@]}" "$WORK/$name.elf" > "$OUT/$name.ptype.txt" 2>&1
  echo "  then: gdb-multiarch -nx -batch -ex 'echo ==== NAME\\n' -ex 'ptype /o NAME' ... $name.elf > expected/gdb/$name.ptype.txt (names: $types${object:+, \"object\": \"$object\"})" >> "$OUT/COMMANDS.md"
}

each_dwarf ptype_golden
[ -x ./make-manifest.sh ] && ./make-manifest.sh
