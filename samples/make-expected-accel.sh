#!/usr/bin/env bash
# Golden dumps of the accelerator tables of the sample dSYMs, made by the EXTERNAL reference tool
# llvm-dwarfdump-19 (never by hagfish): the Apple hash tables (__apple_names, __apple_types,
# __apple_namespac, __apple_objc) of the DWARF 2 and 4 dSYMs, and DWARF 5 .debug_names of the
# DWARF 5 dSYMs. Writes expected/accel/<variant>.txt and expected/accel/COMMANDS.md, then
# rewrites MANIFEST.md. AccelTablesTest compares hagfish's table readers with these files.
# Needs llvm-19 (installed here when run as root and missing).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
export LC_ALL=C TZ=UTC
OUT=expected/accel
TOOL=llvm-dwarfdump-19
if ! command -v "$TOOL" >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q llvm-19
  else echo "make-expected-accel.sh: $TOOL is missing (apt-get install llvm-19)" >&2; exit 1; fi
fi
rm -rf "$OUT" && mkdir -p "$OUT"
{
  echo "# Commands behind expected/accel/"
  echo
  echo "Written by \`make-expected-accel.sh\`. Every command ran with the current directory = \`samples/\`"
  echo "and \`LC_ALL=C\`; \`> FILE\` is the command's standard output."
  echo
  echo "Tool: $TOOL: $($TOOL --version | grep -m1 -i 'version' | sed 's/^ *//')"
  echo
} > "$OUT/COMMANDS.md"
run() {  # run OUTFILE ARGS...
  local out="$1"; shift
  "$@" > "$out"
  echo "- \`$* > $out\`" >> "$OUT/COMMANDS.md"
}
for v in x86_64-dwarf2 x86_64-dwarf4; do
  run "$OUT/$v.txt" "$TOOL" --apple-names --apple-types --apple-namespaces --apple-objc \
      "kernels/$v/kernel.dSYM/Contents/Resources/DWARF/kernel"
done
for v in x86_64-dwarf5 arm64-dwarf5; do
  run "$OUT/$v.txt" "$TOOL" --debug-names "kernels/$v/kernel.dSYM/Contents/Resources/DWARF/kernel"
done
[ -x ./make-manifest.sh ] && ./make-manifest.sh
