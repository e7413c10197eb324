package dev.hagfish.cli;

import dev.hagfish.io.Unsigned;
import dev.hagfish.memory.SlideCheck;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code hagfish version [--core FILE | --raw FILE@BASE]}: which kernel a snapshot is of and where
 * it was loaded: its version banner (read from the snapshot's memory), UUID, KASLR slide, the
 * method that found the slide and what the other methods said. With no snapshot, the indexed
 * kernel's banner and UUID, at slide 0. ({@code hagfish --version} prints hagfish's own version.)
 */
@Command(name = "version", description = "The kernel of a snapshot: banner, UUID, KASLR slide and how it was found.")
final class VersionCommand implements Callable<Integer> {
    private static final int MAX_BANNER = 1024;

    @Spec
    CommandSpec spec;

    @Mixin
    CommonOptions common;

    @Mixin
    TargetOptions target;

    /** One cross-check (JSON). */
    record Check(String method, String outcome, String slide, String detail) {}

    /** The answer (JSON). */
    record Result(String banner, String bannerSource, String uuid, String arch, String kernelPath, String target,
            String kernelMatch, String slide, String method, String methodDetail, List<Check> checks,
            List<String> warnings) {}

    @Override
    public Integer call() throws IOException {
        try (Target t = target.open()) {
            String banner = t.kernel().version();
            String source = "index";
            Optional<Long> version = KernelFactsFromIndex.symbol(t.store(), t.kernel(), "version");
            if (version.isPresent()) {
                try {
                    String seen = t.space().cstring(t.slid(version.get()), MAX_BANNER);
                    if (!seen.isEmpty()) {
                        banner = seen;
                        source = t.snapshot().isPresent() ? "memory" : "kernel file";
                    }
                } catch (IOException e) {
                    // version is not mapped: the indexed banner stands.
                }
            }
            List<Check> checks = t.report().checks().stream().map(c -> new Check(c.method().key(),
                    c.outcome().name().toLowerCase(Locale.ROOT), c.slide().isPresent()
                            ? Unsigned.shortHex(c.slide().getAsLong()) : null, c.detail())).toList();
            Result r = new Result(banner, source, t.kernel().uuid(), t.kernel().arch(), t.kernel().kernelPath(),
                    t.describe(), t.matchedBy(), Unsigned.shortHex(t.slide()), t.method().key(), t.report().detail(),
                    checks, t.warnings());
            PrintWriter out = spec.commandLine().getOut();
            if (common.json) {
                Json.write(out, r);
            } else {
                print(out, t, r);
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private static void print(PrintWriter out, Target t, Result r) {
        out.println(r.banner() != null ? r.banner() : "(no version banner)");
        out.println("uuid:    " + r.uuid() + " (" + r.kernelMatch() + ")");
        out.println("arch:    " + r.arch());
        out.println("kernel:  " + r.kernelPath());
        out.println("target:  " + r.target());
        out.println("slide:   " + r.slide() + " (" + t.method().label() + ": " + r.methodDetail() + ")");
        for (SlideCheck c : t.report().checks()) {
            out.println("check:   " + c.method().label() + " " + c.outcome().name().toLowerCase(Locale.ROOT) + ": "
                    + c.detail());
        }
    }
}
