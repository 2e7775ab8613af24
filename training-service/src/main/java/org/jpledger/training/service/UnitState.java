package org.jpledger.training.service;

import java.time.LocalDate;

/**
 * The command to set a unit's state.
 *
 * @param parentCode    the code of the parent unit; null for a root unit
 * @param timeZone      the unit's own time zone; null to take its parent's
 * @param effectiveDate from when a new name or parent holds; null to correct the latest period in place (a new unit then
 *                      stands from the beginning of time)
 * @param instansiId    SIASN's id of the agency a root unit stands for; null when not known (a change to null clears
 *                      it)
 */
public record UnitState(String name, String parentCode, String timeZone, LocalDate effectiveDate, String instansiId) {

    /** A state without the SIASN agency id. */
    public UnitState(String name, String parentCode, String timeZone, LocalDate effectiveDate) {
        this(name, parentCode, timeZone, effectiveDate, null);
    }

    /** A state without a date: a correction of the latest period. */
    public UnitState(String name, String parentCode, String timeZone) {
        this(name, parentCode, timeZone, null);
    }
}
