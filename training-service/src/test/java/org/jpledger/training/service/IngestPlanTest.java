package org.jpledger.training.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class IngestPlanTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void putsTheItemsOfOneEmployeeInOneLaneInInputOrder() {
        IngestPlan plan = IngestPlan.of(List.of(item("A", "s", "1"), item("B", "s", "2"), item("A", "s", "3"),
                item("C", "s", "4"), item("B", "s", "5")));

        assertThat(plan.lanes()).containsExactly(List.of(0, 2), List.of(1, 4), List.of(3));
        assertThat(plan.repeats()).isEmpty();
    }

    @Test
    void holdsBackAnItemRepeatingAnEarlierKeyWhateverItsEmployee() {
        IngestPlan plan = IngestPlan.of(List.of(item("A", "s", "1"), item("B", "s", "1"), item("A", "t", "1"),
                item("A", "s", "1")));

        assertThat(plan.lanes()).containsExactly(List.of(0, 2));
        assertThat(plan.repeats()).containsExactly(1, 3);
    }

    @Test
    void givesItemsWithoutAnEmployeeOrKeyALaneOfTheirOwn() throws Exception {
        IngestPlan plan = IngestPlan.of(List.of(mapper.readTree("{}"), mapper.readTree("42"), item("A", "s", "1")));

        assertThat(plan.lanes()).containsExactly(List.of(0), List.of(2));
        assertThat(plan.repeats()).containsExactly(1);
    }

    @Test
    void dealsWholeLanesIntoGroupsOfAboutEqualSize() {
        IngestPlan plan = IngestPlan.of(List.of(item("A", "s", "1"), item("A", "s", "2"), item("A", "s", "3"),
                item("B", "s", "4"), item("C", "s", "5"), item("D", "s", "6"), item("B", "s", "7")));

        List<List<Integer>> groups = plan.groups(2);

        assertThat(groups).containsExactly(List.of(0, 1, 2, 5), List.of(3, 6, 4));
    }

    @Test
    void makesNoMoreGroupsThanLanes() {
        IngestPlan plan = IngestPlan.of(List.of(item("A", "s", "1"), item("A", "s", "2")));

        assertThat(plan.groups(4)).containsExactly(List.of(0, 1));
        assertThat(IngestPlan.of(List.of()).groups(4)).isEmpty();
    }

    private JsonNode item(String nip, String sourceSystem, String externalId) {
        return mapper.createObjectNode().put("nip", nip).put("sourceSystem", sourceSystem).put("externalId", externalId);
    }
}
