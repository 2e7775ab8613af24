package org.jpledger.training.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.jpledger.contracts.reference.TrainingKinds;
import org.junit.jupiter.api.Test;

class RecognitionRulesTest {

    private static final int TECHNICAL_TRAINING = 3;
    /** The defaults seeded from Perlan 10/2018. */
    private static final RecognitionRules PERLAN = new RecognitionRules(1, new BigDecimal("1.20"), Map.of(
            TrainingKinds.SEMINAR, new RecognitionRules.DayRate(new BigDecimal("4"), new BigDecimal("6")),
            TrainingKinds.WORKSHOP, new RecognitionRules.DayRate(new BigDecimal("5"), new BigDecimal("7"))));

    @Test
    void countsClaimedJpAsClaimed() {
        assertThat(PERLAN.recognize(TECHNICAL_TRAINING, new BigDecimal("24"), null, false)).hasValue(new BigDecimal("24.00"));
    }

    @Test
    void addsTwentyPercentForInternationalTraining() {
        assertThat(PERLAN.recognize(TECHNICAL_TRAINING, new BigDecimal("30"), null, true)).hasValue(new BigDecimal("36.00"));
    }

    @Test
    void countsASeminarDayAsFourJpOrSixInternational() {
        assertThat(PERLAN.recognize(TrainingKinds.SEMINAR, null, 1, false)).hasValue(new BigDecimal("4.00"));
        assertThat(PERLAN.recognize(TrainingKinds.SEMINAR, null, 2, true)).hasValue(new BigDecimal("12.00"));
    }

    @Test
    void countsAWorkshopDayAsFiveJpOrSevenInternational() {
        assertThat(PERLAN.recognize(TrainingKinds.WORKSHOP, null, 2, false)).hasValue(new BigDecimal("10.00"));
        assertThat(PERLAN.recognize(TrainingKinds.WORKSHOP, null, 1, true)).hasValue(new BigDecimal("7.00"));
    }

    @Test
    void prefersClaimedJpOverDays() {
        assertThat(PERLAN.recognize(TrainingKinds.WORKSHOP, new BigDecimal("8"), 3, false)).hasValue(new BigDecimal("8.00"));
    }

    @Test
    void recognisesNothingWithoutJpForAKindNotCountedByDays() {
        assertThat(PERLAN.recognize(TECHNICAL_TRAINING, null, 3, false)).isEmpty();
        assertThat(PERLAN.recognize(TrainingKinds.SEMINAR, null, null, false)).isEmpty();
    }

    @Test
    void followsAReplacedTableForNewRecords() {
        RecognitionRules replaced = new RecognitionRules(2, new BigDecimal("1.50"), Map.of(
                TrainingKinds.SEMINAR, new RecognitionRules.DayRate(new BigDecimal("3"), new BigDecimal("5"))));

        assertThat(replaced.recognize(TrainingKinds.SEMINAR, null, 2, false)).hasValue(new BigDecimal("6.00"));
        assertThat(replaced.recognize(TECHNICAL_TRAINING, new BigDecimal("10"), null, true)).hasValue(new BigDecimal("15.00"));
        assertThat(replaced.countsByDays(TrainingKinds.WORKSHOP)).isFalse();
    }
}
