package dev.hagfish.macho;

import java.util.Map;

/**
 * {@code LoadCommandType} holds the {@code LC_*} codes of {@code loader.h} and their names. The
 * set is open: {@link #name(int)} falls back to the number for codes it does not know.
 */
public final class LoadCommandType {
    private LoadCommandType() {}

    /** Flag: the dynamic linker must understand this command. */
    public static final int LC_REQ_DYLD = 0x80000000;
    /** 32-bit segment. */
    public static final int LC_SEGMENT = 0x1;
    /** Symbol table. */
    public static final int LC_SYMTAB = 0x2;
    /** Thread state (cores). */
    public static final int LC_THREAD = 0x4;
    /** Thread state with a stack (executables, kernels). */
    public static final int LC_UNIXTHREAD = 0x5;
    /** Dynamic symbol table. */
    public static final int LC_DYSYMTAB = 0xb;
    /** Load a dylib. */
    public static final int LC_LOAD_DYLIB = 0xc;
    /** Identity of a dylib. */
    public static final int LC_ID_DYLIB = 0xd;
    /** Load the dynamic linker. */
    public static final int LC_LOAD_DYLINKER = 0xe;
    /** Load a weak dylib. */
    public static final int LC_LOAD_WEAK_DYLIB = 0x18 | LC_REQ_DYLD;
    /** Identity of a dynamic linker. */
    public static final int LC_ID_DYLINKER = 0xf;
    /** Re-export a dylib. */
    public static final int LC_REEXPORT_DYLIB = 0x1f | LC_REQ_DYLD;
    /** Lazily load a dylib. */
    public static final int LC_LAZY_LOAD_DYLIB = 0x20;
    /** Load an upward dylib. */
    public static final int LC_LOAD_UPWARD_DYLIB = 0x23 | LC_REQ_DYLD;
    /** Environment for the dynamic linker. */
    public static final int LC_DYLD_ENVIRONMENT = 0x27;
    /** Minimum tvOS version. */
    public static final int LC_VERSION_MIN_TVOS = 0x2f;
    /** Minimum watchOS version. */
    public static final int LC_VERSION_MIN_WATCHOS = 0x30;
    /** Linker optimization hints. */
    public static final int LC_LINKER_OPTIMIZATION_HINT = 0x2e;
    /** 32-bit encryption info. */
    public static final int LC_ENCRYPTION_INFO = 0x21;
    /** 64-bit encryption info. */
    public static final int LC_ENCRYPTION_INFO_64 = 0x2c;
    /** Linker options. */
    public static final int LC_LINKER_OPTION = 0x2d;
    /** 64-bit segment. */
    public static final int LC_SEGMENT_64 = 0x19;
    /** UUID. */
    public static final int LC_UUID = 0x1b;
    /** Runpath. */
    public static final int LC_RPATH = 0x1c | LC_REQ_DYLD;
    /** Code signature. */
    public static final int LC_CODE_SIGNATURE = 0x1d;
    /** Split-segment info. */
    public static final int LC_SEGMENT_SPLIT_INFO = 0x1e;
    /** Compressed dyld info. */
    public static final int LC_DYLD_INFO = 0x22;
    /** Compressed dyld info, required. */
    public static final int LC_DYLD_INFO_ONLY = 0x22 | LC_REQ_DYLD;
    /** Minimum macOS version. */
    public static final int LC_VERSION_MIN_MACOSX = 0x24;
    /** Minimum iOS version. */
    public static final int LC_VERSION_MIN_IPHONEOS = 0x25;
    /** Function starts. */
    public static final int LC_FUNCTION_STARTS = 0x26;
    /** Entry point of a main executable. */
    public static final int LC_MAIN = 0x28 | LC_REQ_DYLD;
    /** Data in code. */
    public static final int LC_DATA_IN_CODE = 0x29;
    /** Source version. */
    public static final int LC_SOURCE_VERSION = 0x2a;
    /** Arbitrary data (core files). */
    public static final int LC_NOTE = 0x31;
    /** Build version. */
    public static final int LC_BUILD_VERSION = 0x32;
    /** Exports trie. */
    public static final int LC_DYLD_EXPORTS_TRIE = 0x33 | LC_REQ_DYLD;
    /** Chained fixups. */
    public static final int LC_DYLD_CHAINED_FIXUPS = 0x34 | LC_REQ_DYLD;
    /** A file-set entry. */
    public static final int LC_FILESET_ENTRY = 0x35 | LC_REQ_DYLD;

