package org.jpledger.support.audit;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

/**
 * The audit log's migrations, kept once in api-support, as a service's databases already applied them: a service's
 * {@code @QuarkusTest} extends this with the history rows its own copies wrote.
 */
public abstract class AuditMigrationsContract {

    /** Flyway 12's checksum of {@code audit_log.sql}, computed from the services' own copies before they moved. */
    protected static final int AUDIT_LOG_CHECKSUM = -1415777190;
    /** The same of {@code audit_log_by_month.sql}. */
    protected static final int BY_MONTH_CHECKSUM = -1603981602;

    /**
     * The history rows the service's own copies wrote, {@code version|description|SQL|script|checksum}, as
     * {@link #historyRow} makes them.
     */
    protected abstract List<String> oldHistory();

    /** One history row of a migration the service applied from {@code db/migration/V<version>__<name>.sql}. */
    protected static String historyRow(int version, String name, int checksum) {
        return version + "|" + name.replace('_', ' ') + "|SQL|db/migration/V" + version + "__" + name + ".sql|" + checksum;
    }

    private static final String OLD_LAYOUT_SCHEMA = "audit_migrations_old_layout";

    @Inject
    protected Flyway flyway;

    @Inject
    protected DataSource dataSource;

    @Test
    void historyKeepsTheVersionsDescriptionsTypesAndChecksumsOfTheServicesOwnFiles() throws SQLException {
        assertThat(history("public")).containsAll(oldHistory());
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }

    @Test
    void aDatabaseMigratedByTheOldFilesKeepsValidatingAndMigrating() throws Exception {
        Path oldLayout = Files.createTempDirectory("old-db-migration");
        try {
            for (MigrationInfo migration : flyway.info().all()) {
                // Every script under the name it had; the audit log's with the content api-support keeps.
                String script = migration.getScript();
                String file = script.substring(script.lastIndexOf('/') + 1);
                copy(resource(script) != null ? script : file.replaceFirst("^V[0-9]+__", "db/audit/"),
                        oldLayout.resolve(file));
            }
            Flyway.configure(getClass().getClassLoader()).dataSource(dataSource).schemas(OLD_LAYOUT_SCHEMA)
                    .locations("filesystem:" + oldLayout).load().migrate();
            assertThat(history(OLD_LAYOUT_SCHEMA)).extracting(row -> row.replace("|db/migration/", "|"))
                    .containsAll(oldHistory().stream().map(row -> row.replace("|db/migration/", "|")).toList());

            Flyway current = Flyway.configure(getClass().getClassLoader()).configuration(flyway.getConfiguration())
                    .schemas(OLD_LAYOUT_SCHEMA).load();
            assertThat(current.validateWithResult().validationSuccessful).isTrue();
            MigrateResult migrated = current.migrate();
            assertThat(migrated.success).isTrue();
            assertThat(migrated.migrationsExecuted).isZero();
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("DROP SCHEMA IF EXISTS " + OLD_LAYOUT_SCHEMA + " CASCADE");
            }
            try (var files = Files.list(oldLayout)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(oldLayout);
        }
    }

    private List<String> history(String schema) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement();
                ResultSet rs = sql.executeQuery("SELECT version, description, type, script, checksum FROM " + schema
                        + ".flyway_schema_history WHERE success ORDER BY installed_rank")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|"
                        + rs.getInt(5));
            }
        }
        return rows;
    }

    private InputStream resource(String path) {
        return getClass().getClassLoader().getResourceAsStream(path);
    }

    private void copy(String path, Path target) throws IOException {
        try (InputStream in = resource(path)) {
            Files.copy(in, target);
        }
    }
}
