package org.jpledger.training.service.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.InputStream;
import java.util.UUID;
import org.jpledger.training.domain.ImportJobRepository;

/** A job's stored file read back chunk by chunk, each chunk in a short transaction of its own. */
final class StoredFile extends InputStream {

    private final ImportJobRepository jobs;
    private final UUID job;
    private byte[] chunk = new byte[0];
    private int position;
    private int next;
    private boolean ended;

    StoredFile(ImportJobRepository jobs, UUID job) {
        this.jobs = jobs;
        this.job = job;
    }

    @Override
    public int read() {
        if (!fill()) {
            return -1;
        }
        return chunk[position++] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        if (length == 0) {
            return 0;
        }
        if (!fill()) {
            return -1;
        }
        int n = Math.min(length, chunk.length - position);
        System.arraycopy(chunk, position, buffer, offset, n);
        position += n;
        return n;
    }

    /** Loads the next chunk when this one is read; false at the end of the file. */
    private boolean fill() {
        while (!ended && position == chunk.length) {
            int seq = next++;
            byte[] read = QuarkusTransaction.requiringNew().call(() -> jobs.chunk(job, seq).orElse(null));
            if (read == null) {
                ended = true;
            } else {
                chunk = read;
                position = 0;
            }
        }
        return position < chunk.length;
    }
}
