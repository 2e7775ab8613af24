package org.jpledger.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jpledger.contracts.access.Access;
import org.jpledger.contracts.events.CloudEvent;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.EventTypes;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.contracts.reference.LeavingReason;
import org.jpledger.contracts.reference.TrainingCalendar;
import org.jpledger.localstack.TestTokens;
import org.jpledger.localstack.Token;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.Sql;
import org.jpledger.reporting.TestClock;
import org.jpledger.reporting.consumer.EventBatchApplier;
import org.jpledger.reporting.projection.ComplianceRepository.YearPolicies;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The precomputed unit figures answer exactly as the live rating of the employee rows, for every unit, the roots, the
 * whole organisation and callers limited to several units, while seeded random stories (see {@link RandomLedger}) are
 * applied by concurrent batches (two employee partitions and the units' topic, as two consumer instances would), across
 * a day change, policy changes and a year change; and redelivered or rolled-back batches change nothing. Batches go to
 * the real {@link EventBatchApplier} on topics of the test's own, so their boundaries are the test's choice. Run other
 * stories with {@code -Dfigures.seed=N}.
 */
@QuarkusTest
class UnitFiguresTest {

    private static final long DEFAULT_SEED = 20260702L;
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 7, 2, 12, 0);
    private static final int FIRST_YEAR = 2019;
    private static final int LAST_YEAR = 2027;

    @Inject
    EventBatchApplier applier;

    @Inject
    ComplianceRepository compliance;

    @Inject
    UnitFiguresRefresher refresher;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    private final List<Integer> policyYears = new ArrayList<>();

    /** Every year of the range gets rated figures, rows or not: from here on only the batches keep them. */
    @BeforeEach
    void rateAsOfNow() {
        clock.setJakarta(NOW);
        refresher.refreshStale();
        refresher.refresh(IntStream.rangeClosed(FIRST_YEAR, LAST_YEAR).boxed().toList());
    }

    @AfterEach
    void restore() {
        clock.reset();
        // Other tests judge these years by the default policy.
        policyYears.forEach(year -> Sql.execute(dataSource, "DELETE FROM policy WHERE year = ?", year));
        policyYears.forEach(year -> Sql.execute(dataSource, "DELETE FROM unit_policy WHERE year = ?", year));
    }

    @Test
    void equalTheLiveRatingThroughConcurrentRandomBatchesADayChangePolicyChangesAndANewYear() throws Exception {
        long seed = Long.getLong("figures.seed", DEFAULT_SEED);
        Story story = new Story(seed, 60, 500);
        Log.infof("Unit figures: seed %d (rerun with -Dfigures.seed=%d), %d events, units %s*", seed, seed,
                story.records.size(), story.prefix);
        List<List<ConsumerRecord<byte[], byte[]>>> parts = story.parts(4);

        applyConcurrently(parts.get(0), story.random);
        assertPrecomputedEqualsLive(story, true);

        // A day passes: the current year's figures go stale (queries rate live), past years' stay fresh. Batches applied
        // meanwhile move the stale figures by the rating they were made with; the refresh re-rates the year.
        String pastYears = rating(2024) + rating(2025);
        try (AutoCloseable refresherKeptOut = batchInFlight()) {
            clock.setJakarta(NOW.plusDays(1));
            assertThat(precomputed(FigureQuery.all(), 2026)).as("2026 after a day change").isEmpty();
            assertThat(precomputed(FigureQuery.all(), 2025)).as("2025 after a day change").isPresent();
            applyConcurrently(parts.get(1), story.random);
            assertApiAnswersAsLive(story.root, 2026);
        }
        refresher.refreshStale();
        assertThat(rating(2026)).startsWith("2026-07-03 ");
        assertThat(rating(2024) + rating(2025)).as("past years, not re-rated").isEqualTo(pastYears);
        assertPrecomputedEqualsLive(story, true);

        // Policies change, national and of subtrees, for the current year and a past one: both stale until re-rated.
        try (AutoCloseable refresherKeptOut = batchInFlight()) {
            applyConcurrently(parts.get(2), story.random);
            putPolicy(2026, """
                    {"targetJp": 30, "targetByEmploymentType": {"PPPK": 24}, "targetByPositionLevel": {"PELAKSANA": 12.5},
                     "prorate": true}""");
            putPolicy(2024, "{\"targetJp\": 16, \"prorate\": false}");
            // And policies of subtrees, nested, with hours, each pacing and leavers excluded.
            List<String> units = story.ledger.unitCodes();
            putUnitPolicy(2026, units.get(1), """
                    {"targetHours": 40, "pacing": "QUARTERLY", "quarterFractions": [0.1, 0.4, 0.7, 1],
                     "leavers": "EXCLUDE"}""");
            putUnitPolicy(2026, units.get(4), "{\"targetJp\": 24, \"pacing\": \"GRACE\", \"atRiskFromMonth\": 9}");
            putUnitPolicy(2026, story.root, "{\"targetJp\": 10, \"prorate\": false}");
            putUnitPolicy(2024, units.get(2), "{\"targetJp\": 30, \"leavers\": \"EXCLUDE\"}");
            assertThat(precomputed(FigureQuery.all(), 2026)).as("2026 after its policy changed").isEmpty();
            assertThat(precomputed(FigureQuery.all(), 2024)).as("2024 after its policy changed").isEmpty();
            assertThat(precomputed(FigureQuery.all(), 2025)).as("2025, policy unchanged").isPresent();
            assertApiAnswersAsLive(story.root, 2024);
        }
        refresher.refreshStale();
        assertPrecomputedEqualsLive(story, true);

        // The year ends: 2026 is now rated as a year over, 2027 as the current year; the past years stay as they were.
        applyConcurrently(parts.get(3), story.random);
        String lastYear = rating(2025);
        try (AutoCloseable refresherKeptOut = batchInFlight()) {
            clock.setJakarta(LocalDateTime.of(2027, 1, 1, 0, 30));
            assertThat(precomputed(FigureQuery.all(), 2026)).as("2026 once over").isEmpty();
            assertThat(precomputed(FigureQuery.all(), 2025)).as("2025 a year later").isPresent();
        }
        refresher.refreshStale();
        assertThat(rating(2026)).startsWith("2027-01-01 ");
        assertThat(rating(2027)).startsWith("2027-01-01 ");
        assertThat(rating(2025)).as("2025, not re-rated").isEqualTo(lastYear);
        assertPrecomputedEqualsLive(story, true);
    }

    @Test
    void stayTheSameWhenBatchesAreRedeliveredOrRolledBack() throws Exception {
        Story story = new Story(DEFAULT_SEED + 1, 40, 300);
        int split = story.records.size() * 7 / 10;
        List<ConsumerRecord<byte[], byte[]>> first = story.records.subList(0, split);
        List<ConsumerRecord<byte[], byte[]>> rest = story.records.subList(split, story.records.size());
        applyInBatches(first, story.random);
        List<String> handled = figureRows(story.prefix);
        assertPrecomputedEqualsLive(story, true);

        // Everything handled arrives again, in other batches: duplicates and stale versions change nothing.
        applyInBatches(first, story.random);
        assertThat(figureRows(story.prefix)).isEqualTo(handled);

        // A crash before commit: the batch's rows and the figures it moved roll back together.
        assertThat(rolledBack(() -> applier.apply(rest))).isTrue();
        assertThat(figureRows(story.prefix)).isEqualTo(handled);
        assertPrecomputedEqualsLive(story, true);

        // Applied for real, then redelivered once more, in other batches.
        applyInBatches(rest, story.random);
        List<String> done = figureRows(story.prefix);
        assertPrecomputedEqualsLive(story, true);
        applyInBatches(story.records, story.random);
        assertThat(figureRows(story.prefix)).isEqualTo(done);
        assertPrecomputedEqualsLive(story, true);
    }

    @Test
    void pageTheEmployeesOfASubtreeByJpExactlyAsRatingEveryRowOfIt() {
        Story story = new Story(DEFAULT_SEED + 2, 50, 400);
        applyInBatches(story.records, story.random);
        int pages = 0;
        for (String unit : story.ledger.unitCodes().subList(0, 4)) {
            for (int year : List.of(2024, 2026)) {
                for (ComplianceStatus status : new ComplianceStatus[] {null, ComplianceStatus.COMPLIANT,
                        ComplianceStatus.ON_TRACK, ComplianceStatus.AT_RISK, ComplianceStatus.NOT_MET}) {
                    // By name, every row of the subtree is rated and sorted: the reference.
                    List<RatedEmployee> all = page(unit, year, status, EmployeeOrder.NAME, null, 500);
                    assertThat(all.size()).isLessThan(500);
                    for (EmployeeOrder order : List.of(EmployeeOrder.TOTAL_JP, EmployeeOrder.TOTAL_JP_DESCENDING)) {
                        Comparator<RatedEmployee> byJp = Comparator.comparing(RatedEmployee::totalJp)
                                .thenComparing(RatedEmployee::nip);
                        List<RatedEmployee> expected = all.stream()
                                .sorted(order == EmployeeOrder.TOTAL_JP ? byJp : byJp.reversed()).toList();
                        List<RatedEmployee> paged = new ArrayList<>();
                        EmployeeOrder.Position after = null;
                        while (true) {
                            List<RatedEmployee> rows = page(unit, year, status, order, after, 4);
                            pages++;
                            paged.addAll(rows.subList(0, Math.min(4, rows.size())));
                            if (rows.size() <= 4) {
                                break;
                            }
                            after = order.positionOf(rows.get(3));
                        }
                        assertThat(paged).as("%s %d %s %s", unit, year, status, order).isEqualTo(expected);
                    }
                }
            }
        }
        assertThat(pages).isGreaterThan(40);
    }

    /**
     * For each year, every question the API asks of the story's units: each unit with its children, the roots, all, and
     * callers naming several units (nested ones too). {@code fresh}: the precomputed answer must exist, not just agree.
     */
    private void assertPrecomputedEqualsLive(Story story, boolean fresh) {
        List<String> units = story.ledger.unitCodes();
        List<FigureQuery> questions = new ArrayList<>();
        units.forEach(unit -> questions.add(FigureQuery.below(unit)));
        questions.add(FigureQuery.roots());
        questions.add(FigureQuery.all());
        questions.add(FigureQuery.units(units));
        questions.add(FigureQuery.subtrees(units));
        for (int i = 0; i < 5; i++) {
            List<String> named = List.of(units.get(story.random.nextInt(units.size())),
                    units.get(story.random.nextInt(units.size())), "NO-SUCH-UNIT");
            questions.add(FigureQuery.units(named));
            questions.add(FigureQuery.subtrees(named));
        }
        for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
            int y = year;
            QuarkusTransaction.requiringNew().run(() -> {
                // One snapshot for both answers, whatever commits meanwhile.
                entityManager.createNativeQuery("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ").executeUpdate();
                YearPolicies terms = compliance.policiesOf(y);
                LocalDate today = TrainingCalendar.today(clock);
                for (FigureQuery question : questions) {
                    Map<String, UnitFigures> live = compliance.liveFigures(question, y, terms, today);
                    Optional<Map<String, UnitFigures>> precomputed = compliance.precomputedFigures(question, y, terms,
                            today);
                    if (fresh) {
                        assertThat(precomputed).as("%s%s in %d", question.key(), question.parameters(), y).isPresent();
                    }
                    precomputed.ifPresent(figures -> assertThat(figures)
                            .as("%s%s in %d", question.key(), question.parameters(), y).isEqualTo(live));
                }
            });
        }
        // And through the API, which answers from the precomputed figures.
        for (String unit : List.of(story.root, units.get(1), units.get(5))) {
            assertApiAnswersAsLive(unit, 2026);
            assertApiAnswersAsLive(unit, 2024);
        }
        String reader = TestTokens.bearer(Token.withRoles(Access.REPORT_READER).units(units.get(1), units.get(4)));
        JsonPath summary = Compliance.request().header("Authorization", reader).queryParam("year", 2025)
                .get("/api/v1/compliance/summary").then().statusCode(200).extract().jsonPath();
        assertThat(figures(summary, "figures")).isEqualTo(live(FigureQuery.subtrees(List.of(units.get(1),
                units.get(4))), 2025).getOrDefault("", UnitFigures.NONE));
        Map<String, UnitFigures> each = live(FigureQuery.units(List.of(units.get(1), units.get(4))), 2025);
        for (int i = 0; i < summary.getList("units").size(); i++) {
            assertThat(figures(summary, "units[" + i + "].figures"))
                    .isEqualTo(each.getOrDefault(summary.getString("units[" + i + "].code"), UnitFigures.NONE));
        }
    }

    /** The day a year's figures were rated as of, and when: a year re-rated shows another time. */
    private String rating(int year) {
        return Sql.single(dataSource, "SELECT rated_on || ' ' || refreshed_at FROM unit_year_rating WHERE year = ?",
                year).orElse("none");
    }

    private List<RatedEmployee> page(String unit, int year, ComplianceStatus status, EmployeeOrder order,
            EmployeeOrder.Position after, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> compliance.employeesOf(List.of(unit), year,
                compliance.policiesOf(year), TrainingCalendar.today(clock), EmployeeFilter.of(status), order, after, limit));
    }

    private Optional<Map<String, UnitFigures>> precomputed(FigureQuery question, int year) {
        return QuarkusTransaction.requiringNew().call(() -> compliance.precomputedFigures(question, year,
                compliance.policiesOf(year), TrainingCalendar.today(clock)));
    }

    private Map<String, UnitFigures> live(FigureQuery question, int year) {
        return QuarkusTransaction.requiringNew().call(() -> compliance.liveFigures(question, year,
                compliance.policiesOf(year), TrainingCalendar.today(clock)));
    }

    /**
     * The unit's answer through the API: its figures over the subtree, and each child's, exactly as rated live (JP with
     * the same scale too).
     */
    private void assertApiAnswersAsLive(String unit, int year) {
        Map<String, UnitFigures> below = live(FigureQuery.below(unit), year);
        var response = Compliance.request().queryParam("year", year).get("/api/v1/compliance/units/{code}", unit);
        if (response.statusCode() == 404) {
            // The unit's own event is further on in the story.
            return;
        }
        JsonPath body = response.then().statusCode(200).extract().jsonPath();
        assertThat(figures(body, "unit.figures")).as("%s in %d", unit, year)
                .isEqualTo(below.values().stream().reduce(UnitFigures.NONE, UnitFigures::plus));
        for (int i = 0; i < body.getList("children").size(); i++) {
            String child = body.getString("children[" + i + "].code");
            assertThat(figures(body, "children[" + i + "].figures")).as("%s in %d", child, year)
                    .isEqualTo(below.getOrDefault(child, UnitFigures.NONE));
        }
    }

    private static UnitFigures figures(JsonPath body, String path) {
        return new UnitFigures(body.getLong(path + ".headcount"), body.getLong(path + ".compliant"),
                body.getLong(path + ".onTrack"), body.getLong(path + ".atRisk"), body.getLong(path + ".notMet"),
                new BigDecimal(body.get(path + ".totalJp").toString()), tallies(body, path),
                new BigDecimal(body.get(path + ".jpAboveCap").toString()), jp(body, path + ".pendingJp"),
                jp(body, path + ".flaggedJp"));
    }

    /** JP the answer shows at {@code path}; absent is none. */
    private static BigDecimal jp(JsonPath body, String path) {
        Object value = body.get(path);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    /**
     * The tallies in the order of {@link Tallies#ALL}, from the answer's exempt, employment types, leavers, above the
     * cap and leavers excluded.
     */
    private static Tallies tallies(JsonPath body, String path) {
        List<Long> counts = new ArrayList<>();
        counts.add(body.getLong(path + ".exempt"));
        for (EmploymentType type : EmploymentType.values()) {
            counts.add(body.getLong(path + ".employmentTypes." + type + ".headcount"));
            counts.add(body.getLong(path + ".employmentTypes." + type + ".compliant"));
        }
        for (LeavingReason reason : LeavingReason.values()) {
            counts.add(body.getLong(path + ".leavers." + reason));
        }
        counts.add(body.getLong(path + ".aboveCap"));
        counts.add(body.getLong(path + ".leftService"));
        return new Tallies(counts);
    }

    private void putUnitPolicy(int year, String unit, String body) {
        policyYears.add(year);
        Compliance.request().contentType(ContentType.JSON).body(body)
                .put("/api/v1/policies/{year}/units/{code}", year, unit).then().statusCode(201);
    }

    private void putPolicy(int year, String body) {
        policyYears.add(year);
        Compliance.request().contentType(ContentType.JSON).body(body).put("/api/v1/policies/{year}", year).then()
                .statusCode(org.hamcrest.Matchers.either(org.hamcrest.Matchers.is(200))
                        .or(org.hamcrest.Matchers.is(201)));
    }

    /**
     * Holds the projection lock as a batch does: the refresher (which needs it alone) is kept out, batches are not.
     * Closing it lets the refresher in.
     */
    private AutoCloseable batchInFlight() {
        return Sql.holdAdvisoryLock(dataSource, "pg_advisory_xact_lock_shared", ProjectionLock.KEY);
    }

    /** Applies the records in random batches, each partition's on a thread of its own, all at the same time. */
    private void applyConcurrently(List<ConsumerRecord<byte[], byte[]>> records, Random random) throws Exception {
        Map<String, List<ConsumerRecord<byte[], byte[]>>> byPartition = new LinkedHashMap<>();
        records.forEach(r -> byPartition.computeIfAbsent(r.topic() + "-" + r.partition(), p -> new ArrayList<>())
                .add(r));
        List<CompletableFuture<Void>> running = new ArrayList<>();
        for (List<ConsumerRecord<byte[], byte[]>> partition : byPartition.values()) {
            Random own = new Random(random.nextLong());
            running.add(CompletableFuture.runAsync(() -> applyInBatches(partition, own)));
        }
        CompletableFuture.allOf(running.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    }

    private void applyInBatches(List<ConsumerRecord<byte[], byte[]>> records, Random random) {
        int i = 0;
        while (i < records.size()) {
            int size = 1 + random.nextInt(40);
            applier.apply(records.subList(i, Math.min(records.size(), i + size)));
            i += size;
        }
    }

    private static boolean rolledBack(Runnable work) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                work.run();
                throw new IllegalStateException("crash before commit");
            });
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /** The story's figure rows, as text, in key order. */
    private List<String> figureRows(String prefix) {
        List<String> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement("""
                        SELECT concat_ws(' ', year, unit_code, jp_scale, headcount, compliant, on_track, at_risk, not_met,
                                         total_jp)
                        FROM unit_year_figures WHERE unit_code LIKE ? ORDER BY year, unit_code, jp_scale""")) {
            statement.setString(1, prefix + "%");
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(result.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }

    /** A random ledger story as consumer records: units on one topic, employees' events on two partitions by NIP. */
    private final class Story {

        final Random random;
        final String prefix;
        final String root;
        final RandomLedger ledger;
        final List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();

        Story(long seed, int employees, int completions) {
            random = new Random(seed);
            long run = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L);
            prefix = "UF" + run;
            root = prefix + "-R";
            ledger = new RandomLedger(seed, prefix, "1998" + String.format("%09d", run), employees, completions);
            String units = "figures-units-" + run;
            String people = "figures-employees-" + run;
            long[] offsets = new long[3];
            for (Object event : ledger.events()) {
                if (event instanceof UnitUpserted unit) {
                    records.add(record(units, 0, offsets[0]++, unit.code(), EventTypes.UNIT_UPSERTED_V1, event));
                } else {
                    String nip = event instanceof EmployeeUpserted e ? e.nip() : ((CompletionRecorded) event).nip();
                    int partition = 1 + Math.floorMod(nip.hashCode(), 2);
                    records.add(record(people, partition - 1, offsets[partition]++, nip, type(event), event));
                }
            }
        }

        /** The records cut into {@code count} consecutive stretches. */
        List<List<ConsumerRecord<byte[], byte[]>>> parts(int count) {
            List<List<ConsumerRecord<byte[], byte[]>>> parts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                parts.add(records.subList(records.size() * i / count, records.size() * (i + 1) / count));
            }
            return parts;
        }

        private ConsumerRecord<byte[], byte[]> record(String topic, int partition, long offset, String key, String type,
                Object payload) {
            CloudEvent<Object> event = CloudEvent.of(UUID.randomUUID().toString(), "/jpledger/test", type, key,
                    Instant.parse("2020-01-01T00:00:00Z"), payload);
            try {
                return new ConsumerRecord<>(topic, partition, offset, key.getBytes(StandardCharsets.UTF_8),
                        mapper.writeValueAsBytes(event));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        private String type(Object event) {
            if (event instanceof EmployeeUpserted) {
                return EventTypes.EMPLOYEE_UPSERTED_V1;
            }
            CompletionRecorded completion = (CompletionRecorded) event;
            return !completion.active() ? EventTypes.COMPLETION_VOIDED_V1
                    : completion.version() > 1 ? EventTypes.COMPLETION_AMENDED_V1 : EventTypes.COMPLETION_RECORDED_V1;
        }
    }
}
