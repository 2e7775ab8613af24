package org.jpledger.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jpledger.contracts.events.UnitAssignment;

/**
 * Employees' unit histories, each replaced whole by the newest employee event. Plain SQL without managed entities:
 * a batch writes the histories it replaced in one statement batch, and nothing here needs the session flushed first.
 */
@ApplicationScoped
public class UnitHistoryRepository {

    private final EntityManager entityManager;

    public UnitHistoryRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The histories of the given employees by NIP, each in date order; employees without one are absent. */
    public Map<String, List<UnitAssignment>> of(Collection<String> nips) {
        Map<String, List<UnitAssignment>> histories = new HashMap<>();
        if (nips.isEmpty()) {
            return histories;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT nip, unit_code, effective_from FROM "
                        + "employee_unit_history WHERE nip IN (?1) ORDER BY nip, effective_from")
                .setParameter(1, nips).setFlushMode(FlushModeType.COMMIT).getResultList();
        for (Object[] row : rows) {
            histories.computeIfAbsent((String) row[0], nip -> new ArrayList<>())
                    .add(new UnitAssignment((String) row[1], date(row[2])));
        }
        return histories;
    }

    /** Replaces the history of each employee in {@code histories} (an empty list removes it). */
    public void replaceAll(Map<String, List<UnitAssignment>> histories) {
        if (histories.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM employee_unit_history WHERE nip = ANY (?)");
                    PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO employee_unit_history (nip, effective_from, unit_code) VALUES (?, ?, ?)")) {
                delete.setArray(1, connection.createArrayOf("text", histories.keySet().toArray()));
                delete.executeUpdate();
                for (Map.Entry<String, List<UnitAssignment>> entry : histories.entrySet()) {
                    for (UnitAssignment assignment : entry.getValue()) {
                        insert.setString(1, entry.getKey());
                        insert.setObject(2, assignment.effectiveFrom());
                        insert.setString(3, assignment.unitCode());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }

    private static LocalDate date(Object value) {
        return value instanceof LocalDate d ? d : ((Date) value).toLocalDate();
    }
}
