#!/usr/bin/env python3
"""Transcribe `llvm-dwarfdump-19 --debug-info` text (on stdin) into JSON Lines (compact).

Used by samples/make-expected.sh. It only transcribes attributes as llvm-dwarfdump printed
them; it computes no layout. Python 3 standard library only.

  dwarfdump-types.py [--object NAME] [--append] [--types FILE] [--variables FILE] [--inlined FILE]
                     [--functions FILE [--functions-cap N]] < dump

--types      one line per DW_TAG_structure_type / class_type / union_type / enumeration_type /
             typedef DIE: every named one, and every anonymous one (nested anonymous members,
             and anonymous types that a typedef or a variable names), in DIE order:
               {"cu", "die", "tag", "name", ["parent"], "byte_size", "decl_file", "decl_line",
                "declaration", "alignment" (DW_AT_alignment or null), ...}
             "parent" (the enclosing type's DIE) is present only for a type nested in another.
             struct/class/union add "members" (DW_TAG_member children, and DW_TAG_variable
             children, which are static data members in DWARF 5) and, when there are any,
             "inheritance" (DW_TAG_inheritance children: type, type_die, data_member_location,
             virtual); enums add "type", "type_die" (the underlying type, if given) and
             "enumerators" [{"name", "value"}]; typedefs add "type" and "type_die".
             A member: {"name", "type", "type_die", "data_member_location", "bit_size",
                        "bit_offset", "data_bit_offset"} always, plus "byte_size" when the DIE
             has DW_AT_byte_size (DWARF 2/3 bit fields: the storage unit of DW_AT_bit_offset),
             "static": true for a static data member, "artificial": true (e.g. _vptr).
             data_member_location is an int for a constant or a lone DW_OP_plus_uconst / DW_OP_constu
             expression, else the expression text as printed; absent attributes are null.
             "type" is the name dwarfdump printed in quotes after the DW_AT_type reference;
             "type_die" is that reference as "0x%08x" (null for a typedef of void).
--variables  one line per DW_TAG_variable directly under a compile unit:
               {"cu", "die", "name", ["specification", "specification_name"], "type",
                "type_die", "decl_file", "decl_line", "external", "declaration", "address",
                ["location"], ["resolved"]}
             address is "0x..." when the location is exactly one DW_OP_addr, else null, and then
             "location" holds the location text as printed (absent if there is no location).
             The specification keys are present only with DW_AT_specification; "resolved" only
             with DW_AT_specification or DW_AT_abstract_origin: the values found along those
             references, as for --functions below.
--inlined    the start address of every DW_TAG_inlined_subroutine range (DW_AT_low_pc, or the
             start of each DW_AT_ranges entry), one "0x..." per line, sorted, unique.
--functions  one line per DW_TAG_subprogram and DW_TAG_inlined_subroutine DIE, in DIE order:
               {"cu", "die", "tag", "name", "linkage_name", "specification", "abstract_origin",
                "origin_name", "low_pc", "high_pc", "ranges", "decl_file", "decl_line",
                "external", "declaration", "inline", "type", "type_die", ["resolved"], ...}
             The keys transcribe the DIE's own attributes: "linkage_name" is DW_AT_linkage_name
             or DW_AT_MIPS_linkage_name; "specification" / "abstract_origin" are references as
             "0x%08x" and "origin_name" is the name dwarfdump printed in quotes after the first
             of them; "low_pc" / "high_pc" are "0x..." as printed (dwarfdump prints an offset-form
             high_pc as the absolute address); "ranges" is the list of [low, high] pairs dwarfdump
             printed for DW_AT_ranges (null without DW_AT_ranges); "inline" is DW_AT_inline as
             printed. A subprogram adds "parameters" [{"die", "name", "type", "type_die",
             "abstract_origin", "artificial", ["resolved"]}] (its DW_TAG_formal_parameter
             children) and "variadic" (it has a DW_TAG_unspecified_parameters child). An inlined
             subroutine adds "call_file", "call_line", "call_column", "parent" (the nearest
             enclosing subprogram or inlined subroutine DIE) and "function" (the nearest
             enclosing subprogram DIE).
             "resolved" is present when the DIE has DW_AT_specification or DW_AT_abstract_origin:
             {"name", "linkage_name", "decl_file", "decl_line", "external", "type", "type_die"}
             (a parameter's: {"name", "type", "type_die", "artificial"}), each from the first DIE that
             has the attribute, searching as llvm's DWARFDie::findRecursively does: the DIE
             itself, then depth-first through DW_AT_specification before DW_AT_abstract_origin,
             each DIE once. The values are those dwarfdump printed for that DIE.
             Keys whose value is null, false or an empty list are left out, at every level (a
             missing key reads as that value), to keep the files small.
--functions-cap N
             keeps, of the --functions lines, every subprogram with DW_AT_ranges and an even
             spread of N of the others (line i*len/N of them, i = 0..N-1), for big files.
--append     appends to the --types, --variables and --functions files instead of rewriting them.
--object     adds "object": NAME to every line (for .o files, whose DIE offsets are per file).
"""
import argparse
import json
import re
import sys

