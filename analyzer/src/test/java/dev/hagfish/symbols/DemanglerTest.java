package dev.hagfish.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Tests {@link Demangler} against llvm-cxxfilt-19: the golden files that
 * {@code samples/make-expected.sh} and {@code samples/make-expected-thirdparty.sh} wrote from the
 * sample kernels and from third-party Mach-O files, the {@link ItaniumExamples}, names that are
 * not mangled, and hostile input. The tools never run here.
 */
class DemanglerTest {
    private static final Path SAMPLE_NAMES = Path.of("../samples/expected/cxxfilt.tsv");
    private static final Path THIRD_PARTY_NAMES =
            Path.of("../samples/expected/thirdparty/cxxfilt.tsv");

    @Test
    void agreesWithCxxfiltOnSampleKernelNames() throws IOException {
        assumeTrue(Files.exists(SAMPLE_NAMES), SAMPLE_NAMES + " not generated yet");
        assertAgreesWithGoldenFile(SAMPLE_NAMES);
    }

    @Test
    void agreesWithCxxfiltOnThirdPartyNames() throws IOException {
        assertAgreesWithGoldenFile(THIRD_PARTY_NAMES);
    }

    /** Every {@code mangled<TAB>demangled} line must match exactly; a decline is a mismatch. */
    private static void assertAgreesWithGoldenFile(Path tsv) throws IOException {
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        List<String> disagreements = new ArrayList<>();
        int names = 0;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            int tab = line.indexOf('\t');
            assertTrue(tab > 0, () -> tsv + ": no tab in \"" + line + "\"");
            String mangled = line.substring(0, tab);
            String expected = line.substring(tab + 1);
            names++;
            String got = Demangler.demangle(mangled);
            if (!got.equals(expected)) {
                disagreements.add(mangled + "\n  llvm-cxxfilt-19: " + expected
                        + "\n  Demangler:       " + got);
            }
        }
        assertTrue(names > 0, tsv + " holds no names");
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " of " + names + " names in " + tsv
                    + " disagree with llvm-cxxfilt-19:\n" + String.join("\n", disagreements));
        }
    }

    @Test
    void agreesWithCxxfiltOnItaniumExamples() {
        List<String> disagreements = new ArrayList<>();
        for (String[] c : ItaniumExamples.CASES) {
            String darwin = "_" + c[0];
            String expected = c[1] == null ? darwin : c[1];
            String got = Demangler.demangle(darwin);
            if (!got.equals(expected)) {
                disagreements.add(darwin + "\n  llvm-cxxfilt-19: " + expected
                        + "\n  Demangler:       " + got);
            }
            if (c[0].startsWith("_Z")) {
                String plain = Demangler.demangle(c[0]);
                String expectedPlain = c[1] == null ? c[0] : c[1];
                if (!plain.equals(expectedPlain)) {
                    disagreements.add(c[0] + " (plain form)\n  expected: " + expectedPlain
                            + "\n  Demangler: " + plain);
                }
            }
        }
        if (!disagreements.isEmpty()) {
            fail(disagreements.size() + " disagreements:\n" + String.join("\n", disagreements));
        }
    }

    /** Each was checked with {@code printf '%s\n' NAME | llvm-cxxfilt-19 -_}. */
    @Test
    void leavesNamesThatAreNotMangledAlone() {
        String[] names = {
            "", "_", "__", "___", "main", "_main", "start", "__mh_execute_header", "ltmp0",
            "l_.str", "_OBJC_CLASS_$_NSObject", "$ld$hide$os10.4$_foo", "radr://5614542",
            "_Z", "__Z", "_Zv", "__ZN", "__ZN6OSKext", "Z1fv", "_z1fv", "__Z1fv_", "__Z1fvv",
            "__ZTV", "__ZTV1", "__ZN1AC1Ev_", "___Z1fv", "___Z1fv_block_invoke",
            "____Z1fv_block_invoke_", "____Z1fv_block_invoke_x", "__Z1fT_", "__ZZ1fvE1x_",
            "__Z01fv", "__Z1fILb2EEvv", "__Z4abc", "\u00e9__Z", "__Z1fS_", "__ZNS_1fEv",
        };
        for (String n : names) {
            assertEquals(n, Demangler.demangle(n), () -> "changed " + n);
        }
    }

    @Test
    void demanglesEachPieceLikeCxxfilt() {
        // printf '%s\n' '__Z1fv-__Z1gv' 'x-__Z1gv' '__Z1fv $' | llvm-cxxfilt-19 -_
        assertEquals("f()-g()", Demangler.demangle("__Z1fv-__Z1gv"));
        assertEquals("x-g()", Demangler.demangle("x-__Z1gv"));
        assertEquals("f() $", Demangler.demangle("__Z1fv $"));
        assertEquals("f() (.a$b)", Demangler.demangle("__Z1fv.a$b"));
    }

    @Test
    void tellsMangledNames() {
        assertTrue(Demangler.isMangled("__ZN6OSKext4loadEhhP7OSArray"));
        assertTrue(Demangler.isMangled("_ZN6OSKext4loadEhhP7OSArray"));
        assertTrue(Demangler.isMangled("____Z1fv_block_invoke"));
        assertFalse(Demangler.isMangled("_main"));
        assertFalse(Demangler.isMangled("Z1fv"));
        assertFalse(Demangler.isMangled(""));
    }

    /**
     * Deep nesting, long lists, exponential substitution graphs and huge names must finish fast,
     * without a stack overflow, and give either the input back or llvm-cxxfilt-19's exact text
     * (checked by its SHA-256, from {@code llvm-cxxfilt-19 -_ <<< NAME | tr -d '\n' | sha256sum}).
     * On the inputs declined here llvm-cxxfilt-19 itself crashes with a stack overflow, runs for
     * minutes, prints half a gigabyte, or also leaves the name alone.
     */
    @Test
    void survivesHostileInput() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            for (String[] c : hostileInputs()) {
                String in = c[0];
                String out = Demangler.demangle(in);
                String what = "input of " + in.length() + " chars starting " + in.substring(0, 12);
                if (c[1] == null) {
                    assertEquals(in, out, what);
                } else {
                    assertEquals(c[1], sha256(out), what);
                }
            }
            assertEquals("OSKext::load(unsigned char, unsigned char, OSArray*)",
                    Demangler.demangle("__ZN6OSKext4loadEhhP7OSArray"));
        });
    }

    private static String sha256(String s) throws NoSuchAlgorithmException {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(d);
    }

    /** Pairs of {hostile name, SHA-256 of llvm-cxxfilt-19's output, or null: unchanged}. */
    private static List<String[]> hostileInputs() {
        List<String[]> in = new ArrayList<>();
        in.add(new String[] {"__Z" + "P".repeat(100_000) + "v", null});
        in.add(new String[] {"__Z1f" + "P".repeat(200) + "v", null});
        in.add(new String[] {"__Z" + "N".repeat(100_000) + "1aE", null});
        in.add(new String[] {"__Z" + "Z".repeat(100_000) + "1fvE1x", null});
        in.add(new String[] {"__Z1fI" + "1aI".repeat(50_000) + "i" + "E".repeat(50_000) + "Evv",
            null});
        in.add(new String[] {"__Z1fI" + "i".repeat(100_000) + "Evv",
            "72052dc898a3861587896a98a55c5f02a1bc774668365e7e53241524b8b74f7b"});
        in.add(new String[] {"__Z1fI" + "J".repeat(50_000) + "E".repeat(50_000) + "Evv", null});
        in.add(new String[] {"__Z1fIiEDT" + "pl".repeat(50_000) + "fp_".repeat(50_001) + "ET_",
            null});
        in.add(new String[] {"__Z1fIiEDT" + "ng".repeat(100_000) + "fp_ET_", null});
        in.add(new String[] {"__Z1fv." + "x".repeat(1_000_000),
            "3754d554b2ee7e9749433c0b103db83c7436e476bc257d8170b1ab8370d6413d"});
        in.add(new String[] {"__Z" + "1a".repeat(100_000),
            "8ea7bb297971fbf977ac9af6bca696e98aa1295012a5458e386b0db66b2fc8c3"});
        in.add(new String[] {"__Z1f" + "A1_".repeat(100_000) + "i", null});
        in.add(new String[] {"__Z1f" + "M1a".repeat(100_000) + "i", null});
        in.add(new String[] {"__Z1f" + "F".repeat(100_000) + "v" + "E".repeat(100_000), null});
        in.add(new String[] {exponentialSubstitutions(60), null});
        in.add(new String[] {pointerChain(100_000), null});
        in.add(new String[] {"__Z1fIJiiiiEEv" + "DpPT_".repeat(2_000),
            "26251e1ae989a0b2ade4613b353d6e144da905780573e626bbd7bcc16f15c0e5"});
        in.add(new String[] {"__Z1fIJ" + "i".repeat(10_000) + "EEv" + "DpT_".repeat(10_000),
            null});
        in.add(new String[] {"__ZN1AcvT_I" + "T_".repeat(10_000) + "EEv", null});
        in.add(new String[] {"__Z1fIJ" + "S_".repeat(10_000) + "EEvT_",
            "4c810e7f85eaf4e4d1af4ba2770f6334637141e73706685bf874c737ea730b1b"});
        in.add(new String[] {"__Z1fIiEvT_" + "S0_".repeat(100_000),
            "17c1204fdd2b796c26dbba5ef4be189fb68b4115b4d3c72bd0d6c395b0012777"});
        return in;
    }

    /** {@code f(a, b<a, a>, b<b<a, a>, b<a, a>>, ...)}: the output doubles with each parameter. */
    private static String exponentialSubstitutions(int params) {
        StringBuilder s = new StringBuilder("__Z1f1a1bIS_S_E");
        for (int i = 1; i < params; i++) {
            String prev = seqId(i + 1);
            s.append("S0_I").append(prev).append(prev).append('E');
        }
        return s.toString();
    }

    /** {@code f(a*, a**, a***, ...)} built from substitutions: shallow to parse, deep to print. */
    private static String pointerChain(int params) {
        StringBuilder s = new StringBuilder("__Z1fP1a");
        for (int i = 1; i < params; i++) {
            s.append('P').append(seqId(i));
        }
        return s.toString();
    }

    /** Returns {@code S<n-1>_}, the substitution that refers to candidate {@code n}. */
    private static String seqId(int n) {
        return n == 0 ? "S_" : "S" + Integer.toString(n - 1, 36).toUpperCase() + "_";
    }

    @Test
    void survivesRandomInput() {
        long seed = System.nanoTime();
        System.out.println("DemanglerTest.survivesRandomInput seed=" + seed);
        Random r = new Random(seed);
        String alphabet = "_ZNESIJXLTDFPRKVOACMUBvicdjlmxyfpt0123456789.$abosrnewhq";
        List<String> golden = new ArrayList<>();
        for (String[] c : ItaniumExamples.CASES) {
            golden.add("_" + c[0]);
        }
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 10_000; i++) {
                String in = i % 2 == 0 ? randomName(r, alphabet) : mutate(r, golden, alphabet);
                String out = Demangler.demangle(in);
                assertNotNull(out, () -> "seed " + seed + " input " + in);
                assertEquals(out, Demangler.demangle(in), () -> "seed " + seed + " unstable");
            }
        }, () -> "seed " + seed);
    }

    private static String randomName(Random r, String alphabet) {
        StringBuilder s = new StringBuilder("__Z");
        int n = r.nextInt(64);
        for (int i = 0; i < n; i++) {
            s.append(r.nextInt(8) == 0 ? (char) r.nextInt(256) : alphabet.charAt(
                    r.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static String mutate(Random r, List<String> golden, String alphabet) {
        StringBuilder s = new StringBuilder(golden.get(r.nextInt(golden.size())));
        int edits = 1 + r.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int at = 3 + r.nextInt(Math.max(1, s.length() - 2));
            at = Math.min(at, s.length());
            switch (r.nextInt(3)) {
                case 0:
                    s.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                    break;
                case 1:
                    if (at < s.length()) {
                        s.deleteCharAt(at);
                    }
                    break;
                default:
                    String other = golden.get(r.nextInt(golden.size()));
                    int from = 3 + r.nextInt(Math.max(1, other.length() - 3));
                    s.insert(at, other, Math.min(from, other.length()),
                            Math.min(other.length(), from + 1 + r.nextInt(8)));
            }
        }
        return s.toString();
    }
}
