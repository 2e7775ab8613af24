package org.jpledger.training.service;

import java.util.List;
import org.jpledger.contracts.events.UnitPeriod;

/**
 * The command to replace a unit's history (name and parent over time) wholesale.
 *
 * @param reason why, for the audit log
 */
public record UnitHistoryCorrection(List<UnitPeriod> history, String reason) {

    /** The most periods a history may have. */
    public static final int MAX_ENTRIES = HistoryCorrection.MAX_ENTRIES;
    /** The longest reason, in characters. */
    public static final int MAX_REASON = HistoryCorrection.MAX_REASON;
}