DIE_RE = re.compile(r'^(0x[0-9a-f]+):( +)(DW_TAG_\w+|NULL)\s*$')
UNIT_RE = re.compile(r'^(0x[0-9a-f]+): (Compile|Type|Skeleton|Partial|Split)[ \w]*Unit:')
ATTR_RE = re.compile(r'^\s+(DW_AT_\w+)\t\((.*)$', re.S)
REF_RE = re.compile(r'^(0x[0-9a-f]+)(?: "(.*)")?$', re.S)
RANGE_RE = re.compile(r'\[(0x[0-9a-f]+), (0x[0-9a-f]+)\)')
INT_RE = re.compile(r'^[-+]?(?:0x[0-9a-f]+|\d+)$')

AGGREGATES = ('DW_TAG_structure_type', 'DW_TAG_class_type', 'DW_TAG_union_type')
TYPE_TAGS = AGGREGATES + ('DW_TAG_enumeration_type', 'DW_TAG_typedef')


class Die:
    __slots__ = ('off', 'tag', 'depth', 'attrs', 'children', 'parent', 'cu')

    def __init__(self, off, tag, depth):
        self.off, self.tag, self.depth = off, tag, depth
        self.attrs, self.children, self.parent, self.cu = {}, [], None, None


def paren_balance(text):
    """Depth of unclosed '(' or '[' in text (dwarfdump prints ranges as "[lo, hi)"), ignoring
    brackets inside double-quoted strings."""
    depth, in_str, esc = 0, False, False
    for ch in text:
        if in_str:
            if esc:
                esc = False
            elif ch == '\\':
                esc = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch in '([':
            depth += 1
        elif ch in ')]':
            depth -= 1
    return depth


def unescape(s):
    out, i = [], 0
    while i < len(s):
        c = s[i]
        if c == '\\' and i + 1 < len(s):
            n = s[i + 1]
            if n == 'x' and i + 3 < len(s) + 1:
                try:
                    out.append(chr(int(s[i + 2:i + 4], 16)))
                    i += 4
                    continue
                except ValueError:
                    pass
            out.append({'n': '\n', 't': '\t', 'r': '\r', '"': '"', '\\': '\\'}.get(n, '\\' + n))
            i += 2
            continue
        out.append(c)
        i += 1
    return ''.join(out)


