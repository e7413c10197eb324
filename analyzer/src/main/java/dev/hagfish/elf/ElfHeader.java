package dev.hagfish.elf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.nio.ByteOrder;

/**
 * An {@code ElfHeader} is the decoded {@code Elf32_Ehdr} or {@code Elf64_Ehdr} (System V gABI,
 * "ELF Header"; {@code /usr/include/elf.h}); both widths normalise to this one record. The
 * section count and the section-name table index are the <em>effective</em> values: when the
 * header stores 0 or {@code SHN_XINDEX} there, {@link ElfFile} resolves them from section 0
 * ("extended section numbering") and records the resolved numbers here.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param elfClass {@link #ELFCLASS32} or {@link #ELFCLASS64}
 * @param order the byte order of {@code EI_DATA}
 * @param osAbi {@code EI_OSABI}
 * @param abiVersion {@code EI_ABIVERSION}
 * @param type {@code e_type}, e.g. {@link #ET_EXEC}
 * @param machine {@code e_machine}, e.g. 62 for x86-64
 * @param version {@code e_version}
 * @param entry {@code e_entry}, an unsigned virtual address
 * @param phoff {@code e_phoff}, a file offset
 * @param shoff {@code e_shoff}, a file offset
 * @param flags {@code e_flags}
 * @param ehsize {@code e_ehsize}
 * @param phentsize {@code e_phentsize}
 * @param phnum {@code e_phnum} as stored (may be {@code PN_XNUM})
 * @param shentsize {@code e_shentsize}
 * @param shnum the number of section headers (resolved through section 0 when stored as 0)
 * @param shstrndx the index of the section-name string table (resolved when {@code SHN_XINDEX})
 */
