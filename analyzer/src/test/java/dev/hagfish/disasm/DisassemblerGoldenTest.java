package dev.hagfish.disasm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hagfish.macho.MachOFile;
import dev.hagfish.memory.SegmentSpace;
import dev.hagfish.symbols.Symbol;
import dev.hagfish.symbols.SymbolTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every function of every sample kernel (x86_64 DWARF 2/4/5, arm64, both fat slices) and of the
 * i386 objects, disassembled by hagfish, equals {@code llvm-objdump-19 --macho -d} (the goldens
 * of samples/make-expected-objdump.sh) in encoding, mnemonic, operands and targets, in Intel and
 * AT&amp;T syntax. Only the spelling differences of {@link ObjdumpSpelling} are forgiven.
 *
 * <p>Functions are taken as llvm-objdump takes them: from each symbol of (__TEXT,__text) to the
 * next; every instruction that starts inside is decoded, so the two listings hold the same
 * addresses. Targets are checked three ways: the branch and call destinations and arm64 labels
 * that the operands spell ({@link Instruction#target()}) equal the goldens' numbers; x86-64
 * RIP-relative references equal the golden instruction's end plus its displacement; arm64
 * adrp-pair references equal the golden adrp's page plus the golden offset; and wherever the
 * symbolic golden names a target or a RIP-relative operand by symbol, that symbol's address is
 * hagfish's target or reference.
 */
class DisassemblerGoldenTest {
    private static final Pattern RIP_INTEL = Pattern.compile("\\[rip(?: ([+-]) (0x[0-9a-f]+|[0-9]+))?\\]");
    private static final Pattern RIP_ATT = Pattern.compile("(-?0x[0-9a-f]+|-?[0-9]+)?\\(%rip\\)");
    private static final Pattern NUMBER = Pattern.compile("0x[0-9a-f]+|[0-9]+");

    static Stream<Arguments> listings() throws IOException {
        List<Arguments> out = new ArrayList<>();
        for (GoldenImage g : GoldenImage.all()) {
            if (g.arch() == Arch.ARM64) {
                out.add(Arguments.of(g, Syntax.INTEL, ""));
            } else {
                out.add(Arguments.of(g, Syntax.INTEL, "intel"));
                out.add(Arguments.of(g, Syntax.ATT, "att"));
            }
        }
        return out.stream();
    }

    /** hagfish's instructions of every function of an image, by address. */
    static Map<Long, Instruction> disassemble(GoldenImage g, MachOFile image, Syntax syntax, long slide)
            throws IOException {
        SegmentSpace space = g.space(image, slide);
        Map<Long, Instruction> out = new TreeMap<>(Long::compareUnsigned);
        try (Disassembler d = Disassembler.open(g.arch(), syntax, DataRegions.of(image, slide))) {
            for (Symbol f : GoldenImage.functions(image, SymbolTable.of(image))) {
                Disassembly run = d.decodeRange(space, f.address() + slide, f.address() + slide + f.size());
                assertTrue(run.fault().isEmpty(), () -> f.name() + ": " + run.fault().get().getMessage());
                for (Instruction i : run.instructions()) {
                    out.put(i.address(), i);
                }
            }
        }
        return out;
    }

    @ParameterizedTest(name = "{0} {2}")
    @MethodSource("listings")
    void everyFunctionEqualsObjdump(GoldenImage g, Syntax syntax, String flavour) throws IOException {
        MachOFile image = g.open();
        ObjdumpListing golden = ObjdumpListing.read(g.golden(flavour));
        Map<Long, Instruction> ours = disassemble(g, image, syntax, 0);
        List<String> bad = new ArrayList<>();
        for (ObjdumpListing.Line l : golden.lines().values()) {
            Instruction i = ours.get(l.address());
            if (i == null) {
                bad.add(hex(l.address()) + " missing: objdump " + l.mnemonic() + " " + l.operands());
                continue;
            }
            compare(g.arch(), syntax, l, i, bad);
        }
        for (long a : ours.keySet()) {
            if (!golden.lines().containsKey(a)) {
                bad.add(hex(a) + " extra: hagfish " + ours.get(a).text());
            }
        }
        if (g.arch() == Arch.ARM64) {
            Arm64Pairs.check(golden, ours, bad);
        }
        assertTrue(bad.isEmpty(), () -> g.name() + " " + syntax + ": " + bad.size() + " differences of "
                + golden.lines().size() + ":\n" + String.join("\n", bad.subList(0, Math.min(40, bad.size()))));
        assertTrue(golden.lines().size() > 100, "golden too small: " + g.golden(flavour));
        long targets = ours.values().stream().filter(i -> i.target().isPresent()).count();
        long references = ours.values().stream().filter(i -> i.reference().isPresent()).count();
        assertTrue(targets > 10, g.name() + ": only " + targets + " targets");
        assertTrue(g.object() || references > 20, g.name() + ": only " + references + " references");
    }

    /** Encoding, mnemonic, operands (by the spelling rules) and spelled-out or RIP-relative targets. */
    private static void compare(Arch arch, Syntax syntax, ObjdumpListing.Line l, Instruction i, List<String> bad) {
        String at = hex(l.address()) + " (" + l.label() + "): ";
        if (!l.bytes().isEmpty() && !l.bytes().equals(i.hexBytes())) {
            bad.add(at + "bytes " + l.bytes() + " != " + i.hexBytes());
            return;
        }
        String want = arch == Arch.ARM64 ? ObjdumpSpelling.arm64Labels(l)
                : syntax == Syntax.INTEL ? ObjdumpSpelling.intelScale(l.operands()) : l.operands();
        String got = arch == Arch.ARM64 ? i.operands() : ObjdumpSpelling.implicitCount(i);
        if (!l.mnemonic().equals(i.mnemonic()) || !ObjdumpSpelling.same(want, got)) {
            bad.add(at + "objdump '" + l.mnemonic() + " " + l.operands() + "' != hagfish '" + i.text() + "'");
            return;
        }
        OptionalLong target = spelledTarget(arch, l.mnemonic(), want, i.flow());
        if (!target.equals(i.target())) {
            bad.add(at + "target " + opt(target) + " != hagfish " + opt(i.target()) + " in " + i.text());
        }
        if (arch == Arch.X86_64) {
            OptionalLong rip = ripReference(syntax, l);
            if (!rip.equals(i.reference())) {
                bad.add(at + "RIP-relative " + opt(rip) + " != hagfish " + opt(i.reference()) + " in " + i.text());
            }
        } else if (arch == Arch.I386 && i.reference().isPresent()) {
            bad.add(at + "i386 has no RIP-relative operands, hagfish " + opt(i.reference()));
        }
    }

    /** The address the golden's operands spell: a direct branch's number, or arm64's made-absolute label. */
    private static OptionalLong spelledTarget(Arch arch, String mnemonic, String operands, Flow flow) {
        if (arch == Arch.ARM64) {
            String m = mnemonic;
            boolean labelled = m.equals("b") || m.equals("bl") || m.startsWith("b.") || m.equals("cbz")
                    || m.equals("cbnz") || m.equals("tbz") || m.equals("tbnz") || m.equals("adr") || m.equals("adrp")
                    || ((m.equals("ldr") || m.equals("ldrsw") || m.equals("prfm")) && !operands.contains("["));
            int hash = operands.lastIndexOf('#');
            return labelled && hash >= 0 ? OptionalLong.of(Literals.parse(operands.substring(hash + 1)))
                    : OptionalLong.empty();
        }
        boolean branch = flow == Flow.JUMP || flow == Flow.CALL;
        return branch && NUMBER.matcher(operands).matches() ? OptionalLong.of(Literals.parse(operands))
                : OptionalLong.empty();
    }

    /** The golden's RIP-relative address: the instruction's end plus the displacement. */
    private static OptionalLong ripReference(Syntax syntax, ObjdumpListing.Line l) {
        long next = l.address() + l.bytes().length() / 2;
        if (syntax == Syntax.INTEL) {
            Matcher m = RIP_INTEL.matcher(l.operands());
            if (m.find()) {
                long d = m.group(2) == null ? 0 : Literals.parse(m.group(2));
                return OptionalLong.of("-".equals(m.group(1)) ? next - d : next + d);
            }
        } else {
            Matcher m = RIP_ATT.matcher(l.operands());
            if (m.find()) {
                return OptionalLong.of(next + (m.group(1) == null ? 0 : Literals.parse(m.group(1))));
            }
        }
        return OptionalLong.empty();
    }

    static String hex(long a) {
        return "0x" + Long.toHexString(a);
    }

    static String opt(OptionalLong a) {
        return a.isPresent() ? hex(a.getAsLong()) : "none";
    }

    /** Where the symbolic golden names an address by symbol, the symbol is at hagfish's target or reference. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("symbolicImages")
    void symbolicNamesAreHagfishTargets(GoldenImage g) throws IOException {
        MachOFile image = g.open();
        SymbolTable table = SymbolTable.of(image);
        ObjdumpListing golden = ObjdumpListing.read(g.golden("symbolic"));
        Map<Long, Instruction> ours = disassemble(g, image, Syntax.ATT, 0);
        List<String> bad = new ArrayList<>();
        int named = 0;
        for (ObjdumpListing.Line l : golden.lines().values()) {
            Instruction i = ours.get(l.address());
            String name = SymbolicName.of(g.arch(), l);
            if (name == null || i == null) {
                continue;
            }
            named++;
            OptionalLong ourAddress = SymbolicName.isMemoryOperand(g.arch(), l) ? i.reference() : i.target();
            List<Long> addresses = table.byName(name).stream().map(Symbol::address).toList();
            if (ourAddress.isEmpty() || !addresses.contains(ourAddress.getAsLong())) {
                bad.add(hex(l.address()) + ": objdump names " + name + " at " + addresses.stream().map(DisassemblerGoldenTest::hex).toList()
                        + ", hagfish " + opt(ourAddress) + " in " + i.text());
            }
        }
        assertTrue(bad.isEmpty(), () -> g.name() + ": " + String.join("\n", bad));
        assertTrue(named > 20, g.name() + ": only " + named + " symbolic operands");
        assertEquals(golden.lines().size(), ours.size(), "instructions in the symbolic listing and in hagfish's");
    }

    static Stream<GoldenImage> symbolicImages() throws IOException {
        return GoldenImage.all().stream().filter(g -> !g.object());
    }
}
