package org.jpledger.reporting.projection;

import java.math.BigDecimal;
import java.util.List;

/**
 * Where the recognized JP of a group of employees in service in a year came from, and how many of them fall in each
 * band of {@link org.jpledger.contracts.reference.JpBands}.
 *
 * @param bandCounts employees per band, in the order of the bands' edges
 */
public record JpBreakdown(long headcount, long withoutJp, BigDecimal jpKlasikal, BigDecimal jpNonklasikal,
        BigDecimal jpTeknis, BigDecimal jpManajerial, BigDecimal jpSosialKultural, BigDecimal jpLuring,
        BigDecimal jpDaring, BigDecimal jpBlended, List<Long> bandCounts) {
}
