package org.jpledger.bench.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.jpledger.bench.read.NationalOrg.OrgUnit;
import org.junit.jupiter.api.Test;

class NationalOrgTest {

    @Test
    void theNationalTreeHasARootThirtyEightProvincesAndFourLevelsOfAboutFourHundredUnitsEach() {
        NationalOrg org = NationalOrg.generate(NationalOrg.Shape.national(), 42);

        assertThat(org.countByLevel()).containsExactly(1, 38, 38 * 8, 38 * 8 * 7, 38 * 8 * 7 * 6);
        assertThat(org.units()).hasSize(15_239);
        assertThat(NationalOrg.Shape.national().unitsPerProvince()).isEqualTo(401);
        assertThat(org.root().level()).isZero();
        assertThat(org.root().parent()).isEqualTo(-1);
    }

    @Test
    void aSmallShapeGivesTheCountsItsFanOutSays() {
        NationalOrg org = NationalOrg.generate(new NationalOrg.Shape(4, List.of(5, 4, 5)), 1);

        assertThat(org.countByLevel()).containsExactly(1, 4, 20, 80, 400);
        assertThat(org.units()).hasSize(505);
    }

    @Test
    void codesAreUniqueAndEveryParentComesBeforeItsChildrenOneLevelUp() {
        NationalOrg org = NationalOrg.generate(NationalOrg.Shape.national(), 7);
        Set<String> codes = new HashSet<>();
        for (OrgUnit unit : org.units()) {
            assertThat(codes.add(unit.code())).as(unit.code()).isTrue();
            assertThat(unit.index()).isEqualTo(org.units().indexOf(unit));
            if (unit.parent() >= 0) {
                OrgUnit parent = org.units().get(unit.parent());
                assertThat(unit.parent()).isLessThan(unit.index());
                assertThat(parent.level()).isEqualTo(unit.level() - 1);
                assertThat(unit.code()).startsWith(unit.level() == 1 ? "P" : parent.code() + ".");
            }
            assertThat(unit.code()).hasSizeLessThanOrEqualTo(64);
            assertThat(unit.name()).isNotBlank().hasSizeLessThanOrEqualTo(200);
        }
    }

    @Test
    void theSameSeedGivesTheSameTreeAndTheSamePlacements() {
        NationalOrg one = NationalOrg.generate(NationalOrg.Shape.national(), 99);
        NationalOrg two = NationalOrg.generate(NationalOrg.Shape.national(), 99);
        NationalOrg other = NationalOrg.generate(NationalOrg.Shape.national(), 100);

        assertThat(two.units()).isEqualTo(one.units());
        int differing = 0;
        for (int i = 0; i < 1_000; i++) {
            int a = one.placeEmployee(new SplittableRandom(i));
            assertThat(two.placeEmployee(new SplittableRandom(i))).isEqualTo(a);
            differing += other.placeEmployee(new SplittableRandom(i)) == a ? 0 : 1;
        }
        assertThat(differing).as("another seed weighs the units differently").isGreaterThan(0);
    }

    @Test
    void employeesGoMostlyToLeavesSomeToMidLevelsAndProvincesNoneToTheNationalRoot() {
        NationalOrg org = NationalOrg.generate(NationalOrg.Shape.national(), 3);
        int draws = 200_000;
        int[] byLevel = new int[5];
        int[] byUnit = new int[org.units().size()];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < draws; i++) {
            int unit = org.placeEmployee(random);
            byUnit[unit]++;
            byLevel[org.units().get(unit).level()]++;
        }

        assertThat(byLevel[0]).isZero();
        assertThat(byLevel[4] / (double) draws).isBetween(0.84, 0.86);
        assertThat((byLevel[2] + byLevel[3]) / (double) draws).isBetween(0.11, 0.13);
        assertThat(byLevel[1] / (double) draws).isBetween(0.025, 0.035);
        // Sizes vary: the largest leaf holds well over the mean.
        double leafMean = byLevel[4] / (double) org.countByLevel()[4];
        int largestLeaf = org.units().stream().filter(u -> u.level() == 4).mapToInt(u -> byUnit[u.index()]).max()
                .orElseThrow();
        assertThat(largestLeaf).isGreaterThan((int) (2 * leafMean));
    }
}
