package org.jpledger.support.audit;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.resource.LoadableResource;

/**
 * The audit log's migrations, kept once in this module ({@code db/audit}), presented to a Flyway under the file names a
 * service's own migrations had, so Flyway reads the same version and description from them. Their contents must never
 * change: a database that applied them validates against their checksums at every start. Plain Flyway, no Quarkus:
 * the benchmark builds training-service's schema with it too.
 */
public final class AuditMigrationScripts {

    /** The version a service gives the audit log's table (training-service's V4, reporting-service's V6). */
    public static final String AUDIT_LOG_VERSION = "jpledger.audit-migrations.audit-log-version";
    /** The version a service gives the audit log's monthly partitions (training-service's V9, reporting-service's V10). */
    public static final String AUDIT_LOG_BY_MONTH_VERSION = "jpledger.audit-migrations.audit-log-by-month-version";

    private static final String LOCATION = "db/audit/";

    private AuditMigrationScripts() {
    }

    /**
     * The scanned resources plus the shared scripts, in the order they apply, at the given versions: under the first
     * location's directory, as the service's own file was recorded in {@code flyway_schema_history}'s script column.
     */
    public static ResourceProvider addTo(ResourceProvider scanned, Configuration configuration, String auditLogVersion,
            String byMonthVersion) {
        String directory = configuration.getLocations()[0].getPath() + "/";
        List<LoadableResource> shared = new ArrayList<>();
        String[][] scripts = {{"audit_log", auditLogVersion}, {"audit_log_by_month", byMonthVersion}};
        for (String[] script : scripts) {
            // The file name the service's own migration had: Flyway reads the version and description from it.
            String filename = configuration.getSqlMigrationPrefix() + script[1]
                    + configuration.getSqlMigrationSeparator() + script[0] + configuration.getSqlMigrationSuffixes()[0];
            shared.add(new SharedScript(LOCATION + script[0] + ".sql", directory, filename,
                    configuration.getEncoding()));
        }
        return new WithShared(scanned, shared);
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
            InputStream in = AuditMigrationScripts.class.getClassLoader().getResourceAsStream(path);
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
