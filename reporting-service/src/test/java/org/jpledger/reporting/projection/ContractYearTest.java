package org.jpledger.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** A calendar year judges the PPPK cap on the contract year that ends within it, counted from the TMT. */
class ContractYearTest {

    @Test
    void judgesTheContractYearEndingTheDayBeforeTheAnniversaryInTheYear() {
        assertThat(ContractYear.endingIn(LocalDate.of(2022, 3, 1), 2025))
                .isEqualTo(new ContractYear(LocalDate.of(2024, 3, 1), LocalDate.of(2025, 2, 28)));
    }

    @Test
    void judgesTheCalendarYearItselfForAContractStartingOnTheFirstOfJanuary() {
        assertThat(ContractYear.endingIn(LocalDate.of(2025, 1, 1), 2025))
                .isEqualTo(new ContractYear(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
        assertThat(ContractYear.endingIn(LocalDate.of(2023, 1, 1), 2025))
                .isEqualTo(new ContractYear(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31)));
    }

    @Test
    void judgesNoneInTheFirstPartialYearOfALaterStart() {
        assertThat(ContractYear.endingIn(LocalDate.of(2025, 3, 1), 2025)).isNull();
        assertThat(ContractYear.endingIn(LocalDate.of(2025, 3, 1), 2026))
                .isEqualTo(new ContractYear(LocalDate.of(2025, 3, 1), LocalDate.of(2026, 2, 28)));
    }

    @Test
    void endsTheContractYearOfALeapDayStartBeforeTheTwentyEighthOfFebruary() {
        assertThat(ContractYear.endingIn(LocalDate.of(2024, 2, 29), 2025))
                .isEqualTo(new ContractYear(LocalDate.of(2024, 2, 29), LocalDate.of(2025, 2, 27)));
    }
}
