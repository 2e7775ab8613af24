package org.jpledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link EventTypes#UNIT_UPSERTED_V1}: the full state of a unit after a change.
 *
 * @param parentCode null for a root unit
 * @param version    starts at 1 and grows by one per change
 * @param timeZone   the unit's own time zone ({@code Asia/Jakarta}, {@code Asia/Makassar} or {@code Asia/Jayapura});
 *                   null when it takes its parent's (a root without one is in Asia/Jakarta), and in events written
 *                   before units had zones
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitUpserted(String code, String name, String parentCode, long version, String timeZone) {

    /** An event as written before units had time zones. */
    public UnitUpserted(String code, String name, String parentCode, long version) {
        this(code, name, parentCode, version, null);
    }
}
