package org.jpledger.training.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.jpledger.contracts.reference.TrainingKinds;
import org.junit.jupiter.api.Test;

class JpRecognitionTest {

    private static final int TECHNICAL_TRAINING = 3;

    @Test
    void countsStatedJpAsStated() {
        assertThat(JpRecognition.recognize(TECHNICAL_TRAINING, new BigDecimal("24"), null, false))
                .hasValue(new BigDecimal("24.00"));
    }

    @Test
    void addsTwentyPercentForInternationalTraining() {
        assertThat(JpRecognition.recognize(TECHNICAL_TRAINING, new BigDecimal("30"), null, true))
                .hasValue(new BigDecimal("36.00"));
    }

    @Test
    void countsASeminarDayAsFourJpOrSixInternational() {
        assertThat(JpRecognition.recognize(TrainingKinds.SEMINAR, null, 1, false)).hasValue(new BigDecimal("4.00"));
        assertThat(JpRecognition.recognize(TrainingKinds.SEMINAR, null, 2, true)).hasValue(new BigDecimal("12.00"));
    }

    @Test
    void countsAWorkshopDayAsFiveJpOrSevenInternational() {
        assertThat(JpRecognition.recognize(TrainingKinds.WORKSHOP, null, 2, false)).hasValue(new BigDecimal("10.00"));
        assertThat(JpRecognition.recognize(TrainingKinds.WORKSHOP, null, 1, true)).hasValue(new BigDecimal("7.00"));
    }

    @Test
    void prefersStatedJpOverDays() {
        assertThat(JpRecognition.recognize(TrainingKinds.WORKSHOP, new BigDecimal("8"), 3, false))
                .hasValue(new BigDecimal("8.00"));
    }

    @Test
    void recognisesNothingWithoutJpForAKindNotCountedByDays() {
        assertThat(JpRecognition.recognize(TECHNICAL_TRAINING, null, 3, false)).isEmpty();
        assertThat(JpRecognition.recognize(TrainingKinds.SEMINAR, null, null, false)).isEmpty();
    }
}
