package org.jpledger.reporting.parking;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.logging.Log;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Parked records by topic position, and by id (the order they were parked in) for the admin API. */
@ApplicationScoped
public class ParkedEventRepository implements PanacheRepository<ParkedEvent> {

    /** Parks a record once: a record read again after a crash between the database commit and the next poll is not repeated. */
    public void park(ConsumerRecord<byte[], byte[]> record, String reason, Instant now) {
        if (count("topic = ?1 and partition = ?2 and recordOffset = ?3", record.topic(), record.partition(),
                record.offset()) > 0) {
            return;
        }
        ParkedEvent parked = new ParkedEvent();
        parked.topic = record.topic();
        parked.partition = record.partition();
        parked.recordOffset = record.offset();
        parked.recordKey = StorableText.key(record.key());
        parked.recordValue = record.value();
        parked.reason = reason;
        parked.parkedAt = now;
        persist(parked);
        Log.warnf("Parked record %s-%d@%d (key %s): %s", parked.topic, parked.partition, parked.recordOffset,
                parked.recordKey, reason);
    }

    /** Up to {@code limit} parked records, newest first, with ids below {@code beforeId} (all when null). */
    public List<ParkedEvent> newestFirst(Long beforeId, int limit) {
        Sort newestFirst = Sort.descending("id");
        var query = beforeId == null ? findAll(newestFirst) : find("id < ?1", newestFirst, beforeId);
        return query.page(Page.ofSize(limit)).list();
    }

    /** Up to {@code limit} ids above {@code afterId} and at most {@code upTo}, oldest first. */
    public List<Long> idsBetween(long afterId, long upTo, int limit) {
        return getEntityManager()
                .createQuery("select p.id from ParkedEvent p where p.id > :after and p.id <= :upTo order by p.id",
                        Long.class)
                .setParameter("after", afterId)
                .setParameter("upTo", upTo)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The id of the record parked last; empty when none is parked. */
    public Optional<Long> newestId() {
        return Optional.ofNullable(getEntityManager().createQuery("select max(p.id) from ParkedEvent p", Long.class)
                .getSingleResult());
    }
}
