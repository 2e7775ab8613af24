package org.jpledger.reporting.consumer;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Parked records by topic position. */
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
        parked.recordKey = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        parked.recordValue = record.value();
        parked.reason = reason;
        parked.parkedAt = now;
        persist(parked);
        Log.warnf("Parked record %s-%d@%d (key %s): %s", parked.topic, parked.partition, parked.recordOffset,
                parked.recordKey, reason);
    }
}
