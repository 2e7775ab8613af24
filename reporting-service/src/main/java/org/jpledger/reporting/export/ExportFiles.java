package org.jpledger.reporting.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jpledger.reporting.config.ExportsConfig;

/**
 * The directories of scheduled export files (the common one, and any a schedule names for itself): each file is written
 * under a temporary name, synced, then renamed, so a reader sees a whole file or none; its manifest follows the same
 * way. Files and the directories made for them are the service account's alone (rw------- and rwx------ where the
 * file system has POSIX permissions): they hold personal data. Old files are removed after the retention period.
 */
@ApplicationScoped
public class ExportFiles {

    private static final String MANIFEST = ".manifest.json";
    /** Names this directory hands out: no path separators, no leading dot. */
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    private final Path common;
    private final Map<String, Path> bySchedule = new HashMap<>();
    private final ExportsConfig config;
    private final ObjectMapper json;

    public ExportFiles(ExportsConfig config, ObjectMapper json) {
        this.common = Path.of(config.directory()).toAbsolutePath().normalize();
        config.schedules().forEach((name, schedule) -> bySchedule.put(name,
                schedule.directory().map(dir -> Path.of(dir).toAbsolutePath().normalize()).orElse(common)));
        this.config = config;
        this.json = json;
    }

    /** Where a schedule's files go. */
    public Path directoryOf(String schedule) {
        return bySchedule.getOrDefault(schedule, common);
    }

    /** The bytes written and their SHA-256. */
    public record Written(long bytes, String sha256) {
    }

    /** Writes {@code export} to {@code name} in the schedule's directory atomically; returns its size and checksum. */
    public Written write(String schedule, String name, PreparedExport export) {
        return write(directoryOf(schedule), name, export::writeTo);
    }

    /** What a file holds, written onto its stream. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** The rows of a table, handed to its writer one by one; returns how many. */
    @FunctionalInterface
    public interface Rows {
        long writeTo(TableWriter writer) throws IOException;
    }

    /**
     * Writes a closing's export file {@code name} into {@link #closingsDirectory()} atomically: a {@code kind} table
     * in {@code layout} (the shapes of the on-demand and scheduled exports) with the given rows and as-of time. The
     * bytes depend on the rows and {@code asOf} alone: an XLSX's creation time (fastexcel writes the clock's) is set
     * to {@code asOf}, so writing it again gives the same SHA-256.
     */
    public Written writeClosingFile(String name, ExportKind kind, ExportLayout layout, Instant asOf, Rows rows) {
        return writeClosingFile(name, kind, kind.columns(), layout, asOf, rows);
    }

    /** As {@link #writeClosingFile(String, ExportKind, ExportLayout, Instant, Rows)}, with rows in {@code columns}. */
    public Written writeClosingFile(String name, ExportKind kind, List<Column> columns, ExportLayout layout,
            Instant asOf, Rows rows) {
        Path directory = closingsDirectory();
        Body table = out -> {
            try (TableWriter writer = TableWriter.open(out, kind, columns, layout)) {
                writer.header(ExportKind.headers(columns, layout.english()));
                writer.trailer(rows.writeTo(writer), asOf);
            }
        };
        if (layout.format() != ExportFormat.XLSX) {
            return write(directory, name, table);
        }
        Path raw = directory.resolve("." + name + ".raw.tmp");
        try {
            createDirectories(directory);
            try (OutputStream out = new java.io.BufferedOutputStream(
                    java.nio.channels.Channels.newOutputStream(createOwnerOnly(raw)), 256 * 1024)) {
                table.writeTo(out);
            }
            return write(directory, name, out -> PinnedXlsx.copy(raw, out, asOf));
        } catch (IOException e) {
            throw new UncheckedIOException("could not write export " + name, e);
        } finally {
            deleteQuietly(raw);
        }
    }

    /**
     * Where the closings' export files go: {@code closings/} under the export directory. The retention sweep looks at
     * files of the export directories only, never into this one: these files are part of a signed report.
     */
    public Path closingsDirectory() {
        return common.resolve("closings");
    }

