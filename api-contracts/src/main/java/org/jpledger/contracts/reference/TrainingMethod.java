package org.jpledger.contracts.reference;

/**
 * Classroom (klasikal) or non-classroom (nonklasikal) learning; fixed per training kind. Named in reports
 * ({@link #label()}) as Perlan 10/2018 names them.
 */
public enum TrainingMethod {
    KLASIKAL("Klasikal"),
    NONKLASIKAL("Nonklasikal");

    private final String label;

    TrainingMethod(String label) {
        this.label = label;
    }

    /** The Indonesian name shown in reports. */
    public String label() {
        return label;
    }
}
