package org.jpledger.reporting.parking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A record the consumer could not apply, kept as received so the stream can move on and a person can judge it. */
@Entity
@Table(name = "parked_event")
public class ParkedEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public String topic;

    @Column(nullable = false)
    public int partition;

    @Column(name = "record_offset", nullable = false)
    public long recordOffset;

    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "record_value")
    public byte[] recordValue;

    @Column(nullable = false)
    public String reason;

    @Column(name = "parked_at", nullable = false)
    public Instant parkedAt;

    /** Retries from the admin API that left the record parked. */
    @Column(name = "retry_count", nullable = false)
    public int retryCount;

    @Column(name = "last_retry_at")
    public Instant lastRetryAt;
}
