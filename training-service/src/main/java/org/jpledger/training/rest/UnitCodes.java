package org.jpledger.training.rest;

/** The shape of a unit code: opaque, from short provincial codes to the national 32-character hex ids. */
public final class UnitCodes {

    public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";
    public static final String MESSAGE = "must be 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit";

    private UnitCodes() {
    }
}
