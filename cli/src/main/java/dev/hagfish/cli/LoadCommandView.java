package dev.hagfish.cli;

import dev.hagfish.io.FormatException;
import dev.hagfish.io.Unsigned;
import dev.hagfish.macho.ChainedFixupsHeader;
import dev.hagfish.macho.LoadCommandType;
import dev.hagfish.macho.MachOFile;
import dev.hagfish.macho.MainBinSpec;
import dev.hagfish.macho.BuildVersionCommand;
import dev.hagfish.macho.DyldInfoCommand;
import dev.hagfish.macho.DylibCommand;
import dev.hagfish.macho.DysymtabCommand;
import dev.hagfish.macho.EntryPointCommand;
import dev.hagfish.macho.FilesetEntryCommand;
import dev.hagfish.macho.LinkeditDataCommand;
import dev.hagfish.macho.LoadCommand;
import dev.hagfish.macho.NoteCommand;
import dev.hagfish.macho.PathCommand;
import dev.hagfish.macho.Section;
import dev.hagfish.macho.SegmentCommand;
import dev.hagfish.macho.SourceVersionCommand;
import dev.hagfish.macho.SymtabCommand;
import dev.hagfish.macho.ThreadCommand;
import dev.hagfish.macho.ThreadState;
import dev.hagfish.macho.UnknownCommand;
import dev.hagfish.macho.UuidCommand;
import dev.hagfish.macho.VersionMinCommand;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code LoadCommandView} turns a load command into ordered fields, named as {@code otool -l}
 * names them. Addresses and VM sizes are hex strings; counts, offsets and file sizes are numbers.
 * The same map feeds the text listing and the JSON.
 */
final class LoadCommandView {
    private LoadCommandView() {}

    /**
     * Returns the fields of command {@code index} of {@code file}; payloads hagfish understands
     * (the "main bin spec" note, the chained-fixups header) are decoded in place.
     */
    static Map<String, Object> of(MachOFile file, int index, LoadCommand c) throws FormatException {
        Map<String, Object> m = fields(index, c);
        if (c instanceof NoteCommand n && n.dataOwner().equals(MainBinSpec.OWNER)) {
            MainBinSpec spec = MainBinSpec.decode(file.source(), n.offset(), n.size());
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("version", spec.version());
            d.put("type", spec.type());
            d.put("address", spec.address() == -1L ? null : Unsigned.hex(spec.address()));
            d.put("slide", spec.slide() == -1L ? null : Unsigned.shortHex(spec.slide()));
            d.put("uuid", UuidCommand.format(spec.uuid()));
            d.put("log2_pagesize", spec.log2PageSize());
            m.put("main_bin_spec", d);
        } else if (c instanceof LinkeditDataCommand l && l.cmd() == LoadCommandType.LC_DYLD_CHAINED_FIXUPS) {
            ChainedFixupsHeader h = ChainedFixupsHeader.decode(file, l);
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("fixups_version", h.fixupsVersion());
            d.put("starts_offset", h.startsOffset());
            d.put("imports_offset", h.importsOffset());
            d.put("symbols_offset", h.symbolsOffset());
            d.put("imports_count", h.importsCount());
            d.put("imports_format", h.importsFormat());
            d.put("symbols_format", h.symbolsFormat());
            m.put("chained_fixups_header", d);
        }
        return m;
    }