def parse(lines):
    """Yields top-level DIEs (compile units) with their trees."""
    units, stack = [], []
    cur, pending_name, pending_val = None, None, None
    for raw in lines:
        line = raw.rstrip('\n')
        if pending_name is not None:
            pending_val += '\n' + line
            if paren_balance('(' + pending_val) <= 0:
                cur.attrs[pending_name] = pending_val[:-1] if pending_val.endswith(')') else pending_val
                pending_name = pending_val = None
            continue
        if UNIT_RE.match(line):
            stack = []
            cur = None
            continue
        m = DIE_RE.match(line)
        if m:
            off, spaces, tag = m.group(1), m.group(2), m.group(3)
            depth = (len(spaces) - 1) // 2
            if tag == 'NULL':
                cur = None
                continue
            die = Die('0x%08x' % int(off, 16), tag, depth)
            while stack and stack[-1].depth >= depth:
                stack.pop()
            if stack:
                die.parent = stack[-1]
                die.cu = stack[0]
                stack[-1].children.append(die)
            else:
                die.cu = die
                units.append(die)
            stack.append(die)
            cur = die
            continue
        m = ATTR_RE.match(line)
        if m and cur is not None:
            name, val = m.group(1), m.group(2)
            if paren_balance('(' + val) <= 0:
                cur.attrs[name] = val[:-1] if val.endswith(')') else val
            else:
                pending_name, pending_val = name, val
    return units


def string_attr(die, name):
    v = die.attrs.get(name)
    if v is None:
        return None
    if len(v) >= 2 and v[0] == '"' and v[-1] == '"':
        return unescape(v[1:-1])
    return v


def int_attr(die, name):
    v = die.attrs.get(name)
    if v is None:
        return None
    v = v.strip()
    if INT_RE.match(v):
        return int(v, 0)
    return v


def flag_attr(die, name):
    v = die.attrs.get(name)
    if v is None:
        return False
    return v.strip() not in ('0x00', 'false', '0')


def ref_attr(die, name):
    """(type_die, printed name) of a reference attribute."""
    v = die.attrs.get(name)
    if v is None:
        return None, None
    m = REF_RE.match(v.strip())
    if not m:
        return None, v
    return '0x%08x' % int(m.group(1), 16), unescape(m.group(2)) if m.group(2) is not None else None


def location_value(die, name):
    v = die.attrs.get(name)
    if v is None:
        return None
    v = v.strip()
    if INT_RE.match(v):
        return int(v, 0)
    m = re.match(r'^DW_OP_(?:plus_uconst|constu) (0x[0-9a-f]+|\d+)$', v)
    if m:
        return int(m.group(1), 0)
    return v


def cu_name(die):
    return string_attr(die.cu, 'DW_AT_name')


def member(die):
    tname_die, tname = ref_attr(die, 'DW_AT_type')
    static = die.tag == 'DW_TAG_variable' or (
        flag_attr(die, 'DW_AT_external') and flag_attr(die, 'DW_AT_declaration'))
    m = {
        'name': string_attr(die, 'DW_AT_name'),
        'type': tname,
        'type_die': tname_die,
        'data_member_location': location_value(die, 'DW_AT_data_member_location'),
        'bit_size': int_attr(die, 'DW_AT_bit_size'),
        'bit_offset': int_attr(die, 'DW_AT_bit_offset'),
        'data_bit_offset': int_attr(die, 'DW_AT_data_bit_offset'),
    }
    # optional keys, present only when they say something
    if 'DW_AT_byte_size' in die.attrs:
        m['byte_size'] = int_attr(die, 'DW_AT_byte_size')
    if static:
        m['static'] = True
    if flag_attr(die, 'DW_AT_artificial'):
        m['artificial'] = True
    return m


