package org.jpledger.training.rest;

/** The shape of SIASN's own ids the roster keeps (pnsOrangId, instansiId): opaque, letters, digits and '-'. */
final class SiasnIds {

    static final int MAX = 64;
    static final String PATTERN = "[A-Za-z0-9-]+";
    static final String MESSAGE = "must be up to 64 letters, digits or '-'";

    private SiasnIds() {
    }
}
