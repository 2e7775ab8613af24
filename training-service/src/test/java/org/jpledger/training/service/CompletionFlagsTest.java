package org.jpledger.training.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jpledger.contracts.reference.CompletionFlag;
import org.junit.jupiter.api.Test;

/** CompletionFlags: JP per day of the span above the ceiling is flagged, at or below it is not. */
class CompletionFlagsTest {

    private static final BigDecimal TEN = BigDecimal.TEN;
    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);

    @Test
    void countsBothEndsOfTheSpan() {
        assertThat(CompletionFlags.span(MONDAY, MONDAY)).isEqualTo(1);
        assertThat(CompletionFlags.span(MONDAY, MONDAY.plusDays(4))).isEqualTo(5);
    }

    @Test
    void flagsMoreJpPerDayThanTheCeiling() {
        assertThat(CompletionFlags.of(new BigDecimal("10.01"), MONDAY, MONDAY, TEN))
                .containsExactly(CompletionFlag.IMPLAUSIBLE_JP_PER_DAY);
        assertThat(CompletionFlags.of(new BigDecimal("51"), MONDAY, MONDAY.plusDays(4), TEN))
                .containsExactly(CompletionFlag.IMPLAUSIBLE_JP_PER_DAY);
    }

    @Test
    void leavesTheCeilingItselfAndLessUnflagged() {
        assertThat(CompletionFlags.of(new BigDecimal("10"), MONDAY, MONDAY, TEN)).isEmpty();
        assertThat(CompletionFlags.of(new BigDecimal("50"), MONDAY, MONDAY.plusDays(4), TEN)).isEmpty();
    }

    @Test
    void leavesDaysRatedByTheRuleTableUnflagged() {
        assertThat(CompletionFlags.of(null, MONDAY, MONDAY, TEN)).isEmpty();
    }
}
