package dev.hagfish.disasm;

import dev.hagfish.memory.AddressSpace;
import dev.hagfish.memory.MemoryFaultException;
import java.io.IOException;
import java.util.Optional;

/**
 * A {@code Window} is the bytes read at an address for decoding: all that was asked for, or the
 * readable prefix and the fault at the first unmapped byte.
 *
 * @param bytes the buffer; the first {@code length} bytes are valid
 * @param length the number of bytes read
 * @param fault the fault that cut the read short, if one did
 */
record Window(byte[] bytes, int length, Optional<MemoryFaultException> fault) {

    /** Reads {@code len} bytes at {@code address}, or as many as are mapped before a gap. */
    static Window read(AddressSpace space, long address, int len) throws IOException {
        byte[] buf = new byte[len];
        try {
            space.read(address, buf, 0, len);
            return new Window(buf, len, Optional.empty());
        } catch (MemoryFaultException e) {
            int readable = Math.max(0, Math.min(e.readable(), len));
            if (readable > 0) {
                space.read(address, buf, 0, readable);
            }
            return new Window(buf, readable, Optional.of(e));
        }
    }
}
