package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.Topics;
import org.jpledger.contracts.events.UnitPeriod;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.support.problem.ConflictException;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.InvalidRequestException;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.OutOfScopeException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.Unit;
import org.jpledger.training.domain.UnitAssignmentRepository;
import org.jpledger.training.domain.UnitPeriodEntry;
import org.jpledger.training.domain.UnitPeriodRepository;
import org.jpledger.training.domain.UnitRepository;
import org.jpledger.training.domain.UnitRepository.SubtreeRow;
import org.jpledger.training.outbox.OutboxWriter;

/**
 * Creates, changes and dissolves units, keeping the unit tree free of loops; a unit's name and parent are effective-dated
 * like an employee's unit, each change is a new version and one event carrying the whole history. A caller
 * sees and changes only the units its token names and those below them; the top of the tree belongs to callers of the
 * whole tree.
 */
@ApplicationScoped
public class UnitService {

    // One answer for "no such unit" and "not yours": the second must not reveal that the unit exists.
    static final String NOT_FOUND = "No unit with this code in the units your token names.";
    private static final String OUT_OF_SCOPE = "The unit, or the parentCode it would hang under, is outside the units "
            + "your token names; only a token for the whole unit tree (units \"*\") may create a root unit or move one "
            + "to the top.";

    private final UnitRepository units;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final UnitAccess access;
    private final UnitPeriodRepository periods;
    private final UnitAssignmentRepository assignments;
    private final UnitPlacement placement;
    private final Caller caller;

    public UnitService(UnitRepository units, OutboxWriter outbox, Clock clock, UnitAccess access,
            UnitPeriodRepository periods, UnitAssignmentRepository assignments, UnitPlacement placement,
            Caller caller) {
        this.units = units;
        this.outbox = outbox;
        this.clock = clock;
        this.access = access;
        this.periods = periods;
        this.assignments = assignments;
        this.placement = placement;
        this.caller = caller;
    }

    @Transactional
    public Upserted<UnitView> upsert(String code, UnitState request) {
        UnitScope scope = access.scope();
        Unit unit = units.findForUpdate(code).orElse(null);
        requireWritable(scope, unit, request);
        boolean created = unit == null;
        List<UnitPeriodEntry> history = created ? List.of() : periods.historyOf(code);
        UnitPeriodEntry latest = created ? null : last(history);
        LocalDate today = TrainingCalendar.today(clock);
        LocalDate effective = request.effectiveDate();
        FieldErrors errors = new FieldErrors();
        if (effective != null) {
            checkEffectiveDate(errors, effective, unit, latest, today);
            errors.throwIfAny();
        }
        // Without a date a new unit stands from the beginning of time, and a change corrects the latest period.
        LocalDate from = effective != null ? effective : created ? RecordDates.EARLIEST : latest.effectiveFrom;
        if (request.parentCode() != null) {
            placement.check(errors, "parentCode", code, request.parentCode(), from, created ? null : unit.dissolvedOn,
                    today);
            errors.throwIfAny();
        }
        boolean sameShape = !created && unit.name.equals(request.name())
                && Objects.equals(unit.parentCode, request.parentCode());
        if (request.instansiId() != null && request.parentCode() != null) {
            // One agency per tree: the SIASN files of a subtree take the agency of its root, so a second id further
            // down would be ambiguous.
            throw InvalidRequestException.of("instansiId", "only a root unit (without parentCode) carries the SIASN "
                    + "agency id; its subunits belong to the same agency");
        }
        if (sameShape && Objects.equals(unit.timeZone, request.timeZone())
                && Objects.equals(unit.instansiId, request.instansiId())) {
            return new Upserted<>(false, view(unit));
        }
        if (created) {
            unit = new Unit();
            unit.code = code;
        }
        unit.name = request.name();
        unit.parentCode = request.parentCode();
        unit.timeZone = request.timeZone();
        unit.instansiId = request.instansiId();
        unit.version++;
        unit.updatedAt = clock.instant();
        units.persist(unit);
        if (created || (!sameShape && !from.equals(latest.effectiveFrom))) {
            // after the unit, whose row the period refers to
            addPeriod(code, from, request.name(), request.parentCode());
        } else if (!sameShape) {
            // A change dated on the latest period's day corrects it.
            latest.name = request.name();
            latest.parentCode = request.parentCode();
            latest.recordedAt = clock.instant();
        }
        periods.flush();
        return new Upserted<>(created, appendEvent(unit));
    }

