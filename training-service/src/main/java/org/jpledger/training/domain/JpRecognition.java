package org.jpledger.training.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;
import org.jpledger.contracts.reference.TrainingKinds;

/**
 * How many JP a completion counts for (Perlan 10/2018 annex): structured trainings at their stated JP, plus 20% when
 * international; a seminar or conference without stated JP counts 4 JP a day (6 international), a workshop 5 (7).
 */
public final class JpRecognition {

    private static final BigDecimal INTERNATIONAL_FACTOR = new BigDecimal("1.2");

    private JpRecognition() {
    }

    /** The recognised JP, or empty when neither JP nor (for a day-counted kind) days were given. */
    public static Optional<BigDecimal> recognize(int kindId, BigDecimal statedJp, Integer days, boolean international) {
        if (statedJp != null) {
            BigDecimal jp = international ? statedJp.multiply(INTERNATIONAL_FACTOR) : statedJp;
            return Optional.of(jp.setScale(2, RoundingMode.HALF_UP));
        }
        if (days == null || !countsByDays(kindId)) {
            return Optional.empty();
        }
        int perDay = kindId == TrainingKinds.SEMINAR ? (international ? 6 : 4) : (international ? 7 : 5);
        return Optional.of(BigDecimal.valueOf((long) perDay * days).setScale(2, RoundingMode.UNNECESSARY));
    }

    /** Whether a kind may state days instead of JP. */
    public static boolean countsByDays(int kindId) {
        return kindId == TrainingKinds.SEMINAR || kindId == TrainingKinds.WORKSHOP;
    }
}
