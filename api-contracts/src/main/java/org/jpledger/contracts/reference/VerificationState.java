package org.jpledger.contracts.reference;

/**
 * Whether a completion's claim was checked: reported and waiting, confirmed by a verifier, refused by one, or taken as
 * confirmed because its source system is trusted for the employee's unit. A year's {@link CountingPolicy} decides which
 * states count. Events written before verification existed carry none: read them as {@link #SUBMITTED}.
 */
public enum VerificationState {
    /** Reported and not yet checked. */
    SUBMITTED("Menunggu verifikasi"),
    /** Checked and confirmed by a {@code training-verifier}. */
    VERIFIED("Terverifikasi"),
    /** Checked and refused by a {@code training-verifier}, with a {@link RejectionReason}; never counts. */
    REJECTED("Ditolak"),
    /** Reported by a source system the organisation trusts for the employee's unit subtree. */
    AUTO_VERIFIED("Terverifikasi otomatis");

    private final String label;

    VerificationState(String label) {
        this.label = label;
    }

    /** The Indonesian label shown in reports and forms. */
    public String label() {
        return label;
    }

    /** Whether an active completion in this state counts toward the yearly duty under {@code policy}. */
    public boolean counts(CountingPolicy policy) {
        return switch (policy) {
            case ALL -> this != REJECTED;
            case VERIFIED_ONLY -> this == VERIFIED;
            case VERIFIED_OR_TRUSTED -> this == VERIFIED || this == AUTO_VERIFIED;
        };
    }

    /**
     * Whether an active completion in this state waits for a verifier's decision that would make it count under
     * {@code policy}: JP "pending verification", shown beside the JP counted.
     */
    public boolean pending(CountingPolicy policy) {
        return this != REJECTED && !counts(policy);
    }

    /** The state of an event that carries none (written before verification existed). */
    public static VerificationState orSubmitted(VerificationState state) {
        return state == null ? SUBMITTED : state;
    }
}
