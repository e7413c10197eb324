package dev.hagfish.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;

/**
 * The three targets the values goldens (samples/make-expected-values.sh) were made on, and the
 * hagfish target options that name each: the sample core (its LC_NOTE gives the slide), the core
 * without notes with its slide given, and the kernel image alone.
 */
enum ValuesTarget {
    CORE("core", "--core", Golden.SAMPLES.resolve("snapshots/x86_64-dwarf4.core").toString()),
    NONOTE("nonote", "--core", Golden.SAMPLES.resolve("snapshots/x86_64-dwarf4-nonote.core").toString(),
            "--slide", "0x4600000"),
    IMAGE("image");

    /** The target's part of the golden's file name, e.g. {@code gdb-core.txt}. */
    final String golden;
    private final List<String> args;

    ValuesTarget(String golden, String... args) {
        this.golden = golden;
        this.args = List.of(args);
    }

    /** The target options. */
    String[] args() {
        return args.toArray(String[]::new);
    }

    /** The tests of one target. */
    interface Tests {
        Stream<DynamicTest> of(ValuesTarget target) throws IOException;
    }

    /** One container of tests per target, named by the target's part of the golden's name. */
    static List<DynamicContainer> each(Tests tests) throws IOException {
        List<DynamicContainer> out = new ArrayList<>();
        for (ValuesTarget t : values()) {
            out.add(DynamicContainer.dynamicContainer(t.golden, tests.of(t)));
        }
        return out;
    }
}
