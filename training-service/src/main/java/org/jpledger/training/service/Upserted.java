package org.jpledger.training.service;

/**
 * The outcome of a create-or-update.
 *
 * @param created true when the call created the resource, false when it existed (changed or not)
 */
public record Upserted<T>(boolean created, T body) {
}
