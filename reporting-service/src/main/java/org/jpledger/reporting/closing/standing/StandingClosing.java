package org.jpledger.reporting.closing.standing;

import java.time.Instant;
import java.util.Map;

/**
 * A closing of a year not reopened: whose figures it holds (the whole organisation when {@code unitCode} is null) and
 * the consumer offsets it was taken at ({"topic-partition": next offset}).
 */
public record StandingClosing(long id, int year, String unitCode, int version, String note, Instant closedAt,
        String closedBy, Map<String, Long> offsets) {

    /** Whether the closing covers the whole organisation (else a unit subtree). */
    public boolean whole() {
        return unitCode == null;
    }

    /**
     * Whether an event at {@code offset} of the partition came after the closing read its offsets: a partition the
     * closing had not read yet counts from its start.
     */
    public boolean after(String topicPartition, long offset) {
        return offset >= offsets.getOrDefault(topicPartition, 0L);
    }
}
