package org.jpledger.reporting.rebuild;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The database side of a replay: fresh copies of the projection tables in a schema of their own ({@code rebuild} for a
 * rebuild, {@code verify} for the verification of a closing), the session setting that points the projector at them,
 * and, for a rebuild, the swap that makes them the live ones.
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

    /** The schema a rebuild replays into. */
    public static final String REBUILD = "rebuild";

    private final EntityManager entityManager;

    public RebuildSchema(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Empty copies of the projection tables in schema {@code rebuild}, with the live tables' indexes and their names. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create() {
        create(REBUILD);
    }

    /**
     * Empty copies of the projection tables in {@code schema} (a constant of the caller, never input), with the live
     * tables' indexes and their names; whatever the schema held before is dropped.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void create(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        execute("CREATE SCHEMA " + schema);
        for (String table : TABLES) {
            execute("CREATE TABLE " + schema + "." + table + " (LIKE public." + table + " INCLUDING ALL)");
            // LIKE names the copied indexes after their columns; give them the live names, which migrations refer to.
            execute("""
                    DO $$
                    DECLARE live record; copy record;
                    BEGIN
                      FOR live IN SELECT i.indexname, i.indexdef FROM pg_indexes i
                                  WHERE i.schemaname = 'public' AND i.tablename = '%1$s' LOOP
                        FOR copy IN SELECT c.indexname FROM pg_indexes c
                                    WHERE c.schemaname = '%2$s' AND c.tablename = '%1$s'
                                      AND replace(replace(c.indexdef, ' ' || c.indexname || ' ', ' # '), '%2$s.', 'public.')
                                        = replace(live.indexdef, ' ' || live.indexname || ' ', ' # ') LOOP
                          IF copy.indexname <> live.indexname THEN
                            EXECUTE format('ALTER INDEX %2$s.%%I RENAME TO %%I', copy.indexname, live.indexname);
                          END IF;
                        END LOOP;
                      END LOOP;
                    END $$""".formatted(table, schema));
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
        useInThisTransaction(REBUILD);
    }

    /**
     * Points this transaction's unqualified table names at the schemas given, in order (e.g. the copies, then
     * {@code public} for the tables that have none).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void useInThisTransaction(String... schemas) {
        entityManager.createNativeQuery("SELECT set_config('search_path', :path, true)")
                .setParameter("path", String.join(", ", schemas)).getSingleResult();
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
        drop(REBUILD);
    }

    /** Drops a schema of copies and everything in it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void drop(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private void execute(String sql) {
        entityManager.createNativeQuery(sql).executeUpdate();
    }
}
