package org.jpledger.reporting.projection;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.util.Collection;
import java.util.List;
import org.hibernate.Session;

/** Projected employees by NIP. */
@ApplicationScoped
public class EmployeeRepository implements PanacheRepositoryBase<Employee, String> {

    /** The first key of the employees' advisory locks (two-key locks never collide with the one-key projection lock). */
    private static final int LOCK_SPACE = 0x4A504C; // "JPL"

    /** The stored employees among {@code nips}, in one query. */
    public List<Employee> byNip(Collection<String> nips) {
        return nips.isEmpty() ? List.of() : list("nip in ?1", nips);
    }

    /**
     * Takes a transaction lock on each employee's yearly rows, in NIP order. A batch applies its own partitions'
     * employees, but a completion moved to another employee also touches the employee it left, whose partition another
     * instance may be applying at the same time: without the lock both would recompute that employee's rows from what
     * they saw and the later commit would undo the other's change.
     */
    public void lockYearlyRows(Collection<String> nips) {
        if (nips.isEmpty()) {
            return;
        }
        String[] sorted = nips.stream().sorted().toArray(String[]::new);
        getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT count(pg_advisory_xact_lock(?, "
                    + "hashtext(n))) FROM unnest(?::text[]) AS t(n)")) {
                lock.setInt(1, LOCK_SPACE);
                lock.setArray(2, connection.createArrayOf("text", sorted));
                lock.executeQuery().close();
            }
        });
    }
}
