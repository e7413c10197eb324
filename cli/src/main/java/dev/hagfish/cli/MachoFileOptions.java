package dev.hagfish.cli;

import dev.hagfish.io.ByteSource;
import dev.hagfish.macho.MachOFile;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code MachoFileOptions}: the FILE argument and {@code --arch} shared by the macho commands. */
final class MachoFileOptions {
    @Parameters(index = "0", paramLabel = "FILE", description = "A Mach-O file: thin or universal.")
    Path file;

    @Option(names = "--arch", paramLabel = "ARCH",
            description = "The slice of a universal file: x86_64, x86_64h, arm64, arm64e, i386, ...")
    String arch;

    /** Opens the chosen image. */
    MachOFile open() throws IOException {
        return MachOFile.open(ByteSource.open(file), arch);
    }
}
