package org.jpledger.reporting.consumer;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.UnitAssignment;
import org.jpledger.contracts.events.UnitUpserted;

/** Reads a record's bytes as a CloudEvents JSON envelope and its {@code data} as the payload its {@code type} names. */
@ApplicationScoped
public class EventParser {

    /** Payload class per event type this service understands; a new type version is one more entry. */
    private static final Map<String, Class<?>> PAYLOADS = Map.of(
            EventTypes.UNIT_UPSERTED_V1, UnitUpserted.class,
            EventTypes.EMPLOYEE_UPSERTED_V1, EmployeeUpserted.class,
            // All three carry the completion's full state; its status, not the type, says whether it counts.
            EventTypes.COMPLETION_RECORDED_V1, CompletionRecorded.class,
            EventTypes.COMPLETION_AMENDED_V1, CompletionRecorded.class,
            EventTypes.COMPLETION_VOIDED_V1, CompletionRecorded.class);

    private static final TypeReference<CloudEvent<JsonNode>> ENVELOPE = new TypeReference<>() {
    };

    // Its own mapper, not the REST one: the consumer must ignore unknown fields whatever the HTTP API is set to do.
    private final ObjectMapper mapper = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    /** Parses one record value; never throws for bad input, it says why instead. */
    public ParsedRecord parse(byte[] value) {
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
     * {@code type}; any other field may be absent.
     */
    static List<String> unusableFields(String type, Object payload) {
        List<String> missing = new ArrayList<>();
        if (payload instanceof UnitUpserted unit) {
            requireText(unit.code(), "code", missing);
            requireText(unit.name(), "name", missing);
            requireVersion(unit.version(), missing);
        } else if (payload instanceof EmployeeUpserted employee) {
            requireText(employee.nip(), "nip", missing);
            requireText(employee.name(), "name", missing);
            requireVersion(employee.version(), missing);
            if (employee.unitHistory() != null) {
                Set<LocalDate> dates = new HashSet<>();
                for (UnitAssignment assignment : employee.unitHistory()) {
                    if (assignment == null || assignment.effectiveFrom() == null || assignment.unitCode() == null
                            || assignment.unitCode().isBlank() || !dates.add(assignment.effectiveFrom())) {
                        missing.add("unitHistory");
                        break;
                    }
                }
            }
        } else if (payload instanceof CompletionRecorded completion) {
            require(completion.completionId(), "completionId", missing);
            requireText(completion.nip(), "nip", missing);
            require(completion.recognizedJp(), "recognizedJp", missing);
            if (completion.year() <= 0) {
                missing.add("year");
            }
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
        if (value == null || value.isBlank()) {
            missing.add(field);
        }
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
