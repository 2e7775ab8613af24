package org.jpledger.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.migration.JavaMigration;
import org.flywaydb.core.internal.scanner.Scanner;
import org.jpledger.support.audit.AuditMigrationScripts;

/**
 * training-service's schema built in a scratch database by its own Flyway migrations, so the benchmark's raw tables
 * have the record of truth's real shape, keys and indexes without retyping them: its {@code db/migration} (from its
 * jar on this class path) and the audit log's migrations it shares from api-support, at the versions its
 * {@code application.properties} gives them. No Quarkus application starts.
 */
public final class TrainingSchema {

    private static final String MIGRATIONS = "classpath:db/migration";

    private TrainingSchema() {
    }

    /** Drops {@code schema} with everything in it, then migrates it to training-service's current schema. */
    public static void create(String jdbcUrl, String user, String password, String schema) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, password);
                Statement sql = connection.createStatement()) {
            sql.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            sql.execute("CREATE SCHEMA " + schema);
        }
        FluentConfiguration configuration = Flyway.configure(TrainingSchema.class.getClassLoader())
                .dataSource(jdbcUrl, user, password).schemas(schema).locations(MIGRATIONS)
                .initSql("SET statement_timeout = 0");
        Properties service = serviceProperties();
        configuration.resourceProvider(AuditMigrationScripts.addTo(
                new Scanner<>(JavaMigration.class, configuration, configuration.getLocations()), configuration,
                service.getProperty(AuditMigrationScripts.AUDIT_LOG_VERSION),
                service.getProperty(AuditMigrationScripts.AUDIT_LOG_BY_MONTH_VERSION)));
        configuration.load().migrate();
    }

    /** training-service's application.properties: the one on the class path that numbers the audit migrations. */
    private static Properties serviceProperties() {
        try {
            for (URL url : Collections.list(TrainingSchema.class.getClassLoader()
                    .getResources("application.properties"))) {
                Properties properties = new Properties();
                try (InputStream in = url.openStream()) {
                    properties.load(in);
                }
                if (properties.getProperty(AuditMigrationScripts.AUDIT_LOG_VERSION) != null) {
                    return properties;
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read training-service's application.properties", e);
        }
        throw new IllegalStateException("training-service's application.properties is not on the class path");
    }
}