    /**
     * Dissolves a unit from a date, naming the unit that takes over if any. Refused (409) while child units still hang
     * under it on or after that date, or, without a successor, while employees are still assigned to it then.
     */
    @Transactional
    public UnitView dissolve(String code, UnitDissolution command) {
        UnitScope scope = access.scope();
        LocalDate date = command.effectiveDate();
        String successorCode = command.successorCode();
        LocalDate today = TrainingCalendar.today(clock);
        FieldErrors errors = new FieldErrors();
        RecordDates.check(errors, "effectiveDate", date);
        if (date.isAfter(today)) {
            errors.add("effectiveDate", "must not be in the future; record a dissolution when it takes effect");
        }
        if (code.equals(successorCode)) {
            errors.add("successorCode", "must not be the unit itself");
        }
        errors.throwIfAny();
        Unit unit = units.findForUpdate(code).filter(u -> access.covers(scope, u.code))
                .orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
        if (successorCode != null && !access.covers(scope, successorCode)) {
            throw new OutOfScopeException("successorCode names a unit outside the units your token names.");
        }
        if (unit.dissolvedOn != null) {
            throw new ConflictException("The unit is already dissolved from " + unit.dissolvedOn + "; an admin undoes "
                    + "that first (DELETE /api/v1/units/" + code + "/dissolution).");
        }
        List<UnitPeriodEntry> history = periods.historyOf(code);
        if (!date.isAfter(history.get(0).effectiveFrom)) {
            errors.add("effectiveDate", "must be after the unit's first day (" + history.get(0).effectiveFrom + ")");
        } else if (date.isBefore(last(history).effectiveFrom)) {
            errors.add("effectiveDate", "must not be before the unit's latest change (" + last(history).effectiveFrom
                    + ")");
        }
        if (successorCode != null) {
            checkSuccessor(errors, code, successorCode, date);
        }
        errors.throwIfAny();
        List<String> children = childrenOnOrAfter(code, date);
        if (!children.isEmpty()) {
            throw new ConflictException("Units still hang under the unit on or after " + date + ": "
                    + String.join(", ", children) + "; move them first (PUT /api/v1/units/{code} with an effectiveDate)"
                    + ".");
        }
        if (successorCode == null) {
            List<String> nips = assignments.assignedOnOrAfter(code, date, 5);
            if (!nips.isEmpty()) {
                throw new ConflictException("Employees are still assigned to the unit on or after " + date + " (e.g. "
                        + String.join(", ", nips) + "); transfer them first, or name a successorCode that takes "
                        + "them over.");
            }
        }
        unit.dissolvedOn = date;
        unit.successorCode = successorCode;
        unit.dissolutionReference = command.reference();
        unit.version++;
        unit.updatedAt = clock.instant();
        return appendEvent(unit);
    }

    /** A dissolution undone: what it was, and the unit after. */
    public record DissolutionUndone(LocalDate dissolvedOn, String successorCode, String reference, UnitView unit) {
    }

    /** Undoes a unit's dissolution (an admin's correction): the unit exists again from its first day on. */
    @Transactional
    public DissolutionUndone undoDissolution(String code) {
        // National, like every admin call, unless the token names units.
        UnitScope scope = caller.scope().isNone() ? UnitScope.ALL : caller.scope();
        Unit unit = units.findForUpdate(code).filter(u -> access.covers(scope, u.code))
                .orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
        if (unit.dissolvedOn == null) {
            throw new ConflictException("The unit is not dissolved.");
        }
        LocalDate dissolvedOn = unit.dissolvedOn;
        String successorCode = unit.successorCode;
        String reference = unit.dissolutionReference;
        unit.dissolvedOn = null;
        unit.successorCode = null;
        unit.dissolutionReference = null;
        unit.version++;
        unit.updatedAt = clock.instant();
        return new DissolutionUndone(dissolvedOn, successorCode, reference, appendEvent(unit));
    }

