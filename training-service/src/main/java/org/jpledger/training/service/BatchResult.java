package org.jpledger.training.service;

import java.util.List;
import org.jpledger.contracts.problem.Problem;

/** What a batch came to: counts, and one result per item in input order. */
public record BatchResult(int created, int existing, int failed, List<Item> items) {

    /**
     * What happened to one item of a batch or one row of an import.
     *
     * @param index      position in the input (for an import, the data row number)
     * @param completion the stored completion, created or existing
     * @param problem    why the item was refused (error only)
     */
    public record Item(int index, Status status, CompletionSnapshot completion, Problem problem) {
    }

    /** What happened to an item: recorded now, recorded before by an identical item or request, or refused. */
    public enum Status { CREATED, EXISTING, ERROR }
}
