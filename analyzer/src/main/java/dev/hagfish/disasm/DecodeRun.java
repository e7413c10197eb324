package dev.hagfish.disasm;

import dev.hagfish.memory.AddressSpace;
import dev.hagfish.memory.MemoryFaultException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A {@code DecodeRun} is one linear decoding from an address: it reads windows of the address
 * space, hands code to the engine, shows data in code as data, turns bytes that do not decode
 * into one invalid unit and resumes after them, and stops at the end of the range, after the
 * count, or at an unmapped byte. Not thread-safe; used once.
 */
final class DecodeRun {
    /** The bytes read at a time. */
    private static final int WINDOW = 4096;

    private final Arch arch;
    private final Engine engine;
    private final DataRegions data;
    private final AddressSpace space;
    private final OptionalLong end;
    private final int count;
    private final Decoding decoding;
    private final List<Instruction> out = new ArrayList<>();
    private long pos;
    private Optional<MemoryFaultException> fault = Optional.empty();
    private boolean stopped;

    /**
     * Prepares a run.
     *
     * @param end the first address at which no instruction may start, or empty for no limit
     * @param count the most instructions to decode
     */
    DecodeRun(Arch arch, Syntax syntax, Engine engine, DataRegions data, AddressSpace space, long start,
            OptionalLong end, int count) {
        this.arch = arch;
        this.engine = engine;
        this.data = data;
        this.space = space;
        this.pos = start;
        this.end = end;
        this.count = count;
        this.decoding = new Decoding(arch, syntax);
    }

    /** Decodes until the range or the count is done, or a read faults. */
    Disassembly run() throws IOException {
        while (!stopped && out.size() < count && (end.isEmpty() || Long.compareUnsigned(pos, end.getAsLong()) < 0)) {
            Optional<DataRegion> region = data.from(pos);
            if (region.isPresent() && Long.compareUnsigned(region.get().start(), pos) <= 0) {
                datum(region.get());
            } else {
                code(region);
            }
        }
        return new Disassembly(out, fault);
    }

    /** Shows one datum of a data-in-code region at {@code pos}. */
    private void datum(DataRegion region) throws IOException {
        int unit = region.unit(region.end() - pos);
        Window w = Window.read(space, pos, unit);
        if (w.length() < unit) {
            stop(w);
            return;
        }
        out.add(decoding.data(pos, w.bytes(), w.length(), space.order()));
        pos += w.length();
    }

    /** Decodes code from {@code pos}, up to the next data region if there is one. */
    private void code(Optional<DataRegion> next) throws IOException {
        long want = end.isPresent() ? Math.min(WINDOW, end.getAsLong() - pos + arch.maxLength() - 1)
                : Math.min(WINDOW, (long) (count - out.size()) * arch.maxLength());
        boolean cut = next.isPresent() && Long.compareUnsigned(next.get().start() - pos, want) < 0;
        if (cut) {
            want = next.get().start() - pos;
        }
        Window w = Window.read(space, pos, (int) Math.max(want, 1));
        if (w.length() == 0) {
            stop(w);
            return;
        }
        List<RawInstruction> raw = engine.decode(w.bytes(), w.length(), pos, count - out.size());
        for (RawInstruction r : raw) {
            if (end.isPresent() && Long.compareUnsigned(r.address(), end.getAsLong()) >= 0) {
                break;
            }
            out.add(decoding.code(r));
            pos = r.address() + r.bytes().length;
        }
        if (raw.isEmpty()) {
            invalid(w, cut);
        }
    }

    /** Nothing decoded at {@code pos}: invalid bytes, or an instruction that a gap cuts short. */
    private void invalid(Window w, boolean cut) {
        if (w.fault().isPresent() && w.length() < arch.maxLength() && cutShort(w)) {
            stop(w);
            return;
        }
        int n = Math.min(arch.alignment(), w.length());
        if (n < arch.alignment() && !cut) {
            stop(w);
            return;
        }
        out.add(decoding.invalid(pos, Arrays.copyOf(w.bytes(), n)));
        pos += n;
    }

    /**
     * Whether the bytes before a gap are the start of an instruction that the gap cuts short:
     * padded with zeros they decode. Bytes that do not decode even then are invalid.
     */
    private boolean cutShort(Window w) {
        byte[] padded = Arrays.copyOf(w.bytes(), arch.maxLength());
        Arrays.fill(padded, w.length(), padded.length, (byte) 0);
        return !engine.decode(padded, padded.length, pos, 1).isEmpty();
    }

    private void stop(Window w) {
        fault = w.fault();
        stopped = true;
    }
}
