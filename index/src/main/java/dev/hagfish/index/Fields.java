package dev.hagfish.index;

/**
 * {@code Fields} names the Lucene fields and document kinds of the store. Every document carries
 * {@link #KERNEL} (the kernel's UUID) and {@link #DOC} (its kind). Addresses are indexed as
 * points of {@link #sortable} values, so that unsigned order is the points' order.
 */
final class Fields {
    private Fields() {}

    /** The kernel's UUID, on every document. */
    static final String KERNEL = "kernel";
    /** The document kind. */
    static final String DOC = "doc";

    /** Document kinds. */
    static final String KIND_KERNEL = "kernel", KIND_SYMBOL = "symbol", KIND_TYPE = "type", KIND_MEMBER = "member",
            KIND_ENUMERATOR = "enumerator", KIND_ADDRESSES = "addresses", KIND_TYPE_GRAPH = "type_graph",
            KIND_SOURCES = "sources";

    /** Common fields. */
    static final String NAME = "name", DEMANGLED = "demangled", TOKENS = "tokens", ADDRESS = "address",
            SIZE = "size", KIND = "kind", SECTION = "section", DECL_FILE = "decl_file", DECL_LINE = "decl_line",
            TYPE_NAME = "type_name", EXTERNAL = "external", JSON = "json", OWNER = "owner", OFFSET = "offset",
            BIT_SIZE = "bit_size", VALUE = "value", MEMBER = "member", MEMBER_TYPE = "member_type",
            TARGET = "target", CHUNK = "chunk", FIRST = "first", TYPE_SIZE = "type_size",
            SIGNATURE = "signature", VARIABLE_TYPE = "variable_type", TYPE_ID = "type_id";

    /** Kernel record fields. */
    static final String VERSION = "version", ARCH = "arch", BASE = "base", KERNEL_PATH = "kernel_path",
            DSYM_PATH = "dsym_path", INDEXED_AT = "indexed_at", SOURCE_PATHS = "source_paths", COUNTS = "counts";

    /** Maps an unsigned address to a signed long with the same order. */
    static long sortable(long address) {
        return address ^ Long.MIN_VALUE;
    }
}
