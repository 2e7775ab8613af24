package org.jpledger.reporting.closing;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.Sql;

/**
 * Closes a year the way a closing does, for the tests of the closed reads until the closing endpoint is merged: takes
 * the consumer's offsets, then writes year_closing and the closing_* rows from the live API answers of the moment (as
 * the app serialized them), for the whole organisation (no root) or a unit subtree.
 */
public final class ClosingSnapshots {

    private final DataSource dataSource;

    public ClosingSnapshots(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Closes {@code year} for the subtree of {@code root} (the whole organisation when null); returns the closing id. */
    public long close(int year, String root, String closedBy, String note) {
        return close(year, root, closedBy, note, true);
    }

    /**
     * As {@link #close(int, String, String, String)}; without {@code employees}, only the units' and the total rows
     * (enough for a summary, and quick for a whole organisation whose employees other tests keep adding).
     */
    public long close(int year, String root, String closedBy, String note, boolean employees) {
        String offsets = Sql.single(dataSource, "SELECT coalesce(jsonb_object_agg(topic || '-' || partition, "
                + "next_offset), '{}')::text FROM consumer_offset").orElseThrow();
        List<String> units = new ArrayList<>();
        Map<String, String> parents = new java.util.HashMap<>();
        String tree = Sql.single(dataSource, """
                WITH RECURSIVE scope(code) AS (
                    SELECT code FROM unit WHERE (?::text IS NULL AND parent_code IS NULL) OR code = ?::text
                  UNION
                    SELECT u.code FROM unit u JOIN scope s ON u.parent_code = s.code WHERE ?
                )
                SELECT coalesce(string_agg(s.code || '=' || coalesce(u.parent_code, ''), ';'), '')
                FROM scope s JOIN unit u ON u.code = s.code""", root, root, employees).orElse("");
        for (String pair : tree.split(";")) {
            if (!pair.isEmpty()) {
                String[] parts = pair.split("=", -1);
                units.add(parts[0]);
                parents.put(parts[0], parts[1].isEmpty() ? null : parts[1]);
            }
        }
        int version = Integer.parseInt(Sql.single(dataSource, "SELECT (coalesce(max(version), 0) + 1)::text "
                + "FROM year_closing WHERE year = ? AND unit_code IS NOT DISTINCT FROM ?::text", year, root).orElseThrow());
        long id = Long.parseLong(Sql.single(dataSource, """
                INSERT INTO year_closing (year, unit_code, version, note, closed_at, closed_by, rated_on, policies,
                    governing, rule_versions, offsets, employee_rows, unit_rows, files, sha256)
                VALUES (?, ?, ?, ?, now(), ?, make_date(?, 12, 31), '[]', '{}', '{}', ?::jsonb, 0, 0, '[]', '')
                RETURNING id::text""", year, root, version, note, closedBy, year, offsets).orElseThrow());
        List<String> nips = new ArrayList<>();
        String cursor = null;
        do {
            if (!employees) {
                break;
            }
            RequestSpecification request = live(year).queryParam("limit", 500);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = (root == null ? request.get("/api/v1/compliance/summary/employees")
                    : request.get("/api/v1/compliance/units/{code}/employees", root)).then().statusCode(200)
                    .extract().jsonPath();
            nips.addAll(page.getList("items.nip"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        for (String nip : nips) {
            String answer = live(year).get("/api/v1/compliance/employees/{nip}", nip).then().statusCode(200).extract()
                    .asString();
            JsonPath json = JsonPath.from(answer);
            Sql.execute(dataSource, "INSERT INTO closing_employee (closing_id, nip, unit_code, name, status, total_jp, "
                    + "answer) VALUES (?, ?, ?, ?, ?, ?::numeric, ?::jsonb)", id, nip, json.getString("unitCode"),
                    json.getString("name"), json.getString("status"), json.getString("totalJp"), answer);
        }
        for (String code : units) {
            String answer = live(year).get("/api/v1/compliance/units/{code}", code).then().statusCode(200).extract()
                    .asString();
            Sql.execute(dataSource, "INSERT INTO closing_unit (closing_id, unit_code, parent_code, name, answer) "
                    + "VALUES (?, ?, ?, ?, ?::jsonb)", id, code, parents.get(code),
                    JsonPath.from(answer).getString("unit.name"), answer);
        }
        String total = root == null ? live(year).get("/api/v1/compliance/summary").then().statusCode(200).extract()
                .asString() : live(year).get("/api/v1/compliance/units/{code}", root).then().statusCode(200).extract()
                .asString();
        Sql.execute(dataSource, "INSERT INTO closing_unit (closing_id, unit_code, parent_code, name, answer) "
                + "VALUES (?, '', NULL, '', ?::jsonb)", id, total);
        Sql.execute(dataSource, "UPDATE year_closing SET employee_rows = ?, unit_rows = ? WHERE id = ?", nips.size(),
                units.size() + 1, id);
        return id;
    }

    /** Marks the closing reopened, as an admin's reopening does. */
    public void reopen(long closingId, String by, String reason) {
        Sql.execute(dataSource, "UPDATE year_closing SET reopened_at = now(), reopened_by = ?, reopen_reason = ? "
                + "WHERE id = ?", by, reason, closingId);
    }

    private static RequestSpecification live(int year) {
        return Compliance.request().queryParam("year", year).queryParam("view", "live");
    }
}
