package org.jpledger.contracts.reference;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The Indonesian names reports write for the reference codes: one for each code, none shared. */
class ReferenceLabelsTest {

    @Test
    void namesEveryCodeOnceInIndonesian() {
        assertNamed(EmploymentType.values(), EmploymentType::label);
        assertNamed(PositionLevel.values(), PositionLevel::label);
        assertNamed(TrainingMethod.values(), TrainingMethod::label);
        assertNamed(CompetencyType.values(), CompetencyType::label);
        assertNamed(LeavingReason.values(), LeavingReason::label);
        assertNamed(VerificationState.values(), VerificationState::label);
        assertNamed(RejectionReason.values(), RejectionReason::label);
    }

    @Test
    void namesTheLevelsAndTypesAsTheyAreKnown() {
        assertThat(PositionLevel.JPT_MADYA.label()).isEqualTo("JPT Madya");
        assertThat(PositionLevel.ADMINISTRATOR.label()).isEqualTo("Administrator");
        assertThat(EmploymentType.PPPK_PARUH_WAKTU.label()).isEqualTo("PPPK Paruh Waktu");
        assertThat(TrainingMethod.NONKLASIKAL.label()).isEqualTo("Nonklasikal");
        assertThat(CompetencyType.SOSIAL_KULTURAL.label()).isEqualTo("Sosial Kultural");
    }

    private static <E extends Enum<E>> void assertNamed(E[] values, Function<E, String> label) {
        assertThat(Arrays.stream(values).map(label)).as(values[0].getDeclaringClass().getSimpleName())
                .doesNotContainNull().allSatisfy(name -> assertThat(name).isNotBlank()).doesNotHaveDuplicates();
    }
}
