package org.jpledger.training.service;

import java.time.LocalDate;

/**
 * The command to dissolve a unit from a date: a dissolution, a merger into {@code successorCode}, or a move to a new
 * code.
 *
 * @param successorCode the unit that takes over; null when none does
 * @param reference     the decision (SK, Perda) that dissolves it
 */
public record UnitDissolution(LocalDate effectiveDate, String successorCode, String reference) {

    /** The longest reference, in characters. */
    public static final int MAX_REFERENCE = 100;
}
