package org.jpledger.training.verification.service;

import java.util.List;

/**
 * One page of the verifier's queue, oldest first.
 *
 * @param nextCursor opaque cursor of the next page; null on the last page
 */
public record QueuePage(List<QueueItem> items, String nextCursor) {
}
