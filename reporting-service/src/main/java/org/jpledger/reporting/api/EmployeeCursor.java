package org.jpledger.reporting.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jpledger.reporting.projection.EmployeeOrder;
import org.jpledger.support.problem.InvalidRequestException;

/**
 * The opaque cursor of an employee list: the order it was read in and where the page ended, so that the next page
 * continues exactly after it however the data changes meanwhile.
 */
public final class EmployeeCursor {

    private static final char SEPARATOR = '\u001F';

    private EmployeeCursor() {
    }

    public static String encode(EmployeeOrder order, EmployeeOrder.Position position) {
        String text = order.parameter() + SEPARATOR + position.nip() + SEPARATOR + position.value();
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor points at; refuses a cursor that is malformed or was made for another order. */
    public static EmployeeOrder.Position decode(String cursor, EmployeeOrder order) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.of("cursor", "is not a cursor this API gave out");
        }
        String[] parts = text.split(String.valueOf(SEPARATOR), 3);
        // A NUL is in no name this API gave out, and PostgreSQL would refuse it as a parameter (a 500).
        if (parts.length != 3 || !parts[1].matches("[0-9]{18}") || parts[2].indexOf('\u0000') >= 0) {
            throw InvalidRequestException.of("cursor", "is not a cursor this API gave out");
        }
        if (!parts[0].equals(order.parameter())) {
            throw InvalidRequestException.of("cursor", "was given for sort=" + parts[0] + ", not sort="
                    + order.parameter());
        }
        if (order.byJp() && !parts[2].matches("-?[0-9]+(\\.[0-9]+)?")) {
            throw InvalidRequestException.of("cursor", "is not a cursor this API gave out");
        }
        return new EmployeeOrder.Position(parts[2], parts[1]);
    }
}