    private static Map<String, Object> fields(int index, LoadCommand c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("index", index);
        m.put("cmd", c.cmdName());
        m.put("cmdsize", c.cmdsize());
        m.put("offset", c.fileOffset());
        if (c instanceof SegmentCommand s) {
            m.put("segname", s.segName());
            m.put("vmaddr", Unsigned.hex(s.vmaddr()));
            m.put("vmsize", Unsigned.hex(s.vmsize()));
            m.put("fileoff", s.fileoff());
            m.put("filesize", s.filesize());
            m.put("maxprot", hex8(s.maxprot()));
            m.put("initprot", hex8(s.initprot()));
            m.put("nsects", s.sections().size());
            m.put("flags", "0x" + Long.toHexString(s.flags()));
            List<Map<String, Object>> sects = new ArrayList<>();
            for (Section x : s.sections()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("sectname", x.sectName());
                sm.put("segname", x.segName());
                sm.put("addr", Unsigned.hex(x.addr()));
                sm.put("size", Unsigned.hex(x.size()));
                sm.put("offset", x.offset());
                sm.put("align", x.align());
                sm.put("reloff", x.reloff());
                sm.put("nreloc", x.nreloc());
                sm.put("flags", hex8((int) x.flags()));
                sects.add(sm);
            }
            m.put("sections", sects);
        } else if (c instanceof SymtabCommand s) {
            m.put("symoff", s.symoff());
            m.put("nsyms", s.nsyms());
            m.put("stroff", s.stroff());
            m.put("strsize", s.strsize());
        } else if (c instanceof DysymtabCommand d) {
            m.put("ilocalsym", d.ilocalsym());
            m.put("nlocalsym", d.nlocalsym());
            m.put("iextdefsym", d.iextdefsym());
            m.put("nextdefsym", d.nextdefsym());
            m.put("iundefsym", d.iundefsym());
            m.put("nundefsym", d.nundefsym());
            m.put("indirectsymoff", d.indirectsymoff());
            m.put("nindirectsyms", d.nindirectsyms());
            m.put("extreloff", d.extreloff());
            m.put("nextrel", d.nextrel());
            m.put("locreloff", d.locreloff());
            m.put("nlocrel", d.nlocrel());
        } else if (c instanceof UuidCommand u) {
            m.put("uuid", u.text());
        } else if (c instanceof DyldInfoCommand d) {
            m.put("rebase_off", d.rebaseOff());
            m.put("rebase_size", d.rebaseSize());
            m.put("bind_off", d.bindOff());
            m.put("bind_size", d.bindSize());
            m.put("weak_bind_off", d.weakBindOff());
            m.put("weak_bind_size", d.weakBindSize());
            m.put("lazy_bind_off", d.lazyBindOff());
            m.put("lazy_bind_size", d.lazyBindSize());
            m.put("export_off", d.exportOff());
            m.put("export_size", d.exportSize());
        } else if (c instanceof ThreadCommand t) {
            List<Map<String, Object>> states = new ArrayList<>();
            for (ThreadState st : t.states()) {
                Map<String, Object> sm = new LinkedHashMap<>();
                sm.put("flavor", st.flavor());
                sm.put("count", st.count());
                Map<String, String> regs = new LinkedHashMap<>();
                st.registers().forEach((k, v) -> regs.put(k, Unsigned.hex(v)));
                sm.put("registers", regs);
                states.add(sm);
            }
            m.put("states", states);
        } else if (c instanceof EntryPointCommand e) {
            m.put("entryoff", e.entryOff());
            m.put("stacksize", e.stackSize());
        } else if (c instanceof NoteCommand n) {
            m.put("data_owner", n.dataOwner());
            m.put("note_offset", n.offset());
            m.put("size", n.size());
        } else if (c instanceof LinkeditDataCommand l) {
            m.put("dataoff", l.dataoff());
            m.put("datasize", l.datasize());
        } else if (c instanceof VersionMinCommand v) {
            m.put("version", VersionMinCommand.format(v.version()));
            m.put("sdk", VersionMinCommand.format(v.sdk()));
        } else if (c instanceof BuildVersionCommand b) {
            m.put("platform", BuildVersionCommand.platformName(b.platform()));
            m.put("minos", VersionMinCommand.format(b.minos()));
            m.put("sdk", VersionMinCommand.format(b.sdk()));
            m.put("ntools", b.tools().size());
            List<Map<String, Object>> tools = new ArrayList<>();
            for (var t : b.tools()) {
                tools.add(Map.of("tool", t.tool(), "version", VersionMinCommand.format(t.version())));
            }
            m.put("tools", tools);
        } else if (c instanceof SourceVersionCommand v) {
            m.put("version", v.text());
        } else if (c instanceof DylibCommand d) {
            m.put("name", d.name());
            m.put("time_stamp", d.timestamp());
            m.put("current_version", VersionMinCommand.format(d.currentVersion()));
            m.put("compatibility_version", VersionMinCommand.format(d.compatibilityVersion()));
        } else if (c instanceof PathCommand p) {
            m.put(c.cmd() == LoadCommandType.LC_RPATH ? "path" : "name", p.path());
        } else if (c instanceof FilesetEntryCommand f) {
            m.put("vmaddr", Unsigned.hex(f.vmaddr()));
            m.put("fileoff", f.fileoff());
            m.put("entry_id", f.entryId());
        } else if (c instanceof UnknownCommand u) {
            m.put("raw", HexFormat.of().formatHex(u.raw()));
        }
        return m;
    }

    private static String hex8(int v) {
        return String.format("0x%08x", v);
    }
}
