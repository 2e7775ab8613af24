package org.jpledger.training.verification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jpledger.contracts.reference.CompletionFlag;
import org.jpledger.contracts.reference.TrainingKind;
import org.jpledger.contracts.reference.TrainingKinds;
import org.jpledger.support.paging.Cursor;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.Completion;
import org.jpledger.training.domain.Employee;
import org.jpledger.training.domain.EmployeeRepository;
import org.jpledger.training.domain.Unit;
import org.jpledger.training.domain.UnitRepository;
import org.jpledger.training.verification.domain.QueueQuery;
import org.jpledger.training.verification.domain.VerificationQueueRepository;
import org.jpledger.training.verification.domain.VerificationQueueRepository.Waiting;

/**
 * The verifier's queue: the completions of the caller's units that wait for a decision, oldest first, and how many
 * wait per unit. Only employees currently in the caller's units are seen.
 */
@ApplicationScoped
public class VerificationQueue {

    /** The kind of the queue's cursors. */
    public static final String CURSOR = "queue";

    /** The most units one counts answer lists; past that it says {@code more} and the caller narrows by unit. */
    public static final int MAX_UNITS = 1000;

    private final VerificationQueueRepository queue;
    private final EmployeeRepository employees;
    private final UnitRepository units;
    private final UnitAccess access;

    public VerificationQueue(VerificationQueueRepository queue, EmployeeRepository employees, UnitRepository units,
            UnitAccess access) {
        this.queue = queue;
        this.employees = employees;
        this.units = units;
        this.access = access;
    }

    /** Filters of the queue as asked for; null means "any". */
    public record Filter(String unitCode, Integer kindId, String sourceSystem, CompletionFlag flag, int limit,
            String cursor) {
    }

    /** One page of the queue, oldest first; a unit filter outside the caller's units gives an empty page. */
    @Transactional
    public QueuePage list(Filter filter) {
        Instant afterAt = null;
        UUID afterId = null;
        if (filter.cursor() != null) {
            List<String> parts = Cursor.decode(filter.cursor(), CURSOR, 2);
            try {
                afterAt = Instant.parse(parts.get(0));
                afterId = UUID.fromString(parts.get(1));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw Cursor.refused();
            }
        }
        UnitScope scope = access.scope();
        if (filter.unitCode() != null && !access.covers(scope, filter.unitCode())) {
            return new QueuePage(List.of(), null);
        }
        List<Completion> rows = queue.page(new QueueQuery(filter.unitCode(), filter.kindId(), filter.sourceSystem(),
                filter.flag(), filter.limit() + 1, afterAt, afterId), scope.isAll() ? null : scope.roots());
        boolean more = rows.size() > filter.limit();
        List<Completion> page = more ? rows.subList(0, filter.limit()) : rows;
        Map<String, Employee> byNip = employees.list("nip in ?1", page.stream().map(c -> c.nip).distinct().toList())
                .stream().collect(Collectors.toMap(e -> e.nip, Function.identity()));
        Map<String, Unit> unitByCode = page.isEmpty() ? Map.of() : units.byCodes(byNip.values().stream()
                .map(e -> e.unitCode).distinct().toList()).stream()
                .collect(Collectors.toMap(u -> u.code, Function.identity()));
        List<QueueItem> items = page.stream().map(c -> item(c, byNip.get(c.nip), unitByCode)).toList();
        Completion last = page.isEmpty() ? null : page.get(page.size() - 1);
        String next = more ? Cursor.encode(CURSOR, last.recordedAt.toString(), last.id.toString()) : null;
        return new QueuePage(items, next);
    }

    /**
     * How many completions wait, per unit: without a unit, per unit the caller's token names (the top units for a
     * whole-tree token), each with its whole subtree; with one, that unit's own employees and each of its direct
     * children with their subtrees. At most {@link #MAX_UNITS} units, in code order. A unit outside the caller's units
     * is answered as unknown (404).
     */
    @Transactional
    public QueueCounts counts(String unitCode) {
        UnitScope scope = access.scope();
        Unit unit = null;
        List<Unit> listed;
        if (unitCode != null) {
            unit = units.findByIdOptional(unitCode).filter(u -> access.covers(scope, u.code))
                    .orElseThrow(() -> new ResourceNotFoundException("No such unit, or not in your units."));
            listed = units.find("parentCode = ?1 order by code", unitCode).range(0, MAX_UNITS).list();
        } else if (scope.isAll()) {
            listed = units.find("parentCode is null order by code").range(0, MAX_UNITS).list();
        } else {
            listed = units.byCodes(scope.roots().stream().limit(MAX_UNITS + 1L).toList());
        }
        boolean more = listed.size() > MAX_UNITS;
        if (more) {
            listed = listed.subList(0, MAX_UNITS);
        }
        Map<String, Waiting> below = queue.waitingBelow(listed.stream().map(u -> u.code).toList());
        List<UnitWaiting> rows = new ArrayList<>();
        for (Unit u : listed) {
            Waiting w = below.getOrDefault(u.code, Waiting.NONE);
            rows.add(new UnitWaiting(u.code, u.name, w.waiting(), w.flagged()));
        }
        UnitWaiting own = null;
        if (unit != null) {
            Waiting w = queue.waitingIn(List.of(unit.code)).getOrDefault(unit.code, Waiting.NONE);
            own = new UnitWaiting(unit.code, unit.name, w.waiting(), w.flagged());
        }
        return new QueueCounts(own, rows, more);
    }

    private static QueueItem item(Completion c, Employee employee, Map<String, Unit> unitByCode) {
        Unit unit = employee == null ? null : unitByCode.get(employee.unitCode);
        String kindName = TrainingKinds.byId(c.kindId).map(TrainingKind::name).orElse(null);
        return new QueueItem(c.id, c.version, c.nip, employee == null ? null : employee.name,
                unit == null ? null : unit.code, unit == null ? null : unit.name, c.title, c.kindId, kindName,
                c.method, c.startDate, c.endDate, c.jp, c.days, c.recognizedJp, c.certificateNumber, c.sourceSystem,
                c.recordedAt, c.recordedBy, c.verification, List.of(c.flags));
    }
}
