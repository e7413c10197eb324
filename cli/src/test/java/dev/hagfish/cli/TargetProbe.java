package dev.hagfish.cli;

import dev.hagfish.io.Unsigned;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code TargetProbe} is a test command with the {@link TargetOptions} mixin, as {@code print},
 * {@code x} and {@code dis} have it: it opens the target and keeps it for the test to read, or
 * reads {@code --read N} bytes at {@code --at ADDR} and lets a fault escape.
 */
@Command(name = "probe")
final class TargetProbe implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Mixin
    TargetOptions target;

    @Option(names = "--at")
    String at;

    @Option(names = "--read")
    int read;

    Target opened;

    @Override
    public Integer call() throws Exception {
        opened = target.open();
        if (at != null) {
            try (Target t = opened) {
                t.space().read(Unsigned.parseAddress(at), read);
            }
        }
        return 0;
    }

    /** Runs a probe with hagfish's error handling; returns it with its exit code and stderr. */
    static Result run(String... args) {
        TargetProbe p = new TargetProbe();
        CommandLine cl = new CommandLine(p);
        cl.setExecutionExceptionHandler(new ErrorHandler());
        cl.setExitCodeExceptionMapper(ExitCodes::forException);
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(p, code, err.toString());
    }

    record Result(TargetProbe probe, int exitCode, String err) {}
}
