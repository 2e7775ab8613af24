package org.jpledger.training.xapi.rules;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** xAPI timestamps: ISO 8601 with a time zone, read as instants and written in UTC with millisecond precision. */
public final class Timestamps {

    private static final DateTimeFormatter OUT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(java.time.ZoneOffset.UTC);

    private Timestamps() {
    }

    /** The instant of {@code text}; refuses a local time and the unknown-offset form "-00:00". */
    public static Instant parse(String text) {
        if (text.endsWith("-00:00") || text.endsWith("-0000") || text.endsWith("-00")) {
            throw new DateTimeParseException("an unknown offset (-00:00) is not a time zone", text, text.length() - 6);
        }
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    }

    public static String format(Instant instant) {
        return OUT.format(instant);
    }
}
