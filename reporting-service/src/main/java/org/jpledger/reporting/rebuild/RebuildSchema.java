package org.jpledger.reporting.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The database side of a rebuild: fresh copies of the projection tables in schema {@code rebuild}, the session setting
 * that points the projector at them, and the swap that makes them the live ones.
 */
@ApplicationScoped
public class RebuildSchema {

    /**
     * Everything the consumer writes, derived from the topics alone (and the unit figures, derived from those and the
     * policies); policies are not (they come from the API), nor are year closings. The late corrections of closed
     * years are: they follow from the events' offsets and the closings' stored offsets, so a replay finds them again.
     */
    static final List<String> TABLES = List.of("unit", "unit_period", "employee", "employee_unit_history",
            "completion_fact", "employee_year", "consumer_offset", "parked_event", "held_event", "unit_year_figures",
            "unit_year_rating", "year_correction");

    private final EntityManager entityManager;

    public RebuildSchema(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Empty copies of the projection tables in schema {@code rebuild}, with the live tables' indexes and their names. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create() {
        execute("DROP SCHEMA IF EXISTS rebuild CASCADE");
        execute("CREATE SCHEMA rebuild");
        for (String table : TABLES) {
            execute("CREATE TABLE rebuild." + table + " (LIKE public." + table + " INCLUDING ALL)");
            // LIKE names the copied indexes after their columns; give them the live names, which migrations refer to.
            execute("""
                    DO $$
                    DECLARE live record; copy record;
                    BEGIN
                      FOR live IN SELECT i.indexname, i.indexdef FROM pg_indexes i
                                  WHERE i.schemaname = 'public' AND i.tablename = '%1$s' LOOP
                        FOR copy IN SELECT c.indexname FROM pg_indexes c
                                    WHERE c.schemaname = 'rebuild' AND c.tablename = '%1$s'
                                      AND replace(replace(c.indexdef, ' ' || c.indexname || ' ', ' # '), 'rebuild.', 'public.')
                                        = replace(live.indexdef, ' ' || live.indexname || ' ', ' # ') LOOP
                          IF copy.indexname <> live.indexname THEN
                            EXECUTE format('ALTER INDEX rebuild.%%I RENAME TO %%I', copy.indexname, live.indexname);
                          END IF;
                        END LOOP;
                      END LOOP;
                    END $$""".formatted(table));
        }
    }

    /**
     * The live consumer's stored offsets, read with plain SQL: no entity of a live table may sit in the persistence
     * context of a transaction that then writes the rebuild copies.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<TopicPartition, Long> liveOffsets() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT topic, partition, next_offset FROM public.consumer_offset").getResultList();
        Map<TopicPartition, Long> offsets = new HashMap<>();
        rows.forEach(row -> offsets.put(new TopicPartition((String) row[0], ((Number) row[1]).intValue()),
                ((Number) row[2]).longValue()));
        return offsets;
    }

    /** Points this transaction's unqualified table names at the rebuild copies. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void useInThisTransaction() {
        entityManager.createNativeQuery("SELECT set_config('search_path', 'rebuild', true)").getSingleResult();
    }

    /** Makes the rebuild copies the live tables, in the caller's transaction, and parks the old ones in {@code retired}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void swap() {
        execute("DROP SCHEMA IF EXISTS retired CASCADE");
        execute("CREATE SCHEMA retired");
        for (String table : TABLES) {
            execute("ALTER TABLE public." + table + " SET SCHEMA retired");
            execute("ALTER TABLE rebuild." + table + " SET SCHEMA public");
        }
    }

    /** Drops the retired tables and the emptied rebuild schema. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void dropLeftovers() {
        execute("DROP SCHEMA IF EXISTS retired CASCADE");
        execute("DROP SCHEMA IF EXISTS rebuild CASCADE");
    }

    private void execute(String sql) {
        entityManager.createNativeQuery(sql).executeUpdate();
    }
}
