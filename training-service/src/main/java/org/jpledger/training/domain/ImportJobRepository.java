package org.jpledger.training.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Import jobs, the chunks of their stored files, and the lines of their error reports. */
@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    /** One line of a job's error report: a refused row's problem, one per field error. */
    public record ErrorLine(long row, int seq, String column, int status, String detail) {
    }

    public void storeChunk(UUID job, int seq, byte[] data) {
        getEntityManager().createNativeQuery("insert into import_job_chunk (job_id, seq, data) values (:job, :seq, :data)")
                .setParameter("job", job).setParameter("seq", seq).setParameter("data", data).executeUpdate();
    }

    /** The chunk {@code seq} (from 0) of a job's stored file; empty past its last chunk. */
    public Optional<byte[]> chunk(UUID job, int seq) {
        List<?> rows = getEntityManager().createNativeQuery("select data from import_job_chunk where job_id = :job "
                + "and seq = :seq").setParameter("job", job).setParameter("seq", seq).getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((byte[]) rows.get(0));
    }

    /**
     * Locks the oldest job waiting for a worker (queued, or running under a lease that ran out), skipping the jobs
     * other instances are locking; empty when there is none.
     */
    public Optional<ImportJob> lockNextWaiting(Instant now) {
        List<?> ids = getEntityManager().createNativeQuery("select id from import_job where state = 'QUEUED' or "
                + "(state = 'RUNNING' and lease_until < :now) order by submitted_at, id limit 1 for update skip locked",
                UUID.class).setParameter("now", now).getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(findById((UUID) ids.get(0)));
    }

    /** Locks a job while {@code owner} still holds its lease; empty once another worker took it over. */
    public Optional<ImportJob> lockLeased(UUID id, String owner) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).filter(job -> owner.equals(job.leaseOwner));
    }

    /** Locks a job for a state change. */
    public Optional<ImportJob> lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A page of jobs, newest first, submitted by {@code submitter} (null: anyone's), after the keyset position. */
    public List<ImportJob> page(String submitter, Instant afterSubmittedAt, UUID afterId, int limit) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (submitter != null) {
            where.append(" and submittedBy = :submitter");
            parameters.and("submitter", submitter);
        }
        if (afterSubmittedAt != null) {
            where.append(" and (submittedAt < :at or (submittedAt = :at and id < :id))");
            parameters.and("at", afterSubmittedAt).and("id", afterId);
        }
        return find(where + " order by submittedAt desc, id desc", parameters).page(0, limit).list();
    }

    public void addErrors(UUID job, List<ErrorLine> lines) {
        for (ErrorLine line : lines) {
            getEntityManager().createNativeQuery("insert into import_job_error (job_id, row_number, seq, column_name, "
                    + "status, detail) values (:job, :row, :seq, :column, :status, :detail)")
                    .setParameter("job", job).setParameter("row", line.row()).setParameter("seq", line.seq())
                    .setParameter("column", line.column()).setParameter("status", line.status())
                    .setParameter("detail", line.detail()).executeUpdate();
        }
    }

    /** Lines of a job's error report in row order, after ({@code row}, {@code seq}); at most {@code limit}. */
    public List<ErrorLine> errors(UUID job, long afterRow, int afterSeq, int limit) {
        List<?> rows = getEntityManager().createNativeQuery("select row_number, seq, column_name, status, detail "
                + "from import_job_error where job_id = :job and (row_number, seq) > (:row, :seq) "
                + "order by row_number, seq limit :limit")
                .setParameter("job", job).setParameter("row", afterRow).setParameter("seq", afterSeq)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(Object[].class::cast).map(r -> new ErrorLine(((Number) r[0]).longValue(),
                ((Number) r[1]).intValue(), (String) r[2], ((Number) r[3]).intValue(), (String) r[4])).toList();
    }

    /** Deletes the stored files of jobs that ended before {@code before}; their error reports stay. */
    public int deleteFilesEndedBefore(Instant before, Instant now) {
        getEntityManager().createNativeQuery("delete from import_job_chunk c using import_job j where j.id = c.job_id "
                + "and j.finished_at < :before").setParameter("before", before).executeUpdate();
        return getEntityManager().createNativeQuery("update import_job set file_deleted_at = :now where finished_at < "
                + ":before and file_deleted_at is null").setParameter("now", now).setParameter("before", before)
                .executeUpdate();
    }
}
