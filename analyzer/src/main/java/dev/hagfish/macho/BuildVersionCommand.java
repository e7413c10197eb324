package dev.hagfish.macho;

import java.util.List;

/**
 * A {@code BuildVersionCommand} is an {@code LC_BUILD_VERSION}: platform, minimum OS, SDK and the
 * tools that built the image.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param platform the platform ({@code PLATFORM_MACOS} = 1, …)
 * @param minos the minimum OS version, encoded as {@code xxxx.yy.zz}
 * @param sdk the SDK version, encoded
 * @param tools the build tools as (tool, version) pairs
 */
public record BuildVersionCommand(int cmd, long cmdsize, long fileOffset, long platform, long minos, long sdk,
        List<BuildTool> tools) implements LoadCommand {
    /** Creates the record; the list is copied. */
    public BuildVersionCommand {
        tools = List.copyOf(tools);
    }

    /**
     * A {@code BuildTool} is one {@code build_tool_version} entry.
     *
     * @param tool the tool ({@code TOOL_CLANG} = 1, {@code TOOL_SWIFT} = 2, {@code TOOL_LD} = 3, {@code TOOL_LLD} = 4)
     * @param version the tool's version, encoded
     */
    public record BuildTool(long tool, long version) {}

    /** Returns the name of a platform number as otool prints it, or the number. */
    public static String platformName(long platform) {
        return switch ((int) platform) {
            case 1 -> "MACOS";
            case 2 -> "IOS";
            case 3 -> "TVOS";
            case 4 -> "WATCHOS";
            case 5 -> "BRIDGEOS";
            case 6 -> "MACCATALYST";
            case 7 -> "IOSSIMULATOR";
            case 8 -> "TVOSSIMULATOR";
            case 9 -> "WATCHOSSIMULATOR";
            case 10 -> "DRIVERKIT";
            case 11 -> "XROS";
            case 12 -> "XROS_SIMULATOR";
            default -> Long.toString(platform);
        };
    }
}
