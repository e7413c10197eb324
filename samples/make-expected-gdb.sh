#!/usr/bin/env bash
# Golden output of gdb's `ptype /o` for every named struct and union of the sample dSYMs.
# gdb reads ELF only, so the dSYM's __DWARF sections are copied into an empty ELF object with
# llvm-objcopy-19 (TOOLCHAIN.md). Writes expected/gdb/<variant>.ptype.txt and COMMANDS.md.
# Needs gdb, gcc and llvm-19 (installed here when run as root and missing).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
OUT=expected/gdb
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
for t in gdb gcc llvm-objcopy-19; do
  if ! command -v "$t" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q gdb gcc llvm-19
    else echo "make-expected-gdb.sh: $t is missing (apt-get install gdb gcc llvm-19)" >&2; exit 1; fi
  fi
done
rm -rf "$OUT" && mkdir -p "$OUT"
{
  echo "# Commands behind expected/gdb/"
  echo
  echo "gdb: $(gdb --version | head -1)"
  echo
} > "$OUT/COMMANDS.md"
printf '' | gcc -c -x c - -o "$WORK/empty.o"
for v in x86_64-dwarf2 x86_64-dwarf4 x86_64-dwarf5; do
  d="kernels/$v/kernel.dSYM/Contents/Resources/DWARF/kernel"
  args=()
  for s in debug_info debug_abbrev debug_str debug_str_offs debug_line debug_line_str debug_addr \
           debug_aranges debug_ranges debug_rnglists debug_loc debug_loclists; do
    if llvm-objcopy-19 --dump-section "__DWARF,__$s=$WORK/$s.bin" "$d" /dev/null 2>/dev/null; then
      elfname=".$s"; [ "$s" = debug_str_offs ] && elfname=.debug_str_offsets
      args+=(--add-section "$elfname=$WORK/$s.bin")
    fi
  done
  llvm-objcopy-19 "${args[@]}" "$WORK/empty.o" "$WORK/$v.elf"
  echo "- \`$v\`: llvm-objcopy-19 --dump-section __DWARF,__<s>=<s>.bin $d; llvm-objcopy-19 ${args[*]//$WORK\//} empty.o $v.elf" >> "$OUT/COMMANDS.md"
  # Every named struct/union of the llvm-dwarfdump facts, once each, sorted.
  names=$(python3 -c '
import json,sys
seen=set()
for l in open(sys.argv[1]):
    t=json.loads(l)
    if t["tag"] in ("DW_TAG_structure_type","DW_TAG_union_type") and t.get("name") and not t.get("declaration") and "::" not in t["name"]:
        seen.add(("union " if t["tag"]=="DW_TAG_union_type" else "struct ")+t["name"])
print("\n".join(sorted(seen)))' "expected/$v/types.jsonl")
  gargs=()
  while read -r n; do gargs+=(-ex "echo ==== $n\\n" -ex "ptype /o $n"); done <<< "$names"
  gdb -nx -batch "${gargs[@]}" "$WORK/$v.elf" > "$OUT/$v.ptype.txt" 2>&1
  echo "  then: gdb -nx -batch -ex 'echo ==== NAME\\n' -ex 'ptype /o NAME' ... $v.elf > expected/gdb/$v.ptype.txt (every named struct/union in expected/$v/types.jsonl)" >> "$OUT/COMMANDS.md"
done
[ -x ./make-manifest.sh ] && ./make-manifest.sh
