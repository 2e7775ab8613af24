package org.jpledger.reporting.siasn.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.jpledger.reporting.export.NamedSql;
import org.jpledger.reporting.siasn.SiasnQueries;
import org.jpledger.reporting.siasn.SiasnRow;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.ResourceNotFoundException;

/**
 * The SIASN sync state's use cases: creating a stored delta (what changed since the last acknowledged one, replacing
 * an unacknowledged one of the same units), reading deltas, and acknowledging one as sent. Creating and acknowledging
 * take one lock, so two deltas never read the sync state half-acknowledged.
 */
@ApplicationScoped
public class SiasnDeltaService {

    /** At most this many SIASN ids per acknowledgement. */
    public static final int MAX_SIASN_IDS = 100_000;
    /** The newest deltas a listing looks through (they are kept; a listing pages within these). */
    static final int LISTING_SCAN = 10_000;
    private static final long LOCK = 0x5149_4153_4e00_0001L;
    private static final int BATCH = 1_000;
    private static final String OPEN = "OPEN";

    private final DataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;

    public SiasnDeltaService(DataSource dataSource, ObjectMapper json, Clock clock) {
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    /** Create a delta of {@code units} (null: every unit), by {@code createdBy}, with an optional note. */
    public record CreateDelta(List<String> units, String note, String createdBy) {
    }

    /** Acknowledge a delta as sent, with the SIASN ids SIASN returned (completion id to SIASN id). */
    public record Acknowledge(UUID exportId, Map<UUID, String> siasnIds, String acknowledgedBy) {
    }

    /** Creates the delta and stores its rows; an open delta of overlapping units is superseded (its rows come again). */
    @Transactional
    public DeltaExport create(CreateDelta command) {
        UUID exportId = UUID.randomUUID();
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            lock(connection);
            Array units = command.units() == null ? null
                    : connection.createArrayOf("text", command.units().toArray());
            try (PreparedStatement supersede = connection.prepareStatement("""
                    UPDATE siasn_export SET state = 'SUPERSEDED' WHERE state = 'OPEN'
                      AND (units IS NULL OR CAST(? AS text[]) IS NULL OR units && CAST(? AS text[]))""")) {
                supersede.setArray(1, units);
                supersede.setArray(2, units);
                supersede.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO siasn_export (export_id, created_at, created_by, units, note, state, create_count,
                        update_count, delete_count) VALUES (?, ?, ?, ?, ?, 'OPEN', 0, 0, 0)""")) {
                insert.setObject(1, exportId);
                insert.setTimestamp(2, Timestamp.from(now));
                insert.setString(3, command.createdBy());
                insert.setArray(4, units);
                insert.setString(5, command.note());
                insert.executeUpdate();
            }
            int[] counts = storeRows(connection, exportId, command.units());
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE siasn_export SET create_count = ?, update_count = ?, delete_count = ? WHERE export_id = ?")) {
                update.setInt(1, counts[0]);
                update.setInt(2, counts[1]);
                update.setInt(3, counts[2]);
                update.setObject(4, exportId);
                update.executeUpdate();
            }
            return find(connection, exportId).orElseThrow();
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("could not create the SIASN delta", e);
        }
    }

    /** The rows of the delta in file order; the number of CREATE, UPDATE and DELETE rows. */
    private int[] storeRows(Connection connection, UUID exportId, List<String> units)
            throws SQLException, IOException {
        int[] counts = new int[3];
        Map<String, Object> values = SiasnQueries.parameters(units, null, null, null);
        try (PreparedStatement query = NamedSql.of(SiasnQueries.DELTA).prepare(connection, values);
                PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO siasn_export_row (export_id, seq, action, completion_id, version, shape, record)
                        VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            query.setFetchSize(BATCH);
            int seq = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    SiasnRow row = SiasnRow.read(rows);
                    String action = rows.getString("action");
                    counts[switch (action) {
                        case "CREATE" -> 0;
                        case "UPDATE" -> 1;
                        default -> 2;
                    }]++;
                    insert.setObject(1, exportId);
                    insert.setInt(2, ++seq);
                    insert.setString(3, action);
                    insert.setObject(4, row.completionId());
                    insert.setLong(5, row.version());
                    insert.setString(6, row.shape().name());
                    insert.setString(7, json.writeValueAsString(row.record()));
                    insert.addBatch();
                    if (seq % BATCH == 0) {
                        insert.executeBatch();
                    }
                }
            }
            insert.executeBatch();
        } catch (JsonProcessingException e) {
            throw new IOException(e);
        }
        return counts;
    }

    /** The deltas the caller may see ({@code visible}), newest first, one page. */
    @Transactional
    public List<DeltaExport> list(java.util.function.Predicate<List<String>> visible, int offset, int limit) {
        List<DeltaExport> page = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        SELECT + " ORDER BY created_at DESC, export_id LIMIT " + LISTING_SCAN)) {
            int skipped = 0;
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next() && page.size() < limit) {
                    DeltaExport export = export(rows);
                    if (!visible.test(export.units())) {
                        continue;
                    }
                    if (skipped++ >= offset) {
                        page.add(export);
                    }
                }
            }
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("could not list the SIASN deltas", e);
        }
    }

    /** The delta, if the caller may see it ({@code visible}); 404 otherwise. */
    @Transactional
    public DeltaExport get(UUID exportId, java.util.function.Predicate<List<String>> visible) {
        try (Connection connection = dataSource.getConnection()) {
            return find(connection, exportId).filter(export -> visible.test(export.units()))
                    .orElseThrow(SiasnDeltaService::notFound);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the SIASN delta", e);
        }
    }

    /**
     * Marks every row of the delta as sent: its version, the time and the export; a DELETE as withdrawn; the SIASN ids
     * given stored (an id not given keeps the one known). Only an OPEN delta (the newest of its units) may be
     * acknowledged, once: 409 otherwise.
     */
    @Transactional
    public DeltaExport acknowledge(Acknowledge command, java.util.function.Predicate<List<String>> visible) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection()) {
            lock(connection);
            DeltaExport export = find(connection, command.exportId()).filter(e -> visible.test(e.units()))
                    .orElseThrow(SiasnDeltaService::notFound);
            if (!export.state().equals(OPEN)) {
                throw new ConflictException(export.state().equals("ACKNOWLEDGED")
                        ? "This SIASN delta was already acknowledged."
                        : "A newer SIASN delta replaced this one; send and acknowledge the newest.");
            }
            checkRows(connection, command);
            try (PreparedStatement sync = connection.prepareStatement("""
                    INSERT INTO siasn_sync (completion_id, sent_version, sent_at, export_id, siasn_id, withdrawn)
                    SELECT r.completion_id, r.version, ?, r.export_id, ids.siasn_id, r.action = 'DELETE'
                    FROM siasn_export_row r
                    LEFT JOIN unnest(CAST(? AS uuid[]), CAST(? AS text[])) AS ids(completion_id, siasn_id)
                      ON ids.completion_id = r.completion_id
                    WHERE r.export_id = ?
                    ON CONFLICT (completion_id) DO UPDATE SET sent_version = EXCLUDED.sent_version,
                        sent_at = EXCLUDED.sent_at, export_id = EXCLUDED.export_id, withdrawn = EXCLUDED.withdrawn,
                        siasn_id = coalesce(EXCLUDED.siasn_id, siasn_sync.siasn_id)""")) {
                sync.setTimestamp(1, Timestamp.from(now));
                sync.setArray(2, connection.createArrayOf("uuid", command.siasnIds().keySet().toArray()));
                sync.setArray(3, connection.createArrayOf("text", command.siasnIds().values().toArray()));
                sync.setObject(4, command.exportId());
                sync.executeUpdate();
            }
            try (PreparedStatement update = connection.prepareStatement("""
                    UPDATE siasn_export SET state = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?
                    WHERE export_id = ?""")) {
                update.setTimestamp(1, Timestamp.from(now));
                update.setString(2, command.acknowledgedBy());
                update.setObject(3, command.exportId());
                update.executeUpdate();
            }
            return find(connection, command.exportId()).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("could not acknowledge the SIASN delta", e);
        }
    }

    /** Each SIASN id must name a completion of the export's rows: 400 naming the first ones that do not. */
    private static void checkRows(Connection connection, Acknowledge command) throws SQLException {
        if (command.siasnIds().isEmpty()) {
            return;
        }
        Set<UUID> known = new HashSet<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT completion_id FROM siasn_export_row WHERE export_id = ? AND completion_id = ANY (?)")) {
            query.setObject(1, command.exportId());
            query.setArray(2, connection.createArrayOf("uuid", command.siasnIds().keySet().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    known.add(rows.getObject(1, UUID.class));
                }
            }
        }
        FieldErrors errors = new FieldErrors();
        int named = 0;
        for (UUID completionId : command.siasnIds().keySet()) {
            if (!known.contains(completionId) && named++ < 20) {
                errors.add("siasnIds", "completion " + completionId + " is not a row of this export");
            }
        }
        errors.throwIfAny();
    }

    private static final String SELECT = """
            SELECT export_id, created_at, created_by, units, note, state, create_count, update_count, delete_count,
                   acknowledged_at, acknowledged_by FROM siasn_export""";

    private static Optional<DeltaExport> find(Connection connection, UUID exportId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SELECT + " WHERE export_id = ?")) {
            query.setObject(1, exportId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.of(export(row)) : Optional.empty();
            }
        }
    }

    private static DeltaExport export(ResultSet row) throws SQLException {
        UUID id = row.getObject("export_id", UUID.class);
        Array units = row.getArray("units");
        Timestamp acknowledged = row.getTimestamp("acknowledged_at");
        return new DeltaExport(id, row.getTimestamp("created_at").toInstant(), row.getString("created_by"),
                units == null ? null : Arrays.asList((String[]) units.getArray()), row.getString("note"),
                row.getString("state"), new DeltaExport.Rows(row.getInt("create_count"), row.getInt("update_count"),
                        row.getInt("delete_count")), acknowledged == null ? null : acknowledged.toInstant(),
                row.getString("acknowledged_by"), DeltaFiles.of(id));
    }

    private static void lock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK);
            lock.executeQuery().close();
        }
    }

    private static ResourceNotFoundException notFound() {
        return new ResourceNotFoundException("No SIASN delta export with this id within your units.");
    }

    /** Keeps the last SIASN id given for each completion, in the order given. */
    public static Map<UUID, String> lastWins(List<Map.Entry<UUID, String>> pairs) {
        Map<UUID, String> ids = new LinkedHashMap<>();
        pairs.forEach(pair -> ids.put(pair.getKey(), pair.getValue()));
        return ids;
    }
}
