package org.jpledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.List;

/**
 * Payload of {@link EventTypes#UNIT_UPSERTED_V1}: the full state of a unit after a change.
 *
 * @param parentCode null for a root unit
 * @param version    starts at 1 and grows by one per change
 * @param timeZone   the unit's own time zone ({@code Asia/Jakarta}, {@code Asia/Makassar} or {@code Asia/Jayapura});
 *                   null when it takes its parent's (a root without one is in Asia/Jakarta), and in events written
 *                   before units had zones
 * @param history       the unit's name and parent over time, oldest first; {@code name} and {@code parentCode} are
 *                      those of the latest entry. Null in events written before units had histories (read as one
 *                      entry from the beginning of time)
 * @param dissolvedOn   the first day the unit no longer exists (a merger, a split, a dissolution); null while it does
 * @param successorCode the unit that takes over a dissolved unit's people and history (a merger or a rename to a new
 *                      code); null when none does or the unit is not dissolved
 * @param instansiId    the national HR system's (SIASN) id of the agency (instansi) this unit stands for, when known;
 *                      set on root units. Null otherwise and in events written before it was kept
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitUpserted(String code, String name, String parentCode, long version, String timeZone,
        List<UnitPeriod> history, LocalDate dissolvedOn, String successorCode, String instansiId) {

    /** An event as written before units carried the SIASN agency id. */
    public UnitUpserted(String code, String name, String parentCode, long version, String timeZone,
            List<UnitPeriod> history, LocalDate dissolvedOn, String successorCode) {
        this(code, name, parentCode, version, timeZone, history, dissolvedOn, successorCode, null);
    }

    /** An event as written before units had histories. */
    public UnitUpserted(String code, String name, String parentCode, long version, String timeZone) {
        this(code, name, parentCode, version, timeZone, null, null, null, null);
    }

    /** An event as written before units had time zones. */
    public UnitUpserted(String code, String name, String parentCode, long version) {
        this(code, name, parentCode, version, null);
    }
}
