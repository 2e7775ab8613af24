package org.jpledger.reporting.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.jpledger.reporting.verify.Difference.Change;
import org.jpledger.reporting.verify.SnapshotRow.Kind;
import org.junit.jupiter.api.Test;

/** The row-by-row comparison of a recomputed snapshot with the closed one. */
class SnapshotComparisonTest {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String NIP_A = "198503122010012001";
    private static final String NIP_B = "198503122010012002";
    private static final String NIP_C = "198503122010012003";

    @Test
    void equalAnswersAreEqualWhateverTheScaleOfTheirNumbersAndAbsentNulls() {
        SnapshotComparison comparison = new SnapshotComparison(List.of(
                employee(NIP_A, "{\"totalJp\": 20.00, \"status\": \"COMPLIANT\", \"leavingReason\": null}"),
                unit("", "{\"headcount\": 1}"),
                unit("BKD", "{\"headcount\": 1, \"children\": [{\"code\": \"BKD-1\"}]}")).iterator());

        comparison.accept(employee(NIP_A, "{\"status\": \"COMPLIANT\", \"totalJp\": 20}"));
        comparison.accept(unit("", "{\"headcount\": 1}"));
        comparison.accept(unit("BKD", "{\"headcount\": 1.0, \"children\": [{\"code\": \"BKD-1\"}]}"));
        SnapshotComparison.Result result = comparison.finish();

        assertThat(result.equal()).isTrue();
        assertThat(result.employeeRows()).isEqualTo(1);
        assertThat(result.unitRows()).isEqualTo(2);
        assertThat(result.differences()).isEmpty();
    }

    @Test
    void namesEachChangedValueByItsJsonPath() {
        SnapshotComparison comparison = new SnapshotComparison(List.of(
                employee(NIP_A, "{\"totalJp\": 20, \"completions\": [{\"jp\": 12}, {\"jp\": 8}]}")).iterator());

        comparison.accept(employee(NIP_A, "{\"totalJp\": 12, \"completions\": [{\"jp\": 12}]}"));
        SnapshotComparison.Result result = comparison.finish();

        assertThat(result.differenceCount()).isEqualTo(2);
        assertThat(result.differences()).containsExactly(
                new Difference(Kind.EMPLOYEE, NIP_A, "$.completions[1]", node("{\"jp\": 8}"), null, Change.MISSING),
                new Difference(Kind.EMPLOYEE, NIP_A, "$.totalJp", node("20"), node("12"), Change.CHANGED));
    }

    @Test
    void listsRowsOnOneSideOnlyAsMissingOrExtra() {
        SnapshotComparison comparison = new SnapshotComparison(List.of(
                employee(NIP_A, "{}"), employee(NIP_C, "{}"), unit("BKD", "{}")).iterator());

        comparison.accept(employee(NIP_B, "{}"));
        comparison.accept(employee(NIP_C, "{}"));
        comparison.accept(unit("", "{}"));
        comparison.accept(unit("BKD", "{}"));
        comparison.accept(unit("BKD-1", "{}"));
        SnapshotComparison.Result result = comparison.finish();

        assertThat(result.employeeRows()).isEqualTo(3);
        assertThat(result.unitRows()).isEqualTo(3);
        assertThat(result.differences()).extracting(Difference::kind, Difference::key, Difference::change)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Kind.EMPLOYEE, NIP_A, Change.MISSING),
                        org.assertj.core.groups.Tuple.tuple(Kind.EMPLOYEE, NIP_B, Change.EXTRA),
                        org.assertj.core.groups.Tuple.tuple(Kind.UNIT, "", Change.EXTRA),
                        org.assertj.core.groups.Tuple.tuple(Kind.UNIT, "BKD-1", Change.EXTRA));
    }

    @Test
    void closedRowsLeftOverAtTheEndAreMissing() {
        SnapshotComparison comparison = new SnapshotComparison(List.of(employee(NIP_A, "{}"), unit("", "{}"))
                .iterator());

        comparison.accept(employee(NIP_A, "{}"));
        SnapshotComparison.Result result = comparison.finish();

        assertThat(result.differences()).containsExactly(
                new Difference(Kind.UNIT, "", "$", node("{}"), null, Change.MISSING));
    }

    @Test
    void listsTheFirstHundredDifferencesAndCountsThemAll() {
        List<SnapshotRow> closed = new ArrayList<>();
        IntStream.range(0, 150).forEach(i -> closed.add(employee(nip(i), "{\"totalJp\": 1}")));
        SnapshotComparison comparison = new SnapshotComparison(closed.iterator());

        IntStream.range(0, 150).forEach(i -> comparison.accept(employee(nip(i), "{\"totalJp\": 2}")));
        SnapshotComparison.Result result = comparison.finish();

        assertThat(result.differenceCount()).isEqualTo(150);
        assertThat(result.differences()).hasSize(SnapshotComparison.LISTED)
                .first().extracting(Difference::key).isEqualTo(nip(0));
        assertThat(result.employeeRows()).isEqualTo(150);
    }

    @Test
    void refusesRowsOutOfSnapshotOrder() {
        SnapshotComparison comparison = new SnapshotComparison(List.<SnapshotRow>of().iterator());
        comparison.accept(unit("BKD", "{}"));

        assertThatThrownBy(() -> comparison.accept(employee(NIP_A, "{}")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("out of order");
    }

    private static String nip(int i) {
        return String.format("198503122010012%03d", i);
    }

    private static SnapshotRow employee(String nip, String answer) {
        return new SnapshotRow(Kind.EMPLOYEE, nip, node(answer));
    }

    private static SnapshotRow unit(String code, String answer) {
        return new SnapshotRow(Kind.UNIT, code, node(answer));
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
