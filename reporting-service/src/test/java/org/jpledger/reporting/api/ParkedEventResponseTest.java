package org.jpledger.reporting.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.jpledger.reporting.parking.ParkedEvent;
import org.junit.jupiter.api.Test;

/** A parked value is shown as its text when it is UTF-8, and as base64 otherwise, never as a lossy guess. */
class ParkedEventResponseTest {

    private static final String TEXT = "{\"nama\":\"Siti Rahayu\",\"unit\":\"Dinas Pendidikan – Bidang SMA\"}";

    @Test
    void showsAUtf8ValueAsItsText() {
        ParkedEventResponse response = ParkedEventResponse.from(parked(TEXT.getBytes(StandardCharsets.UTF_8)));

        assertThat(response.value()).isEqualTo(TEXT);
        assertThat(response.valueEncoding()).isEqualTo(ParkedEventResponse.ValueEncoding.UTF8);
    }

    @Test
    void showsBytesThatAreNotUtf8AsBase64() {
        // "Kafé" written in Latin-1: 0xE9 alone is not UTF-8.
        ParkedEventResponse response = ParkedEventResponse.from(parked("Kafé".getBytes(StandardCharsets.ISO_8859_1)));

        assertThat(response.value()).isEqualTo("S2Fm6Q==");
        assertThat(response.valueEncoding()).isEqualTo(ParkedEventResponse.ValueEncoding.BASE64);
    }

    @Test
    void showsNoValueForARecordWithoutOne() {
        ParkedEventResponse response = ParkedEventResponse.from(parked(null));

        assertThat(response.value()).isNull();
        assertThat(response.valueEncoding()).isNull();
    }

    @Test
    void showsAnEmptyValueAsEmptyText() {
        ParkedEventResponse response = ParkedEventResponse.from(parked(new byte[0]));

        assertThat(response.value()).isEmpty();
        assertThat(response.valueEncoding()).isEqualTo(ParkedEventResponse.ValueEncoding.UTF8);
    }

    private static ParkedEvent parked(byte[] value) {
        ParkedEvent parked = new ParkedEvent();
        parked.id = 17L;
        parked.topic = "jpledger.employees.v1";
        parked.partition = 2;
        parked.recordOffset = 40213;
        parked.recordKey = "198503122010012003";
        parked.recordValue = value;
        parked.reason = "not a CloudEvents JSON envelope";
        parked.parkedAt = Instant.parse("2026-05-04T03:00:00Z");
        return parked;
    }
}
