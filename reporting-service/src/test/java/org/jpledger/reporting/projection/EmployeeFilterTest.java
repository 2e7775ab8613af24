package org.jpledger.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** How a search text and statuses become the condition of an employee list. */
class EmployeeFilterTest {

    @Test
    void searchesTheStartOfTheNipForDigitsSpacesAllowed() {
        EmployeeFilter filter = new EmployeeFilter(Set.of(), " 19850312 201001 2 003 ");
        assertThat(filter.searchesNip()).isTrue();
        assertThat(filter.pattern()).isEqualTo("198503122010012003%");
        assertThat(filter.condition()).isEqualTo(" AND r.nip LIKE :search");
    }

    @Test
    void searchesAnyPartOfTheNameWithItsWildcardsTakenLiterally() {
        EmployeeFilter filter = new EmployeeFilter(Set.of(), "Sri_100%\\");
        assertThat(filter.searchesNip()).isFalse();
        assertThat(filter.pattern()).isEqualTo("%Sri\\_100\\%\\\\%");
        assertThat(filter.condition()).isEqualTo(" AND lower(e.name) LIKE lower(:search)");
    }

    @Test
    void filtersNothingWithoutStatusesOrSearch() {
        assertThat(EmployeeFilter.ALL.condition()).isEmpty();
        assertThat(new EmployeeFilter(Set.of(), "   ").search()).isNull();
        assertThat(EmployeeFilter.of(ComplianceStatus.AT_RISK).condition()).isEqualTo(" AND r.status IN (:statuses)");
    }
}
