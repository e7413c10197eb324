#!/usr/bin/env bash
# Golden values for `hagfish print` and `hagfish x`, from two debuggers nobody here wrote, over the
# x86_64-dwarf4 sample kernel in three targets:
#   core    snapshots/x86_64-dwarf4.core         (slide 0x1c00000)
#   nonote  snapshots/x86_64-dwarf4-nonote.core  (slide 0x4600000)
#   image   the kernel file alone                (static data, unslid)
#
#   expected/values/lldb-TARGET.txt   lldb-22: `expr -- EXPR` (and `target variable G` for plain
#                                     globals), one lldb-22 run per expression, and `memory read`
#                                     for each x command
#   expected/values/gdb-TARGET.txt    gdb 13 (gdb-multiarch): `print EXPR` and `x/FMT EXPR`, each
#                                     after an `echo ==== COMMAND` marker line
#   expected/values/gdb-print-edges.txt  gdb 13's print of the arrays, floats and enums of
#                                     tools/print-edges.c (clang-19 -g for x86_64-linux-gnu): the
#                                     edges of its element limit, repeat blocks and escapes
#   expected/values/COMMANDS.md       every command, and how the ELF inputs of gdb were made
#
# lldb-22 reads the Mach-O kernel, its dSYM and the Mach-O cores itself; it does not slide the
# kernel by itself, so each core run loads it at the core's slide (`target modules load --file
# kernel --slide S`). gdb reads ELF only: tools/macho2elf.py repackages the kernel (its sections
# at their own addresses, its N_SECT symbols, the dSYM's DWARF) and each core (one PT_LOAD per
# LC_SEGMENT_64) as ELF; gdb then loads the kernel ELF at the slide (`add-symbol-file K -o S`)
# over the core ELF, or opens the kernel ELF alone and prints its static data.
# The commands are listed below (COMMANDS, one per line); `@name@` stands for the address of the
# symbol `name` in that target (its nm address plus the slide). Everything runs with the current
# directory = samples/, LC_ALL=C (gdb then prints every byte above 0x7e as an octal escape).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HERE_P="$(cd "$HERE" && pwd -P)"
cd "$HERE"
export LC_ALL=C TZ=UTC
unset DEBUGINFOD_URLS || true

for t in lldb-22 gdb-multiarch llvm-nm-19 clang-19 python3; do
  if ! command -v "$t" >/dev/null 2>&1; then
    if [ "$(id -u)" = 0 ]; then
      apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q lldb-22 gdb-multiarch llvm-19 clang-19 python3
    else echo "make-expected-values.sh: $t is missing (apt-get install lldb-22 gdb-multiarch llvm-19 clang-19)" >&2; exit 1; fi
  fi
done

V=x86_64-dwarf4
K=kernels/$V/kernel
D=kernels/$V/kernel.dSYM/Contents/Resources/DWARF/kernel
for f in "$K" "$D" snapshots/x86_64-dwarf4.core snapshots/x86_64-dwarf4-nonote.core; do
  [ -f "$f" ] || { echo "make-expected-values.sh: $f is missing (run build.sh first)" >&2; exit 1; }
done
OUT=expected/values
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
rm -rf "$OUT" && mkdir -p "$OUT"

