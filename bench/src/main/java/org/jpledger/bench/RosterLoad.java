package org.jpledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jpledger.bench.ProvinceGenerator.Employee;
import org.jpledger.bench.ProvinceGenerator.Unit;

/**
 * Loads the province's roster through training-service's API: the unit tree (parents first), every employee (PUT per
 * NIP, as there is no bulk employee endpoint, at some concurrency), then every later change of each employee in date
 * order: transfers, position changes, exemption periods and the leaving with its reason.
 */
final class RosterLoad {

    static final String KEY = "load.employees";
    static final String CHANGES_KEY = "load.employee-changes";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final BenchStack stack;
    private final ProvinceGenerator province;
    private final Log log;

    RosterLoad(BenchStack stack, ProvinceGenerator province, Log log) {
        this.stack = stack;
        this.province = province;
        this.log = log;
    }

    /** What the roster phase did: its figure, and the employees it did not register before its time cap. */
    record Result(Measurement measurement, List<Employee> unregistered) {
    }

    /**
     * Registers the units, then the employees until done or {@code cap} has passed; the employees left are for the bulk
     * route. The later changes are a separate step, {@link #changes}, once every employee exists.
     */
    Result load(int clients, Duration cap) {
        Http http = stack.training();
        log.step("%d units (parents first)", province.units().size());
        for (Unit unit : province.units()) {
            http.expect("PUT", "/api/v1/units/" + unit.code(), Bodies.unit(unit), TIMEOUT, 200, 201);
        }
        List<Employee> employees = province.employees();
        log.step("%,d employees, PUT each at concurrency %d", employees.size(), clients);
        Latencies latencies = new Latencies();
        long started = System.nanoTime();
        int done = Parallel.forEach("employees", clients, employees.size(), started + cap.toNanos(), i -> {
            Employee e = employees.get(i);
            long t0 = System.nanoTime();
            http.expect("PUT", "/api/v1/employees/" + e.nip(), Bodies.employee(e), TIMEOUT, 201);
            latencies.record(t0, System.nanoTime());
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        double rate = done / seconds;
        log.figure(KEY, "%,.0f employees/s (%,d in %.1f s)", rate, done, seconds);
        boolean capped = done < employees.size();
        if (capped) {
            log.warn("the roster phase was capped at %d min: %,d of %,d employees registered through the API",
                    cap.toMinutes(), done, employees.size());
        }
        return new Result(new Measurement(KEY, "Employee registration through PUT /api/v1/employees/{nip}", rate,
                "employees/s", latencies.toLatency(), null, null, null,
                "%,d employees of %d units, one PUT each (the API has no bulk employee endpoint) from %d concurrent clients, %.1f s.%s Informational: no target."
                        .formatted(done, province.units().size(), clients, seconds, capped
                                ? " Capped at %d min: the other %,d employees were loaded by the bulk route.".formatted(
                                        cap.toMinutes(), employees.size() - done) : "")),
                employees.subList(done, employees.size()));
    }

    /**
     * Every generated later change through the API, once every employee is registered: each employee's changes in date
     * order on one client (each depends on the ones before it), employees in parallel.
     */
    Measurement changes(int clients) {
        Http http = stack.training();
        List<List<Bodies.Change>> changed = new ArrayList<>();
        Map<Bodies.ChangeKind, Long> counts = new EnumMap<>(Bodies.ChangeKind.class);
        for (Bodies.ChangeKind kind : Bodies.ChangeKind.values()) {
            counts.put(kind, 0L);
        }
        for (Employee e : province.employees()) {
            List<Bodies.Change> changes = Bodies.changes(e);
            if (!changes.isEmpty()) {
                changed.add(changes);
                changes.forEach(c -> counts.merge(c.kind(), 1L, Long::sum));
            }
        }
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        String kinds = "%,d effective-dated transfers to another unit, %,d effective-dated position changes, %,d exemption periods (POST .../exemptions), %,d leavers given their last day and leaving reason"
                .formatted(counts.get(Bodies.ChangeKind.TRANSFER), counts.get(Bodies.ChangeKind.POSITION),
                        counts.get(Bodies.ChangeKind.EXEMPTION), counts.get(Bodies.ChangeKind.LEAVING));
        log.step("%,d changes of %,d employees through the API: %s", total, changed.size(), kinds);
        Latencies latencies = new Latencies();
        long changesStarted = System.nanoTime();
        Parallel.forEach("employee-changes", clients, changed.size(), i -> {
            for (Bodies.Change c : changed.get(i)) {
                long t0 = System.nanoTime();
                http.expect(c.method(), c.path(), c.body(), TIMEOUT, c.status());
                latencies.record(t0, System.nanoTime());
            }
        });
        double changeSeconds = (System.nanoTime() - changesStarted) / 1e9;
        double rate = total / changeSeconds;
        log.figure(CHANGES_KEY, "%,.0f changes/s (%,d in %.1f s)", rate, total, changeSeconds);
        return new Measurement(CHANGES_KEY, "Employee changes (transfers, position changes, exemptions, leavers) "
                + "through PUT /api/v1/employees/{nip} and POST /api/v1/employees/{nip}/exemptions", rate, "changes/s",
                latencies.toLatency(), null, null, null,
                "%,d changes of %,d employees (%s), each employee's in date order on one client, from %d concurrent clients, %.1f s; every one accepted. Informational: no target."
                        .formatted(total, changed.size(), kinds, clients, changeSeconds));
    }
}
