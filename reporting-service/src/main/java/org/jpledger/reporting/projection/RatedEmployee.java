package org.jpledger.reporting.projection;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One employee-year with the target and status the year's policy gives it today; {@code totalJp} are the JP the
 * policy's counting counts, {@code pendingJp} those waiting for verification to count, {@code flaggedJp} those flagged
 * as possible duplicates.
 */
public record RatedEmployee(String nip, String name, int year, String unitCode, String unitName,
        String employmentType, String positionLevel, LocalDate windowFrom, LocalDate windowUntil, BigDecimal totalJp,
        BigDecimal jpTeknis, BigDecimal jpManajerial, BigDecimal jpSosialKultural, BigDecimal jpKlasikal,
        BigDecimal jpNonklasikal, BigDecimal jpLuring, BigDecimal jpDaring, BigDecimal jpBlended, int completionCount,
        LocalDate lastCompletionDate, BigDecimal targetJp, BigDecimal expectedJpToDate, ComplianceStatus status,
        String policyUnitCode, long policyVersion, BigDecimal capJp, int exemptDays, String leavingReason,
        BigDecimal contractYearJp, BigDecimal jpAboveCap, BigDecimal pendingJp, BigDecimal flaggedJp) {
}
