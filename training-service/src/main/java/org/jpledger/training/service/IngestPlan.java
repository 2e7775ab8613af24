package org.jpledger.training.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Splits bulk items into lanes that can be recorded in parallel without changing any item's outcome: the items of one
 * employee share a lane in input order, so that employee's events keep that order; an item repeating the
 * (sourceSystem, externalId) of an earlier item waits until every lane is done, so the earlier one is always the one
 * recorded and the repeat is reported against it.
 *
 * @param lanes  indexes of the items of each lane, in input order
 * @param repeats indexes of the items that repeat an earlier key, in input order
 */
public record IngestPlan(Collection<List<Integer>> lanes, List<Integer> repeats) {

    public static IngestPlan of(List<JsonNode> items) {
        Map<String, List<Integer>> lanes = new LinkedHashMap<>();
        Set<String> keys = new HashSet<>();
        List<Integer> repeats = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String key = text(item, "sourceSystem") + '\u0000' + text(item, "externalId");
            if (keys.add(key)) {
                lanes.computeIfAbsent(text(item, "nip"), nip -> new ArrayList<>()).add(i);
            } else {
                repeats.add(i);
            }
        }
        return new IngestPlan(lanes.values(), repeats);
    }

    private static String text(JsonNode item, String field) {
        return item.path(field).asText("");
    }
}
