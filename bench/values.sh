#!/usr/bin/env bash
# Issue 6 benchmark: reading typed values from a core, against gdb 13 and lldb-22 in the same run.
#
#   bench/values.sh [RUNS]
#
# (a) 100,000 random scalar members of the sample core's 17 struct procs (fixed seed), read
#     in-process through Value (a fresh Value.at(struct proc, address), the member by name, its
#     value), and through Expr (`((struct proc *)ADDR)->member`, parse included);
#     bench/ValuesBench.java. The peers read the same (address, member) pairs in their own Python:
#     gdb `gdb.Value(a).cast(proc_ptr).dereference()[m]` then int(), over the core repackaged as ELF
#     (samples/tools/macho2elf.py); lldb `target.CreateValueFromAddress(...)
#     .GetChildMemberWithName(m).GetValueAsUnsigned()`. Each reports its loop's time only (the
#     start-up and the loading of the kernel are not counted). The checksums (the sum of the values
#     read, modulo 2^64) must agree.
# (b) cold `print *(struct proc *)ADDR` on the core: a new process each time, RUNS runs, median;
#     hagfish (`java -jar hagfish.jar print ... --core`, on an index built beforehand), gdb
#     (`gdb-multiarch -batch`, the kernel and core ELF files made beforehand), lldb-22
#     (`target create` with the dSYM and the core, `target modules load --slide`, `expr`).
#
# Wall time and CPU time (user + system) from GNU time. Ratios are hagfish / peer. Needs lldb-22,
# gdb-multiarch, python3, GNU time and the sample corpus.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-5}"
N="${READS:-100000}"
SEED=6
S="$ROOT/samples"
K="$S/kernels/x86_64-dwarf4/kernel"
D="$S/kernels/x86_64-dwarf4/kernel.dSYM/Contents/Resources/DWARF/kernel"
CORE="$S/snapshots/x86_64-dwarf4.core"
SLIDE=0x1c00000
for t in /usr/bin/time gdb-multiarch lldb-22 python3; do
  command -v "$t" >/dev/null 2>&1 || { echo "values.sh: $t is needed" >&2; exit 1; }
done
W="$(mktemp -d)"
trap 'rm -rf "$W"' EXIT
JAR="$ROOT/cli/target/hagfish.jar"
"$ROOT/hagfish" --version >/dev/null
STORE="$W/store"
java -jar "$JAR" index "$K" --index "$STORE" >/dev/null
python3 "$S/tools/macho2elf.py" image "$K" "$D" "$W/kernel.elf"
python3 "$S/tools/macho2elf.py" core "$CORE" "$W/core.elf"
echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"

echo
echo "(a) $N random struct proc member reads (seed $SEED)"
java -cp "$JAR" "$ROOT/bench/ValuesBench.java" "$STORE" "$CORE" "$SLIDE" "$N" "$SEED" "$W/pairs.txt" | grep -v '^members'
cat > "$W/gdb_reads.py" <<PY
import time
proc = gdb.lookup_type('struct proc').pointer()
pairs = [l.split() for l in open('$W/pairs.txt')]
t0 = time.perf_counter()
s = 0
for a, m in pairs:
    s += int(gdb.Value(int(a, 16)).cast(proc).dereference()[m])
t = time.perf_counter() - t0
print('gdb: %.3f us per read (%.0f reads/s) (checksum %d)' % (t * 1e6 / len(pairs), len(pairs) / t, s % 2**64))
PY
gdb-multiarch -nx -batch -ex "add-symbol-file $W/kernel.elf -o $SLIDE" -ex "core-file $W/core.elf" \
  -ex "source $W/gdb_reads.py" 2>&1 | grep '^gdb:' || echo 'gdb: the script failed'
cat > "$W/lldb_reads.py" <<PY
import time, lldb
def __lldb_init_module(debugger, internal_dict):
    target = debugger.GetSelectedTarget()
    proc = target.FindFirstType('proc')
    pairs = [l.split() for l in open('$W/pairs.txt')]
    t0 = time.perf_counter()
    s = 0
    for a, m in pairs:
        v = target.CreateValueFromAddress('p', lldb.SBAddress(int(a, 16), target), proc)
        s += v.GetChildMemberWithName(m).GetValueAsSigned()
    t = time.perf_counter() - t0
    print('lldb: %.3f us per read (%.0f reads/s) (checksum %d)' % (t * 1e6 / len(pairs), len(pairs) / t, s % 2**64))
PY
lldb-22 -b --no-lldbinit -o "target create -s $D $K --core $CORE" -o "target modules load --file kernel --slide $SLIDE" \
  -o "command script import $W/lldb_reads.py" 2>&1 | grep '^lldb:' || echo 'lldb: the script failed'

echo
echo "(b) cold print *(struct proc *)ADDR on the core, $RUNS runs each, median (wall s, CPU s)"
ADDR=$(java -jar "$JAR" print '&proc_kernel_task' --core "$CORE" --index "$STORE" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["value"]["value"])')
median() { sort -n | awk '{a[NR]=$0} END {print a[int((NR+1)/2)]}'; }
run() {
  local name=$1; shift
  local walls=() cpus=() i
  for i in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %U %S' -o "$W/t" "$@" > /dev/null 2>&1
    read -r e u s < "$W/t"
    walls+=("$e"); cpus+=("$(python3 -c "print($u + $s)")")
  done
  printf '%s %s %s\n' "$name" "$(printf '%s\n' "${walls[@]}" | median)" "$(printf '%s\n' "${cpus[@]}" | median)"
}
{
  run hagfish java -jar "$JAR" print "*(struct proc *)$ADDR" --core "$CORE" --index "$STORE"
  run gdb gdb-multiarch -nx -batch -ex "add-symbol-file $W/kernel.elf -o $SLIDE" -ex "core-file $W/core.elf" \
    -ex "print *(struct proc *)$ADDR"
  run lldb lldb-22 -b --no-lldbinit -o "target create -s $D $K --core $CORE" \
    -o "target modules load --file kernel --slide $SLIDE" -o "expr *(struct proc *)$ADDR"
} > "$W/cold.txt"
python3 - "$W/cold.txt" <<'PY'
import sys
rows = {l.split()[0]: tuple(map(float, l.split()[1:])) for l in open(sys.argv[1])}
h = rows['hagfish']
for name, (wall, cpu) in rows.items():
    ratio = '' if name == 'hagfish' else '   hagfish/%s: %.2fx wall, %.2fx CPU' % (name, h[0] / wall, h[1] / cpu)
    print('%-8s %6.2f s wall %6.2f s CPU%s' % (name, wall, cpu, ratio))
PY
