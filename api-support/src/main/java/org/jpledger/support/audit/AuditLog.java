package org.jpledger.support.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The service's append-only audit log (table {@code audit_entry}; the database refuses updates and deletes). Each
 * entry is written in its own short transaction, so a refused or failed request is logged as surely as a done one.
 */
@ApplicationScoped
public class AuditLog {

    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final ObjectMapper json;

    public AuditLog(DataSource dataSource, ObjectMapper json) {
        this.dataSource = dataSource;
        this.json = json;
    }

    /** Appends one entry; its id and time are the database's. */
    public void append(AuditEntry entry) {
        String sql = "INSERT INTO audit_entry (subject, client, roles, scope, action, target_unit, target_nip, target_id,"
                + " outcome, status, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS jsonb))";
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(sql)) {
            insert.setString(1, storable(entry.subject()));
            insert.setString(2, storable(entry.client()));
            insert.setString(3, storable(entry.roles()));
            insert.setString(4, storable(entry.scope()));
            insert.setString(5, storable(entry.action()));
            insert.setString(6, storable(entry.targetUnit()));
            insert.setString(7, storable(entry.targetNip()));
            insert.setString(8, storable(entry.targetId()));
            insert.setString(9, storable(entry.outcome()));
            insert.setInt(10, entry.status());
            insert.setString(11, json.writeValueAsString(storable(json.valueToTree(
                    entry.details() == null ? Map.of() : entry.details()))));
            insert.executeUpdate();
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not write to the audit log", e);
        }
    }

    /**
     * Text as PostgreSQL can store it. A NUL character, which no text or jsonb value may hold, becomes U+FFFD: a path
     * or a token holding one must not keep the attempt out of the log, and the entry still shows where it stood.
     */
    static String storable(String text) {
        return text == null ? null : text.replace('\0', '\uFFFD');
    }

    /** A JSON tree with every text in it, names included, {@link #storable(String) storable}. */
    static JsonNode storable(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(storable(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.properties().forEach(field -> copy.set(storable(field.getKey()), storable(field.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(storable(item)));
            return copy;
        }
        return node;
    }

    /**
     * Entries newest first, optionally from/to a time (to exclusive), of one subject, touching one target (a unit code,
     * NIP or record id), below an id (the previous page's last).
     */
    public List<AuditEntry> search(OffsetDateTime from, OffsetDateTime to, String subject, String target, Long beforeId,
            int limit) {
        StringBuilder sql = new StringBuilder("SELECT id, at, subject, client, roles, scope, action, target_unit,"
                + " target_nip, target_id, outcome, status, details::text FROM audit_entry WHERE true");
        List<Object> args = new ArrayList<>();
        if (from != null) {
            sql.append(" AND at >= ?");
            args.add(from);
        }
        if (to != null) {
            sql.append(" AND at < ?");
            args.add(to);
        }
        if (subject != null) {
            sql.append(" AND subject = ?");
            args.add(subject);
        }
        if (target != null) {
            sql.append(" AND (target_unit = ? OR target_nip = ? OR target_id = ?)");
            args.add(target);
            args.add(target);
            args.add(target);
        }
        if (beforeId != null) {
            sql.append(" AND id < ?");
            args.add(beforeId);
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                Object arg = args.get(i);
                if (arg instanceof OffsetDateTime time) {
                    query.setObject(i + 1, time, Types.TIMESTAMP_WITH_TIMEZONE);
                } else {
                    query.setObject(i + 1, arg);
                }
            }
            List<AuditEntry> entries = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    entries.add(new AuditEntry(rows.getLong(1), rows.getObject(2, OffsetDateTime.class), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getString(7), rows.getString(8),
                            rows.getString(9), rows.getString(10), rows.getString(11), rows.getInt(12),
                            json.readValue(rows.getString(13), DETAILS)));
                }
            }
            return entries;
        } catch (SQLException | JsonProcessingException e) {
            throw new IllegalStateException("could not read the audit log", e);
        }
    }
}
