package dev.hagfish.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hagfish dwarf}: commands that read DWARF straight from a file (debugging aids). */
@Command(name = "dwarf", description = "Read DWARF straight from a dSYM or Mach-O object.",
        subcommands = {DwarfInfoCommand.class, DwarfTypesCommand.class, DwarfFunctionsCommand.class,
                DwarfVariablesCommand.class})
final class DwarfCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "choose a subcommand: info, types, functions or variables");
    }
}
