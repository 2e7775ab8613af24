package org.jpledger.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;

/**
 * A PostgreSQL advisory lock that keeps the retry of parked events apart from the consumer's batches. The projector
 * reads a row's version and writes the row without locking it, which is safe while one consumer owns each aggregate's
 * partition; a retry from the admin API is a second writer, and without this lock it could read a version just before a
 * batch commits a newer one, then overwrite it. Batches share the lock, so instances of the consumer group never wait
 * for each other; a retry takes it alone, so it waits for the batches in flight and holds new ones back until it commits.
 */
@ApplicationScoped
public class ProjectionLock {

    /** The advisory lock key; any other user of advisory locks in the "reporting" database must keep clear of it. */
    public static final long KEY = 0x4A504C_50524F4AL; // "JPL" "PROJ"

    private final EntityManager entityManager;

    public ProjectionLock(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Taken by each consumer batch; held until its transaction ends. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shareWithOtherBatches() {
        lock("pg_advisory_xact_lock_shared");
    }

    /** Taken by a retry of parked events; held until its transaction ends. Taking it again in the same transaction is free. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void takeAlone() {
        lock("pg_advisory_xact_lock");
    }

    /**
     * Taken alone by a refresh of the unit figures, waiting at most {@code wait} (for the batches in flight): while it
     * waits, new batches queue behind it, so it cannot starve; if the wait runs out, the statement fails and the caller's
     * transaction must roll back (the refresh is then tried again later). Held until the transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void takeAloneWithin(Duration wait) {
        String configured = (String) entityManager.createNativeQuery("SELECT current_setting('lock_timeout')")
                .getSingleResult();
        entityManager.createNativeQuery("SELECT set_config('lock_timeout', :wait, true)")
                .setParameter("wait", wait.toMillis() + "ms").getSingleResult();
        takeAlone();
        // The limit is for this lock alone: the work done under it runs with the server's own setting.
        entityManager.createNativeQuery("SELECT set_config('lock_timeout', :configured, true)")
                .setParameter("configured", configured).getSingleResult();
    }

    private void lock(String function) {
        // The functions return void, which Hibernate cannot read: count the one row instead.
        entityManager.createNativeQuery("SELECT count(*) FROM (SELECT " + function + "(:key)) AS locked")
                .setParameter("key", KEY)
                .getSingleResult();
    }
}
