package org.jpledger.training.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.jpledger.contracts.reference.EmploymentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The NIP rules: every part of a PNS NIP, and of an NI PPPK what its layout makes certain. */
class NipTest {

    private static final String VALID_PNS = "198503122010012003";
    /** Born 1990-01-15, appointed in 2022, "21" where a PNS NIP has the month, female, sequence 001. */
    private static final String PPPK_CODE_21 = "199001152022212001";

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

    @ParameterizedTest
    @EnumSource(value = EmploymentType.class, names = {"PPPK", "PPPK_PARUH_WAKTU"})
    void acceptsAPppkNumberWithARealBirthDateAndGenderDigit(EmploymentType type) {
        assertThat(Nip.problem(PPPK_CODE_21, type)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = EmploymentType.class, names = {"PPPK", "PPPK_PARUH_WAKTU"})
    void rejectsAPppkNumberWithAnImpossibleBirthDate(EmploymentType type) {
        assertThat(Nip.problem("199002302022212001", type)).hasValue("digits 1-8 must be a real birth date (YYYYMMDD)");
        assertThat(Nip.problem("199013012022212001", type)).get().asString().contains("birth date");
    }

    @ParameterizedTest
    @EnumSource(value = EmploymentType.class, names = {"PPPK", "PPPK_PARUH_WAKTU"})
    void rejectsAPppkGenderDigitOtherThanOneOrTwo(EmploymentType type) {
        assertThat(Nip.problem("199001152022213001", type)).hasValue("digit 15 (gender) must be 1 or 2");
        assertThat(Nip.problem("199001152022210001", type)).get().asString().contains("gender");
    }

    /**
     * Public sources disagree on digits 9-14 of an NI PPPK (see Nip), and under either reading a genuine one may look
     * like a PNS NIP, so neither the appointment month nor its order after birth is asked of a PPPK.
     */
    @ParameterizedTest
    @EnumSource(value = EmploymentType.class, names = {"PPPK", "PPPK_PARUH_WAKTU"})
    void leavesDigitsNineToFourteenOfAPppkNumberUnchecked(EmploymentType type) {
        assertThat(Nip.problem(VALID_PNS, type)).isEmpty();
        assertThat(Nip.problem("199001159999992001", type)).isEmpty();
    }
}
