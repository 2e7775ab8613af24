package org.jpledger.training.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.jpledger.contracts.reference.EmploymentType;
import org.junit.jupiter.api.Test;

class NipTest {

    private static final String VALID_PNS = "198503122010012003";

    @Test
    void acceptsARealPnsNumber() {
        assertThat(Nip.problem(VALID_PNS, EmploymentType.PNS)).isEmpty();
    }

    @Test
    void rejectsAnythingButEighteenDigits() {
        assertThat(Nip.problem("19850312201001200", EmploymentType.PNS)).hasValue("must be exactly 18 digits");
        assertThat(Nip.problem("1985031220100120031", EmploymentType.PPPK)).hasValue("must be exactly 18 digits");
        assertThat(Nip.problem("19850312201001200X", EmploymentType.PPPK)).hasValue("must be exactly 18 digits");
        assertThat(Nip.problem("１９８５０３１２２０１００１２００３", EmploymentType.PPPK)).isPresent();
        assertThat(Nip.problem(null, EmploymentType.PPPK)).isPresent();
    }

    @Test
    void rejectsAPnsNumberWithAnImpossibleBirthDate() {
        assertThat(Nip.problem("198502302010012003", EmploymentType.PNS)).get().asString().contains("birth date");
    }

    @Test
    void rejectsAPnsNumberWithAnImpossibleAppointmentMonth() {
        assertThat(Nip.problem("198503122010132003", EmploymentType.PNS)).get().asString().contains("appointment month");
    }

    @Test
    void rejectsAPnsAppointedBeforeBirth() {
        assertThat(Nip.problem("198503121980012003", EmploymentType.PNS)).get().asString().contains("after the birth");
    }

    @Test
    void rejectsAPnsGenderDigitOtherThanOneOrTwo() {
        assertThat(Nip.problem("198503122010013003", EmploymentType.PNS)).get().asString().contains("gender");
    }

    @Test
    void checksOnlyShapeForPppkNumbers() {
        assertThat(Nip.problem("202401019999993001", EmploymentType.PPPK)).isEmpty();
    }
}
