package org.jpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jpledger.bench.ProvinceGenerator.Completion;
import org.jpledger.bench.ProvinceGenerator.Employee;
import org.jpledger.bench.ProvinceGenerator.Fate;
import org.jpledger.bench.ProvinceGenerator.Unit;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.ExemptionKind;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.TrainingKinds;
import org.junit.jupiter.api.Test;

class ProvinceGeneratorTest {

    private static final long SEED = 42;
    private static final int EMPLOYEES = 5_000;
    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 29);
    private static final ProvinceGenerator PROVINCE = new ProvinceGenerator(SEED, EMPLOYEES, LAST_DAY);
    private static final List<Completion> COMPLETIONS = generate(PROVINCE);

    private static List<Completion> generate(ProvinceGenerator province) {
        return StreamSupport.stream(province.completions().spliterator(), false).toList();
    }

    private static List<Completion> all(ProvinceGenerator province) {
        return province == PROVINCE ? COMPLETIONS : generate(province);
    }

    @Test
    void generatesTheSameProvinceForTheSameSeed() {
        ProvinceGenerator again = new ProvinceGenerator(SEED, EMPLOYEES, LAST_DAY);

        assertThat(again.units()).isEqualTo(PROVINCE.units());
        assertThat(again.employees()).isEqualTo(PROVINCE.employees());
        assertThat(all(again)).isEqualTo(all(PROVINCE));
    }

    @Test
    void generatesAnotherProvinceForAnotherSeed() {
        ProvinceGenerator other = new ProvinceGenerator(SEED + 1, EMPLOYEES, LAST_DAY);

        assertThat(other.employees().get(0).nip()).isNotEqualTo(PROVINCE.employees().get(0).nip());
        assertThat(all(other).subList(0, 100)).isNotEqualTo(all(PROVINCE).subList(0, 100));
    }

    @Test
    void keepsTheFirstEmployeesWhenTheProvinceGrows() {
        ProvinceGenerator larger = new ProvinceGenerator(SEED, EMPLOYEES * 2, LAST_DAY);

        assertThat(larger.employees().subList(0, EMPLOYEES)).isEqualTo(PROVINCE.employees());
    }

    @Test
    void buildsFourHundredUnitsInFourLevelsParentsFirst() {
        Map<Integer, Long> perLevel = PROVINCE.units().stream()
                .collect(Collectors.groupingBy(Unit::level, Collectors.counting()));

        assertThat(perLevel).containsExactlyInAnyOrderEntriesOf(Map.of(1, 1L, 2, 19L, 3, 95L, 4, 285L));
        assertThat(PROVINCE.units()).hasSize(400);
        Set<String> seen = new HashSet<>();
        for (Unit unit : PROVINCE.units()) {
            if (unit.level() == 1) {
                assertThat(unit.parentCode()).isNull();
            } else {
                assertThat(seen).as("parent of %s comes first", unit.code()).contains(unit.parentCode());
            }
            assertThat(unit.code()).matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
            assertThat(seen.add(unit.code())).as("unique code %s", unit.code()).isTrue();
        }
        assertThat(PROVINCE.leafUnits()).hasSize(285);
    }

    @Test
    void givesEveryEmployeeAUniqueNipOfTheRightShape() {
        Set<String> nips = new HashSet<>();
        for (Employee e : PROVINCE.employees()) {
            assertThat(e.nip()).matches("[0-9]{18}");
            assertThat(nips.add(e.nip())).as("unique %s", e.nip()).isTrue();
            if (e.type() == EmploymentType.PNS) {
                assertValidPnsNip(e.nip());
                assertThat(e.employedFrom()).isEqualTo(YearMonth.of(year(e.nip(), 8), month(e.nip(), 12)).atDay(1));
            } else {
                assertThat(e.nip().substring(12, 14)).isEqualTo("21");
            }
        }
    }

    private static void assertValidPnsNip(String nip) {
        LocalDate birth;
        YearMonth appointed;
        try {
            birth = LocalDate.of(year(nip, 0), month(nip, 4), Integer.parseInt(nip.substring(6, 8)));
            appointed = YearMonth.of(year(nip, 8), month(nip, 12));
        } catch (DateTimeException e) {
            throw new AssertionError(nip + " has no real birth date or appointment month", e);
        }
        assertThat(appointed).as(nip).isAfter(YearMonth.from(birth));
        assertThat(appointed.getYear() - birth.getYear()).as("age at appointment, " + nip).isBetween(18, 40);
        assertThat(nip.charAt(14)).isIn('1', '2');
        assertThat(Integer.parseInt(nip.substring(15))).isBetween(1, 999);
    }

    private static int year(String nip, int at) {
        return Integer.parseInt(nip.substring(at, at + 4));
    }

    private static int month(String nip, int at) {
        return Integer.parseInt(nip.substring(at, at + 2));
    }

    @Test
    void employsAboutFourPnsForEachPppk() {
        double pns = PROVINCE.employees().stream().filter(e -> e.type() == EmploymentType.PNS).count()
                / (double) EMPLOYEES;

        assertThat(pns).isCloseTo(0.80, within(0.03));
    }

    @Test
    void movesSomeEmployeesAndLetsSomeLeaveWithinTheirService() {
        List<Employee> transfers = PROVINCE.employees().stream().filter(Employee::transfers).toList();
        List<Employee> leavers = PROVINCE.employees().stream().filter(Employee::leaves).toList();

        assertThat(transfers.size() / (double) EMPLOYEES).isCloseTo(0.05, within(0.015));
        assertThat(leavers.size() / yearsInService()).as("leavers a year").isBetween(0.02, 0.04);
        Set<String> units = PROVINCE.units().stream().map(Unit::code).collect(Collectors.toSet());
        for (Employee e : transfers) {
            assertThat(units).contains(e.transferUnit());
            assertThat(e.transferUnit()).isNotEqualTo(e.unitCode());
            assertThat(e.transferDate()).isAfter(e.employedFrom()).isBefore(LAST_DAY);
            assertThat(e.leaves()).isFalse();
        }
        for (Employee e : leavers) {
            assertThat(e.employedUntil()).isAfter(e.employedFrom()).isBefore(LAST_DAY);
            assertThat(e.transfers()).isFalse();
        }
        assertThat(PROVINCE.employees()).allSatisfy(e -> assertThat(units).contains(e.unitCode()));
    }

    @Test
    void givesEveryLeaverAReasonMostlyRetirementAndContractEndsOnlyToPppk() {
        List<Employee> leavers = PROVINCE.employees().stream().filter(Employee::leaves).toList();
        Map<LeavingReason, Long> reasons = leavers.stream()
                .collect(Collectors.groupingBy(Employee::leavingReason, Collectors.counting()));

        assertThat(PROVINCE.employees()).allSatisfy(e -> assertThat(e.leavingReason() != null).isEqualTo(e.leaves()));
        assertThat(reasons.keySet()).as("reasons seen").hasSizeGreaterThanOrEqualTo(5);
        LeavingReason mostCommon = reasons.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(mostCommon).isEqualTo(LeavingReason.PENSIUN);
        assertThat(reasons).containsKey(LeavingReason.KONTRAK_BERAKHIR);
        for (Employee e : leavers) {
            if (e.leavingReason() == LeavingReason.KONTRAK_BERAKHIR) {
                assertThat(e.positionOn(e.employedUntil()).employmentType().contract()).as(e.nip()).isTrue();
                assertThat(MonthDay.from(e.employedUntil().plusDays(1))).as("a contract year ends on the TMT's eve")
                        .isEqualTo(MonthDay.from(e.employedFrom()));
            }
            if (e.leavingReason() == LeavingReason.PENSIUN) {
                LocalDate birth = LocalDate.of(year(e.nip(), 0), month(e.nip(), 4), Integer.parseInt(e.nip().substring(6, 8)));
                assertThat(birth.until(e.employedUntil()).getYears()).as("age at retirement, %s", e.nip()).isBetween(57, 60);
                assertThat(e.employedUntil().plusDays(1).getDayOfMonth()).as("retires at a month's end").isEqualTo(1);
            }
        }
    }

    @Test
    void promotesAFewPercentAYearWithValidHistories() {
        long changes = PROVINCE.employees().stream().filter(Employee::changesPosition).count();

        assertThat(changes / yearsInService()).as("position changes a year").isBetween(0.03, 0.05);
        for (Employee e : PROVINCE.employees()) {
            List<PositionAssignment> history = e.positionHistory();
            assertThat(history).hasSizeBetween(1, 2);
            assertThat(history.get(0)).isEqualTo(new PositionAssignment(e.type(), e.level(), e.employedFrom()));
            for (int k = 1; k < history.size(); k++) {
                PositionAssignment change = history.get(k);
                assertThat(change.effectiveFrom()).as(e.nip()).isAfter(history.get(k - 1).effectiveFrom())
                        .isAfterOrEqualTo(ProvinceGenerator.FIRST_DAY).isBefore(LAST_DAY);
                if (e.leaves()) {
                    assertThat(change.effectiveFrom()).isBeforeOrEqualTo(e.employedUntil());
                }
                assertThat(change).isNotEqualTo(new PositionAssignment(history.get(k - 1).employmentType(),
                        history.get(k - 1).positionLevel(), change.effectiveFrom()));
                if (change.employmentType() == EmploymentType.PNS) {
                    assertThat(e.type()).as("no PPPK becomes PNS under the same number").isEqualTo(EmploymentType.PNS);
                }
            }
        }
        Set<EmploymentType> appointedFrom = PROVINCE.employees().stream().filter(Employee::changesPosition)
                .filter(e -> e.positionHistory().get(1).employmentType() != e.type()).map(Employee::type)
                .collect(Collectors.toSet());
        assertThat(appointedFrom).as("part-time PPPK appointed full time").containsExactly(EmploymentType.PPPK_PARUH_WAKTU);
    }

    @Test
    void employsAThirdOfPppkPartTimeFromTheirAppointmentIn2025() {
        List<Employee> contract = PROVINCE.employees().stream().filter(e -> e.type().contract()).toList();
        List<Employee> partTime = contract.stream().filter(e -> e.type() == EmploymentType.PPPK_PARUH_WAKTU).toList();

        assertThat(partTime.size() / (double) contract.size()).isCloseTo(0.3, within(0.05));
        assertThat(partTime).allSatisfy(e -> assertThat(e.employedFrom()).isEqualTo(ProvinceGenerator.PART_TIME_FROM));
    }

    @Test
    void exemptsAFewPercentEachYearWithMixedKindsWithinService() {
        for (int year : List.of(2025, 2026)) {
            LocalDate first = LocalDate.of(year, 1, 1);
            LocalDate last = LocalDate.of(year, 12, 31).isBefore(LAST_DAY) ? LocalDate.of(year, 12, 31) : LAST_DAY;
            List<Employee> inService = PROVINCE.employees().stream()
                    .filter(e -> !e.employedFrom().isAfter(last) && (!e.leaves() || !e.employedUntil().isBefore(first)))
                    .toList();
            long exempt = inService.stream().filter(e -> e.exemptions().stream()
                    .anyMatch(x -> !x.from().isAfter(last) && (x.until() == null || !x.until().isBefore(first)))).count();

            assertThat(exempt / (double) inService.size()).as("share exempt some time in %d", year).isBetween(0.01, 0.03);
        }
        Map<ExemptionKind, Long> kinds = PROVINCE.employees().stream().flatMap(e -> e.exemptions().stream())
                .collect(Collectors.groupingBy(ExemptionPeriod::kind, Collectors.counting()));
        assertThat(kinds.keySet()).as("kinds seen").hasSizeGreaterThanOrEqualTo(6);
        long wholeYearStudy = PROVINCE.employees().stream().flatMap(e -> e.exemptions().stream())
                .filter(x -> x.kind() == ExemptionKind.TUGAS_BELAJAR && x.from().isBefore(LocalDate.of(2025, 1, 2))
                        && x.until() != null && x.until().isAfter(LocalDate.of(2025, 12, 30)))
                .count();
        assertThat(wholeYearStudy).as("on tugas belajar all of 2025").isPositive();
        assertThat(PROVINCE.employees().stream().flatMap(e -> e.exemptions().stream()).filter(x -> x.until() == null))
                .as("open-ended").isNotEmpty();
        Set<Object> ids = new HashSet<>();
        for (Employee e : PROVINCE.employees()) {
            LocalDate previousUntil = null;
            for (ExemptionPeriod x : e.exemptions()) {
                assertThat(ids.add(x.id())).isTrue();
                assertThat(x.reference()).isNotBlank().hasSizeLessThanOrEqualTo(100);
                assertThat(x.from()).as(e.nip()).isAfterOrEqualTo(e.employedFrom()).isBefore(LAST_DAY);
                if (x.until() != null) {
                    assertThat(x.until()).isAfterOrEqualTo(x.from());
                }
                if (e.leaves()) {
                    assertThat(x.until()).as("ends by the last day in service, %s", e.nip()).isNotNull()
                            .isBeforeOrEqualTo(e.employedUntil());
                }
                if (previousUntil != null) {
                    assertThat(x.from()).as("no overlap, %s", e.nip()).isAfter(previousUntil);
                }
                previousUntil = x.until() == null ? LocalDate.MAX : x.until();
                if (e.type().contract()) {
                    assertThat(x.kind()).isIn(ExemptionKind.CUTI_MELAHIRKAN, ExemptionKind.CUTI_SAKIT_PANJANG);
                }
            }
        }
    }

    /** Employee-years in service from the start of 2025 to the last day: what a yearly rate is taken over. */
    private static double yearsInService() {
        LocalDate start = LocalDate.of(2025, 1, 1);
        double years = 0;
        for (Employee e : PROVINCE.employees()) {
            LocalDate from = e.employedFrom().isAfter(start) ? e.employedFrom() : start;
            LocalDate to = e.leaves() ? e.employedUntil() : LAST_DAY;
            years += Math.max(0, from.until(to, java.time.temporal.ChronoUnit.DAYS) + 1) / 365.25;
        }
        return years;
    }

    @Test
    void recordsAboutEightCompletionsPerEmployeeWhileInService() {
        List<Completion> completions = all(PROVINCE);
        Map<String, Employee> byNip = PROVINCE.employees().stream()
                .collect(Collectors.toMap(Employee::nip, Function.identity()));

        assertThat(completions.size() / (double) EMPLOYEES).isCloseTo(8.0, within(0.5));
        assertThat(PROVINCE.completionCount()).isEqualTo(completions.size());
        Set<String> keys = new HashSet<>();
        for (Completion c : completions) {
            Employee e = byNip.get(c.nip());
            LocalDate[] window = e.trainingWindow(LAST_DAY);
            assertThat(c.endDate()).isBetween(window[0], window[1]).isBetween(ProvinceGenerator.FIRST_DAY, LAST_DAY);
            assertThat(c.startDate()).isBeforeOrEqualTo(c.endDate());
            assertThat(c.jp() != null ^ c.days() != null).as("jp or days, %s", c).isTrue();
            if (c.jp() == null) {
                assertThat(c.kindId()).isIn(TrainingKinds.SEMINAR, TrainingKinds.WORKSHOP);
            }
            assertThat(TrainingKinds.byId(c.kindId())).isPresent();
            assertThat(keys.add(c.sourceSystem() + "/" + c.externalId())).isTrue();
        }
        long employeesWithout = PROVINCE.employees().stream().filter(e -> PROVINCE.completionsOf(e).isEmpty()).count();
        assertThat(employeesWithout / (double) EMPLOYEES).as("share with no training at all").isBetween(0.03, 0.10);
        assertThat(completions.stream().map(Completion::endDate).map(LocalDate::getYear).distinct())
                .containsExactlyInAnyOrder(2025, 2026);
    }

    @Test
    void amendsAboutThreeAndVoidsAboutTwoPercentLater() {
        List<Completion> completions = all(PROVINCE);
        Map<Fate, Long> fates = completions.stream().collect(Collectors.groupingBy(Completion::fate, Collectors.counting()));

        assertThat(fates.get(Fate.AMEND) / (double) completions.size()).isCloseTo(0.03, within(0.005));
        assertThat(fates.get(Fate.VOID) / (double) completions.size()).isCloseTo(0.02, within(0.005));
        Completion amended = completions.stream().filter(c -> c.fate() == Fate.AMEND).findFirst().orElseThrow().amended();
        assertThat(amended.title()).endsWith(ProvinceGenerator.AMENDED_TITLE_SUFFIX);
        assertThat(amended.fate()).isEqualTo(Fate.KEEP);
    }

    @Test
    void changesTheAmountWhenAmending() {
        List<Completion> changed = new ArrayList<>();
        for (Completion c : all(PROVINCE)) {
            if (c.fate() == Fate.AMEND) {
                changed.add(c);
            }
        }
        assertThat(changed).allSatisfy(c -> assertThat(c.amended().recognizedJp()).isNotEqualTo(c.recognizedJp()));
    }

    @Test
    void recognisesJpLikeTheSeededRuleTable() {
        assertThat(completion(TrainingKinds.SEMINAR, null, 2, false).recognizedJp()).isEqualByComparingTo("8");
        assertThat(completion(TrainingKinds.SEMINAR, null, 1, true).recognizedJp()).isEqualByComparingTo("6");
        assertThat(completion(TrainingKinds.WORKSHOP, null, 2, false).recognizedJp()).isEqualByComparingTo("10");
        assertThat(completion(TrainingKinds.WORKSHOP, null, 1, true).recognizedJp()).isEqualByComparingTo("7");
        assertThat(completion(3, new BigDecimal("24"), null, false).recognizedJp()).isEqualByComparingTo("24");
        assertThat(completion(3, new BigDecimal("24.5"), null, true).recognizedJp()).isEqualByComparingTo("29.40");
    }

    private static Completion completion(int kind, BigDecimal jp, Integer days, boolean international) {
        Completion any = all(PROVINCE).get(0);
        return new Completion(any.nip(), "t", kind, any.competencyType(), any.deliveryMode(), "p", any.startDate(),
                any.endDate(), jp, days, international, null, "s", "x", Fate.KEEP);
    }

    @Test
    void flagsTheFewCompletionsClaimingMoreThanTenJpADayOfTheirSpan() {
        List<Completion> flagged = COMPLETIONS.stream().filter(c -> !c.flags().isEmpty()).toList();

        assertThat(flagged).isNotEmpty().allSatisfy(c -> {
            assertThat(c.flags()).containsExactly(CompletionFlag.IMPLAUSIBLE_JP_PER_DAY);
            assertThat(c.jp()).isGreaterThan(BigDecimal.TEN.multiply(
                    BigDecimal.valueOf(c.endDate().toEpochDay() - c.startDate().toEpochDay() + 1)));
        });
        assertThat((double) flagged.size() / COMPLETIONS.size()).isLessThan(0.01);
        assertThat(COMPLETIONS).filteredOn(c -> c.jp() == null).allSatisfy(c -> assertThat(c.flags()).isEmpty());
    }

    @Test
    void makesTheSameExtraCompletionForTheSameKey() {
        Employee e = PROVINCE.employees().stream().filter(x -> !x.leaves()).findFirst().orElseThrow();

        Completion first = PROVINCE.extraCompletion(e, "single-1", 7);

        assertThat(PROVINCE.extraCompletion(e, "single-1", 7)).isEqualTo(first);
        assertThat(first.externalId()).isEqualTo("single-1");
        assertThat(first.nip()).isEqualTo(e.nip());
        assertThat(first.endDate()).isBeforeOrEqualTo(LAST_DAY);
    }
}
