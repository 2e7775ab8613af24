package org.jpledger.support.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateHeaderTest {

    @Test
    void writesTheImfFixdateWithATwoDigitDayInGmt() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-07T05:04:03Z"), ZoneId.of("Asia/Jakarta"));

        assertThat(new DateHeader(clock).now()).isEqualTo("Mon, 07 Dec 2026 05:04:03 GMT");
    }
}
