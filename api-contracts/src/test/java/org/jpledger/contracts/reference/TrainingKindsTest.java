package org.jpledger.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrainingKindsTest {

    @Test
    void holdsTheTwentyFiveNationalKindsInIdOrder() {
        assertThat(TrainingKinds.all()).hasSize(25);
        assertThat(TrainingKinds.all()).extracting(TrainingKind::id).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(1, 25).boxed().toList());
    }

    @Test
    void keepsTheMethodOfEachKindAsData() {
        assertThat(TrainingKinds.byId(1)).hasValue(new TrainingKind(1, "Diklat Struktural", TrainingMethod.KLASIKAL));
        assertThat(TrainingKinds.byId(16)).hasValue(new TrainingKind(16, "E-Learning", TrainingMethod.NONKLASIKAL));
        assertThat(TrainingKinds.all()).filteredOn(k -> k.method() == TrainingMethod.NONKLASIKAL).hasSize(13);
    }

    /**
     * Magang is a nonklasikal form: Perlan LAN 10/2018 codes it NKL12 among the nonklasikal forms, and PP 11/2017
     * (Pasal 210) names magang among the ways of nonklasikal training. This list once had it klasikal; stored
     * completions are amended on upgrade (training-service's ReferenceDataUpgrade).
     */
    @Test
    void classifiesMagangAsNonklasikal() {
        assertThat(TrainingKinds.byId(10)).hasValue(new TrainingKind(10, "Magang", TrainingMethod.NONKLASIKAL));
    }

    @Test
    void knowsNoKindOutsideTheList() {
        assertThat(TrainingKinds.byId(0)).isEmpty();
        assertThat(TrainingKinds.byId(26)).isEmpty();
    }

    @Test
    void namesTheDayCountedKinds() {
        assertThat(TrainingKinds.byId(TrainingKinds.SEMINAR)).map(TrainingKind::name).hasValue("Seminar");
        assertThat(TrainingKinds.byId(TrainingKinds.WORKSHOP)).map(TrainingKind::name).hasValue("Workshop");
    }
}
