package dev.hagfish.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code Main} is the root {@code hagfish} command. It lists the subcommands, maps exceptions to
 * the documented exit codes and prints a one-line error (a stack trace only with {@code --debug}).
 * A command line whose first argument names a subcommand is built with that subcommand alone,
 * since picocli introspects every registered command up front and a cold {@code hagfish struct}
 * should pay for one.
 */
@Command(name = "hagfish",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Offline analyzer for the macOS (XNU) kernel: Mach-O kernels, dSYMs, cores and live targets.",
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  OK",
            "  1  internal error (a bug)",
            "  2  usage",
            "  3  malformed input (file, snapshot, panic log)",
            "  4  target unreachable, or a memory fault",
            "  5  not found"})
public final class Main implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    /** The subcommands' names, in the order the usage lists them. */
    static final List<String> SUBCOMMANDS = List.of("index", "kernels", "sym", "addr", "struct", "types", "list",
            "print", "x", "dis", "version", "report", "diff", "macho", "dwarf", "demo", "help");

    /** Returns a new instance of the subcommand with this name, or null (a switch: no lambda to bootstrap). */
    static Object subcommand(String name) {
        return switch (name) {
            case "index" -> new IndexCommand();
            case "kernels" -> new KernelsCommand();
            case "sym" -> new SymCommand();
            case "addr" -> new AddrCommand();
            case "struct" -> new StructCommand();
            case "types" -> new TypesCommand();
            case "list" -> new ListCommand();
            case "print", "p" -> new PrintCommand();
            case "x" -> new ExamineCommand();
            case "dis" -> new DisCommand();
            case "version" -> new VersionCommand();
            case "report" -> new ReportCommand();
            case "diff" -> new DiffCommand();
            case "macho" -> new MachoCommand();
            case "dwarf" -> new DwarfCommand();
            case "demo" -> new DemoCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> null;
        };
    }

    /** Builds the configured command line with every subcommand, for tests. */
    public static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * Builds the configured command line for these arguments: with only the subcommand the first
     * argument names (except {@code help}, which lists them all), else with every subcommand.
     */
    public static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new Main());
        String first = args.length > 0 ? args[0] : "";
        Object only = first.equals("help") ? null : subcommand(first);
        if (only != null) {
            cl.addSubcommand(only);
        } else {
            for (String name : SUBCOMMANDS) {
                cl.addSubcommand(subcommand(name));
            }
        }
        if (cl.getSubcommands().containsKey("print")) {
            // An expression may start with '-' (print -nprocs): it is not an option.
            cl.getSubcommands().get("print").setUnmatchedOptionsArePositionalParams(true);
        }
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExitCodeExceptionMapper(ExitCodes::forException);
        return cl;
    }

    /**
     * Rewrites gdb's spellings of {@code x} and {@code print} with a format: {@code x/11xg ADDR}
     * becomes {@code x /11xg ADDR} and {@code p/x EXPR} becomes {@code print --format x EXPR}, so
     * that picocli finds the command.
     */
    public static String[] gdbSpelling(String[] args) {
        if (args.length > 0 && args[0].startsWith("x/")) {
            String[] out = new String[args.length + 1];
            out[0] = "x";
            out[1] = args[0].substring(1);
            System.arraycopy(args, 1, out, 2, args.length - 1);
            return out;
        }
        if (args.length > 0 && (args[0].startsWith("print/") || args[0].startsWith("p/"))) {
            String[] out = new String[args.length + 2];
            out[0] = "print";
            out[1] = "--format";
            out[2] = args[0].substring(args[0].indexOf('/') + 1);
            System.arraycopy(args, 1, out, 3, args.length - 1);
            return out;
        }
        return args;
    }

    /** Runs hagfish with the given arguments and exits with its exit code. */
    public static void main(String[] args) {
        args = gdbSpelling(args);
        StoreWarmUp warmUp = StoreWarmUp.start(args);
        CommandLine cl = commandLine(args);
        // Buffered, not flushed per line: listings of thousands of lines stay cheap.
        java.io.PrintWriter out = new java.io.PrintWriter(new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16), false);
        cl.setOut(out);
        if (warmUp != null) {
            warmUp.await();
        }
        int code = cl.execute(args);
        out.flush();
        System.exit(code);
    }
}
