package org.jpledger.support.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/** Counts the bytes of a stream as they are read and fails with the given exception once a cap is passed. */
public final class CappedInputStream extends FilterInputStream {

    private final long cap;
    private final Supplier<? extends RuntimeException> tooLarge;
    private long read;

    public CappedInputStream(InputStream in, long cap, Supplier<? extends RuntimeException> tooLarge) {
        super(in);
        this.cap = cap;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) {
        read += n;
        if (read > cap) {
            throw tooLarge.get();
        }
    }
}
