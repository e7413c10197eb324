/**
 * Address spaces: the memory of a kernel as a snapshot, a raw dump, the kernel file itself or a
 * live target saw it. {@link dev.hagfish.memory.AddressSpace} is the one interface every reader of
 * memory uses; an unmapped read raises a {@link dev.hagfish.memory.MemoryFaultException} that names
 * the address and the nearest mapped range.
 */
package dev.hagfish.memory;
