package org.jpledger.training.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import org.jpledger.contracts.reference.EmploymentType;

/**
 * Rules of the NIP (nomor induk pegawai). A PNS NIP (Perka BKN 22/2007) is birth date YYYYMMDD, first appointment
 * YYYYMM, a gender digit (1 male, 2 female) and a 3-digit sequence; all of it is checked.
 *
 * <p>An NI PPPK (the number of a PPPK, full or part time) is checked only as far as its layout is certain: 18 digits, a
 * real birth date in digits 1-8 and the gender digit (digit 15) 1 or 2. What digits 9-14 hold is not settled by any
 * public BKN source found (searched 2026-12-07): "Apa perbedaan NIP PNS dan NI PPPK?"
 * (https://foppsirokanhulu.blogspot.com/2024/03/apa-perbedaan-nip-pns-dan-ni-pppk.html, quoting Kabupaten Luwu Utara)
 * and "7 Tahapan Penetapan NI PPPK Lulusan 2023"
 * (https://sumateraekspres.bacakoran.co//read/31187/7-tahapan-penetapan-ni-pppk-lulusan-2023-usai-isi-drh-wajib-ikuti-ini)
 * say the year of first appointment as calon PPPK followed by the number of work agreements (jumlah perjanjian kerja),
 * while "Mekanisme Administrasi Teknis NI PPPK dengan 18 Digit Angka"
 * (https://belajarpppk.com/blog/2022/05/04/mekanisme-administrasi-teknis-ni-pppk-dengan-18-digit-angka/) says the year
 * and month of first appointment, exactly as in a PNS NIP. Under either reading a genuine NI PPPK may have a real
 * month in digits 13-14, so a PPPK number shaped like a PNS NIP is not refused until BKN's own layout settles it.
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
        LocalDate birth;
        try {
            birth = LocalDate.of(parse(nip, 0, 4), parse(nip, 4, 6), parse(nip, 6, 8));
        } catch (DateTimeException e) {
            return Optional.of("digits 1-8 must be a real birth date (YYYYMMDD)");
        }
        if (type == EmploymentType.PNS) {
            YearMonth appointed;
            try {
                appointed = YearMonth.of(parse(nip, 8, 12), parse(nip, 12, 14));
            } catch (DateTimeException e) {
                return Optional.of("digits 9-14 must be a real appointment month (YYYYMM) for a PNS");
            }
            if (!appointed.isAfter(YearMonth.from(birth))) {
                return Optional.of("the appointment month (digits 9-14) must come after the birth date (digits 1-8)");
            }
        }
        char gender = nip.charAt(14);
        if (gender != '1' && gender != '2') {
            return Optional.of("digit 15 (gender) must be 1 or 2");
        }
        return Optional.empty();
    }

    private static int parse(String nip, int from, int to) {
        return Integer.parseInt(nip.substring(from, to));
    }
}
