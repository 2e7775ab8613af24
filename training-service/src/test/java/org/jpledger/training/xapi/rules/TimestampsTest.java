package org.jpledger.training.xapi.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** Timestamps: xAPI timestamps read as instants (a time zone required, -00:00 refused) and written in UTC millis. */
class TimestampsTest {

    private static final Instant EIGHT_PM_UTC = Instant.parse("2026-03-05T20:00:00Z");

    @Test
    void readsUtcAndOffsetTimestampsAsTheSameInstant() {
        assertThat(Timestamps.parse("2026-03-05T20:00:00Z")).isEqualTo(EIGHT_PM_UTC);
        assertThat(Timestamps.parse("2026-03-06T03:00:00.000+07:00")).isEqualTo(EIGHT_PM_UTC);
        assertThat(Timestamps.parse("2026-03-05T20:00:00+00:00")).isEqualTo(EIGHT_PM_UTC);
    }

    @Test
    void keepsPrecisionBeyondMilliseconds() {
        assertThat(Timestamps.parse("2026-03-05T20:00:00.123456789Z"))
                .isEqualTo(Instant.parse("2026-03-05T20:00:00.123456789Z"));
    }

    @Test
    void refusesLocalTime() {
        assertThatThrownBy(() -> Timestamps.parse("2026-03-05T20:00:00")).isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Timestamps.parse("2026-03-05")).isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void refusesTheUnknownOffset() {
        assertThatThrownBy(() -> Timestamps.parse("2026-03-05T20:00:00-00:00"))
                .isInstanceOf(DateTimeParseException.class);
        assertThatThrownBy(() -> Timestamps.parse("2026-03-05T20:00:00-0000"))
                .isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void refusesTheShortUnknownOffset() {
        assertThatThrownBy(() -> Timestamps.parse("2026-03-05T20:00:00-00"))
                .isInstanceOf(DateTimeParseException.class);
    }

    @Test
    void writesUtcWithMilliseconds() {
        assertThat(Timestamps.format(Instant.parse("2026-03-05T20:00:00Z"))).isEqualTo("2026-03-05T20:00:00.000Z");
        assertThat(Timestamps.format(Instant.parse("2026-03-05T20:00:00.123456Z")))
                .isEqualTo("2026-03-05T20:00:00.123Z");
        assertThat(Timestamps.parse(Timestamps.format(EIGHT_PM_UTC))).isEqualTo(EIGHT_PM_UTC);
    }
}
