package org.jpledger.training.service;

import java.util.List;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.events.UnitAssignment;

/**
 * The command to replace an employee's unit and position histories wholesale.
 *
 * @param reason why, for the audit log
 */
public record HistoryCorrection(List<UnitAssignment> unitHistory, List<PositionAssignment> positionHistory,
        String reason) {

    /** The most entries either history may have. */
    public static final int MAX_ENTRIES = 200;
    /** The longest reason, in characters. */
    public static final int MAX_REASON = 500;
}
