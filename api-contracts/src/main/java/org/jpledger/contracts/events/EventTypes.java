package org.jpledger.contracts.events;

/**
 * Stable CloudEvents {@code type} strings. A payload change gets a new version suffix; consumers keep reading old ones.
 */
public final class EventTypes {

    public static final String UNIT_UPSERTED_V1 = "org.jpledger.unit.upserted.v1";
    public static final String EMPLOYEE_UPSERTED_V1 = "org.jpledger.employee.upserted.v1";
    public static final String COMPLETION_RECORDED_V1 = "org.jpledger.completion.recorded.v1";
    /** A completion's content replaced by a new version; payload {@link CompletionRecorded} with the full new state. */
    public static final String COMPLETION_AMENDED_V1 = "org.jpledger.completion.amended.v1";
    /** A completion ended by voiding; payload {@link CompletionRecorded} with status VOIDED and the reason. */
    public static final String COMPLETION_VOIDED_V1 = "org.jpledger.completion.voided.v1";
    /**
     * A completion's verification state or flags changed while its content did not (verified, rejected, flagged as a
     * possible duplicate, a flag cleared); payload {@link CompletionRecorded} with the full new state.
     */
    public static final String COMPLETION_REVIEWED_V1 = "org.jpledger.completion.reviewed.v1";

    private EventTypes() {
    }
}
