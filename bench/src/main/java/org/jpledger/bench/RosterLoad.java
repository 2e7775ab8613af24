package org.jpledger.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jpledger.bench.ProvinceGenerator.Employee;
import org.jpledger.bench.ProvinceGenerator.Unit;

/**
 * Loads the province's roster through training-service's API: the unit tree (parents first), every employee (PUT per
 * NIP, as there is no bulk employee endpoint, at some concurrency), then the transfers and leavers as later changes.
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
     * route. The changes (transfers, leavers) are a separate step, {@link #changes}, once every employee exists.
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
     * The transfers and leavers, through the API, once every employee is registered. The generated position changes,
     * exemptions and leaving reasons are not sent: the API does not take them yet (issue 22).
     */
    Measurement changes(int clients) {
        Http http = stack.training();
        List<Employee> changed = new ArrayList<>();
        List<Employee> employees = province.employees();
        for (Employee e : employees) {
            if (e.transfers() || e.leaves()) {
                changed.add(e);
            }
        }
        long transfers = changed.stream().filter(Employee::transfers).count();
        log.step("%,d employee changes through the API: %,d transfers (effective-dated), %,d leavers", changed.size(),
                transfers, changed.size() - transfers);
        long changesStarted = System.nanoTime();
        Parallel.forEach("employee-changes", clients, changed.size(), i -> {
            Employee e = changed.get(i);
            http.expect("PUT", "/api/v1/employees/" + e.nip(), Bodies.employeeChanged(e), TIMEOUT, 200);
        });
        double changeSeconds = (System.nanoTime() - changesStarted) / 1e9;
        double rate = changed.size() / changeSeconds;
        log.figure(CHANGES_KEY, "%,.0f changes/s (%,d in %.1f s)", rate, changed.size(), changeSeconds);
        return new Measurement(CHANGES_KEY, "Employee changes (transfers, leavers) through PUT /api/v1/employees/{nip}",
                rate, "changes/s", null, null, null, null,
                "%,d changes (%,d effective-dated transfers to another unit, %,d leavers given their last day) from %d concurrent clients, %.1f s. Informational: no target."
                        .formatted(changed.size(), transfers, changed.size() - transfers, clients, changeSeconds));
    }
}
