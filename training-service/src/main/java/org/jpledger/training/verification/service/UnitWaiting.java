package org.jpledger.training.verification.service;

/** The number of completions waiting in a unit (or its subtree), and how many of them carry a flag. */
public record UnitWaiting(String unitCode, String unitName, long waiting, long flagged) {
}
