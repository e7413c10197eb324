/**
 * Address spaces: the memory of a kernel as a snapshot, a raw dump, the kernel file itself or a
 * live target saw it. {@link dev.hagfish.memory.AddressSpace} is the one interface every reader of
 * memory uses; an unmapped read raises a {@link dev.hagfish.memory.MemoryFaultException} that names
 * the address and the nearest mapped range.
 *
 * <ul>
 *   <li>Snapshots: {@link dev.hagfish.memory.CoreFile} (Mach-O cores, with their
 *       {@link dev.hagfish.memory.CoreNotes}), {@link dev.hagfish.memory.RawDump} (flat files at
 *       base addresses), both over {@link dev.hagfish.memory.SegmentSpace}; gzip and xz files are
 *       inflated once by {@link dev.hagfish.memory.CompressedInput}.
 *   <li>The kernel file: {@link dev.hagfish.memory.ImageSpace}, slid; under a snapshot through
 *       {@link dev.hagfish.memory.LayeredSpace}.
 *   <li>Slow targets: {@link dev.hagfish.memory.CachedSpace}.
 *   <li>Which kernel, and where: {@link dev.hagfish.memory.KernelMatcher} and
 *       {@link dev.hagfish.memory.SlideDetector}, from plain
 *       {@link dev.hagfish.memory.KernelFacts}.
 * </ul>
 */
package dev.hagfish.memory;
