package org.jpledger.training.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.jpledger.contracts.reference.TrainingMethod;
import org.jpledger.training.domain.Completion;

/**
 * What a verifier's decision vouches for: the fields that decide whether and how much a completion counts, and the
 * certificate number the evidence is checked against. An amendment that changes one of them sends a decided
 * completion back to SUBMITTED; title, provider, competencyType and deliveryMode do not change what counts.
 */
record CountedClaim(String nip, int kindId, TrainingMethod method, LocalDate startDate, LocalDate endDate, int year,
        BigDecimal jp, Integer days, boolean international, BigDecimal recognizedJp, String certificateNumber) {

    static CountedClaim of(Completion c) {
        return new CountedClaim(c.nip, c.kindId, c.method, c.startDate, c.endDate, c.year, c.jp, c.days,
                c.international, c.recognizedJp, c.certificateNumber);
    }

    /** Whether {@code other} claims the same, amounts compared by value (24 and 24.00 are one claim). */
    boolean sameAs(CountedClaim other) {
        return nip.equals(other.nip) && kindId == other.kindId && method == other.method
                && startDate.equals(other.startDate) && endDate.equals(other.endDate) && year == other.year
                && same(jp, other.jp) && Objects.equals(days, other.days) && international == other.international
                && same(recognizedJp, other.recognizedJp) && Objects.equals(certificateNumber, other.certificateNumber);
    }

    private static boolean same(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }
}
