package org.jpledger.contracts.reference;

/** Something implausible about a stored completion: it still counts, but a verifier should look at it. */
public enum CompletionFlag {
    /** More JP per day of the training's span than the method's ceiling allows (default 10 JP a day klasikal). */
    IMPLAUSIBLE_JP_PER_DAY,
    /** Another completion of the same employee looks like the same training (see {@link DuplicateRule}). */
    POSSIBLE_DUPLICATE
}
