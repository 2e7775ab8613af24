package org.jpledger.training.service;

import java.time.LocalDate;

/**
 * The command to set a unit's state.
 *
 * @param parentCode    the code of the parent unit; null for a root unit
 * @param timeZone      the unit's own time zone; null to take its parent's
 * @param effectiveDate from when a new name or parent holds; null to correct the latest period in place (a new unit then
 *                      stands from the beginning of time)
 */
public record UnitState(String name, String parentCode, String timeZone, LocalDate effectiveDate) {

    /** A state without a date: a correction of the latest period. */
    public UnitState(String name, String parentCode, String timeZone) {
        this(name, parentCode, timeZone, null);
    }
}
