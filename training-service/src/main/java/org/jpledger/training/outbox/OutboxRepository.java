package org.jpledger.training.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Outbox rows: appended by the use cases, read and marked by the relay. */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, Long> {

    // Guards the relay so that one instance at a time publishes, whatever the number of service replicas.
    private static final long RELAY_LOCK_KEY = 0x4A504C4544474552L;

    /**
     * Oldest unpublished rows first. Selecting by "not yet published" rather than "id above the last one seen" means a row
     * whose transaction commits late, behind a higher id, is still picked up on the next pass.
     */
    @SuppressWarnings("unchecked")
    public List<Unpublished> oldestUnpublished(int limit) {
        // Plain rows, not managed entities: the relay only reads them, and a pass moves hundreds.
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT id, topic, message_key, payload FROM "
                + "outbox_event WHERE published_at IS NULL ORDER BY id LIMIT ?1").setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new Unpublished(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (String) r[3])).toList();
    }

    /** An outbox row waiting for the relay. */
    public record Unpublished(long id, String topic, String messageKey, String payload) {
    }

    public long countUnpublished() {
        return count("publishedAt is null");
    }

    public void markPublished(List<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            // One array parameter rather than an IN list of hundreds of parameters.
            getEntityManager().createNativeQuery("UPDATE outbox_event SET published_at = ?1 WHERE id = ANY(?2)")
                    .setParameter(1, at).setParameter(2, ids.stream().mapToLong(Long::longValue).toArray())
                    .executeUpdate();
        }
    }

    /** Deletes up to {@code limit} rows published before {@code cutoff}; returns how many went. */
    public int deletePublishedBefore(Instant cutoff, int limit) {
        return getEntityManager().createNativeQuery("DELETE FROM outbox_event WHERE id IN (SELECT id FROM outbox_event "
                + "WHERE published_at < ?1 ORDER BY id LIMIT ?2)").setParameter(1, cutoff).setParameter(2, limit)
                .executeUpdate();
    }

    /** Unpublished rows and the creation time of the oldest, in one index scan. */
    public Backlog backlog() {
        Object[] row = (Object[]) getEntityManager().createNativeQuery(
                "SELECT count(*), min(created_at) FROM outbox_event WHERE published_at IS NULL").getSingleResult();
        return new Backlog(((Number) row[0]).longValue(), row[1] == null ? null : (Instant) row[1]);
    }

    /** The size of the backlog and the creation time of its oldest row (null when empty). */
    public record Backlog(long rows, Instant oldest) {
    }

    /** Takes the relay lock for the current transaction; false when another instance holds it. */
    public boolean tryRelayLock() {
        return (Boolean) getEntityManager().createNativeQuery("SELECT pg_try_advisory_xact_lock(?1)")
                .setParameter(1, RELAY_LOCK_KEY).getSingleResult();
    }
}
