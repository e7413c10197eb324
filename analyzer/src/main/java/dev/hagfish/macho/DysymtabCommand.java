package dev.hagfish.macho;

/**
 * A {@code DysymtabCommand} is an {@code LC_DYSYMTAB}: how the symbol table is partitioned into
 * local, external-defined and undefined symbols, and where the indirect symbols and relocations
 * are.
 *
 * @param cmd the command code
 * @param cmdsize the command size
 * @param fileOffset the file offset of the command
 * @param ilocalsym index of the first local symbol
 * @param nlocalsym number of local symbols
 * @param iextdefsym index of the first externally defined symbol
 * @param nextdefsym number of externally defined symbols
 * @param iundefsym index of the first undefined symbol
 * @param nundefsym number of undefined symbols
 * @param indirectsymoff file offset of the indirect symbol table
 * @param nindirectsyms number of indirect symbols
 * @param extreloff file offset of the external relocations
 * @param nextrel number of external relocations
 * @param locreloff file offset of the local relocations
 * @param nlocrel number of local relocations
 */
public record DysymtabCommand(int cmd, long cmdsize, long fileOffset, long ilocalsym, long nlocalsym,
        long iextdefsym, long nextdefsym, long iundefsym, long nundefsym, long indirectsymoff,
        long nindirectsyms, long extreloff, long nextrel, long locreloff, long nlocrel) implements LoadCommand {}
