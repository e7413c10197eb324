/**
 * The persistent Lucene store of kernels: {@code KernelStore} builds it (through
 * {@code KernelIndexer}) and {@code SymbolSearch}, {@code TypeSearch} and {@code AddressLookup}
 * query it; {@code Fields} names every field. Lucene types do not leak out of this module.
 */
package dev.hagfish.index;
