package org.jpledger.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import org.jpledger.bench.ProvinceGenerator.Completion;
import org.jpledger.bench.ProvinceGenerator.Employee;
import org.jpledger.bench.ProvinceGenerator.Fate;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.reference.CompletionStatus;
import org.jpledger.localstack.LocalStack;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The fast route for the part of the province the time-capped load phases did not send, so the later phases see a full
 * province: employee rows, and completion rows with their first history entries, exactly as training-service writes
 * them (same columns, recognised JP by the seeded rule table, state JSON as the API shows it), COPYed straight into
 * training-service's database together with the outbox rows it writes for them in the same transaction (CloudEvents of
 * api-contracts' event records); the relay publishes those and reporting-service consumes them like any other.
 */
final class BulkLoad {

    static final String KEY = "load.bulk-route";
    static final String BY = "benchmark-bulk-load";
    /** training-service's CloudEvents source (jpledger.outbox.event-source). */
    static final String SOURCE = "/jpledger/training-service";
    private static final String OUTBOX_COPY = "COPY outbox_event (event_id, topic, message_key, event_type, payload, "
            + "created_at) FROM STDIN";

    private final BenchStack stack;
    private final Corrections corrections;
    private final Log log;
    private final long started = System.nanoTime();
    private long employees;
    private double employeeSeconds;
    private long completions;
    private double completionSeconds;

    BulkLoad(BenchStack stack, Corrections corrections, Log log) {
        this.stack = stack;
        this.corrections = corrections;
        this.log = log;
    }

    /** Whether anything was loaded this way (and must be waited for). */
    boolean used() {
        return employees + completions > 0;
    }

