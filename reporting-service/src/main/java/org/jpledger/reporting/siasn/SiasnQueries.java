package org.jpledger.reporting.siasn;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jpledger.contracts.siasn.SiasnReference;
import org.jpledger.contracts.siasn.SiasnShape;

/**
 * The SQL of SIASN's training history over the projections: each completion with its employee's SIASN person id, the
 * instansi id of the root above the employee's unit in the completion's year, and SIASN's record id when an
 * acknowledgement brought it; limited to the units asked with their subtrees, in a stable order.
 */
public final class SiasnQueries {

    private static final String FROM = """
            WITH RECURSIVE covered(code) AS (
                SELECT code FROM unit WHERE :allUnits OR code = ANY (CAST(:units AS text[]))
              UNION
                SELECT c.code FROM unit c JOIN covered m ON c.parent_code = m.code
            ), up(code, root) AS (
                SELECT code, code FROM unit WHERE parent_code IS NULL
              UNION
                SELECT c.code, u.root FROM unit c JOIN up u ON c.parent_code = u.code
            )
            SELECT f.completion_id, f.version, f.status, f.nip, e.pns_orang_id, r.instansi_id, f.kind_id, f.title,
                   f.provider, f.certificate_number, f.start_date, f.end_date, f.jp, f.days, f.international,
                   f.recognized_jp, s.siasn_id, %s AS action
            FROM completion_fact f
            JOIN employee e ON e.nip = f.nip
            LEFT JOIN employee_year y ON y.nip = f.nip AND y.year = f.year
            LEFT JOIN up ON up.code = coalesce(y.unit_code, e.unit_code)
            LEFT JOIN unit r ON r.code = up.root
            LEFT JOIN siasn_sync s ON s.completion_id = f.completion_id
            WHERE (:allUnits OR coalesce(y.unit_code, e.unit_code) IN (SELECT code FROM covered))
              AND (:kursus AND f.kind_id <> %d OR :struktural AND f.kind_id = %d)
              AND %s
            ORDER BY f.end_date, f.nip, f.completion_id""";

    /**
     * A completion SIASN holds: active and not rejected by a verifier. A rejected one is sent as a voided one is (the
     * claim was refused); one waiting for verification is sent, whatever the year's counting policy, because SIASN
     * keeps the training history, and counting is the agency's own judgement of it.
     */
    private static final String HELD = "(f.status = 'ACTIVE' AND f.verification <> 'REJECTED')";

    /** The held (not voided, not rejected) completions ending in {@code :from}..{@code :to}: the full history. */
    public static final String FULL = FROM.formatted("NULL", SiasnReference.STRUCTURAL_KIND_ID,
            SiasnReference.STRUCTURAL_KIND_ID, HELD + " AND f.end_date BETWEEN :from AND :to");

    /**
     * What changed since the last acknowledged delta, with its action: never sent (or withdrawn) and held: CREATE;
     * sent in an older version and held: UPDATE; sent, not withdrawn, and now voided or rejected: DELETE.
     */
    public static final String DELTA = FROM.formatted("CASE WHEN NOT " + HELD + """
             THEN 'DELETE'
                 WHEN s.completion_id IS NULL OR s.withdrawn THEN 'CREATE' ELSE 'UPDATE' END""",
            SiasnReference.STRUCTURAL_KIND_ID, SiasnReference.STRUCTURAL_KIND_ID, "(" + HELD + """
             AND (s.completion_id IS NULL OR s.withdrawn OR f.version > s.sent_version)
             OR NOT """ + HELD + " AND s.completion_id IS NOT NULL AND NOT s.withdrawn)");

    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    private static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    private SiasnQueries() {
    }

    /**
     * The parameters: the units (each with its subtree; null for every unit), the shapes wanted (null for both) and the
     * end-date range (null for no bound).
     */
    public static Map<String, Object> parameters(List<String> units, SiasnShape shape, LocalDate from, LocalDate to) {
        Map<String, Object> values = new HashMap<>();
        values.put("allUnits", units == null);
        values.put("units", units == null ? List.of() : units);
        values.put("kursus", shape == null || shape == SiasnShape.KURSUS);
        values.put("struktural", shape == null || shape == SiasnShape.STRUKTURAL);
        values.put("from", from == null ? EARLIEST : from);
        values.put("to", to == null ? LATEST : to);
        return values;
    }
}
