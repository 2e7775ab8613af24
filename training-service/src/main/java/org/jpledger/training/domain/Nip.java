package org.jpledger.training.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.jpledger.contracts.reference.EmploymentType;

/**
 * Rules of the NIP (nomor induk pegawai). A PNS NIP (Perka BKN 22/2007) is birth date YYYYMMDD, first appointment YYYYMM,
 * a gender digit (1 male, 2 female) and a 3-digit sequence; PPPK numbers use another layout, so only length and digits count.
 */
public final class Nip {

    private Nip() {
    }

    /** Whether {@code nip} is 18 ASCII digits, the shape every NIP has. */
    public static boolean hasValidShape(String nip) {
        return nip != null && nip.length() == 18 && nip.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Why {@code nip} is not a valid number for {@code type}, or empty when it is. */
    public static Optional<String> problem(String nip, EmploymentType type) {
        if (!hasValidShape(nip)) {
            return Optional.of("must be exactly 18 digits");
        }
        if (type != EmploymentType.PNS) {
            return Optional.empty();
        }
        LocalDate birth;
        try {
            birth = LocalDate.of(parse(nip, 0, 4), parse(nip, 4, 6), parse(nip, 6, 8));
        } catch (DateTimeException e) {
            return Optional.of("digits 1-8 must be a real birth date (YYYYMMDD) for a PNS");
        }
        YearMonth appointed;
        try {
            appointed = YearMonth.of(parse(nip, 8, 12), parse(nip, 12, 14));
        } catch (DateTimeException e) {
            return Optional.of("digits 9-14 must be a real appointment month (YYYYMM) for a PNS");
        }
        if (!appointed.isAfter(YearMonth.from(birth))) {
            return Optional.of("the appointment month (digits 9-14) must come after the birth date (digits 1-8)");
        }
        char gender = nip.charAt(14);
        if (gender != '1' && gender != '2') {
            return Optional.of("digit 15 (gender) must be 1 or 2 for a PNS");
        }
        return Optional.empty();
    }

    private static int parse(String nip, int from, int to) {
        return Integer.parseInt(nip.substring(from, to));
    }
}
