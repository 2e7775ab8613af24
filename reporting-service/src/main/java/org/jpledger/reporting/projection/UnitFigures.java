package org.jpledger.reporting.projection;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Compliance figures of a group of employees (a unit's subtree, or the whole organisation) in one year. The exempt
 * (see {@link Tallies}) are not in the headcount, and their JP not in the total.
 *
 * @param jpAboveCap the counted employees' JP above their caps ({@link Tallies#aboveCap()} employees), at the smallest
 *                   scale that keeps its value: sums over rows of different scales (live or precomputed) then agree
 * @param pendingJp  the counted employees' JP waiting for verification (not counted under the year's counting
 *                   policy, not rejected), canonical like {@code jpAboveCap}
 * @param flaggedJp  the counted employees' JP flagged as possible duplicates (not rejected), canonical too
 */
public record UnitFigures(long headcount, long compliant, long onTrack, long atRisk, long notMet, BigDecimal totalJp,
        Tallies tallies, BigDecimal jpAboveCap, BigDecimal pendingJp, BigDecimal flaggedJp) {

    public static final UnitFigures NONE = new UnitFigures(0, 0, 0, 0, 0, BigDecimal.ZERO, Tallies.NONE,
            BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO);

    public UnitFigures {
        jpAboveCap = canonical(jpAboveCap);
        pendingJp = canonical(pendingJp);
        flaggedJp = canonical(flaggedJp);
    }

    /** {@code value} at the smallest non-negative scale that keeps it (6.00 is 6, 0.50 is 0.5). */
    public static BigDecimal canonical(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    public UnitFigures plus(UnitFigures other) {
        return new UnitFigures(headcount + other.headcount, compliant + other.compliant, onTrack + other.onTrack,
                atRisk + other.atRisk, notMet + other.notMet, totalJp.add(other.totalJp), tallies.plus(other.tallies),
                jpAboveCap.add(other.jpAboveCap), pendingJp.add(other.pendingJp), flaggedJp.add(other.flaggedJp));
    }

    /** Share of the headcount that is compliant, 0 to 1 with 4 decimals; 0 without headcount. */
    public BigDecimal complianceRate() {
        return headcount == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(compliant).divide(BigDecimal.valueOf(headcount), 4, RoundingMode.HALF_UP);
    }

    /** Mean JP per counted employee, 2 decimals; 0 without headcount. */
    public BigDecimal averageJp() {
        return headcount == 0 ? BigDecimal.ZERO
                : totalJp.divide(BigDecimal.valueOf(headcount), 2, RoundingMode.HALF_UP);
    }
}
