package org.jpledger.training.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.training.domain.Unit;
import org.jpledger.training.domain.UnitPeriodRepository;
import org.jpledger.training.domain.UnitRepository;

/**
 * Where a unit may hang in the tree over time: the rules a parent must meet for a period of the unit, shared by ordinary
 * changes and an admin's correction of the history.
 */
@ApplicationScoped
class UnitPlacement {

    private final UnitRepository units;
    private final UnitPeriodRepository periods;

    UnitPlacement(UnitRepository units, UnitPeriodRepository periods) {
        this.units = units;
        this.periods = periods;
    }

    /**
     * Names in {@code errors} under {@code field} what keeps {@code parentCode} from being the parent of {@code code} from
     * {@code from} until {@code until} (exclusive; null: open): an unknown unit, one that did not exist yet on
     * {@code from} or is dissolved before {@code until}, or one that would make the unit its own ancestor in the tree on
     * {@code from} or on {@code today} (the current tree).
     */
    void check(FieldErrors errors, String field, String code, String parentCode, LocalDate from, LocalDate until,
            LocalDate today) {
        Unit parent = units.findById(parentCode);
        if (parent == null) {
            errors.add(field, "no unit with code " + parentCode);
            return;
        }
        if (loops(code, parentCode, from) || loops(code, parentCode, today)) {
            errors.add(field, "would make the unit its own ancestor");
            return;
        }
        if (periods.inForce(parentCode, from).isEmpty()) {
            errors.add(field, parentCode + " did not exist yet on " + from);
        } else if (parent.dissolvedOn != null && (until == null || parent.dissolvedOn.isBefore(until))) {
            errors.add(field, parentCode + " is dissolved from " + parent.dissolvedOn);
        }
    }

    /** Whether {@code code} is {@code parentCode} or above it in the tree as it stood on {@code date}. */
    private boolean loops(String code, String parentCode, LocalDate date) {
        Set<String> seen = new HashSet<>();
        for (String ancestor = parentCode; ancestor != null && seen.add(ancestor); ) {
            if (ancestor.equals(code)) {
                return true;
            }
            ancestor = periods.inForce(ancestor, date).map(p -> p.parentCode).orElse(null);
        }
        return false;
    }
}
