package dev.hagfish.cli;

import dev.hagfish.macho.MachOFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hagfish macho loadcmds FILE}: every load command, in the spirit of {@code otool -l}. */
@Command(name = "loadcmds", description = "Every load command, in the spirit of otool -l.")
final class MachoLoadCommandsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    MachoFileOptions file;

    @Mixin
    CommonOptions common;

    /** The JSON shape: the file, the slice and the commands' fields. */
    record Listing(String file, String arch, List<Map<String, Object>> commands) {}

    @Override
    public Integer call() throws IOException {
        MachOFile f = file.open();
        List<Map<String, Object>> cmds = new ArrayList<>();
        for (int i = 0; i < f.commands().size(); i++) {
            cmds.add(LoadCommandView.of(f, i, f.commands().get(i)));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (common.json) {
            Json.write(out, new Listing(file.file.toString(), f.archName(), cmds));
        } else {
            out.println(file.file + ":");
            for (Map<String, Object> c : cmds) {
                out.println("Load command " + c.get("index"));
                print(out, c);
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    @SuppressWarnings("unchecked")
    private static void print(PrintWriter out, Map<String, Object> fields) {
        for (var e : fields.entrySet()) {
            if (e.getKey().equals("index")) {
                continue;
            }
            if (e.getValue() instanceof List<?> list) {
                for (Object o : list) {
                    if (o instanceof Map<?, ?> sub) {
                        out.println(e.getKey().equals("sections") ? "Section" : e.getKey());
                        print(out, (Map<String, Object>) sub);
                    }
                }
            } else if (e.getValue() instanceof Map<?, ?> regs) {
                StringBuilder line = new StringBuilder();
                regs.forEach((k, v) -> line.append(String.format(" %6s %s", k, v)));
                out.println(String.format("%9s", e.getKey()) + line);
            } else {
                out.println(String.format("%9s %s", e.getKey(), e.getValue()));
            }
        }
    }
}