    /**
     * Publishes the unit's current state with its history, in the caller's transaction (a change, or a republish);
     * returns the unit as published.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    UnitView appendEvent(Unit unit) {
        UnitView view = view(unit);
        outbox.append(Topics.UNITS, unit.code, EventTypes.UNIT_UPSERTED_V1,
                new UnitUpserted(unit.code, unit.name, unit.parentCode, unit.version, unit.timeZone, view.history(),
                        unit.dissolvedOn, unit.successorCode, unit.instansiId));
        return view;
    }

    /** The unit as stored, with its history. */
    @Transactional(Transactional.TxType.MANDATORY)
    UnitView view(Unit unit) {
        return UnitView.of(unit, periods.historyOf(unit.code));
    }

    /**
     * The children of {@code parentCode} (which must exist), none when it is outside the caller's units; without a
     * parent, the root units, or for a caller limited to some units those units. With {@code asOf}, the units that
     * existed on that day, each with the name and parent it had then.
     */
    @Transactional
    public List<UnitView> children(String parentCode, LocalDate asOf) {
        UnitScope scope = access.scope();
        if (parentCode != null) {
            if (!access.covers(scope, parentCode)) {
                return List.of();
            }
            if (units.findByIdOptional(parentCode).isEmpty()) {
                throw new ResourceNotFoundException(NOT_FOUND);
            }
        }
        if (asOf == null) {
            List<Unit> found = parentCode != null ? units.children(parentCode)
                    : scope.isAll() ? units.children(null) : units.byCodes(scope.roots());
            return views(found);
        }
        Map<String, UnitPeriod> then = new HashMap<>();
        periods.allInForce(asOf).forEach(p -> then.put(p.unitCode, new UnitPeriod(p.effectiveFrom, p.name,
                p.parentCode)));
        return views(units.byCodes(then.keySet())).stream()
                .filter(u -> u.dissolvedOn() == null || asOf.isBefore(u.dissolvedOn()))
                .map(u -> u.asIn(then.get(u.code())))
                .filter(u -> parentCode != null ? parentCode.equals(u.parentCode())
                        : scope.isAll() ? u.parentCode() == null : scope.roots().contains(u.code()))
                .toList();
    }

    /** The unit and everything below it, depth first, each with its history. */
    @Transactional
    public List<SubtreeUnit> subtree(String code) {
        requireVisible(code);
        List<SubtreeRow> rows = units.subtree(code);
        if (rows.isEmpty()) {
            throw new ResourceNotFoundException(NOT_FOUND);
        }
        Map<String, List<UnitPeriodEntry>> histories = periods.historiesOf(rows.stream().map(SubtreeRow::code).toList());
        return rows.stream().map(r -> new SubtreeUnit(r, UnitView.periods(histories.getOrDefault(r.code(), List.of()))))
                .toList();
    }

    @Transactional
    public UnitView get(String code) {
        requireVisible(code);
        return units.findByIdOptional(code).map(this::view)
                .orElseThrow(() -> new ResourceNotFoundException(NOT_FOUND));
    }

    /** Units with their histories, in one query for all. */
    private List<UnitView> views(List<Unit> found) {
        Map<String, List<UnitPeriodEntry>> histories = periods.historiesOf(found.stream().map(u -> u.code).toList());
        return found.stream().map(u -> UnitView.of(u, histories.getOrDefault(u.code, List.of()))).toList();
    }

    void addPeriod(String code, LocalDate from, String name, String parentCode) {
        UnitPeriodEntry period = new UnitPeriodEntry();
        period.unitCode = code;
        period.effectiveFrom = from;
        period.name = name;
        period.parentCode = parentCode;
        period.recordedAt = clock.instant();
        periods.persist(period);
    }

