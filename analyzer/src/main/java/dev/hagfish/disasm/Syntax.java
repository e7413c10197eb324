package dev.hagfish.disasm;

/**
 * A {@code Syntax} is the x86 assembly flavour: Intel ({@code mov rax, qword ptr [rbp - 0x8]}, the
 * default, as the classic gdb workflow sets it) or AT&amp;T ({@code movq -0x8(%rbp), %rax}, the
 * GNU and LLVM tools' default). arm64 has one syntax and ignores this.
 */
public enum Syntax {
    /** Intel: destination first, {@code qword ptr [base + index*scale + disp]}. */
    INTEL,
    /** AT&amp;T: source first, size suffixes, {@code disp(base,index,scale)}. */
    ATT
}
