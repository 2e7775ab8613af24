package org.jpledger.training.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jpledger.training.domain.CompletionRepository;

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
            String key = CompletionRepository.keyOf(text(item, "sourceSystem"), text(item, "externalId"));
            if (keys.add(key)) {
                lanes.computeIfAbsent(text(item, "nip"), nip -> new ArrayList<>()).add(i);
            } else {
                repeats.add(i);
            }
        }
        return new IngestPlan(lanes.values(), repeats);
    }

    /**
     * The lanes dealt into at most {@code count} groups of about equal size, each lane whole and in its group in input
     * order: a group can be recorded in one transaction beside the others without changing any item's outcome.
     */
    public List<List<Integer>> groups(int count) {
        int groupCount = Math.max(1, Math.min(count, lanes.size()));
        List<List<Integer>> groups = new ArrayList<>(groupCount);
        for (int g = 0; g < groupCount; g++) {
            groups.add(new ArrayList<>());
        }
        for (List<Integer> lane : lanes) {
            // Each lane into the smallest group so far: a few long lanes still spread over the groups.
            groups.stream().min(Comparator.comparingInt(List::size)).orElseThrow().addAll(lane);
        }
        groups.removeIf(List::isEmpty);
        return groups;
    }

    private static String text(JsonNode item, String field) {
        return item.path(field).asText("");
    }
}
