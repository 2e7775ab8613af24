package org.jpledger.support.paging;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.jpledger.support.problem.InvalidRequestException;

/**
 * The one codec of keyset cursors: opaque text that clients pass back unchanged and never build. A cursor names the
 * listing it belongs to ({@code kind}) and carries the parts of the position where its page ended.
 */
public final class Cursor {

    /** The reason every cursor that no earlier page of the listing gave out is refused with. */
    public static final String REFUSAL = "is not a cursor from an earlier page of this listing";

    private static final char SEPARATOR = '\u001F';

    private Cursor() {
    }

    /**
     * The cursor of a page that ended at {@code parts} of listing {@code kind}. Only the last part may hold a unit
     * separator (put free text such as a name last): the parts are split at the first ones.
     */
    public static String encode(String kind, String... parts) {
        StringBuilder text = new StringBuilder(kind).append(':');
        for (int i = 0; i < parts.length; i++) {
            if (i < parts.length - 1 && parts[i].indexOf(SEPARATOR) >= 0) {
                throw new IllegalArgumentException("a cursor part must not hold U+001F");
            }
            text.append(i == 0 ? "" : String.valueOf(SEPARATOR)).append(parts[i]);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@code count} parts a cursor of listing {@code kind} carries; a cursor of another listing, of another shape,
     * or holding a NUL (which no position holds, and which PostgreSQL refuses as a parameter) is a field error.
     */
    public static List<String> decode(String cursor, String kind, int count) {
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw refused();
        }
        String prefix = kind + ':';
        if (!text.startsWith(prefix) || text.indexOf('\0') >= 0) {
            throw refused();
        }
        String[] parts = text.substring(prefix.length()).split(String.valueOf(SEPARATOR), count);
        if (parts.length != count) {
            throw refused();
        }
        return Arrays.asList(parts);
    }

    /** The cursor of a page that ended at the row with the non-negative key {@code position}. */
    public static String after(String kind, long position) {
        return encode(kind, Long.toString(position));
    }

    /** The non-negative key a cursor of listing {@code kind} continues after; null when there is no cursor. */
    public static Long position(String cursor, String kind) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String part = decode(cursor, kind, 1).get(0);
        if (!part.matches("[0-9]{1,18}")) {
            throw refused();
        }
        return Long.parseLong(part);
    }

    /** The field error of a cursor no earlier page gave out. */
    public static InvalidRequestException refused() {
        return InvalidRequestException.of("cursor", REFUSAL);
    }
}
