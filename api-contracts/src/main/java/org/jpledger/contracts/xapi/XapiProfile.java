package org.jpledger.contracts.xapi;

import java.util.List;

/**
 * The JP Ledger xAPI profile: which statements training-service's Learning Record Store turns into completions, and the
 * extension IRIs a learning platform puts the completion's details in (docs/xapi.md).
 */
public final class XapiProfile {

    /** Verbs whose statements record a completion. */
    public static final String COMPLETED = "http://adlnet.gov/expapi/verbs/completed";
    public static final String PASSED = "http://adlnet.gov/expapi/verbs/passed";
    public static final List<String> COMPLETION_VERBS = List.of(COMPLETED, PASSED);
    /** The verb of a statement that voids another (its object a StatementRef). */
    public static final String VOIDED = "http://adlnet.gov/expapi/verbs/voided";

    private static final String BASE = "https://jpledger.id/xapi/extensions/";
    /** Result extension: the lesson hours (JP) the training counts for, a number. */
    public static final String JP = BASE + "jp";
    /** Context extension: the national training kind id (jenis diklat, 1-25). */
    public static final String KIND = BASE + "kind";
    /** Context extension: TEKNIS, MANAJERIAL or SOSIAL_KULTURAL. */
    public static final String COMPETENCY_TYPE = BASE + "competency-type";
    /** Context extension: LURING, DARING or BLENDED; DARING when absent (the statement came from a platform). */
    public static final String DELIVERY_MODE = BASE + "delivery-mode";
    /** Context extension: the organising institution; {@code context.platform} when absent. */
    public static final String PROVIDER = BASE + "provider";
    /** Context extension: the first day of the training (yyyy-MM-dd); the last day when absent. */
    public static final String START_DATE = BASE + "start-date";
    /** Context extension: the certificate number (nomor sertipikat). */
    public static final String CERTIFICATE_NUMBER = BASE + "certificate-number";
    /** Context extension: true for international training. */
    public static final String INTERNATIONAL = BASE + "international";

    /**
     * Attachment usage type of a certificate (sertifikat/STTPP) as a PDF or an image: an attachment of a completion
     * statement with this usage type is stored as the completion's certificate file.
     */
    public static final String CERTIFICATE_ATTACHMENT = "https://jpledger.id/xapi/attachments/certificate";

    /** The xAPI versions the Learning Record Store speaks, newest first. */
    public static final String VERSION_2 = "2.0.0";
    public static final String VERSION_1 = "1.0.3";

    private XapiProfile() {
    }
}
