package dev.hagfish.cli;

import dev.hagfish.disasm.Disassembler;
import dev.hagfish.disasm.Disassembly;
import dev.hagfish.disasm.Instruction;
import dev.hagfish.disasm.Syntax;
import dev.hagfish.index.AddressLookup;
import dev.hagfish.index.KernelRecord;
import dev.hagfish.index.ValueIndex;
import dev.hagfish.report.DisassemblyText;
import dev.hagfish.values.ExprException;
import dev.hagfish.values.InstructionPrinter;
import dev.hagfish.values.Scope;
import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code ValueSession} is what {@code print} and {@code x} evaluate against: the target
 * ({@link TargetOptions}: a snapshot over the kernel file, or the kernel file alone, at its slide),
 * the selected kernel's types and globals ({@link ValueIndex}), as one {@link Scope}, and the
 * disassembler for {@code x/i}. Closing it closes the target and its store.
 */
final class ValueSession implements Closeable {
    private final Target target;
    private final Scope scope;

    private ValueSession(Target target, Scope scope) {
        this.target = target;
        this.scope = scope;
    }

    /** Opens the target, then loads the kernel's types and globals. */
    static ValueSession open(TargetOptions options) throws IOException {
        Target t = options.open();
        try {
            ValueIndex index = new ValueIndex(t.store(), t.kernel().uuid());
            return new ValueSession(t, Scope.of(index.types(), index, t.space(), t.slide()));
        } catch (IOException | RuntimeException e) {
            t.close();
            throw e;
        }
    }

    KernelRecord kernel() {
        return target.kernel();
    }

    Scope scope() {
        return scope;
    }

    /**
     * Returns {@code x/i}'s decoder: Capstone in Intel syntax for x86, with branch targets and
     * memory references named from the index. Capstone is loaded only when it decodes, so a
     * missing libcapstone fails {@code x/i} alone, with how to install it.
     */
    InstructionPrinter instructions() throws IOException {
        Code code = Code.of(target);
        IndexLabels labels = new IndexLabels(new AddressLookup(target.store(), target.kernel().uuid()), target.slide());
        return (memory, address, count) -> {
            List<InstructionPrinter.Instruction> out = new ArrayList<>();
            try (Disassembler d = Disassembler.open(code.arch(), Syntax.INTEL, code.data())) {
                Disassembly run = d.decode(memory, address, count);
                for (Instruction i : run.instructions()) {
                    out.add(new InstructionPrinter.Instruction(i.address(), i.bytes().length,
                            DisassemblyText.instruction(i, code.arch(), labels)));
                }
            }
            return out;
        };
    }

    /** Turns an expression error into the command's one-line error: usage (2), or not found (5). */
    static HagfishException failure(String expression, ExprException e) {
        int code = e.kind() == ExprException.Kind.NOT_FOUND ? ExitCodes.NOT_FOUND : ExitCodes.USAGE;
        return new HagfishException(code, "'" + expression + "': " + e.getMessage());
    }

    @Override
    public void close() throws IOException {
        target.close();
    }
}
