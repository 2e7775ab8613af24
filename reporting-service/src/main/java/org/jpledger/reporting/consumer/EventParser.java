package org.jpledger.reporting.consumer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.events.UnitPeriod;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.reporting.config.EventConsumerConfig;
import org.jpledger.reporting.parking.StorableText;

/**
 * Reads a record's bytes as a CloudEvents JSON envelope and its {@code data} as the payload its {@code type} names, and
 * accepts it only from a trusted topic and a trusted source: whoever can write to some other topic the consumer reads
 * cannot change the projections, and a producer that names another source by mistake is parked. The source is the
 * producer's own word, so against a hostile producer on a trusted topic only the broker's ACLs protect (grant write on
 * the ledger topics to training-service's Kafka user alone).
 */
@ApplicationScoped
public class EventParser {

    /** Payload class per event type this service understands; a new type version is one more entry. */
    private static final Map<String, Class<?>> PAYLOADS = Map.of(
            EventTypes.UNIT_UPSERTED_V1, UnitUpserted.class,
            EventTypes.EMPLOYEE_UPSERTED_V1, EmployeeUpserted.class,
            // All four carry the completion's full state; its status and verification, not the type, say whether it
            // counts (a reviewed one is a new version like an amended one).
            EventTypes.COMPLETION_RECORDED_V1, CompletionRecorded.class,
            EventTypes.COMPLETION_AMENDED_V1, CompletionRecorded.class,
            EventTypes.COMPLETION_VOIDED_V1, CompletionRecorded.class,
            EventTypes.COMPLETION_REVIEWED_V1, CompletionRecorded.class);

    private static final TypeReference<CloudEvent<JsonNode>> ENVELOPE = new TypeReference<>() {
    };
    /** Far longer than any NIP or unit code the ledger issues, and short enough for the indexes on them. */
    static final int MAX_IDENTIFIER = 255;

    // Its own mapper, not the REST one: the consumer must ignore unknown fields whatever the HTTP API is set to do.
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private final TrustedNames trustedTopics;
    private final TrustedNames trustedSources;

    @Inject
    public EventParser(EventConsumerConfig config) {
        this(config.trustedTopics(), config.trustedSources());
    }

    EventParser(Collection<String> trustedTopics, Collection<String> trustedSources) {
        this.trustedTopics = new TrustedNames(trustedTopics);
        this.trustedSources = new TrustedNames(trustedSources);
    }

    /** Parses one record value read from {@code topic}; never throws for bad input, it says why instead. */
    public ParsedRecord parse(String topic, byte[] value) {
        if (!trustedTopics.trusts(topic)) {
            // Not even read: nothing from an untrusted topic is worth parsing.
            return new ParsedRecord.Rejected("topic " + topic + " is not one of the trusted topics " + trustedTopics);
        }
        if (value == null || value.length == 0) {
            return new ParsedRecord.Rejected("empty record value");
        }
        CloudEvent<JsonNode> envelope;
        try {
            envelope = mapper.readValue(value, ENVELOPE);
        } catch (IOException | IllegalArgumentException e) {
            return new ParsedRecord.Rejected("not a CloudEvents JSON envelope: " + messageOf(e));
        }
        if (envelope == null) {
            return new ParsedRecord.Rejected("not a CloudEvents JSON envelope: null");
        }
        if (envelope.time() != null && !storable(envelope.time())) {
            // Nor could the consumer's offsets keep it as the newest event time.
            return new ParsedRecord.Rejected("not a CloudEvents JSON envelope: time " + envelope.time()
                    + " has no four-digit year");
        }
        if (!trustedSources.trusts(envelope.source())) {
            return new ParsedRecord.Rejected("event " + envelope.id() + " comes from source " + envelope.source()
                    + ", not one of the trusted sources " + trustedSources, envelope.time());
        }
        if (!CloudEvent.SPEC_VERSION.equals(envelope.specversion())) {
            // Another envelope version may mean its fields differently: read as 1.0, it would be applied on a guess.
            return new ParsedRecord.Rejected("unsupported CloudEvents specversion " + envelope.specversion(),
                    envelope.time());
        }
        Class<?> payloadType = PAYLOADS.get(envelope.type());
        if (payloadType == null) {
            return new ParsedRecord.Rejected("unknown event type " + envelope.type(), envelope.time());
        }
        if (envelope.data() == null || !envelope.data().isObject()) {
            return new ParsedRecord.Rejected("event " + envelope.id() + " has no data object", envelope.time());
        }
        Object payload;
        try {
            payload = mapper.treeToValue(envelope.data(), payloadType);
        } catch (JacksonException | IllegalArgumentException e) {
            return new ParsedRecord.Rejected("data of event " + envelope.id() + " does not match " + envelope.type() + ": "
                    + messageOf(e), envelope.time());
        }
        List<String> unusable = unusableFields(envelope.type(), payload);
        if (!unusable.isEmpty()) {
            return new ParsedRecord.Rejected("data of event " + envelope.id() + " has missing or invalid "
                    + String.join(", ", unusable), envelope.time());
        }
        return new ParsedRecord.Event(new CloudEvent<>(envelope.specversion(), envelope.id(), envelope.source(),
                envelope.type(), envelope.subject(), envelope.time(), envelope.datacontenttype(), payload));
    }

