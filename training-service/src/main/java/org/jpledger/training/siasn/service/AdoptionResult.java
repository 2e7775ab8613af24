package org.jpledger.training.siasn.service;

import java.util.List;
import java.util.UUID;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.training.service.BatchResult;

/** What an adoption came to: counts, and per item created, existing (taken in before) or failed with its problem. */
public record AdoptionResult(int created, int existing, int failed, List<Item> items) {

    /**
     * One item's outcome.
     *
     * @param completionId the completion the record is in the ledger as (created or existing)
     * @param problem      why the item was not taken in (error only)
     */
    public record Item(int itemId, BatchResult.Status status, UUID completionId, Problem problem) {
    }
}
