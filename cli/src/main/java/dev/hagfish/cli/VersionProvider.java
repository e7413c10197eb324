package dev.hagfish.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code VersionProvider} reports the version from the jar manifest. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"hagfish " + (v != null ? v : "0.1.0-SNAPSHOT")};
    }
}
