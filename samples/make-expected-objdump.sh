#!/usr/bin/env bash
# Golden disassembly by llvm-objdump-19 --macho -d of every sample kernel (x86_64 DWARF 2/4/5,
# arm64, both slices of the fat kernel) and of the i386 objects, for DisassemblerGoldenTest.
# Writes expected/objdump/ (the listings gzip -9n compressed, to keep the corpus small):
#   <name>.att.txt.gz       x86: llvm-objdump-19 --macho -d --no-symbolic-operands          (AT&T)
#   <name>.intel.txt.gz     x86: the same with --x86-asm-syntax=intel                       (Intel)
#   <name>.txt.gz           arm64: llvm-objdump-19 --macho -d --no-symbolic-operands
#   <name>.symbolic.txt.gz  kernels: llvm-objdump-19 --macho -d (symbolic operands: call/branch
#                           targets and RIP-relative operands named by symbol, literal-pool notes)
#   COMMANDS.md             every command, and the tool version
# <name> is a kernel variant, fat-<arch>, or i386-<object>. The objects get no symbolic listing:
# in a relocatable object llvm-objdump names operands from relocations, which hagfish does not
# read. NORMALIZATION.md (hand-written) says how the test compares these files with hagfish.
# Every tool runs with the current directory = samples/ and relative paths, so re-running gives
# identical files. Needs llvm-19 (installed here when run as root).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"
export LC_ALL=C
OUT=expected/objdump
OBJDUMP=llvm-objdump-19
if ! command -v "$OBJDUMP" >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q llvm-19
  else echo "make-expected-objdump.sh: $OBJDUMP is missing (apt-get install llvm-19)" >&2; exit 1; fi
fi
mkdir -p "$OUT"
find "$OUT" -mindepth 1 -maxdepth 1 ! -name NORMALIZATION.md -exec rm -f {} +
{
  echo "# Commands behind expected/objdump/"
  echo
  echo "$OBJDUMP: $($OBJDUMP --version | grep -i -m1 'version' | sed 's/^ *//')"
  echo
  echo "Run from samples/; stdout goes to the file named first."
  echo
} > "$OUT/COMMANDS.md"

# dump FILE ARGS...: llvm-objdump-19 ARGS | gzip -9n > expected/objdump/FILE.gz, logged in COMMANDS.md.
dump() {
  local f=$1; shift
  echo "- \`$f.gz\`: \`$OBJDUMP $* | gzip -9n\`" >> "$OUT/COMMANDS.md"
  "$OBJDUMP" "$@" > "$OUT/$f"
  gzip -9n -f "$OUT/$f"
}

# x86 NAME FILE [ARCH_ARGS...]: the AT&T, Intel and symbolic listings of one x86 image.
x86() {
  local name=$1 file=$2; shift 2
  dump "$name.att.txt" --macho -d --no-symbolic-operands "$@" "$file"
  dump "$name.intel.txt" --macho -d --no-symbolic-operands --x86-asm-syntax=intel "$@" "$file"
}

for v in x86_64-dwarf2 x86_64-dwarf4 x86_64-dwarf5; do
  x86 "$v" "kernels/$v/kernel"
  dump "$v.symbolic.txt" --macho -d "kernels/$v/kernel"
done
dump arm64-dwarf5.txt --macho -d --no-symbolic-operands kernels/arm64-dwarf5/kernel
dump arm64-dwarf5.symbolic.txt --macho -d kernels/arm64-dwarf5/kernel
x86 fat-x86_64 kernels/fat/kernel --arch=x86_64
dump fat-x86_64.symbolic.txt --macho -d --arch=x86_64 kernels/fat/kernel
dump fat-arm64.txt --macho -d --no-symbolic-operands --arch=arm64 kernels/fat/kernel
dump fat-arm64.symbolic.txt --macho -d --arch=arm64 kernels/fat/kernel
for o in $(find kernels/i386 -name '*.o' | sort); do
  x86 "i386-$(basename "$o" .o)" "$o"
done
[ -x ./make-manifest.sh ] && ./make-manifest.sh
