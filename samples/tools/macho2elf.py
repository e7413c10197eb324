#!/usr/bin/env python3
"""Repackages a Mach-O kernel (+ dSYM) or a Mach-O core as ELF, so that gdb (which reads ELF
only) can print the kernel's variables from its static data or from a snapshot.

  macho2elf.py image KERNEL DSYM OUT   ELF64 ET_EXEC x86-64: one SHF_ALLOC section per Mach-O
                                       section at its own address (its bytes; zero-fill sections
                                       are SHT_NOBITS), a .symtab of the N_SECT symbols (C names:
                                       the Mach-O leading underscore removed; the size of each
                                       is the distance to the next higher symbol address of its
                                       section, or to the section's end, as llvm-symbolizer
                                       sizes Mach-O data symbols: gdb ignores data symbols of
                                       size 0 when it symbolizes a pointer), and the dSYM's
                                       __DWARF,__debug_* sections
                                       as .debug_* (__debug_str_offs as .debug_str_offsets).
  macho2elf.py core CORE OUT           ELF64 ET_CORE x86-64: one PT_LOAD per LC_SEGMENT_64 of the
                                       core (vmaddr, vmsize, its file bytes), nothing else.

Only the fixed Mach-O structures of <mach-o/loader.h> and <mach-o/nlist.h> and the ELF ones of
the System V gABI are used; x86_64 little-endian Mach-O only (the sample kernels' gdb goldens).
"""
import struct
import sys

LC_SEGMENT_64, LC_SYMTAB = 0x19, 0x2
N_STAB, N_TYPE, N_SECT, N_EXT = 0xe0, 0x0e, 0x0e, 0x01
ZEROFILL = {0x1, 0xc, 0x12}
PURE_INSTRUCTIONS = 0x80000000


def macho(path):
    b = open(path, 'rb').read()
    magic, cpu, _sub, ftype, ncmds, _size, _flags, _res = struct.unpack_from('<IiiIIIII', b, 0)
    if magic != 0xfeedfacf or cpu != 0x01000007:
        sys.exit('%s: not a little-endian x86_64 Mach-O file' % path)
    segs, sects, symtab, off = [], [], None, 32
    for _ in range(ncmds):
        cmd, size = struct.unpack_from('<II', b, off)
        if cmd == LC_SEGMENT_64:
            seg, vmaddr, vmsize, fileoff, filesize, _mp, _ip, nsects, _fl = struct.unpack_from('<16sQQQQiiII', b, off + 8)
            segs.append((seg.rstrip(b'\0').decode(), vmaddr, vmsize, fileoff, filesize))
            for i in range(nsects):
                s = struct.unpack_from('<16s16sQQIIIIIIII', b, off + 72 + 80 * i)
                sects.append((s[1].rstrip(b'\0').decode(), s[0].rstrip(b'\0').decode(), s[2], s[3], s[4], s[8]))
        elif cmd == LC_SYMTAB:
            symtab = struct.unpack_from('<IIII', b, off + 8)
        off += size
    return b, ftype, segs, sects, symtab


class Elf:
    """An ELF64 little-endian x86-64 file built section by section."""

    def __init__(self, etype):
        self.etype, self.sections, self.phdrs = etype, [(b'', 0, 0, 0, 0, b'', 0, 0, 0, 0)], []

    def section(self, name, stype, flags, addr, data, size=None, link=0, info=0, align=1, entsize=0):
        self.sections.append((name.encode(), stype, flags, addr, len(data) if size is None else size, data,
                              link, info, align, entsize))
        return len(self.sections) - 1

    def write(self, path):
        shstr = bytearray(b'\0')
        names = []
        for s in self.sections:
            names.append(len(shstr) if s[0] else 0)
            if s[0]:
                shstr += s[0] + b'\0'
        names.append(len(shstr))
        shstr += b'.shstrtab\0'
        secs = self.sections + [(b'.shstrtab', 3, 0, 0, len(shstr), bytes(shstr), 0, 0, 1, 0)]
        out = bytearray(64 + 56 * len(self.phdrs))
        offsets = []
        for s in secs:
            while len(out) % max(s[8], 1):
                out += b'\0'
            offsets.append(len(out))
            if s[1] != 8:                              # SHT_NOBITS has no bytes
                out += s[5]
        ph = bytearray()
        for vaddr, memsz, data in self.phdrs:
            while len(out) % 0x1000:
                out += b'\0'
            ph += struct.pack('<IIQQQQQQ', 1, 6, len(out), vaddr, 0, len(data), memsz, 0x1000)
            out += data
        out[64:64 + len(ph)] = ph
        while len(out) % 8:
            out += b'\0'
        shoff = len(out)
        for i, s in enumerate(secs):
            out += struct.pack('<IIQQQQIIQQ', names[i], s[1], s[2], s[3], offsets[i] if i else 0, s[4],
                               s[6], s[7], s[8], s[9])
        hdr = b'\x7fELF' + bytes([2, 1, 1, 0]) + bytes(8)
        hdr += struct.pack('<HHIQQQIHHHHHH', self.etype, 62, 1, 0, 64 if self.phdrs else 0, shoff, 0, 64, 56,
                           len(self.phdrs), 64, len(secs), len(secs) - 1)
        out[0:64] = hdr
        open(path, 'wb').write(out)


