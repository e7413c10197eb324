#!/usr/bin/env bash
# Runs the EXTERNAL reference tools (llvm-*-19, lldb-22) over the sample corpus built by build.sh
# and stores what they print as golden files in samples/expected/. The tests compare hagfish with
# these files and never run the tools; hagfish's own output is never recorded here.
#
#   expected/TOOLS.txt                 first version line of every tool used
#   expected/COMMANDS.md               every command this script ran, grouped by output file
#   expected/V/...                     per kernel variant (x86_64-dwarf{2,4,5}, arm64-dwarf5, fat)
#   expected/i386/...                  the i386 objects
#   expected/cxxfilt.tsv               llvm-cxxfilt-19 of every Itanium-mangled name in the nm outputs
#   expected/lldb/...                  lldb-22 image/type lookups and core-file memory reads
#   expected/CHECKS.md                 factual checks derived from the tools' output ("## Checks")
#   expected/*/functions.jsonl         by make-expected-functions.sh, run at the end (FUNCTIONS.md)
#
# tools/dwarfdump-types.py turns `llvm-dwarfdump-19 --debug-info` text into types.jsonl /
# variables.jsonl / inlined-starts.txt (it transcribes attributes, it computes no layout).
# The symbolizer query rule and the size knobs (FULL_SYMBOLIZER, INLINED_STEP, DATA_MIDS) are
# in the Python helper below; expected/ is about 2.5 MB with the settings here.
#
# Every tool runs with the current directory = samples/ and relative paths, so the outputs do not
# depend on where the checkout is. lldb-22 prints absolute paths anyway ("Current executable set
# to '...'", "Core file '...'", "Module: file = ..."): this script strips the samples/ directory
# from its output (noted in COMMANDS.md). Re-running gives identical files.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
HERE_P="$(cd "$HERE" && pwd -P)"
cd "$HERE"
export LC_ALL=C TZ=UTC
unset DEBUGINFOD_URLS || true

OUT=expected
VARIANTS=(x86_64-dwarf2 x86_64-dwarf4 x86_64-dwarf5 arm64-dwarf5)
SLIDE_NOTES=0x1c00000        # snapshots/x86_64-dwarf4.core
SLIDE_NONOTE=0x4600000       # snapshots/x86_64-dwarf4-nonote.core and the raw dump
LOWGLO_ALIAS=0xffffff8000002000
INLINED_STEP=2                    # see FULL_SYMBOLIZER in the helper below
TOOLS=(llvm-nm-19 llvm-otool-19 llvm-objdump-19 llvm-dwarfdump-19 llvm-symbolizer-19 llvm-cxxfilt-19 lldb-22)

need_tools() {
  local missing=() t
  for t in "${TOOLS[@]}" python3; do
    command -v "$t" >/dev/null 2>&1 || missing+=("$t")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ]; then
    echo "make-expected.sh: missing ${missing[*]}; installing llvm-19 lldb-22" >&2
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q llvm-19 lldb-22 python3
    for t in "${TOOLS[@]}" python3; do
      command -v "$t" >/dev/null 2>&1 || { echo "make-expected.sh: $t still missing after apt-get install" >&2; exit 1; }
    done
  else
    echo "make-expected.sh: missing ${missing[*]}; install the Debian packages llvm-19 and lldb-22 (as root: apt-get install -y llvm-19 lldb-22)" >&2
    exit 1
  fi
}

dsym() { echo "kernels/$1/kernel.dSYM/Contents/Resources/DWARF/kernel"; }

