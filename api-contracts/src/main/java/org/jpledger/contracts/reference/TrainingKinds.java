package org.jpledger.contracts.reference;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The 25 training kinds of the national HR system (SIASN), read from the bundled {@code jenis-diklat.csv}. */
public final class TrainingKinds {

    /** Seminar or conference: counted by days when no JP is stated. */
    public static final int SEMINAR = 9;
    /** Workshop: counted by days when no JP is stated. */
    public static final int WORKSHOP = 4;

    private static final String RESOURCE = "/org/jpledger/contracts/reference/jenis-diklat.csv";
    private static final List<TrainingKind> ALL = load();
    private static final Map<Integer, TrainingKind> BY_ID =
            ALL.stream().collect(Collectors.toUnmodifiableMap(TrainingKind::id, Function.identity()));

    private TrainingKinds() {
    }

    /** All kinds in id order. */
    public static List<TrainingKind> all() {
        return ALL;
    }

    public static Optional<TrainingKind> byId(int id) {
        return Optional.ofNullable(BY_ID.get(id));
    }

    private static List<TrainingKind> load() {
        try (InputStream in = TrainingKinds.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().skip(1).filter(line -> !line.isBlank()).map(TrainingKinds::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The names contain no commas, so a split is enough for this file; the last column is the method.
    private static TrainingKind parse(String line) {
        int first = line.indexOf(',');
        int last = line.lastIndexOf(',');
        return new TrainingKind(Integer.parseInt(line.substring(0, first).trim()),
                line.substring(first + 1, last).trim(),
                TrainingMethod.valueOf(line.substring(last + 1).trim()));
    }
}
