package org.jpledger.systemtests.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Concurrent clients recording completions (in batches and one by one), amending and voiding them and changing
 * employees, each request retried until it is acknowledged. Every client owns its employees, so it knows the final
 * state it was told about; the acknowledged states are what the checks hold the system to.
 */
final class Workload {

    static final int YEAR = 2025;
    static final String SOURCE = "crash-test";
    static final String ROOT = "CRASH";
    private static final int BATCH = 25;
    /** How many versions the service may make between a client's read and its change before the client gives up. */
    private static final int MAX_STALE_RETRIES = 5;
    private static final String[] LEVELS = {"PELAKSANA", "PENGAWAS", "ADMINISTRATOR", "JPT_PRATAMA"};
    private static final String[] COMPETENCIES = {"TEKNIS", "MANAJERIAL", "SOSIAL_KULTURAL"};
    private static final String[] MODES = {"LURING", "DARING", "BLENDED"};
    private static final String[] JP = {"2", "4", "4.5", "8", "10", "12.25", "16", "24"};

    /** How much to drive. */
    record Settings(int completions, int employees, int clients, long seed) {
    }

    /** A completion as its client was last told it is. */
    record Acked(String externalId, UUID id, String nip, long version, BigDecimal jp, String title, boolean voided) {
    }

    /** An employee as their client last put them. */
    record EmployeeState(String nip, String name, String type, String level, String unit, LocalDate effective,
            boolean transfer) {

        Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", name);
            body.put("employmentType", type);
            body.put("positionLevel", level);
            body.put("unitCode", unit);
            body.put("employedFrom", "2010-01-01");
            if (transfer) {
                body.put("effectiveDate", effective.toString());
            }
            return body;
        }
    }

    private final Settings settings;
    private final Map<String, String> parents = new LinkedHashMap<>();
    private final List<String> leaves = new ArrayList<>();
    final ConcurrentMap<String, Acked> completions = new ConcurrentHashMap<>();
    final ConcurrentMap<String, EmployeeState> employees = new ConcurrentHashMap<>();
    final AtomicLong recorded = new AtomicLong();
    final AtomicLong batches = new AtomicLong();
    final AtomicLong amendments = new AtomicLong();
    final AtomicLong voids = new AtomicLong();
    final AtomicLong employeeChanges = new AtomicLong();

    Workload(Settings settings) {
        this.settings = settings;
        parents.put(ROOT, null);
        for (int i = 1; i <= 5; i++) {
            parents.put(ROOT + "-" + i, ROOT);
            for (int j = 1; j <= 5; j++) {
                parents.put(ROOT + "-" + i + "-" + j, ROOT + "-" + i);
                leaves.add(ROOT + "-" + i + "-" + j);
            }
        }
    }

    /** Unit code → parent code (null for the root), parents first. */
    Map<String, String> units() {
        return parents;
    }

    Settings settings() {
        return settings;
    }

    /** The unit tree and every employee, before the faults begin. */
    void setUp(RetryingHttp http) {
        parents.forEach((code, parent) -> {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Unit " + code);
            body.put("parentCode", parent);
            expect(http.send("PUT", "/api/v1/units/" + code, body, Map.of()), 200, 201);
        });
        for (int i = 0; i < settings.employees(); i++) {
            // a real birth date, appointment month 2005-01, gender 1: a valid PNS NIP
            String nip = LocalDate.of(1970, 1, 1).plusDays(i).toString().replace("-", "") + "200501" + "1"
                    + String.format("%03d", i % 1000);
            EmployeeState employee = new EmployeeState(nip, "Pegawai " + i, i % 7 == 0 ? "PPPK" : "PNS",
                    LEVELS[i % LEVELS.length], leaves.get(i % leaves.size()), null, false);
            expect(http.send("PUT", "/api/v1/employees/" + nip, employee.body(), Map.of()), 200, 201);
            employees.put(nip, employee);
        }
    }

    /**
     * Runs the clients until the completions are recorded and {@code longer} says stop, or until {@code aborted} says so;
     * returns when all are done.
     */
    void run(RetryingHttp http, BooleanSupplier longer, BooleanSupplier aborted) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        List<String> nips = employees.keySet().stream().sorted().toList();
        for (int c = 0; c < settings.clients(); c++) {
            int client = c;
            List<String> own = nips.stream().filter(n -> nips.indexOf(n) % settings.clients() == client).toList();
            Thread thread = new Thread(() -> new Client(client, own, http).run(longer, aborted), "crash-client-" + c);
            thread.setUncaughtExceptionHandler((t, e) -> {
                synchronized (failures) {
                    failures.add(e);
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("a client failed", failures.get(0));
        }
    }

    /** One integrating system: its employees, its completions, its random choices. */
    private final class Client {

        private final int number;
        private final List<String> nips;
        private final RetryingHttp http;
        private final Random random;
        private final List<String> active = new ArrayList<>();
        private final Set<String> activeSet = new HashSet<>();
        private long sequence;

        Client(int number, List<String> nips, RetryingHttp http) {
            this.number = number;
            this.nips = nips;
            this.http = http;
            this.random = new Random(settings.seed() + number);
        }

        void run(BooleanSupplier longer, BooleanSupplier aborted) {
            int quota = settings.completions() / settings.clients();
            long mine = 0;
            while ((mine < quota || longer.getAsBoolean()) && !aborted.getAsBoolean()) {
                double dice = random.nextDouble();
                if (dice < 0.60 || active.size() < 10) {
                    mine += batch();
                } else if (dice < 0.70) {
                    mine += single();
                } else if (dice < 0.85) {
                    amend();
                } else if (dice < 0.93) {
                    voidOne();
                } else {
                    changeEmployee();
                }
            }
        }

        private int batch() {
            List<Map<String, Object>> items = new ArrayList<>();
            for (int i = 0; i < BATCH; i++) {
                items.add(newCompletion());
            }
            while (true) {
                RetryingHttp.Answer answer = http.send("POST", "/api/v1/completions/batch", items, Map.of());
                expect(answer, 200);
                boolean complete = true;
                for (JsonNode item : answer.body().get("items")) {
                    String outcome = item.get("status").asText();
                    if (outcome.equals("error")) {
                        int status = item.at("/problem/status").asInt();
                        if (status < 500 && status != 429) {
                            throw new IllegalStateException("batch item refused: " + item);
                        }
                        complete = false;
                    }
                }
                if (complete) {
                    answer.body().get("items").forEach(item -> acknowledge(item.get("completion")));
                    batches.incrementAndGet();
                    recorded.addAndGet(items.size());
                    return items.size();
                }
                // an item met a failing database: the whole batch again, the recorded ones come back as existing
            }
        }

        private int single() {
            Map<String, Object> body = newCompletion();
            RetryingHttp.Answer answer = http.send("POST", "/api/v1/completions", body,
                    Map.of("Idempotency-Key", "key-" + body.get("externalId")));
            expect(answer, 200, 201);
            acknowledge(answer.body());
            recorded.incrementAndGet();
            return 1;
        }

        private void amend() {
            Acked current = completions.get(pick());
            String title = "Amended " + UUID.randomUUID();
            BigDecimal jp = new BigDecimal(JP[random.nextInt(JP.length)]);
            Map<String, Object> body = requestOf(current.nip(), title, jp, current.externalId());
            long version = current.version();
            RetryingHttp.Answer answer;
            for (int attempt = 1; ; attempt++) {
                answer = http.send("PUT", "/api/v1/completions/" + current.id(), body,
                        Map.of("If-Match", "\"" + version + "\""));
                if (answer.status() != 412) {
                    break;
                }
                // Either an earlier attempt landed and only its answer was lost (the record says what we asked), or
                // the service made a version of its own meanwhile (a possible duplicate flagged): amend that one.
                answer = http.get("/api/v1/completions/" + current.id());
                if (answer.body().get("title").asText().equals(title)) {
                    break;
                }
                if (attempt == MAX_STALE_RETRIES) {
                    throw new IllegalStateException("amendment of " + current.id() + " neither applied nor current");
                }
                version = answer.body().get("version").asLong();
            }
            expect(answer, 200);
            acknowledge(answer.body());
            amendments.incrementAndGet();
        }

        private void voidOne() {
            String externalId = pick();
            Acked current = completions.get(externalId);
            long version = current.version();
            RetryingHttp.Answer answer;
            for (int attempt = 1; ; attempt++) {
                answer = http.send("POST", "/api/v1/completions/" + current.id() + "/void",
                        Map.of("reason", "recorded in error"), Map.of("If-Match", "\"" + version + "\""));
                if (answer.status() != 412 && answer.status() != 409) {
                    break;
                }
                // As for an amendment: a lost answer of a void that landed, or a version the service made meanwhile.
                answer = http.get("/api/v1/completions/" + current.id());
                if (answer.body().get("status").asText().equals("VOIDED")) {
                    break;
                }
                if (attempt == MAX_STALE_RETRIES) {
                    throw new IllegalStateException("void of " + current.id() + " neither applied nor current");
                }
                version = answer.body().get("version").asLong();
            }
            expect(answer, 200);
            acknowledge(answer.body());
            active.remove(externalId);
            activeSet.remove(externalId);
            voids.incrementAndGet();
        }

        private void changeEmployee() {
            EmployeeState before = employees.get(nips.get(random.nextInt(nips.size())));
            LocalDate from = before.effective() == null ? LocalDate.of(YEAR, 1, 1) : before.effective().plusDays(1);
            LocalDate effective = from.plusDays(random.nextInt(20));
            EmployeeState after = effective.getYear() == YEAR && random.nextBoolean()
                    ? new EmployeeState(before.nip(), before.name(), before.type(), before.level(),
                            leaves.get(random.nextInt(leaves.size())), effective, true)
                    : new EmployeeState(before.nip(), before.name(), before.type(),
                            LEVELS[random.nextInt(LEVELS.length)], before.unit(), before.effective(), false);
            expect(http.send("PUT", "/api/v1/employees/" + after.nip(), after.body(), Map.of()), 200, 201);
            employees.put(after.nip(), after);
            employeeChanges.incrementAndGet();
        }

        private Map<String, Object> newCompletion() {
            String nip = nips.get(random.nextInt(nips.size()));
            return requestOf(nip, "Pelatihan " + number + "-" + sequence, new BigDecimal(JP[random.nextInt(JP.length)]),
                    null);
        }

        /** A full completion request; {@code externalId} null for a new one, else the key of the record it amends. */
        private Map<String, Object> requestOf(String nip, String title, BigDecimal jp, String externalId) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("nip", nip);
            body.put("title", title);
            body.put("kindId", 3);
            body.put("competencyType", COMPETENCIES[random.nextInt(COMPETENCIES.length)]);
            body.put("deliveryMode", MODES[random.nextInt(MODES.length)]);
            body.put("provider", "BPSDMD");
            LocalDate start = LocalDate.of(YEAR, 1, 2).plusDays(random.nextInt(330));
            body.put("startDate", start.toString());
            body.put("endDate", start.plusDays(random.nextInt(3)).toString());
            body.put("jp", jp);
            body.put("sourceSystem", SOURCE);
            body.put("externalId", externalId != null ? externalId : "c" + number + "-" + sequence++);
            return body;
        }

        private void acknowledge(JsonNode completion) {
            String externalId = completion.get("externalId").asText();
            boolean voided = completion.get("status").asText().equals("VOIDED");
            completions.put(externalId, new Acked(externalId, UUID.fromString(completion.get("id").asText()),
                    completion.get("nip").asText(), completion.get("version").asLong(),
                    new BigDecimal(completion.get("jp").asText()), completion.get("title").asText(), voided));
            if (!voided && activeSet.add(externalId)) {
                active.add(externalId);
            }
        }

        private String pick() {
            return active.get(random.nextInt(active.size()));
        }
    }

    private static void expect(RetryingHttp.Answer answer, int... statuses) {
        for (int status : statuses) {
            if (answer.status() == status) {
                return;
            }
        }
        throw new IllegalStateException("unexpected answer " + answer.status() + ": " + answer.body());
    }
}
