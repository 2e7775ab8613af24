package org.jpledger.reporting.projection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jpledger.contracts.events.UnitPeriod;

/**
 * Units' names and parents over time ({@code unit_period}), each unit's replaced whole by its newest event, as
 * {@link UnitHistoryRepository} does for employees. Read only in SQL, by {@link YearTree}.
 */
@ApplicationScoped
public class UnitPeriodRepository {

    private final EntityManager entityManager;

    public UnitPeriodRepository(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Replaces the periods of each unit in {@code periods}; a period without a date is in force since ever. */
    public void replaceAll(Map<String, List<UnitPeriod>> periods) {
        if (periods.isEmpty()) {
            return;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM unit_period WHERE unit_code = ANY (?)");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO unit_period (unit_code, "
                            + "effective_from, name, parent_code) VALUES (?, coalesce(CAST(? AS date), "
                            + "DATE '-infinity'), ?, ?) ON CONFLICT (unit_code, effective_from) DO UPDATE SET "
                            + "name = excluded.name, parent_code = excluded.parent_code")) {
                delete.setArray(1, connection.createArrayOf("text", periods.keySet().toArray()));
                delete.executeUpdate();
                for (Map.Entry<String, List<UnitPeriod>> entry : periods.entrySet()) {
                    for (UnitPeriod period : entry.getValue()) {
                        insert.setString(1, entry.getKey());
                        insert.setObject(2, period.effectiveFrom(), Types.DATE);
                        insert.setString(3, period.name() == null ? "" : period.name());
                        insert.setString(4, period.parentCode());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        });
    }
}