def type_record(die, obj):
    rec = {}
    if obj is not None:
        rec['object'] = obj
    parent = die.parent if die.parent is not None and die.parent is not die.cu else None
    rec.update({
        'cu': cu_name(die),
        'die': die.off,
        'tag': die.tag,
        'name': string_attr(die, 'DW_AT_name'),
    })
    if parent is not None:
        rec['parent'] = parent.off
    rec.update({
        'byte_size': int_attr(die, 'DW_AT_byte_size'),
        'decl_file': string_attr(die, 'DW_AT_decl_file'),
        'decl_line': int_attr(die, 'DW_AT_decl_line'),
        'declaration': flag_attr(die, 'DW_AT_declaration'),
        'alignment': int_attr(die, 'DW_AT_alignment'),
    })
    if die.tag in AGGREGATES:
        rec['members'] = [member(c) for c in die.children
                          if c.tag == 'DW_TAG_member' or c.tag == 'DW_TAG_variable']
        inh = []
        for c in die.children:
            if c.tag == 'DW_TAG_inheritance':
                tdie, tname = ref_attr(c, 'DW_AT_type')
                inh.append({'type': tname, 'type_die': tdie,
                            'data_member_location': location_value(c, 'DW_AT_data_member_location'),
                            'virtual': 'DW_AT_virtuality' in c.attrs})
        if inh:
            rec['inheritance'] = inh
    elif die.tag == 'DW_TAG_enumeration_type':
        tdie, tname = ref_attr(die, 'DW_AT_type')
        rec['type'], rec['type_die'] = tname, tdie
        rec['enumerators'] = [{'name': string_attr(c, 'DW_AT_name'),
                               'value': int_attr(c, 'DW_AT_const_value')}
                              for c in die.children if c.tag == 'DW_TAG_enumerator']
    else:  # typedef
        tdie, tname = ref_attr(die, 'DW_AT_type')
        rec['type'], rec['type_die'] = tname, tdie
    return rec


def variable_record(die, obj, by_off):
    rec = {}
    if obj is not None:
        rec['object'] = obj
    sdie, sname = ref_attr(die, 'DW_AT_specification')
    tdie, tname = ref_attr(die, 'DW_AT_type')
    loc = die.attrs.get('DW_AT_location')
    loc = loc.strip() if loc is not None else None
    m = re.match(r'^DW_OP_addr (0x[0-9a-f]+)$', loc or '')
    rec.update({
        'cu': cu_name(die),
        'die': die.off,
        'name': string_attr(die, 'DW_AT_name'),
    })
    if sdie is not None:
        rec['specification'], rec['specification_name'] = sdie, sname
    rec.update({
        'type': tname,
        'type_die': tdie,
        'decl_file': string_attr(die, 'DW_AT_decl_file'),
        'decl_line': int_attr(die, 'DW_AT_decl_line'),
        'external': flag_attr(die, 'DW_AT_external'),
        'declaration': flag_attr(die, 'DW_AT_declaration'),
        'address': m.group(1) if m else None,
    })
    if loc is not None and not m:
        rec['location'] = loc
    if has_origin(die):
        rec['resolved'] = resolved(die, by_off, FUNCTION_KEYS)
    return rec


def addr_attr(die, name):
    v = die.attrs.get(name)
    if v is None:
        return None
    m = re.match(r'^(0x[0-9a-f]+)$', v.strip())
    return m.group(1) if m else v.strip()


def ranges_attr(die):
    v = die.attrs.get('DW_AT_ranges')
    if v is None:
        return None
    return [[m.group(1), m.group(2)] for m in RANGE_RE.finditer(v)]


def linkage_name(die):
    for a in ('DW_AT_linkage_name', 'DW_AT_MIPS_linkage_name'):
        if a in die.attrs:
            return string_attr(die, a)
    return None


def find_recursively(die, by_off, has):
    """The first DIE along the DW_AT_specification / DW_AT_abstract_origin chains of die (die
    itself first) for which has(d) holds, as llvm's DWARFDie::findRecursively searches; or None."""
    work, seen = [die], {die.off}
    while work:
        d = work.pop()
        if has(d):
            return d
        for a in ('DW_AT_abstract_origin', 'DW_AT_specification'):
            ref, _ = ref_attr(d, a)
            if ref is not None and ref not in seen and ref in by_off:
                seen.add(ref)
                work.append(by_off[ref])
    return None