    /** A change from {@code date}: not in the future, not before the latest period, not once the unit is dissolved. */
    private static void checkEffectiveDate(FieldErrors errors, LocalDate date, Unit unit, UnitPeriodEntry latest,
            LocalDate today) {
        RecordDates.check(errors, "effectiveDate", date);
        if (date.isAfter(today)) {
            errors.add("effectiveDate", "must not be in the future; record a change when it takes effect");
        }
        if (latest != null && date.isBefore(latest.effectiveFrom)) {
            errors.add("effectiveDate", "must not be before the unit's latest change (" + latest.effectiveFrom
                    + "); history is not rewritten (an admin corrects it)");
        }
        if (unit != null && unit.dissolvedBy(date)) {
            errors.add("effectiveDate", "the unit is dissolved from " + unit.dissolvedOn);
        }
    }

    /** A successor must exist on the date, not be dissolved by then, and not lead back to the unit. */
    private void checkSuccessor(FieldErrors errors, String code, String successorCode, LocalDate date) {
        Unit successor = units.findById(successorCode);
        if (successor == null) {
            errors.add("successorCode", "no unit with code " + successorCode);
        } else if (successor.dissolvedBy(date)) {
            errors.add("successorCode", successorCode + " is dissolved from " + successor.dissolvedOn);
        } else if (periods.inForce(successorCode, date).isEmpty()) {
            errors.add("successorCode", successorCode + " does not exist yet on " + date);
        } else {
            Set<String> seen = new HashSet<>();
            for (Unit next = successor; next != null && seen.add(next.code);
                    next = next.successorCode == null ? null : units.findById(next.successorCode)) {
                if (next.successorCode != null && next.successorCode.equals(code)) {
                    errors.add("successorCode", successorCode + " is succeeded by the unit itself");
                    return;
                }
            }
        }
    }

    /** The units whose parent is {@code code} on some day from {@code date} on while they exist, by code. */
    private List<String> childrenOnOrAfter(String code, LocalDate date) {
        List<String> remaining = new ArrayList<>();
        for (String child : periods.childrenEver(code)) {
            Unit unit = units.findById(child);
            List<UnitPeriodEntry> history = periods.historyOf(child);
            for (int i = 0; i < history.size(); i++) {
                LocalDate end = i + 1 < history.size() ? history.get(i + 1).effectiveFrom : unit.dissolvedOn;
                if (code.equals(history.get(i).parentCode) && (end == null || end.isAfter(date))) {
                    remaining.add(child);
                    break;
                }
            }
        }
        return remaining;
    }

    private static <T> T last(List<T> history) {
        return history.get(history.size() - 1);
    }

    /** A unit outside the caller's units is answered exactly like an unknown one. */
    private void requireVisible(String code) {
        if (!access.covers(code)) {
            throw new ResourceNotFoundException(NOT_FOUND);
        }
    }

    /**
     * Refuses (403) a change the caller's scope does not reach: an existing unit outside it, or a new place in the tree
     * outside it. Where a unit hangs is checked only when it is set: a new unit, or a change of parent. A root unit (no
     * parent) hangs under none of the caller's units, so only a token for the whole tree may create one or move a unit
     * to the top; a caller may still rename the units it holds, its own top unit included.
     */
    private void requireWritable(UnitScope scope, Unit existing, UnitState request) {
        // One answer for every refusal: a unit code registered outside the caller's units must read like any other
        // change the caller's units do not reach.
        if (existing != null && !access.covers(scope, existing.code)) {
            throw new OutOfScopeException(OUT_OF_SCOPE);
        }
        if (existing != null && Objects.equals(existing.parentCode, request.parentCode())) {
            return;
        }
        if (request.parentCode() == null ? !scope.isAll() : !access.covers(scope, request.parentCode())) {
            throw new OutOfScopeException(OUT_OF_SCOPE);
        }
    }
}