# The commands, gdb's spelling. `print -max-depth N -- EXPR` is gdb's per-command max-depth,
# `print/F EXPR` prints in format F; lldb is asked the expressions of the plain `print` lines only.
read -r -d '' COMMANDS <<'EOF' || true
print version
print allproc
print allproc.lh_first->p_comm
print kernproc->p_pptr
print *kernproc
print *(struct proc *)@proc_kernel_task@
print allproc.lh_first->p_pptr->p_comm
print allproc.lh_first->p_list.le_next->p_comm
print allproc.lh_first->p_list.le_next->p_list.le_next->p_pid
print nprocs
print layout_bits
print layout_packed_bits
print layout_union
print layout_enum_color
print layout_enum_signed
print layout_enum_unsigned
print layout_typedef_chain
print layout_typedef_ptr
print *layout_typedef_ptr
print layout_anon
print layout_anon.high
print layout_arrays
print layout_arrays.m[2][1]
print layout_arrays.m[1][3][1]
print *layout_arrays.row
print layout_packed
print layout_qualifiers
print layout_funcs
print layout_nodes
print layout_nodes[1].pprev
print *layout_nodes[0].next
print layout_flex
print layout_holey
print layout_contains_aligned
print layout_sizes
print *kmod
print kmod->next->next->name
print kmod->start
print kmod_info_hfs.name
print *(kmod_info_t *)kmod
print sizeof(struct proc)
print sizeof(kmod_info_t)
print sizeof layout_bits
print sizeof(union layout_value)
print &allproc
print kernproc + 1
print (char *)kernproc + 8
print &user_map_store[3]
print &user_map_store[3] - &user_map_store[1]
print user_map_store + 2
print (uint32_t)nprocs * 3
print nprocs << 2 | 1
print -nprocs
print !nprocs
print ~nprocs
print nprocs % 5
print nprocs > 10
print (nprocs - 1) / 4
print 0xffffff8000000000 + 16
print 'A' + 1
print layout_enum_color == LAYOUT_BLUE
print LAYOUT_ALPHA
print (layout_color_t)1
print PE_state.video
print boot_args_store.CommandLine
print lowGlo.lgVerCode
print msgbuf.msg_magic
print *msgbufp
print cpu_data_master.cpu_active_thread->thread_id
print thread_panic.machine
print panicstr
print debug_buf
print kernproc->p_comm[0]
print &kernproc->p_comm[4]
print &((struct proc *)0)->p_comm
print gKextHFS
print gKextHFS.loadTag
print *gKextHFS.kmod_info
print tasks
print *kernel_map
print Debugger
print &Debugger
print -max-depth 0 -- *kernproc
print -max-depth 1 -- *kernproc
print -max-depth 1 -- layout_nodes
print -max-depth 1 -- layout_anon
print -max-depth 2 -- gKextHFS
print/x *kernproc
print/x allproc
print/x kernproc->p_comm
print/x layout_bits
print/d layout_bits
print/u layout_bits
print/z layout_bits
print/t layout_bits
print/c layout_bits
print/a layout_bits
print/f layout_bits
print/o nprocs
print/t nprocs
print/x -nprocs
print/f nprocs
print/c kernproc->p_comm
print/s kernproc->p_comm
print/r nprocs
print/a allproc
print/a *kernproc
print/x layout_union
print/f layout_union
print/d layout_union
print/x layout_enum_color
print/d layout_enum_signed
print/u layout_enum_signed
print/c layout_enum_unsigned
print/x layout_arrays
print/z layout_packed
print/x layout_packed_bits
print/a layout_nodes[1]
print/x layout_flex
print/x *kmod
print/x version
print/x layout_sizes
print/o layout_qualifiers
print/x layout_anon
print/z PE_state.video
print/x layout_funcs
x/4xg &allproc
x/8xb &allproc
x/6xw &nprocs
x/3xh &nprocs
x/2dg &allproc
x/4ug &allproc
x/3ow &nprocs
x/2tw &nprocs
x/4cb version
x/4c &layout_union
x/4dh &layout_union
x/4ag &allproc
x/2a kmod
x/3s version
x/s kernproc->p_comm
x/2s debug_buf
x/2fg &layout_union
x/20xw &allproc
x/2xg &lowGlo
x/3xg kernproc
EOF
# Only in the cores: lowGlo's alias page at 0xffffff8000002000 ("Catfish "), which the kernel
# file does not map, and reads that fault.
read -r -d '' CORE_COMMANDS <<'EOF' || true
x/s 0xffffff8000002000
x/2xg 0xffffff8000002010
print *(struct proc *)0x10
x/2xg 0x10
EOF

nm_addr() { llvm-nm-19 "$K" | awk -v n="_$1" '$3 == n { print $1; exit }'; }

