package org.jpledger.support.security;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import org.jpledger.contracts.access.Access;

/**
 * The part of the unit tree a caller acts for: the units named in its token's unit claim, each with every unit below
 * it; or the whole tree. A token without the claim has no scope at all, which only global roles may use.
 */
public record UnitScope(Kind kind, Set<String> roots) {

    /** Whether a scope is missing, whole-tree, or limited to the subtrees of {@link #roots()}. */
    public enum Kind { NONE, ALL, UNITS }

    public static final UnitScope NONE = new UnitScope(Kind.NONE, Set.of());
    public static final UnitScope ALL = new UnitScope(Kind.ALL, Set.of());

    public UnitScope {
        // Sorted, so the audit log and messages name the units the same way every time.
        roots = Collections.unmodifiableSortedSet(new TreeSet<>(roots));
    }

    /** The scope a unit claim grants: {@code null} or empty means none; {@code "*"} among the codes means all. */
    public static UnitScope ofClaim(Collection<String> codes) {
        if (codes == null) {
            return NONE;
        }
        Set<String> roots = new TreeSet<>();
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                continue;
            }
            if (Access.ALL_UNITS.equals(code.trim())) {
                return ALL;
            }
            roots.add(code.trim());
        }
        return roots.isEmpty() ? NONE : new UnitScope(Kind.UNITS, roots);
    }

    /** Whether the caller may see every unit, so no filter applies. */
    public boolean isAll() {
        return kind == Kind.ALL;
    }

    /** Whether the token named no unit at all. */
    public boolean isNone() {
        return kind == Kind.NONE;
    }

    /** The claim as written in the audit log and in messages. */
    @Override
    public String toString() {
        return switch (kind) {
            case NONE -> "(none)";
            case ALL -> Access.ALL_UNITS;
            case UNITS -> String.join(",", roots);
        };
    }
}
