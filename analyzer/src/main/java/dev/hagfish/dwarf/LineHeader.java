package dev.hagfish.dwarf;

import dev.hagfish.io.BinaryCursor;
import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code LineHeader} is the header of one line-number program in {@code .debug_line}: DWARF
 * 2–4 (§6.2.4 of DWARF 4) with NUL-terminated directory and file lists, or DWARF 5 (§6.2.4) with
 * entry formats ({@code DW_LNCT_*} and forms). 32- and 64-bit formats.
 *
 * <p>Immutable; package-private because {@link LineProgram} is the public face.
 */
record LineHeader(long offset, long unitEnd, int offsetSize, int version, int addressSize, int minInstLength,
        int maxOpsPerInst, boolean defaultIsStmt, int lineBase, int lineRange, int opcodeBase,
        int[] standardOpcodeLengths, List<String> includeDirectories, List<FileEntry> files, long programStart) {

    private static final int DW_LNCT_PATH = 1;
    private static final int DW_LNCT_DIRECTORY_INDEX = 2;
    private static final int DW_LNCT_TIMESTAMP = 3;
    private static final int DW_LNCT_SIZE = 4;
    private static final int DW_LNCT_MD5 = 5;
    private static final byte[] NO_MD5 = new byte[0];

    /**
     * Reads the header of the program at {@code offset} of {@code .debug_line}.
     *
     * @param sections for {@code debug_line}, and {@code debug_str}/{@code debug_line_str} when a
     *     DWARF 5 entry names one
     * @throws FormatException if a length or count runs past the unit or a field is invalid
     */
    static LineHeader read(DwarfSections sections, long offset) throws FormatException {
        ByteSource line = sections.require("debug_line");
        InitialLength len = InitialLength.read(line, offset, "unit_length", "debug_line");
        int offsetSize = len.offsetSize();
        long unitEnd = len.end();
        BinaryCursor c = new BinaryCursor(line, len.start(), unitEnd);
        int version = c.u16();
        if (version < 2 || version > 5) {
            throw error(line, c.position() - 2, "line table version " + version + " is not 2 to 5");
        }
        int addressSize = 0;
        if (version >= 5) {
            addressSize = c.u8();
            int segSize = c.u8();
            if (segSize != 0) {
                throw error(line, c.position() - 1, "segment_selector_size " + segSize + " is not supported");
            }
        }
        long headerLength = offsetSize == 8 ? c.u64() : c.u32();
        if (headerLength < 0 || headerLength > c.remaining()) {
            throw error(line, c.position() - offsetSize, "header_length 0x" + Long.toHexString(headerLength)
                    + " runs past the unit end 0x" + Long.toHexString(unitEnd));
        }
        long programStart = c.position() + headerLength;
        BinaryCursor fields = new BinaryCursor(line, c.position(), programStart);
        return fields(sections, fields, new LineHeader(offset, unitEnd, offsetSize, version, addressSize, 0, 0,
                false, 0, 0, 0, new int[0], List.of(), List.of(), programStart));
    }

    /** Reads the fields after header_length into a copy of {@code h}, which has the lengths. */
    private static LineHeader fields(DwarfSections sections, BinaryCursor c, LineHeader h) throws FormatException {
        int minInst = c.u8();
        int maxOps = h.version() >= 4 ? c.u8() : 1;
        boolean defaultIsStmt = c.u8() != 0;
        int lineBase = (byte) c.u8();
        int lineRange = c.u8();
        int opcodeBase = c.u8();
        int[] lengths = new int[Math.max(0, opcodeBase - 1)];
        for (int i = 0; i < lengths.length; i++) {
            lengths[i] = c.u8();
        }
        List<String> dirs;
        List<FileEntry> files;
        if (h.version() >= 5) {
            V5Reader r = new V5Reader(sections, c.source(), c, h.offsetSize());
            dirs = r.directories();
            files = r.files();
        } else {
            dirs = legacyDirectories(c);
            files = new ArrayList<>();
            for (String name = c.cstring(); !name.isEmpty(); name = c.cstring()) {
                files.add(legacyFile(name, c));
            }
        }
        return new LineHeader(h.offset(), h.unitEnd(), h.offsetSize(), h.version(), h.addressSize(), minInst, maxOps,
                defaultIsStmt, lineBase, lineRange, opcodeBase, lengths, List.copyOf(dirs), files, h.programStart());
    }

    /** Reads the rest of a DWARF 2–4 file entry (or a {@code DW_LNE_define_file} operand). */
    static FileEntry legacyFile(String name, BinaryCursor c) throws FormatException {
        long dir = c.uleb();
        long mtime = c.uleb();
        long size = c.uleb();
        return new FileEntry(name, dir, mtime, size, NO_MD5);
    }

    private static List<String> legacyDirectories(BinaryCursor c) throws FormatException {
        List<String> dirs = new ArrayList<>();
        while (true) {
            String d = c.cstring();
            if (d.isEmpty()) {
                return dirs;
            }
            dirs.add(d);
        }
    }

    static FormatException error(ByteSource s, long offset, String msg) {
        return new FormatException(s.describe(), offset, msg);
    }

    /** Decodes the DWARF 5 directory and file tables, which are described by entry formats. */
    private static final class V5Reader {
        private final DwarfSections sections;
        private final ByteSource line;
        private final BinaryCursor c;
        private final int offsetSize;

        V5Reader(DwarfSections sections, ByteSource line, BinaryCursor c, int offsetSize) {
            this.sections = sections;
            this.line = line;
            this.c = c;
            this.offsetSize = offsetSize;
        }

        List<String> directories() throws FormatException {
            List<FileEntry> entries = entries("directory");
            List<String> out = new ArrayList<>(entries.size());
            for (FileEntry e : entries) {
                out.add(e.name() == null ? "" : e.name());
            }
            return out;
        }

        List<FileEntry> files() throws FormatException {
            return entries("file name");
        }

        private List<FileEntry> entries(String what) throws FormatException {
            long at = c.position();
            int formatCount = c.u8();
            long[] kinds = new long[formatCount];
            int[] forms = new int[formatCount];
            for (int i = 0; i < formatCount; i++) {
                kinds[i] = c.uleb();
                long form = c.uleb();
                if (form > 0xffff) {
                    throw error(line, c.position(), what + " entry format " + i + ": form 0x"
                            + Long.toHexString(form) + " is invalid");
                }
                forms[i] = (int) form;
            }
            long countAt = c.position();
            long count = c.uleb();
            // Every field takes at least one byte, so a count beyond the bytes left is a lie.
            if (count != 0 && (formatCount == 0 || count < 0 || count > c.remaining())) {
                throw error(line, countAt, what + " count " + Long.toUnsignedString(count) + " with " + formatCount
                        + " fields does not fit the " + c.remaining() + " header bytes left (formats at 0x"
                        + Long.toHexString(at) + ")");
            }
            List<FileEntry> out = new ArrayList<>((int) Math.min(count, 1024));
            for (long n = 0; n < count; n++) {
                out.add(entry(kinds, forms));
            }
            return out;
        }

        private FileEntry entry(long[] kinds, int[] forms) throws FormatException {
            String name = null;
            long dir = 0;
            long mtime = 0;
            long size = 0;
            byte[] md5 = NO_MD5;
            for (int i = 0; i < kinds.length; i++) {
                long at = c.position();
                FieldValue v = field(forms[i]);
                if (kinds[i] == DW_LNCT_PATH) {
                    name = v.text;
                } else if (kinds[i] == DW_LNCT_DIRECTORY_INDEX) {
                    dir = v.number(line, at, "DW_LNCT_directory_index");
                } else if (kinds[i] == DW_LNCT_TIMESTAMP) {
                    mtime = v.bytes == null ? v.number : 0;
                } else if (kinds[i] == DW_LNCT_SIZE) {
                    size = v.number(line, at, "DW_LNCT_size");
                } else if (kinds[i] == DW_LNCT_MD5 && v.bytes != null && v.bytes.length == 16) {
                    md5 = v.bytes;
                }
            }
            return new FileEntry(name, dir, mtime, size, md5);
        }

        /** Reads one field; strings in forms that need a unit's bases are skipped (text null). */
        private FieldValue field(int form) throws FormatException {
            return switch (form) {
                case DwForm.STRING -> FieldValue.text(c.cstring());
                case DwForm.LINE_STRP -> FieldValue.text(DieReader.sectionString(
                        sections.require("debug_line_str"), offset()));
                case DwForm.STRP -> FieldValue.text(DieReader.sectionString(sections.require("debug_str"), offset()));
                case DwForm.STRP_SUP, DwForm.GNU_STRP_ALT -> FieldValue.skipped(offset());
                case DwForm.STRX, DwForm.GNU_STR_INDEX -> FieldValue.skipped(c.uleb());
                case DwForm.STRX1 -> FieldValue.skipped(c.u8());
                case DwForm.STRX2 -> FieldValue.skipped(c.u16());
                case DwForm.STRX3 -> FieldValue.skipped(c.u16() | ((long) c.u8() << 16));
                case DwForm.STRX4 -> FieldValue.skipped(c.u32());
                case DwForm.UDATA -> FieldValue.number(c.uleb());
                case DwForm.SDATA -> FieldValue.number(c.sleb());
                case DwForm.DATA1, DwForm.FLAG -> FieldValue.number(c.u8());
                case DwForm.DATA2 -> FieldValue.number(c.u16());
                case DwForm.DATA4 -> FieldValue.number(c.u32());
                case DwForm.DATA8 -> FieldValue.number(c.u64());
                case DwForm.DATA16 -> FieldValue.block(c.bytes(16));
                case DwForm.BLOCK1 -> FieldValue.block(block(c.u8()));
                case DwForm.BLOCK2 -> FieldValue.block(block(c.u16()));
                case DwForm.BLOCK4 -> FieldValue.block(block(c.u32()));
                case DwForm.BLOCK -> FieldValue.block(block(c.uleb()));
                default -> throw error(line, c.position(), "form 0x" + Integer.toHexString(form)
                        + " is not allowed in a line table entry format");
            };
        }

        private long offset() throws FormatException {
            return offsetSize == 8 ? c.u64() : c.u32();
        }

        private byte[] block(long n) throws FormatException {
            if (n < 0 || n > c.remaining()) {
                throw error(line, c.position(), "block of " + Long.toUnsignedString(n) + " bytes runs past the header");
            }
            return c.bytes((int) n);
        }
    }

    /** One decoded entry field: a string, a number, or a block. */
    private static final class FieldValue {
        final String text;
        final long number;
        final byte[] bytes;
        final boolean isNumber;

        private FieldValue(String text, long number, byte[] bytes, boolean isNumber) {
            this.text = text;
            this.number = number;
            this.bytes = bytes;
            this.isNumber = isNumber;
        }

        static FieldValue text(String s) {
            return new FieldValue(s, 0, null, false);
        }

        static FieldValue skipped(long ignored) {
            return new FieldValue(null, 0, null, false);
        }

        static FieldValue number(long n) {
            return new FieldValue(null, n, null, true);
        }

        static FieldValue block(byte[] b) {
            return new FieldValue(null, 0, b, false);
        }

        long number(ByteSource s, long at, String field) throws FormatException {
            if (!isNumber) {
                throw error(s, at, field + " is not in a constant form");
            }
            return number;
        }
    }
}
