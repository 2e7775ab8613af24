package org.jpledger.reporting.consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** The next offset to read from one partition; committed together with the effects of the records before it. */
@Entity
@Table(name = "consumer_offset")
@IdClass(ConsumerOffset.Key.class)
public class ConsumerOffset {

    @Id
    public String topic;

    @Id
    public int partition;

    @Column(name = "next_offset", nullable = false)
    public long nextOffset;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** CloudEvents time of the newest event handled from the partition; null while none with a known time was. */
    @Column(name = "last_event_time")
    public Instant lastEventTime;

    /** Primary key: one row per topic partition. */
    public record Key(String topic, int partition) implements Serializable {
    }
}
