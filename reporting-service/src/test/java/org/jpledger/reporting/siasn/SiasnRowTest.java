package org.jpledger.reporting.siasn;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class SiasnRowTest {

    @Test
    void takesTheStatedJpOverTheRecognisedOne() {
        assertThat(SiasnRow.certificateJp(new BigDecimal("12"), null, true, new BigDecimal("9")))
                .isEqualByComparingTo("12");
        assertThat(SiasnRow.certificateJp(new BigDecimal("12"), null, false, new BigDecimal("9")))
                .isEqualByComparingTo("12");
    }

    @Test
    void takesTheDayRatedJpOfAKindCountedByDays() {
        assertThat(SiasnRow.certificateJp(null, 3, true, new BigDecimal("27"))).isEqualByComparingTo("27");
    }

    @Test
    void takesTheRecognisedJpOfARowStoredBeforeTheStatedJpWasKeptUnlessItWasInternational() {
        assertThat(SiasnRow.certificateJp(null, null, false, new BigDecimal("12"))).isEqualByComparingTo("12");
        assertThat(SiasnRow.certificateJp(null, null, true, new BigDecimal("9"))).isNull();
    }
}
