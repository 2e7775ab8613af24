package org.jpledger.contracts.reference;

/** Kinds of ASN: career civil servant (PNS) or government employee on contract (PPPK). */
public enum EmploymentType {
    PNS,
    PPPK
}
