package org.jpledger.support.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes a body through only as far as it is well-formed UTF-8 (Unicode table 3-7), checking each byte as it streams,
 * so nothing is buffered. Jackson's own decoder reads an overlong form (C0 AF as '/'), a surrogate encoded in UTF-8
 * or a code point beyond U+10FFFF as some character instead of refusing it, which would let such bytes be stored.
 */
final class StrictUtf8 extends FilterInputStream {

    private long position;
    /** Continuation bytes the current character still needs, and the range its next one must lie in. */
    private int pending;
    private int low = 0x80;
    private int high = 0xBF;
    private int lead;
    private NotUtf8Exception failure;

    StrictUtf8(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        if (failure != null) {
            throw failure;
        }
        int b = super.read();
        if (b < 0) {
            endOfInput();
        } else if (!accepts(b)) {
            throw failure;
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (failure != null) {
            throw failure;
        }
        int n = super.read(buffer, offset, length);
        if (n < 0) {
            endOfInput();
            return n;
        }
        for (int i = 0; i < n; i++) {
            if (!accepts(buffer[offset + i] & 0xFF)) {
                if (i == 0) {
                    throw failure;
                }
                // The well-formed bytes before the bad one go to the parser first, so that the failure surfaces while
                // the value holding the bad byte is read and the problem can name that field.
                return i;
            }
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // Skipped bytes must be checked too, or a character's state would be lost.
        byte[] buffer = new byte[(int) Math.min(n, 8192)];
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    /** Re-reading bytes after a reset would check them twice, against a state they have already moved on. */
    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int limit) {
        // not supported, see markSupported()
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void endOfInput() {
        if (pending > 0) {
            failure = new NotUtf8Exception("is not valid UTF-8: it ends inside a character that began at byte "
                    + (position - (lengthOf(lead) - pending) + 1) + " of the body");
            throw failure;
        }
    }

    /** Steps over one byte; false (with {@link #failure} set) when it cannot stand where it does. */
    private boolean accepts(int b) {
        String wrong = pending > 0 ? continuation(b) : leading(b);
        if (wrong != null) {
            failure = new NotUtf8Exception("is not valid UTF-8: " + wrong + " at byte " + (position + 1)
                    + " of the body");
            return false;
        }
        position++;
        return true;
    }

    private String leading(int b) {
        if (b < 0x80) {
            return null;
        }
        lead = b;
        if (b >= 0xC2 && b <= 0xDF) {
            pending = 1;
        } else if (b >= 0xE0 && b <= 0xEF) {
            pending = 2;
            low = b == 0xE0 ? 0xA0 : 0x80;
            high = b == 0xED ? 0x9F : 0xBF;
        } else if (b >= 0xF0 && b <= 0xF4) {
            pending = 3;
            low = b == 0xF0 ? 0x90 : 0x80;
            high = b == 0xF4 ? 0x8F : 0xBF;
        } else if (b == 0xC0 || b == 0xC1) {
            return "an overlong encoding";
        } else if (b < 0xC0) {
            return "a continuation byte with no character to continue";
        } else if (b <= 0xF7) {
            return "a code point beyond U+10FFFF";
        } else {
            return String.format("a byte UTF-8 never uses (0x%02X)", b);
        }
        return null;
    }

    private String continuation(int b) {
        if (b >= low && b <= high) {
            pending--;
            low = 0x80;
            high = 0xBF;
            return null;
        }
        if (b < 0x80 || b > 0xBF) {
            return "a character cut short";
        }
        // A continuation byte out of the lead's range: the lead decides what it would have encoded.
        if (lead == 0xED) {
            return "a UTF-16 surrogate encoded as UTF-8";
        }
        return lead == 0xF4 ? "a code point beyond U+10FFFF" : "an overlong encoding";
    }

    private static int lengthOf(int lead) {
        return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    }
}
