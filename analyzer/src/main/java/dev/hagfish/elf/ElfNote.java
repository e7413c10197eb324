package dev.hagfish.elf;

/**
 * An {@code ElfNote} is one entry of an {@code SHT_NOTE} section (System V gABI, "Note Section";
 * {@code Elf32_Nhdr}/{@code Elf64_Nhdr}, which have the same layout): its owner name, its type
 * and where its descriptor lies in the file.
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param name the owner's name without its NUL, e.g. {@code "GNU"}
 * @param type {@code n_type}, e.g. {@link #NT_GNU_BUILD_ID} for the {@code GNU} owner
 * @param descOffset the file offset of the descriptor
 * @param descSize {@code n_descsz}, in bytes
 */
public record ElfNote(String name, long type, long descOffset, long descSize) {
    /** {@code n_type} of the {@code GNU} owner: the build ID, a unique bit string (usually 20 bytes of SHA-1). */
    public static final long NT_GNU_BUILD_ID = 3;
}
