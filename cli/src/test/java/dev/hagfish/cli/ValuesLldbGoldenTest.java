package dev.hagfish.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code print --json} and {@code x --json} give the values lldb-22 gives ({@code expr},
 * {@code target variable}, {@code memory read}; samples/make-expected-values.sh), compared
 * value by value, not by format: every leaf lldb prints (a member, an element, a bit-field, a
 * string, a pointer, an enumerator, a float) must be in hagfish's tree at the same path with the
 * same value; every unit {@code memory read} prints must equal hagfish's. Commands lldb could not
 * evaluate are skipped (their errors are in the golden); lldb's {@code expr} copies results into
 * its own memory, so the address of a flexible array member is compared for {@code target
 * variable} only.
 */
class ValuesLldbGoldenTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern READ = Pattern.compile("memory read -f (\\w) (?:-s (\\d) )?-c (\\d+) -- (.*)");

    @TestFactory
    List<DynamicContainer> targets() throws IOException {
        return ValuesTarget.each(ValuesLldbGoldenTest::tests);
    }

    private static Stream<DynamicTest> tests(ValuesTarget target) throws IOException {
        String[] targetArgs = target.args();
        List<String[]> runs = new ArrayList<>();
        for (String[] r : LldbValues.transcript(Files.readAllLines(Golden.expected("values/lldb-" + target.golden + ".txt")))) {
            String c = r[0];
            if ((c.startsWith("expr -- ") || c.startsWith("target variable ") || c.startsWith("memory read "))
                    && !r[1].contains("error:")) {
                runs.add(r);
            }
        }
        assertTrue(runs.size() >= 100, "lldb evaluated at least 100 commands: " + runs.size());
        return runs.stream().map(r -> DynamicTest.dynamicTest(r[0], () -> {
            if (r[0].startsWith("memory read ")) {
                memoryRead(r[0], r[1], targetArgs);
            } else {
                value(r[0], r[1], targetArgs);
            }
        }));
    }

    private static JsonNode hagfish(List<String> command, String... targetArgs) throws IOException {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--json", "--index", ValuesStore.path()));
        args.addAll(List.of(targetArgs));
        CliRun r = CliRun.of(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), command + ": " + r.err());
        return JSON.readTree(r.out());
    }

    private static void value(String command, String output, String... targetArgs) throws IOException {
        String expression = command.startsWith("expr -- ") ? command.substring(8) : command.substring(16);
        LldbValues.Printed lldb = LldbValues.parse(output);
        Map<String, JsonNode> ours = new LinkedHashMap<>();
        flatten(hagfish(List.of("print", expression), targetArgs).get("value"), "", ours);
        assertTrue(!lldb.leaves().isEmpty(), output);
        for (Map.Entry<String, String> e : lldb.leaves().entrySet()) {
            JsonNode node = ours.get(e.getKey());
            if (node == null) {
                fail("lldb prints " + e.getKey() + " = " + e.getValue() + " but hagfish has no such leaf; it has "
                        + ours.keySet());
            }
            String why = same(e.getValue(), node, command.startsWith("target variable"));
            if (why != null) {
                fail(command + ": " + e.getKey() + ": lldb " + e.getValue() + ", hagfish " + node + ": " + why);
            }
        }
    }

    /** hagfish's leaves by lldb's paths: {@code .member}, {@code [i]}, bases without brackets. */
    static void flatten(JsonNode n, String path, Map<String, JsonNode> out) {
        if (n.has("members")) {
            for (JsonNode m : n.get("members")) {
                String name = m.path("name").asText("");
                if (name.startsWith("static ")) {
                    continue;
                }
                flatten(m, path + "." + name.replaceAll("^<(.*)>$", "$1"), out);
            }
        } else if (n.has("elements")) {
            int i = 0;
            for (JsonNode e : n.get("elements")) {
                for (int k = 0; k < e.path("repeats").asInt(1); k++) {
                    flatten(e, path + "[" + i++ + "]", out);
                }
            }
        } else {
            out.put(path, n);
        }
    }

    /** Null when lldb's text and hagfish's node are the same value, else why not. */
    static String same(String lldb, JsonNode n, boolean addressesAreReal) {
        String kind = n.get("kind").asText();
        String value = n.path("value").asText(null);
        switch (kind) {
            case "pointer", "function": {
                if (lldb.startsWith("\"")) {
                    return sameString(lldb, n.path("string").asText(), n.get("text").asText().endsWith("..."));
                }
                BigInteger want = lldbNumber(lldb.split(" ")[0]);
                if (!want.equals(new BigInteger(value.substring(2), 16))) {
                    return "different address";
                }
                int quote = lldb.indexOf('"');
                if (quote > 0 && n.has("string")) {
                    return sameString(lldb.substring(quote), n.get("string").asText(), n.get("text").asText().endsWith("..."));
                }
                return null;
            }
            case "array": {
                if (lldb.endsWith("@ <lldb process memory>")) {
                    return addressesAreReal ? "no address to compare" : null;
                }
                Matcher at = Pattern.compile("@ (0x[0-9a-f]+)$").matcher(lldb);
                if (at.find()) {
                    return !addressesAreReal || lldbNumber(at.group(1)).equals(new BigInteger(value.substring(2), 16))
                            ? null : "different address";
                }
                return lldb.startsWith("\"") && n.has("string") ? sameString(lldb, n.get("string").asText(), false)
                        : "unexpected lldb text";
            }
            case "string":
                return sameString(lldb, n.get("string").asText(), false);
            case "char": {
                long want = lldb.startsWith("'") ? bytes(lldb.substring(1, lldb.length() - 1))[0] & 0xff
                        : Long.parseLong(lldb) & 0xff;
                return want == (Long.parseLong(value) & 0xff) ? null : "different character";
            }
            case "bool":
                return lldb.equals(n.get("text").asText()) ? null : "different truth";
            case "enum": {
                String name = n.path("enumerator").asText("").replaceAll("^[A-Za-z_0-9]+::", "");
                return lldb.equals(name) || lldb.equals(value) ? null : "different enumerator";
            }
            case "float":
                return new BigDecimal(lldb).compareTo(new BigDecimal(value)) == 0 ? null : "different number";
            case "integer":
                if (lldb.equals("true") || lldb.equals("false")) {
                    return value.equals(lldb.equals("true") ? "1" : "0") ? null : "different truth";
                }
                return new BigInteger(lldb).equals(new BigInteger(value)) ? null : "different number";
            default:
                return "kind " + kind + " is not compared";
        }
    }

    private static BigInteger lldbNumber(String t) {
        return t.equals("NULL") || t.equals("nullptr") ? BigInteger.ZERO : t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
    }

    /**
     * lldb's string (quoted, escaped, UTF-8 where it could) against hagfish's bytes (one char per
     * byte); when hagfish stopped at gdb's 200 characters, against what it read.
     */
    private static String sameString(String quoted, String ours, boolean truncated) {
        String inner = quoted.substring(1, quoted.lastIndexOf('"'));
        byte[] want = bytes(inner);
        int nul = 0;
        while (nul < want.length && want[nul] != 0) {
            nul++;
        }
        byte[] got = ours.getBytes(StandardCharsets.ISO_8859_1);
        if (truncated && got.length <= nul) {
            return Arrays.equals(Arrays.copyOf(want, got.length), got) ? null : "different string";
        }
        return Arrays.equals(Arrays.copyOf(want, nul), got) ? null : "different string";
    }

    /** lldb's escaped text as bytes: escapes give their byte, other characters their UTF-8 bytes. */
    static byte[] bytes(String escaped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && i + 1 < escaped.length()) {
                int j = i + 1;
                char e = escaped.charAt(j);
                if (e == 'x') {
                    int end = j + 1;
                    while (end < escaped.length() && end < j + 3 && Character.digit(escaped.charAt(end), 16) >= 0) {
                        end++;
                    }
                    out.write(Integer.parseInt(escaped.substring(j + 1, end), 16));
                    i = end - 1;
                    continue;
                }
                String one = LldbValues.unescape(escaped.substring(i, Math.min(escaped.length(), e == 'U' ? i + 10
                        : e == 'u' ? i + 6 : i + 2)));
                int cp = one.charAt(0);
                if (cp < 0x80) {
                    out.write(cp);
                } else {
                    out.writeBytes(one.getBytes(StandardCharsets.UTF_8));
                }
                i += e == 'U' ? 9 : e == 'u' ? 5 : 1;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toByteArray();
    }

    private static void memoryRead(String command, String output, String... targetArgs) throws IOException {
        Matcher m = READ.matcher(command);
        assertTrue(m.matches(), command);
        char lldbFormat = m.group(1).charAt(0);
        int size = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
        int count = Integer.parseInt(m.group(3));
        char format = switch (lldbFormat) {
            case 'b' -> 't';
            case 'A' -> 'a';
            default -> lldbFormat;
        };
        String unit = switch (size) {
            case 1 -> "b";
            case 2 -> "h";
            case 4 -> "w";
            default -> "g";
        };
        String fmt = "x/" + count + format + (format == 's' ? "" : unit);
        JsonNode x = hagfish(List.of(fmt, m.group(4)), targetArgs);
        List<String> ours = new ArrayList<>();
        x.get("rows").forEach(r -> r.get("values").forEach(v -> ours.add(v.asText())));
        List<String> theirs = new ArrayList<>();
        for (String line : output.split("\n")) {
            int colon = line.indexOf(": ");
            if (line.startsWith("0x") && colon > 0) {
                String rest = line.substring(colon + 2);
                if (format == 'a' || format == 's' || format == 'c') {
                    theirs.add(rest);
                } else {
                    theirs.addAll(List.of(rest.strip().split(" +")));
                }
            }
        }
        if (format == 'c') {
            StringBuilder chars = new StringBuilder();
            for (String v : ours) {
                chars.append((char) (Integer.parseInt(v.substring(0, v.indexOf(' '))) & 0xff));
            }
            assertEquals(new String(bytes(String.join("", theirs)), StandardCharsets.ISO_8859_1), chars.toString(), command);
            return;
        }
        if (format == 's') {
            // gdb's x/s stops after 200 characters (then "..."), lldb's does not: the first string only.
            String first = ours.get(0);
            String printed = first.endsWith("...") ? first.substring(0, first.length() - 3) : first;
            byte[] want = bytes(theirs.get(0).substring(1, theirs.get(0).length() - 1));
            byte[] got = gdbBytes(printed.substring(1, printed.length() - 1));
            assertTrue(new String(want, StandardCharsets.ISO_8859_1).startsWith(new String(got, StandardCharsets.ISO_8859_1)),
                    command + ": lldb " + theirs.get(0) + ", hagfish " + first);
            return;
        }
        assertEquals(theirs.size(), ours.size(), command + ": " + theirs + " vs " + ours);
        for (int i = 0; i < ours.size(); i++) {
            String t = theirs.get(i);
            String o = ours.get(i);
            switch (format) {
                case 'a' -> {
                    String[] tw = t.split(" ", 2);
                    assertEquals(lldbNumber(tw[0]), lldbNumber(o.split(" ")[0]), command);
                    if (tw.length > 1) {
                        assertTrue(o.contains("<" + tw[1].replace(" + ", "+") + ">") || o.contains("<" + tw[1] + "+"),
                                command + ": lldb " + t + ", hagfish " + o);
                    }
                }
                case 'o' -> assertEquals(new BigInteger(t.replaceFirst("^0o?", "0") , 8),
                        new BigInteger(o, 8), command);
                case 't' -> assertEquals(new BigInteger(t.substring(2), 2), new BigInteger(o, 2), command);
                case 'f' -> assertEquals(0, new BigDecimal(t).compareTo(new BigDecimal(o)), command);
                case 'x' -> assertEquals(lldbNumber(t), lldbNumber(o), command);
                default -> assertEquals(new BigInteger(t), new BigInteger(o), command);
            }
        }
    }

    /** gdb's escaped string text (octal and C escapes) as bytes. */
    static byte[] gdbBytes(String escaped) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '\\' && i + 1 < escaped.length()) {
                char e = escaped.charAt(i + 1);
                if (e >= '0' && e <= '7') {
                    out.write(Integer.parseInt(escaped.substring(i + 1, i + 4), 8));
                    i += 3;
                } else {
                    out.write(LldbValues.unescape(escaped.substring(i, i + 2)).charAt(0));
                    i++;
                }
            } else {
                out.write(c);
            }
        }
        return out.toByteArray();
    }
}
