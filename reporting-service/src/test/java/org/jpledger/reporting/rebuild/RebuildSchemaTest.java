package org.jpledger.reporting.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A rebuild replaces the projections alone: year closings are API state, like policies, and are kept. */
class RebuildSchemaTest {

    @Test
    void leavesTheYearClosingsAndTheirSnapshotsAlone() {
        assertThat(RebuildSchema.TABLES).doesNotContain("year_closing", "closing_employee", "closing_unit")
                .doesNotContain("policy", "unit_policy");
    }
}
