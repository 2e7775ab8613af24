package org.jpledger.reporting.projection;

import jakarta.persistence.Query;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Optional;

/** The orders an employee list can be read in, each with its keyset condition; the NIP breaks ties. */
public enum EmployeeOrder {
    TOTAL_JP("totalJp", "r.total_jp, r.nip", "(r.total_jp, r.nip) > (:afterJp, :afterNip)"),
    TOTAL_JP_DESCENDING("-totalJp", "r.total_jp DESC, r.nip DESC", "(r.total_jp, r.nip) < (:afterJp, :afterNip)"),
    NAME("name", "e.name, r.nip", "(e.name, r.nip) > (:afterName, :afterNip)"),
    NAME_DESCENDING("-name", "e.name DESC, r.nip DESC", "(e.name, r.nip) < (:afterName, :afterNip)");

    /** Where a page ended: the sort value (JP or name) and the NIP of its last employee. */
    public record Position(String value, String nip) {
    }

    private final String parameter;
    private final String orderBy;
    private final String after;

    EmployeeOrder(String parameter, String orderBy, String after) {
        this.parameter = parameter;
        this.orderBy = orderBy;
        this.after = after;
    }

    /** The value of the {@code sort} query parameter. */
    public String parameter() {
        return parameter;
    }

    public static Optional<EmployeeOrder> ofParameter(String value) {
        return Arrays.stream(values()).filter(order -> order.parameter.equals(value)).findFirst();
    }

    /** The ORDER BY list, over {@code r} (rated row: nip, total_jp) and {@code e} (employee: name). */
    public String orderBy() {
        return orderBy;
    }

    /** The keyset condition of a page after a position; bind it with {@link #bind}. */
    public String after() {
        return after;
    }

    /** Whether the order is by total JP (else by name). */
    public boolean byJp() {
        return this == TOTAL_JP || this == TOTAL_JP_DESCENDING;
    }

    /** The position after {@code employee} in this order. */
    public Position positionOf(RatedEmployee employee) {
        return positionOf(employee.totalJp(), employee.name(), employee.nip());
    }

    /** The position after the employee of these figures in this order. */
    public Position positionOf(BigDecimal totalJp, String name, String nip) {
        return new Position(byJp() ? totalJp.toPlainString() : name, nip);
    }

    public void bind(Query query, Position position) {
        if (byJp()) {
            query.setParameter("afterJp", new BigDecimal(position.value()));
        } else {
            query.setParameter("afterName", position.value());
        }
        query.setParameter("afterNip", position.nip());
    }
}
