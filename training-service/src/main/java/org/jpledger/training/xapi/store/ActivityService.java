package org.jpledger.training.xapi.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpledger.support.security.Caller;
import org.jpledger.training.xapi.config.XapiConfig;
import org.jpledger.training.xapi.rules.ActivityDefinitions;

/**
 * The Activities Resource's use cases: keeping each system's canonical definition of the activities its statements
 * carry, in the transaction that stores them, and answering the Activity object a system asks for.
 */
@ApplicationScoped
public class ActivityService {

    private final XapiActivityRepository activities;
    private final XapiConfig config;
    private final Caller caller;
    private final ObjectMapper mapper;

    public ActivityService(XapiActivityRepository activities, XapiConfig config, Caller caller, ObjectMapper mapper) {
        this.activities = activities;
        this.config = config;
        this.caller = caller;
        this.mapper = mapper;
    }

    /**
     * Updates {@code system}'s definitions from {@code statements} (newly stored at {@code stored}, in the order sent):
     * each definition an activity carries is merged into the kept one, a later statement's after an earlier one's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String system, List<? extends JsonNode> statements, Instant stored) {
        Map<String, ActivityDefinitions.Carried> carried = new LinkedHashMap<>();
        Map<String, ObjectNode> merged = new LinkedHashMap<>();
        long limit = config.definitionBytes().asLongValue();
        for (JsonNode statement : statements) {
            for (ActivityDefinitions.Carried activity : ActivityDefinitions.carried(statement)) {
                String key = XapiActivityRepository.key(system, activity.id());
                carried.putIfAbsent(key, activity);
            }
        }
        if (carried.isEmpty()) {
            return;
        }
        activities.lock(carried.keySet());
        Map<String, XapiActivity> kept = activities.findByKeys(carried.keySet());
        kept.forEach((key, row) -> merged.put(key, (ObjectNode) read(row.definition)));
        for (JsonNode statement : statements) {
            for (ActivityDefinitions.Carried activity : ActivityDefinitions.carried(statement)) {
                String key = XapiActivityRepository.key(system, activity.id());
                merged.put(key, ActivityDefinitions.merge(merged.get(key), activity.definition(), limit));
            }
        }
        merged.forEach((key, definition) -> {
            XapiActivity row = kept.get(key);
            if (row == null) {
                row = new XapiActivity();
                row.id = key;
                row.system = system;
                row.activityId = carried.get(key).id();
                row.definition = write(definition);
                row.updated = stored;
                activities.persist(row);
            } else if (!read(row.definition).equals(definition)) {
                row.definition = write(definition);
                row.updated = stored;
            }
        });
    }

    /**
     * The Activity object of {@code activityId} with the definition the caller's statements gave it; with none when
     * they gave none (or the caller never sent it), as the specification asks an LRS without a definition to answer.
     */
    @Transactional
    public ObjectNode activity(String activityId) {
        ObjectNode activity = mapper.createObjectNode();
        activity.put("objectType", "Activity");
        activity.put("id", activityId);
        XapiActivity row = activities.findById(XapiActivityRepository.key(caller.system(), activityId));
        if (row != null) {
            activity.set("definition", read(row.definition));
        }
        return activity;
    }

    private JsonNode read(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a kept definition is unreadable", e);
        }
    }

    private String write(JsonNode json) {
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a definition cannot be written", e);
        }
    }
}
