package org.jpledger.reporting.projection;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The sums of one employee's active completions in one year that are not rejected, in total and broken down by
 * competency type, method and delivery mode; and the JP of the VERIFIED, of the AUTO_VERIFIED and of those flagged
 * POSSIBLE_DUPLICATE among them.
 */
public record YearSums(int year, int completionCount, BigDecimal totalJp, BigDecimal jpTeknis, BigDecimal jpManajerial,
        BigDecimal jpSosialKultural, BigDecimal jpKlasikal, BigDecimal jpNonklasikal, BigDecimal jpLuring,
        BigDecimal jpDaring, BigDecimal jpBlended, LocalDate lastCompletionDate, BigDecimal verifiedJp,
        BigDecimal trustedJp, BigDecimal flaggedJp) {

    /** A year without active completions. */
    public static YearSums none(int year) {
        return new YearSums(year, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, BigDecimal.ZERO,
                BigDecimal.ZERO, BigDecimal.ZERO);
    }
}
