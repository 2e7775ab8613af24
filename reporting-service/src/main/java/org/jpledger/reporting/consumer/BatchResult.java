package org.jpledger.reporting.consumer;

/**
 * What one committed batch did.
 *
 * @param applied events that changed a projection
 * @param ignored duplicate or stale events that changed nothing
 * @param parked  records that could not be read and were parked
 */
public record BatchResult(int applied, int ignored, int parked) {
}
