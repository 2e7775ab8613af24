package org.jpledger.reporting.consumer;

import org.jpledger.contracts.events.CloudEvent;

/** What one Kafka record turned out to be: an event with a typed payload, or the reason it cannot be applied. */
public sealed interface ParsedRecord {

    /** A readable event of a known type; {@code data} is its payload record. */
    record Event(CloudEvent<?> envelope) implements ParsedRecord {

        public Object payload() {
            return envelope.data();
        }
    }

    /** A record that must be parked rather than applied. */
    record Rejected(String reason) implements ParsedRecord {
    }
}
