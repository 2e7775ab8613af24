package org.jpledger.training.service;

import java.util.List;
import org.jpledger.contracts.problem.Problem;

/**
 * What a CSV import came to: counts of the data rows read, and the first refused rows with their problems.
 *
 * @param errorsTruncated true when more rows were refused than listed
 */
public record ImportResult(long rows, long created, long existing, long failed, List<RowError> errors,
        boolean errorsTruncated) {

    /** At most this many refused rows are listed. */
    public static final int MAX_ERRORS = 1000;

    /** A refused row, numbered from 1 for the first row after the header. */
    public record RowError(long row, Problem problem) {
    }
}
