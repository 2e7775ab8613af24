package org.jpledger.contracts.siasn;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SIASN's reference values the ledger writes and reads: its date format, the certificate kind of each jenis diklat and
 * the latihan struktural ids. Taken from SIASN's reference tables as the public SDK black-coffee04/ws-siasn-php ships
 * them (src/Data/Referensi/jenisDiklat.json.gz, latihanStruktural.json.gz) and its services' date handling
 * ({@code date('d-m-Y')} in src/Services/KursusService.php and DiklatService.php).
 */
public final class SiasnReference {

    /** SIASN's dates: {@code dd-MM-yyyy}, strictly (31-02-2026 is no date). */
    public static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-uuuu", Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    /** Jenis diklat 1, Diklat Struktural: recorded in riwayat diklat struktural, not riwayat kursus. */
    public static final int STRUCTURAL_KIND_ID = 1;

    /** Latihan struktural "Diklat Struktural Lainnya": a structural training no other id names. */
    public static final String OTHER_STRUCTURAL = "8";

    /** SIASN's jenisKursusSertipikat of the jenis diklat that are not T (technical): F functional, P participation. */
    private static final Map<Integer, String> CERTIFICATE_KINDS = Map.of(2, "F", 4, "P", 7, "P", 9, "P");

    /**
     * Title words naming a structural leadership training, with SIASN's latihan struktural id. PKN I/II, PKA and PKP
     * are the leadership trainings that replaced Diklatpim I–IV, so each takes the id of the level it replaced:
     * 5 SEPATI/Diklat PIM Tk. I, 4 SPAMEN/SESPA/Diklat PIM Tk. II, 3 SPAMA/Diklat PIM Tk. III, 2 ADUM/Diklat PIM Tk. IV,
     * 1 SEPADA.
     */
    private static final Pattern LEVELLED = Pattern.compile(
            "\\b(?:PKN|(?:DIKLAT\\s*)?PIM)\\W*(?:TK\\.?|TINGKAT)?\\W*(IV|III|II|I|4|3|2|1)\\b");
    private static final Pattern PKA = Pattern.compile("\\b(?:PKA|SPAMA|SEPADYA)\\b");
    private static final Pattern PKP = Pattern.compile("\\b(?:PKP|ADUM|SEPALA)\\b");
    private static final Pattern SESPA = Pattern.compile("\\b(?:SPAMEN|SESPANAS|SESPA)\\b");
    private static final Pattern SEPATI = Pattern.compile("\\bSEPATI\\b");
    private static final Pattern SEPADA = Pattern.compile("\\bSEPADA\\b");

    private SiasnReference() {
    }

    /** SIASN's certificate kind of a jenis diklat: T, F or P. */
    public static String certificateKind(int kindId) {
        return CERTIFICATE_KINDS.getOrDefault(kindId, "T");
    }

    /**
     * SIASN's latihan struktural id of a structural training, read from its title; {@link #OTHER_STRUCTURAL} when the
     * title names no level.
     */
    public static String latihanStrukturalId(String title) {
        String text = title == null ? "" : title.toUpperCase(Locale.ROOT);
        Matcher levelled = LEVELLED.matcher(text);
        if (levelled.find()) {
            return switch (levelled.group(1)) {
                case "I", "1" -> "5";
                case "II", "2" -> "4";
                case "III", "3" -> "3";
                default -> "2";
            };
        }
        if (PKA.matcher(text).find()) {
            return "3";
        }
        if (PKP.matcher(text).find()) {
            return "2";
        }
        if (SESPA.matcher(text).find()) {
            return "4";
        }
        if (SEPATI.matcher(text).find()) {
            return "5";
        }
        if (SEPADA.matcher(text).find()) {
            return "1";
        }
        return OTHER_STRUCTURAL;
    }

    /**
     * SIASN's {@code jumlahJam}: the JP on the certificate as a whole number, half up (SIASN takes integers only).
     * The certificate's JP is the JP stated, or the day-rated JP when only days were given; never the recognised JP.
     */
    public static int jumlahJam(BigDecimal certificateJp) {
        return certificateJp.setScale(0, RoundingMode.HALF_UP).intValueExact();
    }
}
