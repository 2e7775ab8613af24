package org.jpledger.training.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.jpledger.contracts.events.CloudEvent;

/** Writes CloudEvents as the JSON bytes that go on the wire (and that the golden files pin down). */
@ApplicationScoped
public class EventSerializer {

    private final ObjectMapper mapper;

    public EventSerializer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public String toJson(CloudEvent<?> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + event.id() + " cannot be serialised", e);
        }
    }
}
