package org.jpledger.contracts.reference;

/** Competency types of Perlan 10/2018 and PermenPANRB 38/2017. */
public enum CompetencyType {
    TEKNIS,
    MANAJERIAL,
    SOSIAL_KULTURAL
}
