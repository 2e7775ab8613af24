package org.jpledger.training.service;

import java.util.List;

/**
 * One page of a listing, in the listing's order.
 *
 * @param nextCursor opaque cursor of the next page; null on the last page
 */
public record Page<T>(List<T> items, String nextCursor) {
}