    private static final Map<Integer, String> NAMES = Map.ofEntries(
            Map.entry(LC_SEGMENT, "LC_SEGMENT"),
            Map.entry(LC_SYMTAB, "LC_SYMTAB"),
            Map.entry(LC_THREAD, "LC_THREAD"),
            Map.entry(LC_UNIXTHREAD, "LC_UNIXTHREAD"),
            Map.entry(LC_DYSYMTAB, "LC_DYSYMTAB"),
            Map.entry(LC_LOAD_DYLIB, "LC_LOAD_DYLIB"),
            Map.entry(LC_ID_DYLIB, "LC_ID_DYLIB"),
            Map.entry(LC_LOAD_DYLINKER, "LC_LOAD_DYLINKER"),
            Map.entry(LC_SEGMENT_64, "LC_SEGMENT_64"),
            Map.entry(LC_UUID, "LC_UUID"),
            Map.entry(LC_RPATH, "LC_RPATH"),
            Map.entry(LC_CODE_SIGNATURE, "LC_CODE_SIGNATURE"),
            Map.entry(LC_SEGMENT_SPLIT_INFO, "LC_SEGMENT_SPLIT_INFO"),
            Map.entry(LC_DYLD_INFO, "LC_DYLD_INFO"),
            Map.entry(LC_DYLD_INFO_ONLY, "LC_DYLD_INFO_ONLY"),
            Map.entry(LC_VERSION_MIN_MACOSX, "LC_VERSION_MIN_MACOSX"),
            Map.entry(LC_VERSION_MIN_IPHONEOS, "LC_VERSION_MIN_IPHONEOS"),
            Map.entry(LC_FUNCTION_STARTS, "LC_FUNCTION_STARTS"),
            Map.entry(LC_MAIN, "LC_MAIN"),
            Map.entry(LC_DATA_IN_CODE, "LC_DATA_IN_CODE"),
            Map.entry(LC_SOURCE_VERSION, "LC_SOURCE_VERSION"),
            Map.entry(LC_NOTE, "LC_NOTE"),
            Map.entry(LC_BUILD_VERSION, "LC_BUILD_VERSION"),
            Map.entry(LC_DYLD_EXPORTS_TRIE, "LC_DYLD_EXPORTS_TRIE"),
            Map.entry(LC_DYLD_CHAINED_FIXUPS, "LC_DYLD_CHAINED_FIXUPS"),
            Map.entry(LC_FILESET_ENTRY, "LC_FILESET_ENTRY"),
            Map.entry(LC_LOAD_WEAK_DYLIB, "LC_LOAD_WEAK_DYLIB"),
            Map.entry(LC_ID_DYLINKER, "LC_ID_DYLINKER"),
            Map.entry(LC_REEXPORT_DYLIB, "LC_REEXPORT_DYLIB"),
            Map.entry(LC_LAZY_LOAD_DYLIB, "LC_LAZY_LOAD_DYLIB"),
            Map.entry(LC_LOAD_UPWARD_DYLIB, "LC_LOAD_UPWARD_DYLIB"),
            Map.entry(LC_DYLD_ENVIRONMENT, "LC_DYLD_ENVIRONMENT"),
            Map.entry(LC_VERSION_MIN_TVOS, "LC_VERSION_MIN_TVOS"),
            Map.entry(LC_VERSION_MIN_WATCHOS, "LC_VERSION_MIN_WATCHOS"),
            Map.entry(LC_LINKER_OPTIMIZATION_HINT, "LC_LINKER_OPTIMIZATION_HINT"),
            Map.entry(LC_ENCRYPTION_INFO, "LC_ENCRYPTION_INFO"),
            Map.entry(LC_ENCRYPTION_INFO_64, "LC_ENCRYPTION_INFO_64"),
            Map.entry(LC_LINKER_OPTION, "LC_LINKER_OPTION"));

    /** Returns the {@code LC_*} name of a command code, or {@code LC_0x…} for unknown codes. */
    public static String name(int cmd) {
        String n = NAMES.get(cmd);
        return n != null ? n : "LC_0x" + Integer.toHexString(cmd);
    }
}
