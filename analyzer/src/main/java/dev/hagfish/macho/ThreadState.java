package dev.hagfish.macho;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code ThreadState} is one flavor of register state inside an {@code LC_THREAD} or
 * {@code LC_UNIXTHREAD} ({@code <mach/i386/thread_status.h>}, {@code <mach/arm/thread_status.h>}).
 * The raw words are kept; {@link #registers()} names them for the flavors hagfish knows.
 *
 * @param flavor the thread-state flavor, e.g. {@link #X86_THREAD_STATE64}
 * @param raw the state's bytes, {@code count * 4} of them, little-endian
 */
public record ThreadState(int flavor, byte[] raw) {
    /** x86_64 general registers. */
    public static final int X86_THREAD_STATE64 = 4;
    /** i386 general registers. */
    public static final int X86_THREAD_STATE32 = 1;
    /** arm64 general registers. */
    public static final int ARM_THREAD_STATE64 = 6;

    /** Register order of {@code x86_thread_state64_t}: 21 64-bit words. */
    public static final List<String> X86_64_REGISTERS = List.of("rax", "rbx", "rcx", "rdx", "rdi",
            "rsi", "rbp", "rsp", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15", "rip",
            "rflags", "cs", "fs", "gs");

    /** Register order of {@code x86_thread_state32_t}: 16 32-bit words. */
    public static final List<String> I386_REGISTERS = List.of("eax", "ebx", "ecx", "edx", "edi",
            "esi", "ebp", "esp", "ss", "eflags", "eip", "cs", "ds", "es", "fs", "gs");

    /** Register order of {@code arm_thread_state64_t}: x0–x28, fp, lr, sp, pc, then 32-bit cpsr. */
    public static final List<String> ARM64_REGISTERS = arm64Names();

    /** Creates the record; the bytes are copied. */
    public ThreadState {
        raw = raw.clone();
    }

    /** Returns the bytes (a copy). */
    @Override
    public byte[] raw() {
        return raw.clone();
    }

    /** Returns the {@code count} field: the state's size in 32-bit words. */
    public int count() {
        return raw.length / 4;
    }

    /**
     * Returns the registers by name, in the header's order, for known flavors; an empty map for
     * others.
     */
    public Map<String, Long> registers() {
        Map<String, Long> regs = new LinkedHashMap<>();
        ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
        if (flavor == X86_THREAD_STATE64 && raw.length >= 8 * X86_64_REGISTERS.size()) {
            for (int i = 0; i < X86_64_REGISTERS.size(); i++) {
                regs.put(X86_64_REGISTERS.get(i), b.getLong(8 * i));
            }
        } else if (flavor == X86_THREAD_STATE32 && raw.length >= 4 * I386_REGISTERS.size()) {
            for (int i = 0; i < I386_REGISTERS.size(); i++) {
                regs.put(I386_REGISTERS.get(i), b.getInt(4 * i) & 0xffffffffL);
            }
        } else if (flavor == ARM_THREAD_STATE64 && raw.length >= 8 * 33 + 4) {
            for (int i = 0; i < 33; i++) {
                regs.put(ARM64_REGISTERS.get(i), b.getLong(8 * i));
            }
            regs.put("cpsr", b.getInt(8 * 33) & 0xffffffffL);
        }
        return regs;
    }

    /** Returns the program counter ({@code rip}, {@code pc} or {@code eip}) of a known flavor. */
    public java.util.Optional<Long> pc() {
        Map<String, Long> regs = registers();
        for (String name : new String[] {"rip", "pc", "eip"}) {
            if (regs.containsKey(name)) {
                return java.util.Optional.of(regs.get(name));
            }
        }
        return java.util.Optional.empty();
    }

    /** Builds an x86_64 state from named registers; missing registers are zero. */
    public static ThreadState x86_64(Map<String, Long> regs) {
        ByteBuffer b = ByteBuffer.allocate(8 * X86_64_REGISTERS.size()).order(ByteOrder.LITTLE_ENDIAN);
        for (String r : X86_64_REGISTERS) {
            b.putLong(regs.getOrDefault(r, 0L));
        }
        return new ThreadState(X86_THREAD_STATE64, b.array());
    }

    /** Builds an arm64 state from named registers; missing registers are zero. */
    public static ThreadState arm64(Map<String, Long> regs) {
        ByteBuffer b = ByteBuffer.allocate(8 * 33 + 8).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < 33; i++) {
            b.putLong(regs.getOrDefault(ARM64_REGISTERS.get(i), 0L));
        }
        b.putInt((int) (long) regs.getOrDefault("cpsr", 0L));
        b.putInt(0);
        return new ThreadState(ARM_THREAD_STATE64, b.array());
    }

    private static List<String> arm64Names() {
        String[] n = new String[34];
        for (int i = 0; i < 29; i++) {
            n[i] = "x" + i;
        }
        n[29] = "fp";
        n[30] = "lr";
        n[31] = "sp";
        n[32] = "pc";
        n[33] = "cpsr";
        return List.of(n);
    }
}
