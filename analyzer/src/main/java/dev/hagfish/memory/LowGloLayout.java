package dev.hagfish.memory;

import dev.hagfish.io.Unsigned;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A {@code LowGloLayout} says where a kernel's low-memory globals ({@code lowGlo}) are and which
 * of their fields hagfish reads. XNU maps the page at a fixed address whatever the slide (x86_64:
 * {@code LOWGLOBAL_ALIAS} = 0xffffff8000002000, {@code osfmk/i386/pmap.h}; arm64:
 * {@code LOW_GLOBAL_BASE_ADDRESS} + 0x4000 or + 0x2000, {@code osfmk/arm/pmap.c}), starting with
 * {@code lgVerCode} ("Catfish " on x86_64, "Kraken  " on arm64). {@code lgStext} holds the slid
 * start of the kernel's text and {@code lgVersion} the slid address of {@code version}.
 *
 * <p>The field offsets move between releases; {@link #withOffsets} replaces the defaults with
 * those of the kernel's own {@code lowglo} type, when its DWARF has one.
 *
 * @param addresses where the page may be, tried in order
 * @param magic the {@code lgVerCode} bytes, 8 ASCII characters
 * @param stextOffset the offset of {@code lgStext}
 * @param versionOffset the offset of {@code lgVersion}
 */
public record LowGloLayout(List<Long> addresses, String magic, long stextOffset, long versionOffset) {
    /** x86_64's {@code LOWGLOBAL_ALIAS}. */
    public static final long X86_64_ADDRESS = 0xffffff8000002000L;

    /** Creates the record; the list is copied. */
    public LowGloLayout {
        addresses = List.copyOf(addresses);
    }

    /**
     * Returns the layout of recent XNU for an architecture: x86_64 (lgStext +0x10, lgVersion
     * +0x30, {@code osfmk/x86_64/lowglobals.h}) or arm64 (lgStext +0x10, lgVersion +0x18,
     * {@code osfmk/arm64/lowglobals.h}); empty for others.
     */
    public static Optional<LowGloLayout> forArch(String arch) {
        if (arch.startsWith("x86_64")) {
            return Optional.of(new LowGloLayout(List.of(X86_64_ADDRESS), "Catfish ", 0x10, 0x30));
        }
        if (arch.startsWith("arm64")) {
            return Optional.of(new LowGloLayout(List.of(0xfffffff000004000L, 0xfffffff000002000L,
                    0xfffffe0000004000L, 0xfffffe0000002000L), "Kraken  ", 0x10, 0x18));
        }
        return Optional.empty();
    }

    /** Returns a copy with the field offsets of the kernel's own {@code lowglo} type. */
    public LowGloLayout withOffsets(long stext, long version) {
        return new LowGloLayout(addresses, magic, stext, version);
    }

    /**
     * Returns the unslid value {@code lgStext} takes in a kernel: the value the kernel file's own
     * {@code lowGlo} holds when it is set statically, else {@code textBase} (XNU sets it at boot:
     * {@code lowGlo.lgStext = segTEXTB}, or {@code vm_kernel_stext} on arm64).
     *
     * @param image the kernel file's segments at slide 0 ({@link ImageSpace#of})
     * @param lowGlo the unslid address of the {@code lowGlo} symbol, if the kernel has one
     * @param textBase the unslid address of {@code __TEXT}
     */
    public long unslidStext(AddressSpace image, Optional<Long> lowGlo, long textBase) {
        if (lowGlo.isPresent()) {
            try {
                long v = image.u64(lowGlo.get() + stextOffset);
                if (v != 0) {
                    return v;
                }
            } catch (IOException e) {
                // lowGlo lies outside the file's bytes: fall back to the text base.
            }
        }
        return textBase;
    }

    /** Returns {@code "Catfish " at 0xffffff8000002000}. */
    @Override
    public String toString() {
        return "\"" + magic + "\" at " + String.join(" or ", addresses.stream().map(Unsigned::hex).toList());
    }
}
