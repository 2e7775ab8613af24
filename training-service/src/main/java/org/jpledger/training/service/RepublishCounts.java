package org.jpledger.training.service;

/** How many current states a republish emitted, one event per aggregate. */
public record RepublishCounts(long units, long employees, long completions) {
}
