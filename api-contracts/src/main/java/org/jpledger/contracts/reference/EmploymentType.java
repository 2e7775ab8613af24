package org.jpledger.contracts.reference;

/**
 * Kinds of ASN: career civil servant (PNS), government employee with a work contract (PPPK, PP 49/2018), and part-time
 * PPPK (PPPK paruh waktu, appointed from 2025 under UU 20/2023).
 */
public enum EmploymentType {
    PNS,
    PPPK,
    PPPK_PARUH_WAKTU;

    /** Whether the employee works on a PPPK contract (full or part time). */
    public boolean contract() {
        return this != PNS;
    }
}
