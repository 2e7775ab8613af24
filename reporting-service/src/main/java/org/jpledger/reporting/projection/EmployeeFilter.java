package org.jpledger.reporting.projection;

import java.util.Set;

/**
 * Which employees of a subtree a list shows: of some statuses (empty: any), and matching a search text (null: any) —
 * the start of their NIP when the text is digits (spaces between them allowed, as NIPs are often written
 * {@code 19850312 201001 2 003}), else a part of their name, case ignored.
 */
public record EmployeeFilter(Set<ComplianceStatus> statuses, String search) {

    public static final EmployeeFilter ALL = new EmployeeFilter(Set.of(), null);

    public EmployeeFilter {
        statuses = Set.copyOf(statuses);
        search = search == null || search.isBlank() ? null : search.strip();
    }

    public static EmployeeFilter of(ComplianceStatus status) {
        return new EmployeeFilter(status == null ? Set.of() : Set.of(status), null);
    }

    boolean searchesNip() {
        return search != null && search.chars().allMatch(c -> c >= '0' && c <= '9' || c == ' ')
                && search.chars().anyMatch(c -> c != ' ');
    }

    /**
     * The LIKE pattern of the search, its wildcards escaped (PostgreSQL's default escape is the backslash); a name
     * pattern is lower-cased by the database, with the same rules as the names it is compared with.
     */
    public String pattern() {
        if (searchesNip()) {
            return search.replace(" ", "") + "%";
        }
        return "%" + search.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    /** The SQL condition on {@code r} (rated row) and {@code e} (employee), starting with AND; empty for none. */
    public String condition() {
        String searched = searchesNip() ? " AND r.nip LIKE :search" : " AND lower(e.name) LIKE lower(:search)";
        return (statuses.isEmpty() ? "" : " AND r.status IN (:statuses)") + (search == null ? "" : searched);
    }
}
