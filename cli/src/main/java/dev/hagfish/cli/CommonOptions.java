package dev.hagfish.cli;

import picocli.CommandLine.Option;

/**
 * {@code CommonOptions} are the options every hagfish command takes: {@code --json} for the
 * documented JSON shape on stdout, and {@code --debug} for stack traces on errors.
 */
final class CommonOptions {
    @Option(names = "--json", description = "Print the result as JSON (shape documented in README.md).")
    boolean json;

    @Option(names = "--debug", description = "Print stack traces with error messages.")
    boolean debug;
}
