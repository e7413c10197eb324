package dev.hagfish.disasm;

/**
 * A {@code RawInstruction} is what the decoding engine reports for one instruction, before
 * hagfish's alias rules and operand analysis: address, encoding, mnemonic and operand text.
 *
 * @param address the address of the first byte
 * @param bytes the encoding (owned by the record's creator; not copied)
 * @param mnemonic the mnemonic, with any prefix the engine folds into it ({@code rep stosb})
 * @param operands the operand text, empty when there are none
 */
record RawInstruction(long address, byte[] bytes, String mnemonic, String operands) {}
