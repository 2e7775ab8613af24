package org.jpledger.contracts.reference;

/** Classroom (klasikal) or non-classroom (nonklasikal) learning; fixed per training kind. */
public enum TrainingMethod {
    KLASIKAL,
    NONKLASIKAL
}
