/**
 * The persistent Lucene store of kernels: building it ({@code build}) and querying it
 * ({@code query}); {@code schema} names every field. Lucene types do not leak out of this module.
 */
package dev.hagfish.index;
