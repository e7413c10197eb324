#!/usr/bin/env bash
# Writes samples/MANIFEST.md: every file of the corpus, how it was made, and its sha256.
# Run by build.sh and make-expected.sh; SampleCorpusTest checks every row against the files.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

how_made() {
  case "$1" in
    kernel/*) echo "hand-written source of the miniature XNU" ;;
    kernels/fat/kernel.dSYM/*Info.plist) echo "copied from kernels/x86_64-dwarf4/kernel.dSYM" ;;
    kernels/fat/kernel.dSYM/*) echo "llvm-lipo-19 -create of the x86_64-dwarf4 and arm64-dwarf5 dSYM DWARF files" ;;
    kernels/fat/kernel) echo "llvm-lipo-19 -create of kernels/x86_64-dwarf4/kernel and kernels/arm64-dwarf5/kernel" ;;
    kernels/i386/*) echo "clang-19 -target i386-apple-macos10.6 -O1 -g (DWARF 2) of the matching source" ;;
    kernels/*/kernel.dSYM/*) echo "dsymutil-19 of the relocated kernel beside it" ;;
    kernels/x86_64-dwarf4-v2/kernel) echo "clang-19 -gdwarf-4 + ld64.lld-19 of kernel/ with kernel-v2.patch applied, moved to 0xffffff8000200000 by KernelRelocator" ;;
    kernels/x86_64-dwarf*/kernel) echo "clang-19 -gdwarf-${1:14:1} + ld64.lld-19, moved to 0xffffff8000200000 by KernelRelocator" ;;
    kernels/arm64-dwarf5/kernel) echo "clang-19 -gdwarf-5 + ld64.lld-19, moved to 0xfffffe0007004000 by KernelRelocator" ;;
    snapshots/x86_64-dwarf4.core) echo "SnapshotMaker: MH_CORE at slide 0x1c00000, LC_NOTEs main bin spec, kern ver str, addrable bits" ;;
    snapshots/x86_64-dwarf4-nonote.core) echo "SnapshotMaker: MH_CORE at slide 0x4600000, no LC_NOTE" ;;
    snapshots/x86_64-dwarf4-slide4600000.raw) echo "SnapshotMaker: flat dump at base $(cat "$HERE/snapshots/raw-base.txt" 2>/dev/null || echo '?')" ;;
    snapshots/raw-base.txt) echo "SnapshotMaker: the base address of the raw dump" ;;
    snapshots/*.gz) echo "gzip -9 -n of snapshots/x86_64-dwarf4.core" ;;
    expected/thirdparty/*) echo "make-expected-thirdparty.sh (see expected/thirdparty/COMMANDS.md)" ;;
    expected/accel/*) echo "make-expected-accel.sh (see expected/accel/COMMANDS.md)" ;;
    expected/gdb/*) echo "make-expected-gdb.sh (see expected/gdb/COMMANDS.md)" ;;
    expected/objdump/NORMALIZATION.md) echo "hand-written: how DisassemblerGoldenTest compares the listings" ;;
    expected/objdump/*) echo "make-expected-objdump.sh (see expected/objdump/COMMANDS.md)" ;;
    expected/report/*|expected/x86_64-dwarf4-v2/*) echo "make-expected-report.sh (see expected/report/COMMANDS.md)" ;;
    expected/pahole/*) echo "make-expected-pahole.sh (see expected/pahole/COMMANDS.md)" ;;
    expected/values/*) echo "make-expected-values.sh (see expected/values/COMMANDS.md)" ;;
    expected/real/*.functions.jsonl) echo "make-expected-functions.sh (see expected/FUNCTIONS.md)" ;;
    expected/real/*) echo "make-expected-real.sh (see expected/real/SOURCES.md)" ;;
    expected/*/functions.jsonl|expected/FUNCTIONS.md) echo "make-expected-functions.sh (see expected/FUNCTIONS.md)" ;;
    expected/*) echo "make-expected.sh (see expected/COMMANDS.md for the exact command)" ;;
    *.sh|tools/*) echo "hand-written build script" ;;
    kernel-v2.patch) echo "hand-written: the layout changes of the second build (kernel/README.md)" ;;
    *) echo "hand-written" ;;
  esac
}

{
  cat <<'HEAD'
# samples/ manifest

Every file of the sample corpus, how it was made, and its sha256. `build.sh` builds the kernels,
dSYMs and snapshots; `make-expected.sh` runs the reference tools into `expected/`; both rewrite
this file through `make-manifest.sh`. The tests check every row (`SampleCorpusTest`).

## Reproducibility

`build.sh` compiles in a fixed directory (`/tmp/hagfish-samples-build`) with a fixed DWARF
`comp_dir` (`/SourceCache/xnu/xnu-1699.24.23`), so re-running it gives identical bytes for every
file below wherever the checkout is: the kernels' UUIDs are lld's hash of their content, and
the N_OSO debug-map entries carry no time stamp. The golden files depend on the reference tools'
versions, recorded in `expected/TOOLS.txt`.

## Files

| file | bytes | sha256 | how it was made |
|---|---|---|---|
HEAD
  paths=()
  for p in kernel kernel-v2.patch kernels snapshots expected build.sh make-expected.sh make-manifest.sh tools; do
    [ -e "$p" ] && paths+=("$p")
  done
  LC_ALL=C find "${paths[@]}" -type f | LC_ALL=C sort | while read -r f; do
    printf '| `%s` | %s | %s | %s |\n' "$f" "$(stat -c %s "$f")" "$(sha256sum "$f" | cut -d' ' -f1)" "$(how_made "$f")"
  done
  if [ -f expected/CHECKS.md ]; then
    echo
    cat expected/CHECKS.md
  fi
} > MANIFEST.md.tmp
mv MANIFEST.md.tmp MANIFEST.md
