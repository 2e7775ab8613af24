package org.jpledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Payload of {@link EventTypes#UNIT_UPSERTED_V1}: the full state of a unit after a change.
 *
 * @param parentCode null for a root unit
 * @param version    starts at 1 and grows by one per change
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitUpserted(String code, String name, String parentCode, long version) {
}
