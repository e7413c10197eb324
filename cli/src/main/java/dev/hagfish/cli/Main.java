package dev.hagfish.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code Main} is the root {@code hagfish} command. It lists the subcommands, maps exceptions to
 * the documented exit codes and prints a one-line error (a stack trace only with {@code --debug}).
 */
@Command(name = "hagfish",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Offline analyzer for the macOS (XNU) kernel: Mach-O kernels, dSYMs, cores and live targets.",
        subcommands = {IndexCommand.class, KernelsCommand.class, SymCommand.class, AddrCommand.class, StructCommand.class,
            TypesCommand.class, ListCommand.class, PrintCommand.class, ExamineCommand.class, DisCommand.class,
            VersionCommand.class, ReportCommand.class, DiffCommand.class, MachoCommand.class, DwarfCommand.class,
            DemoCommand.class,
            CommandLine.HelpCommand.class},
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

    /** Builds the configured command line, for {@link #main} and for tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExitCodeExceptionMapper(ExitCodes::forException);
        // An expression may start with '-' (print -nprocs): it is not an option.
        cl.getSubcommands().get("print").setUnmatchedOptionsArePositionalParams(true);
        return cl;
    }

    /**
     * Rewrites gdb's spelling of {@code x}: {@code x/11xg ADDR} becomes {@code x /11xg ADDR}, so
     * that picocli finds the {@code x} command.
     */
    public static String[] gdbSpelling(String[] args) {
        if (args.length > 0 && args[0].startsWith("x/")) {
            String[] out = new String[args.length + 1];
            out[0] = "x";
            out[1] = args[0].substring(1);
            System.arraycopy(args, 1, out, 2, args.length - 1);
            return out;
        }
        return args;
    }

    /** Runs hagfish with the given arguments and exits with its exit code. */
    public static void main(String[] args) {
        args = gdbSpelling(args);
        CommandLine cl = commandLine();
        // Buffered, not flushed per line: listings of thousands of lines stay cheap.
        java.io.PrintWriter out = new java.io.PrintWriter(new java.io.BufferedWriter(
                new java.io.OutputStreamWriter(System.out, java.nio.charset.StandardCharsets.UTF_8), 1 << 16), false);
        cl.setOut(out);
        int code = cl.execute(args);
        out.flush();
        System.exit(code);
    }
}
