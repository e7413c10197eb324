package dev.hagfish.cli;

import dev.hagfish.io.Unsigned;
import dev.hagfish.values.Expr;
import dev.hagfish.values.ExprException;
import dev.hagfish.values.PrintFormat;
import dev.hagfish.values.Value;
import dev.hagfish.values.ValueFormatter;
import dev.hagfish.values.ValueNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hagfish print EXPR}: evaluates a C expression over the kernel's globals and types
 * ({@link Expr}) and prints the value as gdb's {@code print} does ({@code $1 = {p_list = {...},
 * p_pid = 0, ...}}), or as a tree with {@code --json}. Memory comes from {@code --core} (slid),
 * or from the kernel file's own static data.
 */
@Command(name = "print", aliases = "p", description = "Evaluate a C expression and print its value as gdb's print does.")
final class PrintCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TargetOptions target;

    @Parameters(arity = "1..*", paramLabel = "EXPR", description = "The expression (several arguments are joined by spaces).")
    List<String> words = new ArrayList<>();

    @Option(names = "--depth", paramLabel = "N", description = "Print structs nested up to N levels deep, {...} beyond (gdb's max-depth; default 20).")
    int depth = ValueFormatter.DEFAULT_DEPTH;

    @Option(names = {"-f", "--format"}, paramLabel = "F", description = "Print every scalar in gdb's format F: x z o t d u c a f (s, r: the default); print/x EXPR is the same.")
    String format;

    /**
     * The JSON shape.
     *
     * @param kernel the kernel's UUID
     * @param expression the expression
     * @param type its C type
     * @param address where the value is, or null for a computed value
     * @param text what gdb prints, {@code $1 = ...}
     * @param value the value as a tree
     */
    record Result(String kernel, String expression, String type, String address, String text, ValueNode value) {}

    @Override
    public Integer call() throws IOException {
        if (depth < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--depth must not be negative");
        }
        PrintFormat fmt;
        try {
            fmt = format == null ? null : PrintFormat.of(format).orElse(null);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        String expression = String.join(" ", words);
        try (ValueSession session = ValueSession.open(target)) {
            Value v;
            try {
                v = Expr.evaluate(expression, session.scope());
            } catch (ExprException e) {
                throw ValueSession.failure(expression, e);
            }
            ValueFormatter f = new ValueFormatter(depth, fmt);
            ValueNode tree = f.tree(v);
            String text = "$1 = " + (fmt == null ? ValueFormatter.prefix(v) : "") + ValueFormatter.render(tree);
            PrintWriter out = spec.commandLine().getOut();
            if (common.json) {
                Json.write(out, new Result(session.kernel().uuid(), expression, session.scope().types().name(v.type()),
                        v.isLvalue() ? Unsigned.hex(v.address()) : null, text, tree));
            } else {
                out.println(text);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
