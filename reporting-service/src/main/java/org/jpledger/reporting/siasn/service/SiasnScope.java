package org.jpledger.reporting.siasn.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jpledger.reporting.projection.UnitRepository;
import org.jpledger.support.problem.ResourceNotFoundException;
import org.jpledger.support.security.UnitAccess;
import org.jpledger.support.security.UnitScope;

/**
 * The units a SIASN export covers: those asked (each known to reporting and within the caller's units, else 404 as for
 * the other exports), or without any the caller's units, or every unit (null) for a whole-tree caller.
 */
@ApplicationScoped
public class SiasnScope {

    private final UnitRepository units;
    private final UnitAccess access;

    public SiasnScope(UnitRepository units, UnitAccess access) {
        this.units = units;
        this.access = access;
    }

    /** The units covered: each asked one checked; the caller's when none is asked; null for every unit. */
    public List<String> unitsFor(List<String> asked) {
        UnitScope scope = access.scope();
        if (asked != null && !asked.isEmpty()) {
            for (String code : asked) {
                if (units.findByIdOptional(code).isEmpty() || !access.covers(scope, code)) {
                    throw new ResourceNotFoundException("No unit " + code
                            + " is known to reporting within your units.");
                }
            }
            return asked.stream().distinct().sorted().toList();
        }
        return scope.isAll() ? null : scope.roots().stream().sorted().toList();
    }

    /** Whether the caller may see an export of {@code exported} (null: every unit, for whole-tree callers only). */
    public boolean visible(List<String> exported) {
        UnitScope scope = access.scope();
        if (scope.isAll()) {
            return true;
        }
        return exported != null && exported.stream().allMatch(code -> access.covers(scope, code));
    }
}
