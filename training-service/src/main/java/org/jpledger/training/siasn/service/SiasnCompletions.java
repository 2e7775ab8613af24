package org.jpledger.training.siasn.service;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import org.jpledger.contracts.reference.CompetencyType;
import org.jpledger.contracts.reference.DeliveryMode;
import org.jpledger.contracts.siasn.SiasnReference;
import org.jpledger.training.service.NewCompletion;

/**
 * The one mapping of a SIASN record to the ledger's new-completion command, used wherever SIASN records are taken into
 * the ledger (adoption after a reconciliation, an import of a SIASN file):
 * <ul>
 * <li>kind: jenisDiklatId; 1 (Diklat Struktural) for the struktural shape</li>
 * <li>title: namaKursus; for the struktural shape the name of its latihan struktural</li>
 * <li>provider: institusiPenyelenggara, or {@value #UNKNOWN_PROVIDER} when SIASN holds none (the ledger requires one)</li>
 * <li>certificate number: nomorSertipikat or nomor; dates from SIASN's dd-MM-yyyy</li>
 * <li>JP: jumlahJam, stated (so recognised as stated); no days; not international (SIASN does not say)</li>
 * <li>competency type, which SIASN does not carry: MANAJERIAL for kinds 1 (struktural) and 5 (manajerial),
 * SOSIAL_KULTURAL for 6, TEKNIS otherwise</li>
 * <li>delivery mode, which SIASN does not carry: DARING for kinds 16 (e-learning) and 17 (pelatihan jarak jauh),
 * LURING otherwise</li>
 * <li>source system {@value #SOURCE_SYSTEM}; external id SIASN's record id when the file carries it, else a key
 * derived from the record's content (see {@link #externalId}), so that the same record taken in twice is recorded
 * once</li>
 * </ul>
 */
public final class SiasnCompletions {

    /** The source system of completions taken in from SIASN. */
    public static final String SOURCE_SYSTEM = "siasn";

    /** The provider of a SIASN record that names none. */
    public static final String UNKNOWN_PROVIDER = "Tidak tercatat di SIASN";

    /** The prefix of an external id derived from a record's content, which no SIASN id carries. */
    static final String DERIVED_PREFIX = "content:";

    /**
     * SIASN's latihan struktural names by id (its reference table as the public SDK black-coffee04/ws-siasn-php ships
     * it, src/Data/Referensi/latihanStruktural.json.gz), with the leadership trainings that replaced each level.
     */
    private static final Map<String, String> LATIHAN_STRUKTURAL = Map.of(
            "1", "SEPADA",
            "2", "Diklat PIM Tk. IV / Pelatihan Kepemimpinan Pengawas (PKP)",
            "3", "Diklat PIM Tk. III / Pelatihan Kepemimpinan Administrator (PKA)",
            "4", "Diklat PIM Tk. II / Pelatihan Kepemimpinan Nasional (PKN) Tingkat II",
            "5", "Diklat PIM Tk. I / Pelatihan Kepemimpinan Nasional (PKN) Tingkat I",
            SiasnReference.OTHER_STRUCTURAL, "Diklat Struktural Lainnya");

    private SiasnCompletions() {
    }

    /** The command that records the SIASN record as a completion of the ledger. */
    public static NewCompletion toNewCompletion(SiasnRecord r) {
        return new NewCompletion(r.nip(), r.title(), r.kindId(), competencyType(r.kindId()),
                deliveryMode(r.kindId()), r.provider() != null ? r.provider() : UNKNOWN_PROVIDER, r.startDate(),
                r.endDate(), BigDecimal.valueOf(r.jumlahJam()), null, false, r.certificateNumber(), SOURCE_SYSTEM,
                externalId(r));
    }

    /** The name of a latihan struktural by its SIASN id; "Diklat Struktural &lt;id&gt;" for an id not in the table. */
    public static String latihanStrukturalName(String id) {
        return id == null ? null : LATIHAN_STRUKTURAL.getOrDefault(id.strip(), "Diklat Struktural " + id.strip());
    }

    /**
     * SIASN's record id when the record carries one; otherwise {@value #DERIVED_PREFIX} and a SHA-256 (hex, first 40
     * digits) of the shape, NIP, kind, title (case and spacing ignored), dates and certificate number: the same record
     * read again gives the same key, a record differing in any of them another.
     */
    public static String externalId(SiasnRecord r) {
        if (r.id() != null) {
            return r.id();
        }
        String content = String.join("|", r.shape().name(), r.nip(), Integer.toString(r.kindId()),
                TitleSimilarity.normalise(r.title()), r.startDate().toString(), r.endDate().toString(),
                r.certificateNumber() == null ? "" : r.certificateNumber().toUpperCase(Locale.ROOT));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return DERIVED_PREFIX + HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from the JVM", e);
        }
    }

    static CompetencyType competencyType(int kindId) {
        return switch (kindId) {
            case SiasnReference.STRUCTURAL_KIND_ID, 5 -> CompetencyType.MANAJERIAL;
            case 6 -> CompetencyType.SOSIAL_KULTURAL;
            default -> CompetencyType.TEKNIS;
        };
    }

    static DeliveryMode deliveryMode(int kindId) {
        return kindId == 16 || kindId == 17 ? DeliveryMode.DARING : DeliveryMode.LURING;
    }
}
