package org.jpledger.support.security;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * The unit-scope rule of both services: a caller with a unit-scoped role sees and changes only what belongs to the
 * units its token names and the units below them. Reads outside answer 404 (so existence is not revealed), lists are
 * filtered, and writes outside answer 403. Work on other threads (a batch's parallel lanes) takes the scope the
 * request resolved and uses the methods that accept it.
 */
@ApplicationScoped
public class UnitAccess {

    static final String NO_SCOPE = "The token names no units: a unit-scoped role needs the units claim (a list of unit "
            + "codes, or \"*\" for the whole tree).";

    private final Caller caller;
    private final UnitTree tree;

    public UnitAccess(Caller caller, UnitTree tree) {
        this.caller = caller;
        this.tree = tree;
    }

    /** The calling request's scope, which lists are filtered by; refuses a token that names no units (403). */
    public UnitScope scope() {
        UnitScope scope = caller.scope();
        if (scope.isNone()) {
            throw new OutOfScopeException(NO_SCOPE);
        }
        return scope;
    }

    /** Whether data of the unit may be shown to the caller; {@code false} for a unit that is not known. */
    public boolean covers(String unitCode) {
        return covers(scope(), unitCode);
    }

    /** Whether {@code scope} covers the unit; {@code false} for a unit that is not known. */
    public boolean covers(UnitScope scope, String unitCode) {
        return scope.isAll() || tree.isWithin(unitCode, scope.roots());
    }

    /** Those of {@code unitCodes} that {@code scope} covers, in one query. */
    public Set<String> covered(UnitScope scope, Collection<String> unitCodes) {
        return scope.isAll() ? new HashSet<>(unitCodes) : tree.covered(unitCodes, scope.roots());
    }

    /** Refuses (403) a change to something of {@code unitCode} unless the caller's scope covers it. */
    public void requireWrite(String unitCode, String what) {
        if (!covers(unitCode)) {
            throw new OutOfScopeException(what + " is outside the units your token names.");
        }
    }
}
