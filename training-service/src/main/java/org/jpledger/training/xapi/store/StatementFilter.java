package org.jpledger.training.xapi.store;

import java.time.Instant;
import java.util.UUID;

/**
 * What a statement list asks for; null fields do not filter. {@code since} and {@code until} bound the stored time
 * (since exclusive, until inclusive); {@code system} limits the list to one integrating system's statements.
 */
public record StatementFilter(String system, String agent, boolean relatedAgents, String verb, String activity,
        boolean relatedActivities, UUID registration, Instant since, Instant until, boolean ascending) {

    /** The same filter, limited to the statements {@code system} sent. */
    public StatementFilter withSystem(String system) {
        return new StatementFilter(system, agent, relatedAgents, verb, activity, relatedActivities, registration, since,
                until, ascending);
    }

    /** The same filter, up to {@code cap} at the latest. */
    public StatementFilter until(Instant cap) {
        Instant bound = until == null || cap.isBefore(until) ? cap : until;
        return new StatementFilter(system, agent, relatedAgents, verb, activity, relatedActivities, registration, since,
                bound, ascending);
    }

    /** A place in a list: the stored time and storing position of the statement a page ended with. */
    public record Position(Instant stored, long seq) {
    }
}
