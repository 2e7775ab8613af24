package org.jpledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * One entry of an employee's effective-dated unit history: from {@code effectiveFrom} on, the employee works in
 * {@code unitCode}, until the next entry's date.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnitAssignment(String unitCode, LocalDate effectiveFrom) {
}
