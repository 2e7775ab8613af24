package org.jpledger.reporting.export;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpledger.reporting.projection.ComplianceStatus;

/**
 * Which rows an export holds: the training year (compliance, units), the units (each with its subtree; null for every
 * unit), a status (compliance), and an end-date range (training history).
 */
public record ExportFilter(int year, List<String> units, ComplianceStatus status, LocalDate from, LocalDate to) {

    /** The filter as the audit log and the manifest record it. */
    public Map<String, Object> describe(ExportKind kind) {
        Map<String, Object> described = new LinkedHashMap<>();
        if (kind == ExportKind.TRAINING_HISTORY) {
            described.put("from", String.valueOf(from));
            described.put("to", String.valueOf(to));
        } else {
            described.put("year", year);
        }
        described.put("units", units == null ? "*" : String.join(",", units));
        if (status != null) {
            described.put("status", status.name());
        }
        return described;
    }
}
