package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The command line {@link Main} builds for one subcommand behaves as the one with every
 * subcommand: the registered names are the commands' own, and help reads the same.
 */
class MainTest {
    @Test
    void everySubcommandIsRegisteredUnderItsOwnName() {
        CommandLine all = Main.commandLine();
        assertEquals(Main.SUBCOMMANDS, names(all));
        all.getSubcommands().forEach((name, sub) -> assertTrue(name.equals(sub.getCommandSpec().name())
                || List.of(sub.getCommandSpec().aliases()).contains(name), name));
        assertEquals("print", all.getSubcommands().get("p").getCommandSpec().name(), "gdb's p is print");
    }

    @Test
    void aSubcommandAloneHasTheSameHelp() {
        for (String name : Main.SUBCOMMANDS) {
            if (name.equals("help")) {
                continue;
            }
            CommandLine alone = Main.commandLine(new String[] {name, "--help"});
            assertEquals(List.of(name), names(alone));
            assertEquals(help(Main.commandLine(), name), help(alone, name), name);
        }
    }

    @Test
    void helpAndNoSubcommandListThemAll() {
        assertEquals(Main.SUBCOMMANDS, names(Main.commandLine(new String[] {"help"})));
        assertEquals(Main.SUBCOMMANDS, names(Main.commandLine(new String[] {"--version"})));
        CliRun r = CliRun.of("help");
        assertEquals(0, r.exitCode());
        for (String name : Main.SUBCOMMANDS) {
            assertTrue(r.out().contains("  " + name), name + " missing from\n" + r.out());
        }
    }

    /** The subcommands' own names, in order, without their aliases ({@code p} for {@code print}). */
    private static List<String> names(CommandLine cl) {
        return cl.getSubcommands().values().stream().map(c -> c.getCommandSpec().name()).distinct().toList();
    }

    private static String help(CommandLine cl, String name) {
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(new StringWriter(), true));
        cl.execute(name, "--help");
        return out.toString();
    }
}
