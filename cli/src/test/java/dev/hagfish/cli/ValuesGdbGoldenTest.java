package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code print} and {@code x} print what gdb 13 prints, character for character, for every
 * command of the gdb goldens (samples/make-expected-values.sh): on the sample core (slid by its
 * LC_NOTE), on the core without a note (slid by {@code --slide}), and on the kernel file alone
 * (its static data, unslid). Reads that gdb could not do fail with exit code 4 and a message
 * naming the address; the rows before the fault are printed.
 */
class ValuesGdbGoldenTest {
    private static final Pattern FAULT = Pattern.compile("(?:^|\t)Cannot access memory at address (0x[0-9a-f]+)$");
    private static final Pattern DEPTH = Pattern.compile("print -max-depth (\\d+) -- (.*)");

    /** One command of a golden and what gdb printed. */
    record Block(String command, List<String> lines) {}

    static List<Block> blocks(Path golden) throws IOException {
        List<Block> out = new ArrayList<>();
        for (String line : Files.readAllLines(golden)) {
            if (line.startsWith("==== ")) {
                out.add(new Block(line.substring(5), new ArrayList<>()));
            } else if (!out.isEmpty()) {
                out.get(out.size() - 1).lines().add(line);
            }
        }
        return out;
    }

    /** The hagfish arguments of a gdb command. */
    static List<String> arguments(String command) {
        Matcher m = DEPTH.matcher(command);
        if (m.matches()) {
            return List.of("print", m.group(2), "--depth", m.group(1));
        } else if (command.startsWith("print ")) {
            return List.of("print", command.substring(6));
        }
        int space = command.indexOf(' ');
        return List.of(command.substring(0, space), command.substring(space + 1));
    }

    @TestFactory
    List<DynamicContainer> targets() throws IOException {
        return ValuesTarget.each(ValuesGdbGoldenTest::tests);
    }

    private static Stream<DynamicTest> tests(ValuesTarget target) throws IOException {
        String[] targetArgs = target.args();
        List<Block> blocks = blocks(Golden.expected("values/gdb-" + target.golden + ".txt"));
        assertTrue(blocks.size() > 100, "the golden has its commands");
        return blocks.stream().map(b -> DynamicTest.dynamicTest(b.command(), () -> check(b, targetArgs)));
    }

    static CliRun run(List<String> command, String... targetArgs) {
        List<String> args = new ArrayList<>(command);
        args.add("--index");
        args.add(ValuesStore.path());
        args.addAll(List.of(targetArgs));
        return CliRun.of(args.toArray(String[]::new));
    }

    private static void check(Block b, String... targetArgs) {
        CliRun r = run(arguments(b.command()), targetArgs);
        List<String> want = new ArrayList<>();
        String fault = null;
        for (String l : b.lines()) {
            Matcher m = FAULT.matcher(l);
            if (m.find()) {
                fault = m.group(1);
                break;
            }
            want.add(l.replaceFirst("^\\$\\d+ = ", "\\$1 = "));
        }
        List<String> got = r.out().isEmpty() ? List.of() : List.of(r.out().split("\n"));
        assertEquals(want, got, b.command() + "\n" + r.err());
        if (fault != null) {
            assertEquals(ExitCodes.TARGET, r.exitCode(), r.err());
            assertTrue(r.err().contains("address " + String.format("0x%016x", Long.decode(fault)))
                    && r.err().lines().count() == 1, r.err());
        } else {
            assertEquals(0, r.exitCode(), r.err());
        }
    }
}
