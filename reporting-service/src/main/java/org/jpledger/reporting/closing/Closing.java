package org.jpledger.reporting.closing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A row of {@code year_closing}: a closing of a year for the whole organisation ({@code unitCode} null) or a unit
 * subtree, with its manifest; JSON columns as their text.
 */
public record Closing(long id, int year, String unitCode, int version, String note, Instant closedAt,
        String closedBy, LocalDate ratedOn, String policies, String governing, List<Integer> ruleVersions,
        String offsets, int employeeRows, int unitRows, String files, String sha256, Instant reopenedAt,
        String reopenedBy, String reopenReason) {

    /** Whether it still stands (not reopened). */
    public boolean standing() {
        return reopenedAt == null;
    }

    /** How a refusal names it: its scope, version, time and approver. */
    public String naming() {
        return "closing " + id + " of " + year + " (" + (unitCode == null ? "whole organisation" : "unit " + unitCode)
                + ", version " + version + ", closed at " + closedAt + " by " + closedBy + ")";
    }
}
