package dev.hagfish.elf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code ElfProgramHeader} is a decoded {@code Elf32_Phdr} or {@code Elf64_Phdr} (System V
 * gABI, "Program Header"); both widths normalise to this record, with unsigned values widened.
 *
 * <p>Only the table is checked against the file: a segment's {@code p_offset}/{@code p_filesz}
 * are not, because a separate debug file ({@code objcopy --only-keep-debug}) keeps the program
 * headers of the original, whose file ranges lie past its own end.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param index the entry's index in the table
 * @param type {@code p_type}, e.g. {@link #PT_LOAD}
 * @param flags {@code p_flags} ({@code PF_X} 1, {@code PF_W} 2, {@code PF_R} 4)
 * @param offset {@code p_offset}, a file offset
 * @param vaddr {@code p_vaddr}, an unsigned virtual address
 * @param paddr {@code p_paddr}
 * @param filesz {@code p_filesz}
 * @param memsz {@code p_memsz}
 * @param align {@code p_align}
 */
public record ElfProgramHeader(int index, long type, long flags, long offset, long vaddr, long paddr, long filesz,
        long memsz, long align) {
    /** {@code p_type}: a loadable segment. */
    public static final long PT_LOAD = 1;

    /**
     * Reads the program header table; empty when {@code e_phoff} or the count is 0. An
     * {@code e_phnum} of {@code PN_XNUM} takes the count from section 0's {@code sh_info}.
     *
     * @throws FormatException if {@code e_phentsize} is not the size of one entry, or the table
     *     extends past the end of the file
     */
    public static List<ElfProgramHeader> readAll(ElfFile file) throws FormatException {
        ElfHeader h = file.header();
        ByteSource src = file.source();
        long count = h.phnum() == ElfHeader.PN_XNUM && !file.sections().isEmpty() ? file.sections().get(0).info()
                : h.phnum();
        List<ElfProgramHeader> out = new ArrayList<>();
        if (h.phoff() == 0 || count == 0) {
            return out;
        }
        int entsize = h.is64() ? 56 : 32;
        if (h.phentsize() != entsize) {
            throw new FormatException(src.describe(), h.is64() ? 54 : 42, "e_phentsize = " + h.phentsize()
                    + ", expected " + entsize + " for " + (h.is64() ? "ELF64" : "ELF32"));
        }
        if (Long.compareUnsigned(h.phoff(), src.size()) > 0 || count > (src.size() - h.phoff()) / entsize) {
            throw new FormatException(src.describe(), h.is64() ? 32 : 28, "program header table of " + count
                    + " entries of " + entsize + " bytes at e_phoff 0x" + Long.toHexString(h.phoff())
                    + " extends past the end of the file (size 0x" + Long.toHexString(src.size()) + ")");
        }
        for (int i = 0; i < count; i++) {
            BinaryCursor c = new BinaryCursor(src, h.phoff() + (long) i * entsize);
            if (h.is64()) {
                long type = c.u32();
                long flags = c.u32();
                out.add(new ElfProgramHeader(i, type, flags, c.u64(), c.u64(), c.u64(), c.u64(), c.u64(), c.u64()));
            } else {
                long type = c.u32();
                long offset = c.u32();
                long vaddr = c.u32();
                long paddr = c.u32();
                long filesz = c.u32();
                long memsz = c.u32();
                long flags = c.u32();
                out.add(new ElfProgramHeader(i, type, flags, offset, vaddr, paddr, filesz, memsz, c.u32()));
            }
        }
        return out;
    }
}