need_corpus() {
  local f missing=()
  for v in "${VARIANTS[@]}" fat; do
    for f in "kernels/$v/kernel" "$(dsym "$v")"; do [ -f "$f" ] || missing+=("$f"); done
  done
  for f in snapshots/x86_64-dwarf4.core snapshots/x86_64-dwarf4-nonote.core \
           snapshots/x86_64-dwarf4-slide4600000.raw snapshots/raw-base.txt; do
    [ -f "$f" ] || missing+=("$f")
  done
  compgen -G 'kernels/i386/*.o' >/dev/null || missing+=("kernels/i386/*.o")
  if [ ${#missing[@]} -gt 0 ]; then
    echo "make-expected.sh: the corpus is incomplete (run build.sh first); missing: ${missing[*]}" >&2
    exit 1
  fi
}

need_tools
need_corpus

WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
CMDLOG="$WORK/commands.tsv"    # output file <TAB> command, in the order they ran
: > "$CMDLOG"
: > "$WORK/failures"

SAFE='^[A-Za-z0-9_./:=@,+%-]+$'
quote() {
  local out=() a sq="'" esc="'\\''"
  for a in "$@"; do
    if [[ $a =~ $SAFE ]]; then out+=("$a"); else out+=("'${a//$sq/$esc}'"); fi
  done
  echo "${out[*]}"
}
log() { printf '%s\t%s\n' "$1" "$2" >> "$CMDLOG"; }

# run FILE CMD...: stdout of CMD into expected/FILE; stderr to the terminal; a failure stops us.
run() {
  local f=$1; shift
  log "$f" "$(quote "$@") > $OUT/$f"
  "$@" > "$OUT/$f"
}
# run_rc FILE CMD...: like run, but a nonzero exit status is recorded instead of stopping.
run_rc() {
  local f=$1 rc=0; shift
  log "$f" "$(quote "$@") > $OUT/$f"
  "$@" > "$OUT/$f" || rc=$?
  [ $rc -eq 0 ] || echo "$f: exit status $rc: $(quote "$@")" >> "$WORK/failures"
}

# lldb FILE ARGS...: lldb-22 ARGS, stdout+stderr appended to expected/FILE, with the absolute
# samples/ directory that lldb prints removed. A nonzero exit status is recorded, not fatal.
SED_HERE="$(printf '%s' "$HERE/" | sed 's/[][\.*^$#&]/\\&/g')"
SED_HERE_P="$(printf '%s' "$HERE_P/" | sed 's/[][\.*^$#&]/\\&/g')"
lldb_run() {
  local f=$1 rc=0; shift
  log "$f" "$(quote lldb-22 "$@") 2>&1 | sed 's#<absolute path of samples>/##g' >> $OUT/$f"
  lldb-22 "$@" > "$WORK/lldb.out" 2>&1 < /dev/null || rc=$?
  sed -e "s#$SED_HERE##g" -e "s#$SED_HERE_P##g" "$WORK/lldb.out" >> "$OUT/$f"
  [ $rc -eq 0 ] || echo "$f: exit status $rc: $(quote lldb-22 "$@")" >> "$WORK/failures"
}

# The small helpers that pick query addresses and write the check summary (Python 3 stdlib).
read -r -d '' HELPER_PY <<'PY' || true
import json, os, re, struct, sys

OUT = 'expected'
CODE_FLAGS = 0x80000000 | 0x400          # S_ATTR_PURE_INSTRUCTIONS | S_ATTR_SOME_INSTRUCTIONS
MIN_CODE_QUERIES = 300
# The full query rule runs on these variants only; the others get a lighter one, to keep
# expected/ small (the inline chains make a symbolizer line about 800 bytes).
FULL_SYMBOLIZER = {'x86_64-dwarf4'}
INLINED_STEP = int('%INLINED_STEP%')    # lighter rule: every INLINED_STEP-th inlined range start
DATA_MIDS = 16                          # mid-object DATA queries per variant

def read(p):
    with open(p, encoding='utf-8') as f:
        return f.read()

def nm_symbols(path):
    """(addr, type, name) from `llvm-nm -n` output of one thin file."""
    out = []
    for line in read(path).splitlines():
        m = re.match(r'^([0-9a-f]{8,16}) ([A-Za-z]) (\S.*)$', line)
        if m:
            out.append((int(m.group(1), 16), m.group(2), m.group(3)))
    return out

def sections(path):
    """[(segname, sectname, addr, size, flags)] from `llvm-otool -l` output of one thin file."""
    secs, cur = [], None
    for line in read(path).splitlines():
        s = line.strip()
        if s == 'Section':
            cur = {}
            secs.append(cur)
        elif cur is not None:
            k, _, v = s.partition(' ')
            v = v.strip()
            if k in ('sectname', 'segname'):
                cur[k] = v
            elif k in ('addr', 'size', 'flags') and k not in cur:
                cur[k] = int(v, 16)
            elif k == 'Load':
                cur = None
    return [(c['segname'], c['sectname'], c['addr'], c['size'], c.get('flags', 0)) for c in secs]

def segments(path):
    segs, cur = [], None
    for line in read(path).splitlines():
        s = line.strip()
        k, _, v = s.partition(' ')
        v = v.strip()
        if k == 'cmd':
            cur = {} if v == 'LC_SEGMENT_64' else None
            if cur is not None:
                segs.append(cur)
        elif cur is not None and k in ('segname', 'vmaddr', 'vmsize') and k not in cur:
            cur[k] = v if k == 'segname' else int(v, 16)
        elif s == 'Section':
            cur = None
    return segs

def section_of(secs, a):
    for sec in secs:
        if sec[2] <= a < sec[2] + sec[3]:
            return sec
    return None

def sized(syms, secs, pred):
    """[(addr, size, name, type)] for the symbols pred accepts: size = next symbol start (or the
    section end) - start, within the symbol's section."""
    starts = sorted({a for a, _, _ in syms})
    res, seen = [], set()
    for a, t, n in syms:
        sec = section_of(secs, a)
        if sec is None or not pred(t, sec) or a in seen:
            continue
        seen.add(a)
        end = sec[2] + sec[3]
        nxt = [s for s in starts if a < s < end]
        res.append((a, (nxt[0] if nxt else end) - a, n, t))
    return res

def functions(v):
    syms = nm_symbols(f'{OUT}/{v}/nm-n.txt')
    secs = sections(f'{OUT}/{v}/otool-l.txt')
    return sized(syms, secs, lambda t, s: t in 'Tt' and s[4] & CODE_FLAGS)

def data_symbols(v):
    syms = nm_symbols(f'{OUT}/{v}/nm-n.txt')
    secs = sections(f'{OUT}/{v}/otool-l.txt')
    return sized(syms, secs, lambda t, s: t in 'DdSsBb')

def inlined(v):
    return [int(x, 16) for x in read(f'{OUT}/{v}/inlined-starts.txt').split()]

def symq(v, path):
    """The symbolizer's queries (see COMMANDS.md for the rule)."""
    full = v in FULL_SYMBOLIZER
    fn, inl, ds = functions(v), inlined(v), data_symbols(v)
    code, data = set(), set()
    for a, size, _, _ in fn:
        code.update({a, a + size - 1} if size > 0 else {a})
        if full and size > 0:
            code.update({a + 1, a + size // 2})
    code.update(inl if full else inl[::INLINED_STEP])
    if len(code) < MIN_CODE_QUERIES:         # a small kernel: add the eighths of every function
        for a, size, _, _ in fn:
            code.update(a + k * size // 8 for k in range(1, 8))
    data.update(a for a, _, _, _ in ds)
    data.update(a + size // 2 for a, size, _, _ in spread([d for d in ds if d[1] > 1], DATA_MIDS))
    with open(path, 'w') as f:
        for a in sorted(code):
            f.write('0x%x\n' % a)
        for a in sorted(data):
            f.write('DATA 0x%x\n' % a)

def spread(items, n):
    if len(items) <= n:
        return list(items)
    return [items[i * len(items) // n] for i in range(n)]

def fatq(work):
    """A spread of the thin kernels' queries, asked of the matching slice of the fat kernel."""
    for v, arch in (('x86_64-dwarf4', 'x86_64'), ('arm64-dwarf5', 'arm64')):
        qs = read(f'{work}/symbolizer-input-{v}.txt').splitlines()
        code = [q for q in qs if not q.startswith('DATA ')]
        data = [q for q in qs if q.startswith('DATA ')]
        with open(f'{work}/symbolizer-input-fat-{arch}.txt', 'w') as f:
            for q in spread(code, 15) + spread(data, 4):
                f.write(q + '\n')

def lookup_addrs(v):
    fn = functions(v)
    byname = {n: (a, s) for a, s, n, _ in fn}
    data = data_symbols(v)
    dbyname = {n: (a, s) for a, s, n, _ in data}
    picks = []
    def add(a):
        if a not in picks:
            picks.append(a)
    for name in ('__start', '_panic', '_kernel_bootstrap', '_Debugger'):
        if name in byname:
            add(byname[name][0])
    cxx = [a for a, s, n, _ in fn if n.startswith('__ZN6OSKext')]
    if cxx:
        add(cxx[0])
    for a, s, n, _ in spread(fn, 6):
        add(a)
    for a, s, n, _ in spread(fn[1:], 5):
        add(a + s // 2)
    for a in spread(inlined(v), 5):
        add(a)
    for name in ('_allproc', '_kernproc', '_version', '_lowGlo', '_kmod', '_nprocs',
                 '_panic_thread_state', '_msgbufp'):
        if name in dbyname:
            add(dbyname[name][0])
    for name in ('_version', '_proc_launchd', '_kernproc'):
        if name in dbyname and dbyname[name][1] > 8:
            add(dbyname[name][0] + 8)
    for a in picks:
        print('0x%x' % a)

TYPE_FIXED = ['proc', 'task', 'thread', 'kmod_info', 'lowglo', 'boot_args', 'msgbuf']
SIZEOF_PREFIX = {'DW_TAG_structure_type': 'struct ', 'DW_TAG_union_type': 'union ',
                 'DW_TAG_enumeration_type': 'enum ', 'DW_TAG_typedef': '', 'DW_TAG_class_type': ''}

def types_of(v):
    return [json.loads(l) for l in read(f'{OUT}/{v}/types.jsonl').splitlines()]

def type_queries(v):
    """NAME<TAB>sizeof expression[<TAB>...] lines: the fixed kernel types, every named type declared
    in osfmk/kern/layouts.c, OSKext, OSObject, then every other named, defined, top-level struct,
    class, union and enum of types.jsonl, sorted."""
    types = [t for t in types_of(v) if t['name'] and not t['declaration'] and 'parent' not in t]
    names = list(TYPE_FIXED)
    for t in types:
        if (t['decl_file'] or '').endswith('osfmk/kern/layouts.c') and t['name'] not in names:
            names.append(t['name'])
    for n in ('OSKext', 'OSObject'):
        if n not in names:
            names.append(n)
    for n in sorted({t['name'] for t in types if t['tag'] != 'DW_TAG_typedef'}):
        if n not in names:
            names.append(n)
    for n in names:
        exprs = []
        for t in types:
            if t['name'] == n:
                e = 'sizeof(%s%s)' % (SIZEOF_PREFIX[t['tag']], n)
                if e not in exprs:
                    exprs.append(e)
        print('\t'.join([n] + exprs))

CXX = re.compile(r'^__?Z')

def cxx_names(work):
    files = [f'{OUT}/{v}/{k}' for v in ('x86_64-dwarf2', 'x86_64-dwarf4', 'x86_64-dwarf5',
                                        'arm64-dwarf5', 'fat') for k in ('nm-n.txt', 'nm-na.txt')]
    files.append(f'{OUT}/i386/nm-na.txt')
    names = set()
    for p in files:
        for line in read(p).splitlines():
            if not line or line.endswith(':'):
                continue
            tok = line.split()[-1]
            if CXX.match(tok):
                names.add(tok)
    two = sorted(n for n in names if n.startswith('__Z'))
    one = sorted(n for n in names if not n.startswith('__Z'))
    with open(f'{work}/cxx-darwin.txt', 'w') as f:
        f.writelines(n + '\n' for n in two)
    with open(f'{work}/cxx-plain.txt', 'w') as f:
        f.writelines(n + '\n' for n in one)

def cxx_merge(work):
    rows = []
    for kind in ('darwin', 'plain'):
        ins = read(f'{work}/cxx-{kind}.txt').splitlines()
        outs = read(f'{work}/cxx-{kind}.out').splitlines()
        if len(ins) != len(outs):
            sys.exit('cxxfilt: %d names in, %d lines out' % (len(ins), len(outs)))
        rows.extend(zip(ins, outs))
    with open(f'{OUT}/cxxfilt.tsv', 'w') as f:
        for m, d in sorted(rows):
            f.write('%s\t%s\n' % (m, d))

# ---- checks -------------------------------------------------------------------------------------

def macho_segments(path):
    """[(vmaddr, vmsize, fileoff, filesize)] of a thin 64-bit Mach-O file."""
    with open(path, 'rb') as f:
        head = f.read(32)
        magic, _, _, _, ncmds, sizeofcmds = struct.unpack_from('<IiiIII', head)
        if magic != 0xfeedfacf:
            sys.exit('%s: not a 64-bit little-endian Mach-O' % path)
        cmds = f.read(sizeofcmds)
    segs, off = [], 0
    for _ in range(ncmds):
        cmd, size = struct.unpack_from('<II', cmds, off)
        if cmd == 0x19:
            vmaddr, vmsize, fileoff, filesize = struct.unpack_from('<QQQQ', cmds, off + 24)
            segs.append((vmaddr, vmsize, fileoff, filesize))
        off += size
    return segs

def macho_read(path, segs, addr, n):
    """n bytes at addr as the file maps them (zero fill past filesize); None if unmapped."""
    out = bytearray()
    with open(path, 'rb') as f:
        a = addr
        while len(out) < n:
            seg = next((s for s in segs if s[0] <= a < s[0] + s[1]), None)
            if seg is None:
                return None
            take = min(n - len(out), seg[0] + seg[1] - a)
            rel = a - seg[0]
            f.seek(seg[2] + rel)
            avail = max(0, min(take, seg[3] - rel))
            chunk = f.read(avail) + bytes(take - avail)
            out += chunk
            a += take
    return bytes(out)

def parse_lldb_reads(path):
    """[(core, command, addr, bytes or None, loaded)] from lldb/core-memory-read.txt."""
    res, core, loaded, cmd, buf = [], None, {}, None, None
    def flush():
        if cmd is not None:
            res.append((core, cmd[0], cmd[1], bytes(buf) if buf else None))
    for line in read(path).splitlines():
        m = re.match(r'^\(lldb\) target create --core "(.*)"$', line)
        if m:
            flush(); cmd = None
            core = m.group(1)
            loaded.setdefault(core, False)
            continue
        m = re.match(r"^Core file '(.*)' \((.*)\) was loaded\.$", line)
        if m:
            loaded[m.group(1)] = m.group(2)
            continue
        m = re.match(r'^\(lldb\) (memory read .* (0x[0-9a-f]+))$', line)
        if m:
            flush()
            cmd, buf = (m.group(1), int(m.group(2), 16)), bytearray()
            continue
        if cmd is None:
            continue
        m = re.match(r'^0x[0-9a-f]+: ((?:0x[0-9a-f]{16} ?)+)$', line)
        if m:
            for w in m.group(1).split():
                buf += struct.pack('<Q', int(w, 16))
            continue
        m = re.match(r'^0x[0-9a-f]+: ((?:[0-9a-f]{2} )+)', line)
        if m:
            buf += bytes(int(x, 16) for x in m.group(1).split())
    flush()
    return res, loaded

def hexs(b):
    return b.hex() if b is not None else '-'

def checks(core_addrs_file):
    L = ['## Checks', '',
         'Facts derived by `make-expected.sh` from the reference tools\' output (see',
         '`expected/COMMANDS.md`); the byte comparisons read the files directly with Python.', '']
    L += ['### DWARF verification (`llvm-dwarfdump-19 --verify` on each dSYM)', '']
    for v in ('x86_64-dwarf2', 'x86_64-dwarf4', 'x86_64-dwarf5', 'arm64-dwarf5', 'fat'):
        txt = read(f'{OUT}/{v}/verify.txt')
        parts = re.split(r'^Verifying (\S.*?):\tfile format .*$', txt, flags=re.M)
        if len(parts) < 3:
            L.append('- `kernels/%s/kernel.dSYM`: no verification output' % v)
            print('make-expected.sh: WARNING: %s: no --verify output' % v, file=sys.stderr)
        for name, body in zip(parts[1::2], parts[2::2]):
            lines = [l.strip() for l in body.splitlines() if l.strip()]
            last = lines[-1] if lines else '(nothing)'
            arch = re.search(r'\((\w+)\)$', name)
            units = len(re.findall(r'^Verifying unit:', body, re.M))
            L.append('- `kernels/%s/kernel.dSYM`%s: %s (%d units verified)' % (
                v, (' ' + arch.group(1)) if arch else '', last, units))
            if last != 'No errors.':
                print('make-expected.sh: WARNING: %s: llvm-dwarfdump-19 --verify: %s' % (name, last), file=sys.stderr)
    L += ['', '### UUIDs (`llvm-dwarfdump-19 --uuid` of kernel and dSYM)', '']
    for v in ('x86_64-dwarf2', 'x86_64-dwarf4', 'x86_64-dwarf5', 'arm64-dwarf5', 'fat'):
        rows = re.findall(r'^UUID: (\S+) \((\S+)\) (\S+)$', read(f'{OUT}/{v}/uuid.txt'), re.M)
        by = {}
        for u, arch, p in rows:
            by.setdefault(arch, {})['dsym' if '.dSYM/' in p else 'kernel'] = u
        parts = ['%s %s (%s)' % (arch, d.get('kernel'),
                                 'dSYM matches' if d.get('kernel') == d.get('dsym') else
                                 'dSYM DIFFERS: %s' % d.get('dsym'))
                 for arch, d in by.items()]
        L.append('- `kernels/%s`: %s' % (v, '; '.join(parts)))
    L += ['', '### llvm-symbolizer-19 queries', '',
          '| variant | queries | code | DATA | with inlined frames | code without a function name | DATA without a symbol |',
          '|---|---|---|---|---|---|---|']
    for v in ('x86_64-dwarf2', 'x86_64-dwarf4', 'x86_64-dwarf5', 'arm64-dwarf5', 'fat'):
        rows = [json.loads(l) for l in read(f'{OUT}/{v}/symbolizer.jsonl').splitlines()]
        code = [r for r in rows if 'Symbol' in r]
        data = [r for r in rows if 'Data' in r]
        inl = sum(1 for r in code if len(r['Symbol']) > 1)
        nofn = sum(1 for r in code if not r['Symbol'][0]['FunctionName'])
        nodata = sum(1 for r in data if not r['Data']['Name'])
        L.append('| %s | %d | %d | %d | %d | %d | %d |' % (v, len(rows), len(code), len(data), inl, nofn, nodata))
    thin = {}
    for v, arch in (('x86_64-dwarf4', 'x86_64'), ('arm64-dwarf5', 'arm64')):
        for l in read(f'{OUT}/{v}/symbolizer.jsonl').splitlines():
            r = json.loads(l)
            r['ModuleName'] = 'kernels/fat/kernel:' + arch
            thin[(arch, r['Address'], 'Data' in r)] = r
    same = differ = 0
    for l in read(f'{OUT}/fat/symbolizer.jsonl').splitlines():
        r = json.loads(l)
        key = (r['ModuleName'].rsplit(':', 1)[1], r['Address'], 'Data' in r)
        if thin.get(key) == r:
            same += 1
        else:
            differ += 1
    L += ['', '- fat: %d answers equal the thin kernel\'s answer to the same query (ModuleName aside), '
          '%d differ' % (same, differ)]
    # lldb sizeof vs DWARF byte_size
    L += ['', '### lldb-22 `expr sizeof(...)` against DW_AT_byte_size in `types.jsonl`', '']
    for v in ('x86_64-dwarf4', 'arm64-dwarf5'):
        txt = read(f'{OUT}/lldb/{v}-type-lookup.txt')
        sizes = {}
        for t in types_of(v):
            if t['name'] and not t['declaration'] and 'parent' not in t and t['byte_size'] is not None:
                sizes.setdefault((SIZEOF_PREFIX[t['tag']] + t['name']), set()).add(t['byte_size'])
        n_ok, bad, failed, uncompared = 0, [], [], 0
        for m in re.finditer(r'^\(lldb\) expr sizeof\((.*)\)\n(.*)$', txt, re.M):
            what, res = m.group(1), m.group(2)
            r = re.match(r'^\(\S+\) \$\d+ = (\d+)$', res)
            if not r:
                failed.append(what)
                continue
            want = sizes.get(what)
            if want is None:
                uncompared += 1
                continue
            if int(r.group(1)) in want:
                n_ok += 1
            else:
                bad.append('%s: lldb %s, DWARF %s' % (what, r.group(1), sorted(want)))
        lookups = re.findall(r'^\(lldb\) type lookup (\S+)\n(?=\(lldb\)|\Z|no type was found)', txt, re.M)
        L.append('- %s: %d sizes equal DW_AT_byte_size; %d differ%s; %d not compared (typedefs: no '
                 'DW_AT_byte_size); %d `expr` without a value%s; %d `type lookup` found no type%s' % (
                     v, n_ok, len(bad), (' (' + '; '.join(bad) + ')') if bad else '', uncompared,
                     len(failed), (' (' + ', '.join(failed) + ')') if failed else '',
                     len(lookups), (' (' + ', '.join(lookups) + ')') if lookups else ''))
    # core memory reads
    reads, loaded = parse_lldb_reads(f'{OUT}/lldb/core-memory-read.txt')
    labels = {}
    for line in read(core_addrs_file).splitlines():
        label, a1, a2 = line.split('\t')
        labels[('snapshots/x86_64-dwarf4.core', int(a1, 16))] = label
        labels[('snapshots/x86_64-dwarf4-nonote.core', int(a2, 16))] = label
    slides = {'snapshots/x86_64-dwarf4.core': int('%SLIDE_NOTES%', 16),
              'snapshots/x86_64-dwarf4-nonote.core': int('%SLIDE_NONOTE%', 16)}
    raw = 'snapshots/x86_64-dwarf4-slide4600000.raw'
    raw_base = int(read('snapshots/raw-base.txt').split()[0], 16)
    with open(raw, 'rb') as f:
        raw_bytes = f.read()
    kernel = 'kernels/x86_64-dwarf4/kernel'
    ksegs = macho_segments(kernel)
    L += ['', '### lldb-22 memory reads from the cores against the files\' bytes', '',
          'lldb-22 loaded the cores:', '']
    for core in slides:
        L.append('- `%s`: %s' % (core, ('yes ("Core file ... (%s) was loaded.")' % loaded[core])
                                 if loaded.get(core) else 'NO'))
    L += ['',
          'Each read is 64 bytes (`memory read -c 64 ADDR`, and `memory read -f x -s 8 -c 8 ADDR`, '
          'eight little-endian giant words). "core file" = the bytes the core\'s LC_SEGMENT_64 '
          'commands map at ADDR, read with Python (zero fill past filesize); "raw dump" = '
          '`%s` at ADDR - %s (`raw-base.txt`); "kernel file" = `%s` at ADDR - slide (compared '
          'for the Mach-O header and `version` only: other data holds slid pointers).' % (raw, '0x%x' % raw_base, kernel),
          '',
          '| core | what | address | read | lldb read it | = core file | = raw dump | = kernel file |',
          '|---|---|---|---|---|---|---|---|']
    segcache = {}
    for core, cmd, addr, got in reads:
        label = labels.get((core, addr), '?')
        if core not in segcache:
            segcache[core] = macho_segments(core)
        form = 'giant words' if '-s 8' in cmd else 'bytes'
        if got is None:
            L.append('| `%s` | %s | 0x%x | %s | no (error) | - | - | - |' % (core, label, addr, form))
            continue
        fromcore = macho_read(core, segcache[core], addr, len(got))
        eq_core = 'yes' if fromcore == got else ('NO' if fromcore is not None else 'not mapped')
        if core.endswith('nonote.core'):
            off = addr - raw_base
            if 0 <= off and off + len(got) <= len(raw_bytes):
                eq_raw = 'yes' if raw_bytes[off:off + len(got)] == got else 'NO'
            else:
                eq_raw = 'outside the dump'
        else:
            eq_raw = 'n/a'
        if label in ('version', '__TEXT start (Mach-O header)'):
            kb = macho_read(kernel, ksegs, addr - slides[core], len(got))
            eq_k = 'yes' if kb == got else 'NO'
        else:
            eq_k = 'n/a'
        L.append('| `%s` | %s | 0x%x | %s | yes (%d bytes) | %s | %s | %s |' % (
            core, label, addr, form, len(got), eq_core, eq_raw, eq_k))
    fails = read(sys.argv[3]).splitlines() if len(sys.argv) > 3 else []
    L += ['', '### Tool runs that exited with a nonzero status', '']
    L += ['- ' + f.replace('|', '\\|') for f in fails] if fails else ['- none']
    with open(f'{OUT}/CHECKS.md', 'w') as f:
        f.write('\n'.join(L) + '\n')

def core_addrs():
    syms = {n: a for a, t, n in nm_symbols(f'{OUT}/x86_64-dwarf4/nm-n.txt')}
    text = next(s['vmaddr'] for s in segments(f'{OUT}/x86_64-dwarf4/otool-l.txt') if s['segname'] == '__TEXT')
    s1, s2 = int('%SLIDE_NOTES%', 16), int('%SLIDE_NONOTE%', 16)
    rows = []
    for label, sym in (('version', '_version'), ('allproc', '_allproc'), ('kernproc', '_kernproc'),
                       ('lowGlo', '_lowGlo')):
        if sym in syms:
            rows.append((label, syms[sym] + s1, syms[sym] + s2))
        else:
            print('make-expected.sh: no symbol %s in x86_64-dwarf4' % sym, file=sys.stderr)
    alias = int('%LOWGLO_ALIAS%', 16)
    rows.append(('low-globals alias', alias, alias))
    rows.append(('__TEXT start (Mach-O header)', text + s1, text + s2))
    for label, a, b in rows:
        print('%s\t0x%x\t0x%x' % (label, a, b))

cmd = sys.argv[1]
if cmd == 'symq': symq(sys.argv[2], sys.argv[3])
elif cmd == 'fatq': fatq(sys.argv[2])
elif cmd == 'lookup-addrs': lookup_addrs(sys.argv[2])
elif cmd == 'type-queries': type_queries(sys.argv[2])
elif cmd == 'cxx-names': cxx_names(sys.argv[2])
elif cmd == 'cxx-merge': cxx_merge(sys.argv[2])
elif cmd == 'core-addrs': core_addrs()
elif cmd == 'checks': checks(sys.argv[2])
else: sys.exit('unknown helper command ' + cmd)
PY
HELPER_PY="${HELPER_PY//%SLIDE_NOTES%/$SLIDE_NOTES}"
HELPER_PY="${HELPER_PY//%SLIDE_NONOTE%/$SLIDE_NONOTE}"
HELPER_PY="${HELPER_PY//%LOWGLO_ALIAS%/$LOWGLO_ALIAS}"
HELPER_PY="${HELPER_PY//%INLINED_STEP%/$INLINED_STEP}"
helper() { python3 -c "$HELPER_PY" "$@"; }

# expected/{thirdparty,accel,gdb,pahole,real,objdump,values,report,x86_64-dwarf4-v2} belong to
# make-expected-{thirdparty,accel,gdb,pahole,real,objdump,values,report}.sh; everything else is remade here.
mkdir -p "$OUT"
find "$OUT" -mindepth 1 -maxdepth 1 ! -name thirdparty ! -name accel ! -name gdb ! -name pahole ! -name real \
  ! -name objdump ! -name values ! -name report ! -name x86_64-dwarf4-v2 -exec rm -rf {} +
mkdir -p "$OUT/lldb" "$OUT/i386"
for v in "${VARIANTS[@]}" fat; do mkdir -p "$OUT/$v"; done

echo "make-expected.sh: tool versions" >&2
for t in "${TOOLS[@]}" python3; do
  line="$("$t" --version 2>&1 | grep -i -m1 'version' || true)"
  [ -n "$line" ] || line="$("$t" --version 2>&1 | head -n1)"
  log TOOLS.txt "$t --version 2>&1 | grep -i -m1 version   (printed as \"$t: <that line>\")"
  printf '%s: %s\n' "$t" "$(echo "$line" | sed 's/^ *//')"
done > "$OUT/TOOLS.txt"

echo "make-expected.sh: nm, otool, uuid, verify" >&2
for v in "${VARIANTS[@]}"; do
  k="kernels/$v/kernel"; d="$(dsym "$v")"
  run "$v/nm-n.txt" llvm-nm-19 -n "$k"
  run "$v/nm-na.txt" llvm-nm-19 -n -a "$k"
  run "$v/otool-l.txt" llvm-otool-19 -l "$k"
  run "$v/dsym-otool-l.txt" llvm-otool-19 -l "$d"
  run "$v/uuid.txt" llvm-dwarfdump-19 --uuid "$k" "$d"
  run_rc "$v/verify.txt" llvm-dwarfdump-19 --verify "$d"
  run "$v/rebase.txt" llvm-objdump-19 --macho --rebase "$k"
  run "$v/dsym-nm-n.txt" llvm-nm-19 -n "$d"
  run "$v/section-sizes.txt" llvm-dwarfdump-19 --show-section-sizes "$d"
  # The unit header lines of llvm-dwarfdump's --debug-info listing (offset, length, format,
  # version, unit type, abbreviation offset, address size).
  run "$v/units.txt" sh -c "llvm-dwarfdump-19 --debug-info '$d' | grep -E '^0x[0-9a-f]+: [A-Za-z]+ Unit:'"
done
# fat: llvm-otool-19 ignores -arch (it always prints the first slice), so the otool -l listing of
# every slice comes from llvm-objdump-19 with the options llvm-otool -l maps to.
k=kernels/fat/kernel; d="$(dsym fat)"
run fat/nm-n.txt llvm-nm-19 -n --arch=all "$k"
run fat/nm-na.txt llvm-nm-19 -n -a --arch=all "$k"
run fat/otool-f.txt llvm-otool-19 -f "$k"
run fat/otool-l.txt llvm-objdump-19 --macho --private-headers --non-verbose --arch=all "$k"
run fat/dsym-otool-l.txt llvm-objdump-19 --macho --private-headers --non-verbose --arch=all "$d"
run fat/uuid.txt llvm-dwarfdump-19 --uuid "$k" "$d"          # llvm-dwarfdump does every slice by default
run_rc fat/verify.txt llvm-dwarfdump-19 --verify "$d"

echo "make-expected.sh: i386 objects" >&2
mapfile -t I386 < <(LC_ALL=C find kernels/i386 -name '*.o' | LC_ALL=C sort)
run i386/nm-na.txt llvm-nm-19 -n -a "${I386[@]}"
run i386/otool-l.txt llvm-otool-19 -l "${I386[@]}"
: > "$OUT/i386/types.jsonl"
for o in "${I386[@]}"; do
  log i386/types.jsonl "llvm-dwarfdump-19 --debug-info $o | python3 tools/dwarfdump-types.py --object $o --append --types $OUT/i386/types.jsonl"
  llvm-dwarfdump-19 --debug-info "$o" | python3 tools/dwarfdump-types.py --object "$o" --append \
    --types "$OUT/i386/types.jsonl"
done

echo "make-expected.sh: types, variables, symbolizer" >&2
for v in "${VARIANTS[@]}"; do
  d="$(dsym "$v")"
  c="llvm-dwarfdump-19 --debug-info $d | python3 tools/dwarfdump-types.py --types $OUT/$v/types.jsonl --variables $OUT/$v/variables.jsonl --inlined $OUT/$v/inlined-starts.txt"
  for f in types.jsonl variables.jsonl inlined-starts.txt; do log "$v/$f" "$c"; done
  llvm-dwarfdump-19 --debug-info "$d" | python3 tools/dwarfdump-types.py --types "$OUT/$v/types.jsonl" \
    --variables "$OUT/$v/variables.jsonl" --inlined "$OUT/$v/inlined-starts.txt"
  helper symq "$v" "$WORK/symbolizer-input-$v.txt"
  log "$v/symbolizer.jsonl" "llvm-symbolizer-19 --output-style=JSON --obj=kernels/$v/kernel < (the queries, see above) > $OUT/$v/symbolizer.jsonl"
  llvm-symbolizer-19 --output-style=JSON "--obj=kernels/$v/kernel" < "$WORK/symbolizer-input-$v.txt" > "$OUT/$v/symbolizer.jsonl"
  [ "$(wc -l < "$WORK/symbolizer-input-$v.txt")" = "$(wc -l < "$OUT/$v/symbolizer.jsonl")" ] ||
    { echo "make-expected.sh: $v: llvm-symbolizer-19 did not answer every query" >&2; exit 1; }
done
helper fatq "$WORK"
: > "$OUT/fat/symbolizer.jsonl"
for arch in x86_64 arm64; do
  log fat/symbolizer.jsonl "llvm-symbolizer-19 --output-style=JSON --obj=kernels/fat/kernel:$arch < (the queries, see above) >> $OUT/fat/symbolizer.jsonl"
  llvm-symbolizer-19 --output-style=JSON "--obj=kernels/fat/kernel:$arch" < "$WORK/symbolizer-input-fat-$arch.txt" >> "$OUT/fat/symbolizer.jsonl"
done

echo "make-expected.sh: llvm-cxxfilt" >&2
helper cxx-names "$WORK"
log cxxfilt.tsv "llvm-cxxfilt-19 -_ < (the names of column 1 that start with __Z, sorted, one per line)"
llvm-cxxfilt-19 -_ < "$WORK/cxx-darwin.txt" > "$WORK/cxx-darwin.out"
log cxxfilt.tsv "llvm-cxxfilt-19 < (the names of column 1 that start with _Z but not __Z, sorted, one per line)"
llvm-cxxfilt-19 < "$WORK/cxx-plain.txt" > "$WORK/cxx-plain.out"
helper cxx-merge "$WORK"

echo "make-expected.sh: lldb image lookup / type lookup" >&2
for v in x86_64-dwarf4 arm64-dwarf5; do
  tc="target create -s $(dsym "$v") kernels/$v/kernel"
  f="lldb/$v-image-lookup.txt"; : > "$OUT/$f"
  while read -r a; do
    lldb_run "$f" -b --no-lldbinit -o "$tc" -o "image lookup -a $a" -o "image lookup -v -a $a"
  done < <(helper lookup-addrs "$v")
  f="lldb/$v-type-lookup.txt"; : > "$OUT/$f"
  while IFS=$'\t' read -r -a q; do
    args=(-b --no-lldbinit -o "$tc" -o "type lookup ${q[0]}")
    for e in "${q[@]:1}"; do args+=(-o "expr $e"); done
    lldb_run "$f" "${args[@]}"
  done < <(helper type-queries "$v")
done

echo "make-expected.sh: lldb core memory reads" >&2
helper core-addrs > "$WORK/core-addrs.tsv"
f=lldb/core-memory-read.txt; : > "$OUT/$f"
for core in snapshots/x86_64-dwarf4.core snapshots/x86_64-dwarf4-nonote.core; do
  col=2; [ "$core" = snapshots/x86_64-dwarf4.core ] || col=3
  while read -r a; do
    lldb_run "$f" -b --no-lldbinit -c "$core" -o "memory read -c 64 $a" -o "memory read -f x -s 8 -c 8 $a"
  done < <(cut -f"$col" "$WORK/core-addrs.tsv")
done

echo "make-expected.sh: COMMANDS.md, CHECKS.md" >&2
{
  cat <<'EOF'
# Commands that produced expected/

Written by `make-expected.sh`. Every command ran with the current directory = `samples/` and
`LC_ALL=C`; `> FILE` is the command's standard output. Grouped by output file, in the order
they ran.

Notes:
- lldb-22 prints absolute paths (`Current executable set to '...'`, `Core file '...'`,
  `Module: file = ...`). Its output (stdout and stderr) goes through
  `sed 's#<absolute path of samples>/##g'`, so those paths read relative to `samples/`.
- llvm-otool-19 ignores `-arch` (it always lists the first slice of a fat file), so for the fat
  kernel and dSYM `otool-l.txt` comes from `llvm-objdump-19 --macho --private-headers
  --non-verbose --arch=all`, which is what `llvm-otool -l` runs (identical output on thin files).
- `nm-na.txt` shows N_OSO stabs naming `/tmp/hagfish-samples-build/...`: that is the fixed
  object directory of `build.sh`, stored in the kernels themselves, not the checkout location.
- The symbolizer's standard input is one query per line, code queries first, then `DATA`
  queries, each group sorted by address; `symbolizer.jsonl` answers them in that order, and each
  answer's `Address` (with `DATA ` before it when the answer has a `Data` key) is the query.
  The script chooses them from `nm-n.txt`, `otool-l.txt` and `inlined-starts.txt`. For every
  function (a `T`/`t` symbol inside an instruction section; size = next symbol start, or the
  section end, minus start): its start and its last byte (start+size-1); every
  %INLINED_STEP%th address of `inlined-starts.txt` (the 1st, the %INLINED_STEP_NEXT%th, ...); in
  x86_64-dwarf4 (the full rule) also start+1 and start+size/2 of every function, and every
  address of `inlined-starts.txt`. (Inlined start+1 was dropped for size: in a trial run it gave
  the same frames and lines as the start in 188 of 189 cases.) If that made fewer than 300 code queries,
  start+k*size/8 (k = 1..7) of every function would be added. `DATA` queries: every
  `D/d/S/s/B/b` symbol's start, and start+size/2 of 16 of them spread over the list.
  `fat/symbolizer.jsonl` asks 15 code and 4 `DATA` queries spread over those of x86_64-dwarf4
  and of arm64-dwarf5 of `kernels/fat/kernel:x86_64` and `kernels/fat/kernel:arm64`.
- `lldb-22 -b` stops at the first command that fails, so each address or type gets its own
  lldb-22 run. `memory read -f x -s 8 -c 8` reads the same 64 bytes as `memory read -c 64`.
EOF
  awk -F'\t' '
    { if (!($1 in seen)) { seen[$1] = 1; order[++n] = $1 } cmds[$1] = cmds[$1] $2 "\n" }
    END { for (i = 1; i <= n; i++) { printf "\n## `expected/%s`\n\n```\n%s```\n", order[i], cmds[order[i]] } }
  ' "$CMDLOG"
} | sed -e "s/%INLINED_STEP%/$INLINED_STEP/g" -e "s/%INLINED_STEP_NEXT%/$((INLINED_STEP + 1))/g" > "$OUT/COMMANDS.md"

helper checks "$WORK/core-addrs.tsv" "$WORK/failures"

if [ -s "$WORK/failures" ]; then
  echo "make-expected.sh: some tool runs exited with a nonzero status (see expected/CHECKS.md):" >&2
  cat "$WORK/failures" >&2
fi

# expected/*/functions.jsonl and expected/FUNCTIONS.md (it also rewrites MANIFEST.md).
"$HERE/make-expected-functions.sh"
if [ -x "$HERE/make-manifest.sh" ]; then
  "$HERE/make-manifest.sh"
fi
echo "make-expected.sh: done ($(du -sk "$OUT" | cut -f1) KiB in expected/)" >&2
