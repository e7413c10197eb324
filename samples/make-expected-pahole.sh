#!/usr/bin/env bash
# Golden output of `pahole -C NAME` for every named struct and union that the gdb goldens cover
# (make-expected-gdb.sh), for every named enum and for every typedef of an anonymous enum: the
# x86_64 DWARF 2/4/5 and arm64 DWARF 5 dSYMs, both slices of the fat dSYM, and each i386 object.
# pahole reads ELF only, so, as for gdb, the __DWARF sections are copied into an empty ELF object
# of the matching machine (x86-64, AArch64, i386; made by clang-19 from an empty C file) with
# llvm-objcopy-19 (TOOLCHAIN.md); llvm-objcopy-19 cannot read a universal file, so the fat dSYM's
# slices are first taken out with llvm-lipo-19 -thin.
# Writes expected/pahole/<name>.txt and COMMANDS.md; <name> is a variant, fat-<arch>, or
# i386-<object>, and x86_64-dwarf4-cacheline32 is x86_64-dwarf4 again with `pahole -c 32`. Each
# golden is the answers one after the other, each after a line `==== struct NAME` (or
# `==== union NAME`, `==== enum NAME`, `==== typedef NAME`). pahole's stdout only: its stderr
# carries warnings about DWARF it skips (e.g. `tag not supported 0x2f (template_type_parameter)`).
# Needs pahole, clang-19 and llvm-19 (installed here when run as root).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
export LC_ALL=C
OUT=expected/pahole
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
. tools/dwarf-elf.sh
for t in pahole clang-19 llvm-objcopy-19 llvm-lipo-19 python3; do
  if ! command -v "$t" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q pahole clang-19 llvm-19 python3
    else echo "make-expected-pahole.sh: $t is missing (apt-get install pahole clang-19 llvm-19)" >&2; exit 1; fi
  fi
done
rm -rf "$OUT" && mkdir -p "$OUT"
{
  echo "# Commands behind expected/pahole/"
  echo
  echo "pahole: $(pahole --version) (Debian package pahole $(dpkg-query -W -f '${Version}' pahole 2>/dev/null || echo '?'))"
  echo
  echo "Every run: the empty ELF object comes from \`clang-19 -target TRIPLE -c -x c /dev/null -o empty-TRIPLE.o\`."
  echo "The names asked for are the ones gdb was asked for (every named, defined, top-level struct and"
  echo "union of the listed \`types.jsonl\`, llvm-dwarfdump-19 facts), every named enum and every typedef"
  echo "of an anonymous enum, sorted; for each, the golden gets a line \`==== struct NAME\` (or \`union\`,"
  echo "\`enum\`, \`typedef\`) and then the stdout of"
  echo "\`pahole -C NAME FILE.elf\`."
  echo
} > "$OUT/COMMANDS.md"

# pahole_golden NAME DWARF_FILE TRIPLE TYPES_JSONL [OBJECT]: one golden from one Mach-O DWARF file.
pahole_golden() {
  local name=$1 d=$2 triple=$3 types=$4 object=${5:-} names n
  dwarf_elf "$name" "$d" "$triple"
  names=$(python3 -c '
import json,sys
seen=set()
anonymous_enums=set()
typedefs=[]
for l in open(sys.argv[1]):
    t=json.loads(l)
    if sys.argv[2] and t.get("object") != sys.argv[2]:
        continue
    kw={"DW_TAG_structure_type":"struct ","DW_TAG_union_type":"union ","DW_TAG_enumeration_type":"enum "}.get(t["tag"])
    if kw and t.get("name") and not t.get("declaration") and "::" not in t["name"]:
        seen.add(kw+t["name"])
    if t["tag"] == "DW_TAG_enumeration_type" and not t.get("name"):
        anonymous_enums.add(t["die"])
    if t["tag"] == "DW_TAG_typedef" and t.get("name"):
        typedefs.append(t)
for t in typedefs:
    if t.get("type_die") in anonymous_enums:
        seen.add("typedef "+t["name"])
print("\n".join(sorted(seen)))' "$types" "$object")
  echo "$names" > "$WORK/$name.names"
  echo "  then, for each NAME: pahole -C NAME $name.elf >> expected/pahole/$name.txt (names: $types${object:+, \"object\": \"$object\"})" >> "$OUT/COMMANDS.md"
  ask "$name" "$OUT/$name.txt"
}

# ask NAME GOLDEN [PAHOLE OPTIONS]: asks pahole for every name of NAME.names in NAME.elf.
ask() {
  local name=$1 golden=$2 n
  shift 2
  : > "$golden"
  while read -r n; do
    [ -n "$n" ] || continue
    echo "==== $n" >> "$golden"
    pahole "$@" -C "${n#* }" "$WORK/$name.elf" > "$WORK/answer.txt" 2>/dev/null
    if [ "${n%% *}" != typedef ] && grep -q '^typedef ' "$WORK/answer.txt"; then
      # -C NAME finds the typedef of the same name first (typedef struct NAME {...} NAME;) and
      # prints only that; the prefix filter -y prints every struct whose name starts with NAME,
      # and the one named NAME is cut out of its output.
      echo "    - $n: pahole -C answers \`$(cat "$WORK/answer.txt")\`, so instead: pahole ${*:+$* }-y ${n#* } $name.elf, the lines from \`$n {\` to the next line starting with \`}\`" >> "$OUT/COMMANDS.md"
      pahole "$@" -y "${n#* }" "$WORK/$name.elf" 2>/dev/null \
        | awk -v head="$n {" '$0 == head { on = 1 } on { print } on && /^}/ { exit }' > "$WORK/answer.txt"
    fi
    cat "$WORK/answer.txt" >> "$golden"
  done < "$WORK/$name.names"
}

each_dwarf pahole_golden

# Another cacheline size: the x86_64 DWARF 4 names again, with 32-byte cachelines.
echo "- \`x86_64-dwarf4-cacheline32\`: for each NAME of x86_64-dwarf4: pahole -c 32 -C NAME x86_64-dwarf4.elf >> expected/pahole/x86_64-dwarf4-cacheline32.txt" >> "$OUT/COMMANDS.md"
ask x86_64-dwarf4 "$OUT/x86_64-dwarf4-cacheline32.txt" -c 32
[ -x ./make-manifest.sh ] && ./make-manifest.sh
