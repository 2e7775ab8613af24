package org.jpledger.bench.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.jpledger.localstack.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Targets found in reporting's tables: the largest leaf and the largest child of the root, employees of the year. */
class QueryTargetsTest {

    private static PostgresServer postgres;

    @BeforeAll
    static void start() {
        postgres = PostgresServer.startThrowaway().createDatabaseIfMissing("reporting");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void findsTheLargestLeafAndTheLargestChildOfTheRoot() throws Exception {
        try (Connection c = DriverManager.getConnection(postgres.jdbcUrl("reporting"), PostgresServer.USER,
                PostgresServer.USER); Statement sql = c.createStatement()) {
            sql.execute("CREATE TABLE unit (code text PRIMARY KEY, name text, parent_code text, version bigint)");
            sql.execute("CREATE TABLE employee_year (nip text, year integer, unit_code text, window_from date)");
            // R -> A -> {A1, A2}, R -> B -> {B1}; an outside tree X -> X1 that must not count.
            sql.execute("INSERT INTO unit VALUES ('R', 'Root', NULL, 1), ('A', 'A', 'R', 1), ('A1', 'A1', 'A', 1),"
                    + " ('A2', 'A2', 'A', 1), ('B', 'B', 'R', 1), ('B1', 'B1', 'B', 1), ('X', 'X', NULL, 1),"
                    + " ('X1', 'X1', 'X', 1)");
            // A1: 3, A2: 2, A itself: 1, B1: 4 (the largest leaf) but A's subtree (6) beats B's (4); X1: 9.
            sql.execute("INSERT INTO employee_year SELECT 'a1-' || g, 2026, 'A1', DATE '2026-01-01' FROM"
                    + " generate_series(1, 3) g");
            sql.execute("INSERT INTO employee_year SELECT 'a2-' || g, 2026, 'A2', DATE '2026-01-01' FROM"
                    + " generate_series(1, 2) g");
            sql.execute("INSERT INTO employee_year VALUES ('a-1', 2026, 'A', DATE '2026-01-01')");
            sql.execute("INSERT INTO employee_year SELECT 'b1-' || g, 2026, 'B1', DATE '2026-01-01' FROM"
                    + " generate_series(1, 4) g");
            sql.execute("INSERT INTO employee_year SELECT 'x1-' || g, 2026, 'X1', DATE '2026-01-01' FROM"
                    + " generate_series(1, 9) g");
            // Other years and people not in service do not count.
            sql.execute("INSERT INTO employee_year SELECT 'old-' || g, 2025, 'A2', DATE '2025-01-01' FROM"
                    + " generate_series(1, 20) g");
            sql.execute("INSERT INTO employee_year SELECT 'gone-' || g, 2026, 'A2', NULL FROM generate_series(1, 20) g");

            QueryTargets targets = QueryTargets.discover(c, 2026, "R", 5);

            assertThat(targets.year()).isEqualTo(2026);
            assertThat(targets.rootUnit()).isEqualTo("R");
            assertThat(targets.leafUnit()).isEqualTo("B1");
            assertThat(targets.midUnit()).isEqualTo("A");
            assertThat(targets.sampleNips()).hasSize(5).allMatch(nip -> nip.matches("(a1|a2|a|b1)-[0-9]+"))
                    .doesNotHaveDuplicates();
        }
    }
}
