package dev.hagfish.elf;

import dev.hagfish.io.ByteSource;
import dev.hagfish.io.FormatException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ElfNotes} reads the notes of {@code SHT_NOTE} sections and finds the GNU build ID, which
 * identifies a linked file and its separate debug file alike. The build ID is looked for in every
 * note section, not only {@code .note.gnu.build-id}: a Linux {@code vmlinux} keeps its notes in
 * one section named {@code .notes}.
 *
 * <p>Each note's header must fit in what remains of its section, and so must its name and
 * descriptor; the descriptor and the next note start at the section's alignment (8 when
 * {@code sh_addralign} is 8, as in {@code .note.gnu.property}, else 4); a violation throws a {@link FormatException} naming the note and its
 * file offset. Stateless; safe to use from any thread.
 */
public final class ElfNotes {
    private ElfNotes() {}

    /**
     * Returns the notes of one section, in order.
     *
     * @param file the file
     * @param section one of its {@code SHT_NOTE} sections
     * @throws FormatException if a note overruns the section
     */
    public static List<ElfNote> read(ElfFile file, ElfSection section) throws FormatException {
        List<ElfNote> out = new ArrayList<>();
        if (section.isNoBits()) {
            return out;
        }
        ByteSource src = file.source();
        long align = section.addralign() == 8 ? 8 : 4;
        long start = section.offset();
        long pos = start;
        long end = section.offset() + section.size();
        for (int i = 0; end - pos >= 12; i++) {
            long namesz = src.u32(pos);
            long descsz = src.u32(pos + 4);
            long type = src.u32(pos + 8);
            String what = "section " + section.index() + " (" + section.name() + ") note " + i;
            long name = pos + 12;
            if (namesz > end - name) {
                throw new FormatException(src.describe(), pos, what + ": n_namesz " + namesz
                        + " overruns the section (0x" + Long.toHexString(end - name) + " bytes left)");
            }
            long desc = start + pad(name + namesz - start, align); // padded from the section's (aligned) start
            if (desc > end || descsz > end - desc) {
                throw new FormatException(src.describe(), pos + 4, what + ": n_descsz " + descsz
                        + " overruns the section (0x" + Long.toHexString(Math.max(0, end - desc)) + " bytes left)");
            }
            int n = (int) namesz;
            while (n > 0 && src.u8(name + n - 1) == 0) {
                n--;
            }
            out.add(new ElfNote(new String(src.bytes(name, n), StandardCharsets.UTF_8), type, desc, descsz));
            pos = start + pad(desc + descsz - start, align);
        }
        return out;
    }

    /**
     * Returns the descriptor of the first {@code GNU} {@link ElfNote#NT_GNU_BUILD_ID} note of any
     * note section, if there is one.
     *
     * @throws FormatException if a note section is malformed, or the build ID is over 1 KiB
     */
    public static Optional<byte[]> buildId(ElfFile file) throws FormatException {
        for (ElfSection s : file.sections()) {
            if (s.type() != ElfSection.SHT_NOTE) {
                continue;
            }
            for (ElfNote n : read(file, s)) {
                if (n.name().equals("GNU") && n.type() == ElfNote.NT_GNU_BUILD_ID) {
                    if (n.descSize() > 1024) {
                        throw new FormatException(file.source().describe(), n.descOffset(), "section " + s.index()
                                + " (" + s.name() + "): a build ID of " + n.descSize() + " bytes is implausible");
                    }
                    return Optional.of(file.source().bytes(n.descOffset(), (int) n.descSize()));
                }
            }
        }
        return Optional.empty();
    }

    private static long pad(long n, long align) {
        return (n + align - 1) & -align;
    }
}
