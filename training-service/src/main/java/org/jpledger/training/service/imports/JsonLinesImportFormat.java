package org.jpledger.training.service.imports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jpledger.contracts.problem.Problem.FieldError;
import org.jpledger.support.limits.PayloadTooLargeException;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.training.config.IngestConfig;

/**
 * The JSON lines import format (application/x-ndjson): UTF-8, one completion request per line exactly like an item of
 * a batch; the row number is the line number, and blank lines are skipped. A line longer than the line limit of CSV
 * imports is refused on its own (status 413) and skipped to its end, as is a line that is not a JSON object (400).
 */
@ApplicationScoped
public class JsonLinesImportFormat implements ImportFormat {

    public static final String NAME = "jsonl";

    private final IngestConfig config;
    private final ObjectMapper mapper;

    public JsonLinesImportFormat(IngestConfig config, ObjectMapper mapper) {
        this.config = config;
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public RowSource open(InputStream file) {
        // A decoder of its own reports malformed bytes, where the reader's default would store U+FFFD in their place.
        BufferedReader reader = new BufferedReader(new InputStreamReader(file, StandardCharsets.UTF_8.newDecoder()));
        return new Lines(reader);
    }

    /** The lines of a file, each read no further than the line limit. */
    private final class Lines implements RowSource {
        private final BufferedReader in;
        private final StringBuilder line = new StringBuilder();
        private long number;
        private boolean ended;

        Lines(BufferedReader in) {
            this.in = in;
        }

        @Override
        public ImportRow next() {
            while (!ended) {
                long row = number + 1;
                boolean tooLong;
                try {
                    tooLong = readLine();
                } catch (CharacterCodingException e) {
                    ended = true;
                    return ImportRow.refused(row, InvalidRequestException.of("row", "the file is not UTF-8 text in "
                            + "this line or a later one; neither this line nor any after it was read"), true);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                if (ended && line.isEmpty() && !tooLong) {
                    return null;
                }
                number = row;
                if (tooLong) {
                    String reason = "line " + row + " is longer than the limit of " + config.csvMaxLineChars()
                            + " characters for a line of the file";
                    return ImportRow.refused(row, new PayloadTooLargeException("Line " + row + " is too long.",
                            List.of(new FieldError("row", reason))), false);
                }
                if (line.toString().isBlank()) {
                    continue;
                }
                return parse(row);
            }
            return null;
        }

        private ImportRow parse(long row) {
            try {
                JsonNode item = mapper.readTree(line.toString());
                if (item == null || !item.isObject()) {
                    return ImportRow.refused(row, InvalidRequestException.of("row", "must be one JSON object, a "
                            + "completion like an item of a batch"), false);
                }
                return ImportRow.item(row, item, line.length());
            } catch (JsonProcessingException e) {
                return ImportRow.refused(row, InvalidRequestException.of("row", "is not JSON: "
                        + e.getOriginalMessage()), false);
            }
        }

        /**
         * Reads the next line into {@link #line}, keeping no more than the line limit; true when it was longer (the
         * rest was read past). Sets {@link #ended} at the end of the file.
         */
        private boolean readLine() throws IOException {
            line.setLength(0);
            boolean tooLong = false;
            int c = in.read();
            if (number == 0 && c == '\uFEFF') {
                c = in.read();
            }
            while (c != -1 && c != '\n') {
                if (line.length() < config.csvMaxLineChars()) {
                    if (c != '\r') {
                        line.append((char) c);
                    }
                } else {
                    tooLong = true;
                }
                c = in.read();
            }
            if (c == -1) {
                ended = true;
            }
            return tooLong;
        }
    }
}
