package dev.hagfish.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hagfish macho}: the Mach-O commands (info, loadcmds, symbols). */
@Command(name = "macho", description = "Inspect Mach-O files: kernels, kexts, dSYMs, objects and cores.",
        subcommands = {MachoInfoCommand.class, MachoLoadCommandsCommand.class, MachoSymbolsCommand.class})
final class MachoCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "choose a subcommand: info, loadcmds or symbols");
    }
}
