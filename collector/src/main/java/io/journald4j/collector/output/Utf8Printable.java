package io.journald4j.collector.output;

import java.nio.ByteBuffer;

/**
 * systemd's {@code utf8_is_printable_newline(..., allow_newline=true)} over raw bytes: whether
 * journalctl shows a value as a JSON string rather than as an array of bytes.
 *
 * <p>Valid UTF-8 only (no overlong forms, no surrogates, nothing past U+10FFFF), no noncharacters
 * (U+FDD0..U+FDEF, U+xxFFFE, U+xxFFFF), and no control characters other than tab and newline: C0,
 * DEL and C1 (U+0080..U+009F) all make a value binary.
 */
final class Utf8Printable {

    private Utf8Printable() {}

    static boolean check(ByteBuffer buf, int offset, int length) {
        return check(buf, offset, length, true);
    }

    /** As {@link #check(ByteBuffer, int, int)}, with newline allowed or not (the export format's text form excludes it). */
    static boolean check(ByteBuffer buf, int offset, int length, boolean allowNewline) {
        int end = offset + length;
        int i = offset;
        while (i < end) {
            int b = buf.get(i) & 0xFF;
            int codePoint;
            int extra;
            if (b < 0x80) {
                if ((b < 0x20 && b != '\t' && !(allowNewline && b == '\n')) || b == 0x7F) {
                    return false;
                }
                i++;
                continue;
            } else if (b >= 0xC2 && b <= 0xDF) {
                codePoint = b & 0x1F;
                extra = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                codePoint = b & 0x0F;
                extra = 2;
            } else if (b >= 0xF0 && b <= 0xF4) {
                codePoint = b & 0x07;
                extra = 3;
            } else {
                return false;
            }
            if (i + extra >= end) {
                return false;
            }
            for (int k = 1; k <= extra; k++) {
                int continuation = buf.get(i + k) & 0xFF;
                if ((continuation & 0xC0) != 0x80) {
                    return false;
                }
                codePoint = (codePoint << 6) | (continuation & 0x3F);
            }
            if (!isPrintable(codePoint, extra)) {
                return false;
            }
            i += extra + 1;
        }
        return true;
    }

    private static boolean isPrintable(int codePoint, int extra) {
        boolean overlong = (extra == 2 && codePoint < 0x800) || (extra == 3 && codePoint < 0x10000);
        boolean surrogate = codePoint >= 0xD800 && codePoint <= 0xDFFF;
        boolean nonCharacter = (codePoint >= 0xFDD0 && codePoint <= 0xFDEF) || (codePoint & 0xFFFE) == 0xFFFE;
        boolean c1Control = codePoint >= 0x80 && codePoint <= 0x9F;
        return !overlong && !surrogate && !nonCharacter && !c1Control && codePoint <= 0x10FFFF;
    }
}
