package org.jpledger.training.siasn.service;

import java.util.List;

/**
 * The command to take SIASN-only records of a reconciliation into the ledger: some items by id, or all.
 *
 * @param items the item ids; null or empty with {@code all}
 * @param all   true for every SIASN-only item
 */
public record Adoption(List<Integer> items, Boolean all) {
}
