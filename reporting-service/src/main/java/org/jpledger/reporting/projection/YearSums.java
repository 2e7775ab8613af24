package org.jpledger.reporting.projection;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Aggregate of one employee's completion facts in one year.
 *
 * @param totalJp            null when there is no completion
 * @param lastCompletionDate null when there is no completion or none has an end date
 */
public record YearSums(long completionCount, BigDecimal totalJp, LocalDate lastCompletionDate) {
}
