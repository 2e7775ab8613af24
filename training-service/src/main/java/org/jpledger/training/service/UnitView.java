package org.jpledger.training.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jpledger.contracts.events.UnitPeriod;
import org.jpledger.training.domain.Unit;
import org.jpledger.training.domain.UnitPeriodEntry;

/**
 * A unit at its current version; {@code timeZone} is its own, null when it takes its parent's. {@code history} holds its
 * name and parent over time, oldest first.
 */
public record UnitView(String code, String name, String parentCode, long version, Instant updatedAt,
        String timeZone, List<UnitPeriod> history, LocalDate dissolvedOn, String successorCode,
        String dissolutionReference, String instansiId) {

    public static UnitView of(Unit unit, List<UnitPeriodEntry> history) {
        return new UnitView(unit.code, unit.name, unit.parentCode, unit.version, unit.updatedAt, unit.timeZone,
                periods(history), unit.dissolvedOn, unit.successorCode, unit.dissolutionReference, unit.instansiId);
    }

    /** The unit as it stood in {@code period}: its name and parent then. */
    public UnitView asIn(UnitPeriod period) {
        return new UnitView(code, period.name(), period.parentCode(), version, updatedAt, timeZone, history,
                dissolvedOn, successorCode, dissolutionReference, instansiId);
    }

    static List<UnitPeriod> periods(List<UnitPeriodEntry> history) {
        return history.stream().map(p -> new UnitPeriod(p.effectiveFrom, p.name, p.parentCode)).toList();
    }
}
