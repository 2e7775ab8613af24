package org.jpledger.contracts.reference;

/**
 * Competency types of Perlan 10/2018 and PermenPANRB 38/2017, named in reports ({@link #label()}) as PermenPANRB
 * 38/2017 names them.
 */
public enum CompetencyType {
    TEKNIS("Teknis"),
    MANAJERIAL("Manajerial"),
    SOSIAL_KULTURAL("Sosial Kultural");

    private final String label;

    CompetencyType(String label) {
        this.label = label;
    }

    /** The Indonesian name shown in reports. */
    public String label() {
        return label;
    }
}
