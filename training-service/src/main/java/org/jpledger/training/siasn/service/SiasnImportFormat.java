package org.jpledger.training.siasn.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jpledger.contracts.problem.Problem;
import org.jpledger.contracts.siasn.SiasnShape;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.training.config.IngestConfig;
import org.jpledger.training.service.imports.ImportFormat;
import org.jpledger.training.service.imports.ImportRow;
import org.jpledger.training.service.imports.RowSource;

/**
 * Import jobs of SIASN files ({@code format=siasn-kursus} or {@code siasn-struktural}): a riwayat kursus or riwayat
 * diklat struktural file, CSV or JSON lines (told apart by its first character), read by {@link SiasnFile} and each
 * record taken in as {@link SiasnCompletions} maps it — the same reading and mapping as a reconciliation and its
 * adoption, so a record imported and then adopted is recorded once.
 */
public abstract class SiasnImportFormat implements ImportFormat {

    private final SiasnShape shape;
    private final IngestConfig config;
    private final ObjectMapper mapper;

    SiasnImportFormat(SiasnShape shape, IngestConfig config, ObjectMapper mapper) {
        this.shape = shape;
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return "siasn-" + (shape == SiasnShape.KURSUS ? "kursus" : "struktural");
    }

    @Override
    public RowSource open(InputStream file) {
        BufferedInputStream in = new BufferedInputStream(file);
        SiasnFile records = SiasnFile.open(in, formatOf(in), shape, mapper, config.csvMaxLineChars(),
                config.csvMaxFieldChars());
        return () -> {
            if (!records.hasNext()) {
                return null;
            }
            SiasnFile.Row row = records.next();
            if (row.record() == null) {
                return ImportRow.refused(row.number(), refusal(row.problem()), false);
            }
            JsonNode item = mapper.valueToTree(SiasnCompletions.toNewCompletion(row.record()));
            return ImportRow.item(row.number(), item, item.toString().length());
        };
    }

    /** JSON lines when the first character after a byte-order mark and blanks opens an object; CSV otherwise. */
    private static SiasnFile.Format formatOf(BufferedInputStream in) {
        try {
            in.mark(4096);
            int c = in.read();
            for (int read = 0; read < 4096 && (c == 0xEF || c == 0xBB || c == 0xBF || Character.isWhitespace(c));
                    read++) {
                c = in.read();
            }
            in.reset();
            return c == '{' ? SiasnFile.Format.JSON_LINES : SiasnFile.Format.CSV;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The exception a row's problem stands for, as the job's error report reads refusals. */
    private static RuntimeException refusal(Problem problem) {
        return problem.status() == 413 ? new PayloadTooLargeException(problem.detail(), problem.errors())
                : new InvalidRequestException(problem.errors());
    }

    /** Riwayat kursus files. */
    @Singleton
    public static class Kursus extends SiasnImportFormat {
        public Kursus(IngestConfig config, ObjectMapper mapper) {
            super(SiasnShape.KURSUS, config, mapper);
        }
    }

    /** Riwayat diklat struktural files. */
    @Singleton
    public static class Struktural extends SiasnImportFormat {
        public Struktural(IngestConfig config, ObjectMapper mapper) {
            super(SiasnShape.STRUKTURAL, config, mapper);
        }
    }
}
