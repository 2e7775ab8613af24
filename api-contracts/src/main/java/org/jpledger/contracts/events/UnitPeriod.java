package org.jpledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * One entry of a unit's effective-dated history: from {@code effectiveFrom} on, the unit has this name and sits under
 * {@code parentCode} (null: a root), until the next entry's date. A reorganisation of the SOTK (a new parent, a new
 * name) is a new entry, so past years keep the tree as it stood then.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitPeriod(LocalDate effectiveFrom, String name, String parentCode) {
}
