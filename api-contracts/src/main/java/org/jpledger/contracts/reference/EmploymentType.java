package org.jpledger.contracts.reference;

/**
 * Kinds of ASN: career civil servant (PNS), government employee with a work contract (PPPK, PP 49/2018), and part-time
 * PPPK (PPPK paruh waktu, appointed from 2025 under UU 20/2023). Each has the name it goes by in reports
 * ({@link #label()}): PNS and PPPK by the abbreviations UU 20/2023 Pasal 1 and BKN's SIASN use, the part-time kind as
 * "PPPK Paruh Waktu".
 */
public enum EmploymentType {
    PNS("PNS"),
    PPPK("PPPK"),
    PPPK_PARUH_WAKTU("PPPK Paruh Waktu");

    private final String label;

    EmploymentType(String label) {
        this.label = label;
    }

    /** The Indonesian name shown in reports. */
    public String label() {
        return label;
    }

    /** Whether the employee works on a PPPK contract (full or part time). */
    public boolean contract() {
        return this != PNS;
    }
}
