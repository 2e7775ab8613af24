package org.jpledger.reporting.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jpledger.support.problem.InvalidRequestException;

/** Opaque keyset cursors over ids: clients pass them back unchanged and never build them. */
public final class IdCursor {

    private static final String PREFIX = "id:";

    private IdCursor() {
    }

    /** The cursor of the page that continues after the row with {@code id}. */
    public static String after(long id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + id).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id a cursor continues after; null for no cursor; a cursor this service did not make is a parameter error. */
    public static Long position(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long id = Long.parseLong(text.substring(PREFIX.length()));
                if (id >= 0) {
                    return id;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the parameter error: NumberFormatException is an IllegalArgumentException too
        }
        throw InvalidRequestException.of("cursor", "is not a cursor from an earlier page of this listing");
    }
}
