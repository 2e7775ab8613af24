package org.jpledger.contracts.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;
import java.util.UUID;
import org.jpledger.contracts.reference.ExemptionKind;

/**
 * A period in which the employee is not judged (see {@link ExemptionKind}), both days included.
 *
 * @param until     null while open-ended (the employee has not returned yet)
 * @param reference the number of the decision (SK) that grants it
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ExemptionPeriod(UUID id, ExemptionKind kind, LocalDate from, LocalDate until, String reference) {
}
