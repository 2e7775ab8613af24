package org.jpledger.bench.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.jpledger.bench.read.NationalPeople.Completion;
import org.jpledger.bench.read.NationalPeople.Person;
import org.junit.jupiter.api.Test;

class NationalPeopleTest {

    private static final NationalOrg ORG = NationalOrg.generate(new NationalOrg.Shape(4, List.of(5, 4, 5)), 11);
    private static final LocalDate LATE = LocalDate.of(2026, 12, 1);
    private static final LocalDate MID_YEAR = LocalDate.of(2026, 6, 15);

    @Test
    void theSameSeedGivesTheSamePeopleAndAnotherSeedOthers() {
        NationalPeople one = new NationalPeople(ORG, 5, 2026, LATE, 8);
        NationalPeople two = new NationalPeople(ORG, 5, 2026, LATE, 8);
        NationalPeople other = new NationalPeople(ORG, 6, 2026, LATE, 8);

        for (long i : new long[] {0, 1, 998, 999, 123_456, 5_999_999}) {
            assertThat(two.person(i)).isEqualTo(one.person(i));
            assertThat(other.person(i).name() + other.person(i).totalHalves() + other.person(i).completions())
                    .isNotEqualTo(one.person(i).name() + one.person(i).totalHalves() + one.person(i).completions());
        }
    }

    @Test
    void nipsHaveThePnsShapeAndAreUnique() {
        NationalPeople people = new NationalPeople(ORG, 1, 2026, LATE, 8);
        assertThat(people.capacity()).isGreaterThan(6_000_000L);
        Set<String> seen = new HashSet<>();
        for (long i = 0; i < 300_000; i++) {
            Person p = people.person(i);
            assertThat(nipProblem(p.nip())).as(p.nip()).isNull();
            assertThat(seen.add(p.nip())).as("duplicate " + p.nip()).isTrue();
            assertThat(p.nip()).startsWith("%04d%02d%02d".formatted(p.birthDate().getYear(),
                    p.birthDate().getMonthValue(), p.birthDate().getDayOfMonth()));
            assertThat(p.nip().substring(8, 14)).isEqualTo("%04d%02d".formatted(p.employedFrom().getYear(),
                    p.employedFrom().getMonthValue()));
            assertThat(p.nip().charAt(14)).isEqualTo((char) ('0' + p.sex()));
        }
        // Far apart indexes too (the birth date permutes index / 999).
        for (long i = 5_700_000; i < 5_760_000; i++) {
            String nip = people.person(i).nip();
            assertThat(nipProblem(nip)).as(nip).isNull();
            assertThat(seen.add(nip)).as("duplicate " + nip).isTrue();
        }
    }

    @Test
    void everyoneIsInServiceInTheYearAndTheirCompletionsAddUpToTheirTotal() {
        NationalPeople people = new NationalPeople(ORG, 2, 2026, LATE, 8);
        for (long i = 0; i < 50_000; i++) {
            Person p = people.person(i);
            assertThat(p.employedFrom()).isBeforeOrEqualTo(LocalDate.of(2025, 1, 1));
            if (p.employedUntil() != null) {
                assertThat(p.employedUntil()).isAfterOrEqualTo(LocalDate.of(2026, 1, 1)).isBefore(LATE);
            }
            assertThat(p.completions()).hasSize(8);
            LocalDate lastDay = p.employedUntil() == null ? LATE.minusDays(1) : p.employedUntil();
            int sum = 0;
            for (Completion c : p.completions()) {
                assertThat(c.jpHalves()).isPositive();
                assertThat(c.startDate()).isBeforeOrEqualTo(c.endDate());
                assertThat(c.endDate().getYear()).isEqualTo(c.year());
                assertThat(c.startDate().getYear()).isEqualTo(c.year());
                assertThat(c.year()).isIn(2025, 2026);
                if (c.year() == 2026) {
                    assertThat(c.endDate()).isBeforeOrEqualTo(lastDay);
                    if (!c.voided()) {
                        sum += c.jpHalves();
                    }
                } else {
                    assertThat(c.voided()).isFalse();
                }
            }
            assertThat(sum).isEqualTo(p.totalHalves());
            LocalDate until = p.employedUntil() == null ? LocalDate.of(2026, 12, 31) : p.employedUntil();
            assertThat(p.status()).isEqualTo(Rating.status(2026, p.totalHalves(), LocalDate.of(2026, 1, 1), until, LATE));
        }
    }

    @Test
    void completionIdsAndExternalIdsAreUnique() {
        NationalPeople people = new NationalPeople(ORG, 3, 2026, LATE, 8);
        Set<java.util.UUID> ids = new HashSet<>();
        Set<String> external = new HashSet<>();
        for (long i = 0; i < 20_000; i++) {
            for (Completion c : people.person(i).completions()) {
                assertThat(ids.add(c.id())).isTrue();
                assertThat(external.add(c.externalId())).isTrue();
                assertThat(c.id().version()).isEqualTo(4);
            }
        }
    }