    /** A closing's export file, if it is there. */
    public Optional<Path> closingFile(String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        Path file = closingsDirectory().resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    private Written write(Path directory, String name, Body body) {
        Path target = checked(directory, name);
        Path temporary = directory.resolve("." + name + ".tmp");
        try {
            createDirectories(directory);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (FileChannel channel = createOwnerOnly(temporary);
                    OutputStream out = new DigestOutputStream(new java.io.BufferedOutputStream(
                            java.nio.channels.Channels.newOutputStream(channel), 256 * 1024), sha)) {
                body.writeTo(out);
                out.flush();
                channel.force(true);
            }
            long bytes = Files.size(temporary);
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            return new Written(bytes, HexFormat.of().formatHex(sha.digest()));
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("could not write export " + name, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the manifest beside its file, atomically. */
    public void writeManifest(ExportManifest manifest) {
        Path directory = directoryOf(manifest.schedule());
        Path temporary = directory.resolve("." + manifest.file() + MANIFEST + ".tmp");
        try {
            try (OutputStream out = java.nio.channels.Channels.newOutputStream(createOwnerOnly(temporary))) {
                out.write(json.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
            }
            Files.move(temporary, checked(directory, manifest.file() + MANIFEST), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw new UncheckedIOException("could not write the manifest of " + manifest.file(), e);
        }
    }

    /** Every manifest of every directory, newest file first. */
    public List<ExportManifest> manifests() {
        List<ExportManifest> manifests = new ArrayList<>();
        for (Path directory : directories()) {
            manifests.addAll(manifestsIn(directory));
        }
        manifests.sort(Comparator.comparing(ExportManifest::finishedAt).reversed());
        return manifests;
    }

    private List<ExportManifest> manifestsIn(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<ExportManifest> manifests = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path path : files.filter(p -> p.getFileName().toString().endsWith(MANIFEST)).toList()) {
                try {
                    manifests.add(json.readValue(path.toFile(), ExportManifest.class));
                } catch (IOException e) {
                    Log.warnf("skipping unreadable export manifest %s: %s", path.getFileName(), e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + directory, e);
        }
        return manifests;
    }

    /** The manifest of a listed file, if its file is there; empty for a name that is not an export file's. */
    public Optional<ExportManifest> manifest(String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return manifests().stream().filter(m -> m.file().equals(name) && Files.isRegularFile(path(m))).findFirst();
    }

    /** Where a listed file is. */
    public Path path(ExportManifest manifest) {
        return checked(directoryOf(manifest.schedule()), manifest.file());
    }

    /** Removes files (and manifests) last modified before the retention period, in every directory; how many. */
    public int removeExpired(Instant now) {
        int removed = 0;
        for (Path directory : directories()) {
            removed += removeExpired(directory, now);
        }
        return removed;
    }

    private Set<Path> directories() {
        Set<Path> directories = new LinkedHashSet<>();
        directories.add(common);
        directories.addAll(bySchedule.values());
        return directories;
    }

    /** A file of {@code directory}; refuses names that could point elsewhere. */
    private static Path checked(Path directory, String name) {
        if (!FILE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not an export file name: " + name);
        }
        return directory.resolve(name);
    }

    private int removeExpired(Path directory, Instant now) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        Instant cutoff = now.minus(config.retention());
        int removed = 0;
        try (Stream<Path> files = Files.list(directory)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                if (Files.getLastModifiedTime(path).toInstant().isBefore(cutoff)
                        && FILE_NAME.matcher(path.getFileName().toString()).matches()) {
                    Files.deleteIfExists(path);
                    removed++;
                }
            }
        } catch (IOException e) {
            Log.warnf("export retention: %s", e.getMessage());
        }
        return removed;
    }

    /** Creates the missing directories of {@code directory}, owner-only; directories already there stay as they are. */
    private static void createDirectories(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            return;
        }
        if (posix(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_DIRECTORY));
        } else {
            Files.createDirectories(directory);
        }
    }

    /**
     * A new file for writing, owner-only from its creation (not narrowed afterwards, when another could already have
     * opened it); a stale temporary file left by a failed run is replaced.
     */
    private static FileChannel createOwnerOnly(Path file) throws IOException {
        Files.deleteIfExists(file);
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        return posix(file)
                ? FileChannel.open(file, options, PosixFilePermissions.asFileAttribute(OWNER_FILE))
                : FileChannel.open(file, options);
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // a stale temporary file is overwritten by the next run
        }
    }
}
