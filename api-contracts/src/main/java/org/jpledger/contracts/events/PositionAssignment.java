package org.jpledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.PositionLevel;

/**
 * One entry of an employee's effective-dated position history: from {@code effectiveFrom} on, the employee has this
 * employment type and position level, until the next entry's date (a promotion, a move to a functional position, an
 * appointment as PNS after PPPK).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PositionAssignment(EmploymentType employmentType, PositionLevel positionLevel, LocalDate effectiveFrom) {
}
