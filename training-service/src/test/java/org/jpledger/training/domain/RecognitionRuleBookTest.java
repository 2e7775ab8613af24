package org.jpledger.training.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which rule version is in force on a training date. */
class RecognitionRuleBookTest {

    private static final RecognitionRules FIRST = new RecognitionRules(1, new BigDecimal("1.20"), Map.of());
    private static final RecognitionRules SECOND = new RecognitionRules(2, new BigDecimal("1.50"), Map.of());

    private static final RecognitionRuleBook BOOK = new RecognitionRuleBook(List.of(
            new RecognitionRuleBook.Period(LocalDate.of(1900, 1, 1), LocalDate.of(2025, 12, 31), FIRST),
            new RecognitionRuleBook.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30), SECOND)));

    @Test
    void answersTheVersionWhosePeriodHoldsTheDateBothEndsIncluded() {
        assertThat(BOOK.inForceOn(LocalDate.of(1900, 1, 1))).contains(FIRST);
        assertThat(BOOK.inForceOn(LocalDate.of(2025, 12, 31))).contains(FIRST);
        assertThat(BOOK.inForceOn(LocalDate.of(2026, 1, 1))).contains(SECOND);
        assertThat(BOOK.inForceOn(LocalDate.of(2026, 6, 30))).contains(SECOND);
    }

    @Test
    void answersNothingOutsideEveryPeriod() {
        assertThat(BOOK.inForceOn(LocalDate.of(1899, 12, 31))).isEmpty();
        assertThat(BOOK.inForceOn(LocalDate.of(2026, 7, 1))).isEmpty();
    }

    @Test
    void findsAVersionByNumber() {
        assertThat(BOOK.version(2)).contains(SECOND);
        assertThat(BOOK.version(3)).isEmpty();
    }

    @Test
    void keepsAnOpenEndedLastVersionInForceForever() {
        RecognitionRuleBook open = new RecognitionRuleBook(
                List.of(new RecognitionRuleBook.Period(LocalDate.of(1900, 1, 1), null, FIRST)));
        assertThat(open.inForceOn(LocalDate.of(9999, 12, 31))).contains(FIRST);
    }
}
