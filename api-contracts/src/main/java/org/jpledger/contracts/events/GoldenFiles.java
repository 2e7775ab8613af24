package org.jpledger.contracts.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Golden example events shipped with the contracts; the producer's tests must write them, the consumer's must read them. */
public final class GoldenFiles {

    /** A unit event as written before units had histories; consumers must still read it. */
    public static final String UNIT_UPSERTED_V1 = "unit-upserted-v1.json";
    /** A unit event with a history: renamed and moved from 2026-01-01, then dissolved into a successor. */
    public static final String UNIT_UPSERTED_V1_REORGANISED = "unit-upserted-v1-reorganised.json";
    public static final String EMPLOYEE_UPSERTED_V1 = "employee-upserted-v1.json";
    public static final String COMPLETION_RECORDED_V1 = "completion-recorded-v1.json";
    public static final String COMPLETION_AMENDED_V1 = "completion-amended-v1.json";
    public static final String COMPLETION_VOIDED_V1 = "completion-voided-v1.json";
    /** The completion of {@link #COMPLETION_RECORDED_V1} verified: version 2, same content, state VERIFIED. */
    public static final String COMPLETION_REVIEWED_V1 = "completion-reviewed-v1.json";
    /** Events as written before unit history and completion status existed; consumers must still read them. */
    public static final String EMPLOYEE_UPSERTED_V1_WITHOUT_HISTORY = "employee-upserted-v1-without-history.json";
    public static final String COMPLETION_RECORDED_V1_WITHOUT_STATUS = "completion-recorded-v1-without-status.json";

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
