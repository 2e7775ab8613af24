package org.jpledger.training.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.jpledger.support.problem.InvalidRequestException;

/** Opaque keyset cursors: clients pass them back unchanged and never build them. */
public final class ListCursor {

    private static final String PREFIX = "seq:";

    private ListCursor() {
    }

    /** The cursor of the page after the row at recording position {@code seq}. */
    public static String after(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((PREFIX + seq).getBytes(StandardCharsets.US_ASCII));
    }

    /** The recording position a cursor continues after; a cursor this service did not make is a field error. */
    public static long position(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
            if (text.startsWith(PREFIX)) {
                long seq = Long.parseLong(text.substring(PREFIX.length()));
                if (seq >= 0) {
                    return seq;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the field error: NumberFormatException is an IllegalArgumentException too
        }
        throw InvalidRequestException.of("cursor", "is not a cursor from an earlier page of this listing");
    }
}
