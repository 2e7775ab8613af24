package org.jpledger.reporting.parking;

import java.nio.charset.StandardCharsets;

/**
 * Text from a record made fit for a PostgreSQL text column, which cannot hold a NUL character: each is written as the
 * six characters of its JSON escape instead, so that storing a parked or held record's key or reason never fails.
 */
public final class StorableText {

    private static final String NUL = "\u0000";
    private static final String NUL_ESCAPE = "\\u0000";

    private StorableText() {
    }

    /** Whether a text column can hold {@code text} as it is (null can). */
    public static boolean storable(String text) {
        return text == null || !text.contains(NUL);
    }

    /** {@code text} with every NUL written as its escape; null stays null. */
    public static String of(String text) {
        return text == null ? null : text.replace(NUL, NUL_ESCAPE);
    }

    /** A record key as text: UTF-8, invalid bytes as U+FFFD, NUL escaped; null for no key. */
    public static String key(byte[] key) {
        return key == null ? null : of(new String(key, StandardCharsets.UTF_8));
    }
}
