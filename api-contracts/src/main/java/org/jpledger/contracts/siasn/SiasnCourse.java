package org.jpledger.contracts.siasn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One record of SIASN's riwayat kursus (course history), in the field names and formats of its web service
 * ({@code POST /apisiasn/1.0/kursus/save}, read back from {@code /apisiasn/1.0/pns/rw-kursus/{nip}}), as the public SDK
 * black-coffee04/ws-siasn-php (examples/kursus.php, src/Services/KursusService.php) sends them. Dates are
 * {@code dd-MM-yyyy} ({@link SiasnReference#DATE}); {@code jumlahJam} is the JP on the certificate, a whole number.
 *
 * @param id                    SIASN's own id of the record (rwKursusId), when known
 * @param nip                   the employee's 18-digit NIP (SIASN names the person by pnsOrangId; the NIP is what both
 *                              sides know)
 * @param pnsOrangId            SIASN's id of the person, when known
 * @param instansiId            SIASN's id of the agency, when known
 * @param jenisDiklatId         the SIASN jenis diklat id (the ledger's training kind id)
 * @param jenisKursus           SIASN's course catalogue id; the ledger leaves it empty
 * @param jenisKursusSertipikat T (technical), F (functional) or P (participation), by {@code jenisDiklatId}
 * @param lokasiId              SIASN's location id, when known
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SiasnCourse(
        String id,
        String nip,
        String pnsOrangId,
        String instansiId,
        String jenisDiklatId,
        String jenisKursus,
        String jenisKursusSertipikat,
        String namaKursus,
        String institusiPenyelenggara,
        String nomorSertipikat,
        String tanggalKursus,
        String tanggalSelesaiKursus,
        Integer tahunKursus,
        Integer jumlahJam,
        String lokasiId) {

    /** The fields in file order: the column headers of a CSV or XLSX file of this shape. */
    public static final List<String> FIELDS = List.of("id", "nip", "pnsOrangId", "instansiId", "jenisDiklatId",
            "jenisKursus", "jenisKursusSertipikat", "namaKursus", "institusiPenyelenggara", "nomorSertipikat",
            "tanggalKursus", "tanggalSelesaiKursus", "tahunKursus", "jumlahJam", "lokasiId");
}
