package org.jpledger.training.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.Map;
import java.util.UUID;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.CompletionHistoryRepository;
import org.jpledger.training.domain.CompletionRepository;
import org.jpledger.training.domain.Employee;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.Unit;
import org.jpledger.training.domain.UnitRepository;
import org.jpledger.training.outbox.OutboxWriter;

/**
 * Re-emits the current state of every unit, employee and completion as ordinary versioned events, so a consumer whose
 * topic history is gone can rebuild. Units first, then employees, then completions, so each employee's own event comes
 * before its completions; consumers drop anything not newer than what they hold.
 */
@ApplicationScoped
public class RepublishService {

    private static final int PAGE = 500;

    private final UnitRepository units;
    private final EmployeeRepository employees;
    private final CompletionRepository completions;
    private final CompletionHistoryRepository history;
    private final UnitService unitService;
    private final EmployeeService employeeService;
    private final OutboxWriter outbox;

    public RepublishService(UnitRepository units, EmployeeRepository employees, CompletionRepository completions,
            CompletionHistoryRepository history, UnitService unitService, EmployeeService employeeService,
            OutboxWriter outbox) {
        this.units = units;
        this.employees = employees;
        this.completions = completions;
        this.history = history;
        this.unitService = unitService;
        this.employeeService = employeeService;
        this.outbox = outbox;
    }

    /** Appends one event per aggregate, a page per transaction so no transaction grows with the register. */
    public RepublishCounts republishAll() {
        long unitCount = inPages(
                after -> units.find("code > ?1 order by code", after == null ? "" : after).page(0, PAGE).list(),
                unit -> unit.code, page -> page.forEach(unitService::appendEvent));
        long employeeCount = inPages(
                after -> employees.find("nip > ?1 order by nip", after == null ? "" : after).page(0, PAGE).list(),
                employee -> employee.nip, page -> page.forEach(employeeService::appendEvent));
        long completionCount = inPages(
                after -> completions.find("seq > ?1 order by seq", after == null ? 0L : after).page(0, PAGE).list(),
                completion -> completion.seq, page -> {
                    // Each event names the author of the version it carries, as the history keeps it.
                    Map<UUID, String> authors = history.currentAuthorsOf(page.stream().map(c -> c.id).toList());
                    page.forEach(c -> CompletionEvents.append(outbox, c, authors.get(c.id)));
                });
        Log.infof("republished %d units, %d employees, %d completions", unitCount, employeeCount, completionCount);
        return new RepublishCounts(unitCount, employeeCount, completionCount);
    }

    private static <T, K> long inPages(Function<K, List<T>> pageAfter, Function<T, K> keyOf,
            Consumer<List<T>> append) {
        long count = 0;
        K after = null;
        while (true) {
            K from = after;
            List<T> page = QuarkusTransaction.requiringNew().call(() -> {
                List<T> rows = pageAfter.apply(from);
                append.accept(rows);
                return rows;
            });
            if (page.isEmpty()) {
                return count;
            }
            count += page.size();
            after = keyOf.apply(page.get(page.size() - 1));
        }
    }
}
