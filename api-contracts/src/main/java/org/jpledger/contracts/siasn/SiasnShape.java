package org.jpledger.contracts.siasn;

import java.util.List;

/** The two SIASN training histories a completion goes to: structural leadership training apart from every other. */
public enum SiasnShape {

    /** Riwayat kursus: every training kind but structural leadership training. */
    KURSUS("riwayat-kursus", "Riwayat Kursus", SiasnCourse.FIELDS),

    /** Riwayat diklat struktural: training kind {@link SiasnReference#STRUCTURAL_KIND_ID} alone. */
    STRUKTURAL("riwayat-diklat-struktural", "Riwayat Diklat Struktural", SiasnStructuralTraining.FIELDS);

    private final String slug;
    private final String sheetName;
    private final List<String> fields;

    SiasnShape(String slug, String sheetName, List<String> fields) {
        this.slug = slug;
        this.sheetName = sheetName;
        this.fields = fields;
    }

    /** The shape a completion of this training kind is sent in. */
    public static SiasnShape ofKind(int kindId) {
        return kindId == SiasnReference.STRUCTURAL_KIND_ID ? STRUKTURAL : KURSUS;
    }

    /** Its name in query parameters and file names. */
    public String slug() {
        return slug;
    }

    public String sheetName() {
        return sheetName;
    }

    /** The SIASN field names in file order. */
    public List<String> fields() {
        return fields;
    }
}