    @Test
    void lateInTheYearMostAreCompliantManyAtRiskSomeOnTrackAndLeaversMostlyNotMet() {
        Map<Rating.Status, Double> shares = shares(new NationalPeople(ORG, 4, 2026, LATE, 8), 100_000);

        assertThat(shares.get(Rating.Status.COMPLIANT)).isBetween(0.52, 0.60);
        assertThat(shares.get(Rating.Status.ON_TRACK)).isBetween(0.12, 0.17);
        assertThat(shares.get(Rating.Status.AT_RISK)).isBetween(0.25, 0.32);
        assertThat(shares.get(Rating.Status.NOT_MET)).isBetween(0.015, 0.03);
    }

    @Test
    void atMidYearTheMixIsStillThere() {
        Map<Rating.Status, Double> shares = shares(new NationalPeople(ORG, 4, 2026, MID_YEAR, 8), 100_000);

        assertThat(shares.get(Rating.Status.COMPLIANT)).isBetween(0.52, 0.60);
        assertThat(shares.get(Rating.Status.ON_TRACK)).isBetween(0.12, 0.17);
        assertThat(shares.get(Rating.Status.AT_RISK)).isBetween(0.25, 0.32);
        assertThat(shares.get(Rating.Status.NOT_MET)).isBetween(0.015, 0.03);
    }

    @Test
    void theNumberOfCompletionsIsAParameter() {
        NationalPeople people = new NationalPeople(ORG, 4, 2026, LATE, 3);
        for (long i = 0; i < 5_000; i++) {
            assertThat(people.person(i).completions()).hasSize(3);
        }
        assertThat(new NationalPeople(ORG, 4, 2026, LATE, 0).person(7).completions()).isEmpty();
    }

    @Test
    void aTotalSplitsIntoPositivePiecesThatAddUp() {
        SplittableRandom random = new SplittableRandom(1);
        for (int total = 1; total < 200; total++) {
            for (int parts = 1; parts <= Math.min(6, total); parts++) {
                int[] pieces = NationalPeople.split(random, total, parts);
                assertThat(pieces).hasSize(parts);
                assertThat(java.util.Arrays.stream(pieces).sum()).isEqualTo(total);
                assertThat(java.util.Arrays.stream(pieces).min().orElseThrow()).isPositive();
            }
        }
        assertThat(NationalPeople.jp(15)).isEqualTo("7.5");
        assertThat(NationalPeople.jp(40)).isEqualTo("20");
    }

    @Test
    void ratingFollowsTheDefaultPolicy() {
        LocalDate jan1 = LocalDate.of(2026, 1, 1);
        LocalDate dec31 = LocalDate.of(2026, 12, 31);
        assertThat(Rating.targetJp(2026, jan1, dec31)).isEqualTo(20);
        assertThat(Rating.targetJp(2026, jan1, LocalDate.of(2026, 3, 31))).isEqualTo(5);
        assertThat(Rating.status(2026, 40, jan1, dec31, LATE)).isEqualTo(Rating.Status.COMPLIANT);
        // 335 of 365 days have passed by 1 December: 18.36 JP expected.
        assertThat(Rating.status(2026, 37, jan1, dec31, LATE)).isEqualTo(Rating.Status.ON_TRACK);
        assertThat(Rating.status(2026, 36, jan1, dec31, LATE)).isEqualTo(Rating.Status.AT_RISK);
        assertThat(Rating.status(2026, 9, jan1, LocalDate.of(2026, 3, 31), LATE)).isEqualTo(Rating.Status.NOT_MET);
        assertThat(Rating.status(2026, 10, jan1, LocalDate.of(2026, 3, 31), LATE)).isEqualTo(Rating.Status.COMPLIANT);
    }

    private static Map<Rating.Status, Double> shares(NationalPeople people, int n) {
        Map<Rating.Status, Integer> counts = new EnumMap<>(Rating.Status.class);
        for (long i = 0; i < n; i++) {
            counts.merge(people.person(i).status(), 1, Integer::sum);
        }
        Map<Rating.Status, Double> shares = new EnumMap<>(Rating.Status.class);
        for (Rating.Status status : Rating.Status.values()) {
            shares.put(status, counts.getOrDefault(status, 0) / (double) n);
        }
        return shares;
    }

    /** The NIP rules of training-service's Nip class for a PNS (Perka BKN 22/2007): null when valid. */
    static String nipProblem(String nip) {
        if (nip == null || nip.length() != 18 || !nip.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return "must be exactly 18 digits";
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(Integer.parseInt(nip.substring(0, 4)), Integer.parseInt(nip.substring(4, 6)),
                    Integer.parseInt(nip.substring(6, 8)));
        } catch (DateTimeException e) {
            return "birth date";
        }
        YearMonth appointed;
        try {
            appointed = YearMonth.of(Integer.parseInt(nip.substring(8, 12)), Integer.parseInt(nip.substring(12, 14)));
        } catch (DateTimeException e) {
            return "appointment month";
        }
        if (!appointed.isAfter(YearMonth.from(birth))) {
            return "appointment before birth";
        }
        if (nip.charAt(14) != '1' && nip.charAt(14) != '2') {
            return "gender digit";
        }
        int sequence = Integer.parseInt(nip.substring(15));
        return sequence >= 1 && sequence <= 999 ? null : "sequence";
    }
}
