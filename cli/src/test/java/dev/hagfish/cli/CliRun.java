package dev.hagfish.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** {@code CliRun} runs hagfish in-process and captures stdout, stderr and the exit code. */
record CliRun(int exitCode, String out, String err) {
    static CliRun of(String... args) {
        args = Main.gdbSpelling(args);
        CommandLine cl = Main.commandLine(args); // as main builds it: the named subcommand alone
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