# expand SLIDE: the commands with each @sym@ replaced by its address in that target.
expand() {
  local slide=$1 line out sym addr
  while IFS= read -r line; do
    out=$line
    while [[ $out =~ @([A-Za-z_0-9]+)@ ]]; do
      sym=${BASH_REMATCH[1]}
      addr=$(nm_addr "$sym")
      [ -n "$addr" ] || { echo "make-expected-values.sh: no symbol $sym" >&2; exit 1; }
      out=${out//@$sym@/$(printf '0x%x' $((0x$addr + slide)))}
    done
    printf '%s\n' "$out"
  done
}

SED_HERE="$(printf '%s' "$HERE/" | sed 's/[][\.*^$#&]/\\&/g')"
SED_HERE_P="$(printf '%s' "$HERE_P/" | sed 's/[][\.*^$#&]/\\&/g')"
CMDLOG="$WORK/commands.md"
: > "$CMDLOG"

# lldb FILE CREATE... : one lldb-22 run; its output appended, with the absolute samples/ paths
# removed, without lldb's "compiled with optimization" warning, which lldb writes to stderr at
# a varying place among the stdout lines, and with the address in lldb's own heap where `expr`
# copies a flexible array member (`uint64_t[] @ 0x00005…`, different every run) replaced by
# `<lldb process memory>`.
lldb_run() {
  local f=$1; shift
  local args=(-b --no-lldbinit) a
  for a in "$@"; do args+=(-o "$a"); done
  lldb-22 "${args[@]}" < /dev/null > "$WORK/lldb.out" 2>&1 || true
  sed -e "s#$SED_HERE##g" -e "s#$SED_HERE_P##g" -e '/^warning: kernel was compiled with optimization/d' \
    -e 's/\[\] @ 0x0000[0-9a-f]\{12\}/[] @ <lldb process memory>/' "$WORK/lldb.out" >> "$OUT/$f"
}

# The lldb-22 spelling of an x command: memory read with the same format, size and count, at
# the address gdb's x takes (an array's own address).
lldb_memory_read() {
  python3 - "$1" <<'PY'
import re, sys
m = re.match(r'x/(\d*)([a-z]*) (.*)$', sys.argv[1])
count, letters, expr = m.group(1) or '1', m.group(2), m.group(3)
fmt = next((c for c in letters if c in 'xzduotcfasi'), 'x')
size = next((c for c in letters if c in 'bhwg'), 'b' if fmt == 'c' else 'w')
lf = {'x': 'x', 'z': 'x', 'd': 'd', 'u': 'u', 'o': 'o', 't': 'b', 'c': 'c', 'f': 'f', 'a': 'A', 's': 's'}[fmt]
nbytes = 8 if fmt == 'a' else {'b': 1, 'h': 2, 'w': 4, 'g': 8}[size]
# lldb takes the address from a pointer or integer only: &(E)[0] is E for a pointer and the
# first element's address for an array, as gdb's x takes an array's address.
if not re.match(r'(0x[0-9a-f]+|[0-9]+)$', expr):
    expr = '&(%s)[0]' % expr
if fmt == 's':
    print('memory read -f s -c %s -- %s' % (count, expr))
else:
    print('memory read -f %s -s %d -c %s -- %s' % (lf, nbytes, count, expr))
PY
}

# golden TARGET CORE SLIDE: the lldb and gdb goldens of one target.
golden() {
  local target=$1 core=$2 slide=$3 cmds line expr create load elfcore
  cmds="$(printf '%s\n' "$COMMANDS" | expand "$slide")"
  if [ -n "$core" ]; then
    cmds="$cmds"$'\n'"$(printf '%s\n' "$CORE_COMMANDS" | expand "$slide")"
  fi
  create="target create -s $D $K${core:+ --core $core}"
  load="target modules load --file kernel --slide $slide"
  local settings=("settings set target.max-children-count 100000" "settings set target.max-string-summary-length 100000")
  local pre=("$create")
  [ -n "$core" ] && pre+=("$load")
  pre+=("${settings[@]}")
  {
    echo "## \`expected/values/lldb-$target.txt\`"
    echo
    echo "One run per command: \`lldb-22 -b --no-lldbinit$(printf " -o '%s'" "${pre[@]}") -o 'COMMAND'\`,"
    echo "stdout and stderr appended, with the absolute samples/ directory and lldb's \"kernel was compiled"
    echo "with optimization\" warning removed, and lldb's own heap address of an \`expr\` result's flexible"
    echo "array (\`T[] @ 0x00005…\`) written \`<lldb process memory>\`. The COMMANDs:"
    echo
    echo '```'
  } >> "$CMDLOG"
  : > "$OUT/lldb-$target.txt"
  while IFS= read -r line; do
    case "$line" in
      print\ -*) continue ;;
      print\ *) expr=${line#print }; lldb_run "lldb-$target.txt" "${pre[@]}" "expr -- $expr"; echo "expr -- $expr" >> "$CMDLOG"
        if [[ $expr =~ ^[A-Za-z_][A-Za-z_0-9]*$ ]]; then
          lldb_run "lldb-$target.txt" "${pre[@]}" "target variable $expr"; echo "target variable $expr" >> "$CMDLOG"
        fi ;;
      x/*) expr="$(lldb_memory_read "$line")"; lldb_run "lldb-$target.txt" "${pre[@]}" "$expr"; echo "$expr" >> "$CMDLOG" ;;
    esac
  done <<< "$cmds"
  echo '```' >> "$CMDLOG"

  local gargs=(-nx -batch -ex 'set pagination off' -ex 'set width 0' -ex 'set confirm off')
  if [ -n "$core" ]; then
    elfcore="$WORK/$target.core.elf"
    python3 tools/macho2elf.py core "$core" "$elfcore"
    gargs+=(-ex "add-symbol-file $WORK/kernel.elf -o $slide" -ex "core-file $elfcore")
  else
    gargs+=(-ex "file $WORK/kernel.elf")
  fi
  while IFS= read -r line; do
    gargs+=(-ex "echo ==== ${line//\\/\\\\}\\n" -ex "$line")
  done <<< "$cmds"
  gdb-multiarch "${gargs[@]}" < /dev/null > "$WORK/gdb.out" 2>&1 || true
  # Only what follows the first marker: the lines before it are gdb's notes on loading the files.
  sed -n '/^==== /,$p' "$WORK/gdb.out" | sed -e "s#$WORK/##g" > "$OUT/gdb-$target.txt"
  {
    echo
    echo "## \`expected/values/gdb-$target.txt\`"
    echo
    if [ -n "$core" ]; then
      echo "\`python3 tools/macho2elf.py core $core $target.core.elf\`, then"
      echo "\`gdb-multiarch -nx -batch -ex 'set pagination off' -ex 'set width 0' -ex 'set confirm off' -ex 'add-symbol-file kernel.elf -o $slide' -ex 'core-file $target.core.elf'\`"
    else
      echo "\`gdb-multiarch -nx -batch -ex 'set pagination off' -ex 'set width 0' -ex 'set confirm off' -ex 'file kernel.elf'\`"
    fi
    echo "and, for each command of the list above (the lldb list's source: every \`print\` and \`x\` line,"
    echo "with the \`print -max-depth\` lines too), \`-ex 'echo ==== COMMAND\\n' -ex 'COMMAND'\`; stdout and"
    echo "stderr from the first marker on."
    echo
  } >> "$CMDLOG"
}

python3 tools/macho2elf.py image "$K" "$D" "$WORK/kernel.elf"
golden core snapshots/x86_64-dwarf4.core 0x1c00000
golden nonote snapshots/x86_64-dwarf4-nonote.core 0x4600000
golden image "" 0

EDGES=(all300 all200 nul201 mixed runs inner tail bytes zeros eleven ten few blocks many floats doubles
       flagset flagodd flagnone plainodd)
clang-19 -target x86_64-linux-gnu -g -O0 -c tools/print-edges.c -o "$WORK/print-edges.o"
eargs=(-nx -batch -ex 'set width 0')
for v in "${EDGES[@]}"; do eargs+=(-ex "echo ==== print $v\\n" -ex "print $v"); done
gdb-multiarch "${eargs[@]}" "$WORK/print-edges.o" < /dev/null > "$OUT/gdb-print-edges.txt" 2>&1
{
  echo "## \`expected/values/gdb-print-edges.txt\`"
  echo
  echo "\`clang-19 -target x86_64-linux-gnu -g -O0 -c tools/print-edges.c -o print-edges.o\`, then"
  echo "\`gdb-multiarch -nx -batch -ex 'set width 0'\` and, for each V of ${EDGES[*]},"
  echo "\`-ex 'echo ==== print V\\n' -ex 'print V'\`, then \`print-edges.o\`."
} >> "$CMDLOG"

{
  echo "# Commands behind expected/values/"
  echo
  echo "Written by \`make-expected-values.sh\` (read its header for the method). Current directory"
  echo "\`samples/\`, \`LC_ALL=C\`."
  echo
  echo "- lldb-22: $(lldb-22 --version | head -1)"
  echo "- gdb-multiarch: $(gdb-multiarch --version | head -1)"
  echo
  echo "gdb's kernel ELF: \`python3 tools/macho2elf.py image $K $D kernel.elf\`."
  echo
  cat "$CMDLOG"
} > "$OUT/COMMANDS.md"
[ -x ./make-manifest.sh ] && ./make-manifest.sh
