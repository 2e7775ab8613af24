package org.jpledger.training.service.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.access.Access;
import org.jpledger.support.limits.Admission;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.paging.Cursor;
import org.jpledger.support.paging.PageParameters;
import org.jpledger.support.paging.PageSize;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.training.config.ImportJobConfig;
import org.jpledger.training.domain.ImportJob;
import org.jpledger.training.domain.ImportJobRepository;
import org.jpledger.training.service.Actor;
import org.jpledger.training.service.IngestWorkers;
import org.jpledger.training.service.Page;

/**
 * Import jobs for their submitters: a file is stored whole (bounded, with its SHA-256) before the job is queued, so
 * that nothing is lost when the service restarts; then the job is read, listed, cancelled and its error report
 * written. Recording is the {@link ImportJobWorker}'s. A job is its submitter's alone (an admin may see any).
 */
@ApplicationScoped
public class ImportJobService {

    /** Bytes of the stored file per chunk row. */
    static final int CHUNK_BYTES = 1024 * 1024;
    private static final String CURSOR = "import-jobs";
    private static final int ERROR_PAGE = 1000;

    private final IngestWorkers workers;
    private final ImportJobRepository jobs;
    private final ImportFormats formats;
    private final ImportJobConfig config;
    private final Caller caller;
    private final UnitAccess access;
    private final Clock clock;

    public ImportJobService(ImportJobRepository jobs, ImportFormats formats, ImportJobConfig config, Caller caller,
            UnitAccess access, Clock clock, IngestWorkers workers) {
        this.workers = workers;
        this.jobs = jobs;
        this.formats = formats;
        this.config = config;
        this.caller = caller;
        this.access = access;
        this.clock = clock;
    }

    /**
     * Stores the file of a new job and queues it. A file over the size limit is refused with 413 and nothing of it
     * is kept; so is a declared length over it, before anything is read.
     *
     * @param declaredLength the request's Content-Length, when it has one
     */
    public ImportJobView submit(InputStream body, String format, Long declaredLength) {
        Actor actor = Actor.of(caller, access);
        formats.named(format);
        long max = config.maxFileSize().asLongValue();
        if (declaredLength != null && declaredLength > max) {
            throw tooLarge(max);
        }
        // An upload holds a database connection while its body streams in: it takes a place among the bulk requests.
        try (Admission.Ticket admitted = workers.admit()) {
            return QuarkusTransaction.requiringNew().timeout((int) config.uploadTimeout().toSeconds()).call(() -> {
                ImportJob job = new ImportJob();
                job.id = UUID.randomUUID();
                job.state = ImportJob.State.QUEUED;
                job.format = format;
                job.sha256 = "";
                job.submittedBy = actor.subject();
                job.unitScope = actor.scope().toString();
                job.submittedAt = clock.instant();
                jobs.persist(job);
                jobs.flush();
                store(job, body, max);
                return ImportJobView.of(job);
            });
        }
    }

    private void store(ImportJob job, InputStream body, long max) {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[CHUNK_BYTES];
        long total = 0;
        int seq = 0;
        try {
            int n;
            while ((n = body.readNBytes(buffer, 0, CHUNK_BYTES)) > 0) {
                total += n;
                if (total > max) {
                    throw tooLarge(max);
                }
                sha.update(buffer, 0, n);
                jobs.storeChunk(job.id, seq++, Arrays.copyOf(buffer, n));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (total == 0) {
            throw InvalidRequestException.of("body", "is empty; send the file to import");
        }
        job.fileBytes = total;
        job.sha256 = HexFormat.of().formatHex(sha.digest());
    }

    /** One of the caller's jobs (any job for an admin); another's is answered like a missing one. */
    @Transactional
    public ImportJobView get(UUID id) {
        return ImportJobView.of(visible(id));
    }

    /** The caller's jobs, newest first. */
    @Transactional
    public Page<ImportJobView> list(PageParameters page) {
        int limit = page.limit(PageSize.LISTING);
        Instant afterAt = null;
        UUID afterId = null;
        if (page.cursor() != null && !page.cursor().isBlank()) {
            List<String> parts = Cursor.decode(page.cursor(), CURSOR, 2);
            try {
                afterAt = Instant.parse(parts.get(0));
                afterId = UUID.fromString(parts.get(1));
            } catch (RuntimeException e) {
                throw Cursor.refused();
            }
        }
        List<ImportJob> found = jobs.page(caller.subject(), afterAt, afterId, limit + 1);
        List<ImportJobView> items = found.stream().limit(limit).map(ImportJobView::of).toList();
        String next = null;
        if (found.size() > limit) {
            ImportJobView last = items.get(items.size() - 1);
            next = Cursor.encode(CURSOR, last.submittedAt().toString(), last.id().toString());
        }
        return new Page<>(items, next);
    }

    /**
     * Cancels a job: a queued one ends CANCELLED at once, a running one at its next batch boundary (the batches
     * committed stay recorded); an ended one is a conflict.
     */
    @Transactional
    public ImportJobView cancel(UUID id) {
        visible(id);
        ImportJob job = jobs.lock(id).orElseThrow();
        if (job.state.ended()) {
            throw new ConflictException("import job " + id + " has already ended " + job.state);
        }
        if (job.state == ImportJob.State.QUEUED) {
            job.end(ImportJob.State.CANCELLED, clock.instant());
        } else {
            job.cancelRequested = true;
        }
        return ImportJobView.of(job);
    }

    /** Checks the caller may see the job's error report; 404 otherwise. */
    @Transactional
    public void requireVisible(UUID id) {
        visible(id);
    }

    /**
     * Writes a job's error report as CSV ({@code row,column,status,detail}), in row order, reading it a page at a
     * time so that a report of any length streams.
     */
    public void writeErrors(UUID id, OutputStream out) throws IOException {
        Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write("row,column,status,detail\r\n");
        long afterRow = -1;
        int afterSeq = 0;
        while (true) {
            long row = afterRow;
            int seq = afterSeq;
            List<ImportJobRepository.ErrorLine> lines = QuarkusTransaction.requiringNew()
                    .call(() -> jobs.errors(id, row, seq, ERROR_PAGE));
            for (ImportJobRepository.ErrorLine line : lines) {
                writer.write(line.row() + "," + csv(line.column()) + "," + line.status() + "," + csv(line.detail())
                        + "\r\n");
            }
            if (lines.size() < ERROR_PAGE) {
                break;
            }
            afterRow = lines.get(lines.size() - 1).row();
            afterSeq = lines.get(lines.size() - 1).seq();
        }
        writer.flush();
    }

    private ImportJob visible(UUID id) {
        ImportJob job = jobs.findByIdOptional(id).orElse(null);
        if (job == null || !(job.submittedBy.equals(caller.subject()) || caller.hasRole(Access.ADMIN))) {
            throw new ResourceNotFoundException("No import job " + id + " of yours.");
        }
        return job;
    }

    /** A CSV cell: quoted when it holds a delimiter, quote or line break; a formula start is defused. */
    private static String csv(String value) {
        if (value == null) {
            return "";
        }
        String text = value;
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static PayloadTooLargeException tooLarge(long max) {
        return new PayloadTooLargeException("The file is larger than the import limit of " + max + " bytes; nothing "
                + "was stored. Split it into smaller files.");
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
