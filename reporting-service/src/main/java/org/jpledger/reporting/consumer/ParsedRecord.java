package org.jpledger.reporting.consumer;

import java.time.Instant;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.reporting.parking.StorableText;

/** What one Kafka record turned out to be: an event with a typed payload, or the reason it cannot be applied. */
public sealed interface ParsedRecord {

    /** A readable event of a known type; {@code data} is its payload record. */
    record Event(CloudEvent<?> envelope) implements ParsedRecord {

        public Object payload() {
            return envelope.data();
        }
    }

    /**
     * A record that must be parked rather than applied.
     *
     * @param reason why, with any NUL character of the record it quotes escaped, so that it can be stored
     * @param time   the envelope's CloudEvents {@code time} when the envelope itself could be read, else null
     */
    record Rejected(String reason, Instant time) implements ParsedRecord {

        public Rejected {
            reason = StorableText.of(reason);
        }

        /** A record whose envelope could not be read, so its time is unknown. */
        public Rejected(String reason) {
            this(reason, null);
        }
    }
}