    /**
     * The employees the capped roster phase did not register: their rows and first unit and position assignments as
     * training-service writes them (version 1, in their first unit, type and level from their first day, no exemption,
     * in service); their later changes go through the API like everyone's.
     */
    void employees(List<Employee> rest) throws Exception {
        if (rest.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        try (Connection c = stack.connect(LocalStack.TRAINING_DB)) {
            c.setAutoCommit(false);
            PGConnection pg = c.unwrap(PGConnection.class);
            StringBuilder rows = new StringBuilder(8 << 20);
            StringBuilder assignments = new StringBuilder(4 << 20);
            StringBuilder positions = new StringBuilder(4 << 20);
            StringBuilder outbox = new StringBuilder(16 << 20);
            for (int from = 0; from < rest.size(); from += 20_000) {
                rows.setLength(0);
                assignments.setLength(0);
                positions.setLength(0);
                outbox.setLength(0);
                Instant at = Instant.now();
                String now = at.toString();
                for (Employee e : rest.subList(from, Math.min(rest.size(), from + 20_000))) {
                    outboxLine(outbox, Topics.EMPLOYEES, e.nip(), EventTypes.EMPLOYEE_UPSERTED_V1, at,
                            new EmployeeUpserted(e.nip(), e.name(), e.type(), e.level(), e.unitCode(), e.employedFrom(),
                                    null, 1, List.of(new UnitAssignment(e.unitCode(), e.employedFrom())),
                                    List.of(e.positionHistory().get(0)), List.of(), null));
                    rows.append(e.nip()).append('\t').append(copyText(e.name())).append('\t').append(e.type().name())
                            .append('\t').append(e.level().name()).append('\t').append(e.unitCode()).append('\t')
                            .append(e.employedFrom()).append("\t\\N\t\\N\t1\t").append(now).append('\n');
                    assignments.append(e.nip()).append('\t').append(e.employedFrom()).append('\t').append(e.unitCode())
                            .append('\t').append(now).append('\n');
                    positions.append(e.nip()).append('\t').append(e.employedFrom()).append('\t').append(e.type().name())
                            .append('\t').append(e.level().name()).append('\t').append(now).append('\n');
                }
                // In service: no last day, so no leaving reason (the table holds the two null together); a
                // leaver's last day and reason come later through the API.
                copy(pg, "COPY employee (nip, name, employment_type, position_level, unit_code, employed_from, "
                        + "employed_until, leaving_reason, version, updated_at) FROM STDIN", rows);
                copy(pg, "COPY employee_unit_assignment (nip, effective_from, unit_code, recorded_at) FROM STDIN",
                        assignments);
                copy(pg, "COPY employee_position_assignment (nip, effective_from, employment_type, position_level, "
                        + "recorded_at) FROM STDIN", positions);
                copy(pg, OUTBOX_COPY, outbox);
                c.commit();
            }
        }
        employees += rest.size();
        employeeSeconds += (System.nanoTime() - t0) / 1e9;
        log.step("bulk route: %,d employees COPYed in %.1f s", rest.size(), (System.nanoTime() - t0) / 1e9);
    }

    /** The completions the capped batch phase did not send, with their first history entries. */
    void completions(Iterator<Completion> rest) throws Exception {
        long t0 = System.nanoTime();
        long rows = 0;
        try (Connection c = stack.connect(LocalStack.TRAINING_DB)) {
            c.setAutoCommit(false);
            PGConnection pg = c.unwrap(PGConnection.class);
            StringBuilder lines = new StringBuilder(8 << 20);
            StringBuilder history = new StringBuilder(16 << 20);
            StringBuilder outbox = new StringBuilder(16 << 20);
            while (rest.hasNext()) {
                lines.setLength(0);
                history.setLength(0);
                outbox.setLength(0);
                Instant at = Instant.now();
                String now = at.toString();
                int chunk = 0;
                while (chunk < 20_000 && rest.hasNext()) {
                    Completion r = rest.next();
                    UUID id = UUID.nameUUIDFromBytes((r.sourceSystem() + "/" + r.externalId())
                            .getBytes(StandardCharsets.UTF_8));
                    completionLine(lines, id, r, now);
                    outboxLine(outbox, Topics.EMPLOYEES, r.nip(), EventTypes.COMPLETION_RECORDED_V1, at,
                            recorded(id, r));
                    history.append(id).append("\t1\tRECORDED\t").append(copyText(state(id, r, now))).append('\t')
                            .append(now).append('\t').append(BY).append('\n');
                    if (r.fate() != Fate.KEEP) {
                        corrections.add(r, id, 1);
                    }
                    chunk++;
                }
                copy(pg, "COPY completion (id, version, nip, title, kind_id, method, competency_type, delivery_mode, "
                        + "provider, start_date, end_date, training_year, jp, days, international, recognized_jp, "
                        + "certificate_number, source_system, external_id, recorded_at, status, rule_version, updated_at, "
                        + "flags, recorded_by) FROM STDIN", lines);
                copy(pg, "COPY completion_history (completion_id, version, change, state, changed_at, changed_by) "
                        + "FROM STDIN", history);
                copy(pg, OUTBOX_COPY, outbox);
                c.commit();
                rows += chunk;
                if (rows % 200_000 < chunk) {
                    log.step("bulk route: %,d completions so far", rows);
                }
            }
        }
        completions += rows;
        completionSeconds += (System.nanoTime() - t0) / 1e9;
        log.step("bulk route: %,d completions COPYed in %.1f s", rows, (System.nanoTime() - t0) / 1e9);
    }

    /** Waits until the relay has published the rows' events and reporting-service has applied them. */
    Measurement finish() {
        log.step("waiting until the relay has published the bulk rows' events and reporting-service has applied them");
        long waitStart = System.nanoTime();
        double quietSeconds = stack.awaitQuiet(Duration.ofHours(3));
        double total = (System.nanoTime() - started) / 1e9;
        log.step("relay and reporting-service caught up after %.1f s", quietSeconds);
        return new Measurement(KEY, "Bulk route for the part of the province the capped phases did not send (not an ingest figure)",
                completions / total, "completions/s", null, null, null, null,
                "%,d employees (COPY into training-service's employee, employee_unit_assignment and employee_position_assignment tables, %.1f s) and %,d completions (COPY into its completion and completion_history tables, %.1f s), each with the outbox row training-service writes for it in the same transaction (a CloudEvent of api-contracts' EmployeeUpserted / CompletionRecorded v1, serialised as the golden files show); then until the relay had published them all and reporting-service's lag was 0, %.1f s. Rate = completions / the time from the first COPY to caught up (%.1f s, other phases in between included). Informational."
                        .formatted(employees, employeeSeconds, completions, completionSeconds,
                                (System.nanoTime() - waitStart) / 1e9, total));
    }

    /** The CloudEvent JSON of an outbox row: the envelope and payload records of api-contracts, ISO dates. */
    static String eventJson(String id, String type, String key, Instant at, Object data) {
        return Http.write(CloudEvent.of(id, SOURCE, type, key, at, data));
    }

    /** One outbox_event row, as training-service's OutboxWriter writes it. */
    private static void outboxLine(StringBuilder b, String topic, String key, String type, Instant at, Object data) {
        String id = UUID.randomUUID().toString();
        String payload = eventJson(id, type, key, at, data);
        b.append(id).append('\t').append(topic).append('\t').append(key).append('\t').append(type).append('\t')
                .append(copyText(payload)).append('\t').append(at).append('\n');
    }

    private static void copy(PGConnection pg, String sql, StringBuilder text) throws Exception {
        PGCopyOutputStream out = new PGCopyOutputStream(pg, sql, 1 << 20);
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.endCopy();
    }

    private static void completionLine(StringBuilder b, UUID id, Completion r, String now) {
        b.append(id).append("\t1\t").append(r.nip())
                .append('\t').append(copyText(r.title()))
                .append('\t').append(r.kindId())
                .append('\t').append(r.method().name())
                .append('\t').append(r.competencyType().name())
                .append('\t').append(r.deliveryMode().name())
                .append('\t').append(copyText(r.provider()))
                .append('\t').append(r.startDate())
                .append('\t').append(r.endDate())
                .append('\t').append(r.endDate().getYear())
                .append('\t').append(r.jp() == null ? "\\N" : r.jp().setScale(2).toPlainString())
                .append('\t').append(r.days() == null ? "\\N" : r.days().toString())
                .append('\t').append(r.international() ? 't' : 'f')
                .append('\t').append(r.recognizedJp().toPlainString())
                .append('\t').append(r.certificateNumber() == null ? "\\N" : copyText(r.certificateNumber()))
                .append('\t').append(copyText(r.sourceSystem()))
                .append('\t').append(copyText(r.externalId()))
                .append('\t').append(now)
                .append("\tACTIVE\t1\t").append(now)
                .append("\t{").append(String.join(",", r.flags().stream().map(Enum::name).toList())).append('}')
                // Who recorded it (NOT NULL since V18): the bulk route, as its history entry says.
                .append('\t').append(BY)
                .append('\n');
    }

    /** The CompletionRecorded v1 event training-service publishes for the first version of {@code r}. */
    static CompletionRecorded recorded(UUID id, Completion r) {
        return new CompletionRecorded(id, 1, r.nip(), r.title(), r.kindId(), r.method(), r.competencyType(),
                r.deliveryMode(), r.provider(), r.startDate(), r.endDate(), r.endDate().getYear(),
                r.jp() == null ? null : r.jp().setScale(2), r.days(), r.international(), r.recognizedJp(),
                r.certificateNumber(), r.sourceSystem(), r.externalId(), CompletionStatus.ACTIVE, 1, null, r.flags());
    }

    /** The completion as training-service's API shows it (CompletionResponse), for its history entry. */
    static String state(UUID id, Completion r, String now) {
        ObjectNode s = Http.JSON.createObjectNode();
        s.put("id", id.toString());
        s.put("version", 1);
        s.put("nip", r.nip());
        s.put("title", r.title());
        s.put("kindId", r.kindId());
        s.put("method", r.method().name());
        s.put("competencyType", r.competencyType().name());
        s.put("deliveryMode", r.deliveryMode().name());
        s.put("provider", r.provider());
        s.put("startDate", r.startDate().toString());
        s.put("endDate", r.endDate().toString());
        s.put("year", r.endDate().getYear());
        if (r.jp() == null) {
            s.putNull("jp");
        } else {
            s.put("jp", r.jp().setScale(2));
        }
        if (r.days() == null) {
            s.putNull("days");
        } else {
            s.put("days", r.days());
        }
        s.put("international", r.international());
        s.put("recognizedJp", r.recognizedJp());
        s.put("ruleVersion", 1);
        s.put("certificateNumber", r.certificateNumber());
        s.put("sourceSystem", r.sourceSystem());
        s.put("externalId", r.externalId());
        s.put("status", "ACTIVE");
        s.putNull("voidReason");
        s.put("recordedAt", now);
        s.put("updatedAt", now);
        ArrayNode flags = s.putArray("flags");
        r.flags().forEach(f -> flags.add(f.name()));
        return s.toString();
    }

    private static String copyText(String text) {
        return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }
}
