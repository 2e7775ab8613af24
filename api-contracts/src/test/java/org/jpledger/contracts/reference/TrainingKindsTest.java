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
        assertThat(TrainingKinds.byId(10)).hasValue(new TrainingKind(10, "Magang", TrainingMethod.KLASIKAL));
        assertThat(TrainingKinds.byId(16)).hasValue(new TrainingKind(16, "E-Learning", TrainingMethod.NONKLASIKAL));
        assertThat(TrainingKinds.all()).filteredOn(k -> k.method() == TrainingMethod.NONKLASIKAL).hasSize(12);
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
