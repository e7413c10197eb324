#!/usr/bin/env bash
# Golden files of the reference tools for `hagfish report` and `hagfish diff`:
#
#   expected/x86_64-dwarf4-v2/types.jsonl  llvm-dwarfdump-19's structs, unions, classes, enums and
#                                          typedefs of the second build (kernels/x86_64-dwarf4-v2,
#                                          build.sh with kernel-v2.patch), transcribed by
#                                          tools/dwarfdump-types.py as make-expected.sh does for the
#                                          other variants; the diff tests compare it with
#                                          expected/x86_64-dwarf4/types.jsonl
#   expected/x86_64-dwarf4-v2/uuid.txt     llvm-dwarfdump-19 --uuid of its kernel and dSYM
#   expected/report/libc-pahole.txt.gz     `pahole FILE` (every struct and union, pahole 1.24's own
#                                          choice of them) of libc6-dbg's libc debug file, the one
#                                          expected/real/FILES.tsv names, gzip -9 -n
#   expected/report/libc-local-types.txt   the structs and unions of that file that are defined only
#                                          inside functions (llvm-dwarfdump-19 --debug-info: under a
#                                          DW_TAG_subprogram or DW_TAG_lexical_block), which `pahole FILE`
#                                          does not list
#   expected/report/libc-pahole-local.txt  `pahole -C NAME FILE` for each of them, after a line
#                                          `==== struct NAME` (as expected/pahole/ is written)
#   expected/report/COMMANDS.md            the commands and tool versions
#
# Needs llvm-19, pahole, python3 and the libc6-dbg version FILES.tsv records (make-expected-real.sh
# says how to get it). Re-running with the same tools gives identical files.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
export LC_ALL=C
for t in llvm-dwarfdump-19 pahole python3 gzip; do
  command -v "$t" >/dev/null 2>&1 || { echo "make-expected-report.sh: $t is missing (apt-get install llvm-19 pahole python3)" >&2; exit 1; }
done
V2=kernels/x86_64-dwarf4-v2
[ -f "$V2/kernel" ] || { echo "make-expected-report.sh: $V2/kernel is missing: run build.sh" >&2; exit 1; }
LIBC=$(awk -F'\t' '$1 == "libc6-dbg-libc" {print $4}' expected/real/FILES.tsv)
LIBC_VERSION=$(awk -F'\t' '$1 == "libc6-dbg-libc" {print $3}' expected/real/FILES.tsv)
if [ ! -f "$LIBC" ] && [ -n "${HAGFISH_REAL_ROOT:-}" ] && [ -f "$HAGFISH_REAL_ROOT$LIBC" ]; then
  LIBC="$HAGFISH_REAL_ROOT$LIBC"
fi
[ -f "$LIBC" ] || { echo "make-expected-report.sh: $LIBC (libc6-dbg $LIBC_VERSION) is missing" >&2; exit 1; }

OUT=expected/x86_64-dwarf4-v2
mkdir -p "$OUT" expected/report
llvm-dwarfdump-19 --debug-info "$V2/kernel.dSYM/Contents/Resources/DWARF/kernel" \
  | python3 tools/dwarfdump-types.py --types "$OUT/types.jsonl"
llvm-dwarfdump-19 --uuid "$V2/kernel" "$V2/kernel.dSYM" > "$OUT/uuid.txt"
pahole "$LIBC" 2>/dev/null | gzip -9 -n > expected/report/libc-pahole.txt.gz
llvm-dwarfdump-19 --debug-info "$LIBC" | python3 -c '
import re, sys
stack, local, top = [], set(), set()
scopes = ("DW_TAG_subprogram", "DW_TAG_lexical_block", "DW_TAG_inlined_subroutine")
kinds = {"DW_TAG_structure_type": "struct", "DW_TAG_union_type": "union"}
for line in sys.stdin:
    m = re.match(r"0x[0-9a-f]+:(\s+)(DW_TAG_\w+)", line)
    if m:
        depth = len(m.group(1))
        while stack and stack[-1][0] >= depth:
            stack.pop()
        stack.append((depth, m.group(2)))
        continue
    m = re.match(r"\s+DW_AT_name\s+\(\"(.*)\"\)", line)
    if m and stack and stack[-1][1] in kinds:
        inside = any(t in scopes for _, t in stack[:-1])
        (local if inside else top).add(kinds[stack[-1][1]] + " " + m.group(1))
print("\n".join(sorted(local - top)))' > expected/report/libc-local-types.txt
: > expected/report/libc-pahole-local.txt
while read -r n; do
  echo "==== $n" >> expected/report/libc-pahole-local.txt
  pahole -C "${n#* }" "$LIBC" 2>/dev/null >> expected/report/libc-pahole-local.txt
done < expected/report/libc-local-types.txt

{
  echo "# Commands behind expected/report/ and expected/x86_64-dwarf4-v2/"
  echo
  echo "Made by make-expected-report.sh with $(llvm-dwarfdump-19 --version | grep -m1 'LLVM version' | sed 's/^ *//'),"
  echo "pahole $(pahole --version) (Debian pahole $(dpkg-query -W -f '${Version}' pahole 2>/dev/null || echo '?'))."
  echo
  echo "- \`x86_64-dwarf4-v2/types.jsonl\`: \`llvm-dwarfdump-19 --debug-info $V2/kernel.dSYM/Contents/Resources/DWARF/kernel | python3 tools/dwarfdump-types.py --types types.jsonl\`"
  echo "- \`x86_64-dwarf4-v2/uuid.txt\`: \`llvm-dwarfdump-19 --uuid $V2/kernel $V2/kernel.dSYM\`"
  echo "- \`report/libc-pahole.txt.gz\`: \`pahole $LIBC | gzip -9 -n\` (libc6-dbg $LIBC_VERSION, stdout only)"
  echo "- \`report/libc-local-types.txt\`: \`llvm-dwarfdump-19 --debug-info $LIBC\`, the named DW_TAG_structure_type and DW_TAG_union_type DIEs under a DW_TAG_subprogram, DW_TAG_lexical_block or DW_TAG_inlined_subroutine whose name no other such DIE has outside one (inline python3 in make-expected-report.sh)"
  echo "- \`report/libc-pahole-local.txt\`: for each NAME of libc-local-types.txt, a line \`==== NAME\`, then \`pahole -C NAME $LIBC\`"
} > expected/report/COMMANDS.md

[ -x ./make-manifest.sh ] && ./make-manifest.sh
