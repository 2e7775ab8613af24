package org.jpledger.bench.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jpledger.bench.read.NaiveGroupBy.Figures;
import org.junit.jupiter.api.Test;

/** The national exactness check: reporting-service's figures held to the naive GROUP BY's, root and children. */
class NaiveGroupByTest {

    private static Map<String, Figures> answer() {
        Map<String, Figures> answer = new LinkedHashMap<>();
        answer.put("A", new Figures(10, 4));
        answer.put("B", new Figures(5, 5));
        answer.put("", new Figures(1, 0));
        return answer;
    }

    @Test
    void findsNoMismatchWhenTheRootAndEveryChildAgree() {
        Map<String, Figures> api = Map.of("R", new Figures(16, 9), "A", new Figures(10, 4), "B", new Figures(5, 5));

        assertThat(NaiveGroupBy.mismatches(answer(), new Figures(16, 9), "R", api::get)).isEmpty();
    }

    @Test
    void namesEachFigureThatDiffersWithTheHeadcountInCapitals() {
        Map<String, Figures> api = Map.of("R", new Figures(16, 8), "A", new Figures(10, 4), "B", new Figures(6, 5));

        List<String> mismatches = NaiveGroupBy.mismatches(answer(), new Figures(16, 9), "R", api::get);

        assertThat(mismatches).containsExactly("R compliant 9 / 8", "B HEADCOUNT 5 / 6");
    }
}
