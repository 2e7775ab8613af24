package org.jpledger.reporting.projection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.events.UnitPeriod;

/**
 * One transaction's worth of events as the projector sees it: the employees and completion facts they name, read up
 * front in one query each, the unit histories and unit periods they replace, and the NIPs whose yearly rows must be
 * recomputed.
 */
public final class ProjectionBatch {

    /** By NIP; a NIP mapped to null is known not to be stored (yet). */
    final Map<String, Employee> employees = new HashMap<>();
    /** NIPs of the employees this batch wrote (their rows in {@link #employees} are its own). */
    final Set<String> written = new HashSet<>();
    /** By completion id; an id mapped to null is known not to be stored (yet). */
    final Map<UUID, CompletionFact> facts = new HashMap<>();
    /** The newest unit history of each employee this batch changed, written once before the rows are recomputed. */
    final Map<String, List<UnitAssignment>> histories = new LinkedHashMap<>();
    final Set<String> touched = new LinkedHashSet<>();
    /** The newest periods (names and parents over time) of each unit this batch changed, written once at its end. */
    final Map<String, List<UnitPeriod>> unitPeriods = new LinkedHashMap<>();

    ProjectionBatch() {
    }

    /** The stored fact of a completion the batch names, as applied so far; null when none is stored. */
    public CompletionFact fact(UUID completionId) {
        return facts.get(completionId);
    }
}
