package org.jpledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jpledger.bench.Bodies.Change;
import org.jpledger.bench.Bodies.ChangeKind;
import org.jpledger.bench.ProvinceGenerator.Employee;
import org.jpledger.contracts.events.ExemptionPeriod;
import org.jpledger.contracts.events.PositionAssignment;
import org.junit.jupiter.api.Test;

/** The later changes the benchmark sends must be ones training-service's rules accept, in an order they accept. */
class BodiesTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2026, 11, 29);
    private static final ProvinceGenerator PROVINCE = new ProvinceGenerator(42, 20_000, LAST_DAY);

    @Test
    void sendsEveryGeneratedChangeOfEveryKind() {
        Map<ChangeKind, Integer> counts = new EnumMap<>(ChangeKind.class);
        for (Employee e : PROVINCE.employees()) {
            List<Change> changes = Bodies.changes(e);
            changes.forEach(c -> counts.merge(c.kind(), 1, Integer::sum));

            assertThat(changes).filteredOn(c -> c.kind() == ChangeKind.TRANSFER).hasSize(e.transfers() ? 1 : 0);
            assertThat(changes).filteredOn(c -> c.kind() == ChangeKind.POSITION)
                    .hasSize(e.positionHistory().size() - 1);
            assertThat(changes).filteredOn(c -> c.kind() == ChangeKind.EXEMPTION).hasSize(e.exemptions().size());
            assertThat(changes).filteredOn(c -> c.kind() == ChangeKind.LEAVING).hasSize(e.leaves() ? 1 : 0);
        }

        assertThat(counts.keySet()).containsExactlyInAnyOrder(ChangeKind.values());
    }

    @Test
    void sendsEachEmployeesChangesInDateOrderWithTheLeavingLast() {
        for (Employee e : PROVINCE.employees()) {
            List<Change> changes = Bodies.changes(e);
            for (int i = 1; i < changes.size(); i++) {
                assertThat(changes.get(i).on()).isAfterOrEqualTo(changes.get(i - 1).on());
            }
            if (e.leaves()) {
                Change last = changes.get(changes.size() - 1);
                assertThat(last.kind()).isEqualTo(ChangeKind.LEAVING);
                assertThat(last.body()).containsEntry("employedUntil", e.employedUntil().toString())
                        .containsEntry("leavingReason", e.leavingReason().name())
                        .doesNotContainKey("effectiveDate");
            }
        }
    }

    @Test
    void datesEveryChangeWithinServiceAndNotInTheFuture() {
        for (Employee e : PROVINCE.employees()) {
            LocalDate lastInService = e.leaves() ? e.employedUntil() : LAST_DAY.minusDays(1);
            for (Change c : Bodies.changes(e)) {
                if (c.kind() == ChangeKind.EXEMPTION) {
                    // An exemption may have begun before the two years (a long study), never before the first day.
                    assertThat(c.on()).isAfterOrEqualTo(e.employedFrom()).isBeforeOrEqualTo(lastInService);
                } else if (c.kind() != ChangeKind.LEAVING) {
                    assertThat(LocalDate.parse((String) c.body().get("effectiveDate")))
                            .isEqualTo(c.on()).isAfter(e.employedFrom()).isBeforeOrEqualTo(lastInService);
                }
            }
        }
    }

    @Test
    void putsTheWholeStateAfterTheChangesBeforeIt() {
        Employee e = PROVINCE.employees().stream().filter(x -> x.transfers() && x.changesPosition()).findFirst()
                .orElseThrow();
        PositionAssignment next = e.positionHistory().get(1);

        List<Change> puts = Bodies.changes(e).stream().filter(c -> c.method().equals("PUT")).toList();

        assertThat(puts).hasSize(2);
        Change later = puts.get(1);
        assertThat(later.body()).containsEntry("unitCode", e.transferUnit())
                .containsEntry("employmentType", next.employmentType().name())
                .containsEntry("positionLevel", next.positionLevel().name());
        Change earlier = puts.get(0);
        assertThat(earlier.kind() == ChangeKind.TRANSFER
                ? earlier.body().get("positionLevel").equals(e.level().name())
                : earlier.body().get("unitCode").equals(e.unitCode())).isTrue();
    }

    @Test
    void postsExemptionsWithTheirKindDatesAndReference() {
        Employee e = PROVINCE.employees().stream().filter(x -> x.exemptions().stream().anyMatch(p -> p.until() == null))
                .findFirst().orElseThrow();
        ExemptionPeriod open = e.exemptions().stream().filter(p -> p.until() == null).findFirst().orElseThrow();

        Change post = Bodies.changes(e).stream().filter(c -> c.kind() == ChangeKind.EXEMPTION).findFirst()
                .orElseThrow();

        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/api/v1/employees/" + e.nip() + "/exemptions");
        assertThat(post.status()).isEqualTo(201);
        assertThat(post.body()).containsExactly(Map.entry("kind", open.kind().name()),
                Map.entry("from", open.from().toString()), Map.entry("reference", open.reference()));
    }

    @Test
    void writesEveryCompletionAsAStatementTheLrsReadsAsThatCompletion() {
        // training-service's own reading of the profile; a kind rated by days is one whose completions carry days.
        java.util.Set<Integer> byDays = new java.util.HashSet<>();
        List<ProvinceGenerator.Completion> sample = new java.util.ArrayList<>();
        for (ProvinceGenerator.Completion c : PROVINCE.completions()) {
            if (sample.size() == 2_000) {
                break;
            }
            sample.add(c);
        }
        sample.stream().filter(c -> c.days() != null).forEach(c -> byDays.add(c.kindId()));
        org.jpledger.training.xapi.rules.CompletionMapping mapping = new org.jpledger.training.xapi.rules
                .CompletionMapping(Bodies.NIP_HOME_PAGE, (kind, end) -> byDays.contains(kind),
                        nip -> java.time.ZoneId.of("Asia/Jakarta"));

        for (ProvinceGenerator.Completion c : sample) {
            var outcome = mapping.map(Http.JSON.valueToTree(Bodies.statement(c)), "bearer:benchmark");

            assertThat(outcome).as(c.externalId())
                    .isInstanceOf(org.jpledger.training.xapi.rules.CompletionMapping.Completion.class);
            var read = ((org.jpledger.training.xapi.rules.CompletionMapping.Completion) outcome).request();
            assertThat(read.nip()).isEqualTo(c.nip());
            assertThat(read.title()).isEqualTo(c.title());
            assertThat(read.kindId()).isEqualTo(c.kindId());
            assertThat(read.competencyType()).isEqualTo(c.competencyType());
            assertThat(read.deliveryMode()).isEqualTo(c.deliveryMode());
            assertThat(read.provider()).isEqualTo(c.provider());
            assertThat(read.startDate()).isEqualTo(c.startDate());
            assertThat(read.endDate()).isEqualTo(c.endDate());
            if (c.jp() == null) {
                assertThat(read.jp()).isNull();
            } else {
                assertThat(read.jp()).isEqualByComparingTo(c.jp());
            }
            assertThat(read.days()).isEqualTo(c.days());
            assertThat(Boolean.TRUE.equals(read.international())).isEqualTo(c.international());
            assertThat(read.certificateNumber()).isEqualTo(c.certificateNumber());
        }
    }
}