def image(kernel, dsym, out):
    b, _ft, _segs, sects, symtab = macho(kernel)
    elf = Elf(2)                                      # ET_EXEC
    index = {}
    for n, (seg, sect, addr, size, off, flags) in enumerate(sects, 1):
        zero = (flags & 0xff) in ZEROFILL
        shflags = 0x2 | (0x4 if flags & PURE_INSTRUCTIONS else 0x1)        # ALLOC | EXECINSTR or WRITE
        data = b'' if zero else b[off:off + size]
        index[n] = (elf.section('%s.%s' % (seg, sect), 8 if zero else 1, shflags, addr, data, size, align=1),
                    flags & PURE_INSTRUCTIONS)
    symoff, nsyms, stroff, strsize = symtab
    strtab, local, globl, found = bytearray(b'\0'), [], [], []
    for i in range(nsyms):
        nstrx, ntype, nsect, _desc, value = struct.unpack_from('<IBBHQ', b, symoff + 16 * i)
        if ntype & N_STAB or (ntype & N_TYPE) != N_SECT or nsect not in index:
            continue
        name = b[stroff + nstrx:b.index(b'\0', stroff + nstrx)]
        name = name[1:] if name.startswith(b'_') else name
        found.append((name, ntype, nsect, value))
    for name, ntype, nsect, value in found:
        shndx, code = index[nsect]
        _seg, _sect, addr, size, _off, _flags = sects[nsect - 1]
        after = [v for _n, _t, s, v in found if s == nsect and v > value]
        end = min(after) if after else addr + size
        bind = 1 if ntype & N_EXT else 0
        entry = (len(strtab), (bind << 4) | (2 if code else 1), shndx, value, end - value)
        strtab += name + b'\0'
        (globl if bind else local).append(entry)
    syms = bytearray(24)
    for name, info, shndx, value, size in local + globl:
        syms += struct.pack('<IBBHQQ', name, info, 0, shndx, value, size)
    strndx = len(elf.sections) + 1
    elf.section('.symtab', 2, 0, 0, bytes(syms), link=strndx, info=1 + len(local), align=8, entsize=24)
    elf.section('.strtab', 3, 0, 0, bytes(strtab))
    d, _ft, _segs, dsects, _st = macho(dsym)
    for seg, sect, _addr, size, off, _flags in dsects:
        if seg == '__DWARF' and sect.startswith('__debug_'):
            name = '.' + sect[2:]
            elf.section('.debug_str_offsets' if name == '.debug_str_offs' else name, 1, 0, 0, d[off:off + size])
    elf.write(out)


def core(path, out):
    b, ftype, segs, _sects, _st = macho(path)
    if ftype != 4:
        sys.exit('%s: not an MH_CORE file' % path)
    elf = Elf(4)                                      # ET_CORE
    for _name, vmaddr, vmsize, fileoff, filesize in segs:
        elf.phdrs.append((vmaddr, vmsize, b[fileoff:fileoff + filesize]))
    elf.write(out)


if __name__ == '__main__':
    if len(sys.argv) == 5 and sys.argv[1] == 'image':
        image(*sys.argv[2:])
    elif len(sys.argv) == 4 and sys.argv[1] == 'core':
        core(*sys.argv[2:])
    else:
        sys.exit(__doc__)
