package org.jpledger.training.siasn.service;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import org.jpledger.contracts.siasn.SiasnCourse;
import org.jpledger.contracts.siasn.SiasnReference;
import org.jpledger.contracts.siasn.SiasnShape;
import org.jpledger.contracts.siasn.SiasnStructuralTraining;
import org.jpledger.support.problem.FieldErrors;

/**
 * One SIASN training record of either shape, read and checked: what a reconciliation compares and an adoption records.
 * Built only by {@link #of(SiasnCourse)} and {@link #of(SiasnStructuralTraining)}, which refuse (400, naming SIASN's
 * field) a record missing what the ledger needs.
 *
 * @param id                  SIASN's own id of the record; null when the file carries none
 * @param kindId              the jenis diklat: jenisDiklatId, or {@link SiasnReference#STRUCTURAL_KIND_ID} for the
 *                            struktural shape
 * @param title               namaKursus; for the struktural shape the name of its latihan struktural
 * @param latihanStrukturalId the struktural shape's latihan struktural id; null for the kursus shape
 * @param provider            institusiPenyelenggara; null when SIASN holds none
 * @param certificateNumber   nomorSertipikat or nomor; null when SIASN holds none
 * @param jumlahJam           the JP on the certificate
 */
public record SiasnRecord(SiasnShape shape, String id, String nip, int kindId, String title,
        String latihanStrukturalId, String provider, String certificateNumber, LocalDate startDate,
        LocalDate endDate, int jumlahJam) {

    /** The most JP one record may hold, as a completion's JP. */
    static final int MAX_JP = 1000;

    /** A riwayat kursus record. */
    public static SiasnRecord of(SiasnCourse c) {
        FieldErrors errors = new FieldErrors();
        String nip = required(errors, "nip", c.nip());
        Integer kind = kind(errors, c.jenisDiklatId());
        String title = required(errors, "namaKursus", c.namaKursus());
        LocalDate start = date(errors, "tanggalKursus", c.tanggalKursus());
        LocalDate end = date(errors, "tanggalSelesaiKursus", c.tanggalSelesaiKursus());
        Integer jp = jumlahJam(errors, c.jumlahJam());
        order(errors, "tanggalSelesaiKursus", start, end);
        errors.throwIfAny();
        return new SiasnRecord(SiasnShape.KURSUS, blankToNull(c.id()), nip, kind, title, null,
                blankToNull(c.institusiPenyelenggara()), blankToNull(c.nomorSertipikat()), start, end, jp);
    }

    /** A riwayat diklat struktural record. */
    public static SiasnRecord of(SiasnStructuralTraining s) {
        FieldErrors errors = new FieldErrors();
        String nip = required(errors, "nip", s.nip());
        String latihan = required(errors, "latihanStrukturalId", s.latihanStrukturalId());
        LocalDate start = date(errors, "tanggal", s.tanggal());
        LocalDate end = date(errors, "tanggalSelesai", s.tanggalSelesai());
        Integer jp = jumlahJam(errors, s.jumlahJam());
        order(errors, "tanggalSelesai", start, end);
        errors.throwIfAny();
        return new SiasnRecord(SiasnShape.STRUKTURAL, blankToNull(s.id()), nip, SiasnReference.STRUCTURAL_KIND_ID,
                SiasnCompletions.latihanStrukturalName(latihan), latihan, blankToNull(s.institusiPenyelenggara()),
                blankToNull(s.nomor()), start, end, jp);
    }

    private static String required(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(field, "must not be empty");
            return null;
        }
        return value.strip();
    }

    private static Integer kind(FieldErrors errors, String value) {
        String text = required(errors, "jenisDiklatId", value);
        if (text == null) {
            return null;
        }
        try {
            int kind = Integer.parseInt(text);
            if (kind >= 1 && kind <= 25) {
                return kind;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        errors.add("jenisDiklatId", "must be a SIASN jenis diklat id from 1 to 25");
        return null;
    }

    private static LocalDate date(FieldErrors errors, String field, String value) {
        String text = required(errors, field, value);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text, SiasnReference.DATE);
        } catch (DateTimeParseException e) {
            errors.add(field, "must be a date as dd-MM-yyyy");
            return null;
        }
    }

    private static Integer jumlahJam(FieldErrors errors, Integer value) {
        if (value == null) {
            errors.add("jumlahJam", "must not be empty");
        } else if (value < 1 || value > MAX_JP) {
            errors.add("jumlahJam", "must be a whole number from 1 to " + MAX_JP);
        }
        return value;
    }

    private static void order(FieldErrors errors, String endField, LocalDate start, LocalDate end) {
        if (start != null && end != null && end.isBefore(start)) {
            errors.add(endField, "must not be before the start date");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
