package io.journald4j.testing;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One item a {@link JournalDatagramReceiver} received: either the payload of a datagram, or the
 * content of a file whose descriptor was passed with SCM_RIGHTS (journald's route for entries too
 * large for a datagram). Immutable.
 */
public final class ReceivedDatagram {

    private final byte[] payload;
    private final boolean viaDescriptor;

    /** Copies {@code payload}. */
    public ReceivedDatagram(byte[] payload, boolean viaDescriptor) {
        this.payload = payload.clone();
        this.viaDescriptor = viaDescriptor;
    }

    /** The bytes received: the datagram payload, or the whole content of the passed file. A copy. */
    public byte[] payload() {
        return payload.clone();
    }

    /** The payload decoded as UTF-8 (malformed input replaced), for readable assertions. */
    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    /** True if the bytes came from a passed file descriptor rather than a datagram payload. */
    public boolean viaDescriptor() {
        return viaDescriptor;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ReceivedDatagram
                && viaDescriptor == ((ReceivedDatagram) other).viaDescriptor
                && Arrays.equals(payload, ((ReceivedDatagram) other).payload);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(payload) + Boolean.hashCode(viaDescriptor);
    }

    /** Size, origin and an escaped preview of the first 200 bytes. */
    @Override
    public String toString() {
        StringBuilder preview = new StringBuilder();
        int shown = Math.min(payload.length, 200);
        for (int i = 0; i < shown; i++) {
            int b = payload[i] & 0xff;
            if (b == '\n') {
                preview.append("\\n");
            } else if (b == '\\') {
                preview.append("\\\\");
            } else if (b >= 0x20 && b < 0x7f) {
                preview.append((char) b);
            } else {
                preview.append("\\x").append(Character.forDigit(b >> 4, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        }
        return "ReceivedDatagram[" + payload.length + " bytes" + (viaDescriptor ? " via descriptor" : "") + ": "
                + preview + (shown < payload.length ? "..." : "") + "]";
    }
}
