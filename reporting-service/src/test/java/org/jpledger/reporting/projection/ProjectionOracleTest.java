package org.jpledger.reporting.projection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jpledger.contracts.events.CompletionRecorded;
import org.jpledger.contracts.events.EmployeeUpserted;
import org.jpledger.contracts.events.UnitUpserted;
import org.jpledger.reporting.Compliance;
import org.jpledger.reporting.LedgerEvents;
import org.jpledger.reporting.Projections;
import org.jpledger.reporting.TestClock;
import org.jpledger.reporting.consumer.EventConsumer;
import org.jpledger.contracts.reference.EmploymentType;
import org.jpledger.reporting.projection.ProjectionOracle.Figures;
import org.jpledger.reporting.projection.ProjectionOracle.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A seeded random ledger story (see {@link RandomLedger}) goes through the real broker and consumer, and the projections
 * must come out exactly as {@link ProjectionOracle} computes them from the newest versions: the employee-year rows, and
 * each unit's figures and name for 2024 to 2026 under each year's unit tree (the story moves, renames, merges and
 * dissolves units), by the default policy and then by random policies of unit subtrees (live and precomputed). Run
 * another story with {@code -Doracle.seed=N}.
 */
@QuarkusTest
class ProjectionOracleTest {

    private static final long DEFAULT_SEED = 20260702L;
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 7, 2, 12, 0);
    private static final LocalDate TODAY = NOW.toLocalDate();
    private static final int CURRENT_YEAR = 2026;
    private static final int EMPLOYEES = 40;
    private static final int COMPLETIONS = 300;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    ObjectMapper mapper;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @Inject
    EventConsumer consumer;

    @Inject
    ComplianceRepository compliance;

    @Inject
    UnitFiguresRefresher refresher;

    @Inject
    UnitRepository units;

    private LedgerEvents events;
    private Projections projections;

    @BeforeEach
    void connect() {
        events = new LedgerEvents(bootstrapServers, mapper);
        projections = new Projections(dataSource);
        clock.setJakarta(NOW);
    }

    @AfterEach
    void disconnect() {
        clock.reset();
        events.close();
    }

    @Test
    void projectsExactlyWhatTheNewestVersionsSayWhateverTheOrderDuplicatesRedeliveriesAndARestart()
            throws InterruptedException {
        long seed = Long.getLong("oracle.seed", DEFAULT_SEED);
        long run = Math.floorMod(UUID.randomUUID().getMostSignificantBits(), 1_000_000_000L);
        String nipPrefix = "1999" + String.format("%09d", run);
        RandomLedger ledger = new RandomLedger(seed, "OR" + run, nipPrefix, EMPLOYEES, COMPLETIONS);
        List<Object> story = ledger.events();
        Log.infof("Projection oracle: seed %d (rerun with -Doracle.seed=%d), %d events, NIPs %s*, units OR%d-*", seed,
                seed, story.size(), nipPrefix, run);
        ProjectionOracle oracle = new ProjectionOracle();
        int middle = story.size() * 3 / 5;

        publishAndAwait(story.subList(0, middle), oracle);
        List<Row> halfway = oracle.rows(CURRENT_YEAR);
        assertThat(rowsOf(nipPrefix)).as("employee_year halfway, seed %d", seed).containsExactlyElementsOf(halfway);

        // Redelivery: a long stretch of what was handled arrives again.
        publishAndAwait(story.subList(middle / 6, middle), oracle);
        assertThat(oracle.rows(CURRENT_YEAR)).isEqualTo(halfway);
        assertThat(rowsOf(nipPrefix)).as("employee_year after a redelivery, seed %d", seed)
                .containsExactlyElementsOf(halfway);

        // The consumer stops mid-stream; a new one resumes at the offsets stored with the projections.
        int split = middle + (story.size() - middle) / 2;
        consumer.stopConsuming();
        Map<String, RecordMetadata> sentWhileStopped = publish(story.subList(middle, split), oracle);
        consumer.startConsuming();
        publishAndAwait(story.subList(split, story.size()), oracle);
        sentWhileStopped.values().forEach(projections::awaitHandled);
        List<Row> expected = oracle.rows(CURRENT_YEAR);
        Log.infof("Projection oracle: %d employee-year rows; statuses %s", expected.size(), statusesOf(expected));
        assertThat(rowsOf(nipPrefix)).as("employee_year at the end, seed %d", seed).containsExactlyElementsOf(expected);

        Map<String, Figures> expectedFigures = new TreeMap<>();
        Map<String, Figures> actualFigures = new TreeMap<>();
        Map<String, String> expectedNames = new TreeMap<>();
        Map<String, String> actualNames = new TreeMap<>();
        for (String unit : ledger.unitCodes()) {
            for (int year = 2024; year <= CURRENT_YEAR; year++) {
                expectedFigures.put(unit + " " + year, oracle.figures(unit, year, CURRENT_YEAR, TODAY));
                actualFigures.put(unit + " " + year, figuresOf(unit, year));
                expectedNames.put(unit + " " + year, String.valueOf(oracle.nameIn(unit, year)));
                actualNames.put(unit + " " + year, String.valueOf(nameOf(unit, year)));
            }
        }
        assertThat(actualFigures).as("unit figures, seed %d", seed).isEqualTo(expectedFigures);
        // A year's unit answer names the unit as it was named on 31 December; a unit not in that year's tree is absent.
        assertThat(actualNames).as("unit names of each year, seed %d", seed).isEqualTo(expectedNames);

        // Policies for some of the story's subtrees: each employee-year is rated by its nearest ancestor's, live at
        // once and precomputed once the refresher has re-rated the years.
        List<RandomLedger.StatedPolicy> policies = ledger.unitPolicies(seed, 2024, CURRENT_YEAR);
        for (RandomLedger.StatedPolicy policy : policies) {
            Compliance.request().contentType(ContentType.JSON).body(policy.body())
                    .put("/api/v1/policies/{year}/units/{code}", policy.year(), policy.unitCode()).then()
                    .statusCode(201);
            oracle.unitPolicy(policy.year(), policy.unitCode(), policy.terms());
        }
        Log.infof("Projection oracle: %d unit policies", policies.size());
        Map<String, Figures> expectedRated = new TreeMap<>();
        Map<String, Figures> live = new TreeMap<>();
        for (String unit : ledger.unitCodes()) {
            for (int year = 2024; year <= CURRENT_YEAR; year++) {
                expectedRated.put(unit + " " + year, oracle.figures(unit, year, CURRENT_YEAR, TODAY));
                live.put(unit + " " + year, figures(unit, year, false));
            }
        }
        assertThat(live).as("unit figures rated live by the unit policies, seed %d", seed).isEqualTo(expectedRated);
        refresher.refreshStale();
        Map<String, Figures> precomputed = new TreeMap<>();
        Map<String, Figures> answered = new TreeMap<>();
        for (String unit : ledger.unitCodes()) {
            for (int year = 2024; year <= CURRENT_YEAR; year++) {
                precomputed.put(unit + " " + year, figures(unit, year, true));
                answered.put(unit + " " + year, figuresOf(unit, year));
            }
        }
        assertThat(precomputed).as("unit figures precomputed by the unit policies, seed %d", seed)
                .isEqualTo(expectedRated);
        assertThat(answered).as("unit figures answered by the unit policies, seed %d", seed).isEqualTo(expectedRated);
    }

    /**
     * A unit's figures over its subtree, rated live or summed from the precomputed figures (which must be fresh); null
     * for a unit not in the year's tree.
     */
    private Figures figures(String unit, int year, boolean precomputed) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (units.inYear(unit, year).isEmpty()) {
                return null;
            }
            FigureQuery question = FigureQuery.subtrees(List.of(unit));
            ComplianceRepository.YearPolicies policies = compliance.policiesOf(year);
            Map<String, UnitFigures> answer = precomputed
                    ? compliance.precomputedFigures(question, year, policies, TODAY).orElseThrow()
                    : compliance.liveFigures(question, year, policies, TODAY);
            UnitFigures f = answer.getOrDefault("", UnitFigures.NONE);
            return figuresOf(f);
        });
    }

    /** The oracle's shape of a group's figures: the tallies by employment type and leaving reason, keyed by name. */
    private static Figures figuresOf(UnitFigures f) {
        Map<String, Long> typeHeadcount = new TreeMap<>();
        Map<String, Long> typeCompliant = new TreeMap<>();
        for (EmploymentType type : EmploymentType.values()) {
            typeHeadcount.put(type.name(), f.tallies().headcount(type));
            typeCompliant.put(type.name(), f.tallies().compliant(type));
        }
        Map<String, Long> leavers = new TreeMap<>();
        f.tallies().leavers().forEach((reason, count) -> leavers.put(reason.name(), count));
        return new Figures(f.headcount(), f.compliant(), f.onTrack(), f.atRisk(), f.notMet(), f.totalJp(),
                f.tallies().exempt(), typeHeadcount, typeCompliant, leavers, f.tallies().aboveCap(), f.jpAboveCap(),
                f.tallies().leftService(), f.pendingJp(), f.flaggedJp());
    }

    /** Sends the events in order, feeds them to the oracle too, and waits until the consumer has handled them all. */
    private void publishAndAwait(List<Object> stretch, ProjectionOracle oracle) {
        publish(stretch, oracle).values().forEach(projections::awaitHandled);
    }

    /** Sends the events in order and feeds them to the oracle too; returns the last record sent to each partition. */
    private Map<String, RecordMetadata> publish(List<Object> stretch, ProjectionOracle oracle) {
        Map<String, RecordMetadata> lastByPartition = new HashMap<>();
        for (Object event : stretch) {
            RecordMetadata sent = send(event);
            oracle.apply(event);
            lastByPartition.merge(sent.topic() + "-" + sent.partition(), sent,
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return lastByPartition;
    }

    private RecordMetadata send(Object event) {
        if (event instanceof UnitUpserted unit) {
            return events.unit(unit);
        }
        if (event instanceof EmployeeUpserted employee) {
            return events.employee(employee);
        }
        CompletionRecorded completion = (CompletionRecorded) event;
        if (RandomLedger.REVIEWER.equals(completion.changedBy())) {
            return events.reviewed(completion);
        }
        return completion.active() && completion.version() > 1 ? events.amended(completion)
                : events.completion(completion);
    }

    private List<Row> rowsOf(String nipPrefix) {
        String sql = """
                SELECT nip, year, unit_code, employment_type, position_level, window_from, window_until, total_jp,
                       jp_teknis, jp_manajerial, jp_sosial_kultural, jp_klasikal, jp_nonklasikal, jp_luring, jp_daring,
                       jp_blended, completion_count, last_completion_date, exempt_days, exempt_from, exempt_until,
                       leaving_reason, contract_year_jp, verified_jp, trusted_jp, flagged_jp,
                       contract_year_verified_jp, contract_year_trusted_jp
                FROM employee_year WHERE nip LIKE ? ORDER BY nip, year""";
        List<Row> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, nipPrefix + "%");
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) {
                    rows.add(new Row(r.getString(1), r.getInt(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getObject(6, LocalDate.class), r.getObject(7, LocalDate.class), r.getBigDecimal(8),
                            r.getBigDecimal(9), r.getBigDecimal(10), r.getBigDecimal(11), r.getBigDecimal(12),
                            r.getBigDecimal(13), r.getBigDecimal(14), r.getBigDecimal(15), r.getBigDecimal(16),
                            r.getInt(17), r.getObject(18, LocalDate.class), r.getInt(19),
                            days(r.getArray(20), r.getArray(21)), r.getString(22), r.getBigDecimal(23),
                            r.getBigDecimal(24), r.getBigDecimal(25), r.getBigDecimal(26), r.getBigDecimal(27),
                            r.getBigDecimal(28)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        rows.sort(Row.ORDER);
        return rows;
    }

    /** The days of the stretches the two date arrays give (null: none). */
    private static Set<LocalDate> days(Array from, Array until) throws SQLException {
        Set<LocalDate> days = new TreeSet<>();
        if (from == null) {
            return days;
        }
        Object[] froms = (Object[]) from.getArray();
        Object[] untils = (Object[]) until.getArray();
        for (int i = 0; i < froms.length; i++) {
            LocalDate last = ((java.sql.Date) untils[i]).toLocalDate();
            for (LocalDate day = ((java.sql.Date) froms[i]).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
                days.add(day);
            }
        }
        return days;
    }

    /** The unit's name in the year's answer; null when the unit was not in that year's tree (404). */
    private static String nameOf(String unit, int year) {
        var response = Compliance.request().queryParam("year", year).get("/api/v1/compliance/units/{code}", unit);
        return response.statusCode() == 404 ? null : response.then().statusCode(200).extract().path("unit.name");
    }

    /** The unit's figures of the year as the API answers them; null when it was not in that year's tree (404). */
    private static Figures figuresOf(String unit, int year) {
        var response = Compliance.request().queryParam("year", year).get("/api/v1/compliance/units/{code}", unit);
        if (response.statusCode() == 404) {
            return null;
        }
        JsonPath body = response.then().statusCode(200).extract().jsonPath();
        return new Figures(body.getLong("unit.figures.headcount"), body.getLong("unit.figures.compliant"),
                body.getLong("unit.figures.onTrack"), body.getLong("unit.figures.atRisk"),
                body.getLong("unit.figures.notMet"), new BigDecimal(body.get("unit.figures.totalJp").toString()),
                body.getLong("unit.figures.exempt"), counts(body, "unit.figures.employmentTypes", ".headcount"),
                counts(body, "unit.figures.employmentTypes", ".compliant"), counts(body, "unit.figures.leavers", ""),
                body.getLong("unit.figures.aboveCap"), new BigDecimal(body.get("unit.figures.jpAboveCap").toString()),
                body.getLong("unit.figures.leftService"), jpOrZero(body, "unit.figures.pendingJp"),
                jpOrZero(body, "unit.figures.flaggedJp"));
    }

    /** JP the answer shows at {@code path}; absent is none. */
    private static BigDecimal jpOrZero(JsonPath body, String path) {
        Object value = body.get(path);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }

    private static Map<String, Long> counts(JsonPath body, String path, String field) {
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Object> entries = body.getMap(path);
        entries.keySet().forEach(key -> counts.put(key, body.getLong(path + "." + key + field)));
        return counts;
    }

    private static Map<String, Long> statusesOf(List<Row> rows) {
        return rows.stream().filter(row -> row.windowFrom() != null).collect(Collectors.groupingBy(
                row -> row.year() + " " + ProjectionOracle.status(row, TODAY), TreeMap::new, Collectors.counting()));
    }
}
