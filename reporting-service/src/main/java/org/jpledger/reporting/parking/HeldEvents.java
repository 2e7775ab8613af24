package org.jpledger.reporting.parking;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * Completion events whose employee has not arrived: held (their facts are stored and will count) until the employee
 * does, and parked with a reason if the employee never comes.
 */
@ApplicationScoped
public class HeldEvents {

    private final EntityManager entityManager;

    public HeldEvents(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Notes that {@code record} waits for employee {@code nip}; a record read again is noted once. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(ConsumerRecord<byte[], byte[]> record, String nip, Instant now) {
        entityManager.createNativeQuery("INSERT INTO held_event (topic, partition, record_offset, nip, record_key, "
                        + "record_value, held_since) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING")
                .setParameter(1, record.topic()).setParameter(2, record.partition()).setParameter(3, record.offset())
                .setParameter(4, nip)
                .setParameter(5, StorableText.key(record.key()))
                .setParameter(6, record.value()).setParameter(7, now)
                .setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }

    /** The employee has arrived: what waited for them counts now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void release(String nip) {
        entityManager.createNativeQuery("DELETE FROM held_event WHERE nip = ?1").setParameter(1, nip)
                .setFlushMode(FlushModeType.COMMIT).executeUpdate();
    }

    /** Moves the records held since before {@code cutoff} to the parked events; returns how many. */
    @Transactional
    public int parkHeldSince(Instant cutoff, Instant now) {
        int parked = entityManager.createNativeQuery("""
                WITH expired AS (
                    DELETE FROM held_event WHERE held_since < ?1 RETURNING *
                )
                INSERT INTO parked_event (topic, partition, record_offset, record_key, record_value, reason, parked_at)
                SELECT topic, partition, record_offset, record_key, record_value,
                       'the completion''s employee ' || nip || ' never arrived (held since ' || held_since || ')', ?2
                FROM expired
                ON CONFLICT (topic, partition, record_offset) DO NOTHING""")
                .setParameter(1, cutoff).setParameter(2, now).executeUpdate();
        if (parked > 0) {
            Log.warnf("Parked %d completion events whose employee never arrived", parked);
        }
        return parked;
    }
}
