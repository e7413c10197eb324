package dev.hagfish.cli;

import dev.hagfish.index.KernelRecord;
import dev.hagfish.io.Unsigned;
import dev.hagfish.types.Type;
import dev.hagfish.values.Examination;
import dev.hagfish.values.ExamineFormat;
import dev.hagfish.values.Examiner;
import dev.hagfish.values.Expr;
import dev.hagfish.values.ExprException;
import dev.hagfish.values.InstructionPrinter;
import dev.hagfish.values.Scope;
import dev.hagfish.values.Value;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hagfish x ADDR|EXPR}: examines memory as gdb's {@code x} does ({@link Examiner}), with
 * the format from {@code -f/-u/-n} or gdb's spelling, {@code hagfish x/11xg ADDR} (the launcher
 * turns {@code x/FMT} into {@code x /FMT}). The address is a number, or an expression: a pointer
 * or integer gives its value, an array or function its address, as in gdb.
 */
@Command(name = "x", description = "Examine memory as gdb's x does: x/FMT ADDR|EXPR, or -f/-u/-n.")
final class ExamineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TargetOptions target;

    @Parameters(arity = "1..*", paramLabel = "[/FMT] ADDR|EXPR",
            description = "An optional gdb format (/11xg, /s, /4c), then the address or expression.")
    List<String> words = new ArrayList<>();

    @Option(names = "-f", paramLabel = "x|z|d|u|o|t|c|f|a|s|i", description = "The format (default x).")
    char format;

    @Option(names = "-u", paramLabel = "b|h|w|g", description = "The unit: 1, 2, 4 or 8 bytes (default w).")
    char unit;

    @Option(names = "-n", paramLabel = "N", description = "How many units, strings or instructions (default 1).")
    int count;

    /** One row (JSON). */
    record RowOut(String address, String symbol, List<String> values) {}

    /**
     * The JSON shape.
     *
     * @param kernel the kernel's UUID
     * @param address the first address
     * @param format the format letter
     * @param unit the unit size in bytes
     * @param count how many units, strings or instructions
     * @param rows the lines, each with its address, symbol and values as gdb prints them
     * @param next the address after the last value
     */
    record Result(String kernel, String address, String format, int unit, int count, List<RowOut> rows, String next) {}

    @Override
    public Integer call() throws IOException {
        CommandLine cl = spec.commandLine();
        List<String> rest = new ArrayList<>(words);
        String fmt = rest.get(0).startsWith("/") ? rest.remove(0) : null;
        if (rest.isEmpty()) {
            throw new CommandLine.ParameterException(cl, "an address or expression is required after " + fmt);
        }
        String expression = String.join(" ", rest);
        PrintWriter out = cl.getOut();
        try (ValueSession session = ValueSession.open(target)) {
            Scope scope = session.scope();
            ExamineFormat f;
            try {
                f = ExamineFormat.parse(fmt, format, unit, count, (int) scope.types().pointerSize());
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, e.getMessage());
            }
            long address = address(expression, scope);
            InstructionPrinter printer = f.format() == 'i' ? session.instructions() : null;
            Examiner examiner = new Examiner(scope, printer);
            if (common.json) {
                Examination e = examiner.examine(address, f);
                List<RowOut> rows = new ArrayList<>();
                for (Examination.Row r : e.rows()) {
                    rows.add(new RowOut(Unsigned.hex(r.address()), r.symbol(), r.values()));
                }
                Json.write(out, new Result(session.kernel().uuid(), Unsigned.hex(address), String.valueOf(f.format()),
                        f.unit(), f.count(), rows, Unsigned.hex(e.next())));
            } else {
                try {
                    examiner.examine(address, f, r -> out.println(r.text(f.format() == 'i')));
                } finally {
                    out.flush();
                }
            }
        }
        return ExitCodes.OK;
    }

    /** A number is the address; an expression gives it as gdb's {@code x} takes it. */
    private long address(String expression, Scope scope) throws IOException {
        if (expression.matches("(0[xX])?[0-9a-fA-F_`]+") && (expression.startsWith("0x") || expression.startsWith("0X")
                || expression.matches("[0-9]+"))) {
            return Addresses.parse(spec.commandLine(), expression);
        }
        try {
            Value v = Expr.evaluate(expression, scope);
            Type t = v.resolved();
            if ((t instanceof Type.Array || t instanceof Type.Function || t instanceof Type.Void) && v.isLvalue()) {
                return v.address();
            }
            if (t instanceof Type.Pointer || t instanceof Type.Base || t instanceof Type.Enum) {
                return v.asLong();
            }
            throw new HagfishException(ExitCodes.USAGE, "'" + expression + "' is a " + scope.types().name(v.type())
                    + ", not an address; take its address with &");
        } catch (ExprException e) {
            throw ValueSession.failure(expression, e);
        }
    }
}