    /**
     * The fields the projections need that the payload lacks, has out of range or has in contradiction with the event
     * {@code type}, and the fields PostgreSQL would refuse to store (a NUL character, a date without a four-digit year,
     * an identifier too long for an index): such an event is parked here, since applying it would fail its batch again
     * on every retry and stop the stream. Any other field may be absent.
     */
    static List<String> unusableFields(String type, Object payload) {
        List<String> missing = new ArrayList<>();
        if (payload instanceof UnitUpserted unit) {
            requireIdentifier(unit.code(), "code", missing);
            requireText(unit.name(), "name", missing);
            if (unit.parentCode() != null) {
                requireIdentifier(unit.parentCode(), "parentCode", missing);
            }
            requireVersion(unit.version(), missing);
            if (unit.history() != null) {
                Set<LocalDate> dates = new HashSet<>();
                for (UnitPeriod period : unit.history()) {
                    if (period == null || period.effectiveFrom() == null || !storable(period.effectiveFrom())
                            || period.name() == null || period.name().isBlank() || !StorableText.storable(period.name())
                            || period.parentCode() != null && !identifier(period.parentCode())
                            || !dates.add(period.effectiveFrom())) {
                        missing.add("history");
                        break;
                    }
                }
            }
            if (unit.dissolvedOn() != null) {
                requireStorable(unit.dissolvedOn(), "dissolvedOn", missing);
            }
            if (unit.successorCode() != null) {
                requireIdentifier(unit.successorCode(), "successorCode", missing);
            }
        } else if (payload instanceof EmployeeUpserted employee) {
            requireIdentifier(employee.nip(), "nip", missing);
            requireText(employee.name(), "name", missing);
            if (employee.unitCode() != null) {
                requireIdentifier(employee.unitCode(), "unitCode", missing);
            }
            requireStorable(employee.employedFrom(), "employedFrom", missing);
            requireStorable(employee.employedUntil(), "employedUntil", missing);
            requireVersion(employee.version(), missing);
            if (employee.unitHistory() != null) {
                Set<LocalDate> dates = new HashSet<>();
                for (UnitAssignment assignment : employee.unitHistory()) {
                    if (assignment == null || assignment.effectiveFrom() == null
                            || !storable(assignment.effectiveFrom()) || !identifier(assignment.unitCode())
                            || !dates.add(assignment.effectiveFrom())) {
                        missing.add("unitHistory");
                        break;
                    }
                }
            }
        } else if (payload instanceof CompletionRecorded completion) {
            require(completion.completionId(), "completionId", missing);
            requireIdentifier(completion.nip(), "nip", missing);
            require(completion.recognizedJp(), "recognizedJp", missing);
            if (completion.year() <= 0) {
                missing.add("year");
            }
            requireStorable(completion.startDate(), "startDate", missing);
            requireStorable(completion.endDate(), "endDate", missing);
            requireStorable(completion.title(), "title", missing);
            requireStorable(completion.provider(), "provider", missing);
            requireStorable(completion.certificateNumber(), "certificateNumber", missing);
            requireStorable(completion.sourceSystem(), "sourceSystem", missing);
            requireStorable(completion.externalId(), "externalId", missing);
            requireStorable(completion.voidReason(), "voidReason", missing);
            requireVersion(completion.version(), missing);
            // A void that says it still counts, or a recording or amendment that says it is void, cannot be trusted
            // either way: applying it would count or drop JP on a guess.
            if (EventTypes.COMPLETION_VOIDED_V1.equals(type) == completion.active()) {
                missing.add("status");
            }
        }
        return missing;
    }

    private static void require(Object value, String field, List<String> missing) {
        if (value == null) {
            missing.add(field);
        }
    }

    private static void requireText(String value, String field, List<String> missing) {
        if (value == null || value.isBlank() || !StorableText.storable(value)) {
            missing.add(field);
        }
    }

    private static void requireIdentifier(String value, String field, List<String> missing) {
        if (!identifier(value)) {
            missing.add(field);
        }
    }

    /** A NIP or unit code: text, and at most {@link #MAX_IDENTIFIER} characters, which index entries can hold. */
    private static boolean identifier(String value) {
        return value != null && !value.isBlank() && value.length() <= MAX_IDENTIFIER && StorableText.storable(value);
    }

    private static void requireStorable(String value, String field, List<String> missing) {
        if (!StorableText.storable(value)) {
            missing.add(field);
        }
    }

    private static void requireStorable(LocalDate value, String field, List<String> missing) {
        if (value != null && !storable(value)) {
            missing.add(field);
        }
    }

    /** A date as RFC 3339 writes it, with a four-digit year; PostgreSQL's calendar ends in year 5874897. */
    private static boolean storable(LocalDate date) {
        return date.getYear() >= 1 && date.getYear() <= 9999;
    }

    private static boolean storable(Instant time) {
        return storable(LocalDate.ofInstant(time, ZoneOffset.UTC));
    }

    private static void requireVersion(long version, List<String> missing) {
        // Versions start at 1; a lower one could never be told apart from the versions it should follow.
        if (version < 1) {
            missing.add("version");
        }
    }

    private static String messageOf(Exception e) {
        if (e instanceof JacksonException jackson) {
            return jackson.getOriginalMessage();
        }
        return e.getMessage();
    }
}
