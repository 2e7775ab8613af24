package org.jpledger.contracts.events;

/** CloudEvents {@code source} attributes of the ledger's event producers. */
public final class EventSources {

    /** Every event training-service's outbox relay publishes. */
    public static final String TRAINING_SERVICE = "/jpledger/training-service";

    private EventSources() {
    }
}