public record ElfHeader(int elfClass, ByteOrder order, int osAbi, int abiVersion, int type, int machine,
        long version, long entry, long phoff, long shoff, long flags, int ehsize, int phentsize, int phnum,
        int shentsize, long shnum, long shstrndx) {
    /** {@code EI_CLASS}: 32-bit objects. */
    public static final int ELFCLASS32 = 1;
    /** {@code EI_CLASS}: 64-bit objects. */
    public static final int ELFCLASS64 = 2;
    /** {@code EI_DATA}: two's complement, little-endian. */
    public static final int ELFDATA2LSB = 1;
    /** {@code EI_DATA}: two's complement, big-endian. */
    public static final int ELFDATA2MSB = 2;
    /** {@code e_type}: a relocatable file. */
    public static final int ET_REL = 1;
    /** {@code e_type}: an executable file. */
    public static final int ET_EXEC = 2;
    /** {@code e_type}: a shared object (or PIE executable). */
    public static final int ET_DYN = 3;
    /** {@code e_type}: a core file. */
    public static final int ET_CORE = 4;
    /** Section index meaning "no section"; also "no section-name table". */
    public static final int SHN_UNDEF = 0;
    /** The first reserved section index. */
    public static final int SHN_LORESERVE = 0xff00;
    /** {@code e_shstrndx} value meaning "the index is in section 0's {@code sh_link}". */
    public static final int SHN_XINDEX = 0xffff;
    /** {@code e_phnum} value meaning "the count is in section 0's {@code sh_info}". */
    public static final int PN_XNUM = 0xffff;

    /** The size of {@code e_ident}. */
    static final int EI_NIDENT = 16;
    private static final int EV_CURRENT = 1;

    /** Tells whether the file is the 64-bit form. */
    public boolean is64() {
        return elfClass == ELFCLASS64;
    }

    /** Returns the size of one section header: 64 for ELF64, 40 for ELF32. */
    public int expectedShentsize() {
        return is64() ? 64 : 40;
    }

    /** Returns the {@code ET_*} name of the file type, or its number. */
    public String typeName() {
        return switch (type) {
            case 0 -> "ET_NONE";
            case ET_REL -> "ET_REL";
            case ET_EXEC -> "ET_EXEC";
            case ET_DYN -> "ET_DYN";
            case ET_CORE -> "ET_CORE";
            default -> "e_type(0x" + Integer.toHexString(type) + ")";
        };
    }

    /**
     * Returns the architecture's name as hagfish and LLVM name it ({@code x86_64}, {@code arm64},
     * {@code i386}, …) from {@code e_machine} and the class, or {@code EM_<number>} for others.
     */
    public String archName() {
        return switch (machine) {
            case 3 -> "i386";
            case 62 -> "x86_64";
            case 183 -> "arm64";
            case 40 -> "arm";
            case 8 -> is64() ? "mips64" : "mips";
            case 20 -> "ppc";
            case 21 -> "ppc64";
            case 2, 18 -> "sparc";
            case 43 -> "sparcv9";
            case 22 -> "s390x";
            case 243 -> is64() ? "riscv64" : "riscv32";
            case 258 -> "loongarch64";
            default -> "EM_" + machine;
        };
    }

    /** Returns a copy with the effective section count and name-table index. */
    ElfHeader withSectionNumbering(long effectiveShnum, long effectiveShstrndx) {
        return new ElfHeader(elfClass, order, osAbi, abiVersion, type, machine, version, entry, phoff, shoff,
                flags, ehsize, phentsize, phnum, shentsize, effectiveShnum, effectiveShstrndx);
    }

    /**
     * Decodes {@code e_ident} and the rest of the header, with the raw {@code e_shnum} and
     * {@code e_shstrndx}.
     *
     * @param file the whole file, in any byte order (EI_DATA decides)
     * @return the header, whose {@link #order()} the caller applies to the rest of the file
     * @throws FormatException for a short file, a bad magic, class, data encoding or version
     */
    static ElfHeader read(ByteSource file) throws FormatException {
        String name = file.describe();
        if (file.size() < EI_NIDENT) {
            throw new FormatException(name, 0, "file of " + file.size() + " bytes is shorter than e_ident (16 bytes)");
        }
        if (file.u8(0) != 0x7f || file.u8(1) != 'E' || file.u8(2) != 'L' || file.u8(3) != 'F') {
            throw new FormatException(name, 0, "no ELF magic (\\x7fELF) in e_ident");
        }
        int elfClass = file.u8(4);
        if (elfClass != ELFCLASS32 && elfClass != ELFCLASS64) {
            throw new FormatException(name, 4, "e_ident[EI_CLASS] = " + elfClass + " is neither ELFCLASS32 nor ELFCLASS64");
        }
        int data = file.u8(5);
        if (data != ELFDATA2LSB && data != ELFDATA2MSB) {
            throw new FormatException(name, 5, "e_ident[EI_DATA] = " + data + " is neither ELFDATA2LSB nor ELFDATA2MSB");
        }
        if (file.u8(6) != EV_CURRENT) {
            throw new FormatException(name, 6, "e_ident[EI_VERSION] = " + file.u8(6) + ", expected EV_CURRENT (1)");
        }
        boolean is64 = elfClass == ELFCLASS64;
        int size = is64 ? 64 : 52;
        if (file.size() < size) {
            throw new FormatException(name, 0, "file of " + file.size() + " bytes is shorter than the "
                    + (is64 ? "Elf64_Ehdr" : "Elf32_Ehdr") + " (" + size + " bytes)");
        }
        ByteOrder order = data == ELFDATA2LSB ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
        BinaryCursor c = new BinaryCursor(file.withOrder(order), EI_NIDENT);
        int type = c.u16();
        int machine = c.u16();
        long version = c.u32();
        long entry = word(c, is64);
        long phoff = word(c, is64);
        long shoff = word(c, is64);
        long flags = c.u32();
        int ehsize = c.u16();
        int phentsize = c.u16();
        int phnum = c.u16();
        int shentsize = c.u16();
        int shnum = c.u16();
        int shstrndx = c.u16();
        return new ElfHeader(elfClass, order, file.u8(7), file.u8(8), type, machine, version, entry, phoff, shoff,
                flags, ehsize, phentsize, phnum, shentsize, shnum, shstrndx);
    }

    /** Reads an address or offset field: 4 bytes in ELF32, 8 in ELF64. */
    static long word(BinaryCursor c, boolean is64) throws FormatException {
        return is64 ? c.u64() : c.u32();
    }
}
