package org.jpledger.support.audit;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * Hands the audit log's migrations, kept once in this module ({@code db/audit}), to each service's Flyway as SQL
 * migrations at the versions that service gave them, so every database keeps the version, description, type and
 * checksum it already applied.
 *
 * <p>The scripts are added to the resource provider Quarkus built from its build-time scan of the service's own
 * {@code db/migration}, so they resolve the same in tests, {@code quarkus:dev} and the packaged jar. Their contents
 * must never change: a database that applied them validates against their checksums at every start.
 */
@Singleton
public class AuditMigrations implements FlywayConfigurationCustomizer {

    private static final String LOCATION = "db/audit/";

    /** The shared scripts in the order they apply, each with the version the service numbered it. */
    private final List<Script> scripts;

    AuditMigrations(@ConfigProperty(name = "jpledger.audit-migrations.audit-log-version") String auditLog,
            @ConfigProperty(name = "jpledger.audit-migrations.audit-log-by-month-version") String byMonth) {
        this.scripts = List.of(new Script("audit_log", auditLog), new Script("audit_log_by_month", byMonth));
    }

    private record Script(String name, String version) {
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        ResourceProvider scanned = configuration.getResourceProvider();
        if (scanned == null) {
            throw new IllegalStateException("Quarkus did not provide Flyway's migration resources to add the audit "
                    + "log's to");
        }
        // Recorded in flyway_schema_history's "script" column as the service's own file was: under its first location.
        String directory = configuration.getLocations()[0].getPath() + "/";
        List<LoadableResource> shared = new ArrayList<>();
        for (Script script : scripts) {
            // The file name the service's own migration had: Flyway reads the version and description from it.
            String filename = configuration.getSqlMigrationPrefix() + script.version()
                    + configuration.getSqlMigrationSeparator() + script.name() + configuration.getSqlMigrationSuffixes()[0];
            shared.add(new SharedScript(LOCATION + script.name() + ".sql", directory, filename,
                    configuration.getEncoding()));
        }
        configuration.resourceProvider(new WithShared(scanned, shared));
    }

    /** The service's scanned resources, and the shared scripts under their service file names. */
    private record WithShared(ResourceProvider scanned, List<LoadableResource> shared) implements ResourceProvider {

        @Override
        public LoadableResource getResource(String name) {
            for (LoadableResource resource : shared) {
                if (resource.getRelativePath().equals(name)) {
                    return resource;
                }
            }
            return scanned.getResource(name);
        }

        @Override
        public Collection<LoadableResource> getResources(String prefix, String... suffixes) {
            List<LoadableResource> resources = new ArrayList<>(scanned.getResources(prefix, suffixes));
            for (LoadableResource resource : shared) {
                String filename = resource.getFilename();
                if (filename.startsWith(prefix) && List.of(suffixes).stream().anyMatch(filename::endsWith)) {
                    resources.add(resource);
                }
            }
            return resources;
        }
    }

    /** One shared script on this module's class path, named as the service's migration. */
    private static final class SharedScript extends LoadableResource {

        private final String path;
        private final String directory;
        private final String filename;
        private final Charset encoding;

        SharedScript(String path, String directory, String filename, Charset encoding) {
            this.path = path;
            this.directory = directory;
            this.filename = filename;
            this.encoding = encoding;
        }

        @Override
        public Reader read() {
            InputStream in = AuditMigrations.class.getClassLoader().getResourceAsStream(path);
            if (in == null) {
                throw new IllegalStateException("the audit log's migration " + path + " is not on the class path");
            }
            return new InputStreamReader(in, encoding);
        }

        @Override
        public String getAbsolutePath() {
            return path;
        }

        @Override
        public String getAbsolutePathOnDisk() {
            return path;
        }

        @Override
        public String getFilename() {
            return filename;
        }

        @Override
        public String getRelativePath() {
            return directory + filename;
        }
    }
}
