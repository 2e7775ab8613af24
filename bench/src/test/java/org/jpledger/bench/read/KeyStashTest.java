package org.jpledger.bench.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.jpledger.bench.TrainingSchema;
import org.jpledger.localstack.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class KeyStashTest {

    private static PostgresServer postgres;
    private static String url;

    @BeforeAll
    static void migrateTrainingSchema() throws SQLException {
        postgres = PostgresServer.startThrowaway().createDatabaseIfMissing("naive");
        url = postgres.jdbcUrl("naive");
        TrainingSchema.create(url, PostgresServer.USER, PostgresServer.USER, "public");
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    @Test
    void trainingSchemaIsBuiltByTrainingServicesOwnMigrationsAndTheSharedAuditOnes() throws Exception {
        // Every migration training-service has (counted in its sources, so a new one needs no edit here), and the two
        // audit ones it shares from api-support.
        long own;
        try (Stream<Path> files = Files.list(Path.of("..", "training-service", "src", "main", "resources", "db",
                "migration"))) {
            own = files.filter(file -> file.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        }
        assertThat(rows("SELECT version || ' ' || description || ' ' || checksum FROM flyway_schema_history "
                + "WHERE version IS NOT NULL AND success ORDER BY installed_rank"))
                .hasSize((int) own + 2)
                .contains("4 audit log -1415777190", "9 audit log by month -1603981602")
                .first().isEqualTo("1 record of truth -953300329");
    }

    @Test
    void keysIndexesAndForeignKeysComeBackAsTheMigrationsDefinedThem() throws SQLException {
        List<String> before = definitions();
        assertThat(before).anyMatch(d -> d.contains("FOREIGN KEY (nip) REFERENCES employee(nip)"))
                .anyMatch(d -> d.contains("completion_nip_year"));
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.USER)) {
            KeyStash stash = KeyStash.takeOff(connection, NationalLoader.NAIVE_TABLES);
            assertThat(definitions()).noneMatch(d -> d.contains("completion_nip_year"))
                    .noneMatch(d -> d.contains("REFERENCES employee(nip)"))
                    .noneMatch(d -> d.startsWith("employee employee_pkey"));
            stash.putBack(connection);
        }
        assertThat(definitions()).containsExactlyInAnyOrderElementsOf(before);
    }

    /** Every key, unique constraint, foreign key and index of the schema, as the catalog defines it. */
    private static List<String> definitions() throws SQLException {
        List<String> all = rows("SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) "
                + "FROM pg_constraint WHERE contype IN ('p', 'u', 'f', 'x') AND connamespace = 'public'::regnamespace");
        all.addAll(rows("SELECT indexname || ' ' || indexdef FROM pg_indexes WHERE schemaname = 'public'"));
        return all;
    }

    private static List<String> rows(String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(url, PostgresServer.USER, PostgresServer.USER);
                Statement sql = connection.createStatement(); ResultSet rs = sql.executeQuery(query)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
