package org.jpledger.training.siasn.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jpledger.training.siasn.domain.SiasnReconciliation;

/**
 * A stored reconciliation: its counts, the counts by unit and by employee, and (when read back) a page of its items.
 *
 * @param employees          the employees with anything but clean matches, by NIP, up to the configured number
 * @param employeesTruncated whether more employees have such findings than {@code employees} holds
 * @param items              a page of items; empty in the answer to the reconciliation itself
 * @param nextAfter          the item number the next page continues after; null on the last page
 */
public record ReconciliationView(UUID id, String unitCode, String shape, Instant createdAt, String createdBy,
        Counts counts, List<Summary> units, List<Summary> employees, boolean employeesTruncated, List<ItemView> items,
        Integer nextAfter) {

    /** How many records each finding has. */
    public record Counts(int rowsRead, int matched, int matchedDiffering, int ledgerOnly, int siasnOnly,
            int unknownNip, int outsideUnit, int invalidRows) {

        static Counts of(SiasnReconciliation r) {
            return new Counts(r.rowsRead, r.matched, r.matchedDiffering, r.ledgerOnly, r.siasnOnly, r.unknownNip,
                    r.outsideUnit, r.invalidRows);
        }
    }

    /**
     * The counts of one unit's (nip null) or one employee's findings.
     *
     * @param unitCode the unit; null for records whose NIP names no employee the caller sees
     */
    public record Summary(String unitCode, String nip, int matched, int matchedDiffering, int ledgerOnly,
            int siasnOnly, int unknownNip, int outsideUnit, int invalidRows) {
    }
}