def resolved(die, by_off, keys):
    out = {}
    for key, attrs, value in keys:
        d = find_recursively(die, by_off, lambda x: any(a in x.attrs for a in attrs))
        out.update(value(d) if d is not None else {k: (False if k == 'external' else None) for k in key})
    return out


def compact(value):
    """value without the object keys whose value is null, false or an empty list (recursively)."""
    if isinstance(value, dict):
        return {k: compact(v) for k, v in value.items() if v is not None and v is not False and v != []}
    if isinstance(value, list):
        return [compact(v) for v in value]
    return value


def type_pair(d):
    tdie, tname = ref_attr(d, 'DW_AT_type')
    return {'type': tname, 'type_die': tdie}


FUNCTION_KEYS = [
    (('name',), ('DW_AT_name',), lambda d: {'name': string_attr(d, 'DW_AT_name')}),
    (('linkage_name',), ('DW_AT_linkage_name', 'DW_AT_MIPS_linkage_name'),
     lambda d: {'linkage_name': linkage_name(d)}),
    (('decl_file',), ('DW_AT_decl_file',), lambda d: {'decl_file': string_attr(d, 'DW_AT_decl_file')}),
    (('decl_line',), ('DW_AT_decl_line',), lambda d: {'decl_line': int_attr(d, 'DW_AT_decl_line')}),
    (('external',), ('DW_AT_external',), lambda d: {'external': flag_attr(d, 'DW_AT_external')}),
    (('type', 'type_die'), ('DW_AT_type',), type_pair),
]
PARAMETER_KEYS = [FUNCTION_KEYS[0], FUNCTION_KEYS[5],
                  (('artificial',), ('DW_AT_artificial',), lambda d: {'artificial': flag_attr(d, 'DW_AT_artificial')})]


def has_origin(die):
    return 'DW_AT_specification' in die.attrs or 'DW_AT_abstract_origin' in die.attrs


def function_record(die, obj, by_off):
    rec = {}
    if obj is not None:
        rec['object'] = obj
    sdie, sname = ref_attr(die, 'DW_AT_specification')
    odie, oname = ref_attr(die, 'DW_AT_abstract_origin')
    tdie, tname = ref_attr(die, 'DW_AT_type')
    rec.update({
        'cu': cu_name(die),
        'die': die.off,
        'tag': die.tag,
        'name': string_attr(die, 'DW_AT_name'),
        'linkage_name': linkage_name(die),
        'specification': sdie,
        'abstract_origin': odie,
        'origin_name': sname if sdie is not None else oname,
        'low_pc': addr_attr(die, 'DW_AT_low_pc'),
        'high_pc': addr_attr(die, 'DW_AT_high_pc'),
        'ranges': ranges_attr(die),
        'decl_file': string_attr(die, 'DW_AT_decl_file'),
        'decl_line': int_attr(die, 'DW_AT_decl_line'),
        'external': flag_attr(die, 'DW_AT_external'),
        'declaration': flag_attr(die, 'DW_AT_declaration'),
        'inline': die.attrs.get('DW_AT_inline'),
        'type': tname,
        'type_die': tdie,
    })
    if has_origin(die):
        rec['resolved'] = resolved(die, by_off, FUNCTION_KEYS)
    if die.tag == 'DW_TAG_subprogram':
        params = []
        for c in die.children:
            if c.tag != 'DW_TAG_formal_parameter':
                continue
            pdie, pname = ref_attr(c, 'DW_AT_type')
            p = {'die': c.off, 'name': string_attr(c, 'DW_AT_name'), 'type': pname, 'type_die': pdie,
                 'abstract_origin': ref_attr(c, 'DW_AT_abstract_origin')[0],
                 'artificial': flag_attr(c, 'DW_AT_artificial')}
            if has_origin(c):
                p['resolved'] = resolved(c, by_off, PARAMETER_KEYS)
            params.append(p)
        rec['parameters'] = params
        rec['variadic'] = any(c.tag == 'DW_TAG_unspecified_parameters' for c in die.children)
    else:
        parent = die.parent
        while parent is not None and parent.tag not in ('DW_TAG_subprogram', 'DW_TAG_inlined_subroutine'):
            parent = parent.parent
        function = parent
        while function is not None and function.tag != 'DW_TAG_subprogram':
            function = function.parent
        rec.update({
            'call_file': string_attr(die, 'DW_AT_call_file'),
            'call_line': int_attr(die, 'DW_AT_call_line'),
            'call_column': int_attr(die, 'DW_AT_call_column'),
            'parent': parent.off if parent is not None else None,
            'function': function.off if function is not None else None,
        })
    return rec


