package org.jpledger.support.audit;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/**
 * Hands the audit log's migrations, kept once in this module ({@link AuditMigrationScripts}), to each service's Flyway
 * at the versions that service gave them, so every database keeps the version, description, type and checksum it
 * already applied.
 *
 * <p>The scripts are added to the resource provider Quarkus built from its build-time scan of the service's own
 * {@code db/migration}, so they resolve the same in tests, {@code quarkus:dev} and the packaged jar.
 */
@Singleton
public class AuditMigrations implements FlywayConfigurationCustomizer {

    private final String auditLogVersion;
    private final String byMonthVersion;

    AuditMigrations(@ConfigProperty(name = AuditMigrationScripts.AUDIT_LOG_VERSION) String auditLogVersion,
            @ConfigProperty(name = AuditMigrationScripts.AUDIT_LOG_BY_MONTH_VERSION) String byMonthVersion) {
        this.auditLogVersion = auditLogVersion;
        this.byMonthVersion = byMonthVersion;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (configuration.getResourceProvider() == null) {
            throw new IllegalStateException("Quarkus did not provide Flyway's migration resources to add the audit "
                    + "log's to");
        }
        configuration.resourceProvider(AuditMigrationScripts.addTo(configuration.getResourceProvider(), configuration,
                auditLogVersion, byMonthVersion));
    }
}
