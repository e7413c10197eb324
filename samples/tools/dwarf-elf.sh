# Sourced by make-expected-gdb.sh and make-expected-pahole.sh: the ELF copies of the sample
# DWARF that gdb and pahole (ELF readers only) are run on, and the list of DWARF files both ask.
# The caller sets WORK (a scratch directory) and OUT (the golden directory, whose COMMANDS.md
# gets each command).

# dwarf_elf NAME DWARF_FILE TRIPLE: copies the __DWARF sections of a Mach-O DWARF file into an
# empty ELF object of the matching machine (clang-19 -target TRIPLE, from an empty C file) with
# llvm-objcopy-19, as $WORK/NAME.elf.
dwarf_elf() {
  local name=$1 d=$2 triple=$3 s elfname
  [ -f "$WORK/empty-$triple.o" ] || clang-19 -target "$triple" -c -x c /dev/null -o "$WORK/empty-$triple.o"
  local args=()
  for s in debug_info debug_abbrev debug_str debug_str_offs debug_line debug_line_str debug_addr \
           debug_aranges debug_ranges debug_rnglists debug_loc debug_loclists; do
    rm -f "$WORK/$s.bin"
    if llvm-objcopy-19 --dump-section "__DWARF,__$s=$WORK/$s.bin" "$d" /dev/null 2>/dev/null; then
      elfname=".$s"; [ "$s" = debug_str_offs ] && elfname=.debug_str_offsets
      args+=(--add-section "$elfname=$WORK/$s.bin")
    fi
  done
  llvm-objcopy-19 "${args[@]}" "$WORK/empty-$triple.o" "$WORK/$name.elf"
  echo "- \`$name\`: llvm-objcopy-19 --dump-section __DWARF,__<s>=<s>.bin $d; llvm-objcopy-19 ${args[*]//$WORK\//} empty-$triple.o $name.elf" >> "$OUT/COMMANDS.md"
}

dsym() { echo "kernels/$1/kernel.dSYM/Contents/Resources/DWARF/kernel"; }

# each_dwarf GOLDEN_FUNCTION: calls GOLDEN_FUNCTION NAME DWARF_FILE TRIPLE TYPES_JSONL [OBJECT]
# for the x86_64 DWARF 2/4/5 and arm64 DWARF 5 dSYMs, both slices of the fat dSYM (taken out with
# llvm-lipo-19 -thin, since llvm-objcopy-19 cannot read a universal file) and each i386 object.
each_dwarf() {
  local golden=$1 v a arch triple from o
  for v in x86_64-dwarf2 x86_64-dwarf4 x86_64-dwarf5; do
    "$golden" "$v" "$(dsym "$v")" x86_64-linux-gnu "expected/$v/types.jsonl"
  done
  "$golden" arm64-dwarf5 "$(dsym arm64-dwarf5)" aarch64-linux-gnu expected/arm64-dwarf5/types.jsonl
  # The fat dSYM's slices were made by llvm-lipo-19 from the x86_64-dwarf4 and arm64-dwarf5
  # dSYMs, so their names come from those variants' types.jsonl; the tools still read the
  # slice's own bytes.
  for a in x86_64:x86_64-linux-gnu:x86_64-dwarf4 arm64:aarch64-linux-gnu:arm64-dwarf5; do
    IFS=: read -r arch triple from <<< "$a"
    llvm-lipo-19 "$(dsym fat)" -thin "$arch" -output "$WORK/fat-$arch.dwarf"
    echo "- \`fat-$arch\`: llvm-lipo-19 $(dsym fat) -thin $arch -output fat-$arch.dwarf" >> "$OUT/COMMANDS.md"
    "$golden" "fat-$arch" "$WORK/fat-$arch.dwarf" "$triple" "expected/$from/types.jsonl"
    sed -i "s#$WORK/##g" "$OUT/COMMANDS.md"
  done
  for o in $(LC_ALL=C find kernels/i386 -name '*.o' | LC_ALL=C sort); do
    "$golden" "i386-$(basename "$o" .o)" "$o" i386-linux-gnu expected/i386/types.jsonl "$o"
  done
}
