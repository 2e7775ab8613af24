package org.jpledger.contracts.reference;

/**
 * Why two completions of the same employee look like one training reported twice (flag
 * {@link CompletionFlag#POSSIBLE_DUPLICATE}); a guess for a verifier to resolve, never a refusal.
 */
public enum DuplicateRule {
    /** Both carry the same certificate number (compared normalised: case, spaces and separators ignored). */
    SAME_CERTIFICATE,
    /** Same kind, overlapping dates, and titles similar after normalisation. */
    SIMILAR_TITLE_OVERLAPPING_DATES,
    /** Two full-time classroom (klasikal) trainings on overlapping days: one person cannot attend both. */
    OVERLAPPING_FULL_TIME_KLASIKAL
}
