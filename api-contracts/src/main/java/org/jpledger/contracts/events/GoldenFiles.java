package org.jpledger.contracts.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Golden example events shipped with the contracts; the producer's tests must write them, the consumer's must read them. */
public final class GoldenFiles {

    public static final String UNIT_UPSERTED_V1 = "unit-upserted-v1.json";
    public static final String EMPLOYEE_UPSERTED_V1 = "employee-upserted-v1.json";
    public static final String COMPLETION_RECORDED_V1 = "completion-recorded-v1.json";

    private GoldenFiles() {
    }

    /** The text of a golden file by its name. */
    public static String read(String name) {
        String path = "/org/jpledger/contracts/golden/" + name;
        try (InputStream in = GoldenFiles.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no golden file " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
