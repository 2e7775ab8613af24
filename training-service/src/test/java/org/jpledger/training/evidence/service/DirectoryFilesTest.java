package org.jpledger.training.evidence.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Certificate contents kept in a directory: one file per hash, written whole or not at all. */
class DirectoryFilesTest {

    @TempDir
    Path directory;

    @Test
    void keepsAContentAsAFileNamedByItsHashAndReadsItBack() throws IOException {
        byte[] content = "%PDF-1.7 sertifikat".getBytes(StandardCharsets.US_ASCII);
        String sha = CertificateService.sha256(content);
        DirectoryFiles files = new DirectoryFiles(directory.resolve("bukti"));

        files.write(sha, content);
        files.write(sha, content);

        assertThat(files.read(sha)).isEqualTo(content);
        try (Stream<Path> listed = Files.list(directory.resolve("bukti"))) {
            // No temporary file is left beside it.
            assertThat(listed.map(p -> p.getFileName().toString())).containsExactly(sha);
        }
    }

    @Test
    void aNameThatIsNoHashNeverBecomesAPath() {
        DirectoryFiles files = new DirectoryFiles(directory);

        assertThatThrownBy(() -> files.read("../etc/passwd")).isInstanceOf(IllegalArgumentException.class);
    }
}
