package org.jpledger.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.jpledger.contracts.events.UnitAssignment;
import org.junit.jupiter.api.Test;

class EmploymentYearsTest {

    private static final List<UnitAssignment> TRANSFERRED_IN_JUNE = List.of(
            new UnitAssignment("DINKES", LocalDate.of(2015, 1, 5)),
            new UnitAssignment("BAPPEDA", LocalDate.of(2026, 6, 1)));

    @Test
    void countsAWholeYearForSomeoneInServiceThroughIt() {
        assertThat(EmploymentYears.windowIn(2026, LocalDate.of(2010, 1, 1), null)).hasValue(
                new EmploymentYears.Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
        assertThat(EmploymentYears.windowIn(2026, LocalDate.of(2010, 1, 1), null).orElseThrow().days()).isEqualTo(365);
        assertThat(EmploymentYears.windowIn(2028, LocalDate.of(2010, 1, 1), null).orElseThrow().days()).isEqualTo(366);
    }

    @Test
    void cutsTheYearAtJoiningAndLeaving() {
        assertThat(EmploymentYears.windowIn(2026, LocalDate.of(2026, 7, 1), null)).hasValue(
                new EmploymentYears.Window(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 12, 31)));
        assertThat(EmploymentYears.windowIn(2026, LocalDate.of(2010, 1, 1), LocalDate.of(2026, 6, 30)).orElseThrow()
                .days()).isEqualTo(181);
    }

    @Test
    void countsOneDayOfServiceAsAYearServedAndNoneAsNot() {
        assertThat(EmploymentYears.windowIn(2026, LocalDate.of(2010, 1, 1), LocalDate.of(2026, 1, 1))).hasValue(
                new EmploymentYears.Window(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 1)));
        assertThat(EmploymentYears.windowIn(2026, LocalDate.of(2010, 1, 1), LocalDate.of(2025, 12, 31))).isEmpty();
        assertThat(EmploymentYears.windowIn(2026, LocalDate.of(2027, 1, 1), null)).isEmpty();
        assertThat(EmploymentYears.windowIn(2026, null, null)).isEmpty();
    }

    @Test
    void listsTheYearsInServiceFromTheFirstReportedYearThroughTheCurrentOne() {
        assertThat(EmploymentYears.yearsEmployed(LocalDate.of(2010, 1, 1), null, 2020, 2026))
                .containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
        assertThat(EmploymentYears.yearsEmployed(LocalDate.of(2023, 5, 1), LocalDate.of(2024, 2, 1), 2020, 2026))
                .containsExactly(2023, 2024);
        assertThat(EmploymentYears.yearsEmployed(LocalDate.of(2027, 1, 1), null, 2020, 2026)).isEmpty();
    }

    @Test
    void placesTheEmployeeInTheUnitOfTheDayByTheHistory() {
        assertThat(EmploymentYears.unitOn(LocalDate.of(2025, 12, 31), TRANSFERRED_IN_JUNE, "BAPPEDA")).isEqualTo("DINKES");
        assertThat(EmploymentYears.unitOn(LocalDate.of(2026, 5, 31), TRANSFERRED_IN_JUNE, "BAPPEDA")).isEqualTo("DINKES");
        assertThat(EmploymentYears.unitOn(LocalDate.of(2026, 6, 1), TRANSFERRED_IN_JUNE, "BAPPEDA")).isEqualTo("BAPPEDA");
        assertThat(EmploymentYears.unitOn(LocalDate.of(2010, 1, 1), TRANSFERRED_IN_JUNE, "BAPPEDA"))
                .as("before the history starts: its first unit").isEqualTo("DINKES");
    }

    @Test
    void usesTheCurrentUnitWithoutAHistory() {
        assertThat(EmploymentYears.unitOn(LocalDate.of(2020, 1, 1), List.of(), "BKD")).isEqualTo("BKD");
        assertThat(EmploymentYears.unitOn(LocalDate.of(2020, 1, 1), null, "BKD")).isEqualTo("BKD");
    }
}