def walk(die):
    yield die
    for c in die.children:
        yield from walk(c)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--object')
    ap.add_argument('--types')
    ap.add_argument('--variables')
    ap.add_argument('--inlined')
    ap.add_argument('--functions')
    ap.add_argument('--functions-cap', type=int)
    ap.add_argument('--append', action='store_true', help='append to --types/--variables/--functions')
    args = ap.parse_args()
    text = sys.stdin.read()
    units = parse(text.splitlines())
    # every DIE and attribute line must have landed in the tree
    n_dies = sum(1 for u in units for _ in walk(u))
    n_attrs = sum(len(d.attrs) for u in units for d in walk(u))
    want_dies = sum(1 for l in text.splitlines() if DIE_RE.match(l) and not l.rstrip().endswith('NULL'))
    want_attrs = sum(1 for l in text.splitlines() if l.lstrip().startswith('DW_AT_'))
    if (n_dies, n_attrs) != (want_dies, want_attrs):
        sys.exit('dwarfdump-types.py: parsed %d DIEs / %d attributes, the input has %d / %d'
                 % (n_dies, n_attrs, want_dies, want_attrs))
    types, variables, inlined, functions = [], [], set(), []
    by_off = {d.off: d for u in units for d in walk(u)}
    for unit in units:
        for die in walk(unit):
            if die.tag in TYPE_TAGS:
                types.append(type_record(die, args.object))
            elif die.tag == 'DW_TAG_variable' and die.parent is unit:
                variables.append(variable_record(die, args.object, by_off))
            if args.functions and die.tag in ('DW_TAG_subprogram', 'DW_TAG_inlined_subroutine'):
                functions.append(compact(function_record(die, args.object, by_off)))
            if die.tag == 'DW_TAG_inlined_subroutine':
                if 'DW_AT_low_pc' in die.attrs:
                    m = re.search(r'(0x[0-9a-f]+)\s*$', die.attrs['DW_AT_low_pc'])
                    if m:
                        inlined.add(int(m.group(1), 16))
                for m in RANGE_RE.finditer(die.attrs.get('DW_AT_ranges', '')):
                    if int(m.group(1), 16) < int(m.group(2), 16):
                        inlined.add(int(m.group(1), 16))
    if not units:
        sys.exit('dwarfdump-types.py: no compile unit in the input')
    if args.functions_cap is not None:
        ranged = {id(r) for r in functions if r['tag'] == 'DW_TAG_subprogram' and 'ranges' in r}
        rest = [r for r in functions if id(r) not in ranged]
        n = min(args.functions_cap, len(rest))
        spread = {id(rest[i * len(rest) // n]) for i in range(n)} if n else set()
        functions = [r for r in functions if id(r) in ranged or id(r) in spread]
    for path, rows in ((args.types, types), (args.variables, variables), (args.functions, functions)):
        if path:
            with open(path, 'a' if args.append else 'w', encoding='utf-8', newline='\n') as f:
                for r in rows:
                    f.write(json.dumps(r, ensure_ascii=False, separators=(',', ':')) + '\n')
    if args.inlined:
        with open(args.inlined, 'w', encoding='utf-8', newline='\n') as f:
            for a in sorted(inlined):
                f.write('0x%x\n' % a)


if __name__ == '__main__':
    main()
