package org.jpledger.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.contracts.reference.PositionLevel;
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

    @Test
    void takesTheTypeAndLevelInForceOnTheDaySoAPromotionLeavesEarlierYearsAlone() {
        List<PositionAssignment> promoted = List.of(
                new PositionAssignment(EmploymentType.PPPK, PositionLevel.PELAKSANA, LocalDate.of(2019, 3, 1)),
                new PositionAssignment(EmploymentType.PNS, PositionLevel.PENGAWAS, LocalDate.of(2026, 4, 1)));
        assertThat(EmploymentYears.positionOn(LocalDate.of(2025, 12, 31), promoted, EmploymentType.PNS,
                PositionLevel.PENGAWAS)).isEqualTo(promoted.get(0));
        assertThat(EmploymentYears.positionOn(LocalDate.of(2026, 12, 31), promoted, EmploymentType.PNS,
                PositionLevel.PENGAWAS)).isEqualTo(promoted.get(1));
        assertThat(EmploymentYears.positionOn(LocalDate.of(2010, 12, 31), promoted, EmploymentType.PNS,
                PositionLevel.PENGAWAS)).as("before the history starts: its first entry").isEqualTo(promoted.get(0));
    }

    @Test
    void usesTheCurrentTypeAndLevelWithoutAPositionHistory() {
        PositionAssignment current = EmploymentYears.positionOn(LocalDate.of(2020, 12, 31), null,
                EmploymentType.PPPK_PARUH_WAKTU, PositionLevel.PELAKSANA);
        assertThat(current.employmentType()).isEqualTo(EmploymentType.PPPK_PARUH_WAKTU);
        assertThat(current.positionLevel()).isEqualTo(PositionLevel.PELAKSANA);
    }

    @Test
    void clipsExemptionsToTheWindowAndCountsADayExemptTwiceOnce() {
        EmploymentYears.Window year = new EmploymentYears.Window(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        List<EmploymentYears.Window> exempt = EmploymentYears.exemptIn(year, List.of(
                exemption(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31)),
                exemption(LocalDate.of(2024, 11, 1), LocalDate.of(2025, 1, 10)),
                exemption(LocalDate.of(2025, 3, 20), LocalDate.of(2025, 4, 10)),
                exemption(LocalDate.of(2025, 4, 11), LocalDate.of(2025, 4, 15)),
                exemption(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 2, 1))));
        assertThat(exempt).containsExactly(
                new EmploymentYears.Window(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 10)),
                new EmploymentYears.Window(LocalDate.of(2025, 3, 1), LocalDate.of(2025, 4, 15)));
        assertThat(EmploymentYears.days(exempt)).isEqualTo(10 + 46);
    }

    @Test
    void runsAnOpenEndedExemptionToTheEndOfTheWindow() {
        EmploymentYears.Window served = new EmploymentYears.Window(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 8, 31));
        List<EmploymentYears.Window> exempt = EmploymentYears.exemptIn(served,
                List.of(exemption(LocalDate.of(2024, 9, 1), null)));
        assertThat(exempt).containsExactly(served);
        assertThat(EmploymentYears.days(exempt)).isEqualTo(served.days());
        assertThat(EmploymentYears.exemptIn(served, null)).isEmpty();
    }

    private static ExemptionPeriod exemption(LocalDate from, LocalDate until) {
        return new ExemptionPeriod(UUID.randomUUID(), ExemptionKind.TUGAS_BELAJAR, from, until, "800/1/BKD");
    }
}
