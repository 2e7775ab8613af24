package org.jpledger.training.service;

import java.time.LocalDate;
import org.jpledger.contracts.reference.ExemptionKind;

/**
 * The command to record an exemption period of an employee, both days included.
 *
 * @param until     null while open-ended
 * @param reference the number of the decision (SK) that grants it
 */
public record NewExemption(ExemptionKind kind, LocalDate from, LocalDate until, String reference) {
}
