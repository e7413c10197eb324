/**
 * Typed values in a kernel's memory, and the C expressions that name them: {@link
 * dev.hagfish.values.Expr} parses and evaluates an expression against a {@link
 * dev.hagfish.values.Scope} (the kernel's types and globals, an address space and the slide),
 * {@link dev.hagfish.values.Value} is a typed view at an address (or a computed value), and
 * {@link dev.hagfish.values.ValueFormatter} prints one as gdb's {@code print} does, or as a tree
 * ({@link dev.hagfish.values.ValueNode}). {@link dev.hagfish.values.Examiner} is gdb's {@code x}.
 */
package dev.hagfish.values;
