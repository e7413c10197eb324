package dev.hagfish.values;

import dev.hagfish.memory.MemoryFaultException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * {@code Examiner} is gdb's {@code x}: it reads memory from an address in units and prints
 * each as a {@link ExamineFormat} says, {@link ExamineFormat#perLine()} to a line, each line
 * labelled with the symbol that holds its address; {@code s} prints NUL-terminated strings
 * (at most {@link CharText#PRINT_MAX} characters each, the next one starting where the last
 * stopped) and {@code i} instructions through an {@link InstructionPrinter}. Rows are handed
 * out as they are read, so a fault stops the listing where memory ends.
 *
 * <p>Not thread-safe.
 */
public final class Examiner {
    private final Scope scope;
    private final InstructionPrinter instructions;

    /** Creates an examiner; {@code instructions} may be null when no disassembler is available. */
    public Examiner(Scope scope, InstructionPrinter instructions) {
        this.scope = scope;
        this.instructions = instructions;
    }

    /** Examines and collects the rows. */
    public Examination examine(long address, ExamineFormat format) throws IOException {
        List<Examination.Row> rows = new ArrayList<>();
        long next = examine(address, format, rows::add);
        return new Examination(format, rows, next);
    }

    /**
     * Examines, handing each row to {@code out} as soon as it is read; returns the address after
     * the last value.
     *
     * @throws MemoryFaultException when memory ends (the rows before it were handed out)
     * @throws IllegalStateException for {@code i} without an instruction printer
     */
    public long examine(long address, ExamineFormat format, Consumer<Examination.Row> out) throws IOException {
        return switch (format.format()) {
            case 's' -> strings(address, format.count(), out);
            case 'i' -> instructions(address, format.count(), out);
            default -> units(address, format, out);
        };
    }

    private long units(long address, ExamineFormat f, Consumer<Examination.Row> out) throws IOException {
        long at = address;
        int left = f.count();
        while (left > 0) {
            int n = Math.min(left, f.perLine());
            byte[] b = new byte[n * f.unit()];
            scope.memory().read(at, b, 0, b.length);
            List<String> values = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                values.add(unit(Value.decode(b, i * f.unit(), f.unit(), scope.memory().order()), f));
            }
            out.accept(new Examination.Row(at, label(at), values));
            at += b.length;
            left -= n;
        }
        return at;
    }

    private String unit(long raw, ExamineFormat f) throws IOException {
        int bits = f.unit() * 8;
        long signed = bits == 64 ? raw : raw << (64 - bits) >> (64 - bits);
        switch (f.format()) {
            case 'x', 'z': {
                String hex = Long.toHexString(raw);
                return "0x" + "0".repeat(Math.max(0, f.unit() * 2 - hex.length())) + hex;
            }
            case 'd':
                return Long.toString(signed);
            case 'u':
                return Long.toUnsignedString(raw);
            case 'o':
                return raw == 0 ? "0" : "0" + Long.toOctalString(raw);
            case 't': {
                String bin = Long.toBinaryString(raw);
                return "0".repeat(Math.max(0, bits - bin.length())) + bin;
            }
            case 'c':
                return (byte) raw + " " + CharText.quoted((int) raw & 0xff);
            case 'f':
                if (f.unit() == 4 || f.unit() == 8) {
                    return FloatText.format(Value.encode(raw, f.unit(), scope.memory().order()), scope.memory().order());
                }
                return Long.toString(signed);
            case 'a': {
                String hex = ValueTree.hex(raw);
                var sym = raw == 0 ? java.util.Optional.<SymbolRef>empty() : scope.symbolize(raw);
                return sym.map(r -> hex + " <" + r.text() + ">").orElse(hex);
            }
            default:
                throw new IllegalStateException("format " + f.format());
        }
    }

    private long strings(long address, int count, Consumer<Examination.Row> out) throws IOException {
        long at = address;
        for (int i = 0; i < count; i++) {
            byte[] buf = new byte[CharText.PRINT_MAX];
            int got = readUpTo(at, buf);
            int nul = 0;
            while (nul < got && buf[nul] != 0) {
                nul++;
            }
            String text;
            long next;
            if (nul < got) {
                text = CharText.string(buf, nul, false);
                next = at + nul + 1;
            } else if (got == buf.length) {
                text = CharText.string(buf, got, true);
                next = at + got;
            } else {
                // The string runs into unmapped memory: read what faults, to raise the fault.
                scope.memory().read(at + got, 1);
                throw new IllegalStateException("unreachable");
            }
            out.accept(new Examination.Row(at, label(at), List.of(text)));
            at = next;
        }
        return at;
    }

    /** Reads up to {@code buf.length} bytes; fewer when memory ends; faults when none is readable. */
    private int readUpTo(long address, byte[] buf) throws IOException {
        try {
            scope.memory().read(address, buf, 0, buf.length);
            return buf.length;
        } catch (MemoryFaultException e) {
            if (e.readable() == 0) {
                throw e;
            }
            scope.memory().read(address, buf, 0, e.readable());
            return e.readable();
        }
    }

    private long instructions(long address, int count, Consumer<Examination.Row> out) throws IOException {
        if (instructions == null) {
            throw new IllegalStateException("x/i needs the disassembler, which is not available");
        }
        long at = address;
        List<InstructionPrinter.Instruction> decoded = instructions.decode(scope.memory(), address, count);
        for (InstructionPrinter.Instruction i : decoded) {
            out.accept(new Examination.Row(i.address(), label(i.address()), List.of(i.text())));
            at = i.address() + i.length();
        }
        return at;
    }

    private String label(long address) throws IOException {
        return scope.symbolize(address).map(SymbolRef::text).orElse(null);
    }
}
