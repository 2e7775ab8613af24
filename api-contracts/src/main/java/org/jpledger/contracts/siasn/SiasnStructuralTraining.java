package org.jpledger.contracts.siasn;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One record of SIASN's riwayat diklat struktural (structural leadership training: PKN I/II, PKA, PKP, Diklatpim), in
 * the field names and formats of its web service ({@code POST /apisiasn/1.0/diklat/save}, read back from
 * {@code /apisiasn/1.0/pns/rw-diklat/{nip}}), as the public SDK black-coffee04/ws-siasn-php (examples/diklat.php,
 * src/Services/DiklatService.php) sends them. Dates are {@code dd-MM-yyyy} ({@link SiasnReference#DATE}).
 *
 * @param id                  SIASN's own id of the record (rwDiklatId), when known
 * @param nip                 the employee's 18-digit NIP
 * @param pnsOrangId          SIASN's id of the person, when known
 * @param latihanStrukturalId SIASN's latihan struktural id ({@link SiasnReference#latihanStrukturalId})
 * @param nomor               the certificate number
 * @param tahun               the year the training ended
 * @param jumlahJam           the JP on the certificate, a whole number
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SiasnStructuralTraining(
        String id,
        String nip,
        String pnsOrangId,
        String latihanStrukturalId,
        String nomor,
        Integer tahun,
        String tanggal,
        String tanggalSelesai,
        Integer jumlahJam,
        String institusiPenyelenggara) {

    /** The fields in file order: the column headers of a CSV or XLSX file of this shape. */
    public static final List<String> FIELDS = List.of("id", "nip", "pnsOrangId", "latihanStrukturalId", "nomor",
            "tahun", "tanggal", "tanggalSelesai", "jumlahJam", "institusiPenyelenggara");
}
