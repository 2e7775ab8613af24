package org.jpledger.training.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.jpledger.support.problem.FieldErrors;
import org.jpledger.support.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

/** RecordDates: "not in the future" is judged by the date in the employee's zone. */
class RecordDatesTest {

    // 00:30 WIT on 11 June 2026 in Papua; still 10 June in Jakarta (22:30 WIB).
    private static final Clock HALF_PAST_MIDNIGHT_WIT = Clock.fixed(Instant.parse("2026-06-10T15:30:00Z"), ZoneOffset.UTC);
    private static final LocalDate JUNE_11 = LocalDate.of(2026, 6, 11);

    @Test
    void acceptsTodayInPapuaJustAfterMidnightWit() {
        FieldErrors errors = new FieldErrors();
        RecordDates.checkNotFuture(errors, "endDate", JUNE_11, ZoneId.of("Asia/Jayapura"), HALF_PAST_MIDNIGHT_WIT);
        assertThatCode(errors::throwIfAny).doesNotThrowAnyException();
    }

    @Test
    void refusesTheSameDateInJakartaWhereItIsStillTheDayBefore() {
        FieldErrors errors = new FieldErrors();
        RecordDates.checkNotFuture(errors, "endDate", JUNE_11, ZoneId.of("Asia/Jakarta"), HALF_PAST_MIDNIGHT_WIT);
        assertThatThrownBy(errors::throwIfAny).isInstanceOfSatisfying(InvalidRequestException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field()).containsExactly("endDate"));
    }
}
