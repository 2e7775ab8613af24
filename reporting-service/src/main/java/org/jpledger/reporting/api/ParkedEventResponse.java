package org.jpledger.reporting.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jpledger.reporting.parking.ParkedEvent;

/** A parked record as the admin API shows it: where it came from, why it is parked, and its bytes. */
@Schema(name = "ParkedEvent", description = "A record the consumer could not apply, kept as received so the stream moved on")
public record ParkedEventResponse(
        @Schema(description = "Id of the parked record, to retry it by; a later parked record has a higher id",
                examples = "17") long id,
        @Schema(description = "Kafka topic the record was read from", examples = "jpledger.employees.v1") String topic,
        @Schema(description = "Partition of the topic", examples = "3") int partition,
        @Schema(description = "Offset of the record in its partition", examples = "40213") long offset,
        @Schema(description = "Record key as UTF-8 text (a NIP or unit code); null without a key",
                examples = "198503122010012003") String key,
        @Schema(description = "Why it cannot be applied: the reason of the latest retry, or of the parking before any",
                examples = "unknown event type org.jpledger.employee.promoted.v1") String reason,
        @Schema(description = "When the consumer parked it") Instant parkedAt,
        @Schema(description = "The record value: the text itself when the bytes are valid UTF-8, else base64 (see "
                + "valueEncoding); null for a record without value") String value,
        @Schema(description = "How value is written: UTF8 (the text as is) or BASE64 (bytes that are not UTF-8); null "
                + "with value") ValueEncoding valueEncoding,
        @Schema(description = "Retries from the admin API that left it parked", examples = "0") int retryCount,
        @Schema(description = "When it was last retried; null if never") Instant lastRetryAt) {

    /** How the record value is written in {@code value}. */
    @Schema(description = "UTF8: the value is the record's text; BASE64: the record's bytes are not UTF-8")
    public enum ValueEncoding {
        UTF8,
        BASE64
    }

    public static ParkedEventResponse from(ParkedEvent parked) {
        String value = null;
        ValueEncoding encoding = null;
        if (parked.recordValue != null) {
            value = utf8(parked.recordValue);
            encoding = ValueEncoding.UTF8;
            if (value == null) {
                value = Base64.getEncoder().encodeToString(parked.recordValue);
                encoding = ValueEncoding.BASE64;
            }
        }
        return new ParkedEventResponse(parked.id, parked.topic, parked.partition, parked.recordOffset, parked.recordKey,
                parked.reason, parked.parkedAt, value, encoding, parked.retryCount, parked.lastRetryAt);
    }

    /** The bytes as text if they are valid UTF-8, else null: a lenient decoder would hide bad bytes behind U+FFFD. */
    static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
