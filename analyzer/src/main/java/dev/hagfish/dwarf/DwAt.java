package dev.hagfish.dwarf;

/**
 * A {@code DwAt} is a {@code DW_AT_*} attribute code (DWARF 5 §7.5.4). Codes are an open set.
 *
 * @param code the attribute code
 */
public record DwAt(int code) {
    /** Attribute codes hagfish reads. */
    public static final int SIBLING = 0x01, LOCATION = 0x02, NAME = 0x03, BYTE_SIZE = 0x0b, STMT_LIST = 0x10,
            LOW_PC = 0x11, HIGH_PC = 0x12, LANGUAGE = 0x13, COMP_DIR = 0x1b, CONST_VALUE = 0x1c,
            INLINE = 0x20, PRODUCER = 0x25, PROTOTYPED = 0x27, UPPER_BOUND = 0x2f, ABSTRACT_ORIGIN = 0x31,
            BIT_OFFSET = 0x0c, BIT_SIZE = 0x0d, COUNT = 0x37, DATA_MEMBER_LOCATION = 0x38, DECL_FILE = 0x3a,
            DECL_LINE = 0x3b, DECLARATION = 0x3c, ENCODING = 0x3e, EXTERNAL = 0x3f, SPECIFICATION = 0x47,
            TYPE = 0x49, RANGES = 0x55, CALL_FILE = 0x58, CALL_LINE = 0x59, DATA_BIT_OFFSET = 0x6b,
            LINKAGE_NAME = 0x6e, STR_OFFSETS_BASE = 0x72, ADDR_BASE = 0x73, RNGLISTS_BASE = 0x74,
            LOCLISTS_BASE = 0x8c, ALIGNMENT = 0x88, MIPS_LINKAGE_NAME = 0x2007, GNU_ADDR_BASE = 0x2133,
            GNU_RANGES_BASE = 0x2132;
    /** Attribute codes of C++ classes. */
    public static final int CONTAINING_TYPE = 0x1d, ACCESSIBILITY = 0x32, VIRTUALITY = 0x4c;
    /** Attribute codes the symbolizer reads (call sites, array bounds, discriminators). */
    public static final int LOWER_BOUND = 0x22, ENTRY_PC = 0x52, CALL_COLUMN = 0x57, GNU_DISCRIMINATOR = 0x2136;
    /** Attribute codes the function tables read. */
    public static final int ARTIFICIAL = 0x34;

    /** Returns {@code DW_AT_0x…}: names are for tools that need them, hagfish matches codes. */
    public String name() {
        return "DW_AT_0x" + Integer.toHexString(code);
    }
}
