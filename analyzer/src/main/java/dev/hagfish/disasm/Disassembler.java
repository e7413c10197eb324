package dev.hagfish.disasm;

import dev.hagfish.io.ByteArraySource;
import dev.hagfish.memory.AddressSpace;
import dev.hagfish.memory.Mapping;
import dev.hagfish.memory.SegmentSpace;
import java.io.IOException;
import java.nio.ByteOrder;
import java.util.List;
import java.util.OptionalLong;

/**
 * A {@code Disassembler} decodes x86_64, i386 or arm64 machine code from an {@link AddressSpace}
 * into {@link Instruction} records, through Capstone ({@link CapstoneEngine}). x86 operands are in
 * Intel or AT&amp;T syntax. Every record says how it transfers control and which absolute
 * addresses its operands name ({@link Instruction#target()}, {@link Instruction#reference()});
 * {@link dev.hagfish.report.DisassemblyText} renders them gdb-style with {@code <symbol+off>}.
 *
 * <p>Decoding follows llvm-objdump's rules: bytes that do not decode become one {@code (bad)} byte
 * (x86) or one {@code .long} word (arm64), and decoding resumes after them; the image's data in
 * code ({@link DataRegions}) is shown as {@code .byte}/{@code .short}/{@code .long}.
 *
 * <p>Opening loads the native Capstone library; without it {@link #open} throws a
 * {@link DisassemblerUnavailableException} that says how to install it. Not thread-safe (one
 * Capstone handle); close it when done.
 */
public final class Disassembler implements AutoCloseable {
    private final Arch arch;
    private final Syntax syntax;
    private final DataRegions data;
    private final Engine engine;

    private Disassembler(Arch arch, Syntax syntax, DataRegions data, Engine engine) {
        this.arch = arch;
        this.syntax = syntax;
        this.data = data;
        this.engine = engine;
    }

    /** Opens a disassembler without data in code. */
    public static Disassembler open(Arch arch, Syntax syntax) throws DisassemblerUnavailableException {
        return open(arch, syntax, DataRegions.NONE);
    }

    /**
     * Opens a disassembler.
     *
     * @param syntax the x86 syntax (ignored for arm64)
     * @param data the data-in-code runs of the image, at the addresses of the space to be read
     * @throws DisassemblerUnavailableException if Capstone cannot be loaded or opened
     */
    public static Disassembler open(Arch arch, Syntax syntax, DataRegions data)
            throws DisassemblerUnavailableException {
        return open(arch, syntax, data, CapstoneEngine::new);
    }

    /** Opens a disassembler over another engine (tests). */
    static Disassembler open(Arch arch, Syntax syntax, DataRegions data, Engine.Factory factory)
            throws DisassemblerUnavailableException {
        try {
            return new Disassembler(arch, syntax, data, factory.open(arch, syntax));
        } catch (LinkageError e) {
            throw DisassemblerUnavailableException.missingLibrary(arch, e);
        } catch (RuntimeException e) {
            throw DisassemblerUnavailableException.refused(arch, e);
        }
    }

    /** Returns the instruction set. */
    public Arch arch() {
        return arch;
    }

    /** Returns the x86 syntax. */
    public Syntax syntax() {
        return syntax;
    }

    /**
     * Decodes up to {@code count} instructions from {@code address} (gdb's {@code x/Ni}). The
     * decoding stops early at an unmapped byte, which the result's fault names.
     *
     * @throws IOException if the space's backing file is malformed
     */
    public Disassembly decode(AddressSpace space, long address, int count) throws IOException {
        return run(space, address, OptionalLong.empty(), Math.max(count, 0));
    }

    /**
     * Decodes the instructions that start in {@code [start, end)} (a function by its symbol
     * size). The last one may extend past {@code end}, as in gdb and llvm-objdump.
     *
     * @throws IOException if the space's backing file is malformed
     */
    public Disassembly decodeRange(AddressSpace space, long start, long end) throws IOException {
        return run(space, start, OptionalLong.of(end), Integer.MAX_VALUE);
    }

    /**
     * Decodes {@code code} as if it were at {@code address}: up to {@code count} instructions
     * ({@code count <= 0}: all of it). An instruction cut off by the end of the array, and
     * everything after it, is left out.
     */
    public List<Instruction> decode(byte[] code, long address, int count) {
        ByteOrder order = ByteOrder.LITTLE_ENDIAN;
        AddressSpace space = new SegmentSpace("code", order, List.of(new Mapping(address, code.length,
                new ByteArraySource(code, 0, code.length, "code", order), 0, code.length, "code")));
        try {
            Disassembly d = count > 0 ? decode(space, address, count) : decodeRange(space, address, address + code.length);
            return d.instructions();
        } catch (IOException e) {
            throw new IllegalStateException("reading an array failed", e);
        }
    }

    private Disassembly run(AddressSpace space, long start, OptionalLong end, int count) throws IOException {
        return new DecodeRun(arch, syntax, engine, data, space, start, end, count).run();
    }

    /** Closes the Capstone handle. */
    @Override
    public void close() {
        engine.close();
    }
}
