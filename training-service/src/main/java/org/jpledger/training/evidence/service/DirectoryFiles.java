package org.jpledger.training.evidence.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;

/**
 * Certificate contents as files of one directory, each named by its SHA-256. A file is written under a temporary name,
 * forced to disk and then renamed atomically, so a crash leaves no half-written file under a hash's name (only a
 * temporary one, which nothing reads).
 */
public final class DirectoryFiles {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final Path directory;

    public DirectoryFiles(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the evidence directory " + directory, e);
        }
    }

    /** Writes {@code content} as the file of {@code sha256}; the same content again leaves the file as it is. */
    public void write(String sha256, byte[] content) {
        Path target = fileOf(sha256);
        if (Files.exists(target)) {
            return;
        }
        Path temporary = null;
        try {
            temporary = Files.createTempFile(directory, ".upload-", ".tmp");
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write evidence file " + sha256, e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException e) {
                    // A leftover temporary file is named by no hash: nothing reads it.
                }
            }
        }
    }

    /** The content of {@code sha256}. */
    public byte[] read(String sha256) {
        try {
            return Files.readAllBytes(fileOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read evidence file " + sha256, e);
        }
    }

    private Path fileOf(String sha256) {
        // The hash comes from our own digest; checked anyway, since it becomes a path.
        if (!HASH.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256);
        }
        return directory.resolve(sha256);
    }
}
