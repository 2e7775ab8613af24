package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jpledger.contracts.events.UnitPeriod;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.Caller;
import org.jpledger.support.security.OutOfScopeException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;
import org.jpledger.training.domain.Unit;
import org.jpledger.training.domain.UnitPeriodRepository;
import org.jpledger.training.domain.UnitRepository;

/**
 * An admin's correction of a unit's history (name and parent over time): replaced wholesale, the latest period becomes
 * the current name and parent, and the result is a new version published like any change. The one way to move a past
 * date, e.g. a reorganisation decided late with an earlier TMT, which ordinary changes refuse. An admin whose token names
 * units is held to them: the unit, and every parent it is moved under.
 */
@ApplicationScoped
public class UnitHistoryService {

    private final UnitRepository units;
    private final UnitPeriodRepository periods;
    private final UnitService unitService;
    private final UnitPlacement placement;
    private final Clock clock;
    private final Caller caller;
    private final UnitAccess access;

    public UnitHistoryService(UnitRepository units, UnitPeriodRepository periods, UnitService unitService,
            UnitPlacement placement, Clock clock, Caller caller, UnitAccess access) {
        this.units = units;
        this.periods = periods;
        this.unitService = unitService;
        this.placement = placement;
        this.clock = clock;
        this.caller = caller;
        this.access = access;
    }

    /** The history before and the unit after a correction. */
    public record Corrected(List<UnitPeriod> before, UnitView after) {
    }

    @Transactional
    public Corrected correct(String code, UnitHistoryCorrection correction) {
        // National, like every admin call, unless the token names units.
        UnitScope scope = caller.scope().isNone() ? UnitScope.ALL : caller.scope();
        List<UnitPeriod> history = correction.history();
        List<LocalDate> dates = history.stream().map(UnitPeriod::effectiveFrom).toList();
        LocalDate today = TrainingCalendar.today(clock);
        FieldErrors errors = new FieldErrors();
        RecordDates.checkHistory(errors, "history", dates, today);
        for (int i = 0; i < history.size(); i++) {
            if (code.equals(history.get(i).parentCode())) {
                errors.add("history[" + i + "].parentCode", "must not be the unit itself");
            }
        }
        errors.throwIfAny();
        Unit unit = units.findForUpdate(code).filter(u -> access.covers(scope, u.code))
                .orElseThrow(() -> new ResourceNotFoundException(UnitService.NOT_FOUND));
        // As for an ordinary change, only a new place in the tree must be the caller's.
        for (UnitPeriod period : history) {
            String parent = period.parentCode();
            if (!Objects.equals(parent, unit.parentCode) && (parent == null ? !scope.isAll()
                    : !access.covers(scope, parent))) {
                throw new OutOfScopeException("history hangs the unit under a unit outside the units your token names, "
                        + "or at the top of the tree.");
            }
        }
        TreeSet<LocalDate> starts = new TreeSet<>(dates);
        for (int i = 0; i < history.size(); i++) {
            UnitPeriod period = history.get(i);
            LocalDate from = period.effectiveFrom();
            if (unit.dissolvedBy(from)) {
                errors.add("history[" + i + "].effectiveFrom", "must be before the unit's dissolution ("
                        + unit.dissolvedOn + ")");
            } else if (period.parentCode() != null) {
                LocalDate next = starts.higher(from);
                placement.check(errors, "history[" + i + "].parentCode", code, period.parentCode(), from,
                        next != null ? next : unit.dissolvedOn, next != null ? from : today);
            }
        }
        errors.throwIfAny();

        List<UnitPeriod> sorted = history.stream().sorted(Comparator.comparing(UnitPeriod::effectiveFrom))
                .toList();
        UnitView stored = unitService.view(unit);
        if (stored.history().equals(sorted)) {
            return new Corrected(stored.history(), stored);
        }
        // Deleted and flushed before the new rows go in: both use the same keys (unit and date) for unchanged entries.
        periods.historyOf(code).forEach(periods::delete);
        periods.flush();
        sorted.forEach(p -> unitService.addPeriod(code, p.effectiveFrom(), p.name(), p.parentCode()));
        UnitPeriod current = sorted.get(sorted.size() - 1);
        unit.name = current.name();
        unit.parentCode = current.parentCode();
        unit.version++;
        unit.updatedAt = clock.instant();
        periods.flush();
        return new Corrected(stored.history(), unitService.appendEvent(unit));
    }
}
