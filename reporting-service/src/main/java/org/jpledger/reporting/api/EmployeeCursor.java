package org.jpledger.reporting.api;

import java.util.List;
import org.jpledger.reporting.projection.EmployeeOrder;
import org.jpledger.support.paging.Cursor;
import org.jpledger.support.problem.InvalidRequestException;

/**
 * The opaque cursor of an employee list: the order it was read in and where the page ended, so that the next page
 * continues exactly after it however the data changes meanwhile.
 */
public final class EmployeeCursor {

    private static final String KIND = "employees";

    private EmployeeCursor() {
    }

    public static String encode(EmployeeOrder order, EmployeeOrder.Position position) {
        // The value last: a name may hold any character.
        return Cursor.encode(KIND, order.parameter(), position.nip(), position.value());
    }

    /** The position a cursor points at; refuses a cursor that is malformed or was made for another order. */
    public static EmployeeOrder.Position decode(String cursor, EmployeeOrder order) {
        List<String> parts = Cursor.decode(cursor, KIND, 3);
        if (!parts.get(1).matches("[0-9]{18}")) {
            throw Cursor.refused();
        }
        if (!parts.get(0).equals(order.parameter())) {
            throw InvalidRequestException.of("cursor", "was given for sort=" + parts.get(0) + ", not sort="
                    + order.parameter());
        }
        if (order.byJp() && !parts.get(2).matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw Cursor.refused();
        }
        return new EmployeeOrder.Position(parts.get(2), parts.get(1));
    }
}
